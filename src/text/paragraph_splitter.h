// Paragraph segmentation: where the line structure of a text says a new
// paragraph begins. Used by the tokenizer (which marks the first token of each
// paragraph with kTokParaStart and resets its quote state there) and, through
// it, by SplitParagraphs/AnalyzeText.
//
// The rule, decided once per text:
//  - a blank line (a run of whitespace holding two or more '\n') always
//    separates paragraphs;
//  - a single '\n' followed by indentation (space or tab) always does: that is
//    how Reuters-style wire copy marks paragraphs inside hard-wrapped lines;
//  - a single '\n' without indentation separates paragraphs unless the text is
//    hard-wrapped. A text counts as hard-wrapped when at least two of its
//    single-newline lines end "open" (not with . ! ? : ; quote or bracket) and
//    such open lines are the majority: wrapped lines end mid-sentence, while
//    one-paragraph-per-line texts end their lines with sentence punctuation.
//    So headlines and datelines on their own line stay their own paragraph.
// Thread-safe: holds no mutable state.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace annals {

// Fills `cuts` (cleared first) with the byte offsets where a new paragraph
// segment begins, in increasing order, excluding 0. Every offset is the
// position of a '\n', so it never falls inside a token. The segments
// [0, cuts[0]), [cuts[0], cuts[1]), ... cover the text; a segment may hold
// only whitespace.
void FindParagraphCuts(std::string_view text, std::vector<size_t>* cuts);

// The same cuts, passed to `on_cut` in increasing order (no allocation).
void ForEachParagraphCut(std::string_view text, const std::function<void(size_t)>& on_cut);

// True if `text` is hard-wrapped by the rule above (single line breaks inside
// paragraphs).
bool IsHardWrapped(std::string_view text);

}  // namespace annals
