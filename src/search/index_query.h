// Lowering a parsed query (query.h) to annals' own text index (src/index):
// which parts the index answers itself and which are left to SQLite.
//
// The index answers ranked text — words, "phrases", prefix*, title:word —
// combined with AND, or one OR of them; NOT word; date filters (id ranges
// per segment); and the facts it holds as postings (index_doc.h): person:,
// org:, place:, said:, has:, killed>=N / killed>N. Every other conjunct
// (source:, event:, killed<N, OR/NOT over filters, title phrases) is checked
// in SQLite: its matching article keys become an accept filter on the
// index's candidates (allow set; a negated one a deny set), so results are
// exact. Queries without ranked text, and text structures the index cannot
// express (an OR beside other words), are left to FTS5 (nullopt).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/query.h"
#include "search/query.h"

namespace annals {

struct IndexPlan {
  index::Query query;                               // what the index evaluates
  std::vector<std::unique_ptr<QueryNode>> allow;    // conjuncts every hit must match (SQLite)
  std::vector<std::unique_ptr<QueryNode>> deny;     // conjuncts no hit may match (SQLite)
  std::vector<std::string> mark_terms;              // stemmed terms to highlight in snippets
  std::vector<std::string> mark_prefixes;           // prefixes (of stemmed terms) to highlight
};

// Plans `query` for the index, taking the nodes it leaves to SQLite out of
// it (the query is consumed). nullopt: the query needs FTS5 or SQL ordering.
std::optional<IndexPlan> PlanIndexQuery(Query* query);

}  // namespace annals
