// Calendar arithmetic and ISO date parsing.
#include "core/date.h"

#include <cstdio>

namespace annals {

namespace {
const char* const kMonthNames[] = {"", "January", "February", "March", "April", "May", "June",
                                   "July", "August", "September", "October", "November", "December"};

bool ParseDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}
}  // namespace

std::string Date::ToIso() const {
  char buf[32];
  switch (precision) {
    case DatePrecision::kMissing: return "";
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case DatePrecision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
  }
  return buf;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return (m == 2 && IsLeapYear(y)) ? 29 : kDays[m];
}

bool IsValidDate(int y, int m, int d) { return d >= 1 && d <= DaysInMonth(y, m); }

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  Date out;
  out.year = static_cast<int>(y + (m <= 2));
  out.month = static_cast<int>(m);
  out.day = static_cast<int>(d);
  out.precision = DatePrecision::kDay;
  return out;
}

int IsoWeekday(int y, int m, int d) {
  const int64_t days = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

void IsoWeek(int y, int m, int d, int* week_year, int* week) {
  const int64_t days = DaysFromCivil(y, m, d);
  const int wd = IsoWeekday(y, m, d);
  const Date thursday = CivilFromDays(days - wd + 4);  // the week's Thursday decides its year
  *week_year = thursday.year;
  const int64_t jan1 = DaysFromCivil(thursday.year, 1, 1);
  *week = static_cast<int>((DaysFromCivil(thursday.year, thursday.month, thursday.day) - jan1) / 7) + 1;
}

Result<Date> ParseIsoDate(std::string_view s) {
  const std::string_view orig = s;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("'" + std::string(orig) + "' is not a date: " + why);
  };
  if (s.empty()) return bad("empty");
  Date out;
  if (!ParseDigits(s, 0, 4, &out.year)) return bad("expected a 4-digit year");
  size_t pos = 4;
  if (s.size() == 4) {
    out.precision = DatePrecision::kYear;
    return out;
  }
  char sep = s[4];
  if (sep >= '0' && sep <= '9') {  // YYYYMMDD
    if (s.size() != 8 || !ParseDigits(s, 4, 2, &out.month) || !ParseDigits(s, 6, 2, &out.day))
      return bad("expected YYYY-MM-DD");
    pos = 8;
  } else {
    if (sep != '-' && sep != '/') return bad("expected '-' after the year");
    if (!ParseDigits(s, 5, 2, &out.month)) return bad("expected a 2-digit month");
    pos = 7;
    if (s.size() == 7) {
      if (out.month < 1 || out.month > 12) return bad("month must be 01..12");
      out.precision = DatePrecision::kMonth;
      return out;
    }
    if (s[7] != sep || !ParseDigits(s, 8, 2, &out.day)) return bad("expected YYYY-MM-DD");
    pos = 10;
  }
  if (pos < s.size() && s[pos] != 'T' && s[pos] != ' ' && s[pos] != 't') return bad("unexpected text after the date");
  if (out.month < 1 || out.month > 12) return bad("month must be 01..12");
  if (!IsValidDate(out.year, out.month, out.day)) {
    return bad(std::string(kMonthNames[out.month]) + " " + std::to_string(out.year) + " has " +
               std::to_string(DaysInMonth(out.year, out.month)) + " days");
  }
  out.precision = DatePrecision::kDay;
  return out;
}

}  // namespace annals
