// The temporal tagger's own scanner: splits text into words, numbers and
// punctuation with byte offsets and looks every word up in the temporal
// lexicon once. It is deliberately independent of src/text's tokenizer:
// time expressions need finer pieces ("third-quarter" → third - quarter,
// "10:35" → 10 : 35, "1990s" → 1990 s, "a.m." → a . m .) than a general
// tokenizer gives, and one linear pass here is what makes the tagger fast.
// Thread-safe: no state besides the output vector.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "timex/timex_lexicon.h"

namespace annals::timex {

enum class TokKind : uint8_t { kWord, kNum, kPunct };

enum TokFlag : uint8_t {
  kSpaceBefore = 1 << 0,  // whitespace (or text start) before the token
  kCap = 1 << 1,          // word starts with an upper-case ASCII letter
  kParaBefore = 1 << 3,   // a blank line (2+ newlines) before the token
  kSeparated = 1 << 4,    // number with inner ',' or '.' (1,200 / 3.5): never a date part
  kLineBefore = 1 << 5,   // a newline before the token
};

struct Tok {
  uint32_t b = 0;        // byte offset of the first byte
  uint32_t e = 0;        // byte offset past the last byte
  TokKind kind = TokKind::kWord;
  uint8_t flags = 0;     // TokFlag bits
  LexEntry lex;          // lexicon readings (words only)
  char ch = 0;           // punctuation: the ASCII char; '-' for Unicode dashes, '"' for quotes
  uint8_t ndig = 0;      // numbers: digit count (capped at 255)
  int64_t num = -1;      // numbers: value, -1 if it has more than 12 digits
};

// Scans `text` into `out` (cleared first). Never reads past the text; any
// byte sequence, including invalid UTF-8, is accepted. Token boundaries fall
// on ASCII bytes or around whole U+2000..U+206F punctuation sequences, so
// spans built from word/number tokens never split a UTF-8 character.
void Scan(std::string_view text, std::vector<Tok>* out);

}  // namespace annals::timex
