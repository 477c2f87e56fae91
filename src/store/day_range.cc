// TIMEX3 values and dates as day ranges.
#include "store/day_range.h"

#include <algorithm>
#include <cctype>

namespace annals {

namespace {

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool MonthRange(int year, int m1, int m2, DayRange* out) {
  if (m1 < 1 || m2 > 12 || m1 > m2) return false;
  out->first = DaysFromCivil(year, m1, 1);
  out->last = DaysFromCivil(year, m2, DaysInMonth(year, m2));
  return true;
}

}  // namespace

bool TimexDayRange(std::string_view v, DayRange* out) {
  // A datetime counts as its day.
  if (size_t t = v.find('T'); t != std::string_view::npos && t >= 10) v = v.substr(0, t);
  if (v.size() < 4) return false;
  std::string_view y = v.substr(0, 4);
  if (v.size() == 4) {
    if (Digits(y)) {
      const int year = ToInt(y);
      return MonthRange(year, 1, 12, out);
    }
    if (Digits(y.substr(0, 3)) && y[3] == 'X') {  // decade
      const int d = ToInt(y.substr(0, 3)) * 10;
      out->first = DaysFromCivil(d, 1, 1);
      out->last = DaysFromCivil(d + 9, 12, 31);
      return true;
    }
    if (Digits(y.substr(0, 2)) && y[2] == 'X' && y[3] == 'X') {  // century
      const int c = ToInt(y.substr(0, 2)) * 100;
      out->first = DaysFromCivil(c, 1, 1);
      out->last = DaysFromCivil(c + 99, 12, 31);
      return true;
    }
    return false;
  }
  if (!Digits(y) || v[4] != '-') return false;
  const int year = ToInt(y);
  std::string_view rest = v.substr(5);
  if (rest.size() == 2 && Digits(rest)) return MonthRange(year, ToInt(rest), ToInt(rest), out);
  if (rest.size() == 5 && Digits(rest.substr(0, 2)) && rest[2] == '-' && Digits(rest.substr(3))) {
    const int m = ToInt(rest.substr(0, 2)), d = ToInt(rest.substr(3));
    if (!IsValidDate(year, m, d)) return false;
    out->first = out->last = DaysFromCivil(year, m, d);
    return true;
  }
  if (rest.size() == 3 && rest[0] == 'W' && Digits(rest.substr(1))) {
    const int week = ToInt(rest.substr(1));
    if (week < 1 || week > 53) return false;
    // ISO week 1 contains January 4th.
    const int64_t jan4 = DaysFromCivil(year, 1, 4);
    const int64_t monday = jan4 - (IsoWeekday(year, 1, 4) - 1);
    out->first = monday + int64_t{7} * (week - 1);
    out->last = out->first + 6;
    return true;
  }
  if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    const int q = rest[1] - '0';
    return MonthRange(year, q * 3 - 2, q * 3, out);
  }
  if (rest.size() == 2) {
    if (rest == "SP") return MonthRange(year, 3, 5, out);
    if (rest == "SU") return MonthRange(year, 6, 8, out);
    if (rest == "FA") return MonthRange(year, 9, 11, out);
    if (rest == "WI") return MonthRange(year, 1, 2, out);  // the winter that starts the year
    if (rest == "H1") return MonthRange(year, 1, 6, out);
    if (rest == "H2") return MonthRange(year, 7, 12, out);
  }
  return false;
}

bool DateDayRange(const Date& d, DayRange* out) {
  switch (d.precision) {
    case DatePrecision::kDay: out->first = out->last = DaysFromCivil(d.year, d.month, d.day); return true;
    case DatePrecision::kMonth: return MonthRange(d.year, d.month, d.month, out);
    case DatePrecision::kYear: return MonthRange(d.year, 1, 12, out);
    case DatePrecision::kMissing: break;
  }
  return false;
}

int64_t DayBucket(int64_t day) {
  return std::clamp<int64_t>(day + kDayBias, 1, (int64_t{1} << 28) - 1);
}

}  // namespace annals
