#include "fields/dates.h"

#include <array>
#include <chrono>
#include <cstdio>

#include <re2/re2.h>

#include "dom/text_util.h"

namespace thresher::fields {
namespace {

constexpr int kMinYear = 1990;
constexpr int kMaxYear = 2100;

struct MonthName {
  std::string_view name;  // lower-case, as written (accents kept)
  int month;
};

// Full names and common abbreviations: en, de, fr, es, it, pt, nl, pl, sv.
constexpr MonthName kMonths[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
    {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7},
    {"august", 8}, {"aug", 8}, {"september", 9}, {"sep", 9}, {"sept", 9}, {"october", 10},
    {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
    // German
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3}, {"mai", 5},
    {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"okt", 10}, {"dezember", 12}, {"dez", 12},
    // French
    {"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"mars", 3},
    {"avril", 4}, {"avr", 4}, {"juin", 6}, {"juillet", 7}, {"juil", 7}, {"août", 8},
    {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"decembre", 12}, {"déc", 12},
    // Spanish
    {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"abr", 4},
    {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"ago", 8}, {"septiembre", 9},
    {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"dic", 12},
    // Italian
    {"gennaio", 1}, {"gen", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"set", 9}, {"ottobre", 10}, {"ott", 10}, {"dicembre", 12},
    // Portuguese
    {"janeiro", 1}, {"fevereiro", 2}, {"fev", 2}, {"março", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"outubro", 10}, {"out", 10}, {"novembro", 11}, {"dezembro", 12},
    // Dutch
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"okt", 10},
    // Polish (nominative and genitive)
    {"stycznia", 1}, {"styczeń", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
    {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10},
    {"listopada", 11}, {"grudnia", 12},
    // Swedish / Danish / Norwegian
    {"januari", 1}, {"februari", 2}, {"mars", 3}, {"maj", 5}, {"augusti", 8}, {"oktober", 10},
    {"desember", 12},
};

int month_from_name(std::string_view word) {
  std::string lower = text::to_lower_utf8(word);
  while (!lower.empty() && lower.back() == '.') lower.pop_back();
  for (const auto& m : kMonths) {
    if (m.name == lower) return m.month;
  }
  return 0;
}

// The longest month word the date patterns read, in letters (the longest of
// kMonths, "października", has 12).
constexpr std::size_t kMaxMonthLetters = 12;

// Letters (code points) of a UTF-8 word: bytes that do not continue one.
std::size_t letter_count(std::string_view word) {
  std::size_t n = 0;
  for (char c : word) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The last `n` letters of a UTF-8 word (all of it when shorter).
std::string_view last_letters(std::string_view word, std::size_t n) {
  std::size_t i = word.size();
  for (std::size_t seen = 0; i > 0; --i) {
    if ((static_cast<unsigned char>(word[i - 1]) & 0xC0) == 0x80) continue;
    if (seen++ == n) break;
  }
  return word.substr(i);
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > 100000) return -1;
  }
  return v;
}

std::optional<CivilDate> make(int y, int m, int d) {
  if (!valid_date(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

}  // namespace

std::string CivilDate::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool valid_date(int year, int month, int day) noexcept {
  if (year < kMinYear || year > kMaxYear) return false;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  return month >= 1 && day >= 1 && ymd.ok();
}

int days_between(const CivilDate& a, const CivilDate& b) noexcept {
  auto days = [](const CivilDate& d) {
    return std::chrono::sys_days{std::chrono::year{d.year} / d.month / d.day}.time_since_epoch().count();
  };
  return static_cast<int>(days(a) - days(b));
}

std::string CivilDate::iso_datetime() const {
  if (hour < 0) return {};
  char buf[40];
  if (second >= 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
  }
  return buf + offset;
}

namespace {

// The first time of day in `s` ("23:06", "11:06:30 pm", "T23:06:00+03:00").
void attach_time(std::string_view s, CivilDate& date) {
  static const LazyRE2 kTime = {
      R"((?:^|[^\d:])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?:[.,]\d+)?\s*((?i)[ap]\.?m\.?)?)"
      R"(\s*(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d|(?i)(?:UTC|GMT))?(?:[^\d]|$))"};
  re2::StringPiece h, m, sec, meridiem, zone;
  if (!RE2::PartialMatch(s, *kTime, &h, &m, &sec, &meridiem, &zone)) return;
  int hour = to_int(h);
  if (!meridiem.empty()) {
    if (hour < 1 || hour > 12) return;  // "13:00 pm" is not a time
    const bool pm = meridiem[0] == 'p' || meridiem[0] == 'P';
    hour = hour % 12 + (pm ? 12 : 0);
  }
  date.hour = hour;
  date.minute = to_int(m);
  date.second = sec.empty() ? -1 : to_int(sec);
  if (zone.empty()) {
    date.offset.clear();
  } else if (zone == "Z" || zone.size() == 3) {  // Z, UTC, GMT
    date.offset = "Z";
  } else {
    std::string z(zone.data(), zone.size());
    if (z.find(':') == std::string::npos) z.insert(3, ":");
    date.offset = z == "+00:00" || z == "-00:00" ? "Z" : z;
  }
}

std::optional<CivilDate> parse_day(std::string_view s, bool prefer_month_first);

}  // namespace

std::optional<CivilDate> parse_date(std::string_view s, bool prefer_month_first) {
  if (s.size() > 400) s = s.substr(0, 400);
  std::optional<CivilDate> date = parse_day(s, prefer_month_first);
  if (date) attach_time(s, *date);
  return date;
}

namespace {

// Every form parse_day reads holds a four-digit year 19xx or 20xx. Most
// texts handed to it (every short element near a headline) hold none, and a
// byte loop says so at a fraction of the cost of six regex searches.
bool may_hold_year(std::string_view s) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    const bool century = (s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0');
    if (century && digit(s[i + 2]) && digit(s[i + 3])) return true;
  }
  return false;
}

std::optional<CivilDate> parse_day(std::string_view s, bool prefer_month_first) {
  if (s.size() > 400) s = s.substr(0, 400);
  if (!may_hold_year(s)) return std::nullopt;
  re2::StringPiece y, m, d, word;
  // ISO first: 2023-03-02, 2023/03/02, 2023.03.02, optionally with time.
  static const LazyRE2 kIso = {R"((?:^|[^\d])((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?:[^\d]|$))"};
  if (RE2::PartialMatch(s, *kIso, &y, &m, &d)) {
    if (auto r = make(to_int(y), to_int(m), to_int(d))) return r;
  }
  // Compact ISO: 20230302 (only when the whole token is 8 digits).
  static const LazyRE2 kCompact = {R"((?:^|[^\d])((?:19|20)\d\d)(\d\d)(\d\d)(?:T|[^\d]|$))"};
  if (RE2::PartialMatch(s, *kCompact, &y, &m, &d)) {
    if (auto r = make(to_int(y), to_int(m), to_int(d))) return r;
  }
  // CJK: 2023年3月2日
  static const LazyRE2 kCjk = {R"(((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)"};
  if (RE2::PartialMatch(s, *kCjk, &y, &m, &d)) {
    if (auto r = make(to_int(y), to_int(m), to_int(d))) return r;
  }
  // Day month-name year: "2 Mar 2023", "2. März 2023", "2 de marzo de 2023", "2nd March, 2023".
  //
  // The month word of the next two forms is a run of 3 to 12 letters. It is
  // written \pL{3,} and its upper bound checked here: RE2 compiles a counted
  // repeat into one copy of \pL (a UTF-8 automaton of ~1,200 instructions)
  // per count, and the two \pL{3,12} patterns took ~200 M instructions to
  // compile (forward and reverse programs) on the first dated text of a
  // process, some 6 pages' worth of extraction; \pL{3,} takes ~60 M.
  static const LazyRE2 kDayMonth = {
      R"((?:^|[^\d])(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(\pL{3,})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)(?:[^\d]|$))"};
  // The word is a whole run of letters here (white space before it, no
  // letter after it), so a run longer than 12 is no match at its place: look
  // past it, as the bounded pattern did.
  for (std::string_view rest = s; RE2::PartialMatch(rest, *kDayMonth, &d, &word, &y);) {
    if (letter_count(word) > kMaxMonthLetters) {
      rest.remove_prefix(static_cast<std::size_t>(word.data() + word.size() - rest.data()));
      continue;
    }
    if (auto r = make(to_int(y), month_from_name(word), to_int(d))) return r;
    break;
  }
  // Month-name day year: "March 2, 2023", "Mar. 2nd 2023". Unanchored on the
  // left, \pL{3,12} read the last 12 letters of a longer run: so does this.
  static const LazyRE2 kMonthDay = {
      R"((\pL{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?:[^\d]|$))"};
  if (RE2::PartialMatch(s, *kMonthDay, &word, &d, &y)) {
    const std::string_view month = last_letters(word, kMaxMonthLetters);
    if (auto r = make(to_int(y), month_from_name(month), to_int(d))) return r;
  }
  // Numeric day-first or month-first: 02.03.2023, 03/02/2023, 2-3-2023.
  static const LazyRE2 kNumeric = {
      R"((?:^|[^\d])(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)(?:[^\d]|$))"};
  re2::StringPiece a, b;
  if (RE2::PartialMatch(s, *kNumeric, &a, &b, &y)) {
    int first = to_int(a), second = to_int(b);
    // Unambiguous when one side is > 12; otherwise the caller's convention.
    if (first > 12 || (!prefer_month_first && second <= 12)) {
      if (auto r = make(to_int(y), second, first)) return r;
    }
    if (auto r = make(to_int(y), first, second)) return r;
  }
  return std::nullopt;
}

}  // namespace

std::optional<CivilDate> date_from_url(std::string_view url) {
  static const LazyRE2 kUrlDate = {
      R"([/_-]((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?:[^0-9]|$))"};
  re2::StringPiece y, m, d;
  if (RE2::PartialMatch(url, *kUrlDate, &y, &m, &d)) return make(to_int(y), to_int(m), to_int(d));
  return std::nullopt;
}

}  // namespace thresher::fields
