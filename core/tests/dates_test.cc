#include "fields/dates.h"

#include <gtest/gtest.h>

namespace thresher::fields {

std::string iso(std::string_view s, bool month_first = false) {
  auto d = parse_date(s, month_first);
  return d ? d->iso() : "none";
}

TEST(Dates, IsoAndTimestamps) {
  EXPECT_EQ(iso("2023-03-02T23:06:00+03:00"), "2023-03-02");
  EXPECT_EQ(iso("2023/3/2"), "2023-03-02");
  EXPECT_EQ(iso("20230302"), "2023-03-02");
}

TEST(Dates, WrittenForms) {
  EXPECT_EQ(iso("2 Mar 2023 23:06"), "2023-03-02");
  EXPECT_EQ(iso("March 2, 2023"), "2023-03-02");
  EXPECT_EQ(iso("Published: Mar. 2nd 2023"), "2023-03-02");
  EXPECT_EQ(iso("2. März 2023"), "2023-03-02");
  EXPECT_EQ(iso("2 de marzo de 2023"), "2023-03-02");
  EXPECT_EQ(iso("le 2 février 2023"), "2023-02-02");
  EXPECT_EQ(iso("2 lutego 2023"), "2023-02-02");
  EXPECT_EQ(iso("2023年3月2日"), "2023-03-02");
}

TEST(Dates, NumericDayFirstUnlessToldOtherwise) {
  EXPECT_EQ(iso("02.03.2023"), "2023-03-02");
  EXPECT_EQ(iso("03/02/2023", true), "2023-03-02");
  EXPECT_EQ(iso("25/12/2023", true), "2023-12-25");  // unambiguous
}

TEST(Dates, RejectsImpossibleAndPartialDates) {
  EXPECT_EQ(iso("2023-02-30"), "none");
  EXPECT_EQ(iso("31 Smarch 2023"), "none");
  EXPECT_EQ(iso("March 2023"), "none");
  EXPECT_EQ(iso("1850-01-01"), "none");
  EXPECT_EQ(iso(""), "none");
}

TEST(Dates, FromUrls) {
  auto d = date_from_url("https://example.com/2019/06/19/some-story/");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso(), "2019-06-19");
  EXPECT_FALSE(date_from_url("https://example.com/news/politics/story"));
}

}  // namespace thresher::fields
