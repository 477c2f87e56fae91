// EmissionScorer: the NER model's per-token emission scores, computed with
// far fewer model probes than one per feature key, yet exactly equal to the
// reference (sum the weight rows of every key FeatureExtractor::Extract
// produces; ner_scorer_test checks this on real text).
//
// Why it is fast: about three quarters of a token's ~55 features depend on
// one word alone at one position relative to the token — the token itself
// (word, lower-case form, shapes, affixes, cluster, casing profile) or a
// neighbour at -2, -1, +1, +2 (its lower-case form, shape, exact form,
// cluster). Their weight rows are summed once per word type, per position,
// and kept in a cache that lives across sentences and articles; only the
// features that combine two words or depend on the document (bigrams, shape
// pairs, gazetteer positions, document casing, context aggregation) are
// looked up per token. Weights are integers, so regrouping the sums changes
// nothing: same scores, same tags.
//
// Words are first resolved to cache ids (Resolve); ids stay valid until the
// next Resolve, so a document resolved at once can build its DocContext and
// be scored sentence by sentence from the same ids.
//
// Not thread-safe: one scorer per thread (it is part of LabelScratch). A
// scorer serves one model at a time; handing it another model's tables
// drops its cache.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ner/features.h"
#include "ner/hash.h"
#include "ner/huge_pages.h"
#include "ner/lexicon.h"
#include "ner/probe_filter.h"
#include "ner/tags.h"

namespace annals::ner {

// What scoring needs of a model (views into its memory). The weight rows
// are split (NerModel builds the split from the file's rows of kNumTags):
// a row of 17 int16 is 34 bytes, so half the rows of the file straddle two
// cache lines; lanes 0..15 of every row as 32 aligned bytes take one line,
// and the 17th lanes of all rows (190 KB) mostly stay in the CPU's cache.
struct ScoringTables {
  PackedTableView features;               // feature key -> weight row + 1
  const int16_t* rows = nullptr;          // lanes 0..15 of each weight row, kRowLanes per row
  const int16_t* rows_last = nullptr;     // lane 16 of each weight row
  const Lexicon* lexicon = nullptr;       // clusters, casing, gazetteer
  const ProbeFilter* filter = nullptr;    // keys `features` certainly lacks (null: none known)
  static constexpr int kRowLanes = 16;
  static_assert(kNumTags == kRowLanes + 1, "rows split into 16 lanes and one");
  const int16_t* Row(uint32_t row) const { return rows + static_cast<size_t>(row - 1) * kRowLanes; }
  int16_t RowLast(uint32_t row) const { return rows_last[row - 1]; }
};

// Adds the weight row of feature `key` to acc (kNumTags lanes), if the model
// knows the key.
inline void AddFeatureRow(const ScoringTables& t, uint64_t key, int32_t* acc) {
  uint32_t row = t.features.Find(key);
  if (row == 0) return;
  const int16_t* w = t.Row(row);
  for (int k = 0; k < ScoringTables::kRowLanes; ++k) acc[k] += w[k];
  acc[kNumTags - 1] += t.RowLast(row);
}

// Feature keys whose weight rows go to given accumulators, probed as one
// batch: all table slots are prefetched first, then the weight rows, so the
// cache misses overlap instead of queueing (the model is several MB and the
// probes are random). Internal to EmissionScorer.
class KeyBatch {
 public:
  // Queues: acc[0..kNumTags) += row of `key` (if the model knows it); acc
  // has EmissionScorer::kLanes lanes (rows are added in vectors).
  void Add(const ScoringTables& t, uint64_t key, int32_t* acc) {
    if (size_ == kCapacity) Run(t);  // sums commute: an early flush changes nothing
    items_[size_++] = Item{key, acc, 0};
  }
  // Probes and adds everything queued, in order; empties the batch.
  void Run(const ScoringTables& t);

 private:
  struct Item {
    uint64_t key;  // feature key
    int32_t* acc;  // where its row is added
    uint32_t row;  // row + 1, 0 = unknown
  };
  // A new word queues ~35 keys, a word's contexts up to 24: a fixed array
  // (a vector's out-of-line push_back showed in profiles).
  static constexpr size_t kCapacity = 64;
  Item items_[kCapacity];  // queued keys, [0, size_)
  size_t size_ = 0;
};

class EmissionScorer {
 public:
  // A scorer caching at most `max_entries` word types (tests use tiny ones).
  explicit EmissionScorer(size_t max_entries = kDefaultMaxEntries) : max_entries_(max_entries) {}

  // Cache ids of `words` (computing the values of unseen word types) into
  // ids. Invalidates the ids of earlier calls only when the cache is full
  // (it then keeps its most used word types, renumbered, and drops the
  // rest before resolving these words; see Compact).
  void Resolve(const ScoringTables& tables, const std::string_view* words, size_t n, std::vector<uint32_t>* ids);

  // DocContext summary (DocWordOf) of a resolved word.
  const DocWord& doc_word(uint32_t id) const { return entries_[id].dw; }

  // Integer emission sums of one sentence of resolved words into out
  // (n * kNumTags, resized): per token, the sum over its features of their
  // weight rows. `doc` is the document's context, may be null. The tables
  // are those of the Resolve call.
  void ScoreIds(const uint32_t* ids, size_t n, const DocContext* doc, std::vector<int32_t>* out);

  // Fills the context-aggregation memo of every word of `doc` that has
  // contexts, all in a few probe batches (ScoreIds otherwise fills each on
  // first use, one batch per word, each waiting for its own cache misses).
  // The same sums either way. Call after Resolve, with the tables of that
  // call.
  void PrepareMemos(const DocContext& doc);

  // Resolve + ScoreIds for one sentence.
  void Score(const ScoringTables& tables, const std::vector<std::string_view>& words, const DocContext* doc,
             std::vector<int32_t>* out);

  // Word types currently cached (tests, diagnostics).
  size_t cached_words() const { return entries_.size(); }

  // By default at most this many word types are cached (about 0.6 KB
  // each); a Resolve that would overflow the cache first compacts it. One
  // huge document may exceed it.
  static constexpr size_t kDefaultMaxEntries = size_t{1} << 15;

  // Lanes of the cached sums: kNumTags rounded up to whole 16-byte vectors.
  static constexpr int kLanes = 20;

 private:
  // One word type's values (the summed rows are in sums_).
  struct Entry {
    uint32_t word_off = 0;    // the exact word in arena_
    uint32_t word_len = 0;    // its length
    uint32_t lower_off = 0;   // normalised form in arena_
    uint32_t lower_len = 0;   // its length
    TokenValues v;            // WordValues (doc and gaz unset)
    DocWord dw;               // DocWordOf
    bool caps_ready = false;  // the all-caps-sentence self row is computed
  };
  // FeatureKey(tmpl, a) of a word type for the two-word templates, so a
  // token's two-word keys cost one CombineKey each (features.cc's order).
  struct PairKeys {  // 64 bytes: one cache line in the 2 MB-aligned array
    uint64_t as_prev[4] = {};  // the word as the earlier one: kShapePrevCur(shape), kBigramPrev, kLowerPrevShape, kLowerPrevNext (lower)
    uint64_t as_cur[4] = {};   // the word as the token: kShapeCurNext(shape), kBigramNext(lower), kLowerNextShape(shape), kClusterWord(cluster prefix; 0 without a cluster)
  };
  static PairKeys PairKeysOf(uint64_t lower, uint64_t sshape, uint32_t cluster);
  // Rows of an entry in sums_, kLanes int32 each.
  enum Row { kSelf = 0, kSelfCaps, kPrev1, kNext1, kPrev2, kNext2, kRowsPerEntry };

  void Bind(const ScoringTables& tables);
  void Clear();
  // Makes room for `incoming` more word types: keeps the entries looked up
  // most often since they were added or last kept (at most half the
  // capacity; their hit counts halve, so old favourites fade), renumbered
  // in their old order, and drops the rest (rare words: numbers, one-off
  // names). Starting afresh instead threw away the common words too and
  // recomputed them, ~60% of all new-word work on Reuters-21578.
  void Compact(size_t incoming);
  uint32_t Lookup(std::string_view word, uint64_t hash);  // entry index (hash = HashBytes(word)), computed on a miss
  void Fill(uint32_t id, std::string_view word);
  // Zeroes w's memo and queues its context features' rows into it.
  void QueueMemo(const DocContext::Word& w);
  // Zeroes acc and queues the keys of the token's own one-word features.
  void QueueSelf(const Entry& e, bool caps_sentence, int32_t* acc);
  int32_t* SumRow(uint32_t id, Row r) { return &sums_[(static_cast<size_t>(id) * kRowsPerEntry + r) * kLanes]; }
  std::string_view Lower(const Entry& e) const { return std::string_view(arena_).substr(e.lower_off, e.lower_len); }

  ScoringTables tables_;                   // the model served (cache key)
  // The cache's large arrays are on huge pages (huge_pages.h): every token
  // reads five rows of sums_ from anywhere in its 16 MB.
  template <class T>
  using HugeVector = std::vector<T, HugePageAllocator<T>>;
  HugeVector<Entry> entries_;              // cached word types
  HugeVector<uint64_t> hashes_;            // HashBytes of each entry's word
  HugeVector<PairKeys> pair_keys_;         // PairKeysOf each entry's word
  HugeVector<int32_t> sums_;               // kRowsPerEntry rows of kLanes per entry
  // Open addressing over entries: a slot holds enough to confirm a match
  // without touching the entry for words of up to 8 bytes.
  struct Slot {
    uint32_t tag = 0;     // high 32 bits of the word's hash
    uint32_t id = 0;      // entry + 1, 0 = empty
    uint64_t head = 0;    // the word's first 8 bytes (zero-padded)
    uint32_t len = 0;     // the word's length
    uint32_t hits = 0;    // lookups that found it since it was added or kept (Compact)
  };
  size_t max_entries_;                     // cache capacity in word types
  HugeVector<Slot> slots_;                 // power-of-two size, at most half full
  std::string arena_;                      // words and normalised forms of entries_
  std::string arena_scratch_;              // Compact's new arena (kept for its buffer)
  std::string lower_scratch_;              // WordValues output buffer
  KeyBatch batch_;                         // probes of a new entry's rows
  // Rows of features with few possible values, summed once per model.
  alignas(16) int32_t bos_prev1_[kLanes] = {};  // sentence start as the previous word
  alignas(16) int32_t bos_prev2_[kLanes] = {};  // ... as the word two before
  alignas(16) int32_t eos_next1_[kLanes] = {};  // sentence end as the next word
  alignas(16) int32_t eos_next2_[kLanes] = {};  // ... as the word two after
  alignas(16) int32_t doc_case_[4][16][kLanes] = {};  // kDocCase by DocContext flags and cap bits
  alignas(16) int32_t cap_pattern_[16][kLanes] = {};  // kPrevCapNextCap by its value
  alignas(16) int32_t gaz_none_[kLanes] = {};   // kGazPrev(0) + kGazNext(0)
  PairKeys bos_pair_;                      // as_prev of the sentence start (as_cur unused)
  // Per-sentence scratch.
  std::vector<uint32_t> ids_;              // Score(): entry per token
  std::vector<uint64_t> word_hashes_;      // Resolve(): HashBytes of each word
  std::vector<TokenValues> info_;          // per token: gaz marks (MarkGazetteer)
  std::vector<std::string_view> lowers_;   // per token normalised form
  std::vector<int32_t> acc_;               // n * kLanes sums being built
  std::vector<uint64_t> keys_;             // per-token context feature keys
  std::vector<uint32_t> key_offsets_;      // token i's keys: [key_offsets_[i], key_offsets_[i+1])
  std::vector<uint32_t> key_rows_;         // row + 1 of each key, 0 = unknown
};

}  // namespace annals::ner
