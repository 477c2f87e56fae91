// Scoring a temporal tagger against TimeML gold with the TempEval-3
// definitions: strict span match (identical extents) and relaxed match
// (overlapping extents, one-to-one), precision/recall/F1 for both; type and
// value accuracy over relaxed matches; value (and type) F1 where a system
// timex counts only if it matches a gold one and has the same value:
// P = correct/|system|, R = correct/|gold|. Also the TBAQ dev/train split.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "facts/facts.h"
#include "timex/timeml.h"

namespace annals {

struct TimexScores {
  uint64_t docs = 0;           // documents scored
  uint64_t gold = 0;           // gold timexes
  uint64_t system = 0;         // system timexes
  uint64_t strict = 0;         // system timexes with identical extent to a gold one
  uint64_t relaxed = 0;        // one-to-one overlapping pairs
  uint64_t type_ok = 0;        // relaxed pairs with the same type
  uint64_t value_ok = 0;       // relaxed pairs with the same value
  uint64_t text_bytes = 0;     // bytes of text tagged

  double StrictP() const { return system ? double(strict) / system : 0; }
  double StrictR() const { return gold ? double(strict) / gold : 0; }
  double StrictF1() const { return F1(StrictP(), StrictR()); }
  double RelaxedP() const { return system ? double(relaxed) / system : 0; }
  double RelaxedR() const { return gold ? double(relaxed) / gold : 0; }
  double RelaxedF1() const { return F1(RelaxedP(), RelaxedR()); }
  double TypeAccuracy() const { return relaxed ? double(type_ok) / relaxed : 0; }
  double ValueAccuracy() const { return relaxed ? double(value_ok) / relaxed : 0; }
  double TypeF1() const { return F1(system ? double(type_ok) / system : 0, gold ? double(type_ok) / gold : 0); }
  double ValueF1() const { return F1(system ? double(value_ok) / system : 0, gold ? double(value_ok) / gold : 0); }
  static double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
};

// One disagreement, for --errors listings.
struct TimexError {
  std::string doc;     // file name
  std::string kind;    // "missed", "spurious", "extent", "type", "value"
  std::string gold;    // gold text/type/value ("" for spurious)
  std::string system;  // system text/type/value ("" for missed)
};

// Scores `sys` against `gold` of one document into `acc`; appends errors to
// `errors` when it is not null.
void ScoreTimexDoc(const TimemlDoc& doc, const std::vector<TimeExpr>& sys, TimexScores* acc,
                   std::vector<TimexError>* errors);

enum class TbaqSplit { kAll, kDev, kTrain };

// The fixed dev split: the .tml files under `dir` (recursively), sorted by
// path relative to `dir`, a file name seen before skipped; every fifth file (index 4, 9, 14, ...) is dev, the
// rest train. Deterministic, documented in BENCHMARKS.md.
Result<std::vector<std::string>> ListTimemlFiles(const std::string& dir, TbaqSplit split);

// Reads and tags every file of `split` under `dir` (TimeML range mode) and
// scores it. Fails on the first unreadable or malformed file.
Result<TimexScores> EvaluateTimexDir(const std::string& dir, TbaqSplit split,
                                     std::vector<TimexError>* errors);

}  // namespace annals
