// Word scan: see words.h.
#include "quotes/words.h"

namespace annals {

namespace {

// Length of the letter at `pos` (0 if not a letter or digit). Non-ASCII:
// E2 xx xx (general punctuation, symbols) and C2 xx (Latin-1 punctuation,
// nbsp, guillemets) are not letters; other multi-byte sequences are.
// ASCII classes: 1 digit, 2 upper-case letter, 4 lower-case letter.
// All 256 byte values (non-ASCII bytes class 0): the letter-run loop needs
// one table load per byte and no separate ASCII test.
struct AsciiTable {
  uint8_t cls[256];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 256; ++c)
      cls[c] = (c >= '0' && c <= '9') ? 1 : (c >= 'A' && c <= 'Z') ? 2 : (c >= 'a' && c <= 'z') ? 4 : 0;
  }
};
constexpr AsciiTable kAscii;

inline int LetterLen(std::string_view t, size_t pos) {
  const unsigned char c = t[pos];
  if (c < 0x80) return kAscii.cls[c] ? 1 : 0;
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

bool DomainSuffixAt(std::string_view t, size_t dot) {
  if (dot == 0 || dot + 3 > t.size() || t[dot] != '.' || !kAscii.cls[static_cast<unsigned char>(t[dot - 1])]) return false;
  size_t e = dot + 1;
  while (e < t.size() && e - dot <= 5 && (kAscii.cls[static_cast<unsigned char>(t[e])] & 6)) ++e;
  if (e < t.size() && (kAscii.cls[static_cast<unsigned char>(t[e])] || static_cast<unsigned char>(t[e]) >= 0x80))
    return false;  // a longer word, or one going on in a non-ASCII letter
  const std::string_view s = t.substr(dot + 1, e - dot - 1);
  if (s.size() < 2 || s.size() > 4 || s[0] < 'A' || s[0] > 'Z') return false;
  // The rest all lower case or all upper case, then compared in lower case.
  char low[4];
  const bool upper = s[1] >= 'A' && s[1] <= 'Z';
  low[0] = static_cast<char>(s[0] + 32);
  for (size_t i = 1; i < s.size(); ++i) {
    const bool up = s[i] >= 'A' && s[i] <= 'Z';
    if (up != upper) return false;
    low[i] = up ? static_cast<char>(s[i] + 32) : s[i];
  }
  static constexpr std::string_view kEndings[] = {"az", "com", "net", "org", "info", "gov", "ru", "ua",
                                                  "ge", "kz", "uz", "tr", "uk", "fr", "ir"};
  const std::string_view l(low, s.size());
  for (std::string_view x : kEndings)
    if (l == x) return true;
  return false;
}

void ScanWords(std::string_view t, std::vector<Word>* out) {
  out->clear();
  out->reserve(t.size() / 4 + 1);  // news text: a word per 5-6 bytes (fewer growths)
  const size_t n = t.size();
  const unsigned char* b = reinterpret_cast<const unsigned char*>(t.data());
  size_t i = 0;
  while (i < n) {
    // Skip to the next letter: ASCII non-letters in a tight loop.
    while (i < n && b[i] < 0x80 && !kAscii.cls[b[i]]) ++i;
    if (i >= n) break;
    if (b[i] >= 0x80 && LetterLen(t, i) == 0) {
      ++i;
      continue;
    }
    Word w;
    w.start = static_cast<uint32_t>(i);
    size_t seg_start = i;
    uint8_t cls = 0;        // OR of ASCII classes seen
    bool non_ascii = false; // a non-ASCII letter seen
    bool joined = false;    // an inner joiner seen
    while (i < n) {
      // ASCII run.
      for (uint8_t k; i < n && (k = kAscii.cls[b[i]]) != 0; ++i) cls |= k;
      if (i >= n) break;
      if (b[i] >= 0x80) {
        const int len = LetterLen(t, i);
        if (len > 0) {
          non_ascii = true;
          i += len;
          continue;
        }
      }
      // Inner joiners need a letter on both sides.
      size_t jl = 0;
      const unsigned char c = b[i];
      if (IsApostropheAt(t, i, &jl) || c == '-') {
        if (c == '-') jl = 1;
        if (i + jl < n && LetterLen(t, i + jl) > 0) {
          if (c != '-') joined = true;
          i += jl;
          seg_start = i;
          continue;
        }
      } else if (c == '.' && i + 1 < n) {
        const unsigned char d = b[i + 1];
        const bool next_low = (d >= 'a' && d <= 'z') || (d >= '0' && d <= '9');
        // "U.S": one-letter segments join even before a capital.
        const bool single = i - seg_start == 1 && d >= 'A' && d <= 'Z';
        if (next_low || single || (d >= 'A' && d <= 'Z' && DomainSuffixAt(t, i))) {
          joined = true;
          i += 1;
          seg_start = i;
          continue;
        }
      }
      break;
    }
    w.end = static_cast<uint32_t>(i);
    const unsigned char f = b[w.start];
    if ((f >= 'A' && f <= 'Z') || (f == 0xC3 && w.end - w.start >= 2 && b[w.start + 1] < 0x9F)) w.flags |= kWordCap;
    if (cls == 4 && !non_ascii && !joined) w.flags |= kWordLower;
    if (cls == 2 && !non_ascii && w.end - w.start >= 2) w.flags |= kWordAllCaps;
    if (cls & 1) w.flags |= kWordDigit;
    const size_t len = w.end - w.start;
    if (len > 2 && b[w.end - 1] == 's' &&
        (b[w.end - 2] == '\'' || (len > 4 && b[w.end - 2] == 0x99 && b[w.end - 3] == 0x80 && b[w.end - 4] == 0xE2)))
      w.flags |= kWordPossessive;
    out->push_back(w);
  }
}

}  // namespace annals
