// Event-date terms: how annals' text index answers event:PERIOD (an event
// date of the article overlaps the period) exactly, with postings only.
//
// Days are grouped in nested calendar units: century, decade, year, month,
// day. Any day interval [first, last] has a unique greedy cover by whole
// units (the largest unit starting at the next uncovered day that fits).
// Two units either nest or are disjoint, so an event interval E overlaps a
// query interval Q exactly when some cover unit u of E and q of Q have
//   u == q            -> E has "event:q"
//   u inside q        -> E has "eventin:q" (indexed for every strict ancestor of u)
//   q inside u        -> E has "event:a" for a strict ancestor a of q
// An article gets the terms of all its event intervals; a query ORs the
// terms of all its cover units. Open-ended periods use two numbers instead
// (EventNumbers): overlap with [..Q] is min(first) <= Q, with [Q..] is
// max(last) >= Q.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace annals {

// Numeric fields of an article's event intervals: the largest last day, and
// the negated smallest first day (the index keeps the max of a field).
inline constexpr const char* kEventLastMax = "event:last";
inline constexpr const char* kEventFirstNegMin = "event:-first";

// Terms are {field, value} keyword pairs ({"event", "1990-01"}, {"eventin",
// "d1990"}); the index term is index::KeywordTerm(field, value).
// The terms an article with the event
// interval [first, last] (days since 1970-01-01, first <= last) is indexed
// under. Empty if first > last.
std::vector<std::pair<std::string, std::string>> EventIntervalTerms(int64_t first, int64_t last);

// The terms any of which an article must have for one of its event
// intervals to overlap [first, last] (both bounded). Empty if first > last.
std::vector<std::pair<std::string, std::string>> EventQueryTerms(int64_t first, int64_t last);

}  // namespace annals
