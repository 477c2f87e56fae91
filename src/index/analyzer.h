// Analyzer: turns text into index terms exactly as SQLite FTS5's
// tokenize='porter unicode61 remove_diacritics 2' does, so that annals' index
// and the store's FTS5 table see the same terms (BM25 parity, same matches).
//
// unicode61: a token is a maximal run of characters of Unicode category L*,
// N* or Co (plus combining diacritics inside a run); everything else
// separates. Each character is lower-cased (simple case mapping) and, with
// remove_diacritics 2, reduced to its ASCII base letter when it is a Latin
// letter with one or more diacritics; the diacritic marks themselves vanish.
// porter: tokens of 3..64 bytes are stemmed (porter_stemmer.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals::index {

// One term occurrence: the term and where it came from.
struct AnalyzedToken {
  std::string_view term;  // folded and stemmed; valid until the next callback
  uint32_t position;      // 0-based token index in the analyzed text
  uint32_t begin;         // byte offset of the token in the text
  uint32_t end;           // one past its last byte
};

// Calls `fn(const AnalyzedToken&)` for every token of `text` (UTF-8; invalid
// bytes act as separators-free U+FFFD, i.e. as FTS5 reads them: not alnum).
// `stem` = false gives the unicode61 output without porter. Thread-safe.
template <typename Fn>
void Analyze(std::string_view text, bool stem, Fn&& fn);

// Folds one code point like FTS5's unicode61 with remove_diacritics 2:
// lower case, Latin diacritics removed; returns 0 for a combining diacritic
// (which FTS5 drops from the token).
char32_t FoldCodePoint(char32_t cp);
// True if FTS5's unicode61 treats `cp` as a token character (L*, N*, Co).
bool IsTokenChar(char32_t cp);
// True for the combining marks FTS5 lets continue (but not start) a token.
bool IsDiacriticMark(char32_t cp);

// Convenience: the terms of `text`, in order.
std::vector<std::string> AnalyzeToTerms(std::string_view text, bool stem = true);

// Normalises a keyword value (a person's name, a source) for keyword fields:
// the unstemmed unicode61 tokens joined by single spaces ("Sabina  ALIYEVA" →
// "sabina aliyeva").
std::string NormalizeKeyword(std::string_view value);

}  // namespace annals::index

#include "index/analyzer_inl.h"
