// Words: the quotation stage's own light word scan over the article bytes.
// The stage needs only words (for cues, subjects and names) and must not
// depend on how the shared tokenizer splits punctuation and quote marks, so
// it scans once, linearly, here. A word is a run of letters and digits with
// inner ' ’ - and inner periods before a lower-case letter or digit
// ("don’t", "Azerbaijan’s", "Jean-Luc", "U.S", "3.5"), and a period before
// a capitalised web domain ending ("News.Az", "Salon.Com"); "added.Aliyeva"
// is two words.
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

// True if text[dot] is a period that joins a name to a capitalised web
// domain ending ("News.Az", "Trend.Az", "Salon.Com", "NEWS.AZ"): an
// outlet's name, not two sentences glued together ("added.Aliyeva"). Only
// endings that are no English word ("In", "It", "Me", "No", "So", "To" are
// also domain endings and stay sentence starts).
bool DomainSuffixAt(std::string_view text, size_t dot);

// Appends the words of `text` to `out` (cleared first). O(n).
void ScanWords(std::string_view text, std::vector<Word>* out);

}  // namespace annals
