#include "fields/titles.h"

#include <cctype>
#include <string>

#include "dom/text_util.h"
#include "util/url.h"

namespace thresher::fields {

bool begins_with_words(std::string_view title, std::string_view part) {
  const std::string t = text::to_lower_utf8(text::collapse_whitespace(title));
  const std::string p = text::to_lower_utf8(text::collapse_whitespace(part));
  if (p.empty() || !t.starts_with(p)) return false;
  if (t.size() == p.size()) return true;
  std::size_t at = p.size();
  // The next character must not continue the last word.
  return !text::is_word(text::next_code_point(t, at));
}

bool written_without_spaces(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t cp = text::next_code_point(s, i);
    if ((cp >= 0x0E00 && cp <= 0x0EFF) ||  // Thai, Lao
        (cp >= 0x1000 && cp <= 0x109F) ||  // Myanmar
        (cp >= 0x1780 && cp <= 0x17FF) ||  // Khmer
        (cp >= 0x3040 && cp <= 0x30FF) ||  // Hiragana, Katakana
        (cp >= 0x3400 && cp <= 0x9FFF) ||  // CJK ideographs (and extension A)
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) {
      return true;
    }
  }
  return false;
}

std::string without_anchor_mark(std::string heading) {
  std::size_t end = heading.size();
  while (end > 0) {
    // Step back over one code point (UTF-8 continuation bytes are 10xxxxxx).
    std::size_t at = end - 1;
    while (at > 0 && (static_cast<unsigned char>(heading[at]) & 0xC0) == 0x80) --at;
    std::size_t next = at;
    const char32_t cp = text::next_code_point(heading, next);
    const bool mark = cp == U'\u00B6' || (cp >= 0xE000 && cp <= 0xF8FF);
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == U'\u00A0';
    if (!mark && !space) break;
    end = at;
  }
  // Only a mark after the words: a heading that is all marks stays.
  if (end == 0) return heading;
  heading.resize(end);
  return heading;
}

namespace {

// Lower case, white space collapsed, apostrophes and accents used as
// apostrophes ("NPC´s", "NPC’s") written as one, trade marks ("Pro Tech®
// Toolkit") dropped.
std::string comparable(std::string_view s) {
  std::string out = text::to_lower_utf8(text::collapse_whitespace(s));
  auto replace_all = [&out](std::string_view mark, std::string_view by) {
    for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + by.size())) {
      out.replace(at, mark.size(), by);
    }
  };
  for (std::string_view mark : {"\u2019", "\u2018", "\u00B4", "`"}) replace_all(mark, "'");
  for (std::string_view mark : {"\u00AE", "\u2122"}) replace_all(mark, "");
  return out;
}

}  // namespace

bool contains_words(std::string_view text, std::string_view part) {
  const std::string t = comparable(text), p = comparable(part);
  if (p.empty()) return false;
  for (std::size_t at = t.find(p); at != std::string::npos; at = t.find(p, at + 1)) {
    std::size_t end = at + p.size();
    // Whole words: no letter or digit glued on either side.
    const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(t[at - 1]));
    const bool ends = end == t.size() || !text::is_word(text::next_code_point(t, end));
    if (starts && ends) return true;
  }
  return false;
}

bool reads_as_label(std::string_view h1, std::string_view declared) {
  // Measured on WCXB: up to six words, two fewer than the declared title.
  constexpr int kMaxLabelWords = 6;
  constexpr int kShorterBy = 2;
  const int words = text::word_count(h1);
  if (words == 0 || words > kMaxLabelWords || written_without_spaces(h1) ||
      text::word_count(declared) < words + kShorterBy) {
    return false;
  }
  // A declared title holding the <h1> whole is its name with search words
  // after it ("Headlamps for Camping"), or the headline with a kicker or a
  // blog's name in front ("Siemens und Adani: Kaeser verarscht Neubauer",
  // "PaiNs Blog : Silkroad Quests und NPC´s").
  if (contains_words(declared, h1)) return false;
  // One starting with the <h1>'s first word is another wording of the same
  // headline ("Firmenwagen: Leasing oder Finanzierung?" / "Firmenwagen:
  // Leasen oder Finanzieren? Was lohnt sich?", "What is a Mobile
  // Application?" / "What is a Mobile App? [Definition + Types]").
  const std::string h = comparable(h1);
  std::size_t first = 0;
  while (first < h.size()) {
    std::size_t next = first;
    if (!text::is_word(text::next_code_point(h, next))) break;
    first = next;
  }
  return first == 0 || !begins_with_words(declared, std::string_view(h).substr(0, first));
}

bool is_front_page(std::string_view url) {
  url::Parts parts;
  return url::split(url, &parts) && (parts.path.empty() || parts.path == "/");
}

}  // namespace thresher::fields
