// EvalFilter: a Filter (filter.h) over one segment, as a bitmap of the live
// docs that match. A plain function of (segment, filter): the top-k search
// uses it as a doc filter, filter-only queries count it with a popcount, and
// match collection for facets and timelines can AND it into its own bitmaps.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "index/filter.h"
#include "index/segment.h"
#include "index/snapshot.h"

namespace annals::index {

// Bit d set = local doc d matches. words.size() == ceil(num_docs / 64);
// bits at and past num_docs are always clear.
struct DocBitmap {
  uint32_t num_docs = 0;
  std::vector<uint64_t> words;

  explicit DocBitmap(uint32_t n = 0, bool all = false);
  bool Test(uint32_t d) const { return d < num_docs && ((words[d >> 6] >> (d & 63)) & 1); }
  void Set(uint32_t d) { words[d >> 6] |= uint64_t{1} << (d & 63); }
  // The first set bit >= d, or num_docs if none.
  uint32_t NextSet(uint32_t d) const;
  // The last set bit <= d, or UINT32_MAX if none.
  uint32_t PrevSet(uint32_t d) const;
  // Set bits in [lo, hi] (inclusive); Count() over all docs.
  uint64_t CountRange(uint32_t lo, uint32_t hi) const;
  uint64_t Count() const { return num_docs ? CountRange(0, num_docs - 1) : 0; }
  void And(const DocBitmap& o);
  void Or(const DocBitmap& o);
  void Invert();  // within [0, num_docs)
};

// The docs of `seg` that match `f` and are not deleted (`deleted` may be
// null). A term absent from the segment matches nothing, a numeric field it
// lacks matches nothing. Corrupt postings give the cursor's error.
Result<DocBitmap> EvalFilter(const Segment& seg, const Filter& f, const DeletionBitmap* deleted = nullptr);
inline Result<DocBitmap> EvalFilter(const SnapshotSegment& sg, const Filter& f) {
  return EvalFilter(*sg.segment, f, sg.deleted.get());
}

// The docs lo..hi (inclusive, hi < num_docs) of `seg` that match `f`, as a
// bitmap of hi - lo + 1 bits (bit i = doc lo + i), deletions NOT applied: a
// filter-only top k walks a segment down from its newest doc a window at a
// time instead of evaluating the filter over every doc.
Result<DocBitmap> EvalFilterWindow(const Segment& seg, const Filter& f, uint32_t lo, uint32_t hi);

}  // namespace annals::index
