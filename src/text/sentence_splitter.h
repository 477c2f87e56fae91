// Sentence and paragraph splitting over a token sequence.
// Thread-safe: holds no mutable state.
#pragma once

#include <string_view>
#include <vector>

#include "text/token.h"

namespace annals {

// Paragraphs: text separated by a blank line (or a line break followed by
// indentation-free new text in single-newline formats: every '\n' run that
// contains at least one empty line, or any '\n' when the text has no blank
// lines at all). Spans exclude surrounding whitespace.
void SplitParagraphs(std::string_view text, std::vector<Paragraph>* out);

// Sentences over `tokens` of `text`; never crosses a paragraph boundary.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<Paragraph>& paragraphs, std::vector<Sentence>* out);

// Tokenize + SplitParagraphs + SplitSentences, filling `out`.
void AnalyzeText(std::string_view text, TextLayout* out);

}  // namespace annals
