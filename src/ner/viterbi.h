// Viterbi decoding of the best BILOU tag sequence under a first-order model:
// per-token emission scores plus tag-to-tag transition scores. Transitions
// the BILOU grammar forbids (I after O, B at the end, ...) are never taken, so
// the output always parses into well-formed spans.
#pragma once

#include <cstddef>
#include <cstdint>

namespace annals::ner {

// Size of the transition matrix: row kNumTags is "sentence start", column
// kNumTags is "sentence end"; trans[a * (kNumTags+1) + b] scores a -> b.
inline constexpr int kTransDim = 18;  // kNumTags + 1

// Writes the best tags for `n` tokens into out[0..n). `emit` holds n rows of
// kNumTags scores. n may be 0. Thread-safe. Ties go to the lower tag id, so
// the result is deterministic.
void Viterbi(const float* emit, size_t n, const float* trans, uint8_t* out);

}  // namespace annals::ner
