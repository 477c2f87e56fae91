// LexiconBuilder: learns the NER lexicon from unlabeled text (word clusters
// by top-down bisecting k-means over left/right neighbour distributions,
// giving Brown-style bit paths; casing profiles) and reads gazetteer files.
// Deterministic: the same input in the same order gives the same lexicon.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "ner/lexicon.h"

namespace annals::ner {

struct ClusterOptions {
  int clusters = 256;    // leaves of the cluster tree (rounded up to a power of two)
  int min_count = 5;     // words seen fewer times get no cluster
  int max_words = 60000; // most frequent words clustered
  int contexts = 1000;   // most frequent words used as left/right contexts
  int iterations = 8;    // 2-means iterations per split
  std::function<void(const std::string&)> progress;  // may be null
};

class LexiconBuilder {
 public:
  // Adds unlabeled text (tokenised and sentence-split with the text core).
  void AddText(std::string_view text);
  // Adds a gazetteer file: UTF-8 lines "TYPE<TAB>name", TYPE one of PER ORG
  // LOC MISC (or PERSON LOCATION); '#' lines and blank lines are skipped.
  Status AddGazetteerFile(const std::string& path);
  // Adds one gazetteer name.
  void AddGazetteerName(std::string_view name, uint32_t type_mask);
  uint64_t tokens() const { return tokens_; }
  // Clusters the words and lays out the tables.
  LexiconData Build(const ClusterOptions& options) const;

 private:
  std::unordered_map<std::string, uint32_t> word_ids_;  // exact word -> id
  std::vector<std::string> words_;                      // id -> word
  std::vector<uint32_t> counts_;                        // id -> occurrences
  std::vector<std::pair<uint32_t, uint32_t>> bigrams_;  // (left id, right id), in text order
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> casing_;  // lower hash -> (lower, capitalised) counts
  HashTableBuilder gazetteer_;
  uint32_t gaz_max_words_ = 0;
  uint64_t tokens_ = 0;
};

// Copies a lexicon's tables (e.g. out of a loaded model file).
LexiconData CopyLexicon(const Lexicon& lexicon);

}  // namespace annals::ner
