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

// The month word is a run of 3 to 12 letters, as the patterns were first
// written (\pL{3,12}); the bound is now checked outside the regex.
TEST(Dates, MonthWordOfTwelveLettersAtMost) {
  EXPECT_EQ(iso("2 października 2023"), "2023-10-02");  // 12 letters
  // A longer word after a day number is no match: the date after it is read.
  EXPECT_EQ(iso("5 Unbelievablylongword 2020, then 7 March 2021"), "2021-03-07");
  // Unanchored on the left, the month-first form reads the last 12 letters.
  EXPECT_EQ(iso("xpaździernika 2, 2023"), "2023-10-02");
  EXPECT_EQ(iso("Overlongwordmarch 2, 2023"), "none");
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

TEST(Dates, DaysBetween) {
  auto day = [](int y, int m, int d) {
    CivilDate c;
    c.year = y, c.month = m, c.day = d;
    return c;
  };
  EXPECT_EQ(days_between(day(2025, 12, 18), day(2025, 12, 19)), -1);
  EXPECT_EQ(days_between(day(2026, 1, 1), day(2025, 12, 31)), 1);
  EXPECT_EQ(days_between(day(2024, 3, 1), day(2024, 2, 28)), 2);  // a leap year
}

TEST(Dates, FromUrls) {
  auto d = date_from_url("https://example.com/2019/06/19/some-story/");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso(), "2019-06-19");
  EXPECT_FALSE(date_from_url("https://example.com/news/politics/story"));
  // A slug glued to the date by a '+' (an encoded space) or other sign.
  d = date_from_url("https://example.com/articles/2025-12-15+Rust+GCC+backend");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso(), "2025-12-15");
  // Digits running on are not a day: an id.
  EXPECT_FALSE(date_from_url("https://example.com/p/2025-12-150"));
}

}  // namespace thresher::fields

namespace thresher::fields {

std::string datetime_of(std::string_view s) {
  auto d = parse_date(s);
  return d ? d->iso_datetime() : "none";
}

TEST(Dates, TimeOfDayAndOffsetWhenGiven) {
  EXPECT_EQ(datetime_of("2023-03-02T23:06:00+03:00"), "2023-03-02T23:06:00+03:00");
  EXPECT_EQ(datetime_of("2023-03-02T23:06:00+0300"), "2023-03-02T23:06:00+03:00");
  EXPECT_EQ(datetime_of("2023-03-02T20:06:00Z"), "2023-03-02T20:06:00Z");
  EXPECT_EQ(datetime_of("2023-03-02T20:06:00.123+00:00"), "2023-03-02T20:06:00Z");
  EXPECT_EQ(datetime_of("2 Mar 2023 23:06"), "2023-03-02T23:06");
  EXPECT_EQ(datetime_of("March 2, 2023 at 11:06 pm GMT"), "2023-03-02T23:06Z");
  EXPECT_EQ(datetime_of("March 2, 2023 12:15 AM"), "2023-03-02T00:15");
  EXPECT_EQ(datetime_of("2023-03-02"), "");           // a day, no time
  EXPECT_EQ(datetime_of("March 2, 2023 13:15 pm"), "");  // not a time
  EXPECT_EQ(parse_date("2 Mar 2023 23:06")->iso(), "2023-03-02");
}

}  // namespace thresher::fields
