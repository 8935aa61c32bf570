#include "input/lifted_text.h"

#include <gtest/gtest.h>

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
  for (const std::string& run : std::initializer_list<std::string>{"Fish &amp; chips and more", "A line\r\nand another one",
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
  EXPECT_EQ(last, "\xF4\x8F\xBF\xBD");  // U+10FFFD
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
  lifted.append_lifted("https://example.com/a/path", out);
  ASSERT_EQ(out.size(), 9 + LiftedText::kPlaceholderBytes);
  EXPECT_EQ(lifted.run_at(out.c_str() + 9), "https://example.com/a/path");
  out = "<a href=";
  lifted.append_lifted("/a?b=1&amp;c=2", out);  // gumbo decodes the reference
  EXPECT_EQ(out, "<a href=/a?b=1&amp;c=2");
  EXPECT_EQ(lifted.count(), 1u);
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
