// ProbeFilter: a small Bloom filter in front of a HashTableView that says
// "this key's probe will certainly find nothing" for most keys the table
// does not hold, without touching the table.
//
// Why: more than half the feature keys scoring probes per token (bigrams,
// shape pairs of text unlike the training data) are not in the model. Each
// such probe still costs a random read of the 2 MB feature table; the
// filter (a few hundred KB, mostly in the CPU's second-level cache) answers
// most of them.
//
// Exact, never a false "absent": Find(key) can only succeed at an occupied
// slot reachable from the key's home slot without crossing an empty slot,
// and only if the key's fingerprint is stored there. The filter holds every
// (home slot, fingerprint) pair for which that is possible: for each
// occupied slot, its fingerprint with every home slot from the start of its
// run of occupied slots up to itself. A key whose pair is not in the filter
// would find nothing. (False "maybe" answers only cost the probe.)
#pragma once

#include <cstdint>
#include <vector>

#include "ner/hash.h"

namespace annals::ner {

class ProbeFilter {
 public:
  // Builds the filter of table t (empty table: MayHit is always false).
  void Build(const HashTableView& t);

  // False if Find(key) on the table is certainly 0.
  bool MayHit(uint64_t key) const {
    if (words_.empty()) return false;
    return MayHitHashed(Hash(key));
  }
  // MayHit in two steps, so a caller can prefetch the filter's word for
  // many keys before testing any (the 256 KB filter does not stay in the
  // CPU's cache while scoring streams through the word cache): the
  // filter's hash of a key, the word it tests prefetched, then the test.
  // Not for an empty filter (bytes() == 0).
  uint64_t Hash(uint64_t key) const {
    return Pair(static_cast<uint32_t>(key) & table_mask_, HashTableView::Fingerprint(key));
  }
  void Prefetch(uint64_t h) const { __builtin_prefetch(&words_[h >> shift_]); }
  bool MayHitHashed(uint64_t h) const {
    const uint64_t bits = BitsOf(h);
    return (words_[h >> shift_] & bits) == bits;
  }

  size_t bytes() const { return words_.size() * sizeof(uint64_t); }

 private:
  // Hash of a (home slot, fingerprint) pair: its top bits pick the word,
  // its low 12 bits the two bits in it (a blocked Bloom filter: one load).
  static uint64_t Pair(uint32_t home, uint32_t fp) { return Mix64((uint64_t{home} << 32) | fp); }
  static uint64_t BitsOf(uint64_t h) { return (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63)); }

  std::vector<uint64_t> words_;  // power-of-two count, at least 2
  int shift_ = 63;               // 64 - log2(words_.size())
  uint32_t table_mask_ = 0;      // the table's slot mask
};

}  // namespace annals::ner
