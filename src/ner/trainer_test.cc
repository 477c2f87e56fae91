// Tests of training: it learns the tiny data set, and the same seed gives
// the same model, byte for byte.
#include "ner/trainer.h"

#include <gtest/gtest.h>

#include "ner/ner_eval.h"
#include "ner/test_util.h"

namespace annals::ner {
namespace {

TEST(Trainer, LearnsTinyData) {
  auto docs = ParseConll(testing::TinyConll(), "tiny");
  ASSERT_TRUE(docs.ok());
  TrainOptions opt;
  opt.epochs = 3;
  std::vector<std::string> log;
  opt.progress = [&](const std::string& s) { log.push_back(s); };
  TrainReport report;
  auto data = TrainNer(*docs, *docs, LexiconData(), opt, &report);
  ASSERT_TRUE(data.ok());
  EXPECT_GE(report.best_epoch, 1);
  EXPECT_GT(report.kept_rows, 0u);
  EXPECT_FALSE(log.empty());
  auto model = NerModel::FromBytes(SerializeModel(*data));
  ASSERT_TRUE(model.ok());
  NerScorer s = EvaluateModel(**model, *docs);
  EXPECT_GT(s.overall().F1(), 0.99);
}

TEST(Trainer, DeterministicForASeed) {
  auto docs = ParseConll(testing::TinyConll(), "tiny");
  TrainOptions opt;
  opt.epochs = 2;
  opt.seed = 42;
  auto a = TrainNer(*docs, *docs, LexiconData(), opt, nullptr);
  auto b = TrainNer(*docs, *docs, LexiconData(), opt, nullptr);
  EXPECT_EQ(SerializeModel(*a), SerializeModel(*b));
}

TEST(Trainer, EmptyDataIsAnError) {
  auto r = TrainNer({}, {}, LexiconData(), TrainOptions(), nullptr);
  EXPECT_FALSE(r.ok());
}

TEST(NerScorer, ExactSpanMatch) {
  NerScorer s;
  using T = EntityType;
  // Gold: PER[0,2) LOC[3,4). Pred: PER[0,1) (wrong boundary), LOC[3,4) (right), ORG[5,6) (spurious).
  s.Add({{0, 2, T::kPerson}, {3, 4, T::kLocation}}, {{0, 1, T::kPerson}, {3, 4, T::kLocation}, {5, 6, T::kOrg}});
  EXPECT_EQ(s.overall().tp, 1u);
  EXPECT_EQ(s.overall().fp, 2u);
  EXPECT_EQ(s.overall().fn, 1u);
  EXPECT_NEAR(s.overall().Precision(), 1.0 / 3, 1e-9);
  EXPECT_NEAR(s.overall().Recall(), 0.5, 1e-9);
  EXPECT_EQ(s.of(T::kLocation).tp, 1u);
  EXPECT_EQ(s.of(T::kOrg).fp, 1u);
  EXPECT_NE(s.Report().find("overall"), std::string::npos);
}

}  // namespace
}  // namespace annals::ner
