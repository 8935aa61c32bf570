#include "content/forum_furniture.h"

#include <re2/re2.h>

#include <string>

#include "dom/text_util.h"

namespace thresher::content {
namespace {

// Visible characters (white space not counted) of a block that may be one
// statistic or one prompt; a post's text is longer.
constexpr std::uint32_t kMaxForumFurnitureChars = 150;

const RE2& forum_furniture_words() {
  // Lower-cased text. A statistic: the block starts with a label and a
  // colon. A prompt: one of the phrases anywhere in the block.
  static const RE2 kPattern(
      R"(^\s*(?:join(?:ed)?(?: date)?|posts?|threads?|messages?|registered|member since|)"
      R"(reputation|reaction score|points|likes(?: received)?|trophies|solutions|karma|)"
      R"(beiträge|mitglied seit|registriert seit|inscrit|inscrit le|mensajes|registrado)\s*:|)"
      R"(\b(?:sign|log) ?in (?:or (?:sign|register) ?up )?to (?:comment|reply|post|see|view|join)\b|)"
      R"(\bcreate an account or (?:sign|log) ?in\b|)"
      R"(\byou (?:need|must|have) to be (?:a member|logged in|registered|signed in)\b|)"
      R"(\b(?:browsing|viewing) .{0,80}\bas a guest\b|)"
      R"(\b(?:join|register)(?: now| us| today| for free)? to (?:see|view|reply|comment|post)\b|)"
      R"(^\s*\d[\d,.]*k?\s+(?:posts|messages|beiträge)\s*$)");
  return kPattern;
}

}  // namespace

bool is_forum_furniture_text(std::string_view text) {
  return RE2::PartialMatch(text::to_lower_utf8(text::collapse_whitespace(text)),
                           forum_furniture_words());
}

void prune_forum_furniture(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                           Selection& sel) {
  const std::uint32_t end = index[sel.container].end;
  for (std::uint32_t i = sel.container + 1; i < end; ++i) {
    const dom::Node& node = index[i];
    if (sel.pruned[i] || (node.flags & (dom::kHidden | dom::kSkipped))) {
      i = node.end - 1;
      continue;
    }
    if (!node.is_element() || features[i].block_chars == 0 || node.text_chars == 0 ||
        node.text_chars > kMaxForumFurnitureChars || dom::is_heading_tag(node.tag) ||
        (i <= sel.core && node.end > sel.core)) {
      continue;
    }
    if (!is_forum_furniture_text(index.text_content(i))) continue;
    sel.pruned[i] = true;
    sel.rules_fired.push_back("forum_furniture: " + index.path(i));
    i = node.end - 1;
  }
}

}  // namespace thresher::content
