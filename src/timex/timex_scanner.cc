// Scanner: one pass over the bytes, a lexicon probe per ASCII word.
#include "timex/timex_scanner.h"

#include <cstring>

namespace annals::timex {

namespace {

// Byte classes, one table load per byte instead of a chain of compares.
enum : uint8_t { kCOther = 0, kCSpace, kCNewline, kCLetter, kCDigit, kCHigh };

struct ByteClasses {
  uint8_t c[256];
  constexpr ByteClasses() : c() {
    for (int i = 0; i < 256; ++i) {
      c[i] = i >= 0x80 ? kCHigh : kCOther;
      if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z')) c[i] = kCLetter;
      if (i >= '0' && i <= '9') c[i] = kCDigit;
      if (i == ' ' || i == '\t' || i == '\r' || i == '\f' || i == '\v') c[i] = kCSpace;
      if (i == '\n') c[i] = kCNewline;
    }
  }
};
constexpr ByteClasses kClass;

inline uint8_t Cls(unsigned char c) { return kClass.c[c]; }
inline bool IsDigit(unsigned char c) { return Cls(c) == kCDigit; }

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
    const uint8_t cls = Cls(c);
    if (cls == kCSpace || cls == kCNewline) {
      pending |= kSpaceBefore;
      if (cls == kCNewline) ++newlines;
      ++i;
      continue;
    }
    // Built in place: a Tok assembled on the stack field by field and then
    // copied in was read back as one 16-byte load right after its narrow
    // stores, a store-forwarding stall on every token (a third of Scan's
    // samples in `perf annotate`).
    Tok& t = out->emplace_back();
    t.b = static_cast<uint32_t>(i);
    t.flags = pending;
    if (newlines >= 1) t.flags |= kLineBefore;
    if (newlines >= 2) t.flags |= kParaBefore;
    pending = 0;
    newlines = 0;
    if (cls == kCDigit) {
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
    } else if (cls == kCLetter || (cls == kCHigh && GeneralPunct(s, i) == 0)) {
      t.kind = TokKind::kWord;
      bool ascii = true;
      // ASCII letters 8 bytes at a time; the byte loop below takes over at
      // the first other byte (and goes on through non-ASCII letters).
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        const uint64_t low7 = (w | 0x2020202020202020ULL) & 0x7F7F7F7F7F7F7F7FULL;
        const uint64_t ge_a = low7 + 0x1F1F1F1F1F1F1F1FULL;  // high bit: >= 'a'
        const uint64_t gt_z = low7 + 0x0505050505050505ULL;  // high bit: > 'z'
        const uint64_t letter = ge_a & ~gt_z & ~w & 0x8080808080808080ULL;
        const uint64_t stop = ~letter & 0x8080808080808080ULL;
        if (stop != 0) {
          i += static_cast<size_t>(__builtin_ctzll(stop)) / 8;
          break;
        }
        i += 8;
      }
      while (i < n) {
        const uint8_t dc = Cls(static_cast<unsigned char>(s[i]));
        if (dc == kCLetter) {
          ++i;
        } else if (dc == kCHigh && GeneralPunct(s, i) == 0) {
          ascii = false;
          ++i;
        } else {
          break;
        }
      }
      if (c >= 'A' && c <= 'Z') t.flags |= kCap;
      const size_t len = i - t.b;
      if (ascii && len <= 16) {
        WordKey key;
        if (t.b + 16 <= n) {
          // Two fixed-size loads, masked to the word and lower-cased at once.
          uint64_t a, b;
          std::memcpy(&a, s.data() + t.b, 8);
          std::memcpy(&b, s.data() + t.b + 8, 8);
          const uint64_t lower = 0x2020202020202020ULL;
          if (len < 8) {
            const uint64_t m = (1ULL << (8 * len)) - 1;
            a = (a | lower) & m;
            b = 0;
          } else {
            const uint64_t m = len == 16 ? ~0ULL : (1ULL << (8 * (len - 8))) - 1;
            a |= lower;
            b = (b | lower) & m;
          }
          key.k0 = a;
          key.k1 = b;
          key.len = static_cast<uint32_t>(len);
        } else {
          for (size_t j = t.b; j < i; ++j) key.Add(static_cast<unsigned char>(s[j]));
        }
        t.lex = LookupKey(key);
      }
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
  }
}

}  // namespace annals::timex
