// Tests of the tag set: IOB -> spans (conlleval convention), BILOU round trips,
// the transition grammar.
#include "ner/tags.h"

#include <gtest/gtest.h>

namespace annals::ner {
namespace {

using T = EntityType;

TEST(SpansFromIob, Table) {
  struct Case {
    std::vector<std::string> tags;
    std::vector<Span> expected;
  };
  const Case cases[] = {
      {{}, {}},
      {{"O", "O"}, {}},
      {{"B-PER", "I-PER", "O"}, {{0, 2, T::kPerson}}},
      {{"I-PER", "I-PER"}, {{0, 2, T::kPerson}}},                              // IOB1 start
      {{"I-LOC", "B-LOC"}, {{0, 1, T::kLocation}, {1, 2, T::kLocation}}},      // IOB1 split
      {{"B-ORG", "I-LOC"}, {{0, 1, T::kOrg}, {1, 2, T::kLocation}}},           // type change
      {{"O", "I-MISC", "O", "B-PER"}, {{1, 2, T::kMisc}, {3, 4, T::kPerson}}},
      {{"B-PER", "I-PER", "B-PER"}, {{0, 2, T::kPerson}, {2, 3, T::kPerson}}},
      {{"B-XYZ", "I-PER"}, {{1, 2, T::kPerson}}},                              // unknown type = O
      {{"U-LOC", "B-PER", "L-PER"}, {{0, 1, T::kLocation}, {1, 3, T::kPerson}}},  // BILOU input
  };
  for (const Case& c : cases) EXPECT_EQ(SpansFromIob(c.tags), c.expected) << ::testing::PrintToString(c.tags);
}

TEST(Bilou, RoundTrip) {
  std::vector<Span> spans = {{0, 1, T::kPerson}, {2, 5, T::kOrg}, {5, 7, T::kMisc}, {8, 9, T::kLocation}};
  std::vector<uint8_t> tags = BilouFromSpans(spans, 10);
  ASSERT_EQ(tags.size(), 10u);
  EXPECT_EQ(TagName(tags[0]), "U-PER");
  EXPECT_EQ(TagName(tags[1]), "O");
  EXPECT_EQ(TagName(tags[2]), "B-ORG");
  EXPECT_EQ(TagName(tags[3]), "I-ORG");
  EXPECT_EQ(TagName(tags[4]), "L-ORG");
  EXPECT_EQ(TagName(tags[5]), "B-MISC");
  EXPECT_EQ(SpansFromBilou(tags), spans);
}

TEST(Bilou, TagIdsAreFrozen) {
  // Stored in model files: these values must never change.
  EXPECT_EQ(MakeTag(TagPart::kB, T::kPerson), 1);
  EXPECT_EQ(MakeTag(TagPart::kU, T::kPerson), 4);
  EXPECT_EQ(MakeTag(TagPart::kB, T::kOrg), 5);
  EXPECT_EQ(MakeTag(TagPart::kU, T::kMisc), 16);
  for (int t = 1; t < kNumTags; ++t) EXPECT_EQ(MakeTag(PartOf(t), TypeOf(t)), t);
}

TEST(Bilou, BrokenSequencesStillGiveSpans) {
  // I without B, B without L: tolerated, never crashes.
  std::vector<uint8_t> tags = {static_cast<uint8_t>(MakeTag(TagPart::kI, T::kOrg)),
                               static_cast<uint8_t>(MakeTag(TagPart::kB, T::kPerson))};
  std::vector<Span> expected = {{0, 1, T::kOrg}, {1, 2, T::kPerson}};
  EXPECT_EQ(SpansFromBilou(tags), expected);
}

TEST(Transitions, Grammar) {
  int b_per = MakeTag(TagPart::kB, T::kPerson), i_per = MakeTag(TagPart::kI, T::kPerson);
  int l_per = MakeTag(TagPart::kL, T::kPerson), u_loc = MakeTag(TagPart::kU, T::kLocation);
  int l_org = MakeTag(TagPart::kL, T::kOrg);
  EXPECT_TRUE(TransitionAllowed(-1, kTagO));
  EXPECT_TRUE(TransitionAllowed(-1, b_per));
  EXPECT_FALSE(TransitionAllowed(-1, i_per));
  EXPECT_TRUE(TransitionAllowed(b_per, i_per));
  EXPECT_TRUE(TransitionAllowed(b_per, l_per));
  EXPECT_FALSE(TransitionAllowed(b_per, l_org));
  EXPECT_FALSE(TransitionAllowed(b_per, kTagO));
  EXPECT_FALSE(TransitionAllowed(b_per, -1));
  EXPECT_TRUE(TransitionAllowed(l_per, u_loc));
  EXPECT_TRUE(TransitionAllowed(u_loc, -1));
  EXPECT_FALSE(TransitionAllowed(kTagO, l_per));
}

}  // namespace
}  // namespace annals::ner
