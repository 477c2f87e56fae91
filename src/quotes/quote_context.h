// QuoteContext: what the quotation stage knows about one article while it
// works — its words, paragraphs and quotation spans — with the small text
// helpers (sentence ends, gaps between words) every attribution rule uses.
// Lives on the stack of one Run() call: never shared between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotes/quote_spans.h"
#include "quotes/words.h"
#include "text/token.h"

namespace annals {

// `w == "said"` with the literal's length known at compile time: the
// compiler turns the byte compare into a few instructions (a string_view
// operator== calls memcmp with a run-time length). The stage's word tests
// run for most words of every article.
template <size_t N>
[[gnu::always_inline]] inline bool Eq(std::string_view w, const char (&lit)[N]) {
  return w.size() == N - 1 && std::memcmp(w.data(), lit, N - 1) == 0;
}

// A span of words naming a speaker, as found next to a cue.
enum class MentionKind : uint8_t { kNone, kName, kPronoun, kDescription };

struct SubjectMention {
  MentionKind kind = MentionKind::kNone;
  uint32_t start = 0;         // byte span of the mention
  uint32_t end = 0;
  uint32_t role_start = 0;    // an appositive role ("Smith, a spokesman, said"), empty if none
  uint32_t role_end = 0;
  bool found() const { return kind != MentionKind::kNone; }
};

class QuoteContext {
 public:
  // Scans `text`: words, quote marks, quotation spans. `paragraphs` may be
  // empty (the text is then one paragraph).
  QuoteContext(std::string_view text, const std::vector<Paragraph>& paragraphs);
  // Hands the buffers back to the thread's scratch (see Scratch).
  ~QuoteContext();
  QuoteContext(const QuoteContext&) = delete;
  QuoteContext& operator=(const QuoteContext&) = delete;

  std::string_view text() const { return text_; }
  const std::vector<Word>& words() const { return words_; }
  const std::vector<QuoteSpan>& spans() const { return spans_; }
  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }

  std::string_view WordText(size_t k) const {
    return text_.substr(words_[k].start, words_[k].end - words_[k].start);
  }
  // Lower-cased word k (ASCII): a view into the text itself when the word is
  // lower case already, else into a lower-cased copy of the text made once
  // per article (no per-word copy; valid as long as the context).
  [[gnu::always_inline]] std::string_view Lower(size_t k) const {
    // Most words are lower case already: no copy for them.
    const Word& w = words_[k];
    return std::string_view((w.flags & kWordLower ? text_.data() : lower_.get()) + w.start, w.end - w.start);
  }
  // Index of the first word starting at or after `pos`.
  size_t WordAtOrAfter(uint32_t pos) const;
  // The same, searched outwards from word `near` (a word close to `pos`,
  // e.g. the cue for its sentence's bounds): a few steps instead of a
  // binary search over the article's words.
  size_t WordAtOrAfter(uint32_t pos, size_t near) const;
  // Paragraph index containing (or preceding) `pos`.
  size_t ParagraphOf(uint32_t pos) const;
  // True if `pos` lies inside a top-level quotation (marks included).
  bool InQuote(uint32_t pos) const;

  // The bytes between word k and word k+1 (or the text end).
  std::string_view GapAfter(size_t k) const {
    const uint32_t a = words_[k].end;
    const uint32_t b = k + 1 < words_.size() ? words_[k + 1].start : static_cast<uint32_t>(text_.size());
    return text_.substr(a, b - a);
  }
  // True if the gap after word k is ". " after a title abbreviation or an
  // initial ("Mr. Trump", "John F. Kennedy"): no sentence end.
  bool AbbrevGapAfter(size_t k) const;
  // True if the gap after word k is whitespace only (after a plural
  // possessive's apostrophe, "Sanders' campaign").
  [[gnu::always_inline]] bool SpaceGap(size_t k) const {
    // One plain space, the common gap, decided here; the rest out of line.
    if (k + 1 < words_.size() && words_[k + 1].start == words_[k].end + 1 && text_[words_[k].end] == ' ')
      return true;
    return SpaceGapSlow(k);
  }

  // Offset of the end of the sentence that contains `pos`: the sentence's
  // final . ! ? (exclusive of it), or the paragraph end. Looks at most
  // kMaxSentence bytes ahead.
  uint32_t SentenceEnd(uint32_t pos) const;
  // Offset where the sentence containing `pos` starts (after the previous
  // sentence end, or a closing quote mark glued to it, or the paragraph start).
  uint32_t SentenceStart(uint32_t pos) const;

  static constexpr uint32_t kMaxSentence = 1500;

 private:
  bool IsSentenceEndAt(size_t i) const;
  bool SpaceGapSlow(size_t k) const;

  std::string_view text_;
  std::vector<Paragraph> paragraphs_;
  std::vector<Word> words_;
  std::vector<QuoteMark> marks_;
  std::vector<QuoteSpan> spans_;
  std::vector<std::pair<uint32_t, uint32_t>> top_;  // top-level quotation [open, close_end)
  std::vector<uint32_t> ends_;                      // offsets of sentence-final . ! ?
  // The ASCII-folded bytes of the words that are not lower case, at their
  // offsets in the text (see Lower); the other bytes are never read and
  // never written (no copy of the whole text).
  std::unique_ptr<char[]> lower_;
  size_t lower_cap_ = 0;  // bytes allocated in lower_
};

// The noun phrase ending at word `e` (a name, a pronoun or a description
// such as "the ombudsperson", "a spokesman for the ministry"), starting no
// earlier than word `min_word`; kind kNone if the words are no such phrase.
SubjectMention NounPhraseEndingAt(const QuoteContext& c, size_t e, size_t min_word);

// Finds the speaker mention that ends just before word `v` (the cue),
// skipping adverbs and auxiliaries ("she also said", "Smith has said"),
// looking no further left than word `min_word`.
SubjectMention SubjectBefore(const QuoteContext& c, size_t v, size_t min_word);
// Finds the speaker mention that starts at word `s` ("said Smith", "said
// the minister"), looking no further right than word `max_word`.
SubjectMention SubjectAfter(const QuoteContext& c, size_t s, size_t max_word);

// True for he/she/they/... in lower case.
bool IsSubjectPronoun(std::string_view lower);

}  // namespace annals
