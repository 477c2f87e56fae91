// ASCII case folding for lexicon lookups and comparisons that only need the
// English letters folded (non-ASCII bytes pass through unchanged): cue
// words, pronouns, names compared loosely. Unicode-aware folding is the
// analyzer's (index) and the NER features' business.
#pragma once

#include <string>
#include <string_view>

namespace annals {

// `s` with A-Z lower-cased.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

}  // namespace annals
