// The temporal tagger: finds time expressions in English text and normalises
// them to TimeML TIMEX3 (type DATE, TIME, DURATION or SET, and a value),
// resolving relative and underspecified expressions against the publication
// date or, when the article narrates a dated past story, against the
// narrative reference time. HeidelTime's design (Strötgen & Gertz): rule
// families keyed on trigger words, applied left to right, longest match
// first — compiled C++ over the scanner's tokens, no regular expressions.
// Thread-safe: all state lives on the stack of each call.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "facts/facts.h"

namespace annals {

struct TimexOptions {
  // true (annals output): a range ("January 19 to 20, 1990", "between 2010
  // and 2012") is one TimeExpr with range_begin/range_end. false (TimeML):
  // each end of the range is its own TIMEX3, as TimeBank annotates them.
  bool merge_ranges = true;
};

// Tags `text`, published on `publication` (any precision; relative
// expressions resolve only as far as it allows and never against "today"),
// and appends the time expressions to `out` in text order. Spans are byte
// offsets into `text`, non-overlapping, on UTF-8 character boundaries.
void TagTimes(std::string_view text, const Date& publication, const TimexOptions& options,
              std::vector<TimeExpr>* out);

// The dates an article's main facts refer to, most important first: the
// explicit or narrative dates (not those resolved against the publication
// date alone), ranked by how often and how early they appear, range ends
// expanded. Values are TIMEX3 date values ("1990-01-19", "1990-01").
std::vector<std::string> EventDates(const std::vector<TimeExpr>& times, const Date& publication);

}  // namespace annals
