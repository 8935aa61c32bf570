// libFuzzer target over stage 1: input::decode_to_utf8 (BOM, hint, <meta
// charset>, uchardet, iconv, UTF-8 repair) and the pre-scan (input/prescan.h).
//
// Input layout: byte 0 picks an encoding hint (an HTTP Content-Type charset)
// from a table when its high bit is set; the rest is the page. Inputs of
// length 0 run with no hint.
//
// Checks: the decoded text is valid UTF-8 whatever the bytes were; decoding
// valid UTF-8 without a BOM or hint keeps it unchanged; stripping (of the
// decoded text and of the raw bytes) never grows its input and keeps valid
// UTF-8 valid.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "input/decode.h"
#include "input/prescan.h"

namespace {

constexpr std::string_view kHints[] = {
    "", "utf-8", "windows-1252", "utf-16", "utf-16le", "utf-16be", "shift_jis", "euc-jp",
    "gb18030", "big5", "koi8-r", "iso-2022-jp", "utf-7", "utf-32", "x-bogus", "UTF-8//TRANSLIT",
    "cp037", "iso-8859-8-i", "  Latin1  ", "ucs-2",
};

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "decode_fuzzer: contract violated: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view hint;
  if (!bytes.empty()) {
    const auto b0 = static_cast<std::uint8_t>(bytes[0]);
    if (b0 & 0x80) {
      hint = kHints[(b0 & 0x7F) % std::size(kHints)];
      bytes.remove_prefix(1);
    }
  }
  namespace in = thresher::input;

  const in::Decoded d = in::decode_to_utf8(bytes, hint);
  if (!in::is_valid_utf8(d.utf8)) fail("decode_to_utf8 returned invalid UTF-8");
  if (d.encoding.empty()) fail("decode_to_utf8 returned no encoding name");
  // Valid UTF-8 comes back as it was, but for runs of twice-encoded text,
  // each of which the repair makes shorter.
  if (hint.empty() && in::is_valid_utf8(bytes) && !bytes.starts_with("\xEF\xBB\xBF") &&
      d.encoding == "UTF-8") {
    if (d.double_encoded_repaired == 0 && d.utf8 != bytes) fail("valid UTF-8 declared as UTF-8 was changed");
    if (d.double_encoded_repaired > 0 && d.utf8.size() >= bytes.size()) fail("repairing mojibake grew the text");
  }

  // Also on the raw bytes: the prescan must cope with anything.
  for (std::string_view text : {std::string_view(d.utf8), bytes}) {
    const std::string lean = in::strip_unparsed_bodies(text);
    if (lean.size() > text.size()) fail("strip_unparsed_bodies grew its input");
    if (in::is_valid_utf8(text) && !in::is_valid_utf8(lean)) {
      fail("strip_unparsed_bodies broke UTF-8");
    }
    if (in::strip_unparsed_bodies(lean).size() > lean.size()) fail("second strip grew");
    // The whole pre-scan (white space squeezed, attributes dropped, nesting
    // capped) only ever removes bytes and keeps UTF-8 valid.
    static constexpr std::string_view kKeepNames[] = {"class", "id", "href", "src", "style"};
    // Styles kept or cut by an arbitrary rule, to reach every path of the
    // attribute editing.
    static const in::AttributePolicy kKeep{
        kKeepNames, [](std::string_view style) { return style.find('n') != std::string_view::npos; }};
    const std::string pre = in::prescan(text, 4, kKeep);
    if (pre.size() > text.size()) fail("prescan grew its input");
    if (in::is_valid_utf8(text) && !in::is_valid_utf8(pre)) fail("prescan broke UTF-8");
    if (in::squeeze_markup(text, {}).size() > text.size()) fail("squeeze_markup grew");
  }

  // The helpers the decoder uses, on their own.
  (void)in::sniff_meta_charset(bytes);
  (void)in::canonical_charset(bytes.substr(0, 64));
  return 0;
}
