// Query: what a search asks of the index, already analyzed. The search
// language parser (src/search) lowers its syntax tree to this; ParseSimple()
// is a small stand-in for tests and benchmarks.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "index/filter.h"

namespace annals::index {

enum class ClauseKind {
  kTerm,    // one body term
  kPhrase,  // body terms at consecutive positions
  kPrefix,  // every body term starting with terms[0] (unstemmed, folded)
};

// A scored part of the query. Its score is the sum of the BM25 scores of its
// terms (phrase: of all its terms; prefix: of the expansions present).
struct Clause {
  ClauseKind kind = ClauseKind::kTerm;  // see above
  std::vector<std::string> terms;       // analyzed terms (prefix: the prefix)
};

enum class MatchMode {
  kAny,  // OR: a document matches if any clause matches
  kAll,  // AND: every clause must match
};

// Inclusive bounds on a numeric doc value; documents without it never pass.
struct NumericFilter {
  std::string field;                                  // e.g. "killed"
  int64_t min = std::numeric_limits<int64_t>::min() + 1;  // inclusive
  int64_t max = std::numeric_limits<int64_t>::max();      // inclusive
};

struct Query {
  std::vector<Clause> clauses;              // scored; may be empty (filters only)
  MatchMode mode = MatchMode::kAny;         // how clauses combine
  std::vector<std::string> require;         // terms every hit has, unscored (title:x, person:y, has:quote)
  std::vector<std::string> exclude;         // terms no hit has (NOT / -word)
  std::vector<NumericFilter> numeric;       // killed>=N ...
  // Every filter of the query language as one tree (filter.h), evaluated
  // per segment to a bitmap (filter_eval.h); kAll = no filter.
  Filter filter;
  // Optional extra filter on the store id (facts the index does not hold,
  // e.g. person: names resolved in SQLite); empty = accept all. Called once
  // per candidate that passed every other filter; must be thread-safe.
  std::function<bool(uint64_t id)> accept;
  int32_t date_from = std::numeric_limits<int32_t>::min();  // publication day, inclusive
  int32_t date_to = std::numeric_limits<int32_t>::max();    // inclusive
  size_t k = 20;                            // hits wanted
  bool exact_count = false;                 // also count every match (Count(), count.h: unscored)
};

// One hit. Order: score descending, then newer first (date, then id).
struct Hit {
  uint64_t id = 0;       // the store's article id
  int32_t date = 0;      // publication day
  double score = 0;      // BM25, larger is better
  uint32_t segment = 0;  // index in the snapshot
  uint32_t doc = 0;      // local doc id in that segment
};

inline bool BetterHit(const Hit& a, const Hit& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.date != b.date) return a.date > b.date;
  return a.id > b.id;
}

struct SearchResult {
  std::vector<Hit> hits;   // best first, at most k
  uint64_t total = 0;      // all matches (only with exact_count)
};

// A small query syntax for tests, benchmarks and the CLI until the search
// language lands: words (OR, or AND when `all`), "phrases", pre*, -word,
// +field:value / field:value filters (title:, person:, place:, org:,
// source:, said:, has:), name>=N numeric filters. Errors name the position.
Result<Query> ParseSimple(std::string_view text, MatchMode mode = MatchMode::kAny);

}  // namespace annals::index
