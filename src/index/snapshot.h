// Snapshot: an immutable view of the live segments (and their deletions) that
// a search runs against. Readers hold a shared_ptr to it; the writer builds a
// new one for every commit, so searches never see a half-applied change and
// never take a lock while they run.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "index/bm25.h"
#include "index/segment.h"

namespace annals::index {

class FilterCache;

// A deletion bitmap: bit d set = local doc d of the segment is deleted.
using DeletionBitmap = std::vector<uint64_t>;

struct SnapshotSegment {
  std::shared_ptr<const Segment> segment;         // mapped file
  std::shared_ptr<const DeletionBitmap> deleted;  // nullptr: none deleted
  bool IsDeleted(uint32_t doc) const {
    return deleted && (doc >> 6) < deleted->size() && (((*deleted)[doc >> 6] >> (doc & 63)) & 1);
  }
};

struct Snapshot {
  std::vector<SnapshotSegment> segments;  // in catalog order
  uint64_t generation = 0;                // catalog generation it reflects
  // Filter bitmaps of this snapshot kept across searches (filter_cache.h);
  // null: none kept (a long-running reader sets one).
  std::shared_ptr<FilterCache> filter_cache;
  // BM25 statistics: all documents of all segments, deleted ones included
  // until a merge drops them (as Lucene does).
  CollectionStats Stats() const {
    CollectionStats s;
    for (const auto& sg : segments) {
      s.num_docs += sg.segment->num_docs();
      s.total_tokens += sg.segment->total_tokens();
    }
    return s;
  }
};

}  // namespace annals::index
