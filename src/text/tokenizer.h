// Tokenizer: splits UTF-8 text into tokens with byte offsets.
// Thread-safe: holds no mutable state.
#pragma once

#include <string_view>
#include <vector>

#include "text/token.h"

namespace annals {

// Appends the tokens of `text` to `out` (cleared first). Abbreviations keep
// their period ("Mr.", "U.S.", "Jan."), decimals and thousands stay one number
// ("1,200.5"), URLs and @handles stay one token, and a period glued to the
// next sentence ("reports.“It") is its own token while "News.Az" stays one.
void Tokenize(std::string_view text, std::vector<Token>* out);

// Tokenize, also filling `paragraphs` (cleared first; may be null) with the
// paragraph spans SplitParagraphs would give, at no extra pass.
void TokenizeWithParagraphs(std::string_view text, std::vector<Token>* out, std::vector<Paragraph>* paragraphs);

}  // namespace annals
