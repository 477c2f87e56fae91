// The words of the count grammar: cardinal numbers ("150", "1,200",
// "twenty-five"), vague quantities ("dozens"), the trigger words that say what
// happened to the people counted ("killed", "injuries", "detained") and the
// nouns that name people ("officers", "children"). All lookups take a
// lower-cased word and are thread-safe (the tables are immutable statics).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "facts/facts.h"

namespace annals {

// How a trigger word can take part in a count.
enum TriggerForm : uint8_t {
  kTrigPredicate = 1 << 0,   // after a subject and/or auxiliary: "were killed", "45 dead"
  kTrigActive = 1 << 1,      // takes the count as object: "killing 12", "arrested two men"
  kTrigNoun = 1 << 2,        // the counted noun itself: "12 deaths", "100 protesters"
  kTrigIntransitive = 1 << 3,// a verb with the count as subject, no auxiliary: "three died"
};

struct Trigger {
  CountType type = CountType::kKill;  // what the trigger says happened
  uint8_t forms = 0;                  // TriggerForm bits
};

// The trigger a lower-cased word is, if any ("killed" → KILL predicate|active).
std::optional<Trigger> LookupTrigger(std::string_view lower);

// Every word LookupTrigger knows (for prefilters that build their own
// faster table of them).
std::vector<std::string_view> TriggerWords();

// The value of one lower-cased word or digit group as a cardinal: "150",
// "1,200", "twelve", "twenty-five", "a" is not one. Rejects ordinals, ages
// ("23-year-old"), times ("10:30"), decimals that are not whole.
std::optional<int64_t> ParseCardinalWord(std::string_view lower);

// Multipliers that may follow a cardinal: "hundred" 100, "thousand" 1000,
// "million" 10^6, "billion" 10^9.
std::optional<int64_t> ScaleWord(std::string_view lower);

// Vague plural quantities, with the lower bound they stand for:
// "dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2000, "millions" 2·10^6.
std::optional<int64_t> VagueQuantity(std::string_view lower);

// True if `lower` names people (plural or singular): "people", "officers",
// "children", "man", "victims".
bool IsPersonNoun(std::string_view lower);

// True for the singular forms among person nouns ("man", "victim").
bool IsSingularPersonNoun(std::string_view lower);

// True for auxiliaries and copulas that introduce a predicate trigger:
// "was", "were", "have", "been", "remain", "got"...
bool IsAuxiliary(std::string_view lower);

// Words allowed between an auxiliary and a predicate trigger without breaking
// it: adverbs and co-verbs ("fatally", "shot", "found", "pronounced", "and").
bool IsVerbComplexFiller(std::string_view lower);

// Modal and hypothetical markers that cancel a count: "could", "would",
// "might", "may", "to" ("threatened to kill").
bool IsModal(std::string_view lower);

// Clause boundaries the subject search never crosses: "said", "after",
// "when", "but", "because"...
bool IsClauseBoundary(std::string_view lower);

// Prepositions that may open a phrase between a subject and its verb
// ("150 people in Baku ... were murdered").
bool IsPreposition(std::string_view lower);

// Words marking a count as a different incident from the one before
// ("another", "separate", "previous", "similar").
bool IsNewIncidentMarker(std::string_view lower);

// Words marking an updated toll that supersedes an earlier one ("rose",
// "climbed", "risen", "increased", "now").
bool IsUpdateMarker(std::string_view lower);

}  // namespace annals
