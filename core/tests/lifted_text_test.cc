#include "input/lifted_text.h"

#include <gtest/gtest.h>
#include <gumbo.h>

#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string>

namespace thresher::input {

std::string lift(LiftedText& lifted, const std::string& run) {
  std::string out = "<p>" + run;
  lifted.lift_tail(out, 3);
  return out.substr(3);
}

TEST(LiftedText, LiftsPlainRunsLongerThanTheirPlaceholder) {
  LiftedText lifted;
  const std::string placeholder = lift(lifted, "A run of plain text, long enough");
  ASSERT_EQ(placeholder.size(), LiftedText::kPlaceholderBytes);
  EXPECT_EQ(LiftedText::find_placeholder(placeholder.c_str()), placeholder.c_str());
  const std::string_view run = lifted.run_at(placeholder.c_str());
  EXPECT_EQ(run, "A run of plain text, long enough");
  EXPECT_EQ(run.data()[run.size()], '\0');
  EXPECT_EQ(lift(lifted, "Tiny"), "Tiny");  // no shorter as a placeholder
  EXPECT_EQ(lifted.count(), 1u);
}

TEST(LiftedText, LeavesWhatGumboWouldChange) {
  LiftedText lifted;
  for (const std::string& run : std::initializer_list<std::string>{"Fish &ampchips and more", "A line\r\nand another one",
                                "A control \x01 character here", "A C1 control \xC2\x85 in it",
                                "Noncharacter \xEF\xB7\x90 in the text", "Noncharacter \xEF\xBF\xBE too",
                                std::string("A NUL \0 in the text", 20), "DEL \x7F in the text here"}) {
    EXPECT_EQ(lift(lifted, run), run);
  }
  EXPECT_TRUE(lifted.empty());
  // Wherever the byte sits in the run (runs are passed over 8 bytes at a time).
  for (std::size_t at = 0; at < 20; ++at) {
    for (const char* bad : {"&", "\x01", "\x7F", "\xC2\x85", "\xEF\xBF\xBF"}) {
      std::string run(20, 'x');
      run.insert(at, bad);
      EXPECT_EQ(lift(lifted, run), run) << at << " " << bad;
    }
  }
  EXPECT_TRUE(lifted.empty());
  EXPECT_EQ(lift(lifted, "Tabs\tand form\ffeeds are fine").size(), LiftedText::kPlaceholderBytes);
  EXPECT_EQ(lift(lifted, "Caf\xC3\xA9 and ~{}| ASCII text").size(), LiftedText::kPlaceholderBytes);
  // References it reads are kept decoded, as gumbo stores them.
  const std::string fish = lift(lifted, "Fish &amp; chips &#8211; &#x2014;&nbsp;&");
  ASSERT_EQ(fish.size(), LiftedText::kPlaceholderBytes);
  EXPECT_EQ(lifted.run_at(fish.c_str()), "Fish & chips \u2013 \u2014\u00A0&");
}

// The text of the first text node in `html`'s body (gumbo's decoding), or
// the value of the body's first element's title attribute.
std::string gumbo_text(const std::string& html, bool attribute) {
  GumboOutput* output = gumbo_parse(html.c_str());
  std::string text = "(none)";
  const GumboNode* body = static_cast<const GumboNode*>(output->root->v.element.children.data[1]);
  if (body->v.element.children.length > 0) {
    const auto* first = static_cast<const GumboNode*>(body->v.element.children.data[0]);
    if (attribute && first->type == GUMBO_NODE_ELEMENT) {
      if (const GumboAttribute* a = gumbo_get_attribute(&first->v.element.attributes, "title")) text = a->value;
    } else if (!attribute && first->type == GUMBO_NODE_TEXT) {
      text = first->v.text.text;
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return text;
}

// Whenever append_decoded_references reads a run, it reads it as gumbo
// does, in text and in a quoted attribute value.
// Returns whether it read the run.
bool expect_read_as_gumbo_reads(const std::string& run) {
  std::string decoded;
  if (!append_decoded_references(run, decoded)) return false;
  EXPECT_EQ(decoded, gumbo_text("x" + run + "<br>", false).substr(1)) << run;
  EXPECT_EQ(decoded, gumbo_text("<b title=\"" + run + "\">", true)) << run;
  return true;
}

TEST(LiftedText, DecodesReferencesAsGumboDoes) {
  std::string out;
  EXPECT_TRUE(append_decoded_references("Q&amp;A, &lt;b&gt; &#39;x&#x27; &quot;&rsquo;", out));
  EXPECT_EQ(out, "Q&A, <b> 'x' \"\u2019");
  // An '&' that starts no reference stays.
  out.clear();
  EXPECT_TRUE(append_decoded_references("R & D, 3&4, a&-b, &&, &", out));
  EXPECT_EQ(out, "R & D, 3&4, a&-b, &&, &");
  // Left to gumbo: names without ';', names not listed, white space,
  // controls, surrogates, noncharacters, planes 15 and 16, out of range.
  for (const char* run : {"AT&T", "&copy 2024", "&amp", "&notin;", "&#32;", "&#10;", "&#x9;",
                          "&#0;", "&#128;", "&#x9F;", "&#xD800;", "&#xFDD0;", "&#xFFFE;", "&#x1FFFF;",
                          "&#xF0000;", "&#x110000;", "&#99999999999;", "&#65", "&#x;", "&#;"}) {
    out.clear();
    EXPECT_FALSE(append_decoded_references(run, out)) << run;
  }
  // Every name it reads, and numbers over the whole range, read as gumbo
  // reads them.
  for (const char* name :
       {"Auml", "Eacute", "Ouml", "Uuml", "aacute", "agrave", "amp", "apos", "auml", "bdquo", "bull",
        "ccedil", "cent", "copy", "darr", "deg", "divide", "eacute", "egrave", "emsp", "ensp", "euro",
        "frac12", "frac14", "frac34", "gt", "hellip", "iacute", "laquo", "larr", "ldquo", "lsquo",
        "lt", "mdash", "middot", "nbsp", "ndash", "ntilde", "oacute", "ouml", "para", "plusmn",
        "pound", "quot", "raquo", "rarr", "rdquo", "reg", "rsquo", "sbquo", "sect", "shy", "sup2",
        "sup3", "szlig", "thinsp", "times", "trade", "uacute", "uarr", "uuml", "yen", "zwj", "zwnj"}) {
    EXPECT_TRUE(expect_read_as_gumbo_reads(std::string("a&") + name + ";b")) << name;
  }
  for (const char* name : {"AMP", "Amp", "ampx", "hearts", "frac", "frac123"}) {
    EXPECT_FALSE(expect_read_as_gumbo_reads(std::string("a&") + name + ";b")) << name;
  }
  std::size_t numbers_read = 0;
  for (std::uint32_t cp = 0; cp < 0x110100; cp += cp < 0x3000 ? 1 : 251) {
    numbers_read += expect_read_as_gumbo_reads("&#" + std::to_string(cp) + ";");
    char hex[16];
    std::snprintf(hex, sizeof hex, "&#x%X;", cp);
    expect_read_as_gumbo_reads(hex);
  }
  EXPECT_GT(numbers_read, 10000u);
  for (std::uint32_t cp : {0xFDCFu, 0xFDF0u, 0xFFFDu, 0x10000u, 0xEFFFDu, 0xEFFFEu, 0xE0001u}) {
    expect_read_as_gumbo_reads("&#" + std::to_string(cp) + ";");
  }
}

TEST(LiftedText, RawTextKeepsItsAmpersands) {
  LiftedText lifted;
  std::string out;
  EXPECT_TRUE(lifted.lift_raw("{\"name\": \"Fish &amp; chips\"}", out));
  ASSERT_EQ(out.size(), LiftedText::kPlaceholderBytes);
  EXPECT_EQ(lifted.run_at(out.c_str()), "{\"name\": \"Fish &amp; chips\"}");
  out.clear();
  EXPECT_FALSE(lifted.lift_raw("{\"a\": \"b\r\n\"}", out));  // gumbo turns CR LF into LF
  EXPECT_EQ(out, "");
}

TEST(LiftedText, PlaceholdersNameTheirRunsOnly) {
  LiftedText lifted;
  std::string first, last_of_plane_15, last;
  const int runs = static_cast<int>(LiftedText::kMaxRuns);
  for (int k = 0; k < runs; ++k) {
    const std::string placeholder = lift(lifted, "The run number " + std::to_string(k));
    ASSERT_EQ(placeholder.size(), LiftedText::kPlaceholderBytes) << k;
    if (k == 0) first = placeholder;
    if (k == 65533) last_of_plane_15 = placeholder;
    if (k == runs - 1) last = placeholder;
  }
  EXPECT_EQ(first, "\xF3\xB0\x80\x80");  // U+F0000
  EXPECT_EQ(last_of_plane_15, "\xF3\xBF\xBF\xBD");  // U+FFFFD: U+FFFFE is a noncharacter
  EXPECT_EQ(last, "\xF4\x8F\xBF\x9D");  // U+10FFDD: the name codes follow
  EXPECT_EQ(lifted.run_at(first.c_str()), "The run number 0");
  EXPECT_EQ(lifted.run_at(last_of_plane_15.c_str()), "The run number 65533");
  EXPECT_EQ(lifted.run_at(last.c_str()), "The run number " + std::to_string(runs - 1));
  // Past the last placeholder, runs stay in the markup.
  EXPECT_EQ(lift(lifted, "One run too many"), "One run too many");
  // A placeholder cut short, a noncharacter or another character names nothing.
  EXPECT_EQ(lifted.run_at(first.substr(0, 2).c_str()).data(), nullptr);
  EXPECT_EQ(lifted.run_at("\xF3\xBF\xBF\xBE").data(), nullptr);
  EXPECT_EQ(lifted.run_at("\xF0\x9F\x98\x80").data(), nullptr);
  LiftedText none;
  EXPECT_EQ(none.run_at(first.c_str()).data(), nullptr);
}

TEST(LiftedText, FindsPlaceholderShapedCharactersOnly) {
  const char* text = "An emoji \xF0\x9F\x98\x80, a tag \xF3\xA0\x81\xA7, then \xF4\x80\x80\x81.";
  EXPECT_EQ(LiftedText::find_placeholder(text), std::strstr(text, "\xF4"));
  EXPECT_EQ(LiftedText::find_placeholder("Plain text"), nullptr);
  EXPECT_EQ(LiftedText::find_placeholder("Cut short \xF3"), nullptr);
}

TEST(LiftedText, AppendsAValueOrItsPlaceholder) {
  LiftedText lifted;
  std::string out = "<a href=\"";
  EXPECT_TRUE(lifted.lift("https://example.com/a/path", out));
  ASSERT_EQ(out.size(), 9 + LiftedText::kPlaceholderBytes);
  EXPECT_EQ(lifted.run_at(out.c_str() + 9), "https://example.com/a/path");
  out = "<a href=";
  EXPECT_TRUE(lifted.lift("/a?b=1&amp;c=2", out));  // kept as gumbo decodes it
  ASSERT_EQ(out.size(), 8 + LiftedText::kPlaceholderBytes);
  EXPECT_EQ(lifted.run_at(out.c_str() + 8), "/a?b=1&c=2");
  out = "<a href=";
  EXPECT_FALSE(lifted.lift("/a?b=1&copy=2", out));  // a name without ';': left to gumbo
  EXPECT_EQ(out, "<a href=");
  EXPECT_EQ(lifted.count(), 2u);
}

TEST(LiftedText, AttributeNamesComeBackFromTheirCodes) {
  LiftedText lifted;
  EXPECT_TRUE(lifted.empty());
  std::string out;
  lifted.append_name(3, "class", out);
  lifted.append_name(31, "aria-labelledby", out);
  lifted.append_name(3, "class", out);
  ASSERT_EQ(out.size(), 3 * LiftedText::kPlaceholderBytes);
  EXPECT_FALSE(lifted.empty());
  EXPECT_EQ(lifted.count(), 0u);
  EXPECT_STREQ(lifted.name_at(out.substr(0, 4).c_str()), "class");
  EXPECT_STREQ(lifted.name_at(out.substr(4, 4).c_str()), "aria-labelledby");
  // Codes not given, other names, and a code with more after it stay.
  const std::string unused = "\xF4\x8F\xBF\x9F";  // the code of slot 1
  EXPECT_EQ(lifted.name_at(unused.c_str()), unused.c_str());
  for (const char* name : {"class", "", "\xF4\x8F\xBF\x9E\x9E", "\xF4\x8F\xBF\x9Ex", "\xF4\x8F\xBF"}) {
    EXPECT_EQ(lifted.name_at(name), name);
  }
  // Codes are not placeholders of runs.
  EXPECT_EQ(lifted.run_at(out.c_str()).data(), nullptr);
}

TEST(LiftedText, PagesHoldingPlaceholderCharactersAreNotLifted) {
  EXPECT_TRUE(LiftedText::page_allows("<p>Plain text</p>"));
  EXPECT_TRUE(LiftedText::page_allows("<p>Emoji \xF0\x9F\x98\x80 &#x1F600; &#128512; &#xE000;</p>"));
  EXPECT_TRUE(LiftedText::page_allows("<p>A flag's tag character \xF3\xA0\x81\xA7 &#x110000;</p>"));
  EXPECT_FALSE(LiftedText::page_allows("<p>An icon \xF3\xB0\x80\x80</p>"));
  EXPECT_FALSE(LiftedText::page_allows("<p>An icon \xF4\x80\x80\x80</p>"));
  EXPECT_FALSE(LiftedText::page_allows("<p>An icon &#xf0000;</p>"));
  EXPECT_FALSE(LiftedText::page_allows("<p>An icon &#X10fffd</p>"));
  EXPECT_FALSE(LiftedText::page_allows("<p>An icon &#983040;</p>"));
}

}  // namespace thresher::input
