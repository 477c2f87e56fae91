// CalValue: a point or period on the calendar at some granularity (a day, a
// month, an ISO week, a quarter, a decade...), with unknown parts, and its
// TIMEX3 value string ("1990-01-19", "1990-01", "2025-W03", "2025-Q1",
// "2025-SU", "199", "19", "XXXX-01-21", "1990-01-19TNI"). Also the calendar
// arithmetic relative expressions need (shift by days, weeks, months,
// quarters, years; previous/next weekday). Plain data, no state.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"

namespace annals::timex {

inline constexpr int kUnknown = -100000;  // an unknown year, month or day

// Granularity of a CalValue, coarse to fine.
enum class Gran : uint8_t {
  kNone, kMillennium, kCentury, kDecade, kYear, kHalf, kQuarter, kSeason, kMonth, kWeek,
  kWeekend, kDay,
};

struct CalValue {
  Gran g = Gran::kNone;
  int y = kUnknown;   // year (for kDecade/kCentury: any year inside it)
  int m = kUnknown;   // month 1..12 (kMonth, kDay)
  int d = kUnknown;   // day 1..31 (kDay)
  int sub = 0;        // kQuarter 1..4, kHalf 1..2, kSeason 1..4 (SP SU FA WI), kWeek/kWeekend ISO week
  std::string time;   // suffix after the day: "TNI", "TMO", "T10:35", "" if none

  bool known_year() const { return y != kUnknown; }
  bool known_day() const { return y != kUnknown && m != kUnknown && d != kUnknown; }
};

// The TIMEX3 value of `v`; unknown parts become X ("XXXX-01-21", "XXXX-WXX").
std::string FormatValue(const CalValue& v);

// A CalValue for the reference date `r` at its own precision (day, month or
// year; kNone if missing).
CalValue FromDate(const Date& r);

// Day arithmetic; the input must have a known day, else the result is an
// unknown day ("XXXX-XX-XX").
CalValue ShiftDays(const CalValue& v, int64_t days);
// `v` moved by `months` at month granularity (needs a known year and month).
CalValue ShiftMonths(const CalValue& v, int months);
// The ISO week containing v's day, moved by `weeks` (needs a known day).
CalValue WeekOf(const CalValue& v, int weeks);
// The quarter containing v, moved by `quarters` (needs year and month).
CalValue QuarterOf(const CalValue& v, int quarters);
// The year of v moved by `years` (needs a year).
CalValue YearOf(const CalValue& v, int years);
// The weekday `wd` (1 = Monday) nearest to v's day in direction `dir`:
// -1 on or before, +1 on or after, -2 strictly before, +2 strictly after.
CalValue WeekdayNear(const CalValue& v, int wd, int dir);

// True if v names a real calendar day (or has an unknown year and a
// month/day pair that exists in some year: February 29).
bool PlausibleMonthDay(int y, int m, int d);

// "P35Y", "PT3H", "P2Y6M", "PXY": a duration of `n` units (`n` < 0: unknown
// count "X"); `half` adds half a unit.
std::string FormatDuration(int64_t n, int unit, bool half);

}  // namespace annals::timex
