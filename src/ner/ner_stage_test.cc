// Tests of the NER pipeline stage with the shipped model: the seed article's
// difficult spots, and invariants on awkward input (empty, one word, 1 MB on
// one line, ALL CAPS, possessives, non-ASCII names).
#include "ner/ner_stage.h"

#include <gtest/gtest.h>

#include <random>

#include "core/utf8.h"
#include "ner/test_util.h"
#include "text/sentence_splitter.h"

namespace annals::ner {
namespace {

using testing::ShippedModel;

AnnotatedDoc RunNer(const std::string& text) {
  AnnotatedDoc d;
  d.doc.text = text;
  AnalyzeText(d.doc.text, &d.layout);
  NerStage(ShippedModel()).Run(&d);
  return d;
}

// Invariants every output must hold.
void CheckInvariants(const AnnotatedDoc& d) {
  std::string_view text = d.doc.text;
  uint32_t prev_end = 0;
  std::vector<uint32_t> counts(d.entities.size(), 0);
  for (const EntityMention& m : d.mentions) {
    ASSERT_LT(m.start, m.end);
    ASSERT_LE(m.end, text.size());
    EXPECT_GE(m.start, prev_end) << "mentions overlap or are out of order";
    EXPECT_TRUE(IsUtf8Boundary(text, m.start));
    EXPECT_TRUE(IsUtf8Boundary(text, m.end));
    ASSERT_GE(m.entity, 0);
    ASSERT_LT(static_cast<size_t>(m.entity), d.entities.size());
    EXPECT_EQ(m.type, d.entities[m.entity].type);
    ++counts[m.entity];
    prev_end = m.end;
  }
  for (size_t e = 0; e < d.entities.size(); ++e) EXPECT_EQ(d.entities[e].mentions, counts[e]);
}

std::string MentionText(const AnnotatedDoc& d, size_t i) {
  return d.doc.text.substr(d.mentions[i].start, d.mentions[i].end - d.mentions[i].start);
}

bool Has(const AnnotatedDoc& d, const std::string& text, EntityType type) {
  for (size_t i = 0; i < d.mentions.size(); ++i)
    if (MentionText(d, i) == text && d.mentions[i].type == type) return true;
  return false;
}

TEST(SentenceWords, SplitsPossessivesAndQuotes) {
  std::string text = "Azerbaijan\u2019s envoy said \u201CBaku\u201D and Moscow's.";
  TextLayout layout;
  AnalyzeText(text, &layout);
  std::vector<WordSpan> words;
  SentenceWords(text, layout, 0, static_cast<uint32_t>(layout.tokens.size()), &words);
  std::vector<std::string> got;
  for (const WordSpan& w : words) got.push_back(text.substr(w.start, w.end - w.start));
  std::vector<std::string> expected = {"Azerbaijan", "\u2019s", "envoy", "said", "\u201C", "Baku", "\u201D",
                                       "and", "Moscow", "'s", "."};
  EXPECT_EQ(got, expected);
}

TEST(NerStage, PossessiveIsNotPartOfTheName) {
  for (std::string text : {"Azerbaijan\u2019s ombudsman spoke in Baku on Monday.",
                           "Azerbaijan's ombudsman spoke in Baku on Monday."}) {
    AnnotatedDoc d = RunNer(text);
    CheckInvariants(d);
    EXPECT_TRUE(Has(d, "Azerbaijan", EntityType::kLocation)) << text;
    EXPECT_TRUE(Has(d, "Baku", EntityType::kLocation)) << text;
  }
}

TEST(NerStage, NamesInParenthesesAndNonAscii) {
  AnnotatedDoc d = RunNer(
      "Ukrainian President Volodymyr Zelenskyy (pictured) met Brazilian officials in S\u00e3o Paulo on Tuesday, "
      "the foreign ministry said.");
  CheckInvariants(d);
  EXPECT_TRUE(Has(d, "Volodymyr Zelenskyy", EntityType::kPerson));
  EXPECT_TRUE(Has(d, "S\u00e3o Paulo", EntityType::kLocation));
}

TEST(NerStage, HeadlineInCapitals) {
  AnnotatedDoc d = RunNer("RUSSIA AND UKRAINE AGREE TO TALKS IN GENEVA\n\nRussia and Ukraine agreed on Friday to hold talks in Geneva.");
  CheckInvariants(d);
  EXPECT_TRUE(Has(d, "Geneva", EntityType::kLocation));
  EXPECT_TRUE(Has(d, "GENEVA", EntityType::kLocation));
}

TEST(NerStage, EmptyAndTinyInputs) {
  for (std::string text : {"", " ", "\n\n", "Baku", "hello", "\u201C", "...", "A", "'s"}) {
    AnnotatedDoc d = RunNer(text);
    CheckInvariants(d);
  }
}

TEST(NerStage, OneMegabyteSingleLine) {
  std::string text;
  while (text.size() < (1u << 20)) text += "Sabina Aliyeva met officials from Moscow and Baku, ";
  AnnotatedDoc d = RunNer(text);
  CheckInvariants(d);
  EXPECT_GT(d.mentions.size(), 1000u);
  ASSERT_FALSE(d.entities.empty());
}

TEST(NerStage, RandomBytesHoldInvariants) {
  std::mt19937 rng(3);
  const std::string alphabet = "Aa Bb.,'\u2019\u201C\u201D()-\n\u00e3\u00c9zZ0";
  for (int trial = 0; trial < 200; ++trial) {
    std::string text;
    int len = static_cast<int>(rng() % 200);
    for (int i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
    RepairUtf8(&text);
    AnnotatedDoc d = RunNer(text);
    CheckInvariants(d);
  }
}

TEST(DefaultModelPath, EnvironmentOverride) {
  std::string path = std::string(ANNALS_SOURCE_DIR) + "/models/ner.model";
  ::setenv("ANNALS_NER_MODEL", path.c_str(), 1);
  auto p = DefaultModelPath();
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, path);
  ::setenv("ANNALS_NER_MODEL", "/nonexistent/x.model", 1);
  p = DefaultModelPath();
  EXPECT_FALSE(p.ok());
  ::unsetenv("ANNALS_NER_MODEL");
  p = DefaultModelPath();
  ASSERT_TRUE(p.ok()) << p.status().ToString();  // the source tree's models/ner.model
}

}  // namespace
}  // namespace annals::ner
