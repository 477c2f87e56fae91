// Golden test on the seed article (tests/testdata/000_f3cc60b7aedefe5f.txt):
// every row of the time table in tests/testdata/expected.md, and the event
// dates (the 1990 night, not the 2025 publication year).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "timex/temporal_tagger.h"

namespace annals {
namespace {

struct Seed {
  Date pub;
  std::string text;
};

// The seed's plain format: a first line "date YYYY-MM-DD <title>", then the body.
Seed LoadSeed() {
  std::ifstream in(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  Seed s;
  const size_t d = all.find("date ");
  EXPECT_NE(d, std::string::npos);
  auto date = ParseIsoDate(all.substr(d + 5, 10));
  EXPECT_TRUE(date.ok());
  if (date.ok()) s.pub = *date;
  size_t body = all.find('\n', d);
  while (body < all.size() && (all[body] == '\n' || all[body] == '\r')) ++body;
  s.text = body < all.size() ? all.substr(body) : "";
  return s;
}

const TimeExpr* Find(const std::vector<TimeExpr>& times, const std::string& text,
                     const std::string& expr) {
  for (const TimeExpr& t : times)
    if (text.substr(t.start, t.end - t.start) == expr) return &t;
  return nullptr;
}

TEST(TimexGolden, SeedTimeTable) {
  const Seed seed = LoadSeed();
  ASSERT_EQ(seed.pub.ToIso(), "2025-01-17");
  ASSERT_FALSE(seed.text.empty());
  std::vector<TimeExpr> times;
  TagTimes(seed.text, seed.pub, TimexOptions{}, &times);
  std::string all;
  for (const TimeExpr& t : times)
    all += "[" + seed.text.substr(t.start, t.end - t.start) + " = " + t.value + "] ";
  SCOPED_TRACE(all);

  const TimeExpr* t = Find(times, seed.text, "35 years");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->type, TimexType::kDuration);
  EXPECT_EQ(t->value, "P35Y");

  t = Find(times, seed.text, "the night of January 19 to 20, 1990");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->range_begin, "1990-01-19");
  EXPECT_EQ(t->range_end, "1990-01-20");
  EXPECT_EQ(t->value, "1990-01-19TNI");
  EXPECT_EQ(t->anchor, TimeAnchor::kAbsolute);

  t = Find(times, seed.text, "January 21");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, "1990-01-21");
  EXPECT_EQ(t->anchor, TimeAnchor::kNarrative);

  t = Find(times, seed.text, "1994");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, "1994");
  EXPECT_EQ(t->type, TimexType::kDate);

  // Desirable in expected.md: "That day" refers back to the tragedy.
  t = Find(times, seed.text, "That day");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, "1990-01-20");

  // The anniversary named in the lead is the 2025 commemoration.
  t = Find(times, seed.text, "the 35th anniversary of the 20 January");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, "2025-01-20");

  // "the January 20 tragedy" / "on 20 January" name the 1990 day, not 2025's.
  for (const TimeExpr& x : times) {
    const std::string s = seed.text.substr(x.start, x.end - x.start);
    if (s == "January 20" || s == "20 January") {
      EXPECT_EQ(x.value, "1990-01-20") << s;
    }
  }
}

TEST(TimexGolden, SeedEventDates) {
  const Seed seed = LoadSeed();
  std::vector<TimeExpr> times;
  TagTimes(seed.text, seed.pub, TimexOptions{}, &times);
  const std::vector<std::string> ev = EventDates(times, seed.pub);
  ASSERT_GE(ev.size(), 2u);
  EXPECT_EQ(ev[0], "1990-01-19");
  EXPECT_EQ(ev[1], "1990-01-20");
  for (const std::string& v : ev) {
    EXPECT_NE(v.substr(0, 4), "2025") << v;
  }
}

}  // namespace
}  // namespace annals
