// Snippets for the index path (search/archive.cc): the window of an
// article's stored text around the words a query matched, with those words
// as highlight ranges, as FTS5's snippet() gives it on the FTS5 path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/archive.h"
#include "search/index_query.h"

namespace annals {

// About `tokens` tokens of `text` (clamped to 1..64), "…" where cut, the
// words whose stem the plan marks as highlight ranges into `*out`. The
// window holding the most matches wins (the earliest on ties), started a
// little before its first match. A long article is read in 16 KB chunks and
// no further than a window past the first match; with `skip_ahead`, chunks
// in which no word can match (FirstPossibleMatch) are not tokenised at all.
// The output is the same either way (index_snippet_test checks it).
void IndexSnippet(std::string_view text, const IndexPlan& plan, int tokens, std::string* out,
                  std::vector<Highlight>* hl, bool skip_ahead = true);

// IndexSnippet's tokens of text[from, to): byte ranges into `text` where
// index::Analyze would cut tokens, each marked if its folded form starts with
// one of `keys` (the marked terms' StemPrefixKeys) and — for the first key
// that starts it — its stem is a marked term or starts with a marked prefix.
// Only such tokens are folded and stemmed (index_snippet_test compares the
// tokens with Analyze's).
struct SnippetToken {
  uint32_t begin, end;
  bool hit;
};
void AppendSnippetTokens(std::string_view text, size_t from, size_t to, const std::vector<std::string_view>& keys,
                         const IndexPlan& plan, std::vector<SnippetToken>* toks);

// The first byte offset >= `from` at which a token whose folded form starts
// with one of `keys` could begin, or npos if there is none: a place where
// the token characters fold (lower case, diacritics removed, as the
// analyzer folds them) to a string starting with a key. Conservative in
// one way only: the place need not start a token ("unsealed" answers at
// its "s" for key "seal").
// The UTF-8 lead bytes of every code point the analyzer folds to an ASCII
// character (Latin letters with diacritics: U+00C0-U+024F, U+1E00-U+1EFF;
// letterlike symbols such as the Kelvin sign: U+2100-U+213F); other
// characters never start a match of a key that starts with an ASCII byte.
// index_snippet_test checks the list against every code point.
inline constexpr unsigned char kLeadsFoldingToAscii[] = {0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xE1, 0xE2};

// `vector`: scan 16 bytes at a time where the CPU can (false: a byte at a
// time, the reference the tests hold the other to).
size_t FirstPossibleMatch(std::string_view text, size_t from, const std::vector<std::string_view>& keys,
                          bool vector = true);

}  // namespace annals
