// Viterbi over the 17 BILOU tags with the grammar's allowed transitions
// precomputed once (a constant table, not state): next tags that share their
// allowed previous tags are scored together in vector lanes.
#include "ner/viterbi.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <vector>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

#include "ner/tags.h"

namespace annals::ner {

namespace {

constexpr int kVec = 4;                              // floats per vector
constexpr int kMaxVecs = (kNumTags + kVec - 1) / kVec;  // vectors of the widest group

struct Grammar {
  // prev[b] lists the tags a with TransitionAllowed(a, b), in ascending order.
  std::array<std::array<uint8_t, kNumTags>, kNumTags> prev{};
  std::array<int, kNumTags> nprev{};
  std::array<bool, kNumTags> can_start{};
  std::array<bool, kNumTags> can_end{};
  // Next tags grouped by their list of allowed previous tags: BILOU has only
  // five such lists (O, B-*, U-* may follow O, L-*, U-*; I-X and L-X follow
  // B-X, I-X), so the recursion runs over 9 or 2 previous tags per group
  // instead of all 17 for every next tag.
  struct Group {
    int ntags = 0;                          // next tags in the group
    std::array<uint8_t, kNumTags> tag{};    // them, ascending
    int nvec = 0;                           // vectors covering ntags lanes
    int lane0 = 0;                          // first lane of the group
    int npred = 0;                          // allowed previous tags
    std::array<uint8_t, kNumTags> pred{};   // their lanes, by ascending tag
    int t_at = 0;                           // offset of the group's transitions in t_
  };
  std::array<Group, kNumTags> group{};
  int ngroups = 0;
  std::array<uint8_t, kNumTags> lane{};  // tag -> lane
  int nlanes = 0;                        // lanes used (row stride of the recursion)
  Grammar() {
    for (int b = 0; b < kNumTags; ++b) {
      for (int a = 0; a < kNumTags; ++a)
        if (TransitionAllowed(a, b)) prev[b][nprev[b]++] = static_cast<uint8_t>(a);
      can_start[b] = TransitionAllowed(-1, b);
      can_end[b] = TransitionAllowed(b, -1);
    }
    for (int b = 0; b < kNumTags; ++b) {
      int g = 0;
      while (g < ngroups && !SamePrev(group[g].tag[0], b)) ++g;
      if (g == ngroups) ++ngroups;
      group[g].tag[group[g].ntags++] = static_cast<uint8_t>(b);
    }
    int t_at = 0;
    for (int g = 0; g < ngroups; ++g) {
      Group& gr = group[g];
      gr.nvec = (gr.ntags + kVec - 1) / kVec;
      gr.lane0 = nlanes;
      for (int l = 0; l < gr.ntags; ++l) lane[gr.tag[l]] = static_cast<uint8_t>(nlanes + l);
      nlanes += gr.nvec * kVec;
      gr.t_at = t_at;
      t_at += nprev[gr.tag[0]] * gr.nvec * kVec;
    }
    for (int g = 0; g < ngroups; ++g) {
      Group& gr = group[g];
      const int b0 = gr.tag[0];
      gr.npred = nprev[b0];
      for (int j = 0; j < gr.npred; ++j) gr.pred[j] = lane[prev[b0][j]];
    }
  }
  bool SamePrev(int b1, int b2) const {
    return nprev[b1] == nprev[b2] && std::equal(prev[b1].begin(), prev[b1].begin() + nprev[b1], prev[b2].begin());
  }
};

const Grammar& GetGrammar() {
  static const Grammar g;
  return g;
}

using V4f = float __attribute__((vector_size(16)));

// max(cand, best) per lane: cand if cand > best, else best (the x86
// instruction's exact rule), i.e. the running maximum of a strict ">" scan.
inline V4f Max(V4f cand, V4f best) {
#if defined(__SSE__)
  return _mm_max_ps(cand, best);
#else
  return cand > best ? cand : best;
#endif
}

// One group's step: for its next tags (NV vectors of lanes), the best score
// over the group's allowed previous tags (lanes `pred` of the previous row)
// plus the emission. `t` holds npred rows of NV vectors: the transition
// scores from each allowed previous tag to the group's tags.
template <int NV>
void GroupStep(const float* prev_row, const uint8_t* pred, int npred, const float* t, const float* e, float* cur) {
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  V4f best[NV];
#pragma GCC unroll 8
  for (int v = 0; v < NV; ++v) best[v] = V4f{kNeg, kNeg, kNeg, kNeg};
  for (int j = 0; j < npred; ++j) {
    const float p = prev_row[pred[j]];
    const V4f pa = V4f{p, p, p, p};
#pragma GCC unroll 8  // keeps best[] in registers
    for (int v = 0; v < NV; ++v) {
      V4f tv;
      std::memcpy(&tv, t + (j * NV + v) * kVec, sizeof(tv));
      best[v] = Max(pa + tv, best[v]);
    }
  }
#pragma GCC unroll 8
  for (int v = 0; v < NV; ++v) {
    V4f ev;
    std::memcpy(&ev, e + v * kVec, sizeof(ev));
    const V4f c = best[v] + ev;
    std::memcpy(cur + v * kVec, &c, sizeof(c));
  }
}

// Per-thread rows of the recursion (emissions and scores, lane order).
struct Rows {
  std::vector<float> emit;
  std::vector<float> score;
};
Rows& ThreadRows(size_t n) {
  thread_local Rows rows;
  const size_t need = n * ViterbiDecoder::kMaxLanes;
  // Padding lanes keep the 0 they are created with (their sums are never read).
  if (rows.emit.size() < need) rows.emit.resize(need, 0.0f);
  if (rows.score.size() < need) rows.score.resize(need);
  return rows;
}

}  // namespace

void Viterbi(const float* emit, size_t n, const float* trans, uint8_t* out) {
  if (n == 0) return;
  ViterbiDecoder(trans).Decode(emit, n, out);
}

void ViterbiDecoder::Reset(const float* trans) {
  const Grammar& g = GetGrammar();
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  std::memcpy(trans_.data(), trans, sizeof(trans_));
  for (int k = 0; k < g.ngroups; ++k) {
    const Grammar::Group& gr = g.group[k];
    const int b0 = gr.tag[0];
    int at = gr.t_at;
    for (int j = 0; j < g.nprev[b0]; ++j) {
      const int a = g.prev[b0][j];
      for (int l = 0; l < gr.nvec * kVec; ++l) t_[at++] = l < gr.ntags ? trans[a * kTransDim + gr.tag[l]] : kNeg;
    }
  }
}

void ViterbiDecoder::Decode(const float* emit, size_t n, uint8_t* out) const {
  if (n == 0) return;
  const Grammar& g = GetGrammar();
  Rows& rows = ThreadRows(n);
  for (size_t i = 0; i < n; ++i)
    for (int b = 0; b < kNumTags; ++b) rows.emit[i * g.nlanes + g.lane[b]] = emit[i * kNumTags + b];
  Run(rows.emit.data(), n, out);
}

void ViterbiDecoder::DecodeSums(const int32_t* sums, size_t n, float scale, uint8_t* out) const {
  if (n == 0) return;
  const Grammar& g = GetGrammar();
  Rows& rows = ThreadRows(n);
  for (size_t i = 0; i < n; ++i)
    for (int b = 0; b < kNumTags; ++b)
      rows.emit[i * g.nlanes + g.lane[b]] = static_cast<float>(sums[i * kNumTags + b]) * scale;
  Run(rows.emit.data(), n, out);
}

void ViterbiDecoder::Run(const float* emit, size_t n, uint8_t* out) const {
  const Grammar& g = GetGrammar();
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  const float* trans = trans_.data();
  // Forward pass: scores only, every next tag scanning exactly its allowed
  // previous tags in ascending order with a strict ">" (vector max), as the
  // scalar recursion does. The best previous tag of each (token, tag) is not
  // recorded but recomputed along the winning path when tracing back, from
  // the same floats with the same additions and scan: the same tag, ties
  // included (viterbi_test checks against the scalar recursion).
  float* score = ThreadRows(n).score.data();
  for (int b = 0; b < kNumTags; ++b)
    score[g.lane[b]] = g.can_start[b] ? trans[kNumTags * kTransDim + b] + emit[g.lane[b]] : kNeg;
  for (size_t i = 1; i < n; ++i) {
    const float* prev = score + (i - 1) * g.nlanes;
    float* cur = score + i * g.nlanes;
    const float* e = emit + i * g.nlanes;
    for (int k = 0; k < g.ngroups; ++k) {
      const Grammar::Group& gr = g.group[k];
      const float* tk = t_.data() + gr.t_at;
      const int l0 = gr.lane0;
      switch (gr.nvec) {
        case 1: GroupStep<1>(prev, gr.pred.data(), gr.npred, tk, e + l0, cur + l0); break;
        case 2: GroupStep<2>(prev, gr.pred.data(), gr.npred, tk, e + l0, cur + l0); break;
        case 3: GroupStep<3>(prev, gr.pred.data(), gr.npred, tk, e + l0, cur + l0); break;
        case 4: GroupStep<4>(prev, gr.pred.data(), gr.npred, tk, e + l0, cur + l0); break;
        default: GroupStep<kMaxVecs>(prev, gr.pred.data(), gr.npred, tk, e + l0, cur + l0); break;
      }
    }
  }
  const float* last = score + (n - 1) * g.nlanes;
  float best = kNeg;
  int arg = kTagO;
  for (int b = 0; b < kNumTags; ++b) {
    if (!g.can_end[b]) continue;
    float s = last[g.lane[b]] + trans[b * kTransDim + kNumTags];
    if (s > best) {
      best = s;
      arg = b;
    }
  }
  out[n - 1] = static_cast<uint8_t>(arg);
  for (size_t i = n - 1; i > 0; --i) {
    // The previous tag that gave out[i] its score: the first (lowest) of its
    // allowed previous tags with the highest score + transition.
    const int b = out[i];
    const float* prev = score + (i - 1) * g.nlanes;
    float top = kNeg;
    int from = 0;
    for (int j = 0; j < g.nprev[b]; ++j) {
      const int a = g.prev[b][j];
      const float cand = prev[g.lane[a]] + trans[a * kTransDim + b];
      if (cand > top) {
        top = cand;
        from = a;
      }
    }
    out[i - 1] = static_cast<uint8_t>(from);
  }
}

}  // namespace annals::ner
