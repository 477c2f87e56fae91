// AnnotatedDoc: one article and everything the pipeline found in it. Stages
// (ner, timex, counts, quotes) each add their facts; a stage reads only what
// earlier stages wrote here, never another stage's internals.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "facts/facts.h"
#include "text/token.h"

namespace annals {

struct AnnotatedDoc {
  Document doc;                          // the article as read
  TextLayout layout;                     // tokens, sentences, paragraphs of doc.text
  std::vector<EntityMention> mentions;   // NER mentions, in text order
  std::vector<Entity> entities;          // per-article canonical entities
  std::vector<TimeExpr> times;           // time expressions, in text order
  std::vector<std::string> event_dates;  // TIMEX3 values the main facts refer to, most important first
  std::vector<Count> counts;             // victim counts, one per incident figure
  std::vector<Quote> quotes;             // quotations, in text order
};

}  // namespace annals
