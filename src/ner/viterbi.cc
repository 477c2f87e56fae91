// Viterbi over the 17 BILOU tags with the grammar's allowed transitions
// laid out once: the recursion keeps its rows in a "lane" order in which the
// tags that share their allowed previous tags sit side by side, so one
// vector step scores many next tags. The step is written once for vectors
// of 4 floats (SSE2, any x86-64) and compiled a second time for 8 (AVX2),
// picked at run time; both do the same float additions and comparisons, so
// they return the same tags.
#include "ner/viterbi.h"

#include <array>
#include <cstring>
#include <limits>
#include <vector>

#include "ner/tags.h"

namespace annals::ner {

namespace {

constexpr float kNeg = -std::numeric_limits<float>::infinity();

// BILOU has two kinds of next tag by their allowed previous tags:
// - I-X and L-X may follow only B-X or I-X (X's own open chunk);
// - O, B-* and U-* may follow only O, L-* or U-* (no chunk open).
// Lanes 0..7 hold the eight I-/L- tags (pairs by type, I before L), lanes
// 8..16 the nine others in ascending order. viterbi_test holds the
// recursion to the scalar one over TransitionAllowed, ties included.
constexpr int kInLanes = 8;   // lanes 0..7
constexpr int kOutLane0 = 8;  // lanes 8..16
constexpr int kOutLanes = 9;
constexpr std::array<uint8_t, kNumTags> kLaneTag = {2, 3, 6, 7, 10, 11, 14, 15, 0, 1, 4, 5, 8, 9, 12, 13, 16};
// The previous tags an O, B-* or U-* may follow, ascending (the order of
// the scalar recursion's scan), and their lanes.
constexpr std::array<uint8_t, kOutLanes> kOutPred = {0, 3, 4, 7, 8, 11, 12, 15, 16};
constexpr std::array<uint8_t, kOutLanes> kOutPredLane = {8, 1, 10, 3, 12, 5, 14, 7, 16};
// For the I-/L- lane l, its type's B tag is at lane 8 + (l | 1) and its I
// tag at lane (l & ~1): within a block of lanes 8..15 (or 0..7), B-X sits
// at offset 2t+1 and I-X at 2t, the offsets the shuffles below pick.

constexpr std::array<uint8_t, kNumTags> LaneOfTag() {
  std::array<uint8_t, kNumTags> lane{};
  for (int l = 0; l < kNumTags; ++l) lane[kLaneTag[l]] = static_cast<uint8_t>(l);
  return lane;
}
constexpr std::array<uint8_t, kNumTags> kTagLane = LaneOfTag();

// (GCC drops a vector_size that depends on a template parameter.)
template <int W>
struct Vec;
template <>
struct Vec<4> {
  using F = float __attribute__((vector_size(16)));
  using I = int32_t __attribute__((vector_size(16)));
};
template <>
struct Vec<8> {
  using F = float __attribute__((vector_size(32)));
  using I = int32_t __attribute__((vector_size(32)));
};

// The helpers below pass 8-float vectors by value, which GCC notes (at the
// end of the file, hence no pop) as an ABI change where AVX is off; they
// are always inlined into the AVX2 functions, so no call with that ABI
// exists.
#pragma GCC diagnostic ignored "-Wpsabi"

template <class V>
[[gnu::always_inline]] inline V Load(const float* p) {
  V v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}
template <class V>
[[gnu::always_inline]] inline void Store(float* p, const V& v) {
  std::memcpy(p, &v, sizeof(v));
}

// Lane shuffles by constant indices: GCC's __builtin_shuffle takes them as
// an index vector (of the enclosing Kernel's type I), clang's
// __builtin_shufflevector (the fuzz build) as constants.
#if defined(__clang__)
#define ANNALS_SHUFFLE2(a, b, ...) __builtin_shufflevector(a, b, __VA_ARGS__)
#define ANNALS_SHUFFLE1(a, ...) __builtin_shufflevector(a, a, __VA_ARGS__)
#else
#define ANNALS_SHUFFLE2(a, b, ...) __builtin_shuffle(a, b, I{__VA_ARGS__})
#define ANNALS_SHUFFLE1(a, ...) __builtin_shuffle(a, I{__VA_ARGS__})
#endif

// max per lane as a strict ">" scan keeps it: cand if cand > best, else
// best (the rule of x86's maxps, which GCC emits for this form).
template <class V>
[[gnu::always_inline]] inline V Max(const V& cand, const V& best) {
  return cand > best ? cand : best;
}
[[gnu::always_inline]] inline float MaxScalar(float cand, float best) { return cand > best ? cand : best; }

// The forward recursion and the emissions' conversion, for vectors of W
// floats. Only ever inlined into DecodeSse / DecodeAvx2 below, which give
// the code its instruction set.
template <int W>
struct Kernel {
  using F = typename Vec<W>::F;
  using I = typename Vec<W>::I;

  // Lane-ordered emissions of n tokens: float(sums[tag]) * scale, the
  // scalar conversion and product per lane.
  [[gnu::always_inline]] static void Emissions(const int32_t* sums, size_t n, float scale, float* emit) {
    for (size_t i = 0; i < n; ++i) {
      const int32_t* s = sums + i * kNumTags;
      float* e = emit + i * ViterbiDecoder::kRowStride;
      if constexpr (W == 8) {
        I a, b;
        std::memcpy(&a, s, sizeof(a));
        std::memcpy(&b, s + 8, sizeof(b));
        const F sc = F{} + scale;
        const F fa = __builtin_convertvector(a, F) * sc;
        const F fb = __builtin_convertvector(b, F) * sc;
        Store(e, ANNALS_SHUFFLE2(fa, fb, 2, 3, 6, 7, 10, 11, 14, 15));
        Store(e + 8, ANNALS_SHUFFLE2(fa, fb, 0, 1, 4, 5, 8, 9, 12, 13));
      } else {
        static_assert(W == 4);
        I a, b, c, d;
        std::memcpy(&a, s, sizeof(a));
        std::memcpy(&b, s + 4, sizeof(b));
        std::memcpy(&c, s + 8, sizeof(c));
        std::memcpy(&d, s + 12, sizeof(d));
        const F sc = F{} + scale;
        const F fa = __builtin_convertvector(a, F) * sc;
        const F fb = __builtin_convertvector(b, F) * sc;
        const F fc = __builtin_convertvector(c, F) * sc;
        const F fd = __builtin_convertvector(d, F) * sc;
        Store(e, ANNALS_SHUFFLE2(fa, fb, 2, 3, 6, 7));
        Store(e + 4, ANNALS_SHUFFLE2(fc, fd, 2, 3, 6, 7));
        Store(e + 8, ANNALS_SHUFFLE2(fa, fb, 0, 1, 4, 5));
        Store(e + 12, ANNALS_SHUFFLE2(fc, fd, 0, 1, 4, 5));
      }
      e[16] = static_cast<float>(s[16]) * scale;
    }
  }

  // Lane k of the result is lane k | 1 (OddLanes) or k & ~1 (EvenLanes) of
  // v: each I-/L- lane reads its type's B or I lane.
  [[gnu::always_inline]] static F OddLanes(F v) {
    if constexpr (W == 8) return ANNALS_SHUFFLE1(v, 1, 1, 3, 3, 5, 5, 7, 7);
    else return ANNALS_SHUFFLE1(v, 1, 1, 3, 3);
  }
  [[gnu::always_inline]] static F EvenLanes(F v) {
    if constexpr (W == 8) return ANNALS_SHUFFLE1(v, 0, 0, 2, 2, 4, 4, 6, 6);
    else return ANNALS_SHUFFLE1(v, 0, 0, 2, 2);
  }

  // Score rows 1..n-1 from row 0: for every next tag, the best of its
  // allowed previous tags' score + transition, scanned in ascending tag
  // order, plus its emission.
  [[gnu::always_inline]] static void Forward(const ViterbiDecoder::Layout& t, const float* emit, size_t n,
                                             float* score) {
    constexpr int kOutVecs = 8 / W;  // lanes 8..15 in vectors; lane 16 scalar
    for (size_t i = 1; i < n; ++i) {
      const float* prev = score + (i - 1) * ViterbiDecoder::kRowStride;
      float* cur = score + i * ViterbiDecoder::kRowStride;
      const float* e = emit + i * ViterbiDecoder::kRowStride;
      // I-X, L-X: from B-X, then from I-X.
      for (int h = 0; h < kInLanes / W; ++h) {
        const F pb = OddLanes(Load<F>(prev + kOutLane0 + h * W));
        const F pi = EvenLanes(Load<F>(prev + h * W));
        F best = Max(pb + Load<F>(t.in_from_b.data() + h * W), F{} + kNeg);
        best = Max(pi + Load<F>(t.in_from_i.data() + h * W), best);
        Store(cur + h * W, best + Load<F>(e + h * W));
      }
      // O, B-*, U-*: from O, L-*, U-*.
      F best[kOutVecs];
      for (int v = 0; v < kOutVecs; ++v) best[v] = F{} + kNeg;
      float best16 = kNeg;
#pragma GCC unroll 9
      for (int j = 0; j < kOutLanes; ++j) {
        const float p = prev[kOutPredLane[j]];
        const float* tj = t.out.data() + j * ViterbiDecoder::kOutStride;
        for (int v = 0; v < kOutVecs; ++v) best[v] = Max((F{} + p) + Load<F>(tj + v * W), best[v]);
        best16 = MaxScalar(p + tj[8], best16);
      }
      for (int v = 0; v < kOutVecs; ++v) Store(cur + kOutLane0 + v * W, best[v] + Load<F>(e + kOutLane0 + v * W));
      cur[kOutLane0 + 8] = best16 + e[kOutLane0 + 8];
    }
  }
};

[[gnu::noinline]] void ForwardSse(const ViterbiDecoder::Layout& t, const float* emit, size_t n, float* score) {
  Kernel<4>::Forward(t, emit, n, score);
}
[[gnu::noinline]] void EmissionsSse(const int32_t* sums, size_t n, float scale, float* emit) {
  Kernel<4>::Emissions(sums, n, scale, emit);
}
#if defined(__x86_64__) && !defined(__AVX2__)
#define ANNALS_VITERBI_AVX2 1
// Not FMA: a fused multiply-add would round differently from SSE2's path.
[[gnu::noinline, gnu::target("avx2")]] void ForwardAvx2(const ViterbiDecoder::Layout& t, const float* emit, size_t n,
                                                         float* score) {
  Kernel<8>::Forward(t, emit, n, score);
}
[[gnu::noinline, gnu::target("avx2")]] void EmissionsAvx2(const int32_t* sums, size_t n, float scale, float* emit) {
  Kernel<8>::Emissions(sums, n, scale, emit);
}
#endif

bool CpuHasAvx2() {
#if defined(ANNALS_VITERBI_AVX2)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
#else
  return false;
#endif
}

// Per-thread rows of the recursion (emissions and scores, lane order).
struct Rows {
  std::vector<float> emit;
  std::vector<float> score;
};
Rows& ThreadRows(size_t n) {
  thread_local Rows rows;
  const size_t need = n * ViterbiDecoder::kRowStride;
  if (rows.emit.size() < need) rows.emit.resize(need, 0.0f);
  if (rows.score.size() < need) rows.score.resize(need, 0.0f);
  return rows;
}

}  // namespace

void Viterbi(const float* emit, size_t n, const float* trans, uint8_t* out) {
  if (n == 0) return;
  ViterbiDecoder(trans).Decode(emit, n, out);
}

bool ViterbiDecoder::WideAvailable() { return CpuHasAvx2(); }

void ViterbiDecoder::UseWide(bool wide) { wide_ = wide && WideAvailable(); }

void ViterbiDecoder::Reset(const float* trans) {
  std::memcpy(trans_.data(), trans, sizeof(trans_));
  for (int l = 0; l < kInLanes; ++l) {
    const int b = kLaneTag[l];
    const int type_b = 1 + 4 * ((b - 1) / 4);  // B-X of b's type X
    layout_.in_from_b[l] = trans[type_b * kTransDim + b];
    layout_.in_from_i[l] = trans[(type_b + 1) * kTransDim + b];
  }
  for (int l = 0; l < kNumTags; ++l) {
    const int b = kLaneTag[l];
    layout_.start[l] = TransitionAllowed(-1, b) ? trans[kNumTags * kTransDim + b] : kNeg;
  }
  for (int b = 0; b < kNumTags; ++b) layout_.can_end[b] = TransitionAllowed(b, -1);
  layout_.out.fill(kNeg);
  for (int j = 0; j < kOutLanes; ++j)
    for (int l = 0; l < kOutLanes; ++l) layout_.out[j * kOutStride + l] = trans[kOutPred[j] * kTransDim + kLaneTag[kOutLane0 + l]];
  wide_ = WideAvailable();
}

void ViterbiDecoder::Decode(const float* emit, size_t n, uint8_t* out) const {
  if (n == 0) return;
  Rows& rows = ThreadRows(n);
  for (size_t i = 0; i < n; ++i)
    for (int l = 0; l < kNumTags; ++l) rows.emit[i * kRowStride + l] = emit[i * kNumTags + kLaneTag[l]];
  Run(rows.emit.data(), n, out);
}

void ViterbiDecoder::DecodeSums(const int32_t* sums, size_t n, float scale, uint8_t* out) const {
  if (n == 0) return;
  Rows& rows = ThreadRows(n);
#if defined(ANNALS_VITERBI_AVX2)
  if (wide_) {
    EmissionsAvx2(sums, n, scale, rows.emit.data());
  } else {
    EmissionsSse(sums, n, scale, rows.emit.data());
  }
#else
  EmissionsSse(sums, n, scale, rows.emit.data());
#endif
  Run(rows.emit.data(), n, out);
}

void ViterbiDecoder::Run(const float* emit, size_t n, uint8_t* out) const {
  const float* trans = trans_.data();
  // Forward pass: scores only. The best previous tag of each (token, tag)
  // is not recorded but recomputed along the winning path when tracing
  // back, from the same floats with the same additions and scan: the same
  // tag, ties included.
  float* score = ThreadRows(n).score.data();
  for (int l = 0; l < kNumTags; ++l) score[l] = layout_.start[l] + emit[l];
#if defined(ANNALS_VITERBI_AVX2)
  if (wide_) {
    ForwardAvx2(layout_, emit, n, score);
  } else {
    ForwardSse(layout_, emit, n, score);
  }
#else
  ForwardSse(layout_, emit, n, score);
#endif
  const float* last = score + (n - 1) * kRowStride;
  float best = kNeg;
  int arg = kTagO;
  for (int b = 0; b < kNumTags; ++b) {
    if (!layout_.can_end[b]) continue;
    float s = last[kTagLane[b]] + trans[b * kTransDim + kNumTags];
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
    const float* prev = score + (i - 1) * kRowStride;
    int from;
    const TagPart part = PartOf(b);
    if (part == TagPart::kI || part == TagPart::kL) {
      const int type_b = 1 + 4 * ((b - 1) / 4);
      const float from_b = prev[kTagLane[type_b]] + trans[type_b * kTransDim + b];
      const float from_i = prev[kTagLane[type_b + 1]] + trans[(type_b + 1) * kTransDim + b];
      float top = kNeg;
      from = 0;
      if (from_b > top) {
        top = from_b;
        from = type_b;
      }
      if (from_i > top) from = type_b + 1;
    } else {
      float top = kNeg;
      from = 0;
#pragma GCC unroll 9  // constant previous tags and lanes: no loop left
      for (int j = 0; j < kOutLanes; ++j) {
        const int a = kOutPred[j];
        const float cand = prev[kOutPredLane[j]] + trans[a * kTransDim + b];
        if (cand > top) {
          top = cand;
          from = a;
        }
      }
    }
    out[i - 1] = static_cast<uint8_t>(from);
  }
}

}  // namespace annals::ner
