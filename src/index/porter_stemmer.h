// The Porter stemmer exactly as SQLite FTS5's `porter` tokenizer applies it,
// so that annals' own index produces the same terms as the store's FTS5 table
// (tokenize='porter unicode61 remove_diacritics 2') and BM25 figures agree.
// FTS5's variant differs from the reference Porter (1980) algorithm in small
// ways that matter for parity, e.g. `y` counts as a vowel in (*v*) whenever it
// is not the first letter, and only the first rule whose suffix matches in a
// step is tried. Those quirks are reproduced on purpose.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace annals::index {

// Tokens shorter than this or longer than kPorterMaxToken bytes pass through.
inline constexpr size_t kPorterMinToken = 3;
inline constexpr size_t kPorterMaxToken = 64;

// Writes the stem of `token` (an already case-folded token as produced by the
// unicode61 tokenizer) into `out` (replaced). Bytes >= 0x80 are treated as
// consonants, as FTS5 does. Thread-safe.
void PorterStem(std::string_view token, std::string* out);

// What every word stemming to `stem` starts with: all of the stem but its
// last two bytes (at least its first byte). Each Porter step only replaces a
// suffix, and no replacement differs from what it replaces in more than the
// last two bytes of its result ("biliti" -> "ble"; "ational" -> "ate";
// "y" -> "i"); later steps only cut further. So a word that does not start
// with this key cannot stem to `stem`, and callers matching words against a
// few stems (snippets) skip stemming most words. A prefix query's `prefix`
// works the same way: stem(w) starts with it only if w starts with the key.
// Pinned over the Reuters and Wikinews vocabularies by analyzer_test.
inline std::string_view StemPrefixKey(std::string_view stem) {
  return stem.substr(0, stem.size() > 3 ? stem.size() - 2 : std::min<size_t>(stem.size(), 1));
}

}  // namespace annals::index
