// Table-driven tests of the CSV reader: RFC 4180 quoting, aliases, bad rows.
#include <gtest/gtest.h>

#include "read/read_test_util.h"

namespace annals {
namespace {

struct CsvCase {
  const char* name;                   // test label
  std::string input;                  // file content
  std::vector<std::string> texts;     // delivered texts, in order
  std::vector<std::string> problems;  // all problems (prefixes), in order
};

TEST(CsvReaderTest, Table) {
  const CsvCase cases[] = {
      {"simple", "title,text\nA,one\nB,two\n", {"one", "two"}, {}},
      {"quoted with comma", "title,text\nA,\"one, two\"\n", {"one, two"}, {}},
      {"doubled quote", "title,text\nA,\"say \"\"hi\"\"\"\n", {"say \"hi\""}, {}},
      {"multi-line field", "title,text\nA,\"line 1\n\nline 3\"\nB,x\n", {"line 1\n\nline 3", "x"}, {}},
      {"crlf", "title,text\r\nA,one\r\nB,\"two\r\nlines\"\r\n", {"one", "two\nlines"}, {}},
      {"blank lines ignored", "title,text\n\nA,one\n\n", {"one"}, {}},
      {"no final newline", "title,text\nA,one", {"one"}, {}},
      {"bare quote kept", "title,text\nA,5\" screen\n", {"5\" screen"}, {}},
      {"empty quoted fields", "title,text\n\"\",\"\"\n", {}, {"f.csv:2: empty record"}},
      {"text after closing quote", "title,text\nA,\"one\"x\nB,two\n", {"two"},
       {"f.csv:2: malformed CSV: unexpected 'x' after the closing quote of field 2"}},
      {"too few fields", "title,text\nA\nB,two\n", {"two"},
       {"f.csv:2: malformed CSV: expected 2 fields as in the header, found 1"}},
      {"too many fields", "title,text\nA,b,c\nB,two\n", {"two"},
       {"f.csv:2: malformed CSV: expected 2 fields as in the header, found 3"}},
      {"unterminated quote", "title,text\nA,one\nB,\"two\nthree\n", {"one"},
       {"f.csv:3: malformed CSV: quoted field opened at line 3 is not closed before the end of the file"}},
      {"invalid date", "date,text\n2025-02-30,one\n2025-02-28,two\n", {"two"},
       {"f.csv:2: invalid date '2025-02-30': February 2025 has 28 days"}},
      {"no text column", "foo,bar\n1,2\n", {}, {"f.csv:1: CSV header names no text"}},
      {"aliases", "URL,Published,Headline,Body\nu,2020-01-01,h,b\n", {"b"}, {}},
      {"bom header", "\xEF\xBB\xBFtitle,text\nA,one\n", {"one"}, {}},
      {"invalid utf8", "title,text\nA,\"x\xFF\"\n", {"x\xEF\xBF\xBD"},
       {"f.csv:2: invalid UTF-8 repaired (1 sequence replaced by U+FFFD)"}},
  };
  for (const CsvCase& c : cases) {
    SCOPED_TRACE(c.name);
    const ReadResult r = ReadString(c.input, "f.csv");
    std::vector<std::string> texts;
    for (const Document& d : r.docs) texts.push_back(d.text);
    EXPECT_EQ(texts, c.texts);
    ASSERT_EQ(r.problems.size(), c.problems.size()) << (r.problems.empty() ? "" : r.problems[0]);
    for (size_t i = 0; i < c.problems.size(); ++i)
      EXPECT_EQ(r.problems[i].substr(0, c.problems[i].size()), c.problems[i]) << r.problems[i];
    EXPECT_EQ(r.stats.ok + r.stats.skipped, r.stats.read);
  }
}

TEST(CsvReaderTest, WikinewsShape) {
  const ReadResult r = ReadString(
      "url,date,title,text\n\"https://en.wikinews.org//wiki/X,_y\",2019-01-04,\"Title, with comma\",\"Friday\n\n\nBody "
      "\"\"quoted\"\".\"\n",
      "wikinews_2019.csv");
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.url, "https://en.wikinews.org//wiki/X,_y");
  EXPECT_EQ(d.date.ToIso(), "2019-01-04");
  EXPECT_EQ(d.title, "Title, with comma");
  EXPECT_EQ(d.text, "Friday\n\n\nBody \"quoted\".");
  EXPECT_EQ(d.id, ContentId(d.title, d.text));
  EXPECT_EQ(d.origin, "wikinews_2019.csv:2");
}

TEST(CsvReaderTest, HeadlineIsNotATitleAliasSoOnlyBodyCounts) {
  // "Headline" is not an alias: the record has text but no title.
  const ReadResult r = ReadString("Headline,Body\nh,b\n", "f.csv");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "");
  EXPECT_EQ(r.docs[0].text, "b");
}

TEST(CsvReaderTest, HeaderWithoutTextColumnIsABadFile) {
  const ReadResult r = ReadString("foo,bar\n1,2\n", "f.csv");
  EXPECT_TRUE(r.docs.empty());
  EXPECT_EQ(r.stats.bad_files, 1u);
  EXPECT_EQ(r.stats.read, 0u);
}

TEST(CsvReaderTest, RunawayQuoteIsBounded) {
  std::string input = "title,text\nA,\"never closed\n";
  for (int i = 0; i < 200; ++i) input += "more text on another line\n";
  const ReadResult r = ReadString(input, "f.csv", InputFormat::kAuto, 1000);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_GE(r.problems.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);  // reading stops: no flood of follow-on errors
  EXPECT_NE(r.problems[0].find("unbalanced quote"), std::string::npos) << r.problems[0];
}

}  // namespace
}  // namespace annals
