#include "input/lifted_text.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "dom/text_util.h"

namespace thresher::input {
namespace {

// A run worth lifting is longer than its placeholder.
constexpr std::size_t kMinRunBytes = LiftedText::kPlaceholderBytes + 1;
// Placeholder k is U+F0000 + k in plane 15, then U+100000 + (k - 65534) in
// plane 16: U+xFFFE and U+xFFFF are noncharacters gumbo replaces.
constexpr std::uint32_t kPerPlane = 65534;

// Whether `lead` and `next` begin the UTF-8 of a character of plane 15 or 16
// (U+F0000-U+10FFFF): F3 B0-BF or F4 80-8F.
bool starts_plane_15_or_16(unsigned char lead, unsigned char next) {
  return (lead == 0xF3 && next >= 0xB0 && next <= 0xBF) ||
         (lead == 0xF4 && next >= 0x80 && next <= 0x8F);
}

// Whether gumbo stores these bytes (valid UTF-8) in a text node as they
// are but for character references: no CR to turn into LF, nothing it
// replaces by U+FFFD (C0 controls but tab, LF and FF; DEL; C1 controls;
// U+FDD0-U+FDEF and the U+xFFFE/U+xFFFF noncharacters).
// Bytes that may start something gumbo changes; text is mostly other bytes.
struct SuspectBytes {
  bool is[256] = {};
  constexpr SuspectBytes() {
    for (int c = 0; c < 0x20; ++c) is[c] = c != '\t' && c != '\n' && c != '\f';
    for (int c : {0x26, 0x7F, 0xC2, 0xEF, 0xBF}) is[c] = true;  // 0x26 is '&'
  }
};
constexpr SuspectBytes kSuspect;

// Whether one of the 8 bytes of `x` is a control character, '&', DEL or
// not ASCII (so may be suspect): most text is none of these, and is passed
// over a word at a time. Each test is exact about whether any byte hits.
bool may_hold_suspect(std::uint64_t x) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const std::uint64_t amp = x ^ (kOnes * '&');
  const std::uint64_t below_space = (x - kOnes * 0x20) & ~x;  // a byte < 0x20
  const std::uint64_t del_or_high = (x + kOnes) | x;           // a byte >= 0x7F
  const std::uint64_t ampersand = (amp - kOnes) & ~amp;         // a byte == '&'
  return ((below_space | del_or_high | ampersand) & kHigh) != 0;
}

// How gumbo stores a run: as it is, as it is but for its character
// references (text and attribute values; raw text has none), or changed
// otherwise (not lifted).
enum class Stored { kAsIs, kReferencesDecoded, kChanged };

Stored how_stored(std::string_view run, bool raw) {
  const auto* s = reinterpret_cast<const unsigned char*>(run.data());
  const std::size_t n = run.size();
  Stored how = Stored::kAsIs;
  for (std::size_t i = 0; i < n; ++i) {
    if ((i & 7) == 0 && i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (!may_hold_suspect(word)) {
        i += 7;
        continue;
      }
    }
    const unsigned char c = s[i];
    if (!kSuspect.is[c]) continue;
    if (c == '&') {
      if (!raw) how = Stored::kReferencesDecoded;
      continue;
    }
    if (c < 0x20 || c == 0x7F) return Stored::kChanged;
    if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) return Stored::kChanged;
    if (c == 0xEF && i + 2 < n && s[i + 1] == 0xB7 && s[i + 2] >= 0x90 && s[i + 2] <= 0xAF) {
      return Stored::kChanged;
    }
    // Ends U+xFFFE or U+xFFFF (or a character near them: a false alarm
    // only leaves the run in the markup).
    if (c == 0xBF && i + 1 < n && (s[i + 1] == 0xBE || s[i + 1] == 0xBF)) return Stored::kChanged;
  }
  return how;
}

// The number of a numeric character reference whose digits ("x" and hex
// digits, or decimal ones) start at s[k], as gumbo reads it; `k` moves past
// the digits read. Reading stops once the value passes U+10FFFF.
struct Number {
  std::uint32_t value = 0;
  bool digits = false;  // whether there was one
};
Number read_number(std::string_view s, std::size_t& k) {
  const bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
  k += hex ? 1 : 0;
  Number number;
  for (; k < s.size() && number.value <= 0x10FFFF; ++k) {
    const char c = s[k];
    int digit = -1;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
      digit = (c | 0x20) - 'a' + 10;
    }
    if (digit < 0) break;
    number.value = number.value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    number.digits = true;
  }
  return number;
}

// Named references read here (each with its ';'), sorted by name: the
// common ones in running text and links. Any other name is left to gumbo.
// (core/tests/lifted_text_test.cc checks each against gumbo's decoding.)
struct NamedReference {
  std::string_view name;
  std::uint32_t code_point;
};
constexpr NamedReference kNamedReferences[] = {
    {"Auml", 0xC4},    {"Eacute", 0xC9},  {"Ouml", 0xD6},    {"Uuml", 0xDC},    {"aacute", 0xE1},
    {"agrave", 0xE0},  {"amp", 0x26},     {"apos", 0x27},    {"auml", 0xE4},    {"bdquo", 0x201E},
    {"bull", 0x2022},  {"ccedil", 0xE7},  {"cent", 0xA2},    {"copy", 0xA9},    {"darr", 0x2193},
    {"deg", 0xB0},     {"divide", 0xF7},  {"eacute", 0xE9},  {"egrave", 0xE8},  {"emsp", 0x2003},
    {"ensp", 0x2002},  {"euro", 0x20AC},  {"frac12", 0xBD},  {"frac14", 0xBC},  {"frac34", 0xBE},
    {"gt", 0x3E},      {"hellip", 0x2026}, {"iacute", 0xED}, {"laquo", 0xAB},   {"larr", 0x2190},
    {"ldquo", 0x201C}, {"lsquo", 0x2018}, {"lt", 0x3C},      {"mdash", 0x2014}, {"middot", 0xB7},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"ntilde", 0xF1},  {"oacute", 0xF3},  {"ouml", 0xF6},
    {"para", 0xB6},    {"plusmn", 0xB1},  {"pound", 0xA3},   {"quot", 0x22},    {"raquo", 0xBB},
    {"rarr", 0x2192},  {"rdquo", 0x201D}, {"reg", 0xAE},     {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"sect", 0xA7},    {"shy", 0xAD},     {"sup2", 0xB2},    {"sup3", 0xB3},    {"szlig", 0xDF},
    {"thinsp", 0x2009}, {"times", 0xD7},  {"trade", 0x2122}, {"uacute", 0xFA},  {"uarr", 0x2191},
    {"uuml", 0xFC},    {"yen", 0xA5},     {"zwj", 0x200D},   {"zwnj", 0x200C},
};

// A character gumbo stores as it is when a numeric reference names it: no
// white space (which the tree builder treats apart), no control, surrogate
// or noncharacter (replaced, or flagged), none of planes 15 and 16 (the
// placeholders).
bool kept_as_referenced(std::uint32_t cp) {
  if (cp <= 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  if ((cp & 0xFFFE) == 0xFFFE) return false;
  return cp < 0xF0000;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The character of the reference whose '&' is at run[at], and where the
// reference ends; false when it is not one that is read here.
bool read_reference(std::string_view run, std::size_t at, std::uint32_t& cp, std::size_t& end) {
  std::size_t k = at + 1;
  if (run[k] == '#') {
    ++k;
    const Number number = read_number(run, k);
    cp = number.value;
    if (!number.digits || k >= run.size() || run[k] != ';' || !kept_as_referenced(cp)) return false;
    end = k + 1;
    return true;
  }
  std::size_t name_end = k;
  while (name_end < run.size() && name_end - k <= 6 &&
         (is_ascii_letter(run[name_end]) || (run[name_end] >= '0' && run[name_end] <= '9'))) {
    ++name_end;
  }
  if (name_end >= run.size() || run[name_end] != ';') return false;
  const std::string_view name = run.substr(k, name_end - k);
  const auto* hit = std::lower_bound(std::begin(kNamedReferences), std::end(kNamedReferences), name,
                                     [](const NamedReference& r, std::string_view n) { return r.name < n; });
  if (hit == std::end(kNamedReferences) || hit->name != name) return false;
  cp = hit->code_point;
  end = name_end + 1;
  return true;
}

// Whether `s` holds a character of plane 15 or 16 as UTF-8.
bool holds_plane_15_or_16(std::string_view s) {
  for (const char lead : {'\xF3', '\xF4'}) {
    for (std::size_t at = s.find(lead); at != std::string_view::npos; at = s.find(lead, at + 1)) {
      if (at + 1 < s.size() && starts_plane_15_or_16(static_cast<unsigned char>(s[at]),
                                                     static_cast<unsigned char>(s[at + 1]))) {
        return true;
      }
    }
  }
  return false;
}

// Whether `s` holds a numeric character reference ("&#983040;", "&#xF0000")
// that gumbo decodes to a character of plane 15 or 16.
bool references_plane_15_or_16(std::string_view s) {
  for (std::size_t at = s.find("&#"); at != std::string_view::npos; at = s.find("&#", at + 2)) {
    std::size_t k = at + 2;
    const std::uint32_t value = read_number(s, k).value;
    if (value >= 0xF0000 && value <= 0x10FFFF) return true;
  }
  return false;
}

}  // namespace

bool append_decoded_references(std::string_view run, std::string& out) {
  std::size_t plain = 0;  // run[plain, ...) is not yet written
  for (std::size_t at = run.find('&'); at != std::string_view::npos; at = run.find('&', at)) {
    // Before anything but a letter or '#' (white space, '<', '&', a digit,
    // the end) an '&' starts no reference: gumbo keeps it.
    if (at + 1 == run.size() || !(is_ascii_letter(run[at + 1]) || run[at + 1] == '#')) {
      ++at;
      continue;
    }
    std::uint32_t cp = 0;
    std::size_t end = 0;
    if (!read_reference(run, at, cp, end)) return false;
    out.append(run.substr(plain, at - plain));
    text::append_utf8(out, cp);
    plain = at = end;
  }
  out.append(run.substr(plain));
  return true;
}

bool LiftedText::page_allows(std::string_view utf8) {
  return !holds_plane_15_or_16(utf8) && !references_plane_15_or_16(utf8);
}

const char* LiftedText::find_placeholder(const char* p) {
  for (; (p = std::strpbrk(p, "\xF3\xF4")) != nullptr; ++p) {
    if (starts_plane_15_or_16(static_cast<unsigned char>(p[0]), static_cast<unsigned char>(p[1]))) {
      return p;
    }
  }
  return nullptr;
}

bool LiftedText::keep(std::string_view run, bool raw) {
  if (run.size() < kMinRunBytes || starts_.size() >= kMaxRuns ||
      runs_.size() + run.size() >= UINT32_MAX) {
    return false;
  }
  const Stored how = how_stored(run, raw);
  if (how == Stored::kChanged) return false;
  const std::size_t begin = runs_.size();
  if (how == Stored::kAsIs) {
    runs_.append(run);
  } else if (!append_decoded_references(run, runs_)) {
    runs_.resize(begin);
    return false;
  }
  runs_.push_back('\0');
  starts_.push_back(static_cast<std::uint32_t>(begin));
  return true;
}

void LiftedText::append_placeholder(std::string& out) const {  // of the last run kept
  const auto k = static_cast<std::uint32_t>(starts_.size() - 1);
  const std::uint32_t cp = k < kPerPlane ? 0xF0000 + k : 0x100000 + (k - kPerPlane);
  const char utf8[kPlaceholderBytes] = {static_cast<char>(0xF0 | (cp >> 18)),
                                        static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                                        static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                                        static_cast<char>(0x80 | (cp & 0x3F))};
  out.append(utf8, kPlaceholderBytes);
}

bool LiftedText::lift_tail(std::string& out, std::size_t from) {
  if (!keep(std::string_view(out).substr(from), false)) return false;
  out.resize(from);
  append_placeholder(out);
  return true;
}

bool LiftedText::lift(std::string_view run, std::string& out) {
  if (!keep(run, false)) return false;
  append_placeholder(out);
  return true;
}

bool LiftedText::lift_raw(std::string_view run, std::string& out) {
  if (!keep(run, true)) return false;
  append_placeholder(out);
  return true;
}

void LiftedText::append_name(std::size_t slot, std::string_view name, std::string& out) {
  const std::uint32_t bit = std::uint32_t{1} << slot;
  if (!(names_coded_ & bit)) {
    names_[slot] = name;
    names_coded_ |= bit;
  }
  // U+10FFDE + slot: F4 8F BF 9E + slot.
  const char code[kPlaceholderBytes] = {'\xF4', '\x8F', '\xBF', static_cast<char>(0x9E + slot)};
  out.append(code, kPlaceholderBytes);
}

const char* LiftedText::name_at(const char* name) const {
  const auto* u = reinterpret_cast<const unsigned char*>(name);
  // Each byte is read only when the one before it is not the final '\0'.
  if (u[0] != 0xF4 || u[1] != 0x8F || u[2] != 0xBF || u[3] < 0x9E || u[3] > 0xBD || u[4] != 0) {
    return name;
  }
  const std::uint32_t slot = u[3] - 0x9Eu;
  return (names_coded_ >> slot) & 1 ? names_[slot].c_str() : name;
}

std::string_view LiftedText::run_at(const char* p) const {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  // Each byte is read only when the one before it is not the final '\0'.
  if (!starts_plane_15_or_16(u[0], u[1]) || (u[2] & 0xC0) != 0x80 || (u[3] & 0xC0) != 0x80) {
    return {};
  }
  const std::uint32_t cp = ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) |
                           ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu);
  const std::uint32_t low = cp & 0xFFFF;
  if (low >= kPerPlane) return {};
  const std::uint32_t k = (cp >> 16 == 0xF ? 0 : kPerPlane) + low;
  if (k >= starts_.size()) return {};
  const std::uint32_t begin = starts_[k];
  const std::uint32_t end = k + 1 < starts_.size() ? starts_[k + 1] - 1
                                                   : static_cast<std::uint32_t>(runs_.size() - 1);
  return std::string_view(runs_.data() + begin, end - begin);
}

}  // namespace thresher::input
