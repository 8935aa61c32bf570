#include "content/threads.h"

namespace thresher::content {
namespace {
// Below this a page's comments are a remark or two, whatever their share.
constexpr std::uint32_t kMinCommentChars = 500;
}  // namespace

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
