// Query parser: {query, expected tree} and {query, expected error} tables.
#include <gtest/gtest.h>

#include <algorithm>

#include "search/query.h"
#include "search/query_compiler.h"

namespace annals {
namespace {

struct ParseCase {
  const char* query;
  const char* tree;  // QueryToString
};

TEST(QueryParserTest, Trees) {
  const ParseCase cases[] = {
      {"", "(all)"},
      {"   ", "(all)"},
      {"baku", "\"baku\""},
      {"baku january", "(and \"baku\" \"january\")"},
      {"baku AND january", "(and \"baku\" \"january\")"},
      {"baku OR january", "(or \"baku\" \"january\")"},
      {"a b OR c", "(or (and \"a\" \"b\") \"c\")"},
      {"a (b OR c)", "(and \"a\" (or \"b\" \"c\"))"},
      {"a and or", "(and \"a\" \"and\" \"or\")"},  // lower case: words
      {"-army", "(not \"army\")"},
      {"NOT army", "(not \"army\")"},
      {"baku -army", "(and \"baku\" (not \"army\"))"},
      {"baku NOT (army OR soldiers)", "(and \"baku\" (not (or \"army\" \"soldiers\")))"},
      {"\"Black January\"", "\"Black January\""},
      {"massac*", "\"massac\"*"},
      {"title:baku", "title:\"baku\""},
      {"title:\"Black January\"", "title:\"Black January\""},
      {"person:Aliyeva", "person:\"Aliyeva\""},
      {"said:\"Sabina Aliyeva\"", "said:\"Sabina Aliyeva\""},
      {"org:UN place:Baku source:wikinews", "(and org:\"UN\" place:\"Baku\" source:\"wikinews\")"},
      {"date:1990-01", "date:1990-01-01..1990-01-31"},
      {"date:2024-01-01..2024-06-30", "date:2024-01-01..2024-06-30"},
      {"date:2020..", "date:2020-01-01.."},
      {"date:..2020-02", "date:..2020-02-29"},
      {"before:2020", "date:..2019-12-31"},
      {"after:2020-01", "date:2020-02-01.."},
      {"event:1990", "event:1990-01-01..1990-12-31"},
      {"has:quote has:counts", "(and has:quote has:count)"},
      {"killed>=100", "KILL>=100"},
      {"wounded>5 arrested<3 missing<=2 displaced=1000", "(and WOUND>5 ARREST<3 MISSING<=2 DISPLACED=1000)"},
      {"killed:12", "KILL=12"},
      {"killed>=100 event:1990", "(and KILL>=100 event:1990-01-01..1990-12-31)"},
      {"(a OR b) (c OR d)", "(and (or \"a\" \"b\") (or \"c\" \"d\"))"},
      {"((a))", "\"a\""},
      {"don't", "\"don't\""},
      {"a-b", "\"a-b\""},
      {"- a", "(and \"-\" \"a\")"},
  };
  for (const ParseCase& c : cases) {
    auto q = ParseQuery(c.query);
    ASSERT_TRUE(q.ok()) << c.query << ": " << q.status().ToString();
    EXPECT_EQ(QueryToString(*q), c.tree) << c.query;
  }
}

struct ErrorCase {
  const char* query;
  const char* error;  // the Status message
};

TEST(QueryParserTest, ErrorsPointAtThePosition) {
  const ErrorCase cases[] = {
      {"(baku OR army", "query:14: expected ')'"},
      {"baku)", "query:5: unbalanced ')'"},
      {"()", "query:2: empty group"},
      {"\"Black January", "query:1: unterminated phrase: expected '\"'"},
      {"baku OR", "query:6: expected a term after OR"},
      {"OR baku", "query:1: OR needs a term before it"},
      {"AND baku", "query:1: AND needs a term before it"},
      {"baku AND", "query:6: expected a term after AND"},
      {"NOT", "query:1: expected a term after NOT"},
      {"person:", "query:1: expected a value after 'person:'"},
      {"colour:red", "query:1: unknown field 'colour:' (title, person, org, place, source, said, date, before, after, "
                     "event, has)"},
      {"date:2024-06..2024-01", "query:6: the range ends before it starts"},
      {"has:cats", "query:5: has: expects quote, count, person, org, place or event"},
      {"killed>=many", "query:9: expected a number"},
      {"eaten>=3", "query:1: unknown count 'eaten' (killed, wounded, arrested, kidnapped, missing, displaced, "
                   "evacuated, affected, protesters)"},
      {"ba*ku", "query:3: '*' only at the end of a word"},
      {"\"  \"", "query:1: empty phrase"},
  };
  for (const ErrorCase& c : cases) {
    auto q = ParseQuery(c.query);
    ASSERT_FALSE(q.ok()) << c.query;
    EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(q.status().message(), c.error) << c.query;
  }
  EXPECT_EQ(QueryErrorPosition(ParseQuery("(a").status()), 3);
  // Invalid dates carry the date parser's reason.
  EXPECT_EQ(ParseQuery("date:1990-13").status().message().rfind("query:6: invalid date '1990-13'", 0), 0u);
}

TEST(QueryParserTest, BoundsHostileInput) {
  EXPECT_FALSE(ParseQuery(std::string(2000, 'a')).ok());
  EXPECT_EQ(ParseQuery(std::string(100, '(') + "a" + std::string(100, ')')).status().message(),
            "query:33: query nested too deeply");
  std::string nots;
  for (int i = 0; i < 40; ++i) nots += "NOT ";
  EXPECT_FALSE(ParseQuery(nots + "a").ok());
}

struct CompileCase {
  const char* query;
  const char* fts;    // expected FTS5 expression
  const char* where;  // expected condition (key "K")
};

TEST(QueryCompilerTest, SplitsTextFromFilters) {
  const CompileCase cases[] = {
      {"baku", "\"baku\"", ""},
      {"baku \"black january\"", "(\"baku\" AND \"black january\")", ""},
      {"baku -army", "(\"baku\") NOT \"army\"", ""},
      {"massac* OR title:baku", "(\"massac\" * OR title : \"baku\")", ""},
      {"baku date:1990", "\"baku\"", "(K BETWEEN ?2 AND ?3)"},
      {"-army", "", "NOT (K IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?2))"},
      {"baku OR killed>=100",
       "", "(K IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?2) OR K IN (SELECT c.article FROM counts c "
           "WHERE c.type = ?3 AND c.number >= ?4))"},
      {"has:quote", "", "K IN (SELECT h.article FROM quotes h WHERE 1)"},
      {"baku has:quote", "\"baku\"", "EXISTS (SELECT 1 FROM quotes h WHERE h.article = K)"},
      {"has:person", "", "K IN (SELECT h.article FROM entities h WHERE 1 AND h.type = ?2)"},
  };
  for (const CompileCase& c : cases) {
    auto q = ParseQuery(c.query);
    ASSERT_TRUE(q.ok()) << c.query;
    CompiledQuery cq = CompileQuery(*q, "K", 2);
    EXPECT_EQ(cq.fts, c.fts) << c.query;
    EXPECT_EQ(cq.where, c.where) << c.query;
  }
}

TEST(QueryCompilerTest, UserTextOnlyInParameters) {
  // SQL and FTS5 syntax typed by a user stays inside bound strings.
  auto q = ParseQuery("person:\"x') OR 1=1 --\" source:'; DROP TABLE articles; --");
  ASSERT_TRUE(q.ok());
  CompiledQuery cq = CompileQuery(*q, "K", 2);
  EXPECT_EQ(cq.where.find("DROP"), std::string::npos);
  EXPECT_EQ(cq.where.find("1=1"), std::string::npos);
  ASSERT_EQ(cq.params.size(), 3u);
  std::vector<std::string> strings;
  for (const SqlParam& p : cq.params)
    if (std::holds_alternative<std::string>(p)) strings.push_back(std::get<std::string>(p));
  std::sort(strings.begin(), strings.end());
  EXPECT_EQ(strings, (std::vector<std::string>{"\"x') OR 1=1 --\"", "';"}));
  EXPECT_EQ(FtsString("a\"b"), "\"a\"\"b\"");
}

TEST(QueryCompilerTest, CollectsPositiveFactFilters) {
  auto q = ParseQuery("said:\"Sabina Aliyeva\" killed>=100 -wounded>5");
  ASSERT_TRUE(q.ok());
  CompiledQuery cq = CompileQuery(*q, "K", 2);
  EXPECT_EQ(cq.speakers, std::vector<std::string>{"Sabina Aliyeva"});
  ASSERT_EQ(cq.count_filters.size(), 1u);
  EXPECT_EQ(cq.count_filters[0].type, CountType::kKill);
}

}  // namespace
}  // namespace annals
