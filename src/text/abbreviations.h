// Word lists the tokenizer and sentence splitter consult: abbreviations that
// keep their period (with how each behaves at a possible sentence end) and
// closed-class words that typically start a sentence. English news only.
// Thread-safe: constant tables.
#pragma once

#include <cstdint>
#include <string_view>

namespace annals {

// How an abbreviation's period behaves at a possible sentence boundary.
enum class AbbrevClass : uint8_t {
  kNone,          // not an abbreviation
  kTitle,         // precedes a name; ends a sentence only before a strong starter: Mr. Dr. St.
  kNumberPrefix,  // only before a number, never ends a sentence: No. 5, Art. 3, pp. 10
  kInline,        // mid-sentence connective, never ends a sentence: e.g. i.e. vs. cf.
  kMonthDay,      // Jan. Feb. ... Mon. Tue.: ends a sentence before a sentence starter
  kEnding,        // may end a sentence (before a sentence starter): Inc. Corp. Ltd. etc. Jr.
};

// Class of `word` (without its period) as an abbreviation. Case matters as
// written ("Mr", "etc"); an ALL-CAPS form of a capitalised entry also matches
// ("MR", "INC") so headlines work. Initialisms (U.S, e.g, a.m) and single
// letters are recognised by the tokenizer itself, not here.
AbbrevClass LookupAbbreviation(std::string_view word);

// True if `word` (any case) is a closed-class word that commonly opens a
// sentence ("The", "He", "But", "In"...): after an ambiguous period such as
// "U.S." or "Inc.", a following starter word means the sentence ended.
bool IsSentenceStarter(std::string_view word);

// The subset of sentence starters that cannot be a name after a title
// ("The", "He", "But"...), so "Main St. The" still ends a sentence while
// "Dr. Who" and "Mr. Still" do not.
bool IsStrongSentenceStarter(std::string_view word);

}  // namespace annals
