// The sentence-level count grammar: finds every figure a sentence gives for
// people killed, wounded, arrested... ("150 people were killed", "killing at
// least 12", "the death toll rose to 45", "no one was hurt") with its
// qualifier, victims and evidence span. Knows nothing of incidents: merging
// restatements and updates across sentences is count_incidents.h's job.
// Thread-safe: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "facts/facts.h"
#include "text/token.h"

namespace annals {

// A word of a sentence as the grammar sees it: tokens glued without space by
// inner '-' ',' '.' or an apostrophe ("1,200", "twenty-five", "wasn't") are one
// unit, so the grammar works the same on a coarse or a fine tokenizer.
struct CountUnit {
  uint32_t start = 0;   // byte offset into the text
  uint32_t end = 0;     // byte offset past the unit
  std::string lower;    // ASCII-lower-cased text, curly apostrophes as '
  bool word = false;    // starts with a letter or digit (not punctuation)
  bool capitalized = false;  // first letter upper case
};

// One figure found in one sentence, before incidents are resolved.
struct CountCandidate {
  Count count;                // type, number, qualifier, victims, start/end, sentence
  uint32_t trigger_end = 0;   // byte offset past the trigger word (for place/perpetrator)
  bool supersedes = false;    // an update of an earlier figure ("the toll rose to 45")
  bool definite = false;      // refers back: "the three victims", "one of the victims", "he"
  bool new_incident = false;  // marked as another incident ("in a separate shooting")
  bool shot = false;          // "were shot": killed or wounded, resolved per incident (type WOUND)
  bool additional = false;    // "two others were shot", "also shot": besides those counted before
  int ordinal = 0;            // "a third victim died": the incident's figure is now at least this;
                              // -1: "another man died", one more than the figure so far
  bool active = false;        // the object of an active verb ("killing his wife"): never the killer
  bool suicide = false;       // only tells the killer's suicide ("then shot himself", "murder-suicide")
  bool suicide_counted = false;  // the killer's suicide is already in the figure
  std::string name;           // one person by name ("Barfield was killed"): the name as written
  uint32_t name_start = 0;    // its byte span
  uint32_t name_end = 0;
};

// Splits tokens [begin, end) of `text` into units.
void BuildCountUnits(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                     uint32_t end, std::vector<CountUnit>* out);

// True if the sentence made of tokens [begin, end) holds any trigger word: a
// cheap filter run on every sentence before the grammar proper.
bool SentenceMayHoldCount(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                          uint32_t end);

// Appends the counts of one sentence (its units, its index) to `out`, in text
// order. `text` is the whole article (victims are copied from it).
void FindSentenceCounts(std::string_view text, const std::vector<CountUnit>& units,
                        uint32_t sentence, std::vector<CountCandidate>* out);

}  // namespace annals
