// HashTableBuilder: sorts entries so the table layout is reproducible.
#include "ner/hash.h"

#include <algorithm>

namespace annals::ner {

void HashTableBuilder::Build(bool merge_or, std::vector<uint32_t>* keys, std::vector<uint32_t>* vals) const {
  std::vector<std::pair<uint64_t, uint32_t>> e = entries_;
  std::stable_sort(e.begin(), e.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<uint64_t, uint32_t>> uniq;
  for (const auto& kv : e) {
    if (!uniq.empty() && uniq.back().first == kv.first) {
      if (merge_or) uniq.back().second |= kv.second;
    } else {
      uniq.push_back(kv);
    }
  }
  size_t slots = 16;
  while (slots < uniq.size() * 2) slots <<= 1;
  keys->assign(slots, 0);
  vals->assign(slots, 0);
  uint32_t mask = static_cast<uint32_t>(slots - 1);
  for (const auto& [h, v] : uniq) {
    uint32_t fp = HashTableView::Fingerprint(h);
    for (uint32_t i = static_cast<uint32_t>(h) & mask;; i = (i + 1) & mask) {
      if ((*keys)[i] == fp) {  // fingerprint collision in the same chain: merge
        if (merge_or) (*vals)[i] |= v;
        break;
      }
      if ((*keys)[i] == 0) {
        (*keys)[i] = fp;
        (*vals)[i] = v;
        break;
      }
    }
  }
}

}  // namespace annals::ner
