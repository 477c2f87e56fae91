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
// Thread-safe (per-thread scratch). On x86-64 CPUs with AVX2 the recursion
// runs in 8-float vectors, elsewhere in 4-float SSE2 ones: the same
// additions and comparisons, the same tags.
class ViterbiDecoder {
 public:
  ViterbiDecoder() = default;  // use only after Reset
  explicit ViterbiDecoder(const float* trans) { Reset(trans); }
  // Copies and lays out `trans` (kTransDim^2 scores); picks the widest
  // vectors the CPU has.
  void Reset(const float* trans);
  void DecodeSums(const int32_t* sums, size_t n, float scale, uint8_t* out) const;
  void Decode(const float* emit, size_t n, uint8_t* out) const;

  // Whether this build and CPU can run the 8-float (AVX2) recursion.
  static bool WideAvailable();
  // Tests: run the 8-float recursion (if WideAvailable) or the 4-float one.
  void UseWide(bool wide);

  // Emission and score rows in "lane" order (viterbi.cc): the 8 I-/L- tags,
  // then the 9 others; rows padded to whole 8-float vectors.
  static constexpr int kRowStride = 24;
  static constexpr int kOutStride = 12;  // floats per row of Layout::out

  // The transitions in the recursion's order.
  struct Layout {
    std::array<float, 8> in_from_b{};   // lane l < 8: B-X -> lane l's tag (X its type)
    std::array<float, 8> in_from_i{};   // lane l < 8: I-X -> lane l's tag
    std::array<float, 9 * kOutStride> out{};  // j-th allowed previous (O, L-*, U-*) -> lane 8 + l, -inf padded
    std::array<float, kNumTags> start{};      // sentence start -> lane l's tag, -inf if not allowed
    std::array<bool, kNumTags> can_end{};     // by tag: may end a sentence
  };

 private:
  // Runs the recursion over `e`: n rows of lane-ordered emissions.
  void Run(const float* e, size_t n, uint8_t* out) const;

  std::array<float, kTransDim * kTransDim> trans_{};  // as given
  Layout layout_;                                     // trans_ in lane order
  bool wide_ = false;                                 // run the AVX2 recursion
};

}  // namespace annals::ner
