// Tests for calendar arithmetic and ISO date parsing.
#include "core/date.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(DateTest, ValidDates) {
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2025, 2, 29));
  EXPECT_FALSE(IsValidDate(2025, 2, 30));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
  EXPECT_FALSE(IsValidDate(2025, 13, 1));
  EXPECT_FALSE(IsValidDate(2025, 4, 31));
}

TEST(DateTest, DaysRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2025, 1, 17) - DaysFromCivil(1990, 1, 20), 12781);
  for (int64_t d = -800000; d < 800000; d += 997) {
    Date c = CivilFromDays(d);
    EXPECT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
  }
}

TEST(DateTest, Weekdays) {
  EXPECT_EQ(IsoWeekday(2025, 1, 17), 5);  // a Friday
  EXPECT_EQ(IsoWeekday(1990, 1, 20), 6);  // a Saturday
  int wy, w;
  IsoWeek(2025, 1, 17, &wy, &w);
  EXPECT_EQ(wy, 2025);
  EXPECT_EQ(w, 3);
  IsoWeek(2021, 1, 1, &wy, &w);  // belongs to 2020-W53
  EXPECT_EQ(wy, 2020);
  EXPECT_EQ(w, 53);
}

struct ParseCase {
  const char* input;
  bool ok;
  const char* iso;  // expected ToIso() when ok
};

TEST(DateTest, ParseIsoDateTable) {
  const ParseCase cases[] = {
      {"2025-01-17", true, "2025-01-17"},
      {" 2025-01-17 ", true, "2025-01-17"},
      {"2025-01-17T10:00:00Z", true, "2025-01-17"},
      {"2025-01-17 10:00", true, "2025-01-17"},
      {"2025/01/17", true, "2025-01-17"},
      {"20250117", true, "2025-01-17"},
      {"2025-01", true, "2025-01"},
      {"1990", true, "1990"},
      {"2025-02-30", false, ""},
      {"2025-13-01", false, ""},
      {"2025-00", false, ""},
      {"", false, ""},
      {"yesterday", false, ""},
      {"2025-1-7", false, ""},
      {"2025-01-17x", false, ""},
  };
  for (const auto& c : cases) {
    auto r = ParseIsoDate(c.input);
    EXPECT_EQ(r.ok(), c.ok) << c.input;
    if (c.ok && r.ok()) {
      EXPECT_EQ(r->ToIso(), c.iso) << c.input;
    }
  }
}

// Regression: the error for an impossible day says why.
TEST(DateTest, ImpossibleDayMessage) {
  auto r = ParseIsoDate("2025-02-30");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("February 2025 has 28 days"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace annals
