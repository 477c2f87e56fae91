// Query planning shared by every engine: prefix expansion over the whole
// snapshot and per-term BM25 weights from snapshot-wide statistics, so that
// the block-max engine and the exhaustive one score with identical numbers.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "index/bm25.h"
#include "index/query.h"
#include "index/snapshot.h"

namespace annals::index {

// A prefix may expand to at most this many terms; more is an error that asks
// for a longer prefix (the alternative, silently dropping terms, would make
// results wrong).
inline constexpr size_t kMaxPrefixExpansions = 512;

struct PlannedTerm {
  std::string term;   // body term
  TermWeight weight;  // BM25 constants (global df)
};

struct PlannedClause {
  ClauseKind kind = ClauseKind::kTerm;  // kPrefix: terms = the expansions
  std::vector<PlannedTerm> terms;       // empty for a prefix matching nothing
};

struct Plan {
  std::vector<PlannedClause> clauses;  // same order as Query::clauses
  const Query* query = nullptr;        // filters, mode, k
  CollectionStats stats;               // snapshot-wide
};

Result<Plan> PlanQuery(const Snapshot& snap, const Query& q, const Bm25Params& params);

}  // namespace annals::index
