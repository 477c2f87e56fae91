// Tests of feature extraction: normalisation, shapes, determinism, and that
// context (document, gazetteer) changes the features as designed.
#include "ner/features.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ner/lexicon_builder.h"

namespace annals::ner {
namespace {

TEST(NormalizeWord, Table) {
  struct Case {
    std::string in, expected;
  };
  const Case cases[] = {
      {"Baku", "baku"},
      {"ALIYEVA", "aliyeva"},
      {"1990-01-20", "0000-00-00"},
      {"São", "são"},
      {"ÉCOLE", "école"},
      {"Azerbaijan\u2019s", "azerbaijan's"},
      {"\u201CIt", "\"it"},
      {"", ""},
  };
  std::string out;
  for (const Case& c : cases) {
    NormalizeWord(c.in, &out);
    EXPECT_EQ(out, c.expected) << c.in;
  }
}

TEST(WordShape, Table) {
  struct Case {
    std::string in;
    bool collapse;
    std::string expected;
  };
  const Case cases[] = {
      {"Baku", false, "Xxxx"},        {"Baku", true, "Xx"},
      {"Zelenskyy", false, "Xxxxx"},  // runs capped at 4
      {"U.S.", true, "X.X."},         {"1,200", false, "d,ddd"},
      {"São", true, "Xx"},            {"Jean-Luc", true, "Xx-Xx"},
      {"News.Az", true, "Xx.Xx"},     {"€", false, "*"},
  };
  std::string out;
  for (const Case& c : cases) {
    WordShape(c.in, c.collapse, &out);
    EXPECT_EQ(out, c.expected) << c.in;
  }
}

TEST(IsCapitalized, Table) {
  EXPECT_TRUE(IsCapitalized("Baku"));
  EXPECT_TRUE(IsCapitalized("\u201CIt"));  // first letter counts, not the quote
  EXPECT_TRUE(IsCapitalized("Émile"));
  EXPECT_FALSE(IsCapitalized("baku"));
  EXPECT_FALSE(IsCapitalized("1990"));
  EXPECT_FALSE(IsCapitalized(""));
}

std::vector<std::string_view> Words(const std::vector<std::string>& w) { return {w.begin(), w.end()}; }

TEST(FeatureExtractor, OffsetsAndDeterminism) {
  LexiconData lex;
  FeatureExtractor fx(lex.View());
  std::vector<std::string> w = {"Sabina", "Aliyeva", "visited", "Baku", "."};
  SentenceFeatures a, b;
  fx.Extract(Words(w), nullptr, &a);
  fx.Extract(Words(w), nullptr, &b);
  ASSERT_EQ(a.offsets.size(), w.size() + 1);
  EXPECT_EQ(a.offsets.front(), 0u);
  EXPECT_EQ(a.offsets.back(), a.keys.size());
  for (size_t i = 0; i < w.size(); ++i) EXPECT_GT(a.offsets[i + 1], a.offsets[i] + 20) << "token " << i;
  EXPECT_EQ(a.keys, b.keys);
}

TEST(FeatureExtractor, EmptySentence) {
  LexiconData lex;
  FeatureExtractor fx(lex.View());
  SentenceFeatures f;
  fx.Extract({}, nullptr, &f);
  EXPECT_TRUE(f.keys.empty());
  EXPECT_EQ(f.offsets.size(), 1u);
}

std::vector<uint64_t> TokenKeys(const SentenceFeatures& f, size_t i) {
  std::vector<uint64_t> k(f.keys.begin() + f.offsets[i], f.keys.begin() + f.offsets[i + 1]);
  std::sort(k.begin(), k.end());
  return k;
}

TEST(FeatureExtractor, GazetteerHitAddsFeatures) {
  LexiconBuilder with;
  with.AddGazetteerName("São Paulo", 4);
  ClusterOptions copt;
  LexiconData gaz = with.Build(copt);
  LexiconData none;
  std::vector<std::string> w = {"in", "São", "Paulo", "today"};
  SentenceFeatures a, b;
  FeatureExtractor(gaz.View()).Extract(Words(w), nullptr, &a);
  FeatureExtractor(none.View()).Extract(Words(w), nullptr, &b);
  EXPECT_NE(TokenKeys(a, 1), TokenKeys(b, 1));
  EXPECT_NE(TokenKeys(a, 2), TokenKeys(b, 2));
}

TEST(FeatureExtractor, DocumentContextChangesCapitalisedWords) {
  LexiconData lex;
  FeatureExtractor fx(lex.View());
  std::vector<std::string> w = {"Aliyeva", "said"};
  DocContext ctx;
  std::vector<std::string> other = {"Sabina", "Aliyeva", "urged"};
  ctx.Add(Words(other));
  SentenceFeatures a, b;
  fx.Extract(Words(w), &ctx, &a);
  fx.Extract(Words(w), nullptr, &b);
  EXPECT_NE(TokenKeys(a, 0), TokenKeys(b, 0));
  EXPECT_EQ(ctx.Flags(HashBytes("aliyeva")), 2u);  // capitalised, not sentence-initial
}

TEST(DocContext, ClearedContextAnswersAsAFreshOne) {
  // A reused context (NerStage keeps one per thread) must forget the last
  // article entirely: flags, contexts and the scorer's memo.
  std::vector<std::string> first, second;
  for (int i = 0; i < 700; ++i) first.push_back((i % 3 == 0 ? "Word" : "word") + std::to_string(i));  // grows the table
  second = {"The", "Fed", "said", "the", "fed", "Fed", "rate", "word3", "Word3"};
  DocContext reused;
  reused.Add(Words(first));
  const DocContext::Word* w0 = reused.Find(HashBytes("word0"));
  ASSERT_NE(w0, nullptr);
  w0->memo_owner = &reused;
  reused.Clear();
  EXPECT_EQ(reused.Find(HashBytes("word0")), nullptr);
  reused.Add(Words(second));
  DocContext fresh;
  fresh.Add(Words(second));
  for (const std::string& w : first) {
    std::string low;
    NormalizeWord(w, &low);
    uint64_t h = HashBytes(low);
    EXPECT_EQ(reused.Flags(h), fresh.Flags(h)) << w;
    EXPECT_EQ(reused.Contexts(h) == nullptr, fresh.Contexts(h) == nullptr) << w;
  }
  for (const std::string& w : second) {
    std::string low;
    NormalizeWord(w, &low);
    uint64_t h = HashBytes(low);
    EXPECT_EQ(reused.Flags(h), fresh.Flags(h)) << w;
    const std::vector<uint64_t>* a = reused.Contexts(h);
    const std::vector<uint64_t>* b = fresh.Contexts(h);
    ASSERT_EQ(a == nullptr, b == nullptr) << w;
    if (a != nullptr) {
      EXPECT_EQ(*a, *b) << w;
    }
    if (const DocContext::Word* e = reused.Find(h)) {
      EXPECT_EQ(e->memo_owner, nullptr) << w;
    }
  }
  EXPECT_EQ(reused.Flags(HashBytes("fed")), 3u);  // lower-case once, capitalised mid-sentence
}

TEST(FeatureExtractor, AllCapsWordTakesTitleCaseCluster) {
  LexiconBuilder b;
  for (int i = 0; i < 10; ++i) b.AddText("Officials in Japan said on Monday that Japan would act.");
  ClusterOptions copt;
  copt.min_count = 2;
  copt.clusters = 4;
  LexiconData lex = b.Build(copt);
  Lexicon view = lex.View();
  EXPECT_NE(view.clusters.Find(HashBytes("Japan")), 0u);
  // "JAPAN" in a headline and "Japan" in text share their cluster features.
  FeatureExtractor fx(view);
  std::vector<std::string> a = {"JAPAN", "WINS"}, c = {"Japan", "wins"};
  SentenceFeatures fa, fc;
  fx.Extract(Words(a), nullptr, &fa);
  fx.Extract(Words(c), nullptr, &fc);
  auto ka = TokenKeys(fa, 0), kc = TokenKeys(fc, 0);
  std::vector<uint64_t> common;
  std::set_intersection(ka.begin(), ka.end(), kc.begin(), kc.end(), std::back_inserter(common));
  EXPECT_GE(common.size(), 8u);  // lower form, affixes, clusters ...
}

}  // namespace
}  // namespace annals::ner
