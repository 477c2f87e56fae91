// Tokenizer: splits UTF-8 text into tokens with byte offsets.
// Thread-safe: holds no mutable state.
#pragma once

#include <string_view>
#include <vector>

#include "text/token.h"

namespace annals {

// Appends the tokens of `text` to `out` (cleared first). Every byte of the
// text is either inside exactly one token or whitespace (ASCII, Unicode
// spaces, format characters); tokens never hold a line break. The rules (see
// tokenizer.cc for the full list):
//  - abbreviations keep their period ("Mr.", "U.S.", "Jan.", "J.", "e.g.";
//    "No." only before a number), flagged kTokAbbrev;
//  - numbers keep inner , . : / - between digits and letter suffixes
//    ("1,200.5", "19:30", "2025-01-17", "1/20/1990", "21st", "1.2bn");
//  - hyphenated words stay whole ("Jean-Luc", "12-year-old");
//  - clitics split Penn-Treebank style ("Azerbaijan’s" -> "Azerbaijan" "’s",
//    "don't" -> "do" "n't"), flagged kTokClitic; "O'Neill" stays whole;
//  - URLs, e-mail addresses (kUrl), @handles and #tags (kHandle) are one token;
//  - "...", ". . ." and "…" are one token; "--", "–", "—" are kTokDash;
//  - quotes carry kTokQuote, and kTokOpenQuote when they open;
//  - a period glued to the next sentence ("reports.“It", "added.Aliyeva") is
//    its own token while "News.Az" and "example.com" stay one.
// Invalid UTF-8 never crashes: an invalid byte becomes a one-byte kSymbol
// token (or stays inside a URL).
// Linear time in the text size.
void Tokenize(std::string_view text, std::vector<Token>* out);

// Tokenize, also filling `paragraphs` (cleared first; may be null) with the
// paragraph spans SplitParagraphs would give, at no extra pass.
void TokenizeWithParagraphs(std::string_view text, std::vector<Token>* out, std::vector<Paragraph>* paragraphs);

}  // namespace annals
