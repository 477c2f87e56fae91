// Character classes and folding for the FTS5-compatible analyzer, on top of
// utf8proc's Unicode tables.
#include "index/analyzer.h"

#include <utf8proc.h>

namespace annals::index {

bool IsDiacriticMark(char32_t cp) {
  // The combining marks U+0300..U+0331 that FTS5's unicode61 folds away
  // (sqlite3Fts5UnicodeIsdiacritic): a fixed set, encoded as two bit masks.
  constexpr uint32_t kMask0 = 0x08029FDF;  // U+0300..U+031F
  constexpr uint32_t kMask1 = 0x000361F8;  // U+0320..U+0331
  if (cp < 768 || cp > 817) return false;
  return cp < 800 ? (kMask0 >> (cp - 768)) & 1 : (kMask1 >> (cp - 800)) & 1;
}

namespace {

// FTS5 classifies characters with Unicode 6.1 tables, in which code points
// assigned later are unassigned, and unicode61 treats those as token
// characters. utf8proc knows only the current Unicode, so these are the
// non-letter, non-digit characters assigned after 6.1 that news text
// plausibly contains (currency signs, bidi controls, emoji, punctuation
// and symbol additions). A best-effort list: a rarer post-6.1 symbol
// missing here splits a token where FTS5 would not.
constexpr char32_t kPost61[][2] = {
    {0x061C, 0x061C},   {0x2066, 0x2069},   {0x20BA, 0x20C0},   {0x23F4, 0x23FF},   {0x2700, 0x2700},
    {0x2B4D, 0x2B4F},   {0x2B5A, 0x2BFF},   {0x2E3C, 0x2E5D},   {0x1F321, 0x1F32F}, {0x1F336, 0x1F336},
    {0x1F37D, 0x1F37F}, {0x1F394, 0x1F39F}, {0x1F3C5, 0x1F3C5}, {0x1F3CB, 0x1F3DF}, {0x1F3F1, 0x1F3FF},
    {0x1F43F, 0x1F43F}, {0x1F441, 0x1F441}, {0x1F4F8, 0x1F4F8}, {0x1F4FD, 0x1F4FF}, {0x1F53E, 0x1F53F},
    {0x1F544, 0x1F54F}, {0x1F568, 0x1F5FA}, {0x1F641, 0x1F644}, {0x1F650, 0x1F67F}, {0x1F6C6, 0x1F6FF},
    {0x1F774, 0x1F7FF}, {0x1F800, 0x1F8FF}, {0x1F900, 0x1F9FF}, {0x1FA00, 0x1FAFF}, {0x1FB00, 0x1FBFF},
};

bool AssignedAfterUnicode61(char32_t cp) {
  for (const auto& r : kPost61) {
    if (cp < r[0]) return false;
    if (cp <= r[1]) return true;
  }
  return false;
}

}  // namespace

bool IsTokenChar(char32_t cp) {
  if (cp < 0x80) return internal::IsAsciiAlnum(static_cast<unsigned char>(cp));
  if (cp > 0x10FFFF) return false;
  if (AssignedAfterUnicode61(cp)) return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:  // unassigned: FTS5 keeps them in tokens
      return true;
    default:
      return false;
  }
}

char32_t FoldCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (IsDiacriticMark(cp)) return 0;
  auto lower = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
  // remove_diacritics 2: a letter whose canonical decomposition is an ASCII
  // letter followed only by combining marks becomes that letter.
  utf8proc_int32_t buf[8];
  int last = 0;
  utf8proc_ssize_t k = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(lower), buf, 8,
                                               UTF8PROC_DECOMPOSE, &last);
  if (k >= 2 && k <= 8 && buf[0] < 0x80 && internal::IsAsciiAlnum(static_cast<unsigned char>(buf[0]))) {
    bool marks = true;
    for (utf8proc_ssize_t j = 1; j < k; j++) {
      if (utf8proc_category(buf[j]) != UTF8PROC_CATEGORY_MN) marks = false;
    }
    if (marks) return static_cast<char32_t>(buf[0]);
  }
  return lower;
}

std::vector<std::string> AnalyzeToTerms(std::string_view text, bool stem) {
  std::vector<std::string> out;
  Analyze(text, stem, [&](const AnalyzedToken& t) { out.emplace_back(t.term); });
  return out;
}

std::string NormalizeKeyword(std::string_view value) {
  std::string out;
  Analyze(value, /*stem=*/false, [&](const AnalyzedToken& t) {
    if (!out.empty()) out.push_back(' ');
    out.append(t.term);
  });
  return out;
}

}  // namespace annals::index
