// Top-k search over a Snapshot.
//
// Search() is block-max MaxScore (Turtle & Flood's MaxScore with Ding &
// Suel's per-block bounds, in windows as in Lucene's MaxScoreBulkScorer):
// the doc-id space is cut into windows that end where some clause's current
// block ends; in each window the clauses whose block bounds together cannot
// beat the k-th best score so far are "non-essential" and only probed for
// candidates found by the others, and a window where no clause is essential
// is skipped without decoding. AND queries skip windows whose summed block
// bounds cannot beat the k-th score. Scores are exact BM25.
//
// SearchExhaustive() is the reference: it decodes every posting of every
// query term into maps and scores every matching document, with no pruning
// at all. Both must return the same hits (the differential test checks it).
//
// Thread-safe: any number of searches may run on one Snapshot at once.
#pragma once

#include "core/status.h"
#include "index/bm25.h"
#include "index/query.h"
#include "index/snapshot.h"

namespace annals::index {

struct SearchOptions {
  Bm25Params bm25;     // scoring constants
  bool prune = true;   // false: score every match (same engine, no skipping)
  // A query without ranked words walks each segment down from its newest doc,
  // evaluating its filter tree this many docs at a time (4x more each step);
  // tests use small windows to cross many.
  uint32_t filter_window = 4096;
};

// Counters for tests and benchmarks: how much work pruning saved.
struct SearchStats {
  uint64_t candidates = 0;     // documents whose score was (at least partly) computed
  uint64_t windows_skipped = 0;  // windows skipped on block bounds
};

Result<SearchResult> Search(const Snapshot& snap, const Query& q, const SearchOptions& opts = {},
                            SearchStats* stats = nullptr);

Result<SearchResult> SearchExhaustive(const Snapshot& snap, const Query& q, const Bm25Params& bm25 = {});

}  // namespace annals::index
