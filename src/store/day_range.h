// Day ranges: turning publication dates and TIMEX3 values into inclusive
// ranges of days since 1970-01-01, the numeric form the store indexes for date
// and event-date filters, and the date-ordered article key built on them.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/date.h"

namespace annals {

struct DayRange {
  int64_t first = 0;  // first day (days since 1970-01-01), inclusive
  int64_t last = 0;   // last day, inclusive
};

// The days a TIMEX3 date value covers: "1990-01-19" one day, "1990-01" the
// month, "1990" the year, "199X" the decade, "19XX" the century, "1990-W03" the
// ISO week, "1990-Q1" the quarter, "1990-SU" etc. the season's months. Values
// with unresolved parts ("XXXX-01-21"), durations ("P35Y") and references
// ("PAST_REF") have no range: returns false. A datetime ("1990-01-19T10:00")
// counts as its day.
bool TimexDayRange(std::string_view value, DayRange* out);

// The days a (possibly partial) publication date covers; false if missing.
bool DateDayRange(const Date& date, DayRange* out);

// The article key (the SQLite rowid of articles and of the FTS index) orders
// articles by publication day: key = (day + kDayBias) << kDayShift | n, with n
// the article's number within its day (1..2^24-1). So "published between two
// days" is one rowid range, which both the articles B-tree and FTS5 use
// directly. Articles without a date get day bucket 0 (before every date).
inline constexpr int kDayShift = 24;
inline constexpr int64_t kDayBias = int64_t{1} << 20;  // days: dates from about year -900

// The bucket (day + kDayBias, clamped to [1, 2^28)) of a day; 0 for "no date".
int64_t DayBucket(int64_t day);
// The smallest and largest key of a bucket.
inline int64_t FirstKeyOfBucket(int64_t bucket) { return (bucket << kDayShift) + 1; }
inline int64_t LastKeyOfBucket(int64_t bucket) { return (bucket << kDayShift) + ((int64_t{1} << kDayShift) - 1); }
// The day of a key; false for an undated article.
inline bool DayOfKey(int64_t key, int64_t* day) {
  const int64_t bucket = key >> kDayShift;
  if (bucket == 0) return false;
  *day = bucket - kDayBias;
  return true;
}

}  // namespace annals
