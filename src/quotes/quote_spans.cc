// Quote pairing: see quote_spans.h.
#include "quotes/quote_spans.h"

#include <algorithm>

namespace annals {

namespace {

// Deeper nesting than this is noise (or an attack): further opening marks
// are ignored, which keeps every stack search O(1).
constexpr size_t kMaxDepth = 6;

struct Open {
  size_t mark;            // index into marks
  bool multi = false;     // continued from an earlier paragraph
};

}  // namespace

void PairQuoteMarks(std::string_view text, const std::vector<QuoteMark>& marks,
                    const std::vector<Paragraph>& paragraphs, std::vector<QuoteSpan>* out) {
  out->clear();
  std::vector<Open> stack;
  size_t para = 0;
  const size_t np = paragraphs.size();
  auto para_of = [&](uint32_t pos) {
    while (para + 1 < np && pos >= paragraphs[para + 1].start) ++para;
    return para;
  };
  size_t stack_para = 0;  // paragraph of the innermost open mark on the stack
  auto emit = [&](const Open& o, uint32_t end, uint32_t close_end, bool closed, uint8_t depth) {
    const QuoteMark& m = marks[o.mark];
    QuoteSpan s;
    s.open_start = m.start;
    s.start = m.end;
    s.end = std::max(end, m.end);
    s.close_end = std::max(close_end, s.end);
    s.family = m.family;
    s.depth = depth;
    s.closed = closed;
    s.multi_paragraph = o.multi;
    s.straight = m.dir == MarkDir::kEither;
    out->push_back(s);
  };

  for (size_t i = 0; i < marks.size(); ++i) {
    const QuoteMark& m = marks[i];
    const size_t p = np ? para_of(m.start) : 0;
    bool consumed = false;
    if (!stack.empty() && p != stack_para) {
      // The paragraph ended with an open quotation. It continues if this
      // paragraph opens with a mark of the same family and nothing else.
      const Open& bottom = stack.front();
      const QuoteMark& bm = marks[bottom.mark];
      const bool continues = np && p == stack_para + 1 && m.start == paragraphs[p].start &&
                             m.family == bm.family && m.dir != MarkDir::kClose;
      if (continues) {
        Open keep = bottom;
        keep.multi = true;
        stack.clear();
        stack.push_back(keep);
        stack_para = p;
        consumed = true;
      } else {
        if (bottom.multi && np) {
          // A multi-paragraph quotation whose last paragraph lost its
          // closing mark: it ends with that paragraph.
          const uint32_t pend = paragraphs[stack_para].end;
          emit(bottom, pend, pend, false, 0);
        }
        stack.clear();
      }
    }
    if (consumed) continue;

    // Decide the direction of this mark.
    int found = -1;  // stack index of an open mark of the same family
    for (int k = static_cast<int>(stack.size()) - 1; k >= 0; --k) {
      if (marks[stack[k].mark].family == m.family) {
        found = k;
        break;
      }
    }
    bool is_close = false;
    bool is_open = false;
    switch (m.dir) {
      case MarkDir::kClose:
        is_close = found >= 0;
        break;
      case MarkDir::kOpen:
        // “ closes a German „ (and ‘ closes ‚).
        if (found >= 0 && marks[stack[found].mark].low && !m.low && !m.letter_after) is_close = true;
        else is_open = true;
        break;
      case MarkDir::kEither:
        if (found >= 0) {
          // A straight mark with an open partner closes it unless it plainly
          // opens a nested quotation of the same family (rare; ignored).
          is_close = true;
        } else if (m.family == QuoteFamily::kSingle) {
          // 'word: opening only after a space and before a letter; a lone
          // ' after a word (teachers') is a possessive.
          is_open = m.space_before && m.letter_after;
        } else {
          // " after a digit and before a space is an inch mark (a 5" pipe).
          if (m.digit_before && m.space_after) break;
          // A straight mark glued to the previous word and followed by a
          // space looks like a closing mark with no partner: a stray.
          if (m.letter_before && m.space_after && !m.space_before) break;
          is_open = true;
        }
        break;
    }
    if (is_open && found >= 0 && found + 1 == static_cast<int>(stack.size()) && !marks[stack[found].mark].low) {
      // Two opening marks of one family in a row: the first lost its
      // closing mark (nesting alternates families). Drop it.
      stack.pop_back();
    }
    if (is_close) {
      const Open o = stack[found];
      stack.resize(found);
      emit(o, m.start, m.end, true, static_cast<uint8_t>(found));
      if (!stack.empty()) stack_para = p;
    } else if (is_open) {
      if (stack.size() >= kMaxDepth) continue;
      stack.push_back(Open{i, false});
      stack_para = p;
    }
  }
  if (!stack.empty() && stack.front().multi && np) {
    const uint32_t pend = paragraphs[stack_para].end;
    emit(stack.front(), pend, pend, false, 0);
  }
  // Closing order is not opening order for nested spans: sort by opening.
  std::sort(out->begin(), out->end(),
            [](const QuoteSpan& a, const QuoteSpan& b) { return a.open_start < b.open_start; });
  (void)text;
}

}  // namespace annals
