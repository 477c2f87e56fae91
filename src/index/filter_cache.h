// FilterCache: the bitmaps of recently used filters over one snapshot's
// segments (EvalFilter's results, deletions applied), so that a filter a
// long-running reader sees again beside ever-changing words (has:quote,
// killed>=1) costs a bit test per candidate instead of a walk of its
// postings or numeric column. Lucene's LRUQueryCache does this per segment
// across readers; here the cache belongs to one snapshot (a new one, at
// every ingest commit, starts empty), so a bitmap can never disagree with
// the deletions it was built under. Bounded in bytes, least recently used
// out first. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "index/filter_eval.h"

namespace annals::index {

class FilterCache {
 public:
  explicit FilterCache(size_t max_bytes = size_t{32} << 20) : max_bytes_(max_bytes) {}

  // The bitmap cached for filter `key` (FilterToString) over segment
  // `segment` of the snapshot, or null.
  std::shared_ptr<const DocBitmap> Find(const std::string& key, size_t segment);
  // Caches `bitmap` (unless larger than the whole budget), evicting the
  // least recently used entries beyond the budget.
  void Insert(const std::string& key, size_t segment, std::shared_ptr<const DocBitmap> bitmap);

  size_t bytes() const;
  size_t hits() const;

 private:
  using Key = std::pair<std::string, size_t>;
  struct Entry {
    std::shared_ptr<const DocBitmap> bitmap;
    std::list<Key>::iterator lru;  // position in lru_
  };
  mutable std::mutex mu_;
  const size_t max_bytes_;
  size_t bytes_ = 0;
  size_t hits_ = 0;
  std::map<Key, Entry> entries_;
  std::list<Key> lru_;  // most recently used first
};

}  // namespace annals::index
