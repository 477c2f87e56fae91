// Count: the exact number of documents a Query matches, without scoring.
//
// A total is a property of the match set, not of the ranking, so Count()
// walks doc ids only: no BM25, no block bounds, positions decoded only for
// phrase candidates not already matched by another clause. Per segment, the
// unscored filters (the filter tree, required and excluded terms, numeric
// filters) and the deletions become one bitmap of allowed docs (filter_eval.h);
// then
//   - one plain term: postings counted from block metadata wherever the
//     bitmap allows every doc a block spans, blocks decoded only where it
//     allows some; no bitmap and no date range = the term's df;
//   - OR: every clause's postings set in a match bitmap, popcount;
//   - AND: leapfrog intersection of the clauses' doc ids;
//   - no clauses: a popcount of the bitmap.
// An `accept` callback is then asked once per remaining match.
//
// Count(q) equals SearchExhaustive(q).total for every query (count_test.cc
// checks it on random queries); Search() with exact_count uses it.
//
// Counting from df and block metadata trusts them as the segment's checksum
// (verified at open by default) vouches for them: a segment opened without
// verification may give a count where decoding would have reported the
// damage, but never a crash (the fuzz target and count_test check this).
// Thread-safe like Search().
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "core/status.h"
#include "index/filter_eval.h"
#include "index/query.h"
#include "index/snapshot.h"

namespace annals::index {

// Documents of `snap` matching `q` (q.k and q.exact_count are ignored).
// Errors as Search(): a bad prefix or phrase, or a corrupt segment.
Result<uint64_t> Count(const Snapshot& snap, const Query& q);

// The match set itself, for what is computed over all matches rather than
// the top k (facets, timelines: search/archive.cc): visit(i, hits) once per
// segment snap.segments[i] with at least one match, hits = its matching
// local docs. Same matches as Count (it returns their number); an error
// from visit stops the walk and is returned.
using MatchVisitor = std::function<Status(size_t segment, const DocBitmap& hits)>;
Result<uint64_t> CollectMatches(const Snapshot& snap, const Query& q, const MatchVisitor& visit);

}  // namespace annals::index
