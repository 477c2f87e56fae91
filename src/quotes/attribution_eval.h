// Attribution scoring: compares predicted quotations with gold attributions
// (PolNeAR-style Source/Cue/Content) for `annals eval quotes`.
//
// Content spans match one-to-one (greedy, best overlap first in gold order)
// when their overlap is at least half of the longer of the two. Predicted
// quotations sharing one cue (“A,” he said, “B.”) count as one attribution
// with their content pieces united; a fragment lying inside another
// predicted content is part of it, not an attribution of its own. Direct
// quotations are scored separately: gold content that opens with a quote
// mark against predicted kind "direct". Speaker accuracy is over matched
// pairs whose gold has a Source: right if the predicted mention overlaps
// the Source, or the Source's words equal the predicted canonical name (or
// are part of it), or equal another mention of the same entity.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "facts/annotated_doc.h"
#include "quotes/brat_standoff.h"

namespace annals {

struct AttributionScore {
  uint64_t gold = 0;             // gold attributions
  uint64_t predicted = 0;        // predicted attributions
  uint64_t matched = 0;          // one-to-one content matches
  uint64_t speaker_scored = 0;   // matches whose gold has a Source
  uint64_t speaker_correct = 0;  // ... whose predicted speaker is right

  void Add(const AttributionScore& o);
  double Precision() const { return predicted ? double(matched) / predicted : 0; }
  double Recall() const { return gold ? double(matched) / gold : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double SpeakerAccuracy() const { return speaker_scored ? double(speaker_correct) / speaker_scored : 0; }
};

struct DocScore {
  AttributionScore direct;  // direct quotations only
  AttributionScore all;     // every attribution
};

// True if gold content opens with a quotation mark (after spaces).
bool IsDirectContent(std::string_view text, const SpanSet& content);

// Scores `doc` (annotated: quotes, mentions, entities) against `gold`.
DocScore ScoreAttributions(const AnnotatedDoc& doc, const std::vector<BratAttribution>& gold);

}  // namespace annals
