#include "input/lifted_text.h"

#include <cstring>

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

// Whether gumbo stores these bytes (valid UTF-8) unchanged in a text node:
// no character reference to decode, no CR to turn into LF, nothing it
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

bool stored_unchanged(std::string_view run) {
  const auto* s = reinterpret_cast<const unsigned char*>(run.data());
  const std::size_t n = run.size();
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
    if (c < 0x20 || c == '&' || c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) return false;
    if (c == 0xEF && i + 2 < n && s[i + 1] == 0xB7 && s[i + 2] >= 0x90 && s[i + 2] <= 0xAF) {
      return false;
    }
    // Ends U+xFFFE or U+xFFFF (or a character near them: a false alarm
    // only leaves the run in the markup).
    if (c == 0xBF && i + 1 < n && (s[i + 1] == 0xBE || s[i + 1] == 0xBF)) return false;
  }
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
    const bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
    k += hex ? 1 : 0;
    std::uint32_t value = 0;
    for (; k < s.size() && value <= 0x10FFFF; ++k) {
      const char c = s[k];
      int digit = -1;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        digit = (c | 0x20) - 'a' + 10;
      }
      if (digit < 0) break;
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    if (value >= 0xF0000 && value <= 0x10FFFF) return true;
  }
  return false;
}

}  // namespace

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

bool LiftedText::keep(std::string_view run) {
  if (run.size() < kMinRunBytes || starts_.size() >= kMaxRuns ||
      runs_.size() + run.size() >= UINT32_MAX || !stored_unchanged(run)) {
    return false;
  }
  starts_.push_back(static_cast<std::uint32_t>(runs_.size()));
  runs_.append(run).push_back('\0');
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
  if (!keep(std::string_view(out).substr(from))) return false;
  out.resize(from);
  append_placeholder(out);
  return true;
}

void LiftedText::append_lifted(std::string_view run, std::string& out) {
  if (keep(run)) {
    append_placeholder(out);
  } else {
    out.append(run);
  }
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
