// Words: the quotation stage's own light word scan over the article bytes.
// The stage needs only words (for cues, subjects and names) and must not
// depend on how the shared tokenizer splits punctuation and quote marks, so
// it scans once, linearly, here. A word is a run of letters and digits with
// inner ' ’ - and inner periods before a lower-case letter or digit
// ("don’t", "Azerbaijan’s", "Jean-Luc", "U.S", "3.5"); "added.Aliyeva" is
// two words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

enum WordFlag : uint8_t {
  kWordCap = 1 << 0,        // first character is an upper-case ASCII letter (or non-ASCII upper)
  kWordLower = 1 << 1,      // all ASCII lower-case letters (lexicon lookups need only these)
  kWordAllCaps = 1 << 2,    // two or more letters, all upper case
  kWordDigit = 1 << 3,      // contains a digit
  kWordPossessive = 1 << 4, // ends in 's or ’s
};

struct Word {
  uint32_t start = 0;  // byte offset
  uint32_t end = 0;    // byte offset past the word
  uint8_t flags = 0;   // WordFlag bits
  bool has(WordFlag f) const { return (flags & f) != 0; }
};

// Appends the words of `text` to `out` (cleared first). O(n).
void ScanWords(std::string_view text, std::vector<Word>* out);

}  // namespace annals
