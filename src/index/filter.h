// Filter: the unscored part of a query as a tree, answerable by the index
// alone. Leaves are a term's postings (person:, has:quote, a count value
// term...), a numeric doc-value range (killed>=100 via the per-type max),
// and a publication-day range (a docid range: docids are in date order);
// inner nodes are AND / OR / NOT. filter_eval.h turns a Filter into a bitmap
// of the matching live docs of one segment.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace annals::index {

enum class FilterKind : uint8_t {
  kAll,      // every doc (the empty filter)
  kNone,     // no doc
  kTerm,     // docs with `term` in their postings
  kNumeric,  // docs whose numeric field `field` lies in [min, max]
  kDays,     // docs published on a day in [day_from, day_to]
  kAnd,      // every child
  kOr,       // any child
  kNot,      // not the single child
};

struct Filter {
  FilterKind kind = FilterKind::kAll;
  std::string term;                                       // kTerm
  std::string field;                                      // kNumeric
  int64_t min = std::numeric_limits<int64_t>::min() + 1;  // kNumeric, inclusive
  int64_t max = std::numeric_limits<int64_t>::max();      // kNumeric, inclusive
  int32_t day_from = std::numeric_limits<int32_t>::min(); // kDays, inclusive
  int32_t day_to = std::numeric_limits<int32_t>::max();   // kDays, inclusive
  std::vector<Filter> children;                           // kAnd, kOr (any number), kNot (one)

  bool is_all() const { return kind == FilterKind::kAll; }

  static Filter All() { return Filter{}; }
  static Filter None() {
    Filter f;
    f.kind = FilterKind::kNone;
    return f;
  }
  static Filter Term(std::string t) {
    Filter f;
    f.kind = FilterKind::kTerm;
    f.term = std::move(t);
    return f;
  }
  static Filter Numeric(std::string field, int64_t min, int64_t max) {
    Filter f;
    f.kind = FilterKind::kNumeric;
    f.field = std::move(field);
    f.min = min;
    f.max = max;
    return f;
  }
  static Filter Days(int32_t from, int32_t to) {
    Filter f;
    f.kind = FilterKind::kDays;
    f.day_from = from;
    f.day_to = to;
    return f;
  }
  static Filter Not(Filter c) {
    Filter f;
    f.kind = FilterKind::kNot;
    f.children.push_back(std::move(c));
    return f;
  }
  // AND / OR of `cs`; kAll children of an AND (kNone of an OR) are dropped,
  // and a single child is returned as is.
  static Filter Combine(FilterKind k, std::vector<Filter> cs) {
    std::vector<Filter> kept;
    for (auto& c : cs) {
      if (k == FilterKind::kAnd && c.kind == FilterKind::kAll) continue;
      if (k == FilterKind::kOr && c.kind == FilterKind::kNone) continue;
      kept.push_back(std::move(c));
    }
    if (kept.empty()) return k == FilterKind::kAnd ? All() : None();
    if (kept.size() == 1) return std::move(kept[0]);
    Filter f;
    f.kind = k;
    f.children = std::move(kept);
    return f;
  }
};

// The filter as an S-expression, for tests and --explain:
// (and person:"aliyeva" (not has:"quote") count:KILL[100,max]).
std::string FilterToString(const Filter& f);

}  // namespace annals::index
