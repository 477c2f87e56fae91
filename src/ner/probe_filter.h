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
// Exact, never a false "absent": Find(key) can only succeed at a slot that
// holds the key's fingerprint (HashTableView::Fingerprint, the key's high
// 32 bits). The filter holds every fingerprint stored in the table, so a
// key whose fingerprint it lacks would find nothing. (False "maybe"
// answers only cost the probe; a key whose fingerprint is stored but whose
// probe would not reach it passes too, about one absent key in 20,000 for
// the shipped model's ~10^5 fingerprints.)
//
// The fingerprints of feature keys are bits of a strong hash (FeatureKey
// ends in Mix64), so the filter takes its word and its two bits straight
// from them: no further hashing per key.
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
  // many keys before testing any (the filter does not stay in the CPU's
  // first-level cache while scoring streams through the word cache): the
  // filter's hash of a key, the word it tests prefetched, then the test.
  // Not for an empty filter (bytes() == 0).
  // The key's high 32 bits: its fingerprint, except that a fingerprint of
  // 0 is stored as 1 (Build sets 0's bits wherever 1 is stored).
  static uint64_t Hash(uint64_t key) { return key >> 32; }
  void Prefetch(uint64_t h) const { __builtin_prefetch(&words_[h >> shift_]); }
  bool MayHitHashed(uint64_t h) const {
    const uint64_t bits = BitsOf(h);
    return (words_[h >> shift_] & bits) == bits;
  }

  size_t bytes() const { return words_.size() * sizeof(uint64_t); }

 private:
  // A fingerprint's word is its top bits (shift_), its two bits in the word
  // its low 12 bits: a blocked Bloom filter, one load per test. At most
  // 2^20 words, so the two parts never overlap.
  static uint64_t BitsOf(uint64_t h) { return (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63)); }

  std::vector<uint64_t> words_;  // power-of-two count, 2 to 2^20
  int shift_ = 31;               // 32 - log2(words_.size())
};

}  // namespace annals::ner
