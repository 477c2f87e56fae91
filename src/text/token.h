// Token, Sentence and Paragraph: the text core's output. Every unit is a pair
// of byte offsets into the original UTF-8 text — never a copy — so every fact
// found on top of them points at the exact text it came from.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace annals {

// What a token is. Not stored on disk.
enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with inner ' - . (O'Neill, Jean-Luc, U.S., News.Az); clitics 's n't
  kNumber,  // starts with a digit: 1,200.5  3.5  19:30  2025-01-17  1/20/1990  21st  1.2bn  12-year-old
  kPunct,   // punctuation: . , ; : ! ? … – — ( ) [ ] and quote marks
  kSymbol,  // other symbols: $ % & + = # @ © …
  kUrl,     // http://… https://… www.… and e-mail addresses
  kHandle,  // @user and #hashtag
};

// Bit flags describing a token's surface, set by the tokenizer (kTokParaStart
// and kTokSentStart by AnalyzeText). Bits are append-only: other modules test them.
enum TokenFlag : uint16_t {
  kTokCapitalized = 1 << 0,  // first letter is upper case
  kTokAllCaps = 1 << 1,      // every letter is upper case (and there are 2+)
  kTokHasDigit = 1 << 2,     // contains a digit
  kTokSpaceBefore = 1 << 3,  // preceded by whitespace (or at text start)
  kTokQuote = 1 << 4,        // a quotation mark (" ' “ ” ‘ ’ « » „ ‹ ›)
  kTokOpenQuote = 1 << 5,    // a quote mark that opens (“ ‘ « „, or a straight one judged opening)
  kTokParaStart = 1 << 6,    // first token of a paragraph
  kTokAbbrev = 1 << 7,       // word whose final '.' belongs to it: Mr. U.S. Jan. J. etc. No.(5)
  kTokClitic = 1 << 8,       // split-off clitic or possessive: 's ’s n't 're 've 'll 'd 'm, and ' after s
  kTokLower = 1 << 9,        // first letter is lower case
  kTokDash = 1 << 10,        // a dash: - -- – — (not a hyphen inside a word)
  kTokNewlineBefore = 1 << 11,  // the whitespace before it holds a line break
  kTokSentStart = 1 << 12,   // first token of a sentence (set by AnalyzeText)
};

struct Token {
  uint32_t start = 0;  // byte offset of the first byte
  uint32_t end = 0;    // byte offset one past the last byte
  TokenKind kind = TokenKind::kWord;
  uint16_t flags = 0;  // TokenFlag bits

  std::string_view text(std::string_view doc) const { return doc.substr(start, end - start); }
  bool has(TokenFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
  uint32_t start = 0;        // byte offset of the first token
  uint32_t end = 0;          // byte offset past the last token
  uint32_t token_begin = 0;  // index of its first token
  uint32_t token_end = 0;    // index past its last token
  uint32_t paragraph = 0;    // index of its paragraph
};

struct Paragraph {
  uint32_t start = 0;  // byte offset of its first non-space byte
  uint32_t end = 0;    // byte offset past its last non-space byte
};

// The text core's analysis of one text.
struct TextLayout {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
};

}  // namespace annals
