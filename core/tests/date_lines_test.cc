#include "fields/date_lines.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::fields {
using testing::Indexed;

std::vector<DateLine> lines_of(const Indexed& t, std::size_t max = 4) {
  return find_date_lines(*t.index, /*month_first=*/true, max);
}

TEST(DateLines, LabelledAndUnlabelledLines) {
  Indexed t(R"(<body><h1>A headline</h1><div id=l>Posted on Nov 21, 2018</div>
    <p>Some prose of the article that goes on for a while, without dates.</p>
    <span id=m>Faith Katunga &bull; Oct 20, 2025</span></body>)");
  const auto lines = lines_of(t);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].node, t.by_id("l"));
  EXPECT_EQ(lines[0].date.iso(), "2018-11-21");
  EXPECT_EQ(lines[1].date.iso(), "2025-10-20");
  // The headline's 9 visible (non-space) characters come before the first line.
  EXPECT_EQ(lines[0].text_before, 9u);
}

TEST(DateLines, SentencesAreNotDateLinesBoilerplateLinesAre) {
  Indexed t(R"(<body><nav class=sidebar><div>March 2, 2023</div></nav>
    <p>On March 2, 2023 the council met to discuss the budget for many hours.</p>
    <div><time datetime="2023-03-05T10:00:00Z">last Sunday</time></div></body>)");
  const auto lines = lines_of(t);
  ASSERT_EQ(lines.size(), 2u);  // the sentence is not one
  EXPECT_EQ(lines[0].date.iso(), "2023-03-02");  // the sidebar's: its distance decides
  EXPECT_EQ(lines[1].date.iso(), "2023-03-05");  // the <time>, read from its datetime
}

TEST(DateLines, HeadlineOffsetAndLimit) {
  Indexed t(R"(<body><div>Menu items here</div><div>2 Mar 2023</div><div>3 Mar 2023</div>
    <h1 id=h>Headline</h1></body>)");
  std::uint32_t at = 0;
  const auto lines = find_date_lines(*t.index, false, 1, t.by_id("h"), &at);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].date.iso(), "2023-03-02");
  EXPECT_EQ(lines[0].text_before, 13u);
  // Found after the limit was reached: all three lines' text precedes it.
  EXPECT_EQ(at, 13u + 8u + 8u);  // white space is not counted
}

TEST(DateLines, ReadsAsDateLine) {
  EXPECT_TRUE(reads_as_date_line("By Jon Foster - 2025-09-13 Updated: 2025-09-13"));
  EXPECT_FALSE(reads_as_date_line(
      "On March 2, 2023 the council met to discuss the budget for many hours and days."));
  EXPECT_FALSE(reads_as_date_line(""));
}

TEST(DateLines, LabelledPublicationDateAnywhere) {
  Indexed t(R"(<body><h1>A headline</h1><p>Long article text.</p>
    <div class=sidebar><h4>Published</h4><div>July 8, 2025</div></div></body>)");
  const auto d = labelled_publication_date(*t.index, /*month_first=*/true);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->iso(), "2025-07-08");
  // A label must stand alone, and the next element must be a date.
  Indexed u(R"(<body><p>Published by the council</p><div>July 8, 2025</div>
    <h4>Published</h4><div>Not a date at all</div></body>)");
  EXPECT_FALSE(labelled_publication_date(*u.index, true).has_value());
}

TEST(DateLines, LabelledPublicationDatePastAScreenReaderLabel) {
  Indexed t(R"(<body><div><h4>Published</h4><h3 class="sr-only">Publish date</h3>
    <time datetime="2018-11-15T12:00:00Z">15 November 2018</time></div></body>)");
  const auto d = labelled_publication_date(*t.index, /*month_first=*/false);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->iso(), "2018-11-15");
  // Not further: the third element is another field's.
  Indexed u(R"(<body><div><h4>Published</h4><span>Reviewed</span><span>Updated</span>
    <time>15 November 2018</time></div></body>)");
  EXPECT_FALSE(labelled_publication_date(*u.index, false).has_value());
}

TEST(DateLines, BareDateBetweenBlocks) {
  // A hand-written blog: the date is a line of the <fieldset> of the post.
  Indexed t(R"(<body><fieldset><legend>Advent of Code 2025 week 2</legend>
    20 December 2025
    <div class=body><p>I did Advent of Code again this year, and these are my notes on the second week of it.</p>
    <p>Day 8 was the hardest of the week for me, because I misread the puzzle twice.</p></div></fieldset></body>)");
  const auto lines = lines_of(t);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].date.iso(), "2025-12-20");
}

TEST(DateLines, NoBareDateInRunningText) {
  // A date between links or inline elements is a part of a sentence.
  Indexed t(R"(<body><div>In <a href=/a>his post</a> of March 3, 2024 <a href=/b>the author</a> wrote at
    length about the weather, the garden, and how the two of them have been getting on this year.</div></body>)");
  EXPECT_TRUE(lines_of(t).empty());
}

TEST(DateLines, DateAfterTheByline) {
  Indexed t(R"(<body><h1>Headline</h1><p>Text of the article, at some length.</p>
    <div><p>Written by <a href="/author/jane">Jane Doe</a></p><p>April 8, 2024</p></div></body>)");
  const auto d = date_after_byline(*t.index, /*month_first=*/true);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->iso(), "2024-04-08");
  // The label alone, a byline without a date after it: none.
  Indexed alone(R"(<body><div><span>By</span><span>April 8, 2024</span></div>
    <p>By Jane Doe</p><p>Text of the article, at some length, with no date.</p></body>)");
  EXPECT_FALSE(date_after_byline(*alone.index, true).has_value());
  // A <time> after the byline is read by its datetime, whatever its text.
  Indexed time(R"(<body><div><p>By Jane Doe</p><time datetime="2024-04-08">Monday</time></div></body>)");
  const auto t2 = date_after_byline(*time.index, true);
  ASSERT_TRUE(t2.has_value());
  EXPECT_EQ(t2->iso(), "2024-04-08");
}

TEST(DateLines, OriginallyPublished) {
  Indexed t(R"(<body><p>Updated 30 Sep 2022</p><p>This article was originally published on
    26 Sep 2019 at 4:12pm but has been regularly updated.</p></body>)");
  const auto d = originally_published_date(*t.index, /*month_first=*/false);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->iso(), "2019-09-26");
  // No day right after the phrase: none (not the update's date further on).
  Indexed month(R"(<body><p>Originally published in March 2022. Last updated on December 20, 2024.</p></body>)");
  EXPECT_FALSE(originally_published_date(*month.index, true).has_value());
  // A republished piece names the outlet, not a date.
  Indexed outlet(R"(<body><p>This article was originally published on The Conversation on 3 May 2024.</p></body>)");
  EXPECT_FALSE(originally_published_date(*outlet.index, true).has_value());
}

}  // namespace thresher::fields
