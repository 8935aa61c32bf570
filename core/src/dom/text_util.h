// UTF-8 text helpers shared by every stage: whitespace normalisation, code
// point classes and simple case folding. No locale, no allocation surprises.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace thresher::text {

// Decodes one code point at s[i], advancing i; invalid bytes yield U+FFFD
// and advance by one.
char32_t next_code_point(std::string_view s, std::size_t& i) noexcept;
void append_utf8(std::string& out, char32_t cp);

// White space as browsers collapse it, plus NBSP and the Unicode spaces
// (U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000, U+FEFF).
bool is_space(char32_t cp) noexcept;
// Letters, digits and '_' in any script (an approximation of Python's \w:
// every code point >= U+0080 that is not a space, punctuation or symbol).
bool is_word(char32_t cp) noexcept;
// Lower-cases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
char32_t to_lower(char32_t cp) noexcept;

// Collapses runs of white space to one ' ' and trims both ends.
std::string collapse_whitespace(std::string_view s);
// Appends `s` to `out` with white space collapsed, without a leading space
// when `out` is empty or already ends in one.
void append_collapsed(std::string& out, std::string_view s);
std::string_view trim(std::string_view s) noexcept;
// At most `max_bytes` of `s`, never cutting a UTF-8 sequence in two.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) noexcept;
std::string to_lower_ascii(std::string_view s);
std::string to_lower_utf8(std::string_view s);
// Equal once white space is collapsed and case folded, and not empty: a
// heading that spells a title ("Robotic  Vacuums" for "robotic vacuums").
bool same_text_folded(std::string_view a, std::string_view b);
// Number of non-space code points: our unit of "text length".
std::size_t visible_length(std::string_view s) noexcept;
// Runs of characters between white space: "By  Jane Doe" has 3.
int word_count(std::string_view s) noexcept;
bool ends_with_sentence_punctuation(std::string_view s) noexcept;
// Decodes the HTML character references that leak into JSON-LD and meta
// values (&amp; &lt; &gt; &quot; &apos; &nbsp; and numeric ones).
std::string decode_entities(std::string_view s);
bool iequals_ascii(std::string_view a, std::string_view b) noexcept;
bool starts_with_ci(std::string_view s, std::string_view prefix) noexcept;

}  // namespace thresher::text
