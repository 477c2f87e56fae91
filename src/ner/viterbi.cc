// Viterbi over the 17 BILOU tags with the grammar's allowed transitions
// precomputed once (a constant table, not state).
#include "ner/viterbi.h"

#include <array>
#include <cstring>
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
  // The recursion runs over all 17 previous tags for 4 next tags at a time
  // (vector lanes), with forbidden transitions scored -inf: they can never
  // win a strict ">" comparison, so the result equals the scalar loop over
  // allowed predecessors only, ties included (the first, lowest tag wins).
  using V4f = float __attribute__((vector_size(16)));
  using V4i = int32_t __attribute__((vector_size(16)));
  constexpr int kLanes = 20;  // kNumTags rounded up to whole vectors
  constexpr int kVecs = kLanes / 4;
  alignas(16) float t[kNumTags][kLanes];
  for (int a = 0; a < kNumTags; ++a)
    for (int b = 0; b < kLanes; ++b) t[a][b] = kNeg;
  for (int b = 0; b < kNumTags; ++b)
    for (int k = 0; k < g.nprev[b]; ++k) t[g.prev[b][k]][b] = trans[g.prev[b][k] * kTransDim + b];
  std::vector<float> score(n * kLanes, kNeg);
  std::vector<uint8_t> back(n * kLanes);
  for (int b = 0; b < kNumTags; ++b)
    score[b] = g.can_start[b] ? trans[kNumTags * kTransDim + b] + emit[b] : kNeg;
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kLanes];
    V4f best[kVecs];
    V4i arg[kVecs];
    for (int v = 0; v < kVecs; ++v) {
      best[v] = V4f{kNeg, kNeg, kNeg, kNeg};
      arg[v] = V4i{0, 0, 0, 0};
    }
    for (int a = 0; a < kNumTags; ++a) {
      const V4f pa = V4f{prev[a], prev[a], prev[a], prev[a]};
      const V4i va = V4i{a, a, a, a};
      for (int v = 0; v < kVecs; ++v) {
        V4f tv;
        std::memcpy(&tv, &t[a][4 * v], sizeof(tv));
        const V4f cand = pa + tv;
        const V4i win = cand > best[v];
        best[v] = win ? cand : best[v];
        arg[v] = win ? va : arg[v];
      }
    }
    float* cur = &score[i * kLanes];
    uint8_t* bp = &back[i * kLanes];
    const float* e = emit + i * kNumTags;
    alignas(16) float bs[kLanes];
    alignas(16) int32_t as[kLanes];
    std::memcpy(bs, best, sizeof(bs));
    std::memcpy(as, arg, sizeof(as));
    for (int b = 0; b < kNumTags; ++b) {
      cur[b] = bs[b] + e[b];
      bp[b] = static_cast<uint8_t>(as[b]);
    }
  }
  const float* last = &score[(n - 1) * kLanes];
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
  for (size_t i = n - 1; i > 0; --i) out[i - 1] = back[i * kLanes + out[i]];
}

}  // namespace annals::ner
