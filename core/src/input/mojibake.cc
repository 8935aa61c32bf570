#include "input/mojibake.h"

#include <cstdint>
#include <cstring>
#include <string_view>

namespace thresher::input {
namespace {

// windows-1252's characters for bytes 0x80-0x9F. The five bytes it leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come through as the C1 control
// of the same value, as they do when text was read as Latin-1.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

// Decodes the code point at `pos` of valid UTF-8; `len` gets its length.
char32_t code_point_at(std::string_view s, std::size_t pos, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    len = 1;
    return b0;
  }
  len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
  if (pos + len > s.size()) {
    len = 1;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
  return cp;
}

// The byte a character stood for when bytes were read as windows-1252 or
// Latin-1, if it is a UTF-8 continuation byte (0x80-0xBF); -1 otherwise.
// `from_c1_range` is set when the byte is 0x80-0x9F.
int continuation_byte(char32_t cp, bool& from_c1_range) {
  if (cp >= 0x80 && cp <= 0xBF) {
    from_c1_range = cp <= 0x9F;
    return static_cast<int>(cp);
  }
  if (cp < 0x100) return -1;
  for (int i = 0; i < 32; ++i) {
    if (kCp1252High[i] == cp) {
      from_c1_range = true;
      return 0x80 + i;
    }
  }
  return -1;
}

struct Run {
  std::size_t length = 0;  // bytes of the mangled run in the text
  char bytes[4] = {};      // the UTF-8 sequence it stands for
  std::size_t size = 0;
  bool unmistakable = false;
};

// A mangled run starting at `pos`: a lead character U+00C2-U+00F4 followed
// by as many continuation characters as that lead byte announces, together
// forming a valid UTF-8 sequence (no overlong form, no surrogate, at most
// U+10FFFF). Returns false when there is none.
bool run_at(std::string_view s, std::size_t pos, Run& run) {
  std::size_t len = 0;
  const char32_t lead = code_point_at(s, pos, len);
  if (lead < 0xC2 || lead > 0xF4) return false;
  const std::size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
  run = Run{};
  run.bytes[0] = static_cast<char>(lead);
  std::size_t at = pos + len;
  for (std::size_t k = 1; k <= need; ++k) {
    if (at >= s.size()) return false;
    bool c1 = false;
    const int byte = continuation_byte(code_point_at(s, at, len), c1);
    if (byte < 0) return false;
    run.unmistakable = run.unmistakable || c1;
    run.bytes[k] = static_cast<char>(byte);
    at += len;
  }
  const auto b1 = static_cast<unsigned char>(run.bytes[1]);
  if ((lead == 0xE0 && b1 < 0xA0) || (lead == 0xED && b1 > 0x9F) ||
      (lead == 0xF0 && b1 < 0x90) || (lead == 0xF4 && b1 > 0x8F)) {
    return false;
  }
  run.size = need + 1;
  run.length = at - pos;
  return true;
}

// Calls `visit(pos, run)` for every mangled run. Every lead character is
// U+00C2-U+00F4, so its first byte is 0xC3: memchr skips the rest.
template <typename Visit>
void for_each_run(std::string_view s, Visit&& visit) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const void* hit = std::memchr(s.data() + pos, 0xC3, s.size() - pos);
    if (hit == nullptr) return;
    pos = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
    Run run;
    if (run_at(s, pos, run)) {
      visit(pos, run);
      pos += run.length;
    } else {
      ++pos;
    }
  }
}

}  // namespace

std::size_t repair_double_encoding(std::string& utf8) {
  std::size_t unmistakable = 0;
  std::size_t ambiguous = 0;
  for_each_run(utf8, [&](std::size_t, const Run& run) { ++(run.unmistakable ? unmistakable : ambiguous); });
  const bool repair_all = unmistakable > 0 || ambiguous >= 3;
  if (!repair_all) return 0;

  std::string out;
  out.reserve(utf8.size());
  std::size_t copied = 0;
  std::size_t repaired = 0;
  for_each_run(utf8, [&](std::size_t pos, const Run& run) {
    out.append(utf8, copied, pos - copied);
    out.append(run.bytes, run.size);
    copied = pos + run.length;
    ++repaired;
  });
  out.append(utf8, copied, std::string::npos);
  utf8 = std::move(out);
  return repaired;
}

}  // namespace thresher::input
