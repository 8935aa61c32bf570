#include "input/decode.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

#include <re2/re2.h>

#include "dom/text_util.h"
#include "input/mojibake.h"

namespace thresher::input {
namespace {

constexpr std::size_t kMetaScanBytes = 4096;
constexpr std::size_t kDetectorSampleBytes = 64 * 1024;

struct Alias {
  std::string_view label;
  std::string_view iconv_name;
};

// WHATWG labels that matter in practice, mapped to glibc iconv names.
constexpr std::array<Alias, 38> kAliases{{
    {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
    {"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"},
    {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"}, {"iso-8859-1", "WINDOWS-1252"},
    {"iso8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
    {"iso-8859-2", "ISO-8859-2"}, {"latin2", "ISO-8859-2"}, {"windows-1250", "WINDOWS-1250"},
    {"windows-1251", "WINDOWS-1251"}, {"cp1251", "WINDOWS-1251"}, {"koi8-r", "KOI8-R"},
    {"koi8-u", "KOI8-U"}, {"iso-8859-5", "ISO-8859-5"}, {"windows-1253", "WINDOWS-1253"},
    {"iso-8859-7", "ISO-8859-7"}, {"windows-1254", "WINDOWS-1254"}, {"iso-8859-9", "WINDOWS-1254"},
    {"windows-1255", "WINDOWS-1255"}, {"windows-1256", "WINDOWS-1256"},
    {"iso-8859-15", "ISO-8859-15"}, {"gb2312", "GB18030"}, {"gbk", "GB18030"},
    {"gb18030", "GB18030"}, {"big5", "BIG5-HKSCS"}, {"shift_jis", "CP932"}, {"sjis", "CP932"},
    {"euc-jp", "EUC-JP"}, {"euc-kr", "CP949"}, {"windows-874", "CP874"},
}};

std::size_t unit_size(const std::string& charset);

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// Converts with iconv, replacing each byte iconv rejects by U+FFFD.
bool convert(std::string_view bytes, const std::string& from, std::string* out) {
  iconv_t raw = iconv_open("UTF-8", from.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<void, IconvCloser> cd(raw);
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 2);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::array<char, 16384> buffer;
  while (in_left > 0) {
    char* dst = buffer.data();
    std::size_t dst_left = buffer.size();
    const std::size_t rc = iconv(raw, &in, &in_left, &dst, &dst_left);
    out->append(buffer.data(), buffer.size() - dst_left);
    if (rc == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ or EINVAL (truncated sequence at the end): skip one code unit.
      out->append("\xEF\xBF\xBD");
      const std::size_t skip = std::min(unit_size(from), in_left);
      in += skip;
      in_left -= skip;
    }
  }
  return true;
}

// Replaces invalid UTF-8 sequences (bad bytes, overlong forms, surrogates,
// code points past U+10FFFF) with U+FFFD.
std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t start = i;
    const char32_t cp = text::next_code_point(bytes, i);
    const std::size_t len = i - start;
    const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : len == 4 ? 0x10000 : 0;
    const bool bad = (cp == 0xFFFD && bytes.substr(start, len) != "\xEF\xBF\xBD") || cp < min ||
                     (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
    if (bad) {
      out.append("\xEF\xBF\xBD");
    } else {
      out.append(bytes.substr(start, len));
    }
  }
  return out;
}

std::string detect_charset(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  if (detector == nullptr) return {};
  const std::size_t n = std::min(bytes.size(), kDetectorSampleBytes);
  std::string result;
  if (uchardet_handle_data(detector, bytes.data(), n) == 0) {
    uchardet_data_end(detector);
    const char* name = uchardet_get_charset(detector);
    if (name != nullptr) result = name;
  }
  uchardet_delete(detector);
  return result;
}

// "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" from where the NUL bytes
// sit in the first kilobyte, or "".
std::string sniff_wide_encoding(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 1024) & ~std::size_t{3};
  if (n < 16) return {};
  std::size_t zeros[4] = {0, 0, 0, 0};
  for (std::size_t k = 0; k < n; ++k) zeros[k % 4] += bytes[k] == '\0';
  const std::size_t quarter = n / 4;
  auto mostly = [&](std::size_t z) { return z * 10 >= quarter * 9; };
  auto rarely = [&](std::size_t z) { return z * 10 <= quarter; };
  if (mostly(zeros[1]) && mostly(zeros[2]) && mostly(zeros[3]) && rarely(zeros[0])) return "UTF-32LE";
  if (mostly(zeros[0]) && mostly(zeros[1]) && mostly(zeros[2]) && rarely(zeros[3])) return "UTF-32BE";
  if (mostly(zeros[1]) && mostly(zeros[3]) && rarely(zeros[0]) && rarely(zeros[2])) return "UTF-16LE";
  if (mostly(zeros[0]) && mostly(zeros[2]) && rarely(zeros[1]) && rarely(zeros[3])) return "UTF-16BE";
  return {};
}

// Bytes per code unit: what to skip past an unconvertible one.
std::size_t unit_size(const std::string& charset) {
  if (charset.starts_with("UTF-16")) return 2;
  if (charset.starts_with("UTF-32")) return 4;
  return 1;
}

Decoded convert_to_utf8(std::string_view bytes, std::string charset, std::string source,
                        bool known_valid) {
  Decoded d;
  d.encoding = charset;
  d.source = std::move(source);
  if (charset == "UTF-8") {
    d.utf8 = (known_valid || is_valid_utf8(bytes)) ? std::string(bytes) : repair_utf8(bytes);
    return d;
  }
  std::string converted;
  if (convert(bytes, charset, &converted)) {
    d.utf8 = repair_utf8(converted);
  } else {
    d.utf8 = repair_utf8(bytes);
    d.encoding = "UTF-8";
  }
  return d;
}

Decoded finish(std::string_view bytes, std::string charset, std::string source,
               bool known_valid = false) {
  Decoded d = convert_to_utf8(bytes, std::move(charset), std::move(source), known_valid);
  d.double_encoded_repaired = repair_double_encoding(d.utf8);
  return d;
}

}  // namespace

std::string canonical_charset(std::string_view label) {
  const std::string lower = text::to_lower_ascii(text::trim(label));
  for (const auto& alias : kAliases) {
    if (alias.label == lower) return std::string(alias.iconv_name);
  }
  // Unknown labels that iconv knows itself are still usable.
  if (lower.empty() || lower.size() > 40) return {};
  iconv_t cd = iconv_open("UTF-8", lower.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  iconv_close(cd);
  std::string upper(lower);
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return upper;
}

std::string sniff_meta_charset(std::string_view bytes) {
  static const LazyRE2 kMetaCharset = {
      R"((?i)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40}))"};
  const std::string_view head = bytes.substr(0, std::min(bytes.size(), kMetaScanBytes));
  std::string charset;
  if (RE2::PartialMatch(head, *kMetaCharset, &charset)) return text::to_lower_ascii(charset);
  return {};
}

Utf8Scan scan_utf8(std::string_view bytes) noexcept {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  auto word_at = [&](std::size_t at) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + at, 8);
    return word;
  };
  Utf8Scan scan;
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  while (i < n) {
    // ASCII fast path, eight bytes at a time, then 32 while they last:
    // markup is mostly ASCII, and text in other scripts leaves the long
    // steps after one test.
    if (i + 8 <= n && (word_at(i) & kHigh) == 0) {
      i += 8;
      while (i + 32 <= n &&
             ((word_at(i) | word_at(i + 8) | word_at(i + 16) | word_at(i + 24)) & kHigh) == 0) {
        i += 32;
      }
      continue;
    }
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    scan.non_ascii = true;
    int len;
    char32_t min;
    if ((b & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else {
      scan.valid = false;
      return scan;
    }
    if (i + len > n) {
      scan.valid = false;
      return scan;
    }
    char32_t cp = b & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(bytes[i + k]);
      if ((c & 0xC0) != 0x80) {
        scan.valid = false;
        return scan;
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      scan.valid = false;
      return scan;
    }
    i += len;
  }
  return scan;
}

bool is_valid_utf8(std::string_view bytes) noexcept { return scan_utf8(bytes).valid; }

Decoded decode_to_utf8(std::string_view bytes, std::string_view encoding_hint) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return finish(bytes.substr(3), "UTF-8", "bom");
  if (bytes.starts_with("\xFF\xFE")) return finish(bytes.substr(2), "UTF-16LE", "bom");
  if (bytes.starts_with("\xFE\xFF")) return finish(bytes.substr(2), "UTF-16BE", "bom");

  // UTF-16/32 without a BOM: markup is ASCII, so every other (or every
  // fourth) byte is NUL.
  if (const std::string wide = sniff_wide_encoding(bytes); !wide.empty()) {
    return finish(bytes, wide, "nul-pattern");
  }
  // Valid UTF-8 with non-ASCII bytes is almost never a legacy encoding by
  // accident, while pages re-encoded to UTF-8 often keep their old
  // <meta charset>: trust the bytes over the declaration.
  const Utf8Scan scan = scan_utf8(bytes);
  const bool valid_utf8 = scan.valid;
  if (valid_utf8 && scan.non_ascii) return finish(bytes, "UTF-8", "utf-8", true);

  std::string declared = canonical_charset(encoding_hint);
  std::string source = "hint";
  if (declared.empty()) {
    declared = canonical_charset(sniff_meta_charset(bytes));
    source = "meta";
  }
  if (declared == "UTF-16LE" || declared == "UTF-16BE") declared.clear();  // an ASCII page cannot be UTF-16
  if (!declared.empty()) return finish(bytes, declared, source);
  if (valid_utf8) return finish(bytes, "UTF-8", declared.empty() ? "utf-8" : source, true);

  std::string detected = canonical_charset(detect_charset(bytes));
  if (!detected.empty() && detected != "UTF-8") return finish(bytes, detected, "detector");
  // Mostly UTF-8 with some damage: keep it, repairing the bad bytes.
  return finish(bytes, "UTF-8", "utf-8");
}

}  // namespace thresher::input
