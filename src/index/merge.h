// Merging: the tiered merge policy that decides which segments to combine,
// and MergeSegments, which writes one segment holding the live documents of
// several (deleted documents are dropped, doc ids re-assigned by date).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "index/codec.h"
#include "index/snapshot.h"

namespace annals::index {

struct MergePolicy {
  uint32_t segments_per_tier = 10;  // merge when a tier holds this many
  uint64_t min_docs = 1000;         // tier 0 holds segments up to this size
  double tier_factor = 10;          // each tier is this much larger
  double max_deleted_ratio = 0.5;   // rewrite a segment alone above this
};

// Groups of segment indexes to merge (each group becomes one segment), given
// each segment's live and total document counts. Deterministic.
std::vector<std::vector<size_t>> PickMerges(const std::vector<uint64_t>& live_docs,
                                            const std::vector<uint64_t>& total_docs, const MergePolicy& policy);

// How much of each section of a merge's output stays in memory (the rest
// goes to temporary files next to it until the segment is written).
inline constexpr size_t kMergeSpillBytes = size_t{8} << 20;

// Writes the live documents of `parts` into a new segment at `path`.
Status MergeSegments(const std::vector<SnapshotSegment>& parts, CodecId codec, const std::string& path,
                     size_t spill_bytes = kMergeSpillBytes);

}  // namespace annals::index
