// Sentence and paragraph splitting over a token sequence.
// Thread-safe: holds no mutable state.
#pragma once

#include <string_view>
#include <vector>

#include "text/token.h"

namespace annals {

// Paragraphs of `text` (cleared first), by the line-structure rules in
// paragraph_splitter.h: blank lines always, a line break before indentation
// always, a single line break unless the text is hard-wrapped. Each span runs
// from its first token's start to its last token's end (so it excludes
// surrounding whitespace); paragraphs without tokens are dropped.
void SplitParagraphs(std::string_view text, std::vector<Paragraph>* out);

// Paragraphs of an already tokenized text: the runs of `tokens` starting at
// each kTokParaStart token (as set by Tokenize). Same result as SplitParagraphs.
void ParagraphsFromTokens(const std::vector<Token>& tokens, std::vector<Paragraph>* out);

// Sentences (cleared first) over `tokens` of `text`; never crosses a paragraph
// boundary, and together the sentences cover every token exactly once, in
// order. A sentence ends after . ! ? … (and the closing quotes and brackets
// that follow them) unless the next token shows it goes on: a lower-case word
// or , ; : after the mark ("“Go!” she said"), a name after a title ("Mr.
// Smith"), a number after "No.". After an abbreviation that may end a
// sentence (U.S. Inc. etc. a.m. Jan.) it ends only before an opening quote or
// a capitalised sentence-starter word ("The", "He", "But"...).
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<Paragraph>& paragraphs, std::vector<Sentence>* out);

// Tokenize + paragraphs + SplitSentences, filling `out`; also sets
// kTokSentStart on the first token of every sentence.
void AnalyzeText(std::string_view text, TextLayout* out);

}  // namespace annals
