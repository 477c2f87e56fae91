// Tests of the Viterbi decoder: against brute force over every valid tag
// sequence on random scores (differential test), against the scalar
// recursion on tie-heavy scores (exact tags), and grammar compliance.
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

// The textbook recursion, one scalar comparison per allowed (previous,
// next) pair in ascending order with strict ">" (ties go to the lower tag):
// the decoder, whatever its vector layout, must return exactly this.
std::vector<uint8_t> ScalarViterbi(const std::vector<float>& emit, const std::vector<float>& trans, size_t n) {
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * kNumTags, kNeg);
  std::vector<uint8_t> back(n * kNumTags, 0);
  for (int b = 0; b < kNumTags; ++b)
    if (TransitionAllowed(-1, b)) score[b] = trans[kNumTags * kTransDim + b] + emit[b];
  for (size_t i = 1; i < n; ++i) {
    for (int b = 0; b < kNumTags; ++b) {
      float best = kNeg;
      int arg = 0;
      for (int a = 0; a < kNumTags; ++a) {
        if (!TransitionAllowed(a, b)) continue;
        float cand = score[(i - 1) * kNumTags + a] + trans[a * kTransDim + b];
        if (cand > best) {
          best = cand;
          arg = a;
        }
      }
      score[i * kNumTags + b] = best + emit[i * kNumTags + b];
      back[i * kNumTags + b] = static_cast<uint8_t>(arg);
    }
  }
  float best = kNeg;
  int arg = kTagO;
  for (int b = 0; b < kNumTags; ++b) {
    if (!TransitionAllowed(b, -1)) continue;
    float s = score[(n - 1) * kNumTags + b] + trans[b * kTransDim + kNumTags];
    if (s > best) {
      best = s;
      arg = b;
    }
  }
  std::vector<uint8_t> out(n);
  out[n - 1] = static_cast<uint8_t>(arg);
  for (size_t i = n - 1; i > 0; --i) out[i - 1] = back[i * kNumTags + out[i]];
  return out;
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

TEST(Viterbi, SameAsScalarRecursionTiesIncluded) {
  // Small integer scores make ties common: the lower tag must win each one
  // exactly as in the scalar recursion (model scores are integer sums times
  // a scale, so real inputs tie too).
  std::mt19937 rng(5);
  for (int trial = 0; trial < 400; ++trial) {
    size_t n = 1 + trial % 50;
    const int range = trial % 4 == 0 ? 1 : 3;
    std::uniform_int_distribution<int> dist(-range, range);
    std::vector<int32_t> sums(n * kNumTags);
    std::vector<float> emit(n * kNumTags), trans(kTransDim * kTransDim);
    for (size_t k = 0; k < sums.size(); ++k) {
      sums[k] = dist(rng);
      emit[k] = static_cast<float>(sums[k]) * 0.25f;
    }
    for (float& x : trans) x = trial % 8 == 1 ? 0.0f : static_cast<float>(dist(rng)) * 0.5f;
    std::vector<uint8_t> out(n);
    Viterbi(emit.data(), n, trans.data(), out.data());
    ASSERT_EQ(out, ScalarViterbi(emit, trans, n)) << "trial " << trial;
    // Both recursions: 4-float (SSE2) and, where the CPU has it, 8-float (AVX2).
    for (bool wide : {false, true}) {
      ViterbiDecoder decoder(trans.data());
      decoder.UseWide(wide);
      std::vector<uint8_t> from_sums(n);
      decoder.DecodeSums(sums.data(), n, 0.25f, from_sums.data());
      ASSERT_EQ(from_sums, out) << "trial " << trial << " wide " << wide;
    }
  }
}

TEST(Viterbi, WideAndNarrowAgreeOnRandomScores) {
  // Real-valued sums over a long sentence, both vector widths against the
  // scalar recursion (the wide one only where this CPU has AVX2).
  if (!ViterbiDecoder::WideAvailable()) GTEST_SKIP() << "no AVX2 on this CPU";
  std::mt19937 rng(13);
  std::uniform_int_distribution<int> dist(-2000, 2000);
  for (int trial = 0; trial < 50; ++trial) {
    const size_t n = 1 + static_cast<size_t>(trial) * 7;
    std::vector<int32_t> sums(n * kNumTags);
    std::vector<float> emit(n * kNumTags), trans(kTransDim * kTransDim);
    for (size_t k = 0; k < sums.size(); ++k) {
      sums[k] = dist(rng);
      emit[k] = static_cast<float>(sums[k]) * 0.001f;
    }
    for (float& x : trans) x = static_cast<float>(dist(rng)) * 0.001f;
    const std::vector<uint8_t> expected = ScalarViterbi(emit, trans, n);
    for (bool wide : {false, true}) {
      ViterbiDecoder decoder(trans.data());
      decoder.UseWide(wide);
      std::vector<uint8_t> out(n);
      decoder.DecodeSums(sums.data(), n, 0.001f, out.data());
      ASSERT_EQ(out, expected) << "trial " << trial << " wide " << wide;
    }
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
