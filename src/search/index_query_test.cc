// Planner tests: how each filter form lowers to the index's filter tree,
// which forms an index without the content version leaves to SQLite, and
// when a query is answered by filters alone.
#include "search/index_query.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

struct Planned {
  bool planned = false;
  std::string filter;
  size_t clauses = 0, allow = 0, deny = 0;
  bool filter_only = false;
  bool needs_reindex = false;
};

Planned Plan(const std::string& text, bool content2 = true) {
  auto q = ParseQuery(text);
  EXPECT_TRUE(q.ok()) << text;
  IndexPlanContext ctx;
  ctx.content2 = content2;
  ctx.source_ids["alpha"] = {3, 7};
  ctx.source_ids["none"] = {};
  Planned p;
  auto plan = PlanIndexQuery(&*q, ctx, &p.needs_reindex);
  if (!plan) return p;
  p.planned = true;
  p.filter = index::FilterToString(plan->query.filter);
  p.clauses = plan->query.clauses.size();
  p.allow = plan->allow.size();
  p.deny = plan->deny.size();
  p.filter_only = plan->filter_only;
  return p;
}

TEST(IndexQueryPlanTest, EveryFilterFormLowersToTheFilterTree) {
  struct Case {
    const char* query;
    const char* filter;
  };
  const Case cases[] = {
      {"person:\"Sabina Aliyeva\"", "\"person:sabina aliyeva\""},
      {"has:quote", "\"has:quote\""},
      {"source:alpha", "(or \"source:3\" \"source:7\")"},
      {"source:none", "none"},
      {"killed>=100", "count:KILL[100,max]"},
      {"killed>100", "count:KILL[101,max]"},
      {"killed<=5", "count:-KILL[-5,max]"},
      {"killed<5", "count:-KILL[-4,max]"},
      {"killed=12", "\"countv:kill 12\""},
      {"event:..1989", "event:-first[-7304,max]"},
      {"event:1990..", "event:last[7305,max]"},
      {"event:1990", "(or \"event:1990\" \"event:c1900\" \"event:d1990\" \"eventin:1990\")"},
      {"has:quote OR -killed>=5", "(or \"has:quote\" (not count:KILL[5,max]))"},
      {"NOT (person:smith date:2020)", "(not (and \"person:smith\" days[18262,18627]))"},
  };
  for (const Case& c : cases) {
    const Planned p = Plan(c.query);
    ASSERT_TRUE(p.planned) << c.query;
    EXPECT_TRUE(p.filter_only) << c.query;
    EXPECT_EQ(p.filter, c.filter) << c.query;
    EXPECT_EQ(p.allow + p.deny, 0u) << c.query;
    EXPECT_FALSE(p.needs_reindex) << c.query;
  }
}

TEST(IndexQueryPlanTest, WordsRankAndFiltersFilter) {
  Planned p = Plan("baku killed>=100 -has:quote");
  ASSERT_TRUE(p.planned);
  EXPECT_FALSE(p.filter_only);
  EXPECT_EQ(p.clauses, 1u);
  EXPECT_EQ(p.filter, "(and count:KILL[100,max] (not \"has:quote\"))");
  // A word inside a filter combination is a term filter; a phrase there is
  // left to SQLite.
  p = Plan("baku (army OR has:quote)");
  EXPECT_EQ(p.filter, "(or \"armi\" \"has:quote\")");  // stemmed as in the body
  p = Plan("baku (\"red army\" OR has:quote)");
  EXPECT_EQ(p.allow, 1u);
  EXPECT_EQ(p.filter, "all");
  // Filters alone with a phrase inside: SQL answers it.
  EXPECT_FALSE(Plan("\"red army\" OR has:quote").planned);
}

TEST(IndexQueryPlanTest, AnIndexWithoutTheContentVersionLeavesNewFormsToSqlite) {
  for (const char* q : {"event:1990", "killed<5", "killed=3"}) {
    Planned p = Plan(q, /*content2=*/false);
    EXPECT_FALSE(p.planned) << q;
    EXPECT_TRUE(p.needs_reindex) << q;
    p = Plan(std::string("baku ") + q, false);
    ASSERT_TRUE(p.planned) << q;
    EXPECT_EQ(p.allow, 1u) << q;
    EXPECT_TRUE(p.needs_reindex) << q;
  }
  Planned p = Plan("killed>=5 has:quote", false);  // in every index version
  EXPECT_TRUE(p.planned);
  EXPECT_FALSE(p.needs_reindex);
}

}  // namespace
}  // namespace annals
