// Tokenizer: one forward pass per paragraph segment. ASCII bytes are classed
// through an inline table; only bytes >= 0x80 are decoded (utf8proc category).
// Every decision looks at most a short, bounded distance ahead (a right-hand
// word of <= 16 letters, a clitic of <= 3 letters) or scans a span it then
// consumes (URLs, e-mail domains, space runs), so the pass is linear.
//
// Rules (see tokenizer.h for the contract):
//  - words: letters/marks/digits, joined across  - ‐ ‑  between alphanumerics
//    (Jean-Luc, 12-year-old, 2025-01-17), , : / between digits (1,200.5 19:30
//    1/20/1990), . between digits (3.5) and between letters when the left part
//    is one letter (U.S, e.g, a.m) or the right part is lower case (example.com)
//    or short, not a sentence starter and after a capitalised left part
//    (News.Az). "added.Aliyeva" and "reports.It" split: a glued sentence.
//  - digits followed by letters stay one token (21st, 1.2bn, 6pm).
//  - a final period joins the word when it is an abbreviation: a listed one
//    (abbreviations.h; No./Art./pp. only before a number), a single capital
//    letter (initials: J. R. R. Tolkien) or an initialism (U.S. e.g. Ph.D.).
//  - clitics are split Penn-Treebank style: Azerbaijan’s -> Azerbaijan ’s,
//    don't -> do n't, they're -> they 're (kTokClitic); O'Neill stays whole;
//    a ' or ’ after a word ending in s (workers' rights) is a possessive clitic
//    unless a single quote is open.
//  - quotes: curly ones are open or close by shape; straight ones by context
//    (space before and text after: open; text before and space after: close;
//    otherwise the opposite of the current state, tracked per paragraph).
//  - ".." runs, ". . ." and … are one ellipsis token; !?! runs one token;
//    -- runs and – — one dash token (kTokDash); other marks one token each.
//  - http(s)://, ftp://, www. URLs and e-mail addresses are one kUrl token
//    (trailing punctuation and unbalanced ')' left out); @user and #tag kHandle.
#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "text/abbreviations.h"
#include "text/char_class.h"
#include "text/paragraph_splitter.h"

namespace annals {
namespace {

inline bool IsAsciiLetter(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
inline bool IsAsciiAlnum(unsigned char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }
inline char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Per-byte bits for the word loop: ASCII letters and digits with their case;
// kBitNonAscii for bytes >= 0x80 (decoded on the slow path); 0 otherwise.
constexpr unsigned kBitUpper = 1, kBitLower = 2, kBitDigit = 4, kBitNonAscii = 8;
constexpr unsigned kBitAlnum = kBitUpper | kBitLower | kBitDigit;
constexpr std::array<uint8_t, 256> MakeWordBits() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 'A' && c <= 'Z') t[c] = kBitUpper;
    if (c >= 'a' && c <= 'z') t[c] = kBitLower;
    if (c >= '0' && c <= '9') t[c] = kBitDigit;
    if (c >= 0x80) t[c] = kBitNonAscii;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kWordBits = MakeWordBits();
// ASCII bytes that may join two parts of a word: . , : / - _ & ' @
constexpr std::array<uint8_t, 256> MakeJoinerBits() {
  std::array<uint8_t, 256> t{};
  for (const char c : std::string_view(".,:/-_&'@")) t[static_cast<unsigned char>(c)] = 1;
  return t;
}
constexpr std::array<uint8_t, 256> kJoinerBits = MakeJoinerBits();

static_assert(std::endian::native == std::endian::little, "ScanAsciiAlnum8 assumes little-endian loads");

// The leading ASCII letters/digits of eight bytes (little-endian load), found
// with SWAR arithmetic: how many there are and the kWordBits they carry.
struct AsciiRun {
  size_t length;  // 0..8 leading bytes that are ASCII letters or digits
  unsigned bits;  // OR of their kWordBits
};
inline AsciiRun ScanAsciiAlnum8(uint64_t w) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  const uint64_t ascii = ~w & kHigh;           // 0x80 in each byte < 0x80
  const uint64_t x = w & kLow7;                // no byte >= 0x80: byte-wise adds cannot carry
  const uint64_t l = x | 0x2020202020202020ull;  // folded to lower case
  // 'a' <= l <= 'z':  l + (0x80 - 'a') has the high bit, l + (0x80 - 'z' - 1) has not.
  const uint64_t letter = (l + 0x1F1F1F1F1F1F1F1Full) & ~(l + 0x0505050505050505ull) & ascii;
  // '0' <= x <= '9'
  const uint64_t digit = (x + 0x5050505050505050ull) & ~(x + 0x4646464646464646ull) & ascii;
  const uint64_t alnum = letter | digit;
  const uint64_t stop = ~alnum & kHigh;
  const size_t n = stop == 0 ? 8 : static_cast<size_t>(__builtin_ctzll(stop)) / 8;
  const uint64_t prefix = n == 8 ? ~0ull : ((1ull << (8 * n)) - 1);
  const uint64_t case_bit = w << 2;  // each byte's 0x20 (lower case) moved to 0x80
  unsigned bits = 0;
  if (letter & ~case_bit & prefix) bits |= kBitUpper;
  if (letter & case_bit & prefix) bits |= kBitLower;
  if (digit & prefix) bits |= kBitDigit;
  return {n, bits};
}

// Tokenizes one paragraph segment at a time, appending to `out`.
class Scanner {
 public:
  // `paras`, if not null, receives one span per segment that holds tokens.
  Scanner(std::string_view text, std::vector<Token>* out, std::vector<Paragraph>* paras)
      : s_(text), out_(out), paras_(paras) {}

  // Tokenizes [begin, end) as one paragraph: quote state starts closed and the
  // first token gets kTokParaStart.
  void Segment(size_t begin, size_t end);

 private:
  // Class of the code point at i, or kSpace past the segment end.
  CharClass ClassAtPos(size_t i, int* len) const {
    if (i >= end_) {
      *len = 0;
      return CharClass::kSpace;
    }
    const unsigned char c = static_cast<unsigned char>(s_[i]);
    if (c < 0x80) {
      *len = 1;
      return kAsciiClass[c];
    }
    return ClassAt(s_, i, len);
  }
  CharClass ClassAtPos(size_t i) const {
    int len;
    return ClassAtPos(i, &len);
  }

  __attribute__((always_inline)) void Emit(size_t start, size_t end, TokenKind kind, uint16_t flags) {
    out_->push_back(Token{static_cast<uint32_t>(start), static_cast<uint32_t>(end), kind,
                          static_cast<uint16_t>(flags | pending_)});
    pending_ = 0;
  }

  size_t Word(size_t i);
  size_t Url(size_t i) const;          // end of a URL starting at i, or 0
  size_t EmailDomain(size_t at) const;  // end of an e-mail domain after '@' at `at`, or 0
  bool JoinPeriodLetters(size_t start, size_t period, size_t seg_chars) const;
  size_t Period(size_t i);
  void Quote(size_t i, CharClass cls, int len);
  uint16_t WordCaseFlags(size_t start, size_t end, unsigned bits) const;
  CharClass PrevClass(size_t pos) const;
  size_t CodePoints(size_t from, size_t to) const;

  std::string_view s_;
  std::vector<Token>* out_;
  std::vector<Paragraph>* paras_;
  size_t begin_ = 0;             // current segment start
  size_t end_ = 0;               // current segment end
  // Flags the next token gets from what precedes it: kTokSpaceBefore
  // (whitespace or segment start since the last token), kTokNewlineBefore,
  // kTokParaStart (no token yet in this segment).
  uint16_t pending_ = kTokSpaceBefore | kTokParaStart;
  bool space_before() const { return (pending_ & kTokSpaceBefore) != 0; }
  bool dq_open_ = false;         // a double quote is open
  bool sq_open_ = false;         // a single quote is open
};

void Scanner::Segment(size_t begin, size_t end) {
  begin_ = begin;
  end_ = end;
  pending_ = kTokSpaceBefore | kTokParaStart;
  dq_open_ = sq_open_ = false;
  const size_t first_token = out_->size();
  size_t i = begin;
  while (i < end) {
    const unsigned char c = static_cast<unsigned char>(s_[i]);
    if (c == ' ') {  // the most common byte between tokens
      pending_ |= kTokSpaceBefore;
      ++i;
      continue;
    }
    int len = 1;
    const CharClass cls = c < 0x80 ? kAsciiClass[c] : ClassAt(s_, i, &len);
    switch (cls) {
      case CharClass::kSpace:
      case CharClass::kSkip:
        pending_ |= kTokSpaceBefore;
        i += len;
        break;
      case CharClass::kNewline:
        pending_ |= kTokSpaceBefore | kTokNewlineBefore;
        ++i;
        break;
      case CharClass::kUpper:
      case CharClass::kLower:
      case CharClass::kLetter:
      case CharClass::kDigit:
        i = Word(i);
        break;
      case CharClass::kPeriod:
        i = Period(i);
        break;
      case CharClass::kTerminal: {
        size_t j = i + len;
        int l2;
        while (j < end && ClassAtPos(j, &l2) == CharClass::kTerminal) j += l2;
        Emit(i, j, TokenKind::kPunct, 0);
        i = j;
        break;
      }
      case CharClass::kHyphen:
      case CharClass::kDash: {
        // A run of the same mark is one dash: "--", "——".
        size_t j = i + len;
        while (j + len <= end && std::memcmp(s_.data() + i, s_.data() + j, len) == 0) j += len;
        Emit(i, j, TokenKind::kPunct, kTokDash);
        i = j;
        break;
      }
      case CharClass::kDquote:
      case CharClass::kSquote:
      case CharClass::kOpenQuote:
      case CharClass::kCloseQuote:
      case CharClass::kApostrophe:
        Quote(i, cls, len);
        i += len;
        break;
      case CharClass::kAt: {
        size_t j = i + 1;
        while (j < end && (IsAsciiAlnum(static_cast<unsigned char>(s_[j])) || s_[j] == '_')) ++j;
        Emit(i, j, j > i + 1 ? TokenKind::kHandle : TokenKind::kSymbol, 0);
        i = j;
        break;
      }
      case CharClass::kHash: {
        // #tag: letters, digits, '_' with at least one letter (#1 is not a tag).
        size_t j = i + 1;
        bool letter = false;
        int l2;
        for (;;) {
          const CharClass k = ClassAtPos(j, &l2);
          if (IsLetterClass(k)) {
            letter = true;
          } else if (k != CharClass::kDigit && k != CharClass::kUnderscore) {
            break;
          }
          j += l2;
        }
        if (letter) {
          Emit(i, j, TokenKind::kHandle, 0);
          i = j;
        } else {
          Emit(i, i + 1, TokenKind::kSymbol, 0);
          i += 1;
        }
        break;
      }
      case CharClass::kEllipsis:
      case CharClass::kComma:
      case CharClass::kColon:
      case CharClass::kSemicolon:
      case CharClass::kOpenBracket:
      case CharClass::kCloseBracket:
      case CharClass::kPunct:
        Emit(i, i + len, TokenKind::kPunct, 0);
        i += len;
        break;
      case CharClass::kAmpersand:
      case CharClass::kUnderscore:
      case CharClass::kSlash:
      case CharClass::kSymbol:
        Emit(i, i + len, TokenKind::kSymbol, 0);
        i += len;
        break;
    }
  }
  if (paras_ != nullptr && out_->size() > first_token)
    paras_->push_back({(*out_)[first_token].start, out_->back().end});
}

// '.' at i not inside a word: an ellipsis run ("...", ". . .") or one period.
size_t Scanner::Period(size_t i) {
  size_t j = i + 1;
  while (j < end_ && s_[j] == '.') ++j;
  if (j == i + 1) {
    // Spaced ellipsis ". . ." (three or more dots separated by single spaces).
    size_t k = i + 1;
    int dots = 1;
    while (k + 1 < end_ && s_[k] == ' ' && s_[k + 1] == '.') {
      k += 2;
      ++dots;
    }
    if (dots >= 3) j = k;
  }
  Emit(i, j, TokenKind::kPunct, 0);
  return j;
}

// Quote mark (or apostrophe outside a word) at i.
void Scanner::Quote(size_t i, CharClass cls, int len) {
  bool single = cls == CharClass::kSquote || cls == CharClass::kApostrophe;
  if (len == 3 && (cls == CharClass::kOpenQuote || cls == CharClass::kCloseQuote)) {
    const unsigned char b = static_cast<unsigned char>(s_[i + 2]);
    // ‘ ‚ ‛ ‹ › are single; “ „ ‟ ” double (U+2018 98, 201A 9A, 201B 9B, 2039/203A B9/BA).
    single = (static_cast<unsigned char>(s_[i + 1]) == 0x80 && (b == 0x98 || b == 0x9A || b == 0x9B)) ||
             (static_cast<unsigned char>(s_[i + 1]) == 0x80 && (b == 0xB9 || b == 0xBA));
  }
  bool& state = single ? sq_open_ : dq_open_;
  bool open;
  if (cls == CharClass::kOpenQuote) {
    open = true;
  } else if (cls == CharClass::kCloseQuote) {
    open = false;
  } else {
    const bool next_space = [&] {
      const CharClass k = ClassAtPos(i + len);
      return IsSpaceClass(k) || k == CharClass::kComma || k == CharClass::kPeriod || k == CharClass::kColon ||
             k == CharClass::kSemicolon || k == CharClass::kTerminal || k == CharClass::kCloseBracket ||
             k == CharClass::kCloseQuote || k == CharClass::kDash || k == CharClass::kEllipsis;
    }();
    if (single && !space_before() && !sq_open_ && i > begin_ && (s_[i - 1] == 's' || s_[i - 1] == 'S') &&
        !out_->empty() && out_->back().end == i && out_->back().kind == TokenKind::kWord &&
        !IsAlnumClass(ClassAtPos(i + len))) {
      // Plural possessive: workers' rights, the Joneses’ house.
      Emit(i, i + len, TokenKind::kPunct, kTokClitic);
      return;
    }
    bool prev_open_ctx = space_before();
    if (!prev_open_ctx && !out_->empty() && out_->back().end == i) {
      const Token& p = out_->back();
      const char pc = s_[p.start];
      prev_open_ctx = p.has(kTokOpenQuote) || p.has(kTokDash) || pc == '(' || pc == '[' || pc == '{';
    }
    if (prev_open_ctx && !next_space) {
      open = true;
    } else if (!prev_open_ctx && next_space) {
      open = false;
    } else {
      open = !state;
    }
  }
  state = open;
  Emit(i, i + len, TokenKind::kPunct, open ? (kTokQuote | kTokOpenQuote) : kTokQuote);
}

// URL starting at i (http://, https://, ftp://, www.): returns its end, or 0.
size_t Scanner::Url(size_t i) const {
  // Quick reject on the first four bytes (most words starting h/w/f are not URLs).
  if (i + 5 > end_) return 0;
  uint32_t head;
  std::memcpy(&head, s_.data() + i, 4);
  head |= 0x20202020u;  // lower-case letters; '.'/':' map to '.'/':' unchanged (0x2E, 0x3A)
  const auto tag = [](const char* t) {
    uint32_t v;
    std::memcpy(&v, t, 4);
    return v;
  };
  if (head != tag("http") && head != tag("www.") && head != tag("ftp:")) return 0;
  auto starts = [&](const char* p) {
    const size_t m = std::strlen(p);
    if (i + m >= end_) return false;  // need at least one byte after the prefix
    for (size_t k = 0; k < m; ++k)
      if (LowerAscii(s_[i + k]) != p[k]) return false;
    return true;
  };
  size_t j;
  if (starts("https://")) {
    j = i + 8;
  } else if (starts("http://")) {
    j = i + 7;
  } else if (starts("ftp://")) {
    j = i + 6;
  } else if (starts("www.") && IsAsciiAlnum(static_cast<unsigned char>(s_[i + 4]))) {
    j = i + 4;
  } else {
    return 0;
  }
  while (j < end_) {
    const unsigned char c = static_cast<unsigned char>(s_[j]);
    if (c < 0x80) {
      if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' || c == 0x7F) break;
      ++j;
    } else {
      int len;
      const CharClass k = ClassAt(s_, j, &len);
      if (!IsAlnumClass(k) && k != CharClass::kSymbol && k != CharClass::kPunct) break;
      j += len;
    }
  }
  // Leave out trailing punctuation and a ')' or ']' the URL did not open.
  for (;;) {
    if (j <= i) return 0;
    const char c = s_[j - 1];
    if (std::strchr(".,;:!?'*", c) != nullptr && c != 0) {
      --j;
      continue;
    }
    if (c == ')' || c == ']') {
      const char o = c == ')' ? '(' : '[';
      int depth = 0;
      for (size_t k = i; k < j; ++k) depth += (s_[k] == o) - (s_[k] == c);
      if (depth < 0) {
        --j;
        continue;
      }
    }
    break;
  }
  const size_t prefix = (LowerAscii(s_[i]) == 'w') ? 4 : (LowerAscii(s_[i]) == 'f' ? 6 : 7);
  return j > i + prefix ? j : 0;
}

// E-mail domain after the '@' at `at`: letters, digits, '-' and '.', with at
// least one inner '.'; returns its end (trailing '.'/'-' left out) or 0.
size_t Scanner::EmailDomain(size_t at) const {
  size_t j = at + 1;
  while (j < end_ && (IsAsciiAlnum(static_cast<unsigned char>(s_[j])) || s_[j] == '-' || s_[j] == '.')) ++j;
  while (j > at + 1 && (s_[j - 1] == '.' || s_[j - 1] == '-')) --j;
  if (j <= at + 1 || s_[at + 1] == '.' || s_[at + 1] == '-') return 0;
  for (size_t k = at + 2; k + 1 < j; ++k)
    if (s_[k] == '.') return j;
  return 0;
}

// At a '.' between letters (s_[period - 1] is a letter, s_[period + 1] a
// letter): should it join the two parts into one token? `seg_chars` counts the
// letters/digits of the left part since the token start or the last joiner.
bool Scanner::JoinPeriodLetters(size_t start, size_t period, size_t seg_chars) const {
  if (seg_chars == 1) return true;  // initialism: U.S, e.g, a.m, J.R.R
  size_t r = period + 1;
  size_t n = 0;
  bool all_lower = true;
  int len;
  for (;;) {
    const CharClass k = ClassAtPos(r, &len);
    if (!IsLetterClass(k)) break;
    if (k == CharClass::kUpper) all_lower = false;
    r += len;
    if (++n > 16) break;
  }
  if (all_lower) return true;  // example.com, amazon.co.uk
  if (n > 3) return false;     // added.Aliyeva: a glued sentence
  if (ClassAtPos(start) != CharClass::kUpper) return false;  // recalled.It
  if (n <= 16 && IsAlnumClass(ClassAtPos(r))) return false;
  return !IsSentenceStarter(s_.substr(period + 1, r - period - 1));  // News.Az, but Reuters.It
}

// Surface flags of the word [start, end) from the OR of its kWordBits.
__attribute__((always_inline)) inline uint16_t Scanner::WordCaseFlags(size_t start, size_t end, unsigned bits) const {
  uint16_t flags = 0;
  if (bits & kBitDigit) flags |= kTokHasDigit;
  if (!(bits & kBitLower) && (bits & kBitUpper)) {
    // All caps needs two or more capitals ("USSR", not "I" or "A4").
    unsigned upper = 0;
    int len = 1;
    for (size_t i = start; i < end && upper < 2; i += static_cast<size_t>(len)) {
      const unsigned char c = static_cast<unsigned char>(s_[i]);
      if (c < 0x80) {
        len = 1;
        upper += (kWordBits[c] & kBitUpper) != 0;
      } else {
        upper += ClassAtPos(i, &len) == CharClass::kUpper;
      }
    }
    if (upper >= 2) flags |= kTokAllCaps;
  }
  // First letter's case (the token may open with digits: 21st, 3M).
  const unsigned char c0 = static_cast<unsigned char>(s_[start]);
  if (c0 < 0x80 && (kWordBits[c0] & (kBitUpper | kBitLower)))
    return flags | ((kWordBits[c0] & kBitUpper) ? kTokCapitalized : kTokLower);
  size_t i = start;
  int len;
  while (i < end) {
    const CharClass k = ClassAtPos(i, &len);
    if (k == CharClass::kUpper) return flags | kTokCapitalized;
    if (k == CharClass::kLower) return flags | kTokLower;
    if (k == CharClass::kLetter) return flags;
    i += static_cast<size_t>(len);
  }
  return flags;
}

// Class of the code point ending just before `pos` (pos > begin_).
CharClass Scanner::PrevClass(size_t pos) const {
  const unsigned char c = static_cast<unsigned char>(s_[pos - 1]);
  if (c < 0x80) return kAsciiClass[c];
  size_t b = pos - 1;
  while (b > begin_ && pos - b < 4 && (static_cast<unsigned char>(s_[b]) & 0xC0) == 0x80) --b;
  int len;
  return ClassAt(s_, b, &len);
}

// Number of code points in [from, to).
size_t Scanner::CodePoints(size_t from, size_t to) const {
  size_t n = 0;
  for (size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80;
  return n;
}

// A word or number starting at i (an alphanumeric). Emits it (and any clitic
// split off its end) and returns the position after it.
size_t Scanner::Word(size_t i) {
  const size_t start = i;
  const char* p = s_.data();
  {
    const char c = static_cast<char>(p[i] | 0x20);
    if (c == 'h' || c == 'w' || c == 'f') {
      const size_t u = Url(i);
      if (u != 0) {
        Emit(i, u, TokenKind::kUrl, 0);
        return u;
      }
    }
  }
  unsigned bits = 0;           // OR of the kWordBits of its letters and digits
  size_t seg_start = i;        // start of the part since the last joiner
  size_t max_period_seg = 0;   // longest part (bytes) before an inner period (initialism test)
  bool inner_period = false;   // a '.' was joined inside the token
  size_t j = i;
  for (;;) {
    // The alphanumeric run: eight ASCII bytes at a time, then byte by byte,
    // non-ASCII decoded.
    while (j < end_) {
      if (j + 8 <= end_) {
        uint64_t w;
        std::memcpy(&w, p + j, 8);
        const AsciiRun run = ScanAsciiAlnum8(w);
        bits |= run.bits;
        j += run.length;
        if (run.length == 8) continue;
      }
      const unsigned char c = static_cast<unsigned char>(p[j]);
      const unsigned b = kWordBits[c];
      if (b & kBitAlnum) {
        bits |= b;
        ++j;
        continue;
      }
      if (b == 0) break;  // ASCII, not alphanumeric
      int len;
      const CharClass k = ClassAt(s_, j, &len);
      if (k == CharClass::kSkip) {
        // Format characters (soft hyphen, ZWJ) glue only between alphanumerics.
        int l2;
        if (IsAlnumClass(ClassAtPos(j + len, &l2))) {
          j += static_cast<size_t>(len);
          continue;
        }
        break;
      }
      if (k == CharClass::kUpper) {
        bits |= kBitUpper;
      } else if (k == CharClass::kLower) {
        bits |= kBitLower;
      } else if (k == CharClass::kDigit) {
        bits |= kBitDigit;
      } else if (k != CharClass::kLetter) {
        break;
      }
      j += static_cast<size_t>(len);
    }
    if (j >= end_ || j == seg_start) break;
    // A joiner between two alphanumerics?
    const unsigned char c = static_cast<unsigned char>(p[j]);
    if (kWordBits[c] == 0 && !(kJoinerBits[c])) break;  // fast exit: space, most punctuation
    const CharClass prev = PrevClass(j);
    const bool prev_digit = prev == CharClass::kDigit;
    const bool prev_letter = IsLetterClass(prev);
    bool join = false;
    size_t joiner_len = 1;
    if (c == '.') {
      const CharClass next = ClassAtPos(j + 1);
      if (prev_digit && next == CharClass::kDigit) {
        join = true;
      } else if (prev_letter && IsLetterClass(next) && JoinPeriodLetters(start, j, CodePoints(seg_start, j))) {
        join = true;
        inner_period = true;
        max_period_seg = std::max(max_period_seg, j - seg_start);
      }
    } else if (c == ',' || c == ':' || c == '/') {
      join = prev_digit && ClassAtPos(j + 1) == CharClass::kDigit;
    } else if (c == '-' || c == '_') {
      join = IsAlnumClass(ClassAtPos(j + 1));
    } else if (c == '&') {
      join = prev == CharClass::kUpper && j + 1 < end_ && p[j + 1] >= 'A' && p[j + 1] <= 'Z';
    } else if (c == '\'' || (c == 0xE2 && j + 2 < end_ && static_cast<unsigned char>(p[j + 1]) == 0x80 &&
                             static_cast<unsigned char>(p[j + 2]) == 0x99)) {
      // Apostrophe (' or ’): a clitic to split off, or an inner one (O'Neill).
      const size_t alen = c == '\'' ? 1 : 3;
      const size_t a = j + alen;
      size_t r = a;
      while (r < end_ && r - a < 4 && IsAsciiLetter(static_cast<unsigned char>(p[r]))) ++r;
      const size_t rn = r - a;
      if (rn > 0 && rn <= 3 && !IsAlnumClass(ClassAtPos(r))) {
        char w[3];
        for (size_t k = 0; k < rn; ++k) w[k] = LowerAscii(p[a + k]);
        const std::string_view cl(w, rn);
        size_t split = 0;  // where the word ends and the clitic begins
        if (cl == "s" || cl == "re" || cl == "ve" || cl == "ll" || cl == "d" || cl == "m") {
          split = j;
        } else if (cl == "t" && j > start + 1 && LowerAscii(p[j - 1]) == 'n') {
          split = j - 1;
        }
        if (split != 0) {
          Emit(start, split, ClassAtPos(start) == CharClass::kDigit ? TokenKind::kNumber : TokenKind::kWord,
               WordCaseFlags(start, split, bits));
          Emit(split, r, TokenKind::kWord, kTokClitic);
          return r;
        }
      }
      join = prev_letter && IsAlnumClass(ClassAtPos(a));
      joiner_len = alen;
    } else if (c == '@') {
      const size_t d = EmailDomain(j);
      if (d != 0) {
        Emit(start, d, TokenKind::kUrl, 0);
        return d;
      }
    } else if (c >= 0x80) {
      int hl;
      if (ClassAt(s_, j, &hl) == CharClass::kHyphen) {  // ‐ ‑ inside a word
        join = IsAlnumClass(ClassAtPos(j + static_cast<size_t>(hl)));
        joiner_len = static_cast<size_t>(hl);
      }
    }
    if (!join) break;
    j += joiner_len;
    seg_start = j;
  }
  // A final period that belongs to the word (abbreviation, initial, initialism).
  uint16_t flags = WordCaseFlags(start, j, bits);
  const TokenKind kind = (bits & kBitDigit) && ClassAtPos(start) == CharClass::kDigit ? TokenKind::kNumber
                                                                                    : TokenKind::kWord;

  if (kind == TokenKind::kWord && j < end_ && p[j] == '.' && !(j + 1 < end_ && p[j + 1] == '.')) {
    bool attach = false;
    if (inner_period) {
      attach = std::max(max_period_seg, j - seg_start) <= 2;  // U.S. e.g. a.m. Ph.D. — not News.Az.
    } else if ((flags & kTokCapitalized) && CodePoints(start, j) == 1) {
      attach = true;  // initial: J. R. R. Tolkien
    } else if (j - start <= 12) {
      switch (LookupAbbreviation(s_.substr(start, j - start))) {
        case AbbrevClass::kNone: break;
        case AbbrevClass::kNumberPrefix: {
          size_t k = j + 1;
          while (k < end_ && (p[k] == ' ' || p[k] == '\t')) ++k;
          attach = k < end_ && p[k] >= '0' && p[k] <= '9';
          break;
        }
        default: attach = true;
      }
    }
    if (attach) {
      ++j;
      flags |= kTokAbbrev;
    }
  }
  Emit(start, j, kind, flags);
  return j;
}

}  // namespace

void TokenizeWithParagraphs(std::string_view text, std::vector<Token>* out, std::vector<Paragraph>* paras) {
  out->clear();
  out->reserve(text.size() / 5 + 16);
  if (paras != nullptr) paras->clear();
  Scanner scanner(text, out, paras);
  size_t begin = 0;
  ForEachParagraphCut(text, [&](size_t cut) {
    scanner.Segment(begin, cut);
    begin = cut;
  });
  scanner.Segment(begin, text.size());
}

void Tokenize(std::string_view text, std::vector<Token>* out) { TokenizeWithParagraphs(text, out, nullptr); }

}  // namespace annals
