// Quote-mark scanner: see quote_marks.h. A byte loop that only looks closer
// at '"', '\'', '`' and the lead bytes of the multi-byte marks (0xC2, 0xE2).
#include "quote_marks.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annals {

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// True if the bytes ending just before `pos` are a letter or digit (a
// non-ASCII lead byte counts as a letter unless it starts a punctuation
// sequence we know: E2 80 xx, C2 A0/AB/BB).
bool AlnumBefore(std::string_view t, size_t pos) {
  if (pos == 0) return false;
  unsigned char c = t[pos - 1];
  if (c < 0x80) return IsAsciiAlnum(c);
  // Walk back to the lead byte.
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80 && pos - p < 4) --p;
  unsigned char lead = t[p];
  if (lead == 0xE2) return false;  // general punctuation, dashes, quotes
  if (lead == 0xC2) return false;  // nbsp, guillemets, latin-1 punctuation
  return lead >= 0xC3;
}

bool AlnumAt(std::string_view t, size_t pos) {
  if (pos >= t.size()) return false;
  unsigned char c = t[pos];
  if (c < 0x80) return IsAsciiAlnum(c);
  if (c == 0xE2 || c == 0xC2) return false;
  return c >= 0xC3;
}

bool SpaceOrOpenerBefore(std::string_view t, size_t pos) {
  if (pos == 0) return true;
  unsigned char c = t[pos - 1];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == '[' || c == '{') return true;
  if (pos >= 2 && static_cast<unsigned char>(t[pos - 2]) == 0xC2 && c == 0xA0) return true;  // nbsp
  if (pos >= 3 && static_cast<unsigned char>(t[pos - 3]) == 0xE2 && static_cast<unsigned char>(t[pos - 2]) == 0x80 &&
      (c == 0x93 || c == 0x94))  // – —
    return true;
  return false;
}

bool SpaceOrPunctAfter(std::string_view t, size_t pos) {
  if (pos >= t.size()) return true;
  unsigned char c = t[pos];
  if (c < 0x80) return !IsAsciiAlnum(c);
  return c == 0xE2 || c == 0xC2;
}

// The bytes a mark can start with: one table load per byte instead of five
// comparisons (this loop sees every byte of every article).
struct MarkLeads {
  bool lead[256];
  constexpr MarkLeads() : lead() {
    for (const unsigned char c : {'"', '\'', '`'}) lead[c] = true;
    lead[0xC2] = lead[0xE2] = true;
  }
};
constexpr MarkLeads kMarkLeads;

// The next byte at or after `i` that can start a mark (or n). Most bytes of
// an article start none: with SSE2, 16 bytes are ruled out per step.
size_t NextMarkLead(const unsigned char* b, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''), bq = _mm_set1_epi8('`');
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2)), e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dq), _mm_cmpeq_epi8(v, sq)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, bq),
                                                _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2))));
    const int bits = _mm_movemask_epi8(m);
    if (bits) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  while (i < n && !kMarkLeads.lead[b[i]]) ++i;
  return i;
}

}  // namespace

void ScanQuoteMarks(std::string_view t, std::vector<QuoteMark>* out) {
  out->clear();
  const size_t n = t.size();
  const unsigned char* b = reinterpret_cast<const unsigned char*>(t.data());
  for (size_t i = 0; i < n; ++i) {
    i = NextMarkLead(b, i, n);
    if (i >= n) break;
    const unsigned char c = b[i];
    QuoteMark m;
    size_t len = 1;
    bool is_mark = true;
    if (c == '"') {
      m.family = QuoteFamily::kDouble;
      m.dir = MarkDir::kEither;
    } else if (c == '\'') {
      if (i + 1 < n && t[i + 1] == '\'') {
        len = 2;
        m.family = QuoteFamily::kDouble;
        m.dir = MarkDir::kEither;
      } else {
        // A lone straight apostrophe between letters is inside a word.
        if (AlnumBefore(t, i) && AlnumAt(t, i + 1)) continue;
        m.family = QuoteFamily::kSingle;
        m.dir = MarkDir::kEither;
      }
    } else if (c == '`') {
      if (i + 1 < n && t[i + 1] == '`') {
        len = 2;
        m.family = QuoteFamily::kDouble;
      } else {
        m.family = QuoteFamily::kSingle;
      }
      m.dir = MarkDir::kOpen;
    } else if (c == 0xC2) {
      if (i + 1 >= n) continue;
      const unsigned char d = t[i + 1];
      if (d == 0xAB) m.dir = MarkDir::kOpen;
      else if (d == 0xBB) m.dir = MarkDir::kClose;
      else is_mark = false;
      m.family = QuoteFamily::kGuillemet;
      len = 2;
    } else {  // 0xE2
      if (i + 2 >= n || static_cast<unsigned char>(t[i + 1]) != 0x80) continue;
      const unsigned char d = t[i + 2];
      len = 3;
      switch (d) {
        case 0x9C: m.family = QuoteFamily::kDouble; m.dir = MarkDir::kOpen; break;   // “
        case 0x9D: m.family = QuoteFamily::kDouble; m.dir = MarkDir::kClose; break;  // ”
        case 0x9E: m.family = QuoteFamily::kDouble; m.dir = MarkDir::kOpen; m.low = true; break;  // „
        case 0x98: m.family = QuoteFamily::kSingle; m.dir = MarkDir::kOpen; break;   // ‘
        case 0x99: m.family = QuoteFamily::kSingle; m.dir = MarkDir::kClose; break;  // ’
        case 0x9A: m.family = QuoteFamily::kSingle; m.dir = MarkDir::kOpen; m.low = true; break;  // ‚
        case 0xB9: m.family = QuoteFamily::kGuillemet; m.dir = MarkDir::kOpen; break;   // ‹
        case 0xBA: m.family = QuoteFamily::kGuillemet; m.dir = MarkDir::kClose; break;  // ›
        default: is_mark = false;
      }
      // ’ between letters is an apostrophe (don’t, Azerbaijan’s); ‘ before a
      // digit is an elision (‘90s).
      if (is_mark && d == 0x99 && AlnumBefore(t, i) && AlnumAt(t, i + 3)) is_mark = false;
      if (is_mark && d == 0x98 && i + 3 < n && t[i + 3] >= '0' && t[i + 3] <= '9') is_mark = false;
      // ‘ glued to the end of a word is a mistyped apostrophe ("CBS‘ Face
      // the Nation", "don‘t"): no quotation opens after a letter.
      if (is_mark && d == 0x98 && AlnumBefore(t, i)) is_mark = false;
      // “ after a sentence's punctuation and before a space or a line end
      // is a mistyped closing mark (`… for her here,“ said …`).
      if (is_mark && d == 0x9C && i > 0 && (t[i - 1] == ',' || t[i - 1] == '.' || t[i - 1] == '?' || t[i - 1] == '!') &&
          (i + 3 >= n || t[i + 3] == ' ' || t[i + 3] == '\n'))
        m.dir = MarkDir::kClose;
    }
    if (!is_mark) {
      i += len - 1;
      continue;
    }
    m.start = static_cast<uint32_t>(i);
    m.end = static_cast<uint32_t>(i + len);
    m.space_before = SpaceOrOpenerBefore(t, i);
    m.space_after = SpaceOrPunctAfter(t, i + len);
    m.letter_before = AlnumBefore(t, i);
    m.letter_after = AlnumAt(t, i + len);
    m.digit_before = i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9';
    out->push_back(m);
    i += len - 1;
  }
}

}  // namespace annals
