#include "input/lifted_text.h"

#include <cstring>

namespace thresher::input {
namespace {

// A run worth lifting is longer than its placeholder.
constexpr std::size_t kMinRunBytes = LiftedText::kPlaceholderBytes + 1;
constexpr std::uint32_t kDigitBase = 0xE100;  // each digit: 12 bits
constexpr std::uint32_t kMaxRuns = 1u << 24;

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

bool stored_unchanged(std::string_view run) {
  const auto* s = reinterpret_cast<const unsigned char*>(run.data());
  const std::size_t n = run.size();
  for (std::size_t i = 0; i < n; ++i) {
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

void append_code_point(std::uint32_t cp, std::string& out) {  // U+0800-U+FFFF
  out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
  out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

// The 12-bit digit encoded at p (3 bytes), or -1.
int digit_at(const unsigned char* p) {
  if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return -1;
  const std::uint32_t cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  if (cp < kDigitBase || cp >= kDigitBase + 4096) return -1;
  return static_cast<int>(cp - kDigitBase);
}

}  // namespace

bool LiftedText::page_allows(std::string_view utf8) {
  return utf8.find(kMarker) == std::string_view::npos;
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
  out.append(kMarker);
  append_code_point(kDigitBase + (k >> 12), out);
  append_code_point(kDigitBase + (k & 4095), out);
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
  const auto* u = reinterpret_cast<const unsigned char*>(p) + kMarker.size();
  const int high = digit_at(u), low = high < 0 ? -1 : digit_at(u + 3);
  if (low < 0) return {};
  const auto k = (static_cast<std::uint32_t>(high) << 12) | static_cast<std::uint32_t>(low);
  if (k >= starts_.size()) return {};
  const std::uint32_t begin = starts_[k];
  const std::uint32_t end = k + 1 < starts_.size() ? starts_[k + 1] - 1
                                                   : static_cast<std::uint32_t>(runs_.size() - 1);
  return std::string_view(runs_.data() + begin, end - begin);
}

}  // namespace thresher::input
