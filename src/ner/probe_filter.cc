// ProbeFilter::Build: every fingerprint the table stores (see
// probe_filter.h).
#include "ner/probe_filter.h"

#include <bit>

namespace annals::ner {

void ProbeFilter::Build(const HashTableView& t) {
  words_.clear();
  shift_ = 31;
  if (t.keys == nullptr) return;
  const uint32_t slots = t.mask + 1;
  size_t stored = 0;
  for (uint32_t s = 0; s < slots; ++s) stored += t.keys[s] != 0 ? 1 : 0;
  // About 16 bits per fingerprint, two bits set per fingerprint: about one
  // absent key in a hundred passes.
  constexpr size_t kMaxWords = size_t{1} << 20;
  size_t words = 2;  // (a shift by 32 would leave one word)
  while (words * 64 < stored * 16 && words < kMaxWords) words <<= 1;
  words_.assign(words, 0);
  shift_ = 32 - std::countr_zero(words);
  for (uint32_t s = 0; s < slots; ++s) {
    if (t.keys[s] == 0) continue;
    const uint64_t h = t.keys[s];  // the fingerprint, as Hash() gives it
    words_[h >> shift_] |= BitsOf(h);
    // Keys whose high bits are 0 have fingerprint 1: 0's bits too (with
    // this layout already among 1's, but that is a coincidence of BitsOf).
    if (h == 1) words_[0 >> shift_] |= BitsOf(0);
  }
}

}  // namespace annals::ner
