// What is computed over a query's whole match set in annals' text index
// rather than over its top k: facet tallies (from the facet codes each
// segment keeps, store/index_doc.h) and matches per publication day (from
// the segments' doc dates), and the matching keys themselves (lists of a
// query's quotes or counts in article order). Archive::GetFacets and
// GetTimeline use them
// instead of reading every matching article's entity rows (which on a
// 1M-article archive took ~0.4 s for a common word: BENCHMARKS.md).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/status.h"
#include "index/query.h"
#include "index/snapshot.h"

namespace annals {

// Per facet tag (the code's low two bits: 0 PERSON, 1 ORG, 2 LOCATION
// name ids, 3 source ids): (matching articles, id) of every id the
// matching articles carry, each article counted once per id. Unordered.
struct FacetTally {
  std::vector<std::pair<int64_t, int64_t>> by_tag[4];
};

// Tallies the facets of `q`'s matches. False if a segment of `snap` keeps
// no facet codes (built by older annals: the caller counts in SQLite).
Result<bool> TallyIndexFacets(const index::Snapshot& snap, const index::Query& q, FacetTally* out);

// The keys (store article ids) of `q`'s matches, ascending: date order.
Result<std::vector<int64_t>> MatchingKeys(const index::Snapshot& snap, const index::Query& q);

// (day, matching articles) per publication day of `q`'s matches, days
// ascending; undated articles under kUndatedDay (store/index_doc.h).
Result<std::vector<std::pair<int32_t, int64_t>>> MatchesPerDay(const index::Snapshot& snap, const index::Query& q);

}  // namespace annals
