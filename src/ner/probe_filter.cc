// ProbeFilter::Build: every (home slot, fingerprint) pair a successful
// probe could have (see probe_filter.h).
#include "ner/probe_filter.h"

#include <bit>

namespace annals::ner {

void ProbeFilter::Build(const HashTableView& t) {
  words_.clear();
  shift_ = 63;
  table_mask_ = t.mask;
  if (t.keys == nullptr) return;
  const uint32_t slots = t.mask + 1;
  // Every occupied slot with each home slot of its run up to itself.
  std::vector<uint64_t> pairs;
  for (uint32_t s = 0; s < slots; ++s) {
    if (t.keys[s] == 0) continue;
    // A valid table has an empty slot, so this walk back ends.
    for (uint32_t h = s;; h = (h - 1) & t.mask) {
      pairs.push_back(Pair(h, t.keys[s]));
      if (t.keys[(h - 1) & t.mask] == 0 || ((h - 1) & t.mask) == s) break;
    }
  }
  // About 8 bits per pair, two bits set per pair: a few percent of absent
  // keys pass.
  size_t words = 2;  // (a shift by 64 would be undefined)
  while (words * 64 < pairs.size() * 8) words <<= 1;
  words_.assign(words, 0);
  shift_ = 64 - std::countr_zero(words);
  for (uint64_t h : pairs) words_[h >> shift_] |= BitsOf(h);
}

}  // namespace annals::ner
