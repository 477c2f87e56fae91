// Classification of non-ASCII code points for the tokenizer (utf8proc general
// categories plus the news-relevant special cases).
#include "text/char_class.h"

#include <utf8proc.h>

#include "core/utf8.h"

namespace annals {

CharClass ClassifyCodePoint(char32_t cp) {
  // Code points whose role differs from (or refines) their general category.
  switch (cp) {
    case 0x2019: return CharClass::kApostrophe;  // ’
    case 0x2018: case 0x201C: case 0x00AB: case 0x2039: case 0x201E: case 0x201A:
    case 0x201F: case 0x201B:
      return CharClass::kOpenQuote;  // ‘ “ « ‹ „ ‚ ‟ ‛
    case 0x201D: case 0x00BB: case 0x203A: return CharClass::kCloseQuote;  // ” » ›
    case 0x2010: case 0x2011: return CharClass::kHyphen;                  // ‐ ‑
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
    case 0x2212:  // minus sign, used as a dash in some feeds
      return CharClass::kDash;
    case 0x2026: return CharClass::kEllipsis;
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61: case 0x203C: case 0x2047:
    case 0x2048: case 0x2049: case 0x061F: case 0x0964: case 0x06D4:
      return CharClass::kTerminal;  // 。 ！ ？ ｡ ‼ ⁇ ⁈ ⁉ ؟ । ۔
    case 0xFF0C: case 0x3001: case 0x060C: return CharClass::kComma;  // ， 、 ،
    case 0xFFFD: return CharClass::kSymbol;
    default: break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return CharClass::kUpper;
    case UTF8PROC_CATEGORY_LL: return CharClass::kLower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return CharClass::kDigit;
    case UTF8PROC_CATEGORY_PD: return CharClass::kDash;
    case UTF8PROC_CATEGORY_PS: return CharClass::kOpenBracket;
    case UTF8PROC_CATEGORY_PE: return CharClass::kCloseBracket;
    case UTF8PROC_CATEGORY_PI: return CharClass::kOpenQuote;
    case UTF8PROC_CATEGORY_PF: return CharClass::kCloseQuote;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PO: return CharClass::kPunct;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: return CharClass::kSpace;
    case UTF8PROC_CATEGORY_CF: return CharClass::kSkip;
    default: return CharClass::kSymbol;  // S*, Co, Cs, Cn
  }
}

CharClass ClassAt(std::string_view s, size_t pos, int* len) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    *len = 1;
    return kAsciiClass[c];
  }
  const char32_t cp = DecodeUtf8(s, pos, len);
  return ClassifyCodePoint(cp);
}

}  // namespace annals
