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
#include <vector>

#include "ner/lexicon.h"

namespace annals::ner {

// Bumped whenever any feature changes: stored in the model file, a model
// built with other features is refused.
inline constexpr uint32_t kFeatureVersion = 1;

// What DocContext needs to know of one word.
struct DocWord {
  uint64_t lower = 0;     // HashBytes of the normalised form (NormalizeWord)
  bool nonempty = false;  // the word has bytes
  bool cap = false;       // IsCapitalized
  bool letter = false;    // an ASCII letter or any non-ASCII byte
};
// The DocWord of `w`, whose normalised form hashes to `lower_hash`.
DocWord DocWordOf(std::string_view w, uint64_t lower_hash);

// What the rest of a document says about a word's casing: a capitalised word
// seen lower-case elsewhere in the same article is probably not a name.
class DocContext {
 public:
  // Records the sentence's words (call for every sentence of the document).
  void Add(const std::vector<std::string_view>& words);
  // The same for a sentence whose words are already summarised.
  void AddWords(const DocWord* words, size_t n);
  // Bits: 1 = seen lower-case, 2 = seen capitalised away from a sentence start.
  uint32_t Flags(uint64_t lower_hash) const;
  // Context aggregation (Ratinov & Roth): for a capitalised word, the
  // lower-cased left (even index) and right (odd index) neighbours of all its
  // capitalised occurrences in the document, at most kMaxContexts pairs.
  // Null if none.
  const std::vector<uint64_t>* Contexts(uint64_t lower_hash) const;
  static constexpr size_t kMaxContexts = 12;

  // Everything known of one word (by lower-case hash), with a memo slot a
  // scorer may use to keep what it derived from the contexts (their summed
  // weight rows: the same for every occurrence in the document). The memo
  // makes a DocContext single-threaded while it is being labelled; it is
  // built per document anyway.
  struct Word {
    uint32_t flags = 0;                        // Flags()
    std::vector<uint64_t> contexts;            // Contexts(), empty = none
    mutable const void* memo_owner = nullptr;  // who filled memo; null = empty
    mutable int32_t memo[20] = {};             // the owner's data
    uint64_t key = 0;                          // the lower-case hash (internal)
    uint32_t slot = 0;                         // its slot in the table (internal)
  };
  // The document's words, in order of first occurrence: word(i), i < size().
  size_t size() const { return used_; }
  const Word& word(size_t i) const { return words_[i]; }
  // The word's entry, null if the document never had it.
  const Word* Find(uint64_t lower_hash) const {
    if (used_ == 0) return nullptr;
    const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
    for (uint32_t i = static_cast<uint32_t>(lower_hash) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.index == 0) return nullptr;
      if (s.key == lower_hash) return &words_[s.index - 1];
    }
  }

  // Forgets the document but keeps the memory (tables and context buffers),
  // so one DocContext can serve article after article without allocating.
  void Clear();

 private:
  struct Slot {
    uint64_t key = 0;    // lower-case hash
    uint32_t index = 0;  // word + 1, 0 = empty
  };
  Word& Get(uint64_t lower_hash);  // the word's entry, created empty if new
  void Grow();                     // doubles the table

  // Open addressing (linear probing, at most half full) over words_[0, used_);
  // entries past used_ are spare, kept for their context buffers. (A node
  // per word in a std::unordered_map cost an allocation per word type per
  // article.)
  std::vector<Slot> slots_;
  std::vector<Word> words_;
  size_t used_ = 0;
};

// Per-token values the extractor computes before combining them into
// features (internal to FeatureExtractor; here so buffers can be reused).
struct TokenValues {
  uint64_t word = 0;              // hash of the exact form
  uint64_t lower = 0;             // hash of the normalised lower-case form
  uint64_t shape = 0;             // hash of the long shape
  uint64_t sshape = 0;            // hash of the collapsed shape
  uint64_t pre[4] = {0, 0, 0, 0};  // prefixes of 1..4 code points (lower-case)
  uint64_t suf[4] = {0, 0, 0, 0};  // suffixes of 1..4 code points
  int naffix = 0;                 // how many of pre/suf are set
  uint32_t cluster = 0;           // lexicon cluster value, 0 if unknown
  uint32_t casing = 0;            // CaseProfile
  uint32_t doc = 0;               // DocContext flags
  bool cap = false;               // first letter upper case
  bool allcaps = false;           // 2+ letters, all upper case
  bool has_letter = false;        // any letter
  bool upper_only = false;        // 1+ letters, all upper case (counts towards an all-caps sentence)
  bool dotted = false;            // letters, '.', then letters with a lower-case one (not "U.S.")
  int len = 0;                    // code points
  uint8_t gaz[4] = {0, 0, 0, 0};  // per entity type: 0 none, 1 B, 2 I, 3 L, 4 U
};

// The features of one sentence: token i's keys are keys[offsets[i] .. offsets[i+1]).
// Reuse one object across sentences: its buffers are kept.
struct SentenceFeatures {
  std::vector<uint64_t> keys;      // feature keys, token after token
  std::vector<uint32_t> offsets;   // n+1 offsets into keys
  std::vector<TokenValues> values; // scratch: per-token values
  std::vector<std::string> lowers; // scratch: per-token normalised forms
  std::vector<std::string_view> lower_views;  // scratch: views of `lowers`
};

class FeatureExtractor {
 public:
  explicit FeatureExtractor(const Lexicon& lexicon) : lex_(lexicon) {}
  // Computes the features of `words` (one sentence); `doc` may be null.
  void Extract(const std::vector<std::string_view>& words, const DocContext* doc, SentenceFeatures* out) const;

 private:
  Lexicon lex_;
};

// The word-level values of `w` (everything but `doc` and `gaz`, which
// depend on the document and the sentence); `lower` receives the normalised
// form. The single definition both the reference extractor and the scorer's
// word cache use.
void WordValues(std::string_view w, const Lexicon& lex, TokenValues* out, std::string* lower);

// Sets info[i].gaz (BILOU position per entity type) from the gazetteer
// phrases that start at a capitalised word (info[i].cap) among the n
// normalised words `lowers`; the longest phrase per type wins.
void MarkGazetteer(const Lexicon& lex, size_t n, const std::string_view* lowers, TokenValues* info);

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
