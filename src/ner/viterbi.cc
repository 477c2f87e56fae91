// Viterbi over the 17 BILOU tags with the grammar's allowed transitions
// precomputed once (a constant table, not state).
#include "ner/viterbi.h"

#include <array>
#include <limits>
#include <vector>

#include "ner/tags.h"

namespace annals::ner {

namespace {

struct Grammar {
  // prev[b] lists the tags a with TransitionAllowed(a, b).
  std::array<std::array<uint8_t, kNumTags>, kNumTags> prev{};
  std::array<int, kNumTags> nprev{};
  std::array<bool, kNumTags> can_start{};
  std::array<bool, kNumTags> can_end{};
  Grammar() {
    for (int b = 0; b < kNumTags; ++b) {
      for (int a = 0; a < kNumTags; ++a)
        if (TransitionAllowed(a, b)) prev[b][nprev[b]++] = static_cast<uint8_t>(a);
      can_start[b] = TransitionAllowed(-1, b);
      can_end[b] = TransitionAllowed(b, -1);
    }
  }
};

const Grammar& GetGrammar() {
  static const Grammar g;
  return g;
}

}  // namespace

void Viterbi(const float* emit, size_t n, const float* trans, uint8_t* out) {
  if (n == 0) return;
  const Grammar& g = GetGrammar();
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * kNumTags);
  std::vector<uint8_t> back(n * kNumTags);
  for (int b = 0; b < kNumTags; ++b)
    score[b] = g.can_start[b] ? trans[kNumTags * kTransDim + b] + emit[b] : kNeg;
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kNumTags];
    float* cur = &score[i * kNumTags];
    uint8_t* bp = &back[i * kNumTags];
    const float* e = emit + i * kNumTags;
    for (int b = 0; b < kNumTags; ++b) {
      float best = kNeg;
      uint8_t arg = 0;
      for (int k = 0; k < g.nprev[b]; ++k) {
        int a = g.prev[b][k];
        float s = prev[a] + trans[a * kTransDim + b];
        if (s > best) {
          best = s;
          arg = static_cast<uint8_t>(a);
        }
      }
      cur[b] = best + e[b];
      bp[b] = arg;
    }
  }
  const float* last = &score[(n - 1) * kNumTags];
  float best = kNeg;
  int arg = kTagO;
  for (int b = 0; b < kNumTags; ++b) {
    if (!g.can_end[b]) continue;
    float s = last[b] + trans[b * kTransDim + kNumTags];
    if (s > best) {
      best = s;
      arg = b;
    }
  }
  out[n - 1] = static_cast<uint8_t>(arg);
  for (size_t i = n - 1; i > 0; --i) out[i - 1] = back[i * kNumTags + out[i]];
}

}  // namespace annals::ner
