// Inline body of Analyze() (analyzer.h): the tokenizer loop is the hot path
// of index building, so it is a template the compiler can inline the
// callback into. ASCII is handled without decoding.
#pragma once

#include <string>

#include "core/utf8.h"
#include "index/porter_stemmer.h"

namespace annals::index {
namespace internal {

inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace internal

template <typename Fn>
void Analyze(std::string_view text, bool stem, Fn&& fn) {
  std::string folded;
  std::string stemmed;
  folded.reserve(64);
  size_t i = 0;
  const size_t n = text.size();
  uint32_t position = 0;
  while (i < n) {
    // Skip separators; a token starts at an alnum character only.
    size_t start = i;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!internal::IsAsciiAlnum(c)) {
        i++;
        continue;
      }
    } else {
      int len = 1;
      char32_t cp = DecodeUtf8(text, i, &len);
      if (!IsTokenChar(cp)) {
        i += len;
        continue;
      }
    }
    // Run through token characters, folding as we go.
    folded.clear();
    while (i < n) {
      c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (!internal::IsAsciiAlnum(c)) break;
        folded.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        i++;
      } else {
        int len = 1;
        char32_t cp = DecodeUtf8(text, i, &len);
        if (!IsTokenChar(cp) && !IsDiacriticMark(cp)) break;
        char32_t f = FoldCodePoint(cp);
        if (f) AppendUtf8(f, &folded);
        i += len;
      }
    }
    std::string_view term = folded;
    if (stem) {
      PorterStem(folded, &stemmed);
      term = stemmed;
    }
    fn(AnalyzedToken{term, position++, static_cast<uint32_t>(start), static_cast<uint32_t>(i)});
  }
}

}  // namespace annals::index
