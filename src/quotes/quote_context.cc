// QuoteContext and the subject finders: see quote_context.h.
#include "quotes/quote_context.h"

#include <algorithm>
#include <array>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/ascii_case.h"
#include "text/sentence_splitter.h"

namespace annals {

namespace {

// Length and first letter decide for nearly every entry: the byte compare
// (a memcmp call through string_view's ==) runs only for those that pass.
template <size_t N>
bool InList(std::string_view w, const std::array<std::string_view, N>& list) {
  if (w.empty()) return false;
  for (std::string_view x : list)
    if (x.size() == w.size() && x[0] == w[0] && std::memcmp(x.data(), w.data(), w.size()) == 0) return true;
  return false;
}

// Words that may sit between a subject and its cue ("she also said").
constexpr std::array<std::string_view, 40> kSkippable = {
    "also",    "later",    "then",      "previously", "has",       "have",     "had",     "was",
    "is",      "were",     "would",     "will",       "once",      "further",  "again",   "recently",
    "earlier", "reportedly", "publicly", "privately", "separately", "just",    "subsequently",
    "finally", "repeatedly", "often",   "never",      "has",       "did",      "had",
    // "did not immediately respond", "could not say", "does not believe"
    "not", "immediately", "does", "do", "could", "can", "may", "might", "should", "are"};

constexpr std::array<std::string_view, 13> kDeterminers = {
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "another", "one"};

// Capitalised words that open a sentence rather than a name.
// Sentence-opening adverbs and prepositions ("Outside the arena, …",
// "Instead, he is …", "Indeed, …") are no names either.
constexpr std::array<std::string_view, 83> kCapStop = {
    "The", "But", "And", "In", "On", "At", "When", "While", "After", "As", "So", "Then", "Yet", "Still", "Meanwhile",
    "However", "Also", "Now", "Later", "Earlier", "Last", "This", "That", "A", "An", "If", "Asked", "Speaking", "Or",
    "Since", "To", "For", "With", "By", "From", "Of", "It", "There", "Here", "What", "Who", "Why", "How", "Some",
    "Many", "Most", "All", "Both", "Each", "No", "Not", "Only", "Even", "His", "Her", "Their", "Its", "Our",
    "Outside", "Inside", "Indeed", "Overall", "Ultimately", "Finally", "Nearby", "Elsewhere",
    "Separately", "Afterward", "Afterwards", "Nevertheless", "Nonetheless", "Moreover", "Furthermore", "Besides",
    "Otherwise", "Perhaps", "Despite", "During", "Among", "Amid", "Though", "Because", "Unless"};

// Title abbreviations that end in a period inside a name ("Mr. Smith").
constexpr std::array<std::string_view, 16> kTitleAbbrev = {
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "St", "Pres", "Adm"};

// Bare nouns that name speakers without a determiner ("police said").
constexpr std::array<std::string_view, 28> kBareSpeakers = {
    "police", "officials", "authorities", "prosecutors", "investigators", "analysts", "experts",
    "critics", "residents", "witnesses", "sources", "aides", "advisers", "officers", "lawyers",
    "doctors", "supporters", "opponents", "observers", "democrats", "republicans", "voters",
    "spokesman", "spokeswoman", "spokesperson", "officials", "diplomats", "organizers"};

bool IsCap(const QuoteContext& c, size_t k) {
  return (c.words()[k].flags & (kWordCap | kWordAllCaps)) != 0;
}

// Gap after word k is ". " following a title abbreviation ("Mr. Smith").
bool AbbrevGap(const QuoteContext& c, size_t k) {
  const std::string_view g = c.GapAfter(k);
  if (g.size() < 2 || g[0] != '.' || (g[1] != ' ')) return false;
  for (size_t i = 2; i < g.size(); ++i)
    if (g[i] != ' ') return false;
  return InList(c.WordText(k), kTitleAbbrev);
}

bool HasComma(std::string_view g) {
  return g.find(',') != std::string_view::npos;
}

// Capitalised run ending at word e (inclusive), not before `min_word`.
size_t NameStart(const QuoteContext& c, size_t e, size_t min_word) {
  size_t s = e;
  while (s > min_word && IsCap(c, s - 1) && (c.SpaceGap(s - 1) || AbbrevGap(c, s - 1))) {
    if (c.words()[s - 1].has(kWordPossessive)) break;
    --s;
  }
  while (s < e && InList(c.WordText(s), kCapStop)) ++s;
  return s;
}

// The next '.', '!' or '?' at or after i (n if none), 16 bytes a step
// with SSE2: sentence ends are looked for among few bytes of an article.
size_t NextSentencePunct(const char* t, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i dot = _mm_set1_epi8('.'), excl = _mm_set1_epi8('!'), quest = _mm_set1_epi8('?');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
    const __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_or_si128(_mm_cmpeq_epi8(v, excl), _mm_cmpeq_epi8(v, quest)));
    const int bits = _mm_movemask_epi8(m);
    if (bits) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  while (i < n && t[i] != '.' && t[i] != '!' && t[i] != '?') ++i;
  return i;
}

// A context's buffers, kept per thread between articles: the stage runs
// once per article, and allocating them afresh each time cost several per
// cent of it. A context takes them on construction and hands them back on
// destruction (a second context alive on the same thread finds them empty
// and allocates its own).
struct Scratch {
  std::vector<Word> words;
  std::vector<QuoteMark> marks;
  std::vector<QuoteSpan> spans;
  std::vector<std::pair<uint32_t, uint32_t>> top;
  std::vector<uint32_t> ends;
  std::unique_ptr<char[]> lower;
  size_t lower_cap = 0;
};
thread_local Scratch t_scratch;

}  // namespace

bool IsSubjectPronoun(std::string_view w) {
  return Eq(w, "he") || Eq(w, "she") || Eq(w, "they") || Eq(w, "we") || Eq(w, "i") || Eq(w, "it");
}

QuoteContext::QuoteContext(std::string_view text, const std::vector<Paragraph>& paragraphs)
    : text_(text),
      paragraphs_(paragraphs),
      words_(std::move(t_scratch.words)),
      marks_(std::move(t_scratch.marks)),
      spans_(std::move(t_scratch.spans)),
      top_(std::move(t_scratch.top)),
      ends_(std::move(t_scratch.ends)),
      lower_(std::move(t_scratch.lower)),
      lower_cap_(std::exchange(t_scratch.lower_cap, 0)) {
  top_.clear();
  ends_.clear();
  if (paragraphs_.empty()) SplitParagraphs(text_, &paragraphs_);
  if (paragraphs_.empty()) paragraphs_.push_back({0, static_cast<uint32_t>(text_.size())});
  ScanWords(text_, &words_);
  // Lower-casing the text once is cheaper than a copy per cue word; only
  // the words that are not lower case already are read from the copy
  // (Lower), so only their bytes are folded.
  if (!lower_ || lower_cap_ < text_.size() + 1) {
    lower_cap_ = text_.size() + 1;
    lower_ = std::make_unique_for_overwrite<char[]>(lower_cap_);
  }
  for (const Word& w : words_) {
    if (w.has(kWordLower)) continue;
    for (uint32_t i = w.start; i < w.end; ++i) {
      const char ch = text_[i];
      lower_[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch;
    }
  }
  ScanQuoteMarks(text_, &marks_);
  PairQuoteMarks(text_, marks_, paragraphs_, &spans_);
  for (const QuoteSpan& s : spans_)
    if (s.depth == 0) top_.emplace_back(s.open_start, s.close_end);
  // Sentence ends lie between words: a . ! ? inside a word ("U.S", "3.5")
  // is none.
  const size_t n = text_.size();
  size_t k = 0;  // the first word ending after i
  for (size_t i = NextSentencePunct(text_.data(), 0, n); i < n; i = NextSentencePunct(text_.data(), i + 1, n)) {
    while (k < words_.size() && words_[k].end <= i) ++k;
    if (k < words_.size() && words_[k].start <= i) continue;
    if (IsSentenceEndAt(i)) ends_.push_back(static_cast<uint32_t>(i));
  }
}

QuoteContext::~QuoteContext() {
  // A very long text's buffers are let go: a thread keeps at most about
  // 16 bytes per byte of a 1 MB article.
  if (text_.size() > (1u << 20)) return;
  t_scratch.words = std::move(words_);
  t_scratch.marks = std::move(marks_);
  t_scratch.spans = std::move(spans_);
  t_scratch.top = std::move(top_);
  t_scratch.ends = std::move(ends_);
  t_scratch.lower = std::move(lower_);
  t_scratch.lower_cap = lower_cap_;
}

bool QuoteContext::AbbrevGapAfter(size_t k) const {
  const std::string_view g = GapAfter(k);
  if (g.size() < 2 || g[0] != '.' || g[1] != ' ') return false;
  return InList(WordText(k), kTitleAbbrev) || (words_[k].end - words_[k].start == 1 && (words_[k].flags & kWordCap));
}

size_t QuoteContext::WordAtOrAfter(uint32_t pos) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), pos,
                             [](const Word& w, uint32_t p) { return w.start < p; });
  return static_cast<size_t>(it - words_.begin());
}

size_t QuoteContext::WordAtOrAfter(uint32_t pos, size_t near) const {
  // Sentence bounds lie within a few dozen words of the cue: gallop from
  // `near` (1, 2, 4, … words) to bracket the answer, then a binary search
  // inside the bracket — O(log distance) where a word-by-word walk cost
  // 5% of the stage.
  const size_t n = words_.size();
  size_t lo, hi;  // the answer lies in (lo, hi]: words_[lo].start < pos (or lo = -1), hi = n or start >= pos
  size_t k = near < n ? near : n;
  if (k < n && words_[k].start < pos) {
    lo = k;
    size_t step = 1;
    for (;;) {
      if (n - lo <= step) {
        hi = n;
        break;
      }
      if (words_[lo + step].start >= pos) {
        hi = lo + step;
        break;
      }
      lo += step;
      step *= 2;
    }
    ++lo;  // now the answer lies in [lo, hi]
  } else {
    hi = k;
    size_t step = 1;
    for (;;) {
      if (hi < step) {
        lo = 0;
        break;
      }
      if (words_[hi - step].start < pos) {
        lo = hi - step + 1;
        break;
      }
      hi -= step;
      step *= 2;
    }
  }
  // First index in [lo, hi) with start >= pos, else hi.
  auto it = std::lower_bound(words_.begin() + static_cast<std::ptrdiff_t>(lo),
                             words_.begin() + static_cast<std::ptrdiff_t>(hi), pos,
                             [](const Word& w, uint32_t p) { return w.start < p; });
  return static_cast<size_t>(it - words_.begin());
}

size_t QuoteContext::ParagraphOf(uint32_t pos) const {
  auto it = std::upper_bound(paragraphs_.begin(), paragraphs_.end(), pos,
                             [](uint32_t p, const Paragraph& para) { return p < para.start; });
  if (it == paragraphs_.begin()) return 0;
  return static_cast<size_t>(it - paragraphs_.begin()) - 1;
}

bool QuoteContext::InQuote(uint32_t pos) const {
  auto it = std::upper_bound(top_.begin(), top_.end(), pos,
                             [](uint32_t p, const std::pair<uint32_t, uint32_t>& s) { return p < s.first; });
  if (it == top_.begin()) return false;
  --it;
  return pos < it->second;
}

bool QuoteContext::SpaceGapSlow(size_t k) const {
  std::string_view g = GapAfter(k);
  if (g.empty()) return false;
  // A plural possessive's apostrophe is part of the word: "Sanders' campaign".
  if (text_[words_[k].end - 1] == 's') {
    if (g[0] == '\'') g.remove_prefix(1);
    else if (g.starts_with("\xE2\x80\x99")) g.remove_prefix(3);
    if (g.empty()) return false;
  }
  // A no-break space (U+00A0, C2 A0) is a space: "Trump\u00A0said".
  for (size_t i = 0; i < g.size(); ++i) {
    const char ch = g[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') continue;
    if (ch == '\xC2' && i + 1 < g.size() && g[i + 1] == '\xA0') {
      ++i;
      continue;
    }
    return false;
  }
  // A blank line is a paragraph break, not a word gap.
  return g.find("\n\n") == std::string_view::npos;
}

bool QuoteContext::IsSentenceEndAt(size_t i) const {
  const char ch = text_[i];
  if (ch != '.' && ch != '!' && ch != '?') return false;
  const size_t n = text_.size();
  if (i + 1 >= n) return true;
  const unsigned char nx = text_[i + 1];
  if (ch == '.') {
    // Decimal or inner period ("3.5", "U.S.A"): not an end.
    if (nx >= 'a' && nx <= 'z') return false;
    if (nx >= '0' && nx <= '9') return false;
    // The word before: a title abbreviation or an initial is no end.
    size_t b = i;
    while (b > 0 && ((text_[b - 1] >= 'A' && text_[b - 1] <= 'Z') || (text_[b - 1] >= 'a' && text_[b - 1] <= 'z'))) --b;
    const std::string_view prev = text_.substr(b, i - b);
    if (prev.size() == 1 && prev[0] >= 'A' && prev[0] <= 'Z') return false;
    if (InList(prev, kTitleAbbrev)) return false;
    // "Joseph R. Biden Jr. said", "Rep. Hank Johnson (D-Ga.) said", "5
    // p.m. on Monday": an abbreviation's period before a lower-case word on
    // the same line ends no sentence (sentences open with a capital).
    size_t j = i + 1;
    if (j < n && text_[j] == ')') ++j;
    if (j < n && text_[j] == ' ') {
      while (j < n && text_[j] == ' ') ++j;
      if (j < n && text_[j] >= 'a' && text_[j] <= 'z') return false;
    }
  }
  if (nx == ' ' || nx == '\n' || nx == '\r' || nx == '\t' || nx == '"' || nx == '\'' || nx == ')') return true;
  if (nx == 0xE2 || nx == 0xC2) return true;  // quote marks, dashes, nbsp
  // Glued sentences ("added.Aliyeva"), but not an outlet's web name
  // ("News.Az reports").
  if (nx >= 'A' && nx <= 'Z') return !DomainSuffixAt(text_, i);
  return false;
}

uint32_t QuoteContext::SentenceEnd(uint32_t pos) const {
  const size_t p = ParagraphOf(pos);
  const size_t pend = std::max<size_t>(paragraphs_[p].end, pos);
  const size_t lim = std::min<size_t>({pend, text_.size(), static_cast<size_t>(pos) + kMaxSentence});
  auto it = std::lower_bound(ends_.begin(), ends_.end(), pos);
  if (it != ends_.end() && *it < lim) return *it;
  return static_cast<uint32_t>(lim);
}

uint32_t QuoteContext::SentenceStart(uint32_t pos) const {
  const size_t p = ParagraphOf(pos);
  const size_t pstart = std::min<size_t>(paragraphs_[p].start, pos);
  const size_t lim = pos > kMaxSentence ? std::max<size_t>(pstart, pos - kMaxSentence) : pstart;
  auto it = std::lower_bound(ends_.begin(), ends_.end(), pos);  // first end >= pos
  if (it == ends_.begin() || *(it - 1) < lim) return static_cast<uint32_t>(lim);
  size_t s = *(it - 1) + 1;
  // Skip a closing quote mark glued to the end ("…independence.”“The").
  while (s < pos && (text_[s] == ' ' || text_[s] == '"' || text_[s] == '\n')) ++s;
  if (s + 2 < pos && static_cast<unsigned char>(text_[s]) == 0xE2 &&
      (static_cast<unsigned char>(text_[s + 2]) == 0x9D || static_cast<unsigned char>(text_[s + 2]) == 0x99))
    s += 3;
  return static_cast<uint32_t>(s);
}

SubjectMention NounPhraseEndingAt(const QuoteContext& c, size_t e, size_t min_word) {
  SubjectMention m;
  const auto& w = c.words();
  const std::string_view lw(c.Lower(e));
  if (IsSubjectPronoun(lw)) {
    m.kind = MentionKind::kPronoun;
    m.start = w[e].start;
    m.end = w[e].end;
    return m;
  }
  if ((Eq(lw, "who") || Eq(lw, "which")) && e > min_word) {
    // "Smith, who chairs the panel, said" is handled by the appositive rule;
    // "Smith who said" takes the phrase before the pronoun.
    return NounPhraseEndingAt(c, e - 1, min_word);
  }
  if (IsCap(c, e) && !InList(c.WordText(e), kCapStop)) {
    const size_t s = NameStart(c, e, min_word);
    // A headline in capitals or a long capitalised run is no name.
    if (e - s >= 5) return m;
    if (e - s >= 2 && (w[s].flags & kWordAllCaps) && (w[e].flags & kWordAllCaps)) return m;
    m.kind = MentionKind::kName;
    m.start = w[s].start;
    m.end = w[e].end;
    // "the White House", "the Foreign Ministry": keep the determiner out, it
    // is still a name.
    return m;
  }
  if (!w[e].has(kWordLower)) return m;
  // Function words and determiners are no head noun ("… by saying").
  if (InList(lw, kDeterminers) || Eq(lw, "by") || Eq(lw, "of") || Eq(lw, "for") || Eq(lw, "with") ||
      Eq(lw, "to") || Eq(lw, "in") || Eq(lw, "on") || Eq(lw, "at") || Eq(lw, "from") || Eq(lw, "and") ||
      Eq(lw, "or") || Eq(lw, "but") || Eq(lw, "as") || Eq(lw, "than") || Eq(lw, "not") || Eq(lw, "so") ||
      Eq(lw, "also") || Eq(lw, "while") || Eq(lw, "after"))
    return m;
  // A description: walk left to a determiner over at most 6 words.
  size_t s = e;
  bool det = false;
  for (int steps = 0; steps < 6 && s > min_word && c.SpaceGap(s - 1); ++steps) {
    const std::string_view prev = c.Lower(s - 1);
    if (IsSubjectPronoun(prev) || Eq(prev, "and") || Eq(prev, "or") || Eq(prev, "to") || Eq(prev, "in") ||
        Eq(prev, "on") || Eq(prev, "at") || Eq(prev, "with") || Eq(prev, "by") || Eq(prev, "from") ||
        Eq(prev, "than") || Eq(prev, "as") || Eq(prev, "if") || Eq(prev, "because") || Eq(prev, "but")) {
      break;
    }
    --s;
    if (InList(prev, kDeterminers)) {
      det = true;
      // "a spokesman for the ministry": extend over one of/for.
      if (s > min_word + 1 && c.SpaceGap(s - 1)) {
        const std::string_view p2 = c.Lower(s - 1);
        if (Eq(p2, "of") || Eq(p2, "for")) {
          size_t t = s - 1;
          for (int k = 0; k < 4 && t > min_word && c.SpaceGap(t - 1); ++k) {
            const std::string_view p3 = c.Lower(t - 1);
            --t;
            if (InList(p3, kDeterminers)) {
              s = t;
              break;
            }
          }
        }
      }
      break;
    }
  }
  if (!det) {
    if (!InList(lw, kBareSpeakers)) return m;
    // "police said", "Republican officials said": at most one modifier.
    s = e;
    if (s > min_word && c.SpaceGap(s - 1) && IsCap(c, s - 1)) --s;
  }
  m.kind = MentionKind::kDescription;
  m.start = w[s].start;
  m.end = w[e].end;
  return m;
}

SubjectMention SubjectBefore(const QuoteContext& c, size_t v, size_t min_word) {
  SubjectMention none;
  if (v == 0 || v <= min_word) return none;
  // A participle ("…, saying", "…, adding") takes the sentence's subject:
  // the name or pronoun that opens the sentence.
  const std::string_view cue_word = c.WordText(v);
  if (cue_word.size() > 5 && cue_word.ends_with("ing")) {
    const std::string_view first(c.Lower(min_word));
    if (IsSubjectPronoun(first)) {
      SubjectMention m;
      m.kind = MentionKind::kPronoun;
      m.start = c.words()[min_word].start;
      m.end = c.words()[min_word].end;
      return m;
    }
    if (IsCap(c, min_word) && !InList(c.WordText(min_word), kCapStop)) {
      size_t e = min_word;
      while (e + 1 < v && IsCap(c, e + 1) && (c.SpaceGap(e) || AbbrevGap(c, e)) && !c.words()[e].has(kWordPossessive)) ++e;
      SubjectMention m;
      m.kind = MentionKind::kName;
      m.start = c.words()[min_word].start;
      m.end = c.words()[e].end;
      return m;
    }
    // "On Friday, he joined …, saying": the subject follows an opening
    // phrase set off by a comma.
    for (size_t k = min_word; k + 2 < v && k < min_word + 12; ++k) {
      const std::string_view g = c.GapAfter(k);
      if (!HasComma(g)) {
        if (!c.SpaceGap(k) && !AbbrevGap(c, k)) break;
        continue;
      }
      if (g.find_first_of(".!?;:") != std::string_view::npos) break;
      return SubjectBefore(c, v, k + 1);
    }
    return none;
  }
  size_t i = v - 1;
  // Skip adverbs and auxiliaries.
  while (i > min_word && c.SpaceGap(i) && InList(c.Lower(i), kSkippable)) --i;
  if (i < min_word) return none;
  // "Ms. Sherry smiled and said": the subject of the first verb.
  if (i > min_word + 1 && c.SpaceGap(i) && c.SpaceGap(i - 1) && c.Lower(i) == "and" &&
      c.words()[i - 1].has(kWordLower)) {
    const std::string_view verb = c.WordText(i - 1);
    if (verb.size() > 3 && verb.ends_with("ed")) return SubjectBefore(c, i - 1, min_word);
  }
  std::string_view gap = c.GapAfter(i);
  // "Sen. Bernie Sanders (I-Vt.) said": skip the parenthesis.
  if (gap.size() <= 4 && gap.find(')') != std::string_view::npos && gap.find_first_not_of(".) ") == std::string_view::npos) {
    for (size_t k = i; k > min_word && i - k < 6; --k) {
      const std::string_view g = c.GapAfter(k - 1);
      if (g.find('(') != std::string_view::npos) {
        if (Eq(g, " (")) return NounPhraseEndingAt(c, k - 1, min_word);
        break;
      }
    }
    return none;
  }
  if (c.SpaceGap(i)) return NounPhraseEndingAt(c, i, min_word);
  // "Smith, a spokesman for the party, said": the name before the appositive.
  if (gap.size() <= 3 && HasComma(gap) && gap.find_first_of(".!?;:") == std::string_view::npos) {
    for (size_t k = i; k > min_word && i - k < 14; --k) {
      const std::string_view g = c.GapAfter(k - 1);
      if (!HasComma(g)) {
        if (!c.SpaceGap(k - 1) && !AbbrevGap(c, k - 1)) break;
        continue;
      }
      if (g.size() > 3) break;
      // "her senior adviser, Jake Sullivan, said": the name is the
      // appositive itself, the description before it its role.
      const SubjectMention inner = NounPhraseEndingAt(c, i, k);
      if (inner.kind == MentionKind::kName && inner.start == c.words()[k].start) {
        const SubjectMention outer = NounPhraseEndingAt(c, k - 1, min_word);
        if (outer.kind == MentionKind::kDescription) {
          SubjectMention m = inner;
          m.role_start = outer.start;
          m.role_end = outer.end;
          return m;
        }
      }
      SubjectMention m = NounPhraseEndingAt(c, k - 1, min_word);
      if (m.kind == MentionKind::kName) {
        m.role_start = c.words()[k].start;
        m.role_end = c.words()[i].end;
        return m;
      }
      break;
    }
  }
  return none;
}

SubjectMention SubjectAfter(const QuoteContext& c, size_t s, size_t max_word) {
  SubjectMention m;
  const auto& w = c.words();
  if (s >= w.size() || s > max_word) return m;
  const std::string_view ls(c.Lower(s));
  if (IsSubjectPronoun(ls)) {
    m.kind = MentionKind::kPronoun;
    m.start = w[s].start;
    m.end = w[s].end;
    return m;
  }
  size_t e = s;
  // "said pollster Frank Luntz", "said former congressman Barney Frank":
  // lower-case title words before the name belong to the mention.
  size_t lead = s;
  if (w[s].has(kWordLower) && !InList(ls, kDeterminers) && !InList(ls, kBareSpeakers) && ls.size() >= 5 &&
      !ls.ends_with("ly") && !ls.ends_with("ing") && !Eq(ls, "about") && !Eq(ls, "after") &&
      !Eq(ls, "before") && !Eq(ls, "during") && !Eq(ls, "today") && !Eq(ls, "again") && !Eq(ls, "under") &&
      !Eq(ls, "since") && !Eq(ls, "while") && !Eq(ls, "would") && !Eq(ls, "could") && !Eq(ls, "should") &&
      !Eq(ls, "there") && !Eq(ls, "their") && !Eq(ls, "which")) {
    size_t j = s;
    while (j < s + 3 && j + 1 <= max_word && j + 1 < w.size() && c.SpaceGap(j) && w[j].has(kWordLower) &&
           !IsCap(c, j + 1))
      ++j;
    if (j + 1 <= max_word && j + 1 < w.size() && c.SpaceGap(j) && IsCap(c, j + 1) &&
        !InList(c.WordText(j + 1), kCapStop)) {
      lead = s;
      s = j + 1;
      e = s;
    }
  }
  if (IsCap(c, s) && !InList(c.WordText(s), kCapStop)) {
    auto cap_run = [&] {
      while (e + 1 <= max_word && e + 1 < w.size() && IsCap(c, e + 1) && (c.SpaceGap(e) || AbbrevGap(c, e)) &&
             !w[e].has(kWordPossessive))
        ++e;
    };
    cap_run();
    // "said Democratic strategist David Axelrod": a capitalised word, one
    // or two lower-case title words, then the name.
    size_t j = e + 1;
    while (j < e + 3 && j < max_word && j + 1 < w.size() && c.SpaceGap(j - 1) && w[j].has(kWordLower) &&
           c.WordText(j).size() >= 5 && !c.WordText(j).ends_with("ly") && !c.WordText(j).ends_with("ing") &&
           !c.WordText(j).ends_with("ed") && !InList(c.WordText(j), kDeterminers) && c.WordText(j) != "about" &&
           c.WordText(j) != "after" && c.WordText(j) != "before" && c.WordText(j) != "during" &&
           c.WordText(j) != "would" && c.WordText(j) != "could" && c.WordText(j) != "should" &&
           c.WordText(j) != "which" && c.WordText(j) != "there" && c.WordText(j) != "their" &&
           c.WordText(j) != "while" && c.WordText(j) != "since" && c.WordText(j) != "under")
      ++j;
    if (j > e + 1 && j <= max_word && j < w.size() && c.SpaceGap(j - 1) && IsCap(c, j) &&
        !InList(c.WordText(j), kCapStop) && !w[e].has(kWordPossessive)) {
      e = j;
      cap_run();
    }
    m.kind = MentionKind::kName;
  } else if (InList(ls, kDeterminers) || InList(ls, kBareSpeakers)) {
    // A description up to punctuation or a preposition other than of/for.
    while (e + 1 <= max_word && e + 1 < w.size() && c.SpaceGap(e) && e - s < 8) {
      const std::string_view nx = c.Lower(e + 1);
      if (Eq(nx, "in") || Eq(nx, "on") || Eq(nx, "at") || Eq(nx, "to") || Eq(nx, "that") || Eq(nx, "who") ||
          Eq(nx, "and") || Eq(nx, "during") || Eq(nx, "after") || Eq(nx, "before") || Eq(nx, "with") ||
          Eq(nx, "when") || Eq(nx, "as") || (e > s && InList(nx, kDeterminers)))
        break;
      ++e;
    }
    m.kind = MentionKind::kDescription;
  } else {
    return m;
  }
  m.start = w[lead < s ? lead : s].start;
  m.end = w[e].end;
  // "said Smith, a spokesman for the party,": an appositive role.
  if (m.kind == MentionKind::kName && e + 1 < w.size()) {
    const std::string_view g = c.GapAfter(e);
    if (g.size() <= 2 && HasComma(g)) {
      const std::string_view nx = c.Lower(e + 1);
      if (InList(nx, kDeterminers)) {
        size_t r = e + 1;
        while (r + 1 < w.size() && r - e < 10 && c.SpaceGap(r)) ++r;
        const std::string_view rg = c.GapAfter(r);
        if (rg.find_first_of(",.") != std::string_view::npos) {
          m.role_start = w[e + 1].start;
          m.role_end = w[r].end;
        }
      }
    }
  }
  return m;
}

}  // namespace annals
