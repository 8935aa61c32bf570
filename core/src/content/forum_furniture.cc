#include "content/forum_furniture.h"

#include <re2/re2.h>

#include <functional>
#include <string>
#include <unordered_set>

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
      R"(^\s*\d[\d,.]*k?\s+(?:posts|messages|beiträge)\s*$|)"
      // The closed-thread notice, a quote's expand link, an edit stamp,
      // the thread starter's badge.
      R"(^\s*(?:see similar questions with these tags|not the answer you're looking for\?)|)"
      R"(\bnot open for further replies\b|^\s*click to (?:expand|shrink)\s*(?:\.\.\.|…)?\s*$|)"
      R"(^\s*last edited(?: by [^:(\d]{1,40})?:|^\s*(?:thread starter|original poster)\b)");
  return kPattern;
}

// A vote score or a post's number on its own ("12", "-3", "#4"), outside
// tables (whose cells hold figures for real).
const RE2& bare_number() {
  static const RE2 kPattern(R"(^\s*[+-]?#?\d[\d,.]*k?\s*$)");
  return kPattern;
}

bool is_table_part(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
      return true;
    default:
      return false;
  }
}

// Lower-cased text. A count of what follows ("11 Answers", "3 replies"),
// often set as a heading above the answers: the answers are the content.
const RE2& reply_count_words() {
  static const RE2 kPattern(
      R"(^\s*\d[\d,.]*k?\s+(?:answers?|replies|comments|likes?|votes?|reactions?)\s*$)");
  return kPattern;
}

// Text nodes shorter than this (a name, "Quote", "Click to expand...")
// repeat for real; a quoted sentence is longer.
constexpr std::size_t kMinQuotedNodeChars = 20;
// Share of a quote's visible text that must repeat earlier text nodes: the
// rest is its attribution ("Jane said:") and expand links.
constexpr float kMinRepeatedQuoteShare = 0.6f;

std::size_t normalized_hash(std::string_view text) {
  return std::hash<std::string>{}(text::to_lower_utf8(text::collapse_whitespace(text)));
}

// Whether an ancestor of `quote` up to `container` holds text besides it.
bool beside_own_text(const dom::NodeIndex& index, std::uint32_t quote, std::uint32_t container) {
  for (std::uint32_t a = index[quote].parent; a != dom::kNoNode && a >= container;
       a = index[a].parent) {
    if (index[a].text_chars > index[quote].text_chars) return true;
    if (a == container) break;
  }
  return false;
}

}  // namespace

bool is_reply_subject(std::string_view text) {
  static const LazyRE2 kReply = {R"((?i)^\s*(?:re|aw|antw|sv)(?:\[\d+\])?\s?:\s*\S)"};
  return RE2::PartialMatch(text, *kReply);
}

void prune_repeated_quotes(const dom::NodeIndex& index, Selection& sel) {
  std::unordered_set<std::size_t> seen;  // text nodes met outside quotes
  const std::uint32_t end = index[sel.container].end;
  for (std::uint32_t i = sel.container + 1; i < end; ++i) {
    const dom::Node& node = index[i];
    if (sel.pruned[i] || (node.flags & (dom::kHidden | dom::kSkipped))) {
      i = node.end - 1;
      continue;
    }
    if (node.is_text()) {
      if (node.text_chars >= kMinQuotedNodeChars) seen.insert(normalized_hash(index.text(i)));
      continue;
    }
    if (node.tag != GUMBO_TAG_BLOCKQUOTE) continue;
    // Some boards set a whole post in a <blockquote> (vBulletin's
    // "postcontent"): a quote is part of a post that adds words of its own.
    // Otherwise the element is the post; its quotes are looked for inside.
    if (!beside_own_text(index, i, sel.container)) continue;
    std::uint32_t repeated = 0;
    if (!seen.empty()) {
      for (std::uint32_t k = i + 1; k < node.end; ++k) {
        const dom::Node& t = index[k];
        if (t.is_text() && !(t.flags & dom::kHidden) && t.text_chars >= kMinQuotedNodeChars &&
            seen.count(normalized_hash(index.text(k))) != 0) {
          repeated += t.text_chars;
        }
      }
    }
    if (repeated > 0 && static_cast<float>(repeated) >=
                            kMinRepeatedQuoteShare * static_cast<float>(node.text_chars)) {
      sel.pruned[i] = true;
      sel.rules_fired.push_back("repeated_quote: " + index.path(i));
    }
    i = node.end - 1;  // a quote's own text is not a post's
  }
}

bool is_forum_furniture_text(std::string_view text) {
  const std::string lower = text::to_lower_utf8(text::collapse_whitespace(text));
  return RE2::PartialMatch(lower, forum_furniture_words()) ||
         RE2::PartialMatch(lower, reply_count_words());
}

bool is_reply_count(std::string_view text) {
  return RE2::PartialMatch(text::to_lower_utf8(text::collapse_whitespace(text)),
                           reply_count_words());
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
    if (!node.is_element() || node.text_chars == 0 || node.text_chars > kMaxForumFurnitureChars ||
        (i <= sel.core && node.end > sel.core)) {
      continue;
    }
    if (dom::is_heading_tag(node.tag)) {
      // A heading is furniture only as a count of the replies below it or
      // as a reply's subject line.
      const std::string text = index.text_content(i);
      if (!is_reply_count(text) && !is_reply_subject(text)) continue;
    } else if (features[i].block_chars == 0) {
      continue;
    } else if (const std::string text = index.text_content(i); !is_forum_furniture_text(text) &&
               (is_table_part(node.tag) || !RE2::FullMatch(text, bare_number()))) {
      continue;
    }
    sel.pruned[i] = true;
    sel.rules_fired.push_back("forum_furniture: " + index.path(i));
    i = node.end - 1;
  }
}

}  // namespace thresher::content
