#include "input/mojibake.h"

#include <gtest/gtest.h>

#include <string>

#include "input/decode.h"

namespace thresher::input {
namespace {

// UTF-8 text read as windows-1252 and written out as UTF-8 again, as a
// misconfigured CMS does: the test builds its inputs the way pages get them.
std::string encode_twice(const std::string& utf8) {
  static const char32_t kHigh[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  for (const char ch : utf8) {
    const auto b = static_cast<unsigned char>(ch);
    const char32_t cp = (b >= 0x80 && b < 0xA0) ? kHigh[b - 0x80] : b;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::string repaired(std::string s) {
  repair_double_encoding(s);
  return s;
}

TEST(Mojibake, RepairsWindows1252Punctuation) {
  const std::string text = "A DIY Investor\u2019s Guide \u2014 \u201Cquoted\u201D \u2026";
  EXPECT_EQ(encode_twice(text), "A DIY Investor\u00E2\u20AC\u2122s Guide \u00E2\u20AC\u201D "
                                "\u00E2\u20AC\u0153quoted\u00E2\u20AC\u009D \u00E2\u20AC\u00A6");
  EXPECT_EQ(repaired(encode_twice(text)), text);
}

TEST(Mojibake, RepairsLatin1ReadingWithC1Controls) {
  // Read as Latin-1, 0x80-0x9F become C1 controls: "itertools â\u0080\u0094 Functions".
  EXPECT_EQ(repaired("itertools \u00E2\u0080\u0094 Functions"), "itertools \u2014 Functions");
  EXPECT_EQ(repaired("JOHNSON\u00E2\u0080\u0099S\u00C2\u00AE"), "JOHNSON\u2019S\u00AE");
}

TEST(Mojibake, RepairsAccentsAndFourByteCharacters) {
  const std::string text = "Caf\u00E9 cr\u00E8me, na\u00EFve \u00FCber \u00E7a \U0001F600 \u4E2D\u6587";
  EXPECT_EQ(repaired(encode_twice(text)), text);
}

TEST(Mojibake, LoneAmbiguousRunIsLeftAlone) {
  // One "Ã©" and no run only mojibake makes: possibly meant (a page about it).
  EXPECT_EQ(repaired("the sequence \u00C3\u00A9 shows up"), "the sequence \u00C3\u00A9 shows up");
  // Three of them are a pattern.
  EXPECT_EQ(repaired("caf\u00C3\u00A9, r\u00C3\u00A9sum\u00C3\u00A9"), "caf\u00E9, r\u00E9sum\u00E9");
  // One unmistakable run vouches for the ambiguous ones in the same text.
  EXPECT_EQ(repaired("caf\u00C3\u00A9 \u00E2\u20AC\u201D ok"), "caf\u00E9 \u2014 ok");
}

TEST(Mojibake, CorrectTextIsUntouched) {
  const std::string texts[] = {
      "plain ASCII",
      "Caf\u00E9 cr\u00E8me \u00E0 la fran\u00E7aise, S\u00C3O PAULO, \u00C2ngulo",
      "Ich hei\u00DFe \u00DCmit, \u00C4rger \u00F6ffnen \u00A9 2024 \u00AE",
      "\u00C9t\u00E9 \u00AB guillemets \u00BB \u00E2ge \u00EEle \u00F4te",
      "\u041F\u0440\u0438\u0432\u0435\u0442 \u4F60\u597D \u3053\u3093\u306B\u3061\u306F",
      "\u00C3",  // a lead character at the end
  };
  for (const std::string& text : texts) EXPECT_EQ(repaired(text), text) << text;
}

TEST(Mojibake, InvalidTargetSequencesAreNotRepaired) {
  // "Ã€" alone would be C3 80 (valid), but E0 followed by 0x80 is an overlong
  // form and ED A0 a surrogate: neither is a character, so the text stays.
  EXPECT_EQ(repaired("x\u00E0\u20AC\u20AC x\u00E0\u20AC\u20AC"), "x\u00E0\u20AC\u20AC x\u00E0\u20AC\u20AC");
  EXPECT_EQ(repaired("x\u00ED\u00A0\u0080"), "x\u00ED\u00A0\u0080");
}

TEST(Mojibake, DecodeRepairsAndCounts) {
  const Decoded d = decode_to_utf8("<title>Investor\xC3\xA2\xC2\x80\xC2\x99s Guide</title>");
  EXPECT_EQ(d.utf8, "<title>Investor\u2019s Guide</title>");
  EXPECT_EQ(d.double_encoded_repaired, 1u);
  EXPECT_EQ(decode_to_utf8("<p>caf\xC3\xA9</p>").double_encoded_repaired, 0u);
}

}  // namespace
}  // namespace thresher::input
