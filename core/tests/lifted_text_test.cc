#include "input/lifted_text.h"

#include <gtest/gtest.h>

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
  EXPECT_EQ(placeholder.substr(0, 3), LiftedText::kMarker);
  const std::string_view run = lifted.run_at(placeholder.c_str());
  EXPECT_EQ(run, "A run of plain text, long enough");
  EXPECT_EQ(run.data()[run.size()], '\0');
  EXPECT_EQ(lift(lifted, "Short"), "Short");  // no shorter as a placeholder
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
  EXPECT_EQ(lift(lifted, "Tabs\tand form\ffeeds are fine").size(), LiftedText::kPlaceholderBytes);
}

TEST(LiftedText, PlaceholdersNameTheirRunsOnly) {
  LiftedText lifted;
  std::string first, last;
  for (int k = 0; k < 5000; ++k) {
    const std::string placeholder = lift(lifted, "The run number " + std::to_string(k));
    if (k == 0) first = placeholder;
    if (k == 4999) last = placeholder;
  }
  EXPECT_EQ(lifted.run_at(first.c_str()), "The run number 0");
  EXPECT_EQ(lifted.run_at(last.c_str()), "The run number 4999");
  // A marker cut short or followed by other characters names nothing.
  EXPECT_EQ(lifted.run_at(first.substr(0, 5).c_str()).data(), nullptr);
  EXPECT_EQ(lifted.run_at((std::string(LiftedText::kMarker) + "abcdef").c_str()).data(), nullptr);
  LiftedText none;
  EXPECT_EQ(none.run_at(first.c_str()).data(), nullptr);
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

TEST(LiftedText, PagesHoldingTheMarkerAreNotLifted) {
  EXPECT_TRUE(LiftedText::page_allows("<p>Plain text</p>"));
  EXPECT_FALSE(LiftedText::page_allows("<p>An icon \xEE\x80\x80</p>"));
}

}  // namespace thresher::input
