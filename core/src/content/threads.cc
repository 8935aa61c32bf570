#include "content/threads.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace thresher::content {
namespace {
// Below this a page's comments are a remark or two, whatever their share.
constexpr std::uint32_t kMinCommentChars = 500;
// Levels climbed from the best element looking for its twins: a post's
// text sits a few wrappers deep (message body, content, post).
constexpr int kMaxPostClimb = 6;
// Levels climbed from a reply list looking for the question set apart
// before it (the list's block, its wrapper, the thread's body).
constexpr int kMaxOriginalPostClimb = 3;
// A post body this long at least: a signature line or a one-word reply's
// wrapper says nothing about which elements hold posts.
constexpr std::uint32_t kMinPostBodyChars = 80;

bool is_visible_text(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                     std::uint32_t k) {
  const dom::Node& node = index[k];
  return node.is_element() && node.text_chars > 0 && !(node.flags & (dom::kHidden | dom::kSkipped)) &&
         !features[k].boilerplate && 2 * node.link_chars < node.text_chars;
}

// An ancestor a post's search may climb to: inside <body>, shown, not furniture.
bool is_climbable(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                  std::uint32_t parent, std::uint32_t body) {
  return parent != dom::kNoNode && parent > body && !features[parent].boilerplate &&
         !(index[parent].flags & (dom::kHidden | dom::kSkipped));
}

bool is_twin(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
             std::uint32_t a, std::uint32_t k) {
  const dom::Node& node = index[k];
  return is_visible_text(index, features, k) && node.tag == index[a].tag &&
         index.attr(k, "class") == index.attr(a, "class");
}
}  // namespace

std::uint32_t post_list(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                        std::uint32_t core, std::uint32_t container) {
  const std::uint32_t body = index.body();
  if (body == dom::kNoNode || core == dom::kNoNode || container == dom::kNoNode) return dom::kNoNode;
  std::uint32_t a = core;
  for (int level = 0; level < kMaxPostClimb; ++level) {
    const std::uint32_t parent = index[a].parent;
    if (!is_climbable(index, features, parent, body)) return dom::kNoNode;
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

std::uint32_t original_post_root(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                                 std::uint32_t container) {
  const std::uint32_t body = index.body();
  if (body == dom::kNoNode || container == dom::kNoNode) return dom::kNoNode;
  using Kind = std::pair<GumboTag, std::string_view>;  // a post body's tag and class
  auto body_kind = [&](std::uint32_t k) -> Kind {
    if (index[k].text_chars < kMinPostBodyChars || !is_visible_text(index, features, k)) return {};
    return {index[k].tag, index.attr(k, "class")};
  };
  std::vector<Kind> seen;
  for (std::uint32_t k = container + 1; k < index[container].end; ++k) {
    if (index[k].flags & (dom::kHidden | dom::kSkipped)) {
      k = index[k].end - 1;
      continue;
    }
    if (const Kind kind = body_kind(k); !kind.second.empty()) seen.push_back(kind);
  }
  std::sort(seen.begin(), seen.end());
  std::vector<Kind> repeated;  // the kinds two post bodies or more share
  for (std::size_t i = 1; i < seen.size(); ++i) {
    if (seen[i] == seen[i - 1] && (repeated.empty() || repeated.back() != seen[i])) repeated.push_back(seen[i]);
  }
  if (repeated.empty()) return dom::kNoNode;
  std::uint32_t a = container;
  for (int level = 0; level < kMaxOriginalPostClimb; ++level) {
    const std::uint32_t parent = index[a].parent;
    if (!is_climbable(index, features, parent, body)) return dom::kNoNode;
    // The earlier children only: a thread's question comes before its replies.
    for (std::uint32_t c = parent + 1; c < a; c = index[c].end) {
      if (index[c].flags & (dom::kHidden | dom::kSkipped) || features[c].boilerplate) continue;
      for (std::uint32_t k = c; k < index[c].end; ++k) {
        if (index[k].flags & (dom::kHidden | dom::kSkipped)) {
          k = index[k].end - 1;
          continue;
        }
        const Kind kind = body_kind(k);
        if (!kind.second.empty() && std::binary_search(repeated.begin(), repeated.end(), kind)) return parent;
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
