// The quotation stage: finds direct quotations (every quoting style, nested,
// multi-paragraph, glued to the previous sentence), partial quotations
// inside a sentence (kind fragment) and indirect speech ("X said that …",
// "according to X, …"), with the cue and the speaker resolved to the
// article's entities. Runs last in the pipeline: it reads the NER mentions
// and entities (and works without them), attaches people's roles to
// doc->entities and fills doc->quotes in text order.
//
// Cost: linear in the article's bytes (each scan is bounded: windows around
// a cue are capped in words and bytes), so adversarial input — 100,000 quote
// marks in a row, unbalanced quotes — cannot blow it up.
#pragma once

#include <memory>

#include "facts/annotated_doc.h"
#include "facts/stage.h"

namespace annals {

// Runs quotation extraction on `doc`: replaces doc->quotes, may set
// Entity::role/affiliation. Thread-safe (no shared mutable state).
void ExtractQuotes(AnnotatedDoc* doc);

// The pipeline stage wrapping ExtractQuotes; its name is "quotes".
std::unique_ptr<Stage> NewQuoteStage();

}  // namespace annals
