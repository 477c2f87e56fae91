// Lexicon: word knowledge the NER features consult besides the sentence
// itself — word clusters and casing statistics learned from unlabeled news,
// and gazetteers (lists of known names). Stored inside the model file.
#pragma once

#include <cstdint>

#include "ner/hash.h"

namespace annals::ner {

// Casing profile of a word in unlabeled text, seen away from sentence starts.
enum CaseProfile : uint32_t {
  kCaseUnseen = 0,       // not in the table
  kCaseAlwaysLower = 1,  // only lower-case
  kCaseMostlyLower = 2,  // lower-case >= 90%
  kCaseMixed = 3,        // neither
  kCaseMostlyCap = 4,    // capitalised >= 90%
  kCaseAlwaysCap = 5,    // only capitalised
};

struct Lexicon {
  HashTableView clusters;             // HashBytes(word) -> (path length << 24) | path bits
  HashTableView casing;               // HashBytes(lowered word) -> CaseProfile
  HashTableView gazetteer;            // HashBytes(lowered words joined by ' ') -> EntityType bitmask
  uint32_t gazetteer_max_words = 0;   // longest gazetteer phrase, in words
};

// Owned storage for a Lexicon (training, tests).
struct LexiconData {
  HashTableData clusters;            // see Lexicon
  HashTableData casing;              // see Lexicon
  HashTableData gazetteer;           // see Lexicon
  uint32_t gazetteer_max_words = 0;  // see Lexicon
  Lexicon View() const {
    return Lexicon{clusters.View(), casing.View(), gazetteer.View(), gazetteer_max_words};
  }
};

}  // namespace annals::ner
