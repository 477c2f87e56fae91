// NER features: turns the words of a sentence into, per token, a list of
// 64-bit feature keys (template id + value, hashed). The model maps keys to
// weight rows. Features follow Ratinov & Roth (CoNLL 2009): the word and its
// lower-cased form, shape, affixes, a window of neighbours, capitalisation in
// context (sentence, document, unlabeled corpus), word clusters, gazetteers.
// Thread-safe: a FeatureExtractor holds only a read-only lexicon.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ner/lexicon.h"

namespace annals::ner {

// Bumped whenever any feature changes: stored in the model file, a model
// built with other features is refused.
inline constexpr uint32_t kFeatureVersion = 1;

// What the rest of a document says about a word's casing: a capitalised word
// seen lower-case elsewhere in the same article is probably not a name.
class DocContext {
 public:
  // Records the sentence's words (call for every sentence of the document).
  void Add(const std::vector<std::string_view>& words);
  // Bits: 1 = seen lower-case, 2 = seen capitalised away from a sentence start.
  uint32_t Flags(uint64_t lower_hash) const;
  // Context aggregation (Ratinov & Roth): for a capitalised word, the
  // lower-cased left (even index) and right (odd index) neighbours of all its
  // capitalised occurrences in the document, at most kMaxContexts pairs.
  // Null if none.
  const std::vector<uint64_t>* Contexts(uint64_t lower_hash) const;
  static constexpr size_t kMaxContexts = 12;

 private:
  std::unordered_map<uint64_t, uint32_t> flags_;                 // lower-case hash -> bits
  std::unordered_map<uint64_t, std::vector<uint64_t>> contexts_;  // lower-case hash -> neighbours
};

// The features of one sentence: token i's keys are keys[offsets[i] .. offsets[i+1]).
struct SentenceFeatures {
  std::vector<uint64_t> keys;      // feature keys, token after token
  std::vector<uint32_t> offsets;   // n+1 offsets into keys
};

class FeatureExtractor {
 public:
  explicit FeatureExtractor(const Lexicon& lexicon) : lex_(lexicon) {}
  // Computes the features of `words` (one sentence); `doc` may be null.
  void Extract(const std::vector<std::string_view>& words, const DocContext* doc, SentenceFeatures* out) const;

 private:
  Lexicon lex_;
};

// Helpers, exposed for tests.
// Lower-cases UTF-8 (ASCII fast path, utf8proc for the rest), maps curly
// quotes to straight ones and every digit to '0'.
void NormalizeWord(std::string_view word, std::string* out);
// Word shape: upper -> X, lower -> x, digit -> d, other characters kept
// (non-ASCII non-letters -> '*'); `collapse` merges runs ("Xxxxx" -> "Xx").
void WordShape(std::string_view word, bool collapse, std::string* out);
// Whether the first letter of `word` is upper case (any script).
bool IsCapitalized(std::string_view word);

}  // namespace annals::ner
