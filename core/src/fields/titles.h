// Small tests on title candidates (an <h1>, a declared title) that the
// title choice in fields.cc combines.
#pragma once

#include <string>
#include <string_view>

namespace thresher::fields {

// `title` begins with the words of `part`, case and spacing aside:
// "Headlamps for Camping" begins with "Headlamps", not with "Head". A
// shop's or a section's name ("Headlamps", "Marathon Training") is often
// the start of its declared title, the rest search words.
bool begins_with_words(std::string_view title, std::string_view part);

// `s` holds a letter of a script written without spaces between words
// (Han, kana, Thai, Lao, Khmer, Myanmar): there a run without a space is a
// whole sentence, not one word.
bool written_without_spaces(std::string_view s);

// `heading` without the permalink mark a documentation generator appends
// to it: Sphinx's and MkDocs' headerlink "¶", an icon font's private-use
// glyph (Ansible's link icon). Not "#": "C#" ends with it. "Advanced Usage¶" is "Advanced
// Usage": with the mark it agrees with no declared title.
std::string without_anchor_mark(std::string heading);

// The site's front page: a URL whose path is empty or "/" (a query aside).
bool is_front_page(std::string_view url);

}  // namespace thresher::fields
