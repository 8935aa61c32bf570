#include "dom/text_util.h"

namespace thresher::text {

char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_space(char32_t cp) noexcept {
  switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0xA0: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF: case 0x1680:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200B;
  }
}

bool is_word(char32_t cp) noexcept {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  }
  if (is_space(cp)) return false;
  // Latin-1 punctuation and symbols (¡ through ¿ except ª, ², ³, µ, ¹, º, ¼-¾), × and ÷.
  if (cp <= 0xBF) {
    return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA ||
           (cp >= 0xBC && cp <= 0xBE);
  }
  if (cp == 0xD7 || cp == 0xF7) return false;
  // General punctuation, currency, letterlike arrows, math, box drawing,
  // dingbats, CJK punctuation, full-width ASCII punctuation, specials.
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp >= 0xFF1A && cp <= 0xFF20) return false;
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
  // Combining marks are not \w in Python; keep them as separators too.
  if (cp >= 0x0300 && cp <= 0x036F) return false;
  return true;
}

char32_t to_lower(char32_t cp) noexcept {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if ((cp >= 0xC0 && cp <= 0xDE) && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A alternates upper/lower, with a few exceptions.
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp % 2) ? cp + 1 : cp;
    if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x178) return cp;
    return (cp % 2) ? cp : cp + 1;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                  // Cyrillic
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

namespace {

// ASCII white space, as append_collapsed reads it.
struct AsciiSpace {
  bool is[128] = {};
  constexpr AsciiSpace() {
    for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) is[static_cast<unsigned char>(c)] = true;
  }
};
constexpr AsciiSpace kAsciiSpace;

}  // namespace

void append_collapsed(std::string& out, std::string_view s) {
  bool pending_space = !out.empty() && out.back() != ' ' && out.back() != '\n';
  bool saw_space = false;
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // A word: characters copied as they are, up to white space, a
    // zero-width character or an invalid byte; one append for all of them
    // (this runs over every text node, often more than once).
    const std::size_t word = i;
    while (i < n) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b < 0x80) {
        if (kAsciiSpace.is[b]) break;
        ++i;
        continue;
      }
      std::size_t next = i;
      const char32_t cp = next_code_point(s, next);
      // is_space covers the zero-width U+200B and U+FEFF.
      if (is_space(cp) || (cp == 0xFFFD && next - i == 1)) break;
      i = next;
    }
    if (i > word) {
      if (saw_space && pending_space) out.push_back(' ');
      saw_space = false;
      pending_space = true;
      out.append(s.data() + word, i - word);
    }
    if (i == n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII white space
      saw_space = true;
      ++i;
      continue;
    }
    const char32_t cp = next_code_point(s, i);
    if (cp == 0x200B || cp == 0xFEFF) continue;  // zero-width: drop
    if (is_space(cp)) {
      saw_space = true;
      continue;
    }
    // An invalid byte: written as U+FFFD.
    if (saw_space && pending_space) out.push_back(' ');
    saw_space = false;
    pending_space = true;
    append_utf8(out, cp);
  }
  // A trailing space is kept as pending: callers joining inline pieces need
  // to know a space separated them.
  if (saw_space && pending_space) out.push_back(' ');
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_collapsed(out, s);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view trim(std::string_view s) noexcept {
  std::size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return s.substr(b, e - b);
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) noexcept {
  if (s.size() <= max_bytes) return s;
  std::size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string to_lower_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // A run of ASCII (most of any text) is copied at once and lower-cased
    // in place, not decoded and encoded again a character at a time: the
    // content stage lower-cases many short texts of every page.
    std::size_t j = i;
    while (j < n && static_cast<unsigned char>(s[j]) < 0x80) ++j;
    if (j > i) {
      const std::size_t at = out.size();
      out.append(s.data() + i, j - i);
      for (std::size_t k = at; k < out.size(); ++k) {
        if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] + 32);
      }
      i = j;
      if (i == n) break;
    }
    append_utf8(out, to_lower(next_code_point(s, i)));
  }
  return out;
}

bool same_text_folded(std::string_view a, std::string_view b) {
  const std::string x = to_lower_utf8(collapse_whitespace(a));
  return !x.empty() && x == to_lower_utf8(collapse_whitespace(b));
}

namespace {

// 1 for a byte that starts a visible character: not a UTF-8 continuation
// byte, not white space. A table, not branches: this runs over every text
// node of a page.
struct VisibleStarts {
  unsigned char counts[256] = {};
  constexpr VisibleStarts() {
    for (int b = 0; b < 256; ++b) {
      counts[b] = (b & 0xC0) != 0x80 && b != ' ' && b != '\n' && b != '\t' && b != '\r' && b != '\f';
    }
  }
};
constexpr VisibleStarts kVisibleStarts;

}  // namespace

std::size_t visible_length(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) n += kVisibleStarts.counts[static_cast<unsigned char>(c)];
  return n;
}

int word_count(std::string_view s) noexcept {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool ends_with_sentence_punctuation(std::string_view s) noexcept {
  s = trim(s);
  // Skip closing quotes and brackets: `... manner."` ends a sentence too.
  while (!s.empty()) {
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
      continue;
    }
    if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
        static_cast<unsigned char>(s[s.size() - 2]) == 0x80 &&
        (static_cast<unsigned char>(s.back()) == 0x9D || static_cast<unsigned char>(s.back()) == 0x99)) {
      s.remove_suffix(3);  // ” ’
      continue;
    }
    break;
  }
  if (s.empty()) return false;
  const char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
  // 。！？ (CJK full stops) and … end sentences as well.
  return s.ends_with("\xE3\x80\x82") || s.ends_with("\xEF\xBC\x81") || s.ends_with("\xEF\xBC\x9F") ||
         s.ends_with("\xE2\x80\xA6") || s.ends_with("\xD8\x9F") || s.ends_with("\xDB\x94");
}

std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"},
      {"nbsp;", "\xC2\xA0"}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    const std::string_view rest = s.substr(i + 1);
    bool done = false;
    for (const auto& [name, value] : kNamed) {
      if (rest.starts_with(name)) {
        out.append(value);
        i += 1 + name.size();
        done = true;
        break;
      }
    }
    if (!done && rest.starts_with("#")) {
      const bool hex = rest.size() > 1 && (rest[1] == 'x' || rest[1] == 'X');
      std::size_t k = hex ? 2 : 1;
      char32_t cp = 0;
      std::size_t digits = 0;
      for (; k < rest.size() && digits < 8; ++k, ++digits) {
        const char c = rest[k];
        int v = -1;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
        if (v < 0) break;
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (digits > 0 && k < rest.size() && rest[k] == ';' && cp > 0 && cp <= 0x10FFFF &&
          !(cp >= 0xD800 && cp <= 0xDFFF)) {
        append_utf8(out, cp);
        i += 1 + k + 1;
        done = true;
      }
    }
    if (!done) out.push_back(s[i++]);
  }
  return out;
}

bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals_ascii(s.substr(0, prefix.size()), prefix);
}

}  // namespace thresher::text
