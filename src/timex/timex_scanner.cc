// Scanner: one pass over the bytes, a lexicon probe per ASCII word.
#include "timex/timex_scanner.h"

namespace annals::timex {

namespace {

inline bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Length of a U+2000..U+206F punctuation sequence (E2 80/81 xx) at i, else 0.
inline size_t GeneralPunct(std::string_view s, size_t i) {
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2) {
    const unsigned char b1 = s[i + 1], b2 = s[i + 2];
    if ((b1 == 0x80 || b1 == 0x81) && b2 >= 0x80 && b2 <= 0xBF) return 3;
  }
  return 0;
}

}  // namespace

void Scan(std::string_view s, std::vector<Tok>* out) {
  out->clear();
  const size_t n = s.size();
  size_t i = 0;
  uint8_t pending = kSpaceBefore;
  int newlines = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      pending |= kSpaceBefore;
      if (c == '\n') ++newlines;
      ++i;
      continue;
    }
    Tok t;
    t.b = static_cast<uint32_t>(i);
    t.flags = pending;
    if (newlines >= 1) t.flags |= kLineBefore;
    if (newlines >= 2) t.flags |= kParaBefore;
    pending = 0;
    newlines = 0;
    if (IsDigit(c)) {
      t.kind = TokKind::kNum;
      int64_t v = 0;
      int digits = 0;
      bool sep = false;
      for (;;) {
        while (i < n && IsDigit(static_cast<unsigned char>(s[i]))) {
          if (digits < 12) v = v * 10 + (s[i] - '0');
          ++digits;
          ++i;
        }
        // "1,200" and "3.5" stay one number, marked as never a date part.
        if (i + 1 < n && (s[i] == ',' || s[i] == '.') &&
            IsDigit(static_cast<unsigned char>(s[i + 1]))) {
          sep = true;
          ++i;
          continue;
        }
        break;
      }
      t.ndig = static_cast<uint8_t>(digits > 255 ? 255 : digits);
      t.num = digits > 12 ? -1 : v;
      if (sep) t.flags |= kSeparated;
    } else if (IsAlpha(c) || (c >= 0x80 && GeneralPunct(s, i) == 0)) {
      t.kind = TokKind::kWord;
      bool ascii = true;
      int upper = 0, letters = 0;
      while (i < n) {
        const unsigned char d = s[i];
        if (IsAlpha(d)) {
          ++letters;
          if (d <= 'Z') ++upper;
          ++i;
        } else if (d >= 0x80 && GeneralPunct(s, i) == 0) {
          ascii = false;
          ++i;
        } else {
          break;
        }
      }
      if (c >= 'A' && c <= 'Z') t.flags |= kCap;
      if (letters >= 2 && upper == letters) t.flags |= kAllCaps;
      if (ascii) t.lex = LookupWord(s.substr(t.b, i - t.b));
    } else {
      t.kind = TokKind::kPunct;
      const size_t g = GeneralPunct(s, i);
      if (g) {
        const unsigned char b1 = s[i + 1], b2 = s[i + 2];
        t.ch = (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) ? '-'
               : (b1 == 0x80 && b2 >= 0x98 && b2 <= 0x9F) ? '"'
                                                          : '*';
        i += g;
      } else {
        t.ch = static_cast<char>(c);
        ++i;
      }
    }
    t.e = static_cast<uint32_t>(i);
    out->push_back(t);
  }
}

}  // namespace annals::timex
