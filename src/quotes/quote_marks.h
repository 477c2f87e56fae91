// Quote marks: one linear pass over the article's bytes that finds every
// character that can open or close a quotation (" ' “ ” ‘ ’ „ ‚ « » ‹ › and
// the typewriter pairs `` and ''), with what its shape and neighbours say
// about its direction. It does not pair marks (quote_spans.h does that).
// Works on raw bytes so it does not depend on how the tokenizer splits
// quote marks; invalid UTF-8 is harmless (such bytes are never marks).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace annals {

// The family a mark belongs to: marks of one family pair with each other.
enum class QuoteFamily : uint8_t {
  kDouble,     // " “ ” „ `` ''
  kSingle,     // ' ‘ ’ ‚
  kGuillemet,  // « » ‹ ›
};

// What the mark's shape says about its direction.
enum class MarkDir : uint8_t {
  kOpen,   // “ ‘ „ ‚ « ‹ ``
  kClose,  // ” ’ » ›
  kEither, // " ' '' (straight marks: direction from context)
};

struct QuoteMark {
  uint32_t start = 0;       // byte offset of the mark
  uint32_t end = 0;         // byte offset past the mark
  QuoteFamily family = QuoteFamily::kDouble;
  MarkDir dir = MarkDir::kEither;
  bool low = false;         // „ or ‚ (German/Polish opening, closed by “ or ”)
  bool space_before = true; // whitespace, an opening bracket or the text start before it
  bool space_after = true;  // whitespace, punctuation or the text end after it
  bool letter_before = false;  // a letter or digit immediately before
  bool letter_after = false;   // a letter or digit immediately after
  bool digit_before = false;   // a digit immediately before (inch marks: 5")
};

// Appends every quote mark of `text` to `out` (cleared first), in text order.
// Apostrophes inside words (don't, Azerbaijan’s) are not reported. O(n).
void ScanQuoteMarks(std::string_view text, std::vector<QuoteMark>* out);

}  // namespace annals
