// Integrity check of a TextLayout against its text: the invariants every
// consumer of the text core may rely on. Used by the tests on random input,
// the fuzz target, and available to callers that want a self-check.
// Thread-safe: holds no state.
#pragma once

#include <string_view>

#include "core/status.h"
#include "text/token.h"

namespace annals {

// Returns Ok, or Internal("<what> at <index>") for the first broken invariant:
//  - tokens: non-empty, inside the text, in order, non-overlapping, and every
//    byte outside all tokens is whitespace (ASCII or a Unicode space/format
//    character) — nothing is silently dropped; no token holds a '\n'; when
//    the text is valid UTF-8, every token starts and ends on a code point
//    boundary;
//  - paragraphs: in order, non-overlapping, each from a token start to a token end;
//  - sentences: cover the tokens exactly once in order (token_begin of each is
//    token_end of the previous), span exactly their tokens, and lie inside
//    their paragraph, whose index never decreases;
//  - flags: kTokParaStart exactly on the first token of each paragraph.
Status CheckTextLayout(std::string_view text, const TextLayout& layout);

}  // namespace annals
