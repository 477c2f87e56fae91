// Regression tests of the fast NER scoring path (EmissionScorer with its
// word cache, DocContext::AddWords, NerStage on resolved ids) against the
// reference path (one model probe per FeatureExtractor::Extract key,
// DocContext::Add, NerModel::LabelReference): integer emission sums and the
// entities found must be identical on the seed article, the committed
// CC-BY Wikinews sample (samples/wikinews) and, when ../shared is present, a
// sample of Reuters-21578; also with a tiny cache that is cleared over and
// over, and on awkward sentences.
#include "ner/scorer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ner/model.h"
#include "ner/ner_stage.h"
#include "ner/sgml_text.h"
#include "ner/test_util.h"
#include "text/sentence_splitter.h"

namespace annals::ner {
namespace {

using testing::ShippedModel;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Texts of the Wikinews sample: the CSV files cut into ~4 KB documents at
// line ends (the CSV syntax is just more text to the labeller).
std::vector<std::string> WikinewsTexts() {
  std::vector<std::string> out;
  for (const char* f : {"wikinews_2019.csv", "wikinews_2020.csv"}) {
    std::string all = ReadFile(std::string(ANNALS_SOURCE_DIR) + "/samples/wikinews/" + f);
    EXPECT_FALSE(all.empty()) << f;
    size_t pos = 0;
    while (pos < all.size()) {
      size_t end = all.find('\n', std::min(all.size(), pos + 4000));
      end = end == std::string::npos ? all.size() : end + 1;
      out.push_back(all.substr(pos, end - pos));
      pos = end;
    }
  }
  return out;
}

std::string SeedText() {
  std::string file = ReadFile(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt");
  EXPECT_FALSE(file.empty());
  return file.substr(file.find('\n') + 1);
}

// Compares, for every document, (1) the emission sums of every sentence
// from a scorer with `cache_size` entries and from the reference path, with
// the same DocContext, and (2) the mentions of NerStage against the
// reference NerStage. Returns the number of tokens compared.
size_t CompareOn(const std::vector<std::string>& texts, size_t cache_size) {
  const NerModel& model = *ShippedModel();
  LabelScratch fast;
  fast.scorer = EmissionScorer(cache_size);
  LabelScratch ref;
  NerStage stage(ShippedModel());
  NerStage ref_stage(ShippedModel(), /*reference_path=*/true);
  size_t tokens = 0;
  std::vector<WordSpan> spans;
  std::vector<std::string_view> words;
  std::vector<int32_t> got, want;
  for (size_t d = 0; d < texts.size(); ++d) {
    AnnotatedDoc doc;
    doc.doc.text = texts[d];
    AnalyzeText(doc.doc.text, &doc.layout);
    std::vector<std::vector<std::string_view>> sentences;
    for (const Sentence& s : doc.layout.sentences) {
      SentenceWords(doc.doc.text, doc.layout, s.token_begin, s.token_end, &spans);
      words.clear();
      for (const WordSpan& w : spans) words.push_back(std::string_view(doc.doc.text).substr(w.start, w.end - w.start));
      sentences.push_back(words);
    }
    DocContext ctx;
    for (const auto& s : sentences) ctx.Add(s);
    for (const auto& s : sentences) {
      model.Scores(s, &ctx, &fast, &got);
      model.ReferenceScores(s, &ctx, &ref, &want);
      EXPECT_EQ(got, want) << "document " << d << ", sentence starting '" << (s.empty() ? "" : s[0]) << "'";
      if (got != want) return tokens;
      tokens += s.size();
    }
    AnnotatedDoc a = doc;
    AnnotatedDoc b = doc;
    stage.Run(&a);
    ref_stage.Run(&b);
    EXPECT_EQ(a.mentions.size(), b.mentions.size()) << "document " << d;
    for (size_t m = 0; m < std::min(a.mentions.size(), b.mentions.size()); ++m) {
      EXPECT_EQ(a.mentions[m].start, b.mentions[m].start) << "document " << d;
      EXPECT_EQ(a.mentions[m].end, b.mentions[m].end) << "document " << d;
      EXPECT_EQ(a.mentions[m].type, b.mentions[m].type) << "document " << d;
    }
  }
  return tokens;
}

TEST(NerScorer, SeedMatchesReference) {
  ASSERT_NE(ShippedModel(), nullptr);
  EXPECT_GT(CompareOn({SeedText()}, EmissionScorer::kDefaultMaxEntries), 300u);
}

TEST(NerScorer, WikinewsSampleMatchesReference) {
  ASSERT_NE(ShippedModel(), nullptr);
  EXPECT_GT(CompareOn(WikinewsTexts(), EmissionScorer::kDefaultMaxEntries), 100000u);
}

TEST(NerScorer, TinyCacheMatchesReference) {
  // 64 word types: the cache is compacted (or, for a sentence of more than
  // 64 words, started afresh) every few sentences, and long
  // sentences overflow it (growing the slot table mid-sentence).
  ASSERT_NE(ShippedModel(), nullptr);
  std::vector<std::string> texts = WikinewsTexts();
  texts.resize(40);
  EXPECT_GT(CompareOn(texts, 64), 10000u);
}

TEST(NerScorer, AwkwardSentencesMatchReference) {
  ASSERT_NE(ShippedModel(), nullptr);
  std::string long_word(300, 'x');
  std::string many;
  for (int i = 0; i < 1500; ++i) many += (i % 7 == 0 ? "Baku " : "and ");
  const std::vector<std::string> texts = {
      "",
      "Baku",
      "BAKU, AZERBAIJAN (NEWS.AZ) - PRESIDENT ALIYEV MEETS PUTIN IN MOSCOW",
      "Zelenskyy met São Paulo’s mayor and Azerbaijan’s Sabina Aliyeva in Kyiv.",
      "“It is,” said Mr. " + long_word + " of " + long_word + "son Ltd., \"the end.\"",
      many,
      "News.Az reported: Amazon.com and U.S. Steel (NYSE) fell 12.5% to $1,234.56 on 2024-01-02.",
  };
  EXPECT_GT(CompareOn(texts, EmissionScorer::kDefaultMaxEntries), 1500u);
  EXPECT_GT(CompareOn(texts, 16), 1500u);
}

TEST(NerScorer, ReutersSampleMatchesReference) {
  ASSERT_NE(ShippedModel(), nullptr);
  std::string file = std::string(ANNALS_SHARED_DATA) + "/corpus/reuters21578/reut2-003.sgm";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "Reuters-21578 not found: " << file;
  std::vector<std::string> texts;
  ASSERT_TRUE(ReadSgmlTexts(file, &texts).ok());
  if (texts.size() > 600) texts.resize(600);
  EXPECT_GT(CompareOn(texts, EmissionScorer::kDefaultMaxEntries), 40000u);
}

TEST(NerScorer, DocWordsMatchDocContextAdd) {
  ASSERT_NE(ShippedModel(), nullptr);
  const NerModel& model = *ShippedModel();
  LabelScratch s;
  const std::vector<std::string_view> words = {"Aliyeva", "met", "aliyeva", "", "ÉLYSÉE", "élysée", "12", "Baku", "."};
  std::vector<uint32_t> ids;
  model.ResolveWords(words.data(), words.size(), &s, &ids);
  std::vector<DocWord> dw;
  for (uint32_t id : ids) dw.push_back(s.scorer.doc_word(id));
  DocContext a, b;
  a.Add(words);
  b.AddWords(dw.data(), dw.size());
  std::string low;
  for (std::string_view w : words) {
    NormalizeWord(w, &low);
    uint64_t h = HashBytes(low);
    EXPECT_EQ(a.Flags(h), b.Flags(h)) << w;
    const std::vector<uint64_t>* ca = a.Contexts(h);
    const std::vector<uint64_t>* cb = b.Contexts(h);
    ASSERT_EQ(ca == nullptr, cb == nullptr) << w;
    if (ca != nullptr) {
      EXPECT_EQ(*ca, *cb) << w;
    }
  }
}

}  // namespace
}  // namespace annals::ner
