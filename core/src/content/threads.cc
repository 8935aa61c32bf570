#include "content/threads.h"

namespace thresher::content {
namespace {
// Below this a page's comments are a remark or two, whatever their share.
constexpr std::uint32_t kMinCommentChars = 500;
// Levels climbed from the best element looking for its twins: a post's
// text sits a few wrappers deep (message body, content, post).
constexpr int kMaxPostClimb = 6;

bool is_twin(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
             std::uint32_t a, std::uint32_t k) {
  const dom::Node& node = index[k];
  return node.is_element() && node.tag == index[a].tag && node.text_chars > 0 &&
         !(node.flags & (dom::kHidden | dom::kSkipped)) && !features[k].boilerplate &&
         2 * node.link_chars < node.text_chars && index.attr(k, "class") == index.attr(a, "class");
}
}  // namespace

std::uint32_t post_list(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                        std::uint32_t core, std::uint32_t container) {
  const std::uint32_t body = index.body();
  if (body == dom::kNoNode || core == dom::kNoNode || container == dom::kNoNode) return dom::kNoNode;
  std::uint32_t a = core;
  for (int level = 0; level < kMaxPostClimb; ++level) {
    const std::uint32_t parent = index[a].parent;
    if (parent == dom::kNoNode || parent <= body || features[parent].boilerplate ||
        (index[parent].flags & (dom::kHidden | dom::kSkipped))) {
      return dom::kNoNode;
    }
    const bool above_container = parent < container && index[parent].end >= index[container].end;
    if (above_container) {
      for (std::uint32_t k = parent + 1; k < index[parent].end; k = index[k].end) {
        if (k != a && is_twin(index, features, a, k)) return parent;
      }
    }
    a = parent;
  }
  return dom::kNoNode;
}

std::uint32_t comment_section_chars(const dom::NodeIndex& index,
                                    const std::vector<NodeFeatures>& features) {
  const std::uint32_t body = index.body();
  if (body == dom::kNoNode) return 0;
  std::uint32_t chars = 0;
  for (std::uint32_t i = body + 1; i < index[body].end;) {
    const dom::Node& node = index[i];
    if (node.flags & (dom::kHidden | dom::kSkipped)) {
      i = node.end;
      continue;
    }
    if (node.is_element() && mask_has_kind(features[i].rules, RuleKind::kComments)) {
      chars += node.text_chars;
      i = node.end;  // outermost only: nested replies are counted once
      continue;
    }
    ++i;
  }
  return chars;
}

bool comments_dominate(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features) {
  const std::uint32_t body = index.body();
  if (body == dom::kNoNode) return false;
  const std::uint32_t comments = comment_section_chars(index, features);
  return comments >= kMinCommentChars && 2 * comments >= index[body].text_chars;
}

}  // namespace thresher::content
