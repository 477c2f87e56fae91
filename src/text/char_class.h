// Character classes for the tokenizer: what role one code point plays in
// splitting text (space, letter, digit, a particular punctuation mark...).
// ASCII is a 128-entry table read inline (the hot path); everything else is
// decoded and classified with utf8proc's general category plus a handful of
// code points that matter to news text (curly quotes, dashes, ellipsis).
// Thread-safe: only constant tables.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace annals {

// The role of one code point. Letters carry their case; other classes are the
// distinctions the tokenizer and sentence splitter act on.
enum class CharClass : uint8_t {
  kSpace,        // ASCII space/tab/CR/FF/VT, Unicode Zs/Zl/Zp, control characters
  kNewline,      // '\n'
  kSkip,         // format characters (Cf: soft hyphen, ZWJ, ZWSP, BOM...): glue inside a word, ignored outside
  kUpper,        // upper- or title-case letter (Lu, Lt)
  kLower,        // lower-case letter (Ll)
  kLetter,       // caseless letter (Lm, Lo) and combining marks (M*)
  kDigit,        // digits and other numerals (Nd, Nl, No)
  kPeriod,       // '.'
  kComma,        // ','
  kColon,        // ':'
  kSemicolon,    // ';'
  kTerminal,     // '!' '?' and their CJK/full-width forms, '。'
  kDquote,       // '"'
  kSquote,       // '\''
  kHyphen,       // '-' and U+2010/U+2011 (hyphens that may join words)
  kDash,         // – — ― ‒ (U+2012..U+2015), ⸺ ⸻
  kEllipsis,     // … (U+2026)
  kOpenQuote,    // “ ‘ « ‹ „ ‚ (and ‟ ‛)
  kCloseQuote,   // ” » ›
  kApostrophe,   // ’ (U+2019): an apostrophe inside a word, a closing quote elsewhere
  kOpenBracket,  // ( [ { and other Ps
  kCloseBracket, // ) ] } and other Pe
  kAt,           // '@'
  kHash,         // '#'
  kAmpersand,    // '&'
  kUnderscore,   // '_'
  kSlash,        // '/'
  kPunct,        // other punctuation (Po, Pc, Pi/Pf not listed above)
  kSymbol,       // symbols (S*), private use, unassigned, invalid bytes (U+FFFD)
};

namespace char_class_internal {
constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kSymbol;
    if (c < 0x20 || c == 0x7F) k = CharClass::kSpace;  // controls act as separators
    if (c == ' ') k = CharClass::kSpace;
    if (c == '\n') k = CharClass::kNewline;
    if (c >= 'A' && c <= 'Z') k = CharClass::kUpper;
    if (c >= 'a' && c <= 'z') k = CharClass::kLower;
    if (c >= '0' && c <= '9') k = CharClass::kDigit;
    switch (c) {
      case '.': k = CharClass::kPeriod; break;
      case ',': k = CharClass::kComma; break;
      case ':': k = CharClass::kColon; break;
      case ';': k = CharClass::kSemicolon; break;
      case '!': case '?': k = CharClass::kTerminal; break;
      case '"': k = CharClass::kDquote; break;
      case '\'': k = CharClass::kSquote; break;
      case '-': k = CharClass::kHyphen; break;
      case '(': case '[': case '{': k = CharClass::kOpenBracket; break;
      case ')': case ']': case '}': k = CharClass::kCloseBracket; break;
      case '@': k = CharClass::kAt; break;
      case '#': k = CharClass::kHash; break;
      case '&': k = CharClass::kAmpersand; break;
      case '_': k = CharClass::kUnderscore; break;
      case '/': k = CharClass::kSlash; break;
      default: break;
    }
    t[c] = k;
  }
  return t;
}
}  // namespace char_class_internal

inline constexpr std::array<CharClass, 128> kAsciiClass = char_class_internal::MakeAsciiTable();

// Class of a non-ASCII code point (cp >= 0x80; U+FFFD for invalid bytes).
CharClass ClassifyCodePoint(char32_t cp);

// Class of the code point at s[pos] (pos < s.size()); *len receives its byte
// length (1 for an invalid byte, classed kSymbol).
CharClass ClassAt(std::string_view s, size_t pos, int* len);

// True for classes that form words: letters of any case, marks, digits.
inline bool IsAlnumClass(CharClass c) {
  return c == CharClass::kUpper || c == CharClass::kLower || c == CharClass::kLetter ||
         c == CharClass::kDigit;
}
inline bool IsLetterClass(CharClass c) {
  return c == CharClass::kUpper || c == CharClass::kLower || c == CharClass::kLetter;
}
inline bool IsSpaceClass(CharClass c) {
  return c == CharClass::kSpace || c == CharClass::kNewline || c == CharClass::kSkip;
}

}  // namespace annals
