// Event-date terms: for random event and query intervals (days to
// centuries, across month, year, decade and century boundaries, before 1970
// and before year 0), the query's terms meet the event's terms exactly when
// the intervals overlap.
#include "store/event_terms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "core/date.h"

namespace annals {
namespace {

std::set<std::pair<std::string, std::string>> AsSet(const std::vector<std::pair<std::string, std::string>>& v) {
  return {v.begin(), v.end()};
}

TEST(EventTermsTest, TermsMeetExactlyWhenIntervalsOverlap) {
  std::mt19937 rng(17);
  const int64_t base[] = {DaysFromCivil(1990, 1, 1), DaysFromCivil(1899, 12, 20), DaysFromCivil(2000, 2, 27),
                          DaysFromCivil(-1, 12, 25)};
  const int64_t spans[] = {1, 3, 31, 70, 400, 4000, 40000};
  int overlaps = 0, disjoint = 0;
  for (int i = 0; i < 4000; i++) {
    auto interval = [&](int64_t* a, int64_t* b) {
      const int64_t span = spans[rng() % 7];
      *a = base[rng() % 4] + static_cast<int64_t>(rng() % 800) - 400;
      *b = *a + static_cast<int64_t>(rng() % static_cast<uint32_t>(span));
    };
    int64_t ea, eb, qa, qb;
    interval(&ea, &eb);
    interval(&qa, &qb);
    const auto ev = AsSet(EventIntervalTerms(ea, eb));
    const auto qs = EventQueryTerms(qa, qb);
    bool meet = false;
    for (const auto& t : qs) meet = meet || ev.count(t);
    const bool overlap = ea <= qb && eb >= qa;
    ASSERT_EQ(meet, overlap) << "event [" << CivilFromDays(ea).ToIso() << ", " << CivilFromDays(eb).ToIso()
                             << "] query [" << CivilFromDays(qa).ToIso() << ", " << CivilFromDays(qb).ToIso() << "]";
    (overlap ? overlaps : disjoint)++;
  }
  EXPECT_GT(overlaps, 300);  // both outcomes well represented
  EXPECT_GT(disjoint, 500);
}

TEST(EventTermsTest, WholeUnitsAreOneTerm) {
  EXPECT_EQ(EventIntervalTerms(DaysFromCivil(1990, 1, 1), DaysFromCivil(1990, 12, 31)),
            (std::vector<std::pair<std::string, std::string>>{{"event", "1990"}, {"eventin", "c1900"}, {"eventin", "d1990"}}));
  const auto month = EventQueryTerms(DaysFromCivil(1990, 1, 1), DaysFromCivil(1990, 1, 31));
  EXPECT_NE(std::find(month.begin(), month.end(), std::make_pair(std::string("eventin"), std::string("1990-01"))),
            month.end());
  EXPECT_TRUE(EventIntervalTerms(5, 4).empty());
}

}  // namespace
}  // namespace annals
