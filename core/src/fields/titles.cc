#include "fields/titles.h"

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

bool is_front_page(std::string_view url) {
  url::Parts parts;
  return url::split(url, &parts) && (parts.path.empty() || parts.path == "/");
}

}  // namespace thresher::fields
