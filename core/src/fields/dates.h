// Date parsing for fields: ISO 8601 and the forms people write on pages
// ("2 Mar 2023 23:06", "March 2, 2023", "02.03.2023", "2023年3月2日", month
// names in several languages), and dates in URL paths. Calendar validity is
// checked with std::chrono's civil calendar.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace thresher::fields {

struct CivilDate {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = -1;  // hour -1: no time given; second -1: none given
  std::string offset;                      // "Z", "+03:00", or "" (local time, zone unknown)
  std::string iso() const;           // YYYY-MM-DD
  std::string iso_datetime() const;  // YYYY-MM-DDTHH:MM[:SS][offset], "" without a time
};

// A full date (year, month and day) found in `s`, or nullopt; with the time
// of day (and UTC offset) when `s` has one: "2023-03-02T23:06:00+03:00",
// "2 Mar 2023 23:06", "March 2, 2023 at 11:06 pm GMT".
// `prefer_month_first` decides "03/02/2023" (US) vs. day first.
std::optional<CivilDate> parse_date(std::string_view s, bool prefer_month_first = false);
// "/2023/03/02/" or "/2023-03-02-" style dates in a URL path.
std::optional<CivilDate> date_from_url(std::string_view url);
bool valid_date(int year, int month, int day) noexcept;
// Calendar days from `b` to `a` (negative when `a` comes first).
int days_between(const CivilDate& a, const CivilDate& b) noexcept;

}  // namespace thresher::fields
