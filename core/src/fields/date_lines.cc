#include "fields/date_lines.h"

#include <re2/re2.h>

#include "dom/text_util.h"
#include "fields/bylines.h"

namespace thresher::fields {
namespace {

// A date line is a line, not a sentence that mentions a date.
constexpr std::uint32_t kMaxDateLineChars = 90;
constexpr int kMaxDateLineWords = 12;

// The longest bare text read as a date line: a date and a few words
// ("Posted 20 December 2025, 14:05"), not a sentence.
constexpr std::uint32_t kMaxBareDateChars = 40;

// The date an element shows: a <time>'s datetime, else its text.
std::optional<CivilDate> element_date(const dom::NodeIndex& index, std::uint32_t k, bool month_first) {
  std::optional<CivilDate> d;
  if (index[k].tag == GUMBO_TAG_TIME) d = parse_date(index.attr(k, "datetime"), month_first);
  if (!d) d = parse_date(index.text_content(k), month_first);
  return d;
}

}  // namespace

std::optional<CivilDate> bare_date(const dom::NodeIndex& index, std::uint32_t text_node, bool month_first) {
  const dom::Node& n = index[text_node];
  if (n.text_chars < 6 || n.text_chars > kMaxBareDateChars || n.parent == dom::kNoNode) return std::nullopt;
  // Inside a small element the element is the line (read as such); inside
  // a paragraph or a link it is a part of a sentence or of a teaser.
  const dom::Node& parent = index[n.parent];
  if (parent.text_chars <= kMaxDateLineChars || !dom::is_block_tag(parent.tag) ||
      parent.tag == GUMBO_TAG_P || parent.tag == GUMBO_TAG_LI) {
    return std::nullopt;
  }
  const std::string_view text = index.text(text_node);
  if (!reads_as_date_line(text)) return std::nullopt;
  std::optional<CivilDate> date = parse_date(text, month_first);
  if (!date) return std::nullopt;
  // Its neighbours with text (past <br>s, images, white space) are blocks:
  // a line of its own, not a part of a run of inline text. The one before
  // is found from the parent's first child, a bounded walk: a bare date is
  // one of a few lines, not of a log of thousands.
  constexpr int kMaxSiblingsWalked = 256;
  auto block = [&](std::uint32_t k) {
    return k == dom::kNoNode || (index[k].is_element() && dom::is_block_tag(index[k].tag));
  };
  std::uint32_t after = dom::kNoNode;
  for (std::uint32_t k = n.end; k < parent.end && after == dom::kNoNode; k = index[k].end) {
    if (index[k].text_chars > 0) after = k;
  }
  if (!block(after)) return std::nullopt;
  std::uint32_t before = dom::kNoNode;
  int walked = 0;
  for (std::uint32_t k = n.parent + 1; k < text_node; k = index[k].end) {
    if (++walked > kMaxSiblingsWalked) return std::nullopt;
    if (index[k].text_chars > 0) before = k;
  }
  return block(before) ? date : std::nullopt;
}

bool reads_as_date_line(std::string_view text) {
  return !text.empty() && text.size() <= kMaxDateLineChars * 2 &&
         text::word_count(text) <= kMaxDateLineWords;
}

std::vector<DateLine> find_date_lines(const dom::NodeIndex& index,
                                      bool month_first, std::size_t max_lines,
                                      std::uint32_t headline, std::uint32_t* headline_at) {
  std::vector<DateLine> lines;
  if (index.body() == dom::kNoNode) return lines;
  std::uint32_t seen = 0;  // visible characters before node i
  std::uint32_t failed_end = 0, failed_chars = 0;  // the last element whose text held no date
  bool headline_seen = headline == dom::kNoNode;
  auto at_headline = [&](std::uint32_t i) {
    if (!headline_seen && i <= headline && headline < index[i].end) {
      headline_seen = true;
      if (headline_at) *headline_at = seen;
    }
  };
  // Skips node i's subtree, counting its text.
  auto skip = [&](std::uint32_t& i) {
    at_headline(i);
    seen += index[i].text_chars;
    i = index[i].end - 1;
  };
  for (std::uint32_t i = index.body(); i < index.size(); ++i) {
    if (lines.size() >= max_lines && headline_seen) break;
    const dom::Node& n = index[i];
    if (i == headline) at_headline(i);
    if (n.is_text()) {
      if (n.flags & dom::kHidden) continue;
      // A date written as a bare line of a large element, between its
      // blocks ("<legend>Title</legend> 20 December 2025 <div>…"): no element
      // of its own holds it.
      if (lines.size() < max_lines) {
        if (auto date = bare_date(index, i, month_first)) lines.push_back(DateLine{i, *date, seen});
      }
      seen += n.text_chars;
      continue;
    }
    if (n.flags & dom::kSkipped) {
      i = n.end - 1;
      continue;
    }
    if (n.text_chars < 6 || (n.flags & dom::kHidden) || i == headline) continue;

    if (n.text_chars > kMaxDateLineChars || lines.size() >= max_lines) continue;
    if (headline != dom::kNoNode && i < headline && headline < n.end) continue;  // holds the headline
    std::optional<CivilDate> date;
    if (n.tag == GUMBO_TAG_TIME) date = parse_date(index.attr(i, "datetime"), month_first);
    // A wrapper's only text is its child's (<li><a><span>…): a descendant with
    // as much text as an element that failed holds the same text, and fails too.
    if (!date && i < failed_end && n.text_chars == failed_chars) continue;
    // Every date form parse_date reads holds a year in digits: without a
    // digit the element fails, and its text (a copy) need not be built.
    // Most short elements of a page (menu items, buttons) hold none.
    if (!date && !dom::subtree_has_digit(index, i)) {
      failed_end = n.end;
      failed_chars = n.text_chars;
      continue;
    }
    const std::string text = index.text_content(i);
    if (!date) {
      if (!reads_as_date_line(text)) continue;
      date = parse_date(text, month_first);
    }
    if (!date) {
      failed_end = n.end;
      failed_chars = n.text_chars;
      continue;
    }
    lines.push_back(DateLine{i, *date, seen});
    skip(i);  // the line's parts are the same line
  }
  return lines;
}

std::optional<CivilDate> labelled_publication_date(const dom::NodeIndex& index, bool month_first) {
  static const LazyRE2 kLabel = {
      R"((?i)^\s*(?:published|posted|date\s+published|publication\s+date|published\s+on|posted\s+on)\s*:?\s*$)"};
  constexpr std::uint32_t kMaxLabelChars = 24, kMaxDateChars = 60;
  for (std::uint32_t i = index.body() == dom::kNoNode ? 0 : index.body(); i < index.size(); ++i) {
    const dom::Node& n = index[i];
    if (!n.is_element() || n.text_chars == 0 || n.text_chars > kMaxLabelChars) continue;
    if (!RE2::FullMatch(index.text_content(i), *kLabel)) continue;
    // The value is the next element; past a second label for screen
    // readers ("<h4>Published</h4><h3 class=sr-only>Publish date</h3><time>").
    std::uint32_t next = dom::next_element_sibling(index, i);
    for (int hop = 0; hop < 2 && next != dom::kNoNode; ++hop, next = dom::next_element_sibling(index, next)) {
      if (index[next].text_chars > kMaxDateChars) break;
      if (auto d = element_date(index, next, month_first)) return d;
    }
  }
  return std::nullopt;
}

std::optional<CivilDate> date_after_byline(const dom::NodeIndex& index, bool month_first) {
  constexpr std::uint32_t kMaxBylineChars = 80, kMaxDateChars = 40;
  for (std::uint32_t i = index.body() == dom::kNoNode ? 0 : index.body(); i < index.size(); ++i) {
    const dom::Node& n = index[i];
    if (!n.is_element() || n.text_chars < 4 || n.text_chars > kMaxBylineChars) continue;
    // The sibling first: it is cheap to rule out (every date parse_date
    // reads has a year in digits), the byline's text is built only then.
    const std::uint32_t next = dom::next_element_sibling(index, i);
    if (next == dom::kNoNode || index[next].text_chars > kMaxDateChars ||
        (index[next].tag != GUMBO_TAG_TIME && !dom::subtree_has_digit(index, next))) {
      continue;
    }
    const std::string line = index.text_content(i);
    if (!says_by(line) || says_by(line, /*alone=*/true)) continue;  // "By Jane Doe", not the label alone
    if (auto d = element_date(index, next, month_first)) return d;
  }
  return std::nullopt;
}

std::optional<CivilDate> originally_published_date(const dom::NodeIndex& index, bool month_first) {
  // The date right after the phrase: "in March 2022. Last updated on
  // December 20, 2024" gives no day of first publication, and no date.
  static const LazyRE2 kOriginally = {
      R"((?i)originally\s+published(?:\s+on)?:?\s+()"
      R"(\d{1,2}(?:st|nd|rd|th)?\.?\s+\pL+\.?,?\s+\d{4}|\pL+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|)"
      R"(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}))"};
  for (std::uint32_t i = index.body() == dom::kNoNode ? 0 : index.body(); i < index.size(); ++i) {
    const dom::Node& n = index[i];
    if (!n.is_text() || n.text_chars < 20 || (n.flags & dom::kHidden)) continue;
    const std::string_view text = index.text(i);
    // A byte search first: the phrase is rare, the regex need not run on every text.
    if (text.find("riginally") == std::string_view::npos &&
        text.find("RIGINALLY") == std::string_view::npos) {
      continue;
    }
    re2::StringPiece date;
    if (!RE2::PartialMatch(text, *kOriginally, &date)) continue;
    if (auto d = parse_date(std::string_view(date.data(), date.size()), month_first)) return d;
  }
  return std::nullopt;
}

}  // namespace thresher::fields
