// Calendar dates: the proleptic Gregorian calendar, validation, day arithmetic
// and ISO-8601 parsing. Used for publication dates and by the time tagger.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace annals {

// How much of a date is known. Stored on disk as its integer: frozen.
enum class DatePrecision : uint8_t {
  kMissing = 0,  // no date
  kYear = 1,     // YYYY
  kMonth = 2,    // YYYY-MM
  kDay = 3,      // YYYY-MM-DD
};

// A calendar date; month and day are 0 when the precision does not cover them.
struct Date {
  int year = 0;                                     // e.g. 2025; may be < 1000
  int month = 0;                                    // 1..12, or 0 if unknown
  int day = 0;                                      // 1..31, or 0 if unknown
  DatePrecision precision = DatePrecision::kMissing;

  bool has_day() const { return precision == DatePrecision::kDay; }
  // "2025-01-17", "2025-01", "2025" or "" by precision.
  std::string ToIso() const;
  friend bool operator==(const Date&, const Date&) = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);  // 0 for an invalid month
// True if year/month/day names a real day (2025-02-30 does not).
bool IsValidDate(int year, int month, int day);

// Days since 1970-01-01 (negative before). Howard Hinnant's algorithm.
int64_t DaysFromCivil(int year, int month, int day);
// The inverse of DaysFromCivil; returns a day-precision Date.
Date CivilFromDays(int64_t days);
// 1 = Monday .. 7 = Sunday (ISO 8601).
int IsoWeekday(int year, int month, int day);
// ISO 8601 week-numbering year and week (1..53) of a day.
void IsoWeek(int year, int month, int day, int* week_year, int* week);

// Parses "YYYY-MM-DD", "YYYY-MM", "YYYY", and datetimes that start with
// "YYYY-MM-DD" followed by 'T' or ' ' (the time part is ignored). Also
// "YYYY/MM/DD" and "YYYYMMDD". Invalid calendar dates are an error that says
// why ("2025-02-30: February 2025 has 28 days").
Result<Date> ParseIsoDate(std::string_view s);

}  // namespace annals
