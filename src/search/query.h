// The annals query language (docs/query-language.md) as a syntax tree, and
// its parser. The parser is hand-written recursive descent over the query
// bytes; every node records its 1-based byte position so errors point at it
// ("query:12: expected ')'"). The tree is compiled to parameterised SQL by
// query_compiler.h: no part of a query is ever pasted into SQL text.
//
// Grammar (operators are upper case; lower-case and/or/not are words):
//   query   := [or]                      empty query: every article
//   or      := and ("OR" and)*
//   and     := unary (["AND"] unary)*    juxtaposition means AND
//   unary   := ("NOT" | "-") unary | primary
//   primary := "(" or ")" | word | word"*" | "phrase" | field ":" value
//            | countname op number       (killed>=100; op: >= > <= < =)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "facts/facts.h"

namespace annals {

enum class QueryNodeKind : uint8_t {
  kText,    // a word, prefix or phrase, in any column or in the title
  kAnd,     // all children
  kOr,      // any child
  kNot,     // not the single child
  kFilter,  // a field or fact filter
};

enum class FilterKind : uint8_t {
  kPerson,    // person:NAME  an entity of the article (names match word by word)
  kOrg,       // org:NAME
  kPlace,     // place:NAME
  kSource,    // source:NAME  publisher name contains NAME (case-insensitive)
  kDate,      // date:/before:/after:  publication day in [day_first, day_last]
  kEvent,     // event:       an event date of the article overlaps [day_first, day_last]
  kHas,       // has:quote|count|person|org|place|event
  kCount,     // killed>=100: a count of count_type whose number compares with `number`
  kSaid,      // said:NAME    a quote whose speaker's name matches
};

enum class CompareOp : uint8_t { kGe, kGt, kLe, kLt, kEq };

// What has: asks for.
enum class HasWhat : uint8_t { kQuote, kCount, kPerson, kOrg, kPlace, kEvent };

struct QueryNode {
  QueryNodeKind kind = QueryNodeKind::kText;
  int position = 1;                  // 1-based byte offset in the query where the node starts
  // kText:
  std::string text;                  // the word or the phrase's words, as typed
  bool phrase = false;               // typed as "..."
  bool prefix = false;               // word* (prefix match)
  bool title_only = false;           // title:...
  // kFilter:
  FilterKind filter = FilterKind::kPerson;
  std::string value;                 // name for person/org/place/source/said
  int64_t day_first = 0;             // kDate, kEvent: inclusive day range (days since 1970-01-01)
  int64_t day_last = 0;
  HasWhat has = HasWhat::kQuote;     // kHas
  CountType count_type = CountType::kKill;  // kCount
  CompareOp op = CompareOp::kGe;     // kCount
  int64_t number = 0;                // kCount
  // kAnd, kOr (two or more), kNot (one):
  std::vector<std::unique_ptr<QueryNode>> children;
};

struct Query {
  std::unique_ptr<QueryNode> root;  // null for the empty query (matches everything)
};

// Parses `query`. Errors are InvalidArgument with the message
// "query:POS: what" (POS 1-based byte offset), e.g. "query:7: expected ')'".
// Limits (to bound work on hostile input): 1000 bytes, nesting depth 32.
Result<Query> ParseQuery(std::string_view query);

// The position in an error message from ParseQuery ("query:12: ..." -> 12),
// or 0 if the status is not a query error. For the HTTP layer.
int QueryErrorPosition(const Status& status);

// The tree as an S-expression, for tests and --explain:
// (and "baku" (or title:"x" person:"Aliyeva") (not killed>=100)).
std::string QueryToString(const Query& query);

// The count type a comparison name stands for (killed, dead, wounded,
// injured, arrested, kidnapped, missing, displaced, evacuated, affected,
// protesters); false if none.
bool CountTypeFromWord(std::string_view word, CountType* out);

}  // namespace annals
