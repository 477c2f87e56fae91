// TIMEX3 value formatting and calendar arithmetic over CalValue.
#include "timex/timex_value.h"

#include <cstdio>

#include "timex/timex_lexicon.h"

namespace annals::timex {

namespace {

void AppendInt(std::string* s, int v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  s->append(buf);
}

void AppendYear(std::string* s, int y) {
  if (y == kUnknown || y < 0 || y > 9999) s->append("XXXX");
  else AppendInt(s, y, 4);
}

constexpr const char* kSeasons[] = {"", "SP", "SU", "FA", "WI"};

int FloorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

std::string FormatValue(const CalValue& v) {
  std::string s;
  switch (v.g) {
    case Gran::kNone:
      return "";
    case Gran::kMillennium:
      if (v.y == kUnknown || v.y < 0) return "X";
      AppendInt(&s, v.y / 1000, 1);
      return s;
    case Gran::kCentury:
      if (v.y == kUnknown || v.y < 0) return "XX";
      AppendInt(&s, v.y / 100, 2);
      return s;
    case Gran::kDecade:
      if (v.y == kUnknown || v.y < 0) return "XXX";
      AppendInt(&s, v.y / 10, 3);
      return s;
    case Gran::kYear:
      AppendYear(&s, v.y);
      return s;
    case Gran::kHalf:
      AppendYear(&s, v.y);
      s.append("-H");
      AppendInt(&s, v.sub, 1);
      return s;
    case Gran::kQuarter:
      AppendYear(&s, v.y);
      s.append("-Q");
      if (v.sub >= 1 && v.sub <= 4) AppendInt(&s, v.sub, 1);
      else s.push_back('X');
      return s;
    case Gran::kSeason:
      AppendYear(&s, v.y);
      s.push_back('-');
      s.append(v.sub >= 1 && v.sub <= 4 ? kSeasons[v.sub] : "XX");
      return s;
    case Gran::kMonth:
      AppendYear(&s, v.y);
      s.push_back('-');
      if (v.m == kUnknown) s.append("XX");
      else AppendInt(&s, v.m, 2);
      return s;
    case Gran::kWeek:
    case Gran::kWeekend:
      AppendYear(&s, v.y);
      s.append("-W");
      if (v.sub >= 1 && v.sub <= 53) AppendInt(&s, v.sub, 2);
      else s.append("XX");
      if (v.g == Gran::kWeekend) s.append("-WE");
      return s;
    case Gran::kDay:
      AppendYear(&s, v.y);
      s.push_back('-');
      if (v.m == kUnknown) s.append("XX");
      else AppendInt(&s, v.m, 2);
      s.push_back('-');
      if (v.d == kUnknown) s.append("XX");
      else AppendInt(&s, v.d, 2);
      s.append(v.time);
      return s;
  }
  return s;
}

CalValue FromDate(const Date& r) {
  CalValue v;
  switch (r.precision) {
    case DatePrecision::kMissing: return v;
    case DatePrecision::kYear: v.g = Gran::kYear; v.y = r.year; return v;
    case DatePrecision::kMonth: v.g = Gran::kMonth; v.y = r.year; v.m = r.month; return v;
    case DatePrecision::kDay:
      v.g = Gran::kDay;
      v.y = r.year;
      v.m = r.month;
      v.d = r.day;
      return v;
  }
  return v;
}

CalValue ShiftDays(const CalValue& v, int64_t days) {
  CalValue r;
  r.g = Gran::kDay;
  if (!v.known_day() || days > 3660000 || days < -3660000) return r;
  const Date d = CivilFromDays(DaysFromCivil(v.y, v.m, v.d) + days);
  r.y = d.year;
  r.m = d.month;
  r.d = d.day;
  return r;
}

CalValue ShiftMonths(const CalValue& v, int months) {
  CalValue r;
  r.g = Gran::kMonth;
  if (v.y == kUnknown) return r;
  if (v.m == kUnknown) {
    if (months % 12 == 0) r.y = v.y + months / 12;
    return r;
  }
  const int idx = v.y * 12 + (v.m - 1) + months;
  r.y = FloorDiv(idx, 12);
  r.m = idx - r.y * 12 + 1;
  return r;
}

CalValue WeekOf(const CalValue& v, int weeks) {
  CalValue r;
  r.g = Gran::kWeek;
  if (!v.known_day()) {
    if (v.y != kUnknown && weeks == 0) r.y = v.y;
    return r;
  }
  const CalValue d = ShiftDays(v, static_cast<int64_t>(weeks) * 7);
  int wy = 0, wk = 0;
  IsoWeek(d.y, d.m, d.d, &wy, &wk);
  r.y = wy;
  r.sub = wk;
  return r;
}

CalValue QuarterOf(const CalValue& v, int quarters) {
  CalValue r;
  r.g = Gran::kQuarter;
  if (v.y == kUnknown) return r;
  if (v.m == kUnknown) {
    if (quarters % 4 == 0) r.y = v.y + quarters / 4;
    return r;
  }
  const int idx = v.y * 4 + (v.m - 1) / 3 + quarters;
  r.y = FloorDiv(idx, 4);
  r.sub = idx - r.y * 4 + 1;
  return r;
}

CalValue YearOf(const CalValue& v, int years) {
  CalValue r;
  r.g = Gran::kYear;
  if (v.y != kUnknown) r.y = v.y + years;
  return r;
}

CalValue WeekdayNear(const CalValue& v, int wd, int dir) {
  CalValue r;
  r.g = Gran::kDay;
  if (!v.known_day()) return r;
  const int cur = IsoWeekday(v.y, v.m, v.d);
  int delta = 0;
  if (dir < 0) {
    delta = -((cur - wd + 7) % 7);
    if (dir == -2 && delta == 0) delta = -7;
  } else {
    delta = (wd - cur + 7) % 7;
    if (dir == 2 && delta == 0) delta = 7;
  }
  return ShiftDays(v, delta);
}

bool PlausibleMonthDay(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  if (y == kUnknown) return d <= DaysInMonth(2000, m);
  return IsValidDate(y, m, d);
}

std::string FormatDuration(int64_t n, int unit, bool half) {
  std::string s = "P";
  const bool time_unit = unit == kUHour || unit == kUMinute || unit == kUSecond;
  if (time_unit) s.push_back('T');
  char letter = 'D';
  int64_t mult = 1;
  switch (unit) {
    case kUSecond: letter = 'S'; break;
    case kUMinute: letter = 'M'; break;
    case kUHour: letter = 'H'; break;
    case kUDay: case kUNight: letter = 'D'; break;
    case kUWeek: letter = 'W'; break;
    case kUWeekend: letter = 'D'; mult = 2; break;
    case kUFortnight: letter = 'W'; mult = 2; break;
    case kUMonth: letter = 'M'; break;
    case kUQuarter: letter = 'Q'; break;
    case kUHalf: letter = 'M'; mult = 6; break;
    case kUYear: letter = 'Y'; break;
    case kUDecade: letter = 'E'; break;
    case kUCentury: letter = 'C'; break;
    case kUMillennium: letter = 'L'; break;
    default: letter = 'X'; break;
  }
  if (n < 0) {
    s.push_back('X');
    s.push_back(letter);
    return s;
  }
  if (unit == kUDecade && !half) {  // TimeBank writes decades in years: P40Y
    s.append(std::to_string(n * 10));
    s.push_back('Y');
    return s;
  }
  s.append(std::to_string(n * mult));
  s.push_back(letter);
  if (half) {
    switch (unit) {
      case kUYear: s.append("6M"); break;
      case kUMonth: s = "P" + std::to_string(n * 30 + 15) + "D"; break;
      case kUDay: s = "P" + std::to_string(n) + "DT12H"; break;
      case kUHour: s.append("30M"); break;
      case kUMinute: s.append("30S"); break;
      case kUWeek: s = "P" + std::to_string(n * 7 + 3) + "DT12H"; break;
      default: break;
    }
  }
  return s;
}

}  // namespace annals::timex
