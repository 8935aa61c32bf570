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
  std::string iso() const;  // YYYY-MM-DD
};

// A full date (year, month and day) found in `s`, or nullopt.
// `prefer_month_first` decides "03/02/2023" (US) vs. day first.
std::optional<CivilDate> parse_date(std::string_view s, bool prefer_month_first = false);
// "/2023/03/02/" or "/2023-03-02-" style dates in a URL path.
std::optional<CivilDate> date_from_url(std::string_view url);
bool valid_date(int year, int month, int day) noexcept;

}  // namespace thresher::fields
