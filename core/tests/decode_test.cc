#include "input/decode.h"
#include "input/sniff.h"

#include <gtest/gtest.h>

namespace thresher::input {

TEST(Decode, Utf8Bom) {
  const Decoded d = decode_to_utf8("\xEF\xBB\xBF<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.source, "bom");
  EXPECT_EQ(d.utf8, "<p>caf\xC3\xA9</p>");
}

TEST(Decode, Utf16LeBom) {
  const std::string bytes("\xFF\xFE<\0p\0>\0\xE9\0", 10);
  const Decoded d = decode_to_utf8(bytes);
  EXPECT_EQ(d.encoding, "UTF-16LE");
  EXPECT_EQ(d.utf8, "<p>\xC3\xA9");
}

TEST(Decode, Utf16WithoutBomIsRecognisedByItsNuls) {
  const std::string ascii = "<html><body><p>Hello wide world, caf\xE9</p></body></html>";
  std::string le, be;
  for (char c : ascii) {
    le += c; le += '\0';
    be += '\0'; be += c;
  }
  EXPECT_EQ(decode_to_utf8(le).encoding, "UTF-16LE");
  EXPECT_NE(decode_to_utf8(le).utf8.find("Hello wide world, caf\xC3\xA9"), std::string::npos);
  EXPECT_EQ(decode_to_utf8(be).encoding, "UTF-16BE");
  EXPECT_NE(decode_to_utf8(be).utf8.find("Hello wide world"), std::string::npos);
}

TEST(Decode, BadUtf16UnitsDoNotMisalignTheRest) {
  std::string bytes("\xFF\xFE", 2);
  bytes += std::string("\x00\xD8", 2);  // a lone high surrogate
  for (char c : std::string("<p>after</p>")) {
    bytes += c;
    bytes += '\0';
  }
  EXPECT_NE(decode_to_utf8(bytes).utf8.find("<p>after</p>"), std::string::npos);
}

TEST(Decode, OverlongUtf8IsReplaced) {
  const Decoded d = decode_to_utf8(std::string("<p>\xC0\x80 \xC1\xBC \xE0\x8A\x8B \xC3\xA9</p>"));
  EXPECT_TRUE(is_valid_utf8(d.utf8));
  EXPECT_NE(d.utf8.find("\xC3\xA9"), std::string::npos);
}

TEST(Decode, MetaCharsetWindows1251) {
  const std::string html = "<meta charset=\"windows-1251\"><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";
  const Decoded d = decode_to_utf8(html);
  EXPECT_EQ(d.source, "meta");
  EXPECT_NE(d.utf8.find("Привет"), std::string::npos);
}

TEST(Decode, HttpEquivCharset) {
  EXPECT_EQ(sniff_meta_charset(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"),
            "iso-8859-1");
}

TEST(Decode, Latin1IsWindows1252) {
  const Decoded d = decode_to_utf8("<meta charset=iso-8859-1><p>\x93quoted\x94 caf\xE9</p>");
  EXPECT_EQ(d.encoding, "WINDOWS-1252");
  EXPECT_NE(d.utf8.find("\xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9"), std::string::npos);
}

TEST(Decode, ValidUtf8WinsOverAWrongDeclaration) {
  // A page re-encoded to UTF-8 that still says gb2312.
  const Decoded d = decode_to_utf8("<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87</p>");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_NE(d.utf8.find("中文"), std::string::npos);
}

TEST(Decode, HintIsUsedForAsciiCompatibleBytes) {
  const Decoded d = decode_to_utf8("<p>caf\xE9</p>", "latin1");
  EXPECT_EQ(d.source, "hint");
  EXPECT_NE(d.utf8.find("caf\xC3\xA9"), std::string::npos);
}

TEST(Decode, UndeclaredLegacyBytesGoToTheDetector) {
  std::string html = "<html><body><p>";
  for (int k = 0; k < 40; ++k) html += "\xCF\xF0\xE8\xE2\xE5\xF2 \xEC\xE8\xF0 ";  // Привет мир
  html += "</p></body></html>";
  const Decoded d = decode_to_utf8(html);
  EXPECT_EQ(d.source, "detector");
  EXPECT_TRUE(is_valid_utf8(d.utf8));
  EXPECT_NE(d.utf8.find("Привет"), std::string::npos);
}

TEST(Decode, OutputIsAlwaysValidUtf8) {
  for (const std::string& junk : {std::string("\xC3\x28\xA0\xA1 \xF0\x28\x8C\xBC", 10),
                                 std::string("<meta charset=utf-8>\xFF\xFE\xFD", 23),
                                 std::string("\0\0\0", 3)}) {
    EXPECT_TRUE(is_valid_utf8(decode_to_utf8(junk).utf8));
  }
}

TEST(Sniff, BinaryPayloadsAreNamed) {
  EXPECT_EQ(binary_kind("%PDF-1.7\n..."), "a PDF document");
  EXPECT_EQ(binary_kind("\x89PNG\r\n\x1a\n...."), "a PNG image");
  EXPECT_EQ(binary_kind(std::string_view("\x1f\x8b\x08\0", 4)), "gzip-compressed data");
  EXPECT_EQ(binary_kind(std::string_view("RIFF\x10\0\0\0WEBPVP8 ", 16)), "a WebP image");
  EXPECT_EQ(binary_kind("<!DOCTYPE html><p>%PDF-</p>"), "");
  EXPECT_EQ(binary_kind("\xEF\xBB\xBF<html>"), "");
  EXPECT_EQ(binary_kind(""), "");
  std::string noise;
  for (int k = 0; k < 512; ++k) noise += static_cast<char>((k * 37 + 11) % 256);
  EXPECT_EQ(binary_kind(noise), "binary data");
  std::string utf16;
  for (char c : std::string("<html><body><p>wide text here and more of it, enough bytes</p>")) {
    utf16 += c;
    utf16 += '\0';
  }
  EXPECT_EQ(binary_kind(utf16), "");
}

TEST(Decode, CanonicalCharsetNames) {
  EXPECT_EQ(canonical_charset("UTF8"), "UTF-8");
  EXPECT_EQ(canonical_charset("Shift_JIS"), "CP932");
  EXPECT_EQ(canonical_charset("no-such-charset"), "");
}

TEST(Decode, ScanUtf8FindsTheFirstNonAsciiByteAndBadSequencesAnywhere) {
  // Long ASCII runs are read 8 and 32 bytes at a time: a byte of interest
  // at every offset around those steps must still be seen.
  for (std::size_t at = 0; at < 80; ++at) {
    std::string ascii(80, 'a');
    EXPECT_TRUE(scan_utf8(ascii).valid);
    EXPECT_FALSE(scan_utf8(ascii).non_ascii);
    std::string text = ascii;
    text.replace(at, 1, "\xC3\xA9");  // é
    EXPECT_TRUE(scan_utf8(text).valid) << at;
    EXPECT_TRUE(scan_utf8(text).non_ascii) << at;
    std::string bad = ascii;
    bad[at] = '\xC3';  // a lead byte followed by ASCII
    EXPECT_FALSE(scan_utf8(bad).valid) << at;
    EXPECT_FALSE(is_valid_utf8(bad)) << at;
    bad[at] = '\x80';  // a continuation byte alone
    EXPECT_FALSE(scan_utf8(bad).valid) << at;
  }
  EXPECT_FALSE(scan_utf8("\xED\xA0\x80").valid);      // a surrogate
  EXPECT_FALSE(scan_utf8("\xC0\xAF").valid);          // overlong
  EXPECT_FALSE(scan_utf8("\xF4\x90\x80\x80").valid);  // past U+10FFFF
  EXPECT_TRUE(scan_utf8("\xF0\x9F\x98\x80").valid);   // U+1F600
}

}  // namespace thresher::input
