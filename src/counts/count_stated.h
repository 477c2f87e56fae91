// Whether an article's text states a given figure at all: the denominator of
// "figure right in the articles that state it" in `annals eval counts`. A
// lexical proxy for the hand check of BENCHMARKS.md, deliberately independent
// of the count grammar: the figure N written as a numeral or number word
// ("3", "three") within a few words of a word of that type ("killed", "dead",
// "injured", "shot") in one sentence; for N = 1 also an indefinite subject
// ("a man ... was killed"), for N = 2 also "both", for N = 0 a negation ("no
// one was hurt", "no injuries", "unharmed"). It misses figures told only by
// names ("Barfield and Jones were killed") or summed over sentences, so it
// finds fewer stating articles than a reader does (see BENCHMARKS.md for the
// comparison with the hand-checked samples). Thread-safe: pure function.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "facts/facts.h"
#include "text/token.h"

namespace annals {

// True if some sentence of `text` states `number` people of `type` (KILL or
// WOUND; other types are never stated by this proxy).
bool TextStatesFigure(std::string_view text, const std::vector<Token>& tokens,
                      const std::vector<Sentence>& sentences, CountType type, int64_t number);

}  // namespace annals
