// Victim counts of one article, per incident: runs the sentence grammar
// (count_grammar.h) over every sentence that holds a trigger word, attaches
// each figure's place (a LOCATION entity in reach), date (a time expression of
// its sentence, else the article's event date) and perpetrator ("by the former
// USSR armed forces"), then resolves incidents: restatements of a figure merge,
// updated tolls ("rose to 45") supersede, and figures marked or dated as
// another incident stay apart. Thread-safe: pure function.
#pragma once

#include <vector>

#include "facts/annotated_doc.h"
#include "facts/facts.h"

namespace annals {

// Fills `out` (cleared first) with the counts of `doc`, in text order of their
// evidence. Reads doc.doc.text, doc.layout, and when present doc.doc.title
// (a death it tells, the figure it gives: never a count of its own),
// doc.mentions, doc.entities, doc.times and doc.event_dates; works without
// them (place and date are then left empty). Every span lies inside the text.
void ExtractCounts(const AnnotatedDoc& doc, std::vector<Count>* out);

}  // namespace annals
