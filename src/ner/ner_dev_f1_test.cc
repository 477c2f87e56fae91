// Regression guard for NER quality: scores the shipped model on the CoNLL-2003
// dev set (valid.txt) and fails if overall F1 is more than half a point below
// the figure recorded in BENCHMARKS.md (the line "NER dev F1: 0.xxxx").
// Skipped when the shared data is absent (a fresh clone).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "ner/model.h"
#include "ner/ner_eval.h"

namespace annals::ner {
namespace {

TEST(NerDevF1, NoRegressionAgainstBenchmarks) {
  std::string dev = std::string(ANNALS_SHARED_DATA) + "/ner/conll2003/valid.txt";
  if (!std::filesystem::exists(dev)) GTEST_SKIP() << dev << " absent (no ../shared/data): skipping the NER F1 guard";
  std::ifstream bench(std::string(ANNALS_SOURCE_DIR) + "/BENCHMARKS.md");
  ASSERT_TRUE(bench) << "BENCHMARKS.md missing";
  std::stringstream ss;
  ss << bench.rdbuf();
  std::smatch m;
  std::string text = ss.str();
  ASSERT_TRUE(std::regex_search(text, m, std::regex(R"(NER dev F1: ([01]\.[0-9]+))")))
      << "BENCHMARKS.md has no line 'NER dev F1: 0.xxxx'";
  double recorded = std::stod(m[1].str());
  auto model = NerModel::Open(std::string(ANNALS_SOURCE_DIR) + "/models/ner.model");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  auto docs = ReadConll(dev);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  NerScorer s = EvaluateModel(**model, *docs);
  double f1 = s.overall().F1();
  std::printf("dev F1 %.4f (BENCHMARKS.md: %.4f)\n%s", f1, recorded, s.Report().c_str());
  EXPECT_GE(f1, recorded - 0.005) << "NER dev F1 dropped more than 0.5 points below BENCHMARKS.md";
}

}  // namespace
}  // namespace annals::ner
