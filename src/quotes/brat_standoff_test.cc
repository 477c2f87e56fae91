// Tests of the brat standoff reader for attribution corpora (PolNeAR).
#include "quotes/brat_standoff.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

// Regression: PolNeAR joins a speaker's second quotation to the same
// attribution with a "Content2" argument (`E13 Attribution:T51 Cue:T50
// Source:T49 Content:T48 Content2:T52`); the reader used to drop it, so the
// gold content lacked its second piece.
TEST(BratStandoff, SecondContentArgumentJoinsTheContent) {
  const std::string ann =
      "T1\tContent 0 10\t''A,'' Mr.\n"
      "T2\tSource 11 19\tMr. Vian\n"
      "T3\tCue 20 24\tsaid\n"
      "T4\tAttribution 20 24\tsaid\n"
      "E1\tAttribution:T4 Cue:T3 Source:T2 Content:T1 Content2:T5\n"
      "T5\tContent 26 40\t''B.''\n";
  auto atts = ParseBratAttributions(ann, "x.ann");
  ASSERT_TRUE(atts.ok());
  ASSERT_EQ(atts->size(), 1u);
  const SpanSet want = {{0, 10}, {26, 40}};
  EXPECT_EQ((*atts)[0].content, want);
  EXPECT_EQ((*atts)[0].source, (SpanSet{{11, 19}}));
  EXPECT_EQ((*atts)[0].cue, (SpanSet{{20, 24}}));
}

TEST(BratStandoff, ContentPiecesAndNoSource) {
  const std::string ann =
      "T1\tContent 5 9;12 20\tabcd efghijkl\n"
      "T2\tCue 0 4\tsaid\n"
      "T3\tAttribution 0 4\tsaid\n"
      "E1\tAttribution:T3 Cue:T2 Content:T1\n";
  auto atts = ParseBratAttributions(ann, "x.ann");
  ASSERT_TRUE(atts.ok());
  ASSERT_EQ(atts->size(), 1u);
  EXPECT_EQ((*atts)[0].content, (SpanSet{{5, 9}, {12, 20}}));
  EXPECT_TRUE((*atts)[0].source.empty());
}

TEST(BratStandoff, DanglingReferenceFails) {
  EXPECT_FALSE(ParseBratAttributions("E1\tAttribution:T9 Content:T8\n", "x.ann").ok());
}

}  // namespace
}  // namespace annals
