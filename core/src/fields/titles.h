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

// `text` holds the words of `part` in a row, case, spacing and the form of
// apostrophes aside: "Siemens: Kaeser verarscht Neubauer" holds "kaeser
// verarscht", not "kaeser verar".
bool contains_words(std::string_view text, std::string_view part);

// An <h1> of a few words that reads as a section's or a topic's label over
// the page's declared title: shorter by two words or more and not its
// start ("Toddler Sleep Training" over "How To Get Toddlers To Sleep In
// Their Own Bed", "M&A Updates" over "Cybersecurity Sector Update"). A
// declared title holding the <h1> (contains_words) is not: it is the
// <h1>'s name with search words ("Headlamps" / "Headlamps for Camping"),
// or its headline with a kicker in front.
bool reads_as_label(std::string_view h1, std::string_view declared);

// The site's front page: a URL whose path is empty or "/" (a query aside).
bool is_front_page(std::string_view url);

}  // namespace thresher::fields
