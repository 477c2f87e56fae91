// Table-driven tests of the plain (seed) format reader.
#include <gtest/gtest.h>

#include "read/read_test_util.h"

namespace annals {
namespace {

struct PlainCase {
  const char* name;      // test label
  std::string input;     // file content
  size_t docs;           // documents expected
  std::string date;      // first doc's date (ISO) if docs > 0
  std::string title;     // first doc's title
  std::string text;      // first doc's text
  std::string problem;   // first problem, "" if none
};

TEST(PlainReaderTest, Table) {
  const PlainCase cases[] = {
      {"seed shape", "date 2025-01-17 A title here\n\nBody one.\nBody two.\n", 1, "2025-01-17", "A title here",
       "Body one.\nBody two.\n", ""},
      {"leading whitespace", "\n  \n date 2025-01-17 T\n\nB", 1, "2025-01-17", "T", "B", ""},
      {"crlf", "date 2024-02-29 Leap day\r\n\r\nText\r\n", 1, "2024-02-29", "Leap day", "Text\r\n", ""},
      {"bom", "\xEF\xBB\xBF" "date 2025-01-17 T\n\nB", 1, "2025-01-17", "T", "B", ""},
      {"no blank line", "date 2025-01-17 T\nB", 1, "2025-01-17", "T", "B", ""},
      {"title only", "date 2025-01-17 Only a title\n", 1, "2025-01-17", "Only a title", "", ""},
      {"month precision", "date 2025-01 T\n\nB", 1, "2025-01", "T", "B", ""},
      {"no header: undated article", "Just some text.\nMore.", 1, "", "", "Just some text.\nMore.", ""},
      {"invalid date", "\ndate 2025-02-30 T\n\nB", 0, "", "", "",
       "a.txt:2: invalid date '2025-02-30': February 2025 has 28 days"},
      {"not a date", "date yesterday T\n\nB", 0, "", "", "",
       "a.txt:1: invalid date 'yesterday': expected a 4-digit year"},
      {"no date after date", "date \n\nB", 0, "", "", "",
       "a.txt:1: expected a first line 'date YYYY-MM-DD <title>', found no date after 'date'"},
      {"invalid utf8 repaired", "date 2025-01-17 T\xFF\n\nB\xC3", 1, "2025-01-17", "T\xEF\xBF\xBD", "B\xEF\xBF\xBD",
       "a.txt:1: invalid UTF-8 repaired (2 sequences replaced by U+FFFD)"},
      {"header without text", "date 2025-01-17\n\n", 0, "", "", "", "a.txt:1: empty record: no title and no text"},
  };
  for (const PlainCase& c : cases) {
    SCOPED_TRACE(c.name);
    const ReadResult r = ReadString(c.input, "a.txt");
    ASSERT_EQ(r.docs.size(), c.docs);
    EXPECT_EQ(r.stats.read, 1u);
    EXPECT_EQ(r.stats.ok + r.stats.skipped, r.stats.read);
    if (c.docs > 0) {
      EXPECT_EQ(r.docs[0].date.ToIso(), c.date);
      EXPECT_EQ(r.docs[0].title, c.title);
      EXPECT_EQ(r.docs[0].text, c.text);
      EXPECT_EQ(r.docs[0].id, ContentId(c.title, c.text));
    }
    if (c.problem.empty()) {
      EXPECT_TRUE(r.problems.empty()) << r.problems[0];
    } else {
      ASSERT_FALSE(r.problems.empty());
      EXPECT_EQ(r.problems[0], c.problem);
    }
  }
}

TEST(PlainReaderTest, SeedArticle) {
  std::FILE* f = std::fopen(ANNALS_TESTDATA "/000_f3cc60b7aedefe5f.txt", "rb");
  ASSERT_NE(f, nullptr);
  std::string data;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  std::fclose(f);
  const ReadResult r = ReadString(data, "000_f3cc60b7aedefe5f.txt");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].date.ToIso(), "2025-01-17");
  EXPECT_EQ(r.docs[0].date.precision, DatePrecision::kDay);
  EXPECT_FALSE(r.docs[0].title.empty());
  EXPECT_NE(r.docs[0].text.find("News.Az reports."), std::string::npos);
  EXPECT_TRUE(r.problems.empty());
}

TEST(PlainReaderTest, OversizedArticleIsSkippedNotBuffered) {
  const std::string big = "date 2025-01-17 T\n\n" + std::string(5000, 'x');
  const ReadResult r = ReadString(big, "a.txt", InputFormat::kAuto, 1000);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("article larger than"), std::string::npos);
  EXPECT_EQ(r.stats.skipped, 1u);
}

}  // namespace
}  // namespace annals
