// The one-pass JSON of a snippet's HTML is the two-pass one's, byte for byte:
// random texts of markup characters, quotes, backslashes, control bytes and
// UTF-8, with highlights in and out of order, of range and empty.
#include "http/snippet_html.h"

#include <gtest/gtest.h>

#include <random>

#include "core/json_writer.h"

namespace annals {
namespace {

TEST(SnippetHtmlTest, EscapesAndMarks) {
  EXPECT_EQ(SnippetHtml("a <b> & \"c\"", {{0, 1}, {9, 10}}), "<mark>a</mark> &lt;b&gt; &amp; &quot;<mark>c</mark>&quot;");
  EXPECT_EQ(SnippetHtml("abc", {{1, 2}, {0, 3}, {2, 2}, {2, 9}}), "a<mark>b</mark>c") << "bad highlights left out";
}

TEST(SnippetHtmlTest, OnePassJsonEqualsJsonOfTheHtml) {
  std::mt19937 rng(41);
  const std::string bytes = std::string("ab <>&\"'\\/\x01\x1f\n\t\xC3\xA9\xE2\x80\x9C", 20);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t len = rng() % 60;
    for (size_t i = 0; i < len; ++i) s.push_back(bytes[rng() % bytes.size()]);
    std::vector<Highlight> hl;
    const int n = static_cast<int>(rng() % 5);
    for (int i = 0; i < n; ++i) {
      const uint32_t a = static_cast<uint32_t>(rng() % (len + 3)), b = static_cast<uint32_t>(rng() % (len + 3));
      hl.push_back(Highlight{a, b});
    }
    std::string want;
    JsonWriter w(&want);
    w.String(SnippetHtml(s, hl));
    std::string got;
    AppendSnippetHtmlJson(s, hl, &got);
    ASSERT_EQ(got, want) << "round " << round;
  }
}

}  // namespace
}  // namespace annals
