// EventIntervalTerms / EventQueryTerms (event_terms.h).
#include "store/event_terms.h"

#include <algorithm>

#include "core/date.h"

namespace annals {

namespace {

enum Level { kCentury = 0, kDecade, kYear, kMonth, kDay };

struct Unit {
  int level = kDay;
  int year = 0, month = 1, day = 1;  // the first day of the unit
};

int FloorTo(int y, int step) { return (y >= 0 ? y / step : -((-y + step - 1) / step)) * step; }

int64_t FirstDay(const Unit& u) { return DaysFromCivil(u.year, u.month, u.day); }

int64_t LastDay(const Unit& u) {
  switch (u.level) {
    case kCentury: return DaysFromCivil(u.year + 100, 1, 1) - 1;
    case kDecade: return DaysFromCivil(u.year + 10, 1, 1) - 1;
    case kYear: return DaysFromCivil(u.year + 1, 1, 1) - 1;
    case kMonth: return u.month == 12 ? DaysFromCivil(u.year + 1, 1, 1) - 1 : DaysFromCivil(u.year, u.month + 1, 1) - 1;
    default: return FirstDay(u);
  }
}

// Years as words the keyword analyzer keeps apart: -44 is "m44".
std::string Year(int y) { return y < 0 ? "m" + std::to_string(-y) : std::to_string(y); }

std::string Name(const Unit& u) {
  auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  switch (u.level) {
    case kCentury: return "c" + Year(u.year);
    case kDecade: return "d" + Year(u.year);
    case kYear: return Year(u.year);
    case kMonth: return Year(u.year) + "-" + two(u.month);
    default: return Year(u.year) + "-" + two(u.month) + "-" + two(u.day);
  }
}

Unit Parent(const Unit& u) {
  Unit p = u;
  p.level = u.level - 1;
  switch (p.level) {
    case kCentury: p.year = FloorTo(u.year, 100); p.month = 1; p.day = 1; break;
    case kDecade: p.year = FloorTo(u.year, 10); p.month = 1; p.day = 1; break;
    case kYear: p.month = 1; p.day = 1; break;
    case kMonth: p.day = 1; break;
    default: break;
  }
  return p;
}

// The greedy cover of [first, last] by whole units.
std::vector<Unit> Cover(int64_t first, int64_t last) {
  std::vector<Unit> out;
  int64_t cur = first;
  while (cur <= last) {
    const Date d = CivilFromDays(cur);
    Unit best{kDay, d.year, d.month, d.day};
    for (int level = kCentury; level < kDay; level++) {
      Unit u{level, d.year, d.month, d.day};
      if (level <= kYear && (d.month != 1 || d.day != 1)) continue;
      if (level == kMonth && d.day != 1) continue;
      if (level == kCentury && FloorTo(d.year, 100) != d.year) continue;
      if (level == kDecade && FloorTo(d.year, 10) != d.year) continue;
      if (LastDay(u) <= last) {
        best = u;
        break;
      }
    }
    out.push_back(best);
    cur = LastDay(best) + 1;
  }
  return out;
}

void SortUnique(std::vector<std::pair<std::string, std::string>>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

std::vector<std::pair<std::string, std::string>> EventIntervalTerms(int64_t first, int64_t last) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Unit& u : Cover(first, last)) {
    out.emplace_back("event", Name(u));
    for (Unit a = u; a.level > kCentury;) {
      a = Parent(a);
      out.emplace_back("eventin", Name(a));
    }
  }
  SortUnique(&out);
  return out;
}

std::vector<std::pair<std::string, std::string>> EventQueryTerms(int64_t first, int64_t last) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Unit& q : Cover(first, last)) {
    out.emplace_back("event", Name(q));
    if (q.level < kDay) out.emplace_back("eventin", Name(q));
    for (Unit a = q; a.level > kCentury;) {
      a = Parent(a);
      out.emplace_back("event", Name(a));
    }
  }
  SortUnique(&out);
  return out;
}

}  // namespace annals
