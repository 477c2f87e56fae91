// Quote spans: pairs the marks of quote_marks.h into quotations. One pass
// with a small bounded stack, so the cost stays linear even on 100,000 marks
// in a row. Handles nesting (“… ‘…’ …”), the German „…“ pair, straight marks
// judged by context, inch marks (5"), and quotations running over several
// paragraphs (an opening mark on each paragraph, one closing mark at the end).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "quotes/quote_marks.h"
#include "text/token.h"

namespace annals {

struct QuoteSpan {
  uint32_t open_start = 0;     // offset of the opening mark
  uint32_t start = 0;          // content start (after the opening mark)
  uint32_t end = 0;            // content end (before the closing mark)
  uint32_t close_end = 0;      // offset past the closing mark (== end if unclosed)
  QuoteFamily family = QuoteFamily::kDouble;
  uint8_t depth = 0;           // 0: top level; 1+: nested inside another quotation
  bool closed = true;          // false: ran to a paragraph end without a closing mark
  bool multi_paragraph = false;  // continued over a paragraph break
  bool straight = false;       // opened by a straight mark (" ' '')
};

// Pairs `marks` (from ScanQuoteMarks over `text`) within `paragraphs` (sorted,
// non-overlapping; pass one paragraph covering the text if none) and appends
// the quotations to `out` (cleared first) in order of their opening mark.
// Unbalanced marks are dropped, never paired across unrelated paragraphs.
void PairQuoteMarks(std::string_view text, const std::vector<QuoteMark>& marks,
                    const std::vector<Paragraph>& paragraphs, std::vector<QuoteSpan>* out);

}  // namespace annals
