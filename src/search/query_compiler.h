// Compiling a query tree to SQL over the archive schema (docs/schema.md).
//
// The plan: the top-level AND is split into its full-text part and the rest.
// If there is a positive full-text part it becomes one FTS5 MATCH expression
// that drives the query (BM25 ranking, snippets); every other conjunct becomes
// a condition on the article key. Without one, the articles table drives, in
// date order. Text under OR/NOT mixed with filters becomes a key-IN-subquery.
// User text reaches SQL only as bound parameters: the FTS5 expression is
// itself a parameter, with every word inside an FTS5 "string" (quotes doubled),
// so no query can use FTS5 or SQL syntax the language does not offer.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "search/query.h"

namespace annals {

using SqlParam = std::variant<int64_t, std::string>;

struct CompiledQuery {
  std::string fts;                  // FTS5 MATCH expression driving the query, "" if none
  std::string where;                // conditions on the key `K` (see below), "" if none
  std::vector<SqlParam> params;     // parameters of `where`, in order (?1.. after the fts one)
  std::vector<std::string> speakers;  // said: names (positive), to attach matching quotes
  struct CountFilter {
    CountType type;
    CompareOp op;
    int64_t number;
  };
  std::vector<CountFilter> count_filters;  // positive count filters, to attach matching counts
};

// Compiles `query`. `key` is the SQL expression of the article key in the
// enclosing query ("f.rowid" when FTS-driven, "a.id" otherwise); `first_param`
// is the number of the first `?N` placeholder `where` may use.
CompiledQuery CompileQuery(const Query& query, const std::string& key, int first_param);

// The SQL operator of a comparison (">=", ...).
const char* CompareOpSql(CompareOp op);

// One word as an FTS5 string: "word" with inner quotes doubled.
std::string FtsString(std::string_view word);

}  // namespace annals
