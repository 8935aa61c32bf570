// Stage 1: bytes in any encoding -> valid UTF-8.
// Order: byte-order mark, HTTP hint, <meta charset> in the first bytes, then
// (only when the bytes are not valid UTF-8) uchardet's guess; iconv converts.
#pragma once

#include <string>
#include <string_view>

namespace thresher::input {

struct Decoded {
  std::string utf8;       // always valid UTF-8 (bad sequences become U+FFFD)
  std::string encoding;   // canonical name of the source charset, e.g. "UTF-8"
  std::string source;     // "bom", "hint", "meta", "detector", "utf-8"
  std::size_t double_encoded_repaired = 0;  // see repair_double_encoding
};

// The charset a <meta charset> / http-equiv Content-Type declares in the
// first 4 KiB, lower-cased, or "" when none.
std::string sniff_meta_charset(std::string_view bytes);

// Maps a declared label to the name iconv should use, following the WHATWG
// encoding standard's aliases ("latin1" and "ascii" mean windows-1252,
// "gb2312" means GB18030, ...). Returns "" for labels we do not know.
std::string canonical_charset(std::string_view label);

// One pass over the bytes: whether they are valid UTF-8 (no overlong forms,
// surrogates or code points past U+10FFFF) and, when valid, whether any
// byte is not ASCII (`non_ascii` is only complete when `valid`).
struct Utf8Scan {
  bool valid = true;
  bool non_ascii = false;
};
Utf8Scan scan_utf8(std::string_view bytes) noexcept;
bool is_valid_utf8(std::string_view bytes) noexcept;

// Never fails: undecodable bytes become U+FFFD. Text encoded to UTF-8 twice
// is repaired (input/mojibake.h).
Decoded decode_to_utf8(std::string_view bytes, std::string_view encoding_hint = {});

}  // namespace thresher::input
