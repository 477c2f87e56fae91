// The fast emission scorer: per-word-type sums of one-word features, looked
// up in a cache; per-token lookups only for features that combine words or
// depend on the document. The key lists below mirror
// FeatureExtractor::Extract (features.cc) template by template; any change
// there must be made here too (ner_scorer_test compares the two).
#include "ner/scorer.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <span>

#include "ner/feature_templates.h"

namespace annals::ner {

namespace {

using V4 = int32_t __attribute__((vector_size(16)));
using V8 = int32_t __attribute__((vector_size(32)));
constexpr int kLanes = EmissionScorer::kLanes;

// acc += row over kLanes lanes: two 8-lane and one 4-lane vector adds (in
// ScoreIds' AVX2 clone three instructions, elsewhere five SSE2 ones).
inline void AddRow(int32_t* acc, const int32_t* row) {
  static_assert(kLanes == 20, "8 + 8 + 4 lanes");
  V8 a0, a1, r0, r1;
  V4 a2, r2;
  std::memcpy(&a0, acc, sizeof(V8));
  std::memcpy(&r0, row, sizeof(V8));
  std::memcpy(&a1, acc + 8, sizeof(V8));
  std::memcpy(&r1, row + 8, sizeof(V8));
  std::memcpy(&a2, acc + 16, sizeof(V4));
  std::memcpy(&r2, row + 16, sizeof(V4));
  a0 += r0;
  a1 += r1;
  a2 += r2;
  std::memcpy(acc, &a0, sizeof(V8));
  std::memcpy(acc + 8, &a1, sizeof(V8));
  std::memcpy(acc + 16, &a2, sizeof(V4));
}

// acc[0..kNumTags) += weight row `row` of t (sign-extended): two 8-lane
// widening adds and one scalar; acc must have kLanes lanes. Integer sums, so
// the same values as the lane-by-lane loop.
inline void AddWeights(int32_t* acc, const ScoringTables& t, uint32_t row) {
  const int16_t* w = t.Row(row);
  static_assert(kNumTags == 17 && kLanes >= 16, "two vectors of 8 and one scalar");
  using V8s = int16_t __attribute__((vector_size(16)));
  using V8i = int32_t __attribute__((vector_size(32)));
  V8s lo, hi;
  std::memcpy(&lo, w, sizeof(lo));
  std::memcpy(&hi, w + 8, sizeof(hi));
  V8i a0, a1;
  std::memcpy(&a0, acc, sizeof(a0));
  std::memcpy(&a1, acc + 8, sizeof(a1));
  a0 += __builtin_convertvector(lo, V8i);
  a1 += __builtin_convertvector(hi, V8i);
  std::memcpy(acc, &a0, sizeof(a0));
  std::memcpy(acc + 8, &a1, sizeof(a1));
  acc[16] += t.RowLast(row);
}

void Zero(int32_t* row) { std::memset(row, 0, sizeof(int32_t) * kLanes); }

// Makes v at least n long, never shorter (scratch whose used part the
// caller tracks).
template <class V>
void GrowTo(V* v, size_t n) {
  if (v->size() < n) v->resize(n);
}

// The four 4-bit gazetteer positions of a token as one value (as Extract).
uint64_t GazCode(const TokenValues& t) {
  const uint8_t* g = t.gaz;
  return static_cast<uint64_t>(g[0] | (g[1] << 4) | (g[2] << 8) | (g[3] << 12));
}

uint64_t CapBits(const TokenValues& t, bool caps_sentence) {
  return (t.cap ? 1 : 0) | (t.allcaps ? 2 : 0) | (caps_sentence ? 4 : 0);
}

}  // namespace

// GCC only: clang (the fuzz build) wants target_clones on the declaration
// before the first use, and on a declaration GCC's resolvers in other
// translation units cannot see its local clones. Without it the portable
// code runs: the same integer sums.
#if defined(__x86_64__) && !defined(__AVX2__) && !defined(__clang__)
[[gnu::target_clones("avx2", "default")]]
#endif
void KeyBatch::Run(const ScoringTables& t) {
  const PackedTableView& ft = t.features;
  for (const Item& it : std::span(items_, size_)) __builtin_prefetch(ft.slots + (static_cast<uint32_t>(it.key) & ft.mask));
  for (Item& it : std::span(items_, size_)) {
    it.row = ft.Find(it.key);
    if (it.row != 0) {
      __builtin_prefetch(t.Row(it.row));
      __builtin_prefetch(t.rows_last + it.row - 1);
    }
  }
  for (const Item& it : std::span(items_, size_)) {
    if (it.row == 0) continue;
    AddWeights(it.acc, t, it.row);
  }
  size_ = 0;
}

void EmissionScorer::Bind(const ScoringTables& tables) {
  if (tables.features.slots == tables_.features.slots && tables.features.mask == tables_.features.mask &&
      tables.rows == tables_.rows && tables.rows_last == tables_.rows_last && tables.lexicon == tables_.lexicon &&
      tables.filter == tables_.filter && !slots_.empty())
    return;
  tables_ = tables;
  Clear();
  const ScoringTables& t = tables_;
  auto zero = Zero;
  zero(bos_prev1_);
  AddFeatureRow(t, FeatureKey(kLowerPrev, kBosHash), bos_prev1_);
  AddFeatureRow(t, FeatureKey(kShapePrev, kBosHash), bos_prev1_);
  AddFeatureRow(t, FeatureKey(kWordPrev, kBosHash), bos_prev1_);
  AddFeatureRow(t, FeatureKey(kClusterPrev, kBosHash), bos_prev1_);  // 4-bit prefix
  AddFeatureRow(t, FeatureKey(kClusterPrev, kBosHash), bos_prev1_);  // 10-bit prefix
  zero(bos_prev2_);
  AddFeatureRow(t, FeatureKey(kLowerPrev2, kBosHash), bos_prev2_);
  zero(eos_next1_);
  AddFeatureRow(t, FeatureKey(kLowerNext, kEosHash), eos_next1_);
  AddFeatureRow(t, FeatureKey(kShapeNext, kEosHash), eos_next1_);
  AddFeatureRow(t, FeatureKey(kWordNext, kEosHash), eos_next1_);
  AddFeatureRow(t, FeatureKey(kClusterNext, kEosHash), eos_next1_);
  AddFeatureRow(t, FeatureKey(kClusterNext, kEosHash), eos_next1_);
  zero(eos_next2_);
  AddFeatureRow(t, FeatureKey(kLowerNext2, kEosHash), eos_next2_);
  for (uint64_t flags = 0; flags < 4; ++flags) {
    for (uint64_t bits = 0; bits < 16; ++bits) {
      zero(doc_case_[flags][bits]);
      AddFeatureRow(t, FeatureKey(kDocCase, flags, bits), doc_case_[flags][bits]);
    }
  }
  for (uint64_t v = 0; v < 16; ++v) {
    zero(cap_pattern_[v]);
    AddFeatureRow(t, FeatureKey(kPrevCapNextCap, v), cap_pattern_[v]);
  }
  zero(gaz_none_);
  AddFeatureRow(t, FeatureKey(kGazPrev, 0), gaz_none_);
  AddFeatureRow(t, FeatureKey(kGazNext, 0), gaz_none_);
  bos_pair_ = PairKeysOf(kBosHash, kBosHash, 0);
}

EmissionScorer::PairKeys EmissionScorer::PairKeysOf(uint64_t lower, uint64_t sshape, uint32_t cluster) {
  PairKeys k;
  k.as_prev[0] = FeatureKey(kShapePrevCur, sshape);
  k.as_prev[1] = FeatureKey(kBigramPrev, lower);
  k.as_prev[2] = FeatureKey(kLowerPrevShape, lower);
  k.as_prev[3] = FeatureKey(kLowerPrevNext, lower);
  k.as_cur[0] = FeatureKey(kShapeCurNext, sshape);
  k.as_cur[1] = FeatureKey(kBigramNext, lower);
  k.as_cur[2] = FeatureKey(kLowerNextShape, sshape);
  k.as_cur[3] = cluster != 0 ? FeatureKey(kClusterWord, ClusterPrefix(cluster, 6)) : 0;
  return k;
}

void EmissionScorer::Clear() {
  entries_.clear();
  hashes_.clear();
  pair_keys_.clear();
  sums_.clear();
  if (entries_.capacity() < max_entries_) {
    entries_.reserve(max_entries_);
    hashes_.reserve(max_entries_);
    pair_keys_.reserve(max_entries_);
    sums_.reserve(max_entries_ * kRowsPerEntry * kLanes);
  }
  size_t slots = 16;
  while (slots < 2 * max_entries_) slots <<= 1;
  slots_.assign(slots, Slot());
  arena_.clear();
}

namespace {

// The word's first 8 bytes, zero-padded (as a memcpy of min(8, size)
// bytes into a zeroed word, on a little-endian machine). Fixed-size loads
// only: a memcpy of a variable length is a library call per word.
uint64_t Head(std::string_view word) {
  const char* p = word.data();
  const size_t n = word.size();
  const auto load = [p](size_t at, auto zero) {
    decltype(zero) v;
    std::memcpy(&v, p + at, sizeof(v));
    return static_cast<uint64_t>(v);
  };
  if constexpr (std::endian::native == std::endian::little) {
    if (n >= 8) return load(0, uint64_t{0});
    if (n >= 4) return load(0, uint32_t{0}) | (load(n - 4, uint32_t{0}) << (8 * (n - 4)));
    if (n == 0) return 0;
    const auto byte = [p](size_t k) { return static_cast<uint64_t>(static_cast<unsigned char>(p[k])); };
    return byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
  } else {
    uint64_t h = 0;
    std::memcpy(&h, p, std::min<size_t>(8, n));
    return h;
  }
}

// a[8..n) == b[8..n) for n > 8, in 8-byte loads (the last one overlapping
// its predecessor): the word cache confirms a long word this way instead
// of calling memcmp.
bool SameTail(const char* a, const char* b, size_t n) {
  const auto load = [](const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof(v));
    return v;
  };
  size_t i = 8;
  for (; i + 8 < n; i += 8)
    if (load(a + i) != load(b + i)) return false;
  return load(a + n - 8) == load(b + n - 8);
}

}  // namespace

void EmissionScorer::Compact(size_t incoming) {
  // Keep at most half the capacity (and leave room for the incoming words):
  // the entries with the most hits, by a threshold from a histogram.
  const size_t room = incoming >= max_entries_ ? 0 : std::min(max_entries_ / 2, max_entries_ - incoming);
  constexpr uint32_t kTop = 255;
  std::vector<uint32_t> hist(kTop + 1, 0);
  for (const Slot& s : slots_)
    if (s.id != 0) ++hist[std::min(s.hits, kTop)];
  uint32_t threshold = kTop + 1;  // keep entries with hits >= threshold
  size_t kept = 0;
  for (uint32_t h = kTop; h >= 1; --h) {
    if (kept + hist[h] > room) break;
    kept += hist[h];
    threshold = h;
  }
  if (kept == 0) {
    Clear();
    return;
  }
  std::vector<std::pair<uint32_t, uint32_t>> keep;  // (old id, hits)
  keep.reserve(kept);
  for (const Slot& s : slots_)
    if (s.id != 0 && s.hits >= threshold) keep.emplace_back(s.id - 1, s.hits);
  std::sort(keep.begin(), keep.end());
  arena_scratch_.clear();
  for (size_t k = 0; k < keep.size(); ++k) {
    const uint32_t from = keep[k].first;
    const uint32_t to = static_cast<uint32_t>(k);  // to <= from: moving down in place is safe
    Entry e = entries_[from];
    const std::string_view word = std::string_view(arena_).substr(e.word_off, e.word_len);
    const std::string_view lower = std::string_view(arena_).substr(e.lower_off, e.lower_len);
    e.word_off = static_cast<uint32_t>(arena_scratch_.size());
    arena_scratch_.append(word);
    e.lower_off = static_cast<uint32_t>(arena_scratch_.size());
    arena_scratch_.append(lower);
    entries_[to] = e;
    hashes_[to] = hashes_[from];
    pair_keys_[to] = pair_keys_[from];
    if (to != from)
      std::memmove(SumRow(to, kSelf), SumRow(from, kSelf), sizeof(int32_t) * kRowsPerEntry * kLanes);
  }
  arena_.swap(arena_scratch_);
  entries_.resize(keep.size());
  hashes_.resize(keep.size());
  pair_keys_.resize(keep.size());
  sums_.resize(keep.size() * kRowsPerEntry * kLanes);
  std::fill(slots_.begin(), slots_.end(), Slot());
  const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
  for (size_t k = 0; k < keep.size(); ++k) {
    const Entry& e = entries_[k];
    const std::string_view word = std::string_view(arena_).substr(e.word_off, e.word_len);
    uint32_t i = static_cast<uint32_t>(hashes_[k]) & mask;
    while (slots_[i].id != 0) i = (i + 1) & mask;
    slots_[i] = Slot{static_cast<uint32_t>(hashes_[k] >> 32), static_cast<uint32_t>(k + 1), Head(word),
                     e.word_len, keep[k].second / 2};
  }
}

void EmissionScorer::QueueSelf(const Entry& e, bool caps_sentence, int32_t* acc) {
  // Extract's keys that depend only on the token's own word (and on whether
  // the sentence is in capitals), in its order.
  const TokenValues& t = e.v;
  Zero(acc);
  batch_.Add(tables_, FeatureKey(kBias, 0), acc);
  batch_.Add(tables_, FeatureKey(kWord, t.word), acc);
  batch_.Add(tables_, FeatureKey(kLower, t.lower), acc);
  batch_.Add(tables_, FeatureKey(kShape, t.shape), acc);
  batch_.Add(tables_, FeatureKey(kShortShape, t.sshape), acc);
  for (int a = 0; a < t.naffix; ++a) {
    batch_.Add(tables_, FeatureKey(kPrefix, t.pre[a], a), acc);
    batch_.Add(tables_, FeatureKey(kSuffix, t.suf[a], a), acc);
  }
  if (t.naffix >= 3) batch_.Add(tables_, FeatureKey(kSuffixCap, t.suf[2], t.cap ? 1 : 0), acc);
  batch_.Add(tables_, FeatureKey(kLenShape, t.sshape, std::min(t.len, 12)), acc);
  if (caps_sentence) {
    batch_.Add(tables_, FeatureKey(kCapsSent, t.sshape), acc);
    batch_.Add(tables_, FeatureKey(kCapsSentLower, t.lower), acc);
  }
  if (t.cluster != 0) {
    for (uint32_t bits : {4u, 6u, 10u, 20u}) batch_.Add(tables_, FeatureKey(kCluster, ClusterPrefix(t.cluster, bits)), acc);
  } else {
    batch_.Add(tables_, FeatureKey(kCluster, 0), acc);
  }
  batch_.Add(tables_, FeatureKey(kCasing, t.casing, CapBits(t, caps_sentence)), acc);
  if (t.dotted) batch_.Add(tables_, FeatureKey(kDotted, t.cap ? 1 : 0), acc);
}

void EmissionScorer::Fill(uint32_t id, std::string_view word) {
  Entry& e = entries_[id];
  WordValues(word, *tables_.lexicon, &e.v, &lower_scratch_);
  const TokenValues& t = e.v;
  e.dw = DocWordOf(word, t.lower);
  e.word_off = static_cast<uint32_t>(arena_.size());
  e.word_len = static_cast<uint32_t>(word.size());
  arena_.append(word);
  e.lower_off = static_cast<uint32_t>(arena_.size());
  e.lower_len = static_cast<uint32_t>(lower_scratch_.size());
  arena_.append(lower_scratch_);
  e.caps_ready = false;
  pair_keys_[id] = PairKeysOf(t.lower, t.sshape, t.cluster);
  QueueSelf(e, false, SumRow(id, kSelf));
  Zero(SumRow(id, kSelfCaps));
  int32_t* prev1 = SumRow(id, kPrev1);
  Zero(prev1);
  batch_.Add(tables_, FeatureKey(kLowerPrev, t.lower), prev1);
  batch_.Add(tables_, FeatureKey(kShapePrev, t.sshape), prev1);
  batch_.Add(tables_, FeatureKey(kWordPrev, t.word), prev1);
  batch_.Add(tables_, FeatureKey(kClusterPrev, ClusterPrefix(t.cluster, 4)), prev1);
  batch_.Add(tables_, FeatureKey(kClusterPrev, ClusterPrefix(t.cluster, 10)), prev1);
  int32_t* next1 = SumRow(id, kNext1);
  Zero(next1);
  batch_.Add(tables_, FeatureKey(kLowerNext, t.lower), next1);
  batch_.Add(tables_, FeatureKey(kShapeNext, t.sshape), next1);
  batch_.Add(tables_, FeatureKey(kWordNext, t.word), next1);
  batch_.Add(tables_, FeatureKey(kClusterNext, ClusterPrefix(t.cluster, 4)), next1);
  batch_.Add(tables_, FeatureKey(kClusterNext, ClusterPrefix(t.cluster, 10)), next1);
  int32_t* prev2 = SumRow(id, kPrev2);
  Zero(prev2);
  batch_.Add(tables_, FeatureKey(kLowerPrev2, t.lower), prev2);
  int32_t* next2 = SumRow(id, kNext2);
  Zero(next2);
  batch_.Add(tables_, FeatureKey(kLowerNext2, t.lower), next2);
  batch_.Run(tables_);
}

uint32_t EmissionScorer::Lookup(std::string_view word, uint64_t h) {
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  const uint64_t head = Head(word);
  const uint32_t len = static_cast<uint32_t>(word.size());
  const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
  uint32_t i = static_cast<uint32_t>(h) & mask;
  for (;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.id == 0) break;
    if (s.tag != tag || s.head != head || s.len != len) continue;
    if (len > 8) {
      const Entry& e = entries_[s.id - 1];
      if (!SameTail(arena_.data() + e.word_off, word.data(), len)) continue;
    }  // else head and length are the whole word
    ++s.hits;
    return s.id - 1;
  }
  const uint32_t id = static_cast<uint32_t>(entries_.size());
  entries_.emplace_back();
  hashes_.push_back(h);
  pair_keys_.emplace_back();
  sums_.resize(sums_.size() + kRowsPerEntry * kLanes);
  Fill(id, word);
  slots_[i] = Slot{tag, id + 1, head, len};
  if (entries_.size() * 2 > slots_.size()) {
    // Only one document with more word types than the capacity gets here.
    HugeVector<Slot> bigger(slots_.size() * 2);
    const uint32_t bmask = static_cast<uint32_t>(bigger.size() - 1);
    for (const Slot& s : slots_) {
      if (s.id == 0) continue;
      uint32_t j = static_cast<uint32_t>(hashes_[s.id - 1]) & bmask;
      while (bigger[j].id != 0) j = (j + 1) & bmask;
      bigger[j] = s;
    }
    slots_.swap(bigger);
  }
  return id;
}

void EmissionScorer::Resolve(const ScoringTables& tables, const std::string_view* words, size_t n,
                             std::vector<uint32_t>* ids) {
  Bind(tables);
  if (entries_.size() + n > max_entries_) Compact(n);
  ids->resize(n);
  // Hashes first, so the slot of the word a few places ahead can be
  // prefetched: the slot table (1.5 MB) does not stay in the CPU's cache.
  GrowTo(&word_hashes_, n);
  for (size_t i = 0; i < n; ++i) word_hashes_[i] = HashBytes(words[i]);
  constexpr size_t kAhead = 6;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) __builtin_prefetch(&slots_[static_cast<uint32_t>(word_hashes_[i + kAhead]) & (slots_.size() - 1)]);
    (*ids)[i] = Lookup(words[i], word_hashes_[i]);
  }
}

void EmissionScorer::QueueMemo(const DocContext::Word& w) {
  // The model's weights identify whose sums the memo holds.
  static_assert(sizeof(w.memo) == sizeof(int32_t) * kLanes, "memo holds one row of sums");
  Zero(w.memo);
  const std::vector<uint64_t>& ctx = w.contexts;
  for (size_t k = 0; k + 1 < ctx.size(); k += 2) {
    batch_.Add(tables_, FeatureKey(kAggPrev, ctx[k]), w.memo);
    batch_.Add(tables_, FeatureKey(kAggNext, ctx[k + 1]), w.memo);
  }
  w.memo_owner = tables_.rows;  // filled by the time the batch runs
}

void EmissionScorer::PrepareMemos(const DocContext& doc) {
  for (size_t i = 0; i < doc.size(); ++i) {
    const DocContext::Word& w = doc.word(i);
    if (!w.contexts.empty() && w.memo_owner != tables_.rows) QueueMemo(w);
  }
  batch_.Run(tables_);
}

void EmissionScorer::Score(const ScoringTables& tables, const std::vector<std::string_view>& words,
                           const DocContext* doc, std::vector<int32_t>* out) {
  Resolve(tables, words.data(), words.size(), &ids_);
  ScoreIds(ids_.data(), ids_.size(), doc, out);
}

// Compiled twice, for any x86-64 (SSE2) and for CPUs with AVX2 (picked at
// load through an ifunc): the row adds and the int16 widening take half
// the instructions with 8-lane vectors. Integer sums: the same values.
#if defined(__x86_64__) && !defined(__AVX2__) && !defined(__clang__)
[[gnu::target_clones("avx2", "default")]]
#endif
void EmissionScorer::ScoreIds(const uint32_t* ids, size_t n, const DocContext* doc, std::vector<int32_t>* out) {
  out->resize(n * kNumTags);
  if (n == 0) return;
  int caps_tokens = 0;
  int letter_tokens = 0;
  // Per-sentence buffers only grow: a resize up value-initialises (zero-
  // fills) the new part, and sentence lengths go up and down (memset from
  // these resizes was ~1% of the extract's instructions). Every element
  // read below is written first.
  GrowTo(&info_, n);
  GrowTo(&lowers_, n);
  // The entries of a long article's words may have left the CPU's cache
  // since Resolve: the lines this loop reads, a few words ahead.
  constexpr size_t kEntryAhead = 4;
  const auto prefetch_entry = [this](uint32_t id) {
    const char* p = reinterpret_cast<const char*>(&entries_[id]);
    __builtin_prefetch(p);
    __builtin_prefetch(p + offsetof(Entry, v) + offsetof(TokenValues, cap));
  };
  for (size_t i = 0; i < std::min(n, kEntryAhead); ++i) prefetch_entry(ids[i]);
  for (size_t i = 0; i < n; ++i) {
    if (i + kEntryAhead < n) prefetch_entry(ids[i + kEntryAhead]);
    const Entry& e = entries_[ids[i]];
    if (e.v.has_letter) {
      ++letter_tokens;
      if (e.v.upper_only) ++caps_tokens;
    }
    info_[i].cap = e.v.cap;
    std::memset(info_[i].gaz, 0, sizeof(info_[i].gaz));
    lowers_[i] = Lower(e);
  }
  MarkGazetteer(*tables_.lexicon, n, lowers_.data(), info_.data());
  const bool caps_sentence = letter_tokens >= 2 && caps_tokens * 2 > letter_tokens;

  GrowTo(&acc_, n * kLanes);
  // The per-token keys (at most 16 a token), each table slot prefetched
  // as its key is made: the token loop's other work then overlaps the
  // misses, instead of the probes below waiting for them.
  GrowTo(&keys_, 16 * n);
  uint64_t* const keys = keys_.data();
  size_t nkeys = 0;
  const PackedTableView& ft = tables_.features;
  // Keys the probe filter rules out are not probed at all (more than half:
  // bigrams and shape pairs the training data never had). The filter is
  // only asked after the token loop: here each key's filter word is
  // prefetched, so the filter's cache misses overlap; testing at once made
  // every key wait for its miss and then branch on the answer, which no
  // predictor guesses (a third of the scorer's samples sat on that load).
  const ProbeFilter* filter = tables_.filter != nullptr && tables_.filter->bytes() != 0 ? tables_.filter : nullptr;
  auto push = [&](uint64_t key) {
    if (filter != nullptr) {
      filter->Prefetch(ProbeFilter::Hash(key));
    } else {
      __builtin_prefetch(ft.slots + (static_cast<uint32_t>(key) & ft.mask));
    }
    keys[nkeys++] = key;
  };
  key_offsets_.assign(1, 0);
  for (size_t i = 0; i < n; ++i) {
    if (i + 3 < n) {
      // The rows a later token will read (the cache is larger than the CPU's).
      const uint32_t ahead = ids[i + 3];
      const char* block = reinterpret_cast<const char*>(SumRow(ahead, kSelf));
      for (int r : {kSelf, kPrev1, kNext1, kPrev2, kNext2}) {
        __builtin_prefetch(block + r * kLanes * 4);
        __builtin_prefetch(block + r * kLanes * 4 + 64);
      }
      __builtin_prefetch(&entries_[ahead]);
      __builtin_prefetch(reinterpret_cast<const char*>(&entries_[ahead]) + 64);
      __builtin_prefetch(reinterpret_cast<const char*>(&entries_[ahead]) + offsetof(Entry, v) + offsetof(TokenValues, cap));
      __builtin_prefetch(&pair_keys_[ahead]);
    }
    const uint32_t id = ids[i];
    Entry& e = entries_[id];
    const TokenValues& t = e.v;
    int32_t* acc = acc_.data() + i * kLanes;
    // One-word features of the token and of its neighbours, cached.
    if (caps_sentence && !e.caps_ready) {
      QueueSelf(e, true, SumRow(id, kSelfCaps));
      batch_.Run(tables_);
      e.caps_ready = true;
    }
    std::memcpy(acc, SumRow(id, caps_sentence ? kSelfCaps : kSelf), sizeof(int32_t) * kLanes);
    const Entry* prev = i > 0 ? &entries_[ids[i - 1]] : nullptr;
    const Entry* next = i + 1 < n ? &entries_[ids[i + 1]] : nullptr;
    AddRow(acc, prev != nullptr ? SumRow(ids[i - 1], kPrev1) : bos_prev1_);
    AddRow(acc, next != nullptr ? SumRow(ids[i + 1], kNext1) : eos_next1_);
    AddRow(acc, i > 1 ? SumRow(ids[i - 2], kPrev2) : bos_prev2_);
    AddRow(acc, i + 2 < n ? SumRow(ids[i + 2], kNext2) : eos_next2_);
    // Features with few values, from tables.
    const uint64_t capbits = CapBits(t, caps_sentence);
    const DocContext::Word* dword = doc != nullptr ? doc->Find(t.lower) : nullptr;
    const uint32_t doc_flags = dword != nullptr ? dword->flags : 0;
    AddRow(acc, doc_case_[doc_flags & 3][capbits | (i == 0 ? 8 : 0)]);
    const bool prev_cap = prev != nullptr && prev->v.cap;
    const bool next_cap = next != nullptr && next->v.cap;
    AddRow(acc, cap_pattern_[(prev_cap ? 1 : 0) | (next_cap ? 2 : 0) | (t.cap ? 4 : 0) | (i == 0 ? 8 : 0)]);
    const uint64_t gaz_prev = i > 0 ? GazCode(info_[i - 1]) : 0;
    const uint64_t gaz_next = i + 1 < n ? GazCode(info_[i + 1]) : 0;
    if (gaz_prev == 0 && gaz_next == 0) {
      AddRow(acc, gaz_none_);
    } else {
      push(FeatureKey(kGazPrev, gaz_prev));
      push(FeatureKey(kGazNext, gaz_next));
    }
    // Context aggregation: the same for every occurrence of the word in the
    // document, so summed once per word and document.
    if (t.cap && dword != nullptr && !dword->contexts.empty()) {
      if (dword->memo_owner != tables_.rows) {  // not prepared (PrepareMemos)
        QueueMemo(*dword);
        batch_.Run(tables_);
      }
      AddRow(acc, dword->memo);
    }
    // Features that combine two words: looked up per token, below.
    // Their first halves (FeatureKey(tmpl, a) of the word at the first
    // position) are cached per word type: FeatureKey(tmpl, a, b) is
    // CombineKey(FeatureKey(tmpl, a), b).
    const uint64_t lp = prev != nullptr ? prev->v.lower : kBosHash;
    const uint64_t ln = next != nullptr ? next->v.lower : kEosHash;
    const uint64_t sn = next != nullptr ? next->v.sshape : kEosHash;
    const PairKeys& kp = prev != nullptr ? pair_keys_[ids[i - 1]] : bos_pair_;
    const PairKeys& kc = pair_keys_[id];
    push(CombineKey(kp.as_prev[0], t.sshape));  // kShapePrevCur (prev shape, shape)
    push(CombineKey(kc.as_cur[0], sn));         // kShapeCurNext (shape, next shape)
    push(CombineKey(kp.as_prev[1], t.lower));   // kBigramPrev (prev lower, lower)
    push(CombineKey(kc.as_cur[1], ln));         // kBigramNext (lower, next lower)
    push(CombineKey(kp.as_prev[2], t.sshape));  // kLowerPrevShape (prev lower, shape)
    push(CombineKey(kc.as_cur[2], ln));         // kLowerNextShape (shape, next lower)
    push(CombineKey(kp.as_prev[3], ln));        // kLowerPrevNext (prev lower, next lower)
    if (i == 0) {
      push(FeatureKey(kFirstShape, t.sshape));
      push(FeatureKey(kLowerFirst, t.lower));
      push(FeatureKey(kCasingFirst, t.casing, capbits));
    }
    if (t.cluster != 0) push(CombineKey(kc.as_cur[3], lp));  // kClusterWord (cluster prefix, prev lower)
    const uint64_t g = GazCode(info_[i]);
    if (g != 0) {
      push(FeatureKey(kGaz, g));
      push(FeatureKey(kGazCap, g, capbits));
    }
    if (t.dotted) push(FeatureKey(kDotted, ln, 2));
    key_offsets_.push_back(static_cast<uint32_t>(nkeys));
  }

  // The filter's answers, without a branch on each: keys it rules out are
  // dropped by not advancing the write position, and the table slot of a
  // kept key is prefetched (of a dropped one, a harmless line of keys_).
  if (filter != nullptr) {
    size_t kept = 0;
    size_t from = 0;
    for (size_t i = 0; i < n; ++i) {
      const size_t to = key_offsets_[i + 1];
      for (size_t f = from; f < to; ++f) {
        const uint64_t key = keys[f];
        const bool hit = filter->MayHitHashed(ProbeFilter::Hash(key));
        keys[kept] = key;
        const void* slot = ft.slots + (static_cast<uint32_t>(key) & ft.mask);
        __builtin_prefetch(hit ? slot : static_cast<const void*>(keys));
        kept += hit ? 1 : 0;
      }
      from = to;
      key_offsets_[i + 1] = static_cast<uint32_t>(kept);
    }
    nkeys = kept;
  }

  // Memory-bound: every key is a random probe into the feature table and
  // then into the weight rows. The slots were prefetched above; the rows
  // are prefetched here, all before the first is added.
  GrowTo(&key_rows_, nkeys);
  for (size_t f = 0; f < nkeys; ++f) {
    uint32_t row = ft.Find(keys[f]);
    key_rows_[f] = row;
    if (row != 0) {
      __builtin_prefetch(tables_.Row(row));
      __builtin_prefetch(tables_.rows_last + row - 1);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    alignas(16) int32_t acc[kLanes];
    std::memcpy(acc, acc_.data() + i * kLanes, sizeof(acc));
    for (uint32_t f = key_offsets_[i]; f < key_offsets_[i + 1]; ++f) {
      uint32_t row = key_rows_[f];
      if (row == 0) continue;
      AddWeights(acc, tables_, row);
    }
    std::memcpy(out->data() + i * kNumTags, acc, sizeof(int32_t) * kNumTags);
  }
}

}  // namespace annals::ner
