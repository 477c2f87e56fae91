// Viterbi decoding of the best BILOU tag sequence under a first-order model:
// per-token emission scores plus tag-to-tag transition scores. Transitions
// the BILOU grammar forbids (I after O, B at the end, ...) are never taken, so
// the output always parses into well-formed spans.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ner/tags.h"

namespace annals::ner {

// Size of the transition matrix: row kNumTags is "sentence start", column
// kNumTags is "sentence end"; trans[a * (kNumTags+1) + b] scores a -> b.
inline constexpr int kTransDim = 18;  // kNumTags + 1

// Writes the best tags for `n` tokens into out[0..n). `emit` holds n rows of
// kNumTags scores. n may be 0. Thread-safe. Ties go to the lower tag id, so
// the result is deterministic.
void Viterbi(const float* emit, size_t n, const float* trans, uint8_t* out);

// The same decoder with the transitions laid out once (for a model's fixed
// matrix) and the emissions taken as integer sums times a scale: the tags of
// Viterbi(emit, n, trans, out) with emit[k] = float(sums[k]) * scale.
// Thread-safe (per-thread scratch).
class ViterbiDecoder {
 public:
  ViterbiDecoder() = default;  // use only after Reset
  explicit ViterbiDecoder(const float* trans) { Reset(trans); }
  // Copies and lays out `trans` (kTransDim^2 scores).
  void Reset(const float* trans);
  void DecodeSums(const int32_t* sums, size_t n, float scale, uint8_t* out) const;
  void Decode(const float* emit, size_t n, uint8_t* out) const;

  // Emission and score rows in "lane" order: next tags grouped by their set
  // of allowed previous tags, each group padded to whole 4-float vectors.
  static constexpr int kMaxLanes = kNumTags * 4;

 private:
  // Runs the recursion over `e`: n rows of lane-ordered emissions.
  void Run(const float* e, size_t n, uint8_t* out) const;

  std::array<float, kTransDim * kTransDim> trans_{};           // as given
  alignas(16) std::array<float, kNumTags * kNumTags * 4> t_{};  // per group: allowed previous tag x lanes
};

}  // namespace annals::ner
