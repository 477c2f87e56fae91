// Tests of the Viterbi decoder: against brute force over every valid tag
// sequence on random scores (differential test), and grammar compliance.
#include "ner/viterbi.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <vector>

#include "ner/tags.h"

namespace annals::ner {
namespace {

double PathScore(const std::vector<float>& emit, const std::vector<float>& trans, const std::vector<uint8_t>& tags) {
  double s = 0;
  int prev = kNumTags;
  for (size_t i = 0; i < tags.size(); ++i) {
    s += trans[prev * kTransDim + tags[i]] + emit[i * kNumTags + tags[i]];
    prev = tags[i];
  }
  return s + trans[prev * kTransDim + kNumTags];
}

bool Valid(const std::vector<uint8_t>& tags) {
  int prev = -1;
  for (uint8_t t : tags) {
    if (!TransitionAllowed(prev, t)) return false;
    prev = t;
  }
  return TransitionAllowed(prev, -1);
}

// Best score over all valid sequences, by enumeration.
double BruteForce(const std::vector<float>& emit, const std::vector<float>& trans, size_t n) {
  double best = -std::numeric_limits<double>::infinity();
  std::vector<uint8_t> tags(n, 0);
  while (true) {
    if (Valid(tags)) best = std::max(best, PathScore(emit, trans, tags));
    size_t i = 0;
    while (i < n && ++tags[i] == kNumTags) tags[i++] = 0;
    if (i == n) break;
  }
  return best;
}

TEST(Viterbi, MatchesBruteForce) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> dist(-3.0f, 3.0f);
  for (int trial = 0; trial < 30; ++trial) {
    size_t n = 1 + trial % 3;
    std::vector<float> emit(n * kNumTags), trans(kTransDim * kTransDim);
    for (float& x : emit) x = dist(rng);
    for (float& x : trans) x = dist(rng);
    std::vector<uint8_t> out(n);
    Viterbi(emit.data(), n, trans.data(), out.data());
    ASSERT_TRUE(Valid(out)) << "trial " << trial;
    EXPECT_NEAR(PathScore(emit, trans, out), BruteForce(emit, trans, n), 1e-3) << "trial " << trial;
  }
}

TEST(Viterbi, AlwaysGrammatical) {
  // Emissions that push towards an invalid sequence (I-PER alone).
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> dist(-5.0f, 5.0f);
  for (int trial = 0; trial < 200; ++trial) {
    size_t n = 1 + trial % 40;
    std::vector<float> emit(n * kNumTags), trans(kTransDim * kTransDim, 0.0f);
    for (float& x : emit) x = dist(rng);
    std::vector<uint8_t> out(n);
    Viterbi(emit.data(), n, trans.data(), out.data());
    EXPECT_TRUE(Valid(out));
  }
}

TEST(Viterbi, EmptyInput) {
  std::vector<float> trans(kTransDim * kTransDim, 0.0f);
  Viterbi(nullptr, 0, trans.data(), nullptr);  // must not touch anything
}

TEST(Viterbi, FollowsStrongEmissions) {
  std::vector<float> trans(kTransDim * kTransDim, 0.0f);
  std::vector<float> emit(3 * kNumTags, 0.0f);
  emit[0 * kNumTags + MakeTag(TagPart::kB, EntityType::kPerson)] = 5;
  emit[1 * kNumTags + MakeTag(TagPart::kL, EntityType::kPerson)] = 5;
  emit[2 * kNumTags + kTagO] = 5;
  std::vector<uint8_t> out(3);
  Viterbi(emit.data(), 3, trans.data(), out.data());
  EXPECT_EQ(TagName(out[0]), "B-PER");
  EXPECT_EQ(TagName(out[1]), "L-PER");
  EXPECT_EQ(TagName(out[2]), "O");
}

}  // namespace
}  // namespace annals::ner
