// Table-driven tests of the JSONL reader: fields, aliases, and bad lines.
#include <gtest/gtest.h>

#include "read/read_test_util.h"

namespace annals {
namespace {

struct JsonlCase {
  const char* name;                   // test label
  std::string input;                  // file content
  std::vector<std::string> ids;       // delivered ids, in order
  std::vector<std::string> problems;  // all problems, in order
};

TEST(JsonlReaderTest, Table) {
  const JsonlCase cases[] = {
      {"two records", "{\"id\":\"a\",\"title\":\"T\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n", {"a", "b"}, {}},
      {"numeric id", "{\"id\":42,\"text\":\"x\"}", {"42"}, {}},
      {"blank lines ignored", "\n{\"id\":\"a\",\"text\":\"x\"}\n   \n\n{\"id\":\"b\",\"text\":\"y\"}", {"a", "b"}, {}},
      {"crlf", "{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}\r\n", {"a", "b"}, {}},
      {"malformed line skipped",
       "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"\n{\"id\":\"c\",\"text\":\"z\"}\n",
       {"a", "c"},
       {"f.jsonl:2: malformed JSON: "}},
      {"not an object", "[1,2]\n{\"id\":\"a\",\"text\":\"x\"}\n\"str\"\n", {}, {"f.jsonl:1: a JSON array"}},
      {"string line", "{\"id\":\"a\",\"text\":\"x\"}\n\"str\"\n", {"a"},
       {"f.jsonl:2: expected a JSON object (one article per line), found a string"}},
      {"wrong field type", "{\"id\":\"a\",\"title\":[\"x\"],\"text\":\"x\"}", {}, {"f.jsonl:1: field 'title' must be a string, found an array"}},
      {"null field is absent", "{\"id\":\"a\",\"title\":null,\"text\":\"x\"}", {"a"}, {}},
      {"invalid date", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"date\":\"2025-02-30\",\"text\":\"y\"}",
       {"a"},
       {"f.jsonl:2: invalid date '2025-02-30': February 2025 has 28 days"}},
      {"empty record", "{}\n{\"id\":\"a\",\"text\":\"x\"}", {"a"}, {"f.jsonl:1: empty record: no title and no text"}},
      {"trailing garbage", "{\"id\":\"a\",\"text\":\"x\"} x", {}, {"f.jsonl:1: malformed JSON: "}},
      {"invalid utf8 repaired", "{\"id\":\"a\",\"text\":\"x\xC3(\"}", {"a"},
       {"f.jsonl:1: invalid UTF-8 repaired (1 sequence replaced by U+FFFD)"}},
  };
  for (const JsonlCase& c : cases) {
    SCOPED_TRACE(c.name);
    const ReadResult r = ReadString(c.input, "f.jsonl");
    std::vector<std::string> ids;
    for (const Document& d : r.docs) ids.push_back(d.id);
    EXPECT_EQ(ids, c.ids);
    ASSERT_EQ(r.problems.size(), c.problems.size()) << (r.problems.empty() ? "" : r.problems[0]);
    for (size_t i = 0; i < c.problems.size(); ++i)
      EXPECT_EQ(r.problems[i].substr(0, c.problems[i].size()), c.problems[i]) << r.problems[i];
    EXPECT_EQ(r.stats.ok + r.stats.skipped, r.stats.read);
    EXPECT_EQ(r.stats.ok, c.ids.size());
  }
}

TEST(JsonlReaderTest, AliasesAndPrecedence) {
  const ReadResult r = ReadString(
      "{\"uri\":\"http://u\",\"dct\":\"2014-02-04\",\"content\":\"C\",\"publisher\":\"P\",\"lang\":\"en\","
      "\"title\":\"T\"}\n"
      "{\"content\":\"low\",\"body\":\"mid\",\"text\":\"high\",\"pubdate\":\"2001\",\"published\":\"2002-03\"}\n"
      "{\"ID\":\"X\",\"Date\":\"2020-01-02T10:00:00Z\",\"Body\":\"b\",\"url\":\"u1\",\"uri\":\"u2\"}\n",
      "f.ndjson");
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].url, "http://u");
  EXPECT_EQ(r.docs[0].date.ToIso(), "2014-02-04");
  EXPECT_EQ(r.docs[0].text, "C");
  EXPECT_EQ(r.docs[0].source, "P");
  EXPECT_EQ(r.docs[0].language, "en");
  EXPECT_EQ(r.docs[0].title, "T");
  EXPECT_EQ(r.docs[0].id, ContentId("T", "C"));
  EXPECT_EQ(r.docs[1].text, "high");
  EXPECT_EQ(r.docs[1].date.ToIso(), "2002-03");
  EXPECT_EQ(r.docs[1].date.precision, DatePrecision::kMonth);
  EXPECT_EQ(r.docs[2].id, "X");
  EXPECT_EQ(r.docs[2].date.ToIso(), "2020-01-02");
  EXPECT_EQ(r.docs[2].url, "u1");
  EXPECT_EQ(r.docs[2].date.precision, DatePrecision::kDay);
  EXPECT_EQ(r.docs[1].date.precision, DatePrecision::kMonth);
}

TEST(JsonlReaderTest, MissingDateIsAllowed) {
  const ReadResult r = ReadString("{\"text\":\"x\"}", "f.jsonl");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].date.precision, DatePrecision::kMissing);
  EXPECT_TRUE(r.problems.empty());
}

TEST(JsonlReaderTest, EscapesAreDecoded) {
  const ReadResult r = ReadString(R"({"text":"a\n\"b\" \u00e9 \ud83d\ude00"})", "f.jsonl");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "a\n\"b\" \xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(JsonlReaderTest, TooLongLineIsSkippedAndReadingGoesOn) {
  const std::string input = "{\"text\":\"" + std::string(3000, 'x') + "\"}\n{\"id\":\"b\",\"text\":\"y\"}\n";
  const ReadResult r = ReadString(input, "f.jsonl", InputFormat::kAuto, 1000);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "b");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].substr(0, 22), "f.jsonl:1: line longer");
}

}  // namespace
}  // namespace annals
