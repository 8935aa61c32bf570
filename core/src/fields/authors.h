// Author strings as pages write them ("By Jane Doe and John Roe | Staff
// Writer", "jane@example.com", "@jane") cleaned into a list of names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace thresher::fields {

// Splits and cleans; returns no names when the string does not look like
// names (too long, a date, a URL, a sentence).
// `split`: also split on " and ", "&", "," (off for structured sources that
// give one name per entry, like JSON-LD's author.name).
std::vector<std::string> clean_authors(std::string_view raw, bool split = true);

// The post-nominal letters closing `name` (", MD", ", MS, RD", ", Ph.D."),
// "" if none: comma-separated tokens of two to six capitals, or PhD.
std::string_view credentials_suffix(std::string_view name);
// The letters of such a suffix: ", MS,  RD" -> {"MS", "RD"}.
std::vector<std::string_view> credential_tokens(std::string_view suffix);

// A name written surname first, as scholarly metadata writes it
// (citation_author "Kaufman, Jeff T."), in reading order ("Jeff T. Kaufman");
// `name` unchanged when it is not one: no comma, more than one, or
// something other than given names after it (", MD", ", Staff Writer").
std::string surname_first_to_natural(std::string_view name);

// Appends the names of `more` not already in `names` (case-insensitive).
void merge_names(std::vector<std::string>& names, const std::vector<std::string>& more);

}  // namespace thresher::fields
