// Visible bylines: the small element of the content side that says who
// wrote the page ("By Jane Doe", "Written by" with the name in the next
// element, an author-named element holding just a name).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/blocks.h"
#include "dom/node_index.h"

namespace thresher::fields {

// Too many different authors on one page: a listing of articles, not one.
inline constexpr std::size_t kMaxAuthors = 4;

// The names of the page's first visible byline, empty if none.
// `labelled_only`: only lines that say "By", "Written by" (alone, with the
// name in the next element, or before it), in boilerplate too.
std::vector<std::string> find_byline(const dom::NodeIndex& index,
                                     const std::vector<content::NodeFeatures>& features,
                                     bool labelled_only = false);

// The name on the first line of the page's author box (an author-named
// element with its lines: name, role, bio), also outside the content (a
// side bar's author card), when all such boxes give one name.
std::vector<std::string> author_box_anywhere(const dom::NodeIndex& index,
                                             const std::vector<content::NodeFeatures>& f);

// The names in element `i`'s first line (its text up to the first block
// or <br> boundary after some text), else in all its text. A name and its
// role are often two lines of one element ("<a><p>Jane Doe</p><p>Tech
// Reporter</p></a>"); read as one, the role's first words stick to the
// name.
std::vector<std::string> names_in_element(const dom::NodeIndex& index, std::uint32_t i);

// The names of a list (<ul>, <ol>) whose every item is one name, as an
// "Author(s)" label introduces them; empty otherwise.
std::vector<std::string> names_in_list(const dom::NodeIndex& index, std::uint32_t list);

// Whether `part` (an inline element's text) starts the `line` holding it,
// or follows only a date there: "Published August 7, 2023 <span>by Nicole
// Burke</span>", "Posted on <time>…</time> by <a>Jane</a>". A "by" inside a
// sentence does neither.
bool starts_line_after_date(std::string_view line, std::string_view part);

// Whether an author-named element's class says it holds the author's
// details or another part of the byline, not the name: "author-description",
// "author-bio", "author-title", "author__role" ("Licensed Q Arabica Grader,
// M.A. Journalism" under the name in an author box), "byline__category",
// "byline__date".
bool names_author_details(std::string_view class_attr);

// Some names, each of two words or more ("Jane Doe", not "J" or "admin").
bool holds_full_names(const std::vector<std::string>& names);

// Element `i`'s text up to the first line break (a block or <br>) that
// follows some text; `*whole` tells whether that is all of it. With
// `stop`, the line starts at node *stop (when inside `i`) and *stop gets the
// node where it ended: the next call reads the next line.
std::string first_line_text(const dom::NodeIndex& index, std::uint32_t i, bool* whole,
                            std::uint32_t* stop = nullptr);

// Visible text must look like a person's name: in scripts with case, every
// word of a multi-word name but short particles (and "the": "Ask the
// Doctors") starts with a capital ("the end of this program" is not a name,
// "Ludwig van Beethoven" is); a single word may be a user handle.
bool capitalized_like_a_name(std::string_view name);

// Whether the text just before element `i` (past other names and the
// commas and "&" between them) credits it with other work than writing:
// "Reviewed by", "Edited by:", "Fact checked by", "Contributions from:",
// "Photos by". Such names sit beside the author's on many pages.
bool credited_for_other_work(const dom::NodeIndex& index, std::uint32_t i);

// The one person's name sharing a date line's row with the date, unlabelled:
// "Elliot Raba · 23.07.2025", "Dec 26, 2025 • Mahua Das in Project
// Management". The row is the largest element around `date_line` that is
// still one short line and does not hold `headline`; its pieces are its
// text runs cut at separators (· • | – —). Empty when no piece, or more
// than one, reads as a full name; pieces linking elsewhere than to a
// person's page are categories or the outlet, not names.
std::vector<std::string> name_beside_date(const dom::NodeIndex& index, std::uint32_t date_line,
                                          std::uint32_t headline);

// The one person's name on the line right above the date line's row, a
// short element of its own (not a heading, not the headline): meta blocks
// print the author over the date ("<p>Elliot Raba</p><div><span>23.07.2025
// </span> · 6 min read</div>").
std::vector<std::string> name_above_date(const dom::NodeIndex& index, std::uint32_t date_line,
                                         std::uint32_t headline);

// The one person's name in `row`, a short line of a page's meta (a date,
// a name, a category): its text runs cut at separators (· • | – —), the
// pieces reading as full names of two or three words, when exactly one
// does; pieces linking elsewhere than to a person's page are categories or
// the outlet.
// `cut_at_commas`: commas separate its pieces too ("Janic Cathomen,
// 01.12.2021").
std::vector<std::string> name_in_row(const dom::NodeIndex& index, std::uint32_t row,
                                     bool cut_at_commas = false);

// "By", "Written by", "Article by", "Posted by", "Author:" and the like,
// alone (`alone`) or at the start of a line.
bool says_by(std::string_view text, bool alone = false);

}  // namespace thresher::fields
