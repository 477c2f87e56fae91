// Word scan: see words.h.
#include "quotes/words.h"

namespace annals {

namespace {

// Length of the letter at `pos` (0 if not a letter or digit). Non-ASCII:
// E2 xx xx (general punctuation, symbols) and C2 xx (Latin-1 punctuation,
// nbsp, guillemets) are not letters; other multi-byte sequences are.
int LetterLen(std::string_view t, size_t pos) {
  const unsigned char c = t[pos];
  if (c < 0x80) {
    return ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) ? 1 : 0;
  }
  if (c < 0xC3) return 0;  // continuation byte, C0/C1 (invalid), C2 punctuation
  if (c == 0xE2 || c == 0xE3) return 0;  // punctuation, symbols, CJK punctuation
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (pos + len > t.size()) return 0;
  for (int k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(t[pos + k]) & 0xC0) != 0x80) return 0;
  return len;
}

bool IsApostropheAt(std::string_view t, size_t pos, size_t* len) {
  if (t[pos] == '\'') {
    *len = 1;
    return true;
  }
  if (pos + 2 < t.size() && static_cast<unsigned char>(t[pos]) == 0xE2 &&
      static_cast<unsigned char>(t[pos + 1]) == 0x80 && static_cast<unsigned char>(t[pos + 2]) == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

}  // namespace

void ScanWords(std::string_view t, std::vector<Word>* out) {
  out->clear();
  const size_t n = t.size();
  size_t i = 0;
  while (i < n) {
    int len = LetterLen(t, i);
    if (len == 0) {
      ++i;
      continue;
    }
    Word w;
    w.start = static_cast<uint32_t>(i);
    size_t seg_start = i;
    bool all_lower = true, all_upper = true, digit = false;
    int letters = 0;
    while (i < n) {
      len = LetterLen(t, i);
      if (len > 0) {
        const unsigned char c = t[i];
        if (c >= '0' && c <= '9') digit = true, all_lower = false;
        else if (c < 0x80 && c >= 'A' && c <= 'Z') all_lower = false, ++letters;
        else if (c < 0x80) all_upper = false, ++letters;
        else all_lower = false, all_upper = false, ++letters;
        i += len;
        continue;
      }
      // Inner joiners need a letter on both sides.
      size_t jl = 0;
      const unsigned char c = t[i];
      if (IsApostropheAt(t, i, &jl) || c == '-') {
        if (c == '-') jl = 1;
        if (i + jl < n && LetterLen(t, i + jl) > 0) {
          all_lower = all_lower && c != '\'' && jl == 1;
          i += jl;
          seg_start = i;
          continue;
        }
      } else if (c == '.' && i + 1 < n) {
        const unsigned char d = t[i + 1];
        const bool next_low = (d >= 'a' && d <= 'z') || (d >= '0' && d <= '9');
        // "U.S": one-letter segments join even before a capital.
        const bool single = i - seg_start == 1 && d >= 'A' && d <= 'Z';
        if (next_low || single) {
          all_lower = false;
          i += 1;
          seg_start = i;
          continue;
        }
      }
      break;
    }
    w.end = static_cast<uint32_t>(i);
    const unsigned char f = t[w.start];
    if ((f >= 'A' && f <= 'Z') || (f >= 0xC3 && f <= 0xC3 && w.end - w.start >= 2 &&
                                   static_cast<unsigned char>(t[w.start + 1]) < 0x9F))
      w.flags |= kWordCap;
    if (all_lower && !digit) w.flags |= kWordLower;
    if (all_upper && letters >= 2) w.flags |= kWordAllCaps;
    if (digit) w.flags |= kWordDigit;
    const std::string_view s = t.substr(w.start, w.end - w.start);
    if (s.size() > 2 && (s.ends_with("'s") || s.ends_with("\xE2\x80\x99s"))) w.flags |= kWordPossessive;
    out->push_back(w);
  }
}

std::string_view LowerWord(std::string_view text, const Word& w, std::string* buf) {
  buf->assign(text.substr(w.start, w.end - w.start));
  for (char& c : *buf)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return *buf;
}

}  // namespace annals
