// Table-driven tests of the Reuters-21578 SGML reader. The fixtures are
// written for the test (same markup as reut2-*.sgm, invented text).
#include <gtest/gtest.h>

#include "read/read_test_util.h"

namespace annals {
namespace {

std::string Story(const std::string& newid, const std::string& date, const std::string& text_part) {
  return "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" OLDID=\"1\" NEWID=\"" + newid + "\">\n<DATE>" + date +
         "</DATE>\n<TOPICS><D>grain</D></TOPICS>\n<UNKNOWN> \n&#5;&#5;&#5;C T\n</UNKNOWN>\n" + text_part +
         "\n</REUTERS>\n";
}

const std::string kText =
    "<TEXT>&#2;\n<TITLE>WHEAT &amp; CORN &lt;WHT&gt; UP</TITLE>\n<DATELINE>    CHICAGO, March 2 - </DATELINE>"
    "<BODY>Prices rose &amp; fell.\n    Second paragraph.\n Reuter\n&#3;</BODY></TEXT>";

TEST(SgmlReaderTest, OneStory) {
  const ReadResult r =
      ReadString("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" + Story("7", "26-FEB-1987 15:01:01.79", kText), "r.sgm");
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "7");
  EXPECT_EQ(d.date.ToIso(), "1987-02-26");
  EXPECT_EQ(d.title, "WHEAT & CORN <WHT> UP");
  EXPECT_EQ(d.text, "Prices rose & fell.\n    Second paragraph.\n Reuter");
  EXPECT_EQ(d.source, "Reuters");
  EXPECT_EQ(d.origin, "r.sgm:2");
  EXPECT_TRUE(r.problems.empty());
}

struct SgmlCase {
  const char* name;                   // test label
  std::string input;                  // file content
  std::vector<std::string> ids;       // delivered ids
  std::vector<std::string> problems;  // problem prefixes, in order
};

TEST(SgmlReaderTest, Table) {
  const std::string brief =
      "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>ASSETS ROSE\n</TITLE>Blah blah blah.\n&#3;\n\n</TEXT>";
  const std::string unproc = "<TEXT TYPE=\"UNPROC\">&#2;\nFED REPORT - FEB 26\n  Net 644 vs 1,337\n&#3;\n\n</TEXT>";
  const SgmlCase cases[] = {
      {"two stories", Story("1", "26-FEB-1987 15:01:01.79", kText) + Story("2", " 3-APR-1987 07:09:42.28", kText),
       {"1", "2"}, {}},
      {"date with teletype trailer", Story("1", "5-MAR-1987 09:00:00.00&#9;&#9;&#9;C T", kText), {"1"}, {}},
      {"brief story", Story("1", "26-FEB-1987 15:01:01.79", brief), {"1"}, {}},
      {"unprocessed story", Story("1", "26-FEB-1987 15:01:01.79", unproc), {"1"}, {}},
      {"invalid date", Story("1", "30-FEB-1987 15:01:01.79", kText) + Story("2", "26-FEB-1987 15:01:01.79", kText),
       {"2"},
       {"r.sgm:2: invalid date '30-FEB-1987 15:01:01.79': February 1987 has 28 days"}},
      {"unknown month", Story("1", "26-FOO-1987 15:01:01.79", kText), {}, {"r.sgm:2: invalid date '26-FOO-1987"}},
      {"missing date is allowed", "<REUTERS NEWID=\"9\">\n" + kText + "\n</REUTERS>\n", {"9"}, {}},
      {"unclosed element", "<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n" +
                               Story("2", "26-FEB-1987 15:01:01.79", kText),
       {"2"}, {"r.sgm:1: malformed SGML: <REUTERS> element not closed before line 3"}},
      {"unclosed at end of file", Story("1", "26-FEB-1987 15:01:01.79", kText) + "<REUTERS NEWID=\"2\">\n<TEXT>x",
       {"1"}, {"r.sgm:14: malformed SGML: <REUTERS> element not closed at the end of the file"}},
      {"body without end tag", "<REUTERS NEWID=\"1\">\n<TEXT><BODY>abc</TEXT>\n</REUTERS>\n", {},
       {"r.sgm:1: malformed SGML: <BODY> without </BODY>"}},
      {"stray text", "hello\nworld\n" + Story("1", "26-FEB-1987 15:01:01.79", kText), {"1"},
       {"r.sgm:1: malformed SGML: text outside a <REUTERS> element: ignored"}},
      {"empty story", Story("1", "26-FEB-1987 15:01:01.79", "<TEXT TYPE=\"UNPROC\">&#2;\n&#3;\n\n</TEXT>"), {},
       {"r.sgm:1: empty record: no title and no text"}},
      {"raw invalid byte", Story("1", "26-FEB-1987 15:01:01.79", "<TEXT><BODY>growth.\xFC" "more</BODY></TEXT>"),
       {"1"}, {"r.sgm:1: invalid UTF-8 repaired (1 sequence replaced by U+FFFD)"}},
  };
  for (const SgmlCase& c : cases) {
    SCOPED_TRACE(c.name);
    const ReadResult r = ReadString(c.input, "r.sgm");
    std::vector<std::string> ids;
    for (const Document& d : r.docs) ids.push_back(d.id);
    EXPECT_EQ(ids, c.ids);
    ASSERT_EQ(r.problems.size(), c.problems.size()) << (r.problems.empty() ? "" : r.problems[0]);
    for (size_t i = 0; i < c.problems.size(); ++i)
      EXPECT_EQ(r.problems[i].substr(0, c.problems[i].size()), c.problems[i]) << r.problems[i];
    EXPECT_EQ(r.stats.ok + r.stats.skipped, r.stats.read);
  }
}

TEST(SgmlReaderTest, BriefAndUnprocessedTexts) {
  const ReadResult brief = ReadString(
      Story("1", "26-FEB-1987 15:01:01.79",
            "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>ASSETS ROSE\n</TITLE>Blah blah blah.\n&#3;\n\n</TEXT>"),
      "r.sgm");
  ASSERT_EQ(brief.docs.size(), 1u);
  EXPECT_EQ(brief.docs[0].title, "ASSETS ROSE");
  EXPECT_EQ(brief.docs[0].text, "");
  const ReadResult unproc = ReadString(
      Story("1", "26-FEB-1987 15:01:01.79",
            "<TEXT TYPE=\"UNPROC\">&#2;\nFED REPORT - FEB 26\n  Net 644 vs 1,337\n&#3;\n\n</TEXT>"),
      "r.sgm");
  ASSERT_EQ(unproc.docs.size(), 1u);
  EXPECT_EQ(unproc.docs[0].title, "");
  EXPECT_EQ(unproc.docs[0].text, "FED REPORT - FEB 26\n  Net 644 vs 1,337");
}

// Also the regression test for a bug found while writing it: an unknown named
// entity ("&unknown;") was copied and then its name copied again.
TEST(SgmlReaderTest, EntitiesAndControlCodes) {
  const ReadResult r = ReadString(
      Story("1", "26-FEB-1987 15:01:01.79",
            "<TEXT><BODY>a &lt;b&gt; &amp;amp; &#38; &#x41; &#127;&#5;&#22; &unknown; &#99999999; caf&#233;</BODY></TEXT>"),
      "r.sgm");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "a <b> &amp; & A  &unknown; &#99999999; caf\xC3\xA9");
}

}  // namespace
}  // namespace annals
