// Lowering a parsed query (query.h) to annals' own text index (src/index):
// which parts the index answers itself and which are left to SQLite.
//
// The index answers ranked text — words, "phrases", prefix*, title:word —
// combined with AND, or one OR of them; and every filter of the language as
// an index::Filter tree (filter.h): person:/org:/place:/said:/has: and
// single words as term postings, source: as the OR of the matching source
// ids' terms, killed>=N / <=N / =N as numeric ranges and value terms,
// event: as overlap terms (store/event_terms.h), date:/before:/after: as
// day (docid) ranges, and AND / OR / NOT of them. Queries without ranked
// text are answered by the filter alone, newest first. What the index
// cannot express (phrases or prefixes inside a filter expression, filters
// an index built by older code lacks) is checked in SQLite: its matching
// article keys become an accept filter on the index's candidates (allow set;
// a negated one a deny set), so results are exact. Text structures the
// index cannot rank (an OR beside other words) are left to FTS5 (nullopt).
#pragma once

#include <cstdint>
#include <map>
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
  bool filter_only = false;                         // no ranked text: newest first, score 0
};

// What planning needs to know about the archive.
struct IndexPlanContext {
  // Every doc of the index carries the content version marker
  // (store/index_doc.h): count comparisons other than >=/>, event: and
  // count values are in the index.
  bool content2 = false;
  // source: values -> ids of the sources whose name contains them
  // (case-insensitive), looked up in SQLite; a value missing here is left
  // to SQLite.
  std::map<std::string, std::vector<int64_t>> source_ids;
};

// The source: values of a query (for IndexPlanContext::source_ids).
std::vector<std::string> SourceValues(const Query& query);

// Plans `query` for the index, taking the nodes it leaves to SQLite out of
// it (the query is consumed only when a plan is returned). nullopt: the
// query needs FTS5, or has no ranked text and a filter the index cannot
// answer (SQL). *needs_reindex (optional) is set when a filter went to
// SQLite only because the index predates content2.
std::optional<IndexPlan> PlanIndexQuery(Query* query, const IndexPlanContext& ctx = {},
                                        bool* needs_reindex = nullptr);

// The filter a query node stands for in the index, if it can be expressed
// (exposed for tests). *needs_reindex as above.
bool LowerFilter(const QueryNode& n, const IndexPlanContext& ctx, index::Filter* out, bool* needs_reindex);

}  // namespace annals
