// Corrections applied after the statistical labeller, for name forms the
// CoNLL-2003 training data (1996 newswire) barely contains. Used by both the
// pipeline stage and `annals eval ner`, so the measured F1 is that of what
// annals outputs.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ner/lexicon.h"

namespace annals::ner {

// Whether `word` is written like a web domain used as a name: a capitalised
// word, then one or more ".part" groups of 2+ letters with a lower-case letter
// somewhere after the first dot ("News.Az", "Amazon.com"; not "U.S.", "J.P.").
bool IsWebStyleName(std::string_view word);

// What a whole document says about which words are names: the words the
// labeller put inside a multi-word entity ("Doris Day"). (A one-word entity
// is no evidence: the tagger also takes a mid-sentence "So" or "Well" in a
// transcript for a name.) Fill it with every sentence's tags before applying
// the rules to any sentence.
class NameEvidence {
 public:
  void Add(const std::vector<std::string_view>& words, const std::vector<uint8_t>& tags);
  bool Has(std::string_view word) const { return words_.count(word) != 0; }

 private:
  std::unordered_set<std::string_view> words_;  // views into the document
};

// Whether words[i] opens an utterance: first of its sentence, or after
// punctuation only (a quote, a bracket, an interview label's "))").
bool OpensUtterance(const std::vector<std::string_view>& words, size_t i);

// Adjusts BILOU `tags` of `words` (one sentence or a piece of one) in place:
// - a web-style name left outside any entity, or tagged alone as a person or
//   place, becomes a one-word ORG;
// - a one-word entity is dropped when it is the pronoun "I", an interjection
//   ("Yeah", "Oh"), or a word unlabeled news writes in lower case (casing
//   profile mostly/always lower in `lex`, or an unseen word in -ly before a
//   comma) that opens an utterance ("Well, …", "((Name))  So …",
//   "Additionally, …") — unless it is written in capitals,
//   is followed by a number (sports tables: "Nice 2 Lyon 1") or the document
//   gives `evidence` that it is a name ("Doris Day" … "Day said"). The
//   labeller's casing features cannot see that an interview label or a
//   quote starts a new utterance, so such openers were tagged.
void ApplyNameRules(const std::vector<std::string_view>& words, const Lexicon& lex, const NameEvidence& evidence,
                    std::vector<uint8_t>* tags);

}  // namespace annals::ner
