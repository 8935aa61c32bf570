// Visible date lines: the small elements of the page that
// are little but a date ("Posted on March 2, 2023", "Last updated: 2 Mar
// 2023 · 5 min read", <time datetime=...>), in document order, with their
// distance in text from the page's start, so that the field code can take
// the one next to the headline.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "dom/node_index.h"
#include "fields/dates.h"

namespace thresher::fields {

struct DateLine {
  std::uint32_t node = dom::kNoNode;
  CivilDate date;
  std::uint32_t text_before = 0;  // visible characters of the page before the line
};

// At most `max_lines` date lines, in document order (also in boilerplate:
// a post's date often sits in its aside or share bar, next to the headline);
// `headline` (a node or kNoNode) gets its text offset in *headline_at.
std::vector<DateLine> find_date_lines(const dom::NodeIndex& index,
                                      bool month_first, std::size_t max_lines,
                                      std::uint32_t headline = dom::kNoNode,
                                      std::uint32_t* headline_at = nullptr);

// The date that a "Published" label (alone in its element: "Published",
// "Published on", "Date published:", "Posted") introduces in the next
// element, anywhere on the page: such a pair often sits in an aside after
// the article, far from the headline.
std::optional<CivilDate> labelled_publication_date(const dom::NodeIndex& index, bool month_first);

// The date of text node `text_node` when it is a date on a line of its own in a large
// element, between its blocks ("<legend>Title</legend> 20 December 2025
// <div>…"): not in a paragraph, list item or small element, nor in a run of
// inline text.
std::optional<CivilDate> bare_date(const dom::NodeIndex& index, std::uint32_t text_node, bool month_first);

// The date a note gives as the first publication's: "This article was
// originally published on 26 Sep 2019 at 4:12pm but has been updated": the
// date right after the phrase, in one text run, or none.
std::optional<CivilDate> originally_published_date(const dom::NodeIndex& index, bool month_first);

// The date printed in the element right after a byline, anywhere on the
// page: "<p>Written by <a>Jane Doe</a></p><p>April 8, 2024</p>", an author
// box after the article. The first such pair.
std::optional<CivilDate> date_after_byline(const dom::NodeIndex& index, bool month_first);

// True when `text` is short enough to be a date line (a date with its
// label, author and time), not a sentence that mentions a date.
bool reads_as_date_line(std::string_view text);

}  // namespace thresher::fields
