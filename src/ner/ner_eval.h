// Scoring NER output against gold spans: precision, recall and F1 per type
// and overall with exact span matching (type and both boundaries must
// agree), the CoNLL-2003 conlleval convention.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ner/conll.h"
#include "ner/tags.h"

namespace annals::ner {

class NerModel;

struct PrfCounts {
  uint64_t tp = 0;  // predicted spans that match a gold span exactly
  uint64_t fp = 0;  // predicted spans that match none
  uint64_t fn = 0;  // gold spans not predicted
  double Precision() const { return tp + fp == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
  }
};

class NerScorer {
 public:
  // Adds one sentence's gold and predicted spans.
  void Add(const std::vector<Span>& gold, const std::vector<Span>& pred);
  const PrfCounts& overall() const { return overall_; }
  const PrfCounts& of(EntityType t) const { return by_type_[static_cast<int>(t)]; }
  uint64_t tokens() const { return tokens_; }
  void AddTokens(uint64_t n) { tokens_ += n; }
  // A conlleval-like table: one line per type and the overall line.
  std::string Report() const;

 private:
  PrfCounts by_type_[4];
  PrfCounts overall_;
  uint64_t tokens_ = 0;
};

// Labels every sentence of `docs` with `model` (plus the name rules of
// name_rules.h, as in the pipeline) and scores it against the gold tags
// (documents give the casing context, as in the pipeline).
NerScorer EvaluateModel(const NerModel& model, const std::vector<ConllDocument>& docs);

}  // namespace annals::ner
