// The quotation stage: see quote_stage.h. Order of work: scan (words, marks,
// spans) → roles → direct/fragment quotations with their cues → indirect
// speech over the words outside quotations → speaker resolution.
#include "quotes/quote_stage.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/ascii_case.h"
#include "quotes/cue_lexicon.h"
#include "quotes/quote_context.h"
#include "quotes/roles.h"
#include "quotes/speaker_resolver.h"

namespace annals {

namespace {

// A "Name: ‘words’ more words" paragraph longer than this is prose, not a
// headline.
constexpr size_t kHeadlineWords = 25;
// "called Donald J. Trump's remarks about a Latino judge ''racist''": how
// many words after "called" its quoted name may start (8 → 12: train all
// +6 matches in 7 predictions).
constexpr size_t kCalledQuoteWindow = 12;
// The longest "according to" source (16 → 24 words, and over slashes:
// train all +9 matches in 12 predictions).
constexpr size_t kSourceWords = 24;
// How many words a cue may sit away from its quotation.
constexpr size_t kCueWindowAfter = 8;
constexpr size_t kCueWindowBefore = 14;
// A quotation with no cue continues the previous speaker if that quotation
// is at most this many paragraphs before.
constexpr size_t kContinueParagraphs = 1;

// Speech nested in another content is looked for at most this many bytes
// after that content's start (a bound on the scan for a comma; train's
// nested cues sit well inside it).
constexpr uint32_t kNestedReach = 600;

struct Found {
  Quote quote;
  SubjectMention subject;  // the speaker mention, if any
  bool continues = false;  // no cue: takes the previous quotation's speaker
  bool nested = false;     // speech inside another attribution's content: dropped
  size_t para = 0;         // paragraph of the quotation's start
  size_t end_para = 0;     // paragraph of its end
  uint32_t close_end = 0;  // a direct quotation's closing mark's end (0: none)
};

struct Cue {
  size_t word = 0;       // index of the cue's first word
  uint32_t start = 0;    // cue span ("said", "told reporters", "according to")
  uint32_t end = 0;
  SubjectMention subject;
  bool colon = false;    // no verb: "Name: “…”" (subject set, no cue span)
  bool found() const { return end > start; }
};

// A fixed word set with a (first letter, length) pre-check: most words
// asked about are in no set and never pay for hashing. The set itself is
// open addressing with FNV-1a (cheaper than std::unordered_set's hashing
// for these short words), at most a quarter full.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    size_t n = 16;
    while (n < words.size() * 4) n *= 2;
    slots_.resize(n);
    mask_ = n - 1;
    for (std::string_view w : words) {
      first_ |= FirstBit(w);
      if (w.size() < 64) lengths_ |= uint64_t{1} << w.size();
      size_t i = Hash(w) & mask_;
      while (!slots_[i].empty() && slots_[i] != w) i = (i + 1) & mask_;
      slots_[i] = w;
    }
  }
  size_t count(std::string_view w) const {
    if (w.empty() || w.size() >= 64 || !(lengths_ & (uint64_t{1} << w.size())) || !(first_ & FirstBit(w))) return 0;
    for (size_t i = Hash(w) & mask_;; i = (i + 1) & mask_) {
      const std::string_view s = slots_[i];
      if (s.empty()) return 0;
      if (s.size() == w.size() && s[0] == w[0] && std::memcmp(s.data(), w.data(), w.size()) == 0) return 1;
    }
  }

 private:
  static uint32_t FirstBit(std::string_view w) {
    if (w.empty()) return 0;
    const char f = w[0];
    return f >= 'a' && f <= 'z' ? 1u << (f - 'a') : 1u << 26;
  }
  static uint32_t Hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (const char ch : w) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
    return h;
  }
  std::vector<std::string_view> slots_;  // empty: free
  size_t mask_ = 0;
  uint32_t first_ = 0;
  uint64_t lengths_ = 0;
};

bool ClauseStarter(const QuoteContext& c, size_t k);  // below: word k can open a clause
bool IsSayVerb(std::string_view lw);

bool IsPunctGapChar(char ch) { return ch == '.' || ch == '!' || ch == '?' || ch == ';'; }

// True if the gap text contains an opening quote mark or a sentence end.
bool GapBreaks(std::string_view g) {
  for (size_t i = 0; i < g.size(); ++i) {
    const unsigned char ch = g[i];
    // "(I-Vt.)": a period closing an abbreviation inside parentheses.
    if (ch == '.' && i + 1 < g.size() && g[i + 1] == ')') continue;
    if (IsPunctGapChar(static_cast<char>(ch)) || ch == '"') return true;
    if (ch == 0xE2 && i + 2 < g.size() && static_cast<unsigned char>(g[i + 1]) == 0x80) {
      const unsigned char d = g[i + 2];
      if (d == 0x9C || d == 0x9D || d == 0x9E || d == 0x98) return true;
    }
    if (ch == '\n' && i + 1 < g.size() && g[i + 1] == '\n') return true;
  }
  return false;
}

// Extends a cue over its particle or its fixed object: "called on",
// "pointed out", "told reporters", "according to". Returns the cue's end.
uint32_t CueEnd(const QuoteContext& c, size_t k) {
  const auto& w = c.words();
  const std::string_view lw(c.Lower(k));
  uint32_t end = w[k].end;
  if (k + 1 < w.size() && c.SpaceGap(k)) {
    const std::string_view nx(c.Lower(k + 1));
    if (IsCueParticle(lw, nx)) end = w[k + 1].end;
    if ((Eq(lw, "told") || Eq(lw, "tells") || Eq(lw, "telling")) &&
        (Eq(nx, "reporters") || Eq(nx, "journalists") || Eq(nx, "supporters") || Eq(nx, "lawmakers")))
      end = w[k + 1].end;
    if (Eq(lw, "according") && Eq(nx, "to")) end = w[k + 1].end;
    if ((Eq(lw, "called") || Eq(lw, "calls") || Eq(lw, "calling")) && Eq(nx, "for")) end = w[k + 1].end;
  }
  return end;
}

bool IsAccordingTo(const QuoteContext& c, size_t k) {
  return k + 1 < c.words().size() && c.Lower(k) == "according" && c.SpaceGap(k) && c.Lower(k + 1) == "to";
}

// A cue needing its particle ("called" without "on") is no cue.
bool ParticleOk(const QuoteContext& c, size_t k, uint8_t flags, bool allow_bare = false) {
  if (!(flags & kCueParticle)) return true;
  const std::string_view lw(c.Lower(k));
  if (k + 1 < c.words().size() && c.SpaceGap(k) && IsCueParticle(lw, c.Lower(k + 1))) return true;
  // "called it a “heinous crime”": the bare verb still cues a fragment.
  return allow_bare && Eq(lw, "called");
}

// True if the quotation's own words end with a full stop (`“… me.”`): a
// finished sentence, which a cue before it introduces (`she said: “… me.”`)
// rather than one after it.
bool EndsWithPeriod(const QuoteContext& c, const QuoteSpan& q) {
  const std::string_view t = c.text();
  size_t e = q.end;
  while (e > q.start && (t[e - 1] == ' ' || t[e - 1] == '\n')) --e;
  return e > q.start && t[e - 1] == '.';
}

// True if a comma or a colon stands right before the opening mark.
bool IntroducedByPunct(const QuoteContext& c, const QuoteSpan& q) {
  const std::string_view t = c.text();
  size_t b = q.open_start;
  while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\n')) --b;
  return b > 0 && (t[b - 1] == ',' || t[b - 1] == ':');
}

// Cue after a quotation: `…,” she recalled.` / `…,” said Smith.`
Cue CueAfter(const QuoteContext& c, const QuoteSpan& q, uint8_t need) {
  Cue cue;
  const auto& w = c.words();
  const size_t first = c.WordAtOrAfter(q.close_end);
  if (first >= w.size()) return cue;
  // The text between the closing mark and the first word: ", " or " " only.
  const std::string_view lead = c.text().substr(q.close_end, w[first].start - q.close_end);
  if (GapBreaks(lead) || lead.size() > 4) return cue;
  // `She declared “What a day!” and said …`: a second verb of the
  // sentence's subject, not this quotation's cue.
  if (lead.find(',') == std::string_view::npos && (c.Lower(first) == "and" || c.Lower(first) == "but")) return cue;
  for (size_t k = first; k < w.size() && k < first + kCueWindowAfter; ++k) {
    if (c.InQuote(w[k].start)) break;
    if (IsAccordingTo(c, k)) {
      cue.word = k;
      cue.start = w[k].start;
      cue.end = CueEnd(c, k);
      cue.subject = SubjectAfter(c, k + 2, k + 10);
      return cue;
    }
    // Cues are lower-case verbs: "States" in "United States" is no cue.
    const uint8_t f = w[k].has(kWordLower) ? CueFlags(c.Lower(k)) : 0;
    if ((f & need) && ParticleOk(c, k, f, (need & kCueTo) != 0)) {
      cue.word = k;
      cue.start = w[k].start;
      cue.end = CueEnd(c, k);
      if (k > first) cue.subject = SubjectBefore(c, k, first);
      // `“… opinion.” Reid said both are “non-entities”`: after a finished
      // sentence, a subject and a verb that goes on into a clause open the
      // next attribution; they are not this quotation's cue.
      if (k > first && EndsWithPeriod(c, q) && cue.end == w[k].end && k + 1 < w.size() && c.SpaceGap(k) &&
          (ClauseStarter(c, k + 1) || c.Lower(k + 1) == "that"))
        return Cue();
      // `“… a Muslim.” Perhaps, he said, this town …`: a new sentence
      // whose cue does not open it (its subject is not the first word)
      // belongs to that sentence.
      if (k > first && EndsWithPeriod(c, q) && (!cue.subject.found() || cue.subject.start > w[first].start))
        return Cue();
      // `“We are refugees,” Ms. Alawee said. “We are not terrorists.” Mr.
      // Zahed said: “The attack …”`: after a finished sentence, a cue ending
      // in a colon introduces the quotation after it, not this one.
      if (k > first && EndsWithPeriod(c, q)) {
        const size_t last = c.WordAtOrAfter(cue.end) - 1;
        if (last < w.size() && c.GapAfter(last).find(':') != std::string_view::npos) return Cue();
      }
      // Inversion ("said Smith") is for finite verbs, not participles.
      if (!cue.subject.found() && !c.WordText(k).ends_with("ing"))
        cue.subject = SubjectAfter(c, c.WordAtOrAfter(cue.end), k + 10);
      return cue;
    }
    if (k + 1 < w.size() && GapBreaks(c.GapAfter(k)) && !c.AbbrevGapAfter(k)) break;
  }
  return cue;
}

// Cue before a quotation: `Smith said: “…` / `“A,” he said, “B.”`.
Cue CueBefore(const QuoteContext& c, const QuoteSpan& q, uint8_t need, size_t window) {
  Cue cue;
  const auto& w = c.words();
  size_t k = c.WordAtOrAfter(q.open_start);
  if (k == 0) return cue;
  --k;
  // Between the last word and the opening mark: spaces, ':' or ','.
  const std::string_view lead = c.text().substr(w[k].end, q.open_start - w[k].end);
  if (GapBreaks(lead) || lead.size() > 4) return cue;
  const size_t stop = k >= window ? k - window : 0;
  // The sentence start bounds the subject search.
  const uint32_t sent = c.SentenceStart(w[k].start);
  size_t min_word = c.WordAtOrAfter(sent);
  for (size_t j = k + 1; j-- > stop;) {
    if (w[j].start < sent || c.InQuote(w[j].start)) {
      min_word = j + 1;
      break;
    }
    if (j < k && GapBreaks(c.GapAfter(j)) && !c.AbbrevGapAfter(j)) {
      min_word = j + 1;
      break;
    }
    if (j + 1 < w.size() && IsAccordingTo(c, j)) {
      cue.word = j;
      cue.start = w[j].start;
      cue.end = CueEnd(c, j);
      cue.subject = SubjectAfter(c, j + 2, k);
      return cue;
    }
    const uint8_t f = w[j].has(kWordLower) ? CueFlags(c.Lower(j)) : 0;
    if ((f & need) && ParticleOk(c, j, f, (need & kCueTo) != 0)) {
      cue.word = j;
      cue.start = w[j].start;
      cue.end = CueEnd(c, j);
      cue.subject = SubjectBefore(c, j, min_word > j ? 0 : min_word);
      if (!cue.subject.found() && j + 1 <= k) cue.subject = SubjectAfter(c, c.WordAtOrAfter(cue.end), k);
      return cue;
    }
  }
  // "Clinton: “Our goal is …”": a bare name and a colon introduce a speaker
  // without a reporting verb.
  // "Cruz called them on it: “…”": the sentence's subject, when the
  // sentence opens with a name or a pronoun and ends in the colon.
  if (lead.find(':') != std::string_view::npos && min_word <= k) {
    SubjectMention s;
    if (k - min_word < 4) s = NounPhraseEndingAt(c, k, min_word);
    if (!(s.kind == MentionKind::kName && s.start == w[min_word].start)) s = SubjectAfter(c, min_word, k);
    if ((s.kind == MentionKind::kName || s.kind == MentionKind::kPronoun) && s.start == w[min_word].start) {
      cue.word = k;
      cue.subject = s;
      cue.colon = true;
    }
  }
  return cue;
}

// Direct quotation, fragment, or not a quotation at all (scare quotes,
// titles). `has_cue_after`: a cue follows the closing mark.
enum class SpanClass { kSkip, kDirect, kFragment };

// `“Politics is a tough game,” he said. “That's the way it is, Nicole.”`: a
// quotation a few words after another one's closing mark in the same
// paragraph, with a sentence end between them, carries on the same
// speech (short words make it look like a title otherwise).
bool FollowsQuotation(const QuoteContext& c, const QuoteSpan& q) {
  const QuoteSpan* first = c.spans().data();
  // Bounded: a quotation holding thousands of nested ones must not make
  // every later title check walk back over them.
  int steps = 0;
  for (const QuoteSpan* p = &q; p-- != first && ++steps <= 16;) {
    if (p->depth != 0) continue;
    if (p->close_end > q.open_start || q.open_start - p->close_end > 40) return false;
    const std::string_view gap = c.text().substr(p->close_end, q.open_start - p->close_end);
    return gap.find('\n') == std::string_view::npos && gap.find(". ") != std::string_view::npos;
  }
  return false;
}

SpanClass Classify(const QuoteContext& c, const QuoteSpan& q) {
  const std::string_view t = c.text();
  const size_t w0 = c.WordAtOrAfter(q.start);
  size_t nw = 0;
  bool all_cap = true;     // every word capitalised
  bool title_case = true;  // every word longer than 3 bytes capitalised ("Meet the Press")
  for (size_t k = w0; k < c.words().size() && c.words()[k].start < q.end; ++k) {
    ++nw;
    const bool cap = c.words()[k].flags & (kWordCap | kWordAllCaps | kWordDigit);
    if (!cap) all_cap = false;
    if (!cap && c.words()[k].end - c.words()[k].start > 3) title_case = false;
  }
  if (nw == 0) return SpanClass::kSkip;
  // Last non-space character inside, first character inside.
  size_t e = q.end;
  while (e > q.start && (t[e - 1] == ' ' || t[e - 1] == '\n')) --e;
  const char last = e > q.start ? t[e - 1] : ' ';
  const bool ends_punct = last == '.' || last == ',' || last == '!' || last == '?' || last == '-' ||
                          (e >= q.start + 3 && t.substr(e - 3, 3) == "\xE2\x80\xA6");  // …
  const bool first_cap = c.words()[w0].flags & (kWordCap | kWordAllCaps | kWordDigit);
  // What comes before the opening mark in its paragraph.
  const size_t p = c.ParagraphOf(q.open_start);
  size_t b = q.open_start;
  const size_t pstart = c.paragraphs()[p].start;
  while (b > pstart && (t[b - 1] == ' ' || t[b - 1] == '\n' || t[b - 1] == '\t')) --b;
  bool boundary = b <= pstart;
  if (!boundary) {
    const unsigned char pc = t[b - 1];
    boundary = pc == '.' || pc == '!' || pc == '?' || pc == ':' || pc == ';' || pc == ',' || pc == '(' ||
               pc == 0x9D || pc == 0x94 || pc == 0x93 || pc == '"';  // ” — – or a straight close
  }
  if (q.multi_paragraph) return SpanClass::kDirect;
  // `said in a statement that “…”`, `the campaign — “a disaster” —`, `…
  // because “…”`: a quotation carried by its sentence's clause (after
  // "that", "because" or a dash) is part of that content, not a direct
  // quotation of its own (train: no match in 16 after "that" or
  // "because", 1 in 22 after a dash).
  if (b > pstart && nw >= 2) {
    const bool dash = b >= pstart + 3 && static_cast<unsigned char>(t[b - 3]) == 0xE2 &&
                      static_cast<unsigned char>(t[b - 2]) == 0x80 &&
                      (static_cast<unsigned char>(t[b - 1]) == 0x94 || static_cast<unsigned char>(t[b - 1]) == 0x93);
    bool conj = false;
    if (w0 > 0 && c.words()[w0 - 1].end == b) {
      const std::string_view pw = c.Lower(w0 - 1);
      conj = Eq(pw, "that") || Eq(pw, "because");
    }
    if (dash || conj) return SpanClass::kFragment;
  }
  // Titles of shows, books and slogans ("Meet the Press.") are named, not said.
  // A title-case sentence with its own cue before it is speech: `She
  // declared “What a Super Tuesday!” and said …`.
  const bool ends_sentence = last == '.' || last == '!' || last == '?';
  if (title_case && nw <= 8 && (nw >= 2 || !ends_punct) && !CueAfter(c, q, kCueDirect).found() &&
      !(ends_sentence && CueBefore(c, q, kCueDirect, kCueWindowBefore).found()) && !FollowsQuotation(c, q))
    return SpanClass::kSkip;
  // `the hit Broadway play, “Eclipsed.”`, `his 2012 book, ''An American
  // Son.''`: a title-case quotation naming a work is a title, whatever
  // cue the sentence has.
  if (title_case && nw <= 8 && w0 > 0 && c.words()[w0 - 1].end + 4 >= q.open_start) {
    static const WordSet kWorks = {"book", "film", "movie", "play", "show", "slogan", "song", "biography", "album",
                                   "memoir", "novel", "musical", "documentary", "series", "program", "column",
                                   "essay", "headline", "titled", "entitled", "books", "films", "shows", "motto"};
    if (kWorks.count(c.Lower(w0 - 1))) return SpanClass::kSkip;
  }
  if (nw == 1 && !ends_punct) return SpanClass::kSkip;  // a scare-quoted word
  // One word with a comma (`the spot, "Trumpcare," links …`) is a name
  // unless a cue follows (`“No,” he said.`).
  if (nw == 1 && last == ',' && !CueAfter(c, q, kCueDirect).found()) return SpanClass::kSkip;
  // `he rarely asks surrogates, “except for people I’m close to.”`: a
  // lower-case quotation after a comma carries on a sentence that has no
  // quotation before it — part of that sentence's content, not a direct
  // quotation of its own (an interrupted quotation, `“A,” she said, “b.”`,
  // has one before it).
  if (boundary && !first_cap && b > pstart && t[b - 1] == ',') {
    const uint32_t ss = c.SentenceStart(q.open_start);
    bool quote_before = false;
    for (uint32_t i = ss; i < b && !quote_before; ++i) {
      const unsigned char ch = t[i];
      quote_before = ch == '"' || (ch == '\'' && i + 1 < b && t[i + 1] == '\'') ||
                     (ch == 0xE2 && i + 2 < b && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
                      (static_cast<unsigned char>(t[i + 2]) == 0x9D || static_cast<unsigned char>(t[i + 2]) == 0x9C));
    }
    // `Clinton said, “as long as we’re not violating any election laws.”`:
    // after a sentence's subject and a verb that introduces quotations and
    // its comma, the words are what was said. A cue interrupting its
    // sentence (`An economic downturn, he said, “could be …”`: a comma
    // before it) carries that sentence on instead.
    const bool cue_comma = w0 > 0 && c.words()[w0 - 1].end + 1 == b && c.words()[w0 - 1].has(kWordLower) &&
                           (CueFlags(c.Lower(w0 - 1)) & kCueDirect) &&
                           t.substr(ss, c.words()[w0 - 1].start - ss).find(',') == std::string_view::npos;
    if (!quote_before && !cue_comma) return SpanClass::kFragment;
  }
  if (boundary && (first_cap || nw >= 4)) return SpanClass::kDirect;
  // Inside a sentence (no punctuation before the mark), a short
  // capitalised quotation is a named phrase or a slogan the sentence
  // carries (`had “Syrian roots.”`, `as ''Swiss cheese.''`): a fragment.
  // A speech verb right before the mark still introduces a quotation
  // (`She declared “What a night!”`).
  if (first_cap && ends_punct && (nw >= 8 || (nw >= 2 && w0 > 0 && c.words()[w0 - 1].has(kWordLower) &&
                                               (CueFlags(c.Lower(w0 - 1)) & kCueDirect))))
    return SpanClass::kDirect;
  // `Elliott said “there is no great man … than Muhammad Ali.”`, `21
  // percent said “not too likely,”`: a lower-case quotation right after a
  // verb of saying (a space or a no-break space between), ending in
  // punctuation, is what was said: a direct quotation (PolNeAR counts it
  // so). Without the punctuation (`says “the wind is at our backs” despite
  // …`) it is as often a phrase the sentence carries on with (train: 0.8953
  // with the punctuation, 0.8947 without, 0.8949 neither).
  if (!first_cap && ends_punct && nw >= 2 && w0 > 0 && c.words()[w0 - 1].has(kWordLower) &&
      c.words()[w0 - 1].end + 3 >= q.open_start && IsSayVerb(c.Lower(w0 - 1)))
    return SpanClass::kDirect;
  if (all_cap && !ends_punct) return SpanClass::kSkip;  // a title: “Saturday Night Live”
  if (nw == 1) return SpanClass::kSkip;
  return SpanClass::kFragment;
}

// "…, News.Az reports.", "…, Reuters reported.", "…, Smith said.": up to
// four capitalised words from word k, then a reporting verb that ends the
// sentence (before `e`): the source's tag after a comma, not part of the
// content it closes (the lower-case tags, "…, aides said.", are cut below).
bool TrailingSourceTag(const QuoteContext& c, size_t k, uint32_t e) {
  const auto& w = c.words();
  for (size_t j = k; j < w.size() && j < k + 5 && w[j].start < e; ++j) {
    if (!w[j].has(kWordLower)) {
      if (j == k + 4 || !w[j].has(kWordCap) || !c.SpaceGap(j)) return false;
      continue;
    }
    if (j == k || (CueFlags(c.Lower(j)) & (kCueDirect | kCueThat)) == 0) return false;
    return j + 1 >= w.size() || w[j + 1].start >= e;
  }
  return false;
}

// Content [start, end) from `from` to the sentence end, trimmed.
// Where reported content stops before its sentence does: at a participle
// clause (", adding that …", ", putting them …"), a contrast (", while nine
// in 10 …", ", but …") or a second verb of the same subject ("… and said
// that …", "… and defended …"). Returns the offset to cut at, or `e`.
uint32_t ContentClauseEnd(const QuoteContext& c, uint32_t from, uint32_t e) {
  const auto& w = c.words();
  const size_t first = c.WordAtOrAfter(from);
  for (size_t k = first; k + 1 < w.size() && w[k + 1].start < e; ++k) {
    const size_t nx = k + 1;
    // The content's own first word never cuts, except before a participle
    // clause: "attacked Trump, saying he would …" (the object is "Trump").
    if (k == first) {
      // ", " between the words, tested on the bytes (this runs for every content).
      if (w[nx].start != w[k].end + 2 || c.text()[w[k].end] != ',' || c.text()[w[k].end + 1] != ' ' ||
          !w[nx].has(kWordLower))
        continue;
      const std::string_view l0 = c.Lower(nx);
      if (l0.size() > 5 && l0.ends_with("ing") && !Eq(l0, "including") && !Eq(l0, "during")) return w[k].end;
      continue;
    }
    // One plain space (most gaps): only "and"/"but" below can cut there.
    if (w[nx].start == w[k].end + 1 && c.text()[w[k].end] == ' ' &&
        (w[nx].end - w[nx].start != 3 || !w[nx].has(kWordLower)))
      continue;
    const std::string_view g = c.GapAfter(k);
    if (g.find(';') != std::string_view::npos) return w[k].end;  // "…; 26 percent of Democrats say …"
    if (!c.words()[nx].has(kWordLower)) {
      // The cut keeps a closing mark before the tag (`…,” Hoover said.`):
      // the quoted words stay whole in the content.
      if (g.find(',') != std::string_view::npos && TrailingSourceTag(c, nx, e)) {
        uint32_t cut = w[nx].start;
        while (cut > w[k].end && c.text()[cut - 1] == ' ') --cut;
        return cut;
      }
      continue;
    }
    const std::string_view ln = c.Lower(nx);
    const bool comma = g.find(',') != std::string_view::npos || g.find("\xE2\x80\x94") != std::string_view::npos;
    if (comma) {
      if (ln.size() > 5 && ln.ends_with("ing") && !Eq(ln, "including") && !Eq(ln, "during")) return w[k].end;
      // A contrast (", while …", ", but …"), a relative or temporal clause
      // describing something the content named (", which would give …",
      // ", when Our Principles launched …"), a comparison (", compared with
      // 23 percent …") or an apposition (", a scheme …", ", even as …").
      // Sorted by first letter: this runs at every comma of every content.
      bool cut = false;
      switch (ln[0]) {
        case 'a':
          cut = Eq(ln, "a") || Eq(ln, "an") || Eq(ln, "although") || Eq(ln, "according");
          break;
        case 'b':
          cut = Eq(ln, "but");
          break;
        case 'c':
          cut = Eq(ln, "compared");
          break;
        case 'e':
          cut = Eq(ln, "even");
          break;
        case 'h':
          cut = Eq(ln, "however");
          break;
        case 't':
          cut = Eq(ln, "though");
          break;
        case 'w':
          cut = Eq(ln, "while") || Eq(ln, "whereas") || Eq(ln, "which") || Eq(ln, "who") || Eq(ln, "when");
          break;
        default:
          break;
      }
      if (cut) return w[k].end;
      // "…, aides said." / "…, Lewandowski said he …" / "…, said a former
      // spokesman": a second attribution after the comma (an interrupting
      // cue, "…, experts said, will …", is followed by a comma and stays
      // inside).
      for (size_t j = nx; j < w.size() && j < nx + 5 && w[j].start < e; ++j) {
        if (c.words()[j].has(kWordLower) && (CueFlags(c.Lower(j)) & (kCueDirect | kCueThat)) != 0) {
          const bool last = j + 1 >= w.size() || w[j + 1].start >= e;
          if (last || (c.SpaceGap(j) && (ClauseStarter(c, j + 1) || c.Lower(j + 1) == "that"))) return w[k].end;
          break;
        }
        if (!c.SpaceGap(j) && !c.AbbrevGapAfter(j)) break;
      }
      // ", and more than 4 in 10 said …": a coordinated clause with its own
      // subject and reporting verb is a second attribution, not this content.
      if (Eq(ln, "and")) {
        for (size_t j = nx + 1; j < w.size() && j < nx + 8 && w[j].start < e; ++j) {
          if (GapBreaks(c.GapAfter(j - 1)) || c.GapAfter(j - 1).find(',') != std::string_view::npos) break;
          if (c.words()[j].has(kWordLower) && (CueFlags(c.Lower(j)) & (kCueDirect | kCueThat)) != 0)
            return w[k].end;
        }
      }
      continue;
    }
    if ((Eq(ln, "and") || Eq(ln, "but")) && c.SpaceGap(nx) && nx + 1 < w.size() && w[nx + 1].start < e &&
        c.words()[nx + 1].has(kWordLower)) {
      const std::string_view l2 = c.Lower(nx + 1);
      if (Eq(l2, "also") || Eq(l2, "then") || Eq(l2, "later") || Eq(l2, "did") || Eq(l2, "noted") ||
          Eq(l2, "defended") || (CueFlags(l2) & (kCueDirect | kCueThat)) != 0)
        return w[k].end;
    }
  }
  return e;
}

bool ContentToSentenceEnd(const QuoteContext& c, uint32_t from, uint32_t* start, uint32_t* end) {
  uint32_t e = ContentClauseEnd(c, from, c.SentenceEnd(from));
  const std::string_view t = c.text();
  while (e > from && (t[e - 1] == ' ' || t[e - 1] == ',' || t[e - 1] == '\n')) --e;
  *start = from;
  *end = e;
  return e > from + 3;
}

// A time phrase a cue may carry before its clause: "said Monday that",
// "said on Tuesday", "said in a statement that", "told reporters that".
size_t SkipCueComplements(const QuoteContext& c, size_t k, size_t limit) {
  static const WordSet kTime = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
      "earlier", "later", "recently", "previously", "also", "again", "then", "publicly", "privately",
      "repeatedly", "reporters", "journalists", "last", "week", "night", "month", "year"};
  static const WordSet kPrep = {"on", "in", "at", "during"};
  static const WordSet kPhrase = {
      "a", "an", "the", "his", "her", "their", "its", "statement", "interview", "speech", "email", "news",
      "conference", "morning", "afternoon", "evening", "night", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday", "rally", "debate", "week", "post", "tweet", "letter", "radio", "television"};
  size_t j = k;
  bool in_phrase = false;
  while (j < limit && j < c.words().size()) {
    const std::string_view w(c.Lower(j));
    if (kTime.count(w) || kPrep.count(w)) {
      in_phrase = kPrep.count(w) > 0;
    } else if (!(in_phrase && kPhrase.count(w))) {
      break;
    }
    if (!c.SpaceGap(j)) {
      // "said on Monday, that": punctuation ends the complement.
      ++j;
      break;
    }
    ++j;
  }
  return j;
}

// The word with a contraction cut off: "he’s" → "he", "they'd" → "they".
std::string_view ContractionHead(std::string_view w) {
  const size_t a = w.find('\'');
  const size_t b = w.find("\xE2\x80\x99");
  const size_t cut = std::min(a, b);
  return cut == std::string_view::npos ? w : w.substr(0, cut);
}

// True for the verbs of saying whose bare complement is nearly always a
// clause ("said inevitable changes cost jobs"): after them any word but a
// preposition or a conjunction opens the reported clause.
// Word k stands before a noun, not a subject: a determiner ("the show",
// "these states") or a name's possessive ("Lopez’s show"). Pronoun
// contractions ("he’s said") are not possessives and stay subjects.
bool NounModifier(const QuoteContext& c, size_t k) {
  static const WordSet kDet = {"the", "a", "an", "this", "these", "those", "its",
                                                            "their", "our", "my", "your", "The", "A", "An",
                                                            "This", "These", "Those", "Its", "Their", "Our"};
  const Word& w = c.words()[k];
  if (w.has(kWordPossessive)) return w.has(kWordCap) && !w.has(kWordAllCaps) && c.WordText(k) != "It’s" &&
                                     c.WordText(k) != "It's" && c.WordText(k) != "That’s" && c.WordText(k) != "That's";
  return kDet.count(c.WordText(k)) != 0;
}

bool IsSayVerb(std::string_view lw) {
  if (lw.size() < 3) return false;
  // By first letter: asked for most cue words, and most are none of these.
  switch (lw[0]) {
    case 's':
      return Eq(lw, "said") || Eq(lw, "says") || Eq(lw, "say") || Eq(lw, "saying") || Eq(lw, "suggested") ||
             Eq(lw, "suggests");
    case 'a':
      return Eq(lw, "added") || Eq(lw, "adds") || Eq(lw, "argued") || Eq(lw, "argues");
    case 'b':
      return Eq(lw, "believes") || Eq(lw, "believe") || Eq(lw, "believed");
    case 'c':
      return Eq(lw, "claimed") || Eq(lw, "claims");
    case 'p':
      return Eq(lw, "predicted") || Eq(lw, "predicts");
    case 't':
      return Eq(lw, "think") || Eq(lw, "thinks") || Eq(lw, "thought");
    case 'w':
      return Eq(lw, "wrote") || Eq(lw, "writes");
    default:
      return false;
  }
}

// Words that cannot open a reported clause after a verb of saying.
// ("said if elected he would …" opens its clause with the condition:
// "if" is not among them.)
bool NoClauseAfterSay(std::string_view lw) {
  static const WordSet kNo = {
      "to", "of", "for", "about", "with", "by", "from", "in", "on", "at", "during", "after", "before", "over",
      "into", "through", "under", "and", "or", "but", "so", "as", "than", "while", "when", "because", "so",
      "nothing", "something", "anything", "much", "little", "more", "less", "goodbye", "hello", "thanks",
      "him", "them", "me", "us", "what", "which", "who", "whom", "how", "whether"};
  return kNo.count(lw) > 0;
}

// Words after a verb that show it has no object here ("attacked in the
// night", "defended by lawyers").
bool NoObjectAfter(std::string_view lw) {
  static const WordSet kNo = {
      "in", "on", "at", "during", "after", "before", "by", "with", "from", "to", "for", "over", "as", "and",
      "or", "but", "since", "until", "when", "while", "because", "if", "than", "into", "through", "about",
      "out", "up", "down", "back", "off", "away", "again", "earlier", "later", "last", "yesterday", "today"};
  return kNo.count(lw) > 0;
}

bool ClauseStarter(const QuoteContext& c, size_t k) {
  static const WordSet kStart = {
      "he", "she", "they", "it", "we", "i", "there", "the", "a", "an", "his", "her", "their", "its", "this",
      "these", "those", "that", "our", "we", "you", "trump", "clinton", "no", "some", "many", "most", "all"};
  if (c.words()[k].flags & kWordCap) return true;
  return kStart.count(ContractionHead(c.Lower(k))) > 0;
}

// Words before a cue that end no subject noun phrase ("… and said", "…
// to say", "he would say"): verbs, auxiliaries and function words.
bool EndsNoSubject(std::string_view lw) {
  static const WordSet kNo = {
      "to", "and", "or", "but", "that", "which", "who", "would", "could", "should", "will", "can", "may",
      "might", "must", "not", "never", "has", "have", "had", "is", "was", "were", "are", "be", "been", "did",
      "do", "does", "of", "for", "with", "by", "in", "on", "at", "as", "than", "if", "when", "while", "because",
      "him", "them", "me", "us", "it", "what", "how", "why", "where", "so", "just", "also", "only", "even",
      "the", "a", "an", "this", "these", "those", "their", "his", "her", "its", "our", "my", "your", "i", "you",
      "we", "they", "he", "she", "all", "then", "now", "later", "once", "ever", "still", "yet", "already"};
  return kNo.count(lw) > 0;
}

// A subject the finders above do not know ("Almost half of respondents
// said", "Other senators say", "72 percent of voters said"): the words
// from the clause start (sentence start, comma) up to the cue, at most 8,
// if the word before the cue can end a noun phrase.
SubjectMention GenericSubjectBefore(const QuoteContext& c, size_t k, size_t min_word) {
  SubjectMention m;
  if (k == 0 || k <= min_word || !c.SpaceGap(k - 1)) return m;
  const size_t e = k - 1;
  const std::string_view le = c.Lower(e);
  if (EndsNoSubject(le) || le.ends_with("ly") || le.ends_with("ing") || le.ends_with("ed")) return m;
  size_t s = e;
  bool bounded = false;  // stopped at a conjunction that opens the subject's clause
  while (s > min_word && e - s < 10 && c.SpaceGap(s - 1)) {
    const std::string_view p = c.Lower(s - 1);
    if (Eq(p, "that") || Eq(p, "and") || Eq(p, "but") || Eq(p, "because") || Eq(p, "which") || Eq(p, "who") ||
        Eq(p, "while") || Eq(p, "when") || Eq(p, "if") || Eq(p, "as") || Eq(p, "where") || Eq(p, "said") ||
        Eq(p, "says")) {
      bounded = true;
      break;
    }
    --s;
  }
  // Ran out of words: a long clause, not a subject. "But hacking
  // specialists say", "while 61 percent say": the conjunction bounds it.
  if (!bounded && s > min_word && c.SpaceGap(s - 1)) return m;
  m.kind = MentionKind::kDescription;
  m.start = c.words()[s].start;
  m.end = c.words()[e].end;
  return m;
}

bool IsObjectPronoun(std::string_view lw) {
  return Eq(lw, "me") || Eq(lw, "him") || Eq(lw, "her") || Eq(lw, "us") || Eq(lw, "them") || Eq(lw, "you");
}

// The words between a comma and cue word k ("…, she and another reporter
// said.", "…, a source close to him said on Friday."), at most 8, when the
// cue ends its sentence (at most a short time phrase after it) and the
// word before it can end a noun phrase. kNone otherwise.
SubjectMention CommaBoundedSubject(const QuoteContext& c, size_t k, size_t min_word) {
  SubjectMention m;
  const auto& w = c.words();
  if (k == 0 || k <= min_word + 1 || !c.SpaceGap(k - 1)) return m;
  const std::string_view le = c.Lower(k - 1);
  if (!Eq(le, "him") && !Eq(le, "them") && (EndsNoSubject(le) || le.ends_with("ly"))) return m;
  const uint32_t se = c.SentenceEnd(w[k].start);
  if (c.WordAtOrAfter(se) > k + 4) return m;
  size_t s = k - 1;
  while (s > min_word && k - s <= 8 && c.SpaceGap(s - 1)) --s;
  if (s <= min_word || k - s > 8) return m;
  const std::string_view g = c.GapAfter(s - 1);
  if (g.find(',') == std::string_view::npos || GapBreaks(g)) return m;
  m.kind = MentionKind::kDescription;
  m.start = w[s].start;
  m.end = w[k - 1].end;
  return m;
}

// The subject of a say-verb that does not stand next to it: a second verb
// of the sentence's subject ("Podesta said A and said B"), or a subject
// long with appositions ("Roxana M. Leon, 63, an independent voter raised
// in Chile, said …"). The sentence's first noun phrase (after an opening
// conjunction or an introductory phrase closed by a comma); else, after an
// apposition, the words from the clause start to the cue.
SubjectMention DistantSubject(const QuoteContext& c, size_t k, size_t min_word) {
  SubjectMention m;
  if (k == 0 || k <= min_word + 1) return m;
  const std::string_view prev = c.Lower(k - 1);
  const bool comma = c.GapAfter(k - 1).find(',') != std::string_view::npos;
  const bool coordinated = c.SpaceGap(k - 1) && (Eq(prev, "and") || Eq(prev, "but") || Eq(prev, "then"));
  if (!comma && !coordinated) return m;
  // "Sen. Rand Paul, R-Ky., told": a period glued to the comma ends an
  // abbreviation, not the sentence.
  if (comma && GapBreaks(c.GapAfter(k - 1)) && c.GapAfter(k - 1).find(".,") != 0) return m;
  static const WordSet kOpen = {"but", "and", "so", "yet", "still", "now", "instead"};
  size_t s = min_word;
  if (s + 1 < k && kOpen.count(c.Lower(s)) && c.SpaceGap(s)) ++s;
  m = SubjectAfter(c, s, k - 2);
  if (m.found()) return m;
  // "In separate interviews, three former employees said": after the
  // sentence's first comma.
  for (size_t j = s; j + 2 < k; ++j) {
    if (c.GapAfter(j).find(',') == std::string_view::npos) continue;
    m = SubjectAfter(c, j + 1, k - 2);
    if (!m.found() && comma && j + 1 < k - 1 && k - 1 - (j + 1) < 20) {
      m.kind = MentionKind::kDescription;
      m.start = c.words()[j + 1].start;
      m.end = c.words()[k - 1].end;
    }
    return m;
  }
  if (comma && k - 1 - s < 20) {
    m.kind = MentionKind::kDescription;
    m.start = c.words()[s].start;
    m.end = c.words()[k - 1].end;
  }
  return m;
}

// Indirect speech anchored at cue word k (outside quotations).
// "The crowd seemed calm", "the bill is expected to pass", "it appears
// that …": an impression the article reports without a source. The content
// is the subject (from the clause start) through the complement; after an
// empty "it"/"there" subject, only the complement. No speaker.
bool EvidentialAt(const QuoteContext& c, size_t k, std::string_view lw, Quote* q) {
  const auto& w = c.words();
  const size_t n = w.size();
  if (k == 0 || k + 2 >= n || !c.SpaceGap(k) || !c.SpaceGap(k - 1) || !w[k + 1].has(kWordLower)) return false;
  size_t cue_first = k;
  if (Eq(lw, "expected")) {
    // "is expected to", "is not expected to", "is widely expected to".
    size_t a = k - 1;
    const std::string_view mid = c.Lower(a);
    if (a > 0 && c.SpaceGap(a - 1) &&
        (Eq(mid, "not") || Eq(mid, "also") || Eq(mid, "still") || mid.ends_with("ly")))
      --a;
    const std::string_view aux = c.Lower(a);
    if (!Eq(aux, "is") && !Eq(aux, "are") && !Eq(aux, "was") && !Eq(aux, "were") && !Eq(aux, "be") &&
        !Eq(aux, "been"))
      return false;
    if (c.Lower(k + 1) != "to") return false;
    cue_first = a;
  }
  // "appeared at the debate", "first appeared on the site": a place, not
  // an impression ("appeared to be", "appeared tired" are).
  if (lw.starts_with("appear") && c.Lower(k + 1) != "to" && NoObjectAfter(c.Lower(k + 1))) return false;
  if (cue_first == 0 || !c.SpaceGap(cue_first - 1)) return false;
  const uint32_t sent_start = c.SentenceStart(w[k].start);
  const uint32_t sent_end = c.SentenceEnd(w[k].start);
  const size_t min_word = c.WordAtOrAfter(sent_start, k);
  if (cue_first <= min_word) return false;
  size_t s = cue_first - 1;  // the subject's first word: back to the clause start
  while (s > min_word && s + 12 > cue_first && c.SpaceGap(s - 1)) --s;
  if (s + 12 <= cue_first) return false;  // no clause start near: a long sentence, not a subject
  const std::string_view first = c.Lower(s);
  uint32_t from = w[s].start;
  if (s + 1 == cue_first && (Eq(first, "it") || Eq(first, "there"))) {
    size_t j = k + 1;
    if (c.Lower(j) == "that" || c.Lower(j) == "as") ++j;
    if (j >= n || w[j].start >= sent_end) return false;
    from = w[j].start;
  }
  uint32_t e = ContentClauseEnd(c, w[k + 1].start, sent_end);
  // A complement runs to the first comma (", aides said" is not part of it).
  for (size_t j = k + 1; j + 1 < n && w[j + 1].start < e; ++j)
    if (c.GapAfter(j).find(',') != std::string_view::npos) {
      e = w[j].end;
      break;
    }
  const std::string_view t = c.text();
  while (e > from && (t[e - 1] == ' ' || t[e - 1] == ',' || t[e - 1] == '\n')) --e;
  if (e < w[k + 1].end) return false;
  q->cue = std::string(t.substr(w[cue_first].start, w[k].end - w[cue_first].start));
  q->cue_start = w[cue_first].start;
  q->cue_end = w[k].end;
  q->start = from;
  q->end = e;
  return true;
}

// "Noting that only one senator voted with them, Tester added: …",
// "Recalling that moment, David Axelrod said …": a participle cue opening
// its sentence reports the words up to its comma; the speaker is the main
// clause's subject after the comma.
bool ParticipleOpenerAt(const QuoteContext& c, size_t k, Found* out) {
  const auto& w = c.words();
  const size_t n = w.size();
  if (k + 3 >= n || !c.SpaceGap(k)) return false;
  const uint8_t f = CueFlags(c.Lower(k));
  if (!(f & (kCueThat | kCueNoun)) || (f & kCueSeem)) return false;
  const uint32_t sent_start = c.SentenceStart(w[k].start);
  if (c.WordAtOrAfter(sent_start, k) != k) return false;
  const uint32_t se = c.SentenceEnd(w[k].start);
  size_t j = k + 1;
  while (j + 1 < n && j < k + 30 && w[j + 1].start < se && c.GapAfter(j).find(',') == std::string_view::npos) ++j;
  if (j + 1 >= n || w[j + 1].start >= se || c.GapAfter(j).find(',') == std::string_view::npos || GapBreaks(c.GapAfter(j)))
    return false;
  // The subject ends before the main clause's verb ("the mayor said").
  size_t last = std::min(n - 1, j + 9);
  for (size_t v = j + 2; v <= last; ++v)
    if (w[v].has(kWordLower) && (CueFlags(c.Lower(v)) & (kCueDirect | kCueThat | kCueBare))) {
      last = v - 1;
      break;
    }
  const SubjectMention s = SubjectAfter(c, j + 1, last);
  if (!s.found()) return false;
  Quote& q = out->quote;
  q.kind = QuoteKind::kIndirect;
  q.cue = std::string(c.WordText(k));
  q.cue_start = w[k].start;
  q.cue_end = w[k].end;
  q.start = w[k + 1].start;
  q.end = w[j].end;
  out->subject = s;
  return true;
}

// A that-clause after a word the lexicon lacks but whose form reports a
// stance or a finding: a verb in -ed/-ing ("ruled that", "anticipated
// that", "admitting that"), a noun in -tion ("suggestion that") or an
// adjective of certainty ("confident that"), before a clause's subject;
// and a whether-clause after any word ("unclear whether", "debated
// whether"). Called for non-cue words followed by "that" or "whether"
// (train: about 0.4 of these are gold attributions; a that-clause after
// any word, 0.2).
bool ThatClauseAt(const QuoteContext& c, size_t k, Found* out) {
  static const WordSet kStance = {"confident", "clear", "sure", "aware", "certain", "convinced", "concerned",
                                  "hopeful", "adamant", "optimistic", "skeptical", "idea", "notion", "belief",
                                  "argument", "assumption", "concerns", "rumors", "complaints", "warnings",
                                  "assurances", "reports", "estimates", "impression"};
  const auto& w = c.words();
  const size_t n = w.size();
  if (k + 3 >= n || !c.SpaceGap(k) || !c.SpaceGap(k + 1)) return false;
  const bool whether = c.Lower(k + 1) == "whether";
  if (c.Lower(k + 1) != "that" && !whether) return false;
  const std::string_view lw = c.Lower(k);
  const bool form = (lw.size() >= 5 && lw.ends_with("ed")) || (lw.size() >= 6 && lw.ends_with("ing")) ||
                    lw.ends_with("tion") || lw.ends_with("tions") || kStance.count(lw);
  if (!form && !(whether && lw.size() >= 4)) return false;
  const std::string_view l2 = ContractionHead(c.Lower(k + 2));
  static const WordSet kOpen = {"there", "the", "a", "an", "his", "her", "their", "its"};
  if (!whether && !(w[k + 2].flags & kWordCap) && !IsSubjectPronoun(l2) && !kOpen.count(l2) &&
      !ClauseStarter(c, k + 2) && !w[k + 2].has(kWordDigit))
    return false;
  Quote& q = out->quote;
  q.kind = QuoteKind::kIndirect;
  if (!ContentToSentenceEnd(c, w[k + 1].start, &q.start, &q.end)) return false;
  q.cue = std::string(c.WordText(k));
  q.cue_start = w[k].start;
  q.cue_end = w[k].end;
  const size_t min_word = c.WordAtOrAfter(c.SentenceStart(w[k].start), k);
  out->subject = SubjectBefore(c, k, min_word);
  if (!out->subject.found()) out->subject = GenericSubjectBefore(c, k, min_word);
  return true;
}

// A cue in the passive with its agent: "The story was first reported by
// the Times", "the law, opposed by Democrats, …". The agent is the
// speaker; the content is the passive's subject (from its clause start to
// the auxiliary) or the phrase the participle follows after a comma.
bool PassiveAt(const QuoteContext& c, size_t k, Found* out) {
  const auto& w = c.words();
  const size_t n = w.size();
  if (k < 2 || k + 2 >= n || !c.SpaceGap(k) || c.Lower(k + 1) != "by" || !c.SpaceGap(k + 1)) return false;
  // The agent: to the next comma, sentence break or preposition ("by his
  // party for the vote"), at most 8 words.
  size_t ae = k + 2;
  while (ae + 1 < n && ae < k + 9 && (c.SpaceGap(ae) || c.AbbrevGapAfter(ae))) {
    const std::string_view nx = c.Lower(ae + 1);
    if (!Eq(nx, "and") && !Eq(nx, "or") && NoObjectAfter(nx)) break;
    ++ae;
  }
  if (ae >= k + 9) return false;
  const uint32_t sent_start = c.SentenceStart(w[k].start);
  const size_t min_word = c.WordAtOrAfter(sent_start, k);
  size_t e = k - 1;  // last word of the content
  if (c.SpaceGap(e)) {
    // "was (first) reported by": an auxiliary of the passive, maybe an adverb.
    if (e > min_word && (c.Lower(e) == "first" || c.Lower(e).ends_with("ly")) && c.SpaceGap(e - 1)) --e;
    const std::string_view aux = c.Lower(e);
    if (!Eq(aux, "was") && !Eq(aux, "were") && !Eq(aux, "is") && !Eq(aux, "are") && !Eq(aux, "been") &&
        !Eq(aux, "be"))
      return false;
    if (e > min_word && (c.Lower(e - 1) == "has" || c.Lower(e - 1) == "have" || c.Lower(e - 1) == "had")) --e;
    if (e == 0 || e <= min_word || !c.SpaceGap(e - 1)) return false;
    --e;
  } else {
    const std::string_view g = c.GapAfter(e);
    if (g.find(',') == std::string_view::npos || GapBreaks(g)) return false;
  }
  // The content's first word: back to the clause start (a comma or the
  // sentence start), at most 12 words.
  size_t b = e;
  while (b > min_word && e - b < 12 && (c.SpaceGap(b - 1) || c.AbbrevGapAfter(b - 1))) --b;
  if (e - b >= 12 || (b > min_word && c.GapAfter(b - 1).find(',') == std::string_view::npos)) return false;
  Quote& q = out->quote;
  q.kind = QuoteKind::kIndirect;
  q.cue = std::string(c.text().substr(w[k].start, w[k + 1].end - w[k].start));
  q.cue_start = w[k].start;
  q.cue_end = w[k + 1].end;
  q.start = w[b].start;
  q.end = w[e].end;
  out->subject.kind = (w[k + 2].flags & kWordCap) ? MentionKind::kName : MentionKind::kDescription;
  out->subject.start = w[k + 2].start;
  out->subject.end = w[ae].end;
  return true;
}

bool IndirectAt(const QuoteContext& c, size_t k, Found* out) {
  const auto& w = c.words();
  const std::string_view lw(c.Lower(k));
  const size_t n = w.size();
  Quote& q = out->quote;
  q.kind = QuoteKind::kIndirect;
  // "Asked whether he would run, Smith said …": the question is attributed
  // to an unnamed asker (no speaker: the main clause's subject is the one
  // asked, not the one asking).
  // "When asked whether …", "he was asked by a host if …", "when asked to
  // leave": a passive question, same reading.
  const bool cap_asked = Eq(lw, "asked") && (c.words()[k].flags & kWordCap);
  bool passive_asked = false;
  if (Eq(lw, "asked") && !cap_asked && k > 0 && c.SpaceGap(k - 1)) {
    const std::string_view p = c.Lower(k - 1);
    passive_asked = Eq(p, "when") || Eq(p, "if") || Eq(p, "after") || Eq(p, "being") || Eq(p, "once") ||
                    Eq(p, "was") || Eq(p, "were") || Eq(p, "been");
  }
  if (cap_asked || passive_asked) {
    if (k + 1 >= n || !c.SpaceGap(k)) return false;
    size_t s0 = k + 1;
    if (c.Lower(s0) == "by") {  // the asker: "asked by Matt Lauer whether"
      size_t j = s0 + 1;
      while (j < n && j < s0 + 7 && (c.SpaceGap(j - 1) || c.AbbrevGapAfter(j - 1))) {
        const std::string_view lj = c.Lower(j);
        if (Eq(lj, "if") || Eq(lj, "whether") || Eq(lj, "why") || Eq(lj, "how") || Eq(lj, "what")) break;
        ++j;
      }
      if (j >= n || j >= s0 + 7 || !(c.SpaceGap(j - 1) || c.AbbrevGapAfter(j - 1))) return false;
      s0 = j;
    } else if (c.Lower(s0) != "if" && c.Lower(s0) != "whether" && c.Lower(s0) != "about" &&
               c.Lower(s0) != "to") {
      // "Asked in Iowa recently whether …", "Asked Tuesday about Sullivan":
      // a time or place phrase before the question.
      for (size_t j = s0; j + 1 < n && j < s0 + 4 && c.SpaceGap(j); ++j) {
        const std::string_view lj = c.Lower(j + 1);
        if (Eq(lj, "if") || Eq(lj, "whether") || Eq(lj, "why") || Eq(lj, "how") || Eq(lj, "what") ||
            Eq(lj, "about")) {
          s0 = j + 1;
          break;
        }
      }
    }
    const std::string_view l1 = c.Lower(s0);
    if (!Eq(l1, "if") && !Eq(l1, "whether") && !Eq(l1, "why") && !Eq(l1, "how") && !Eq(l1, "what") &&
        !Eq(l1, "which") && !Eq(l1, "when") && !Eq(l1, "who") && !Eq(l1, "about") &&
        !(passive_asked && Eq(l1, "to")))
      return false;
    const uint32_t se = c.SentenceEnd(w[k].start);
    size_t j = s0;
    while (j + 1 < n && w[j + 1].start < se && c.GapAfter(j).find(',') == std::string_view::npos) ++j;
    // "Asked …," opens the sentence: a main clause must follow the comma.
    if (cap_asked && (j + 1 >= n || w[j + 1].start >= se)) return false;
    if (j <= s0) return false;
    q.cue = std::string(c.WordText(k));
    q.cue_start = w[k].start;
    q.cue_end = w[k].end;
    q.start = w[s0].start;
    q.end = w[j].end;
    return true;
  }
  if (Eq(lw, "according")) {
    if (!IsAccordingTo(c, k)) return false;
    // The source runs to the next comma or sentence end: "according to
    // multiple sources familiar with the effort, …".
    size_t se_word = k + 2;
    // "according to a Reuters/Ipsos poll,", "according to early results of
    // the exit polls conducted for … by Edison Research,": a source runs
    // over slashes and hyphens to its comma, up to kSourceWords words.
    auto joins = [&](size_t j) {
      if (c.SpaceGap(j) || c.AbbrevGapAfter(j)) return true;
      const std::string_view g = c.GapAfter(j);
      return g.find_first_of(",;:.!?\n") == std::string_view::npos && !GapBreaks(g);
    };
    while (se_word + 1 < n && se_word < k + kSourceWords && joins(se_word)) ++se_word;
    if (se_word >= n) return false;
    SubjectMention s = SubjectAfter(c, k + 2, std::min(n - 1, k + 10));
    if (!s.found() && se_word - (k + 2) <= kSourceWords) {
      s.kind = MentionKind::kDescription;
      s.start = w[k + 2].start;
      s.end = w[se_word].end;
    }
    if (!s.found()) return false;
    q.cue = "according to";
    q.cue_start = w[k].start;
    q.cue_end = w[k + 1].end;
    out->subject = s;
    // "according to X, CLAUSE", "CLAUSE, according to X." or "A, according
    // to X, B."
    const uint32_t sent_start = c.SentenceStart(w[k].start);
    const std::string_view before = c.text().substr(sent_start, w[k].start - sent_start);
    const std::string_view gap = c.GapAfter(se_word);
    const bool comma_after = gap.find(',') != std::string_view::npos && !GapBreaks(gap);
    const size_t after = se_word + 1;
    const bool has_before = before.find_first_not_of(" ,\n") != std::string_view::npos;
    if (has_before && before.find(',') != std::string_view::npos) {
      uint32_t e = w[k].start;
      const uint32_t se = c.SentenceEnd(w[k].start);
      // Interrupted ("The implication, according to the aide, is …"), unless
      // what follows the source is a participle or a relative clause of its
      // own (", taking a step …", ", which monitors …").
      if (comma_after && after < n && w[after].start < se && c.WordAtOrAfter(se, k) > after + 2 &&
          !(w[after].has(kWordLower) && (c.WordText(after).ends_with("ing") || c.Lower(after) == "which" ||
                                         c.Lower(after) == "who" || c.Lower(after) == "where")))
        e = se;
      while (e > sent_start && (c.text()[e - 1] == ' ' || c.text()[e - 1] == ',' || c.text()[e - 1] == '\n')) --e;
      q.start = sent_start;
      q.end = e;
      return e > sent_start + 3;
    }
    if (comma_after && after < n) return ContentToSentenceEnd(c, w[after].start, &q.start, &q.end);
    return false;
  }
  uint8_t f = CueFlags(lw);
  if (!f) return false;
  if (k > 0 && c.SpaceGap(k - 1) && NounModifier(c, k - 1)) return false;
  if (f & kCueSeem) return EvidentialAt(c, k, lw, &q);
  if (lw.ends_with("ed") && PassiveAt(c, k, out)) return true;
  // "pledged delegates": a participle modifying the noun after it.
  if (k + 1 < n && c.SpaceGap(k) && c.Lower(k + 1) == "delegates") return false;
  // "was found dead", "can be found here": "found" in the passive reports
  // no finding.
  if (Eq(lw, "found") && k > 0 && c.SpaceGap(k - 1)) {
    const std::string_view p = c.Lower(k - 1);
    if (Eq(p, "be") || Eq(p, "been") || Eq(p, "was") || Eq(p, "were") || Eq(p, "is") || Eq(p, "are"))
      return false;
  }
  // "backed by", "favored by": cues only in the passive (particle "by").
  if (k + 1 < n && c.SpaceGap(k) && c.Lower(k + 1) == "by" && CueParticle(lw) == "by") return false;
  // "developers see golf courses as wasted space": seeing and viewing are
  // attributions only with their "as" complement.
  if (Eq(lw, "see") || Eq(lw, "saw") || Eq(lw, "view") || Eq(lw, "views")) {
    bool as = false;
    for (size_t j = k + 2; j < n && j < k + 10 && c.SpaceGap(j - 1) && !as; ++j) as = c.Lower(j) == "as";
    if (!as) return false;
  }
  if (!ParticleOk(c, k, f)) {
    // "called Mrs. Schlafly an ''Aunt Tom''": naming someone with quoted
    // words attributes the words; the object and the name are the content.
    if (!Eq(lw, "called") && !Eq(lw, "calling") && !Eq(lw, "calls")) return false;
    // "called for a ban on …": what is called for is the content.
    // "called him a kind and loving man": the object and its name are.
    const std::string_view l1 = k + 2 < n && c.SpaceGap(k) ? c.Lower(k + 1) : std::string_view();
    const bool object_named =
        (Eq(l1, "him") || Eq(l1, "her") || Eq(l1, "them") || Eq(l1, "it") || Eq(l1, "us") || Eq(l1, "me")) &&
        c.SpaceGap(k + 1) && w[k + 2].has(kWordLower) && !NoObjectAfter(c.Lower(k + 2));
    bool quoted = Eq(l1, "for") || object_named;
    for (size_t j = k + 1; j < n && j < k + kCalledQuoteWindow && !quoted; ++j) {
      if (c.InQuote(w[j].start)) quoted = true;
      if (j + 1 < n && GapBreaks(c.GapAfter(j)) && !c.InQuote(w[j].start)) {
        const std::string_view g = c.GapAfter(j);
        if (g.find_first_of(".!?;") != std::string_view::npos && !c.AbbrevGapAfter(j)) break;
      }
    }
    if (!quoted) return false;
    f = kCueNoun;
  }
  const uint32_t cue_end = CueEnd(c, k);
  const size_t after = c.WordAtOrAfter(cue_end, k);
  const uint32_t sent_start = c.SentenceStart(w[k].start);
  const size_t min_word = c.WordAtOrAfter(sent_start, k);
  SubjectMention s = SubjectBefore(c, k, min_word);
  if (!s.found() && (IsSayVerb(lw) || (f & kCueNoun))) s = GenericSubjectBefore(c, k, min_word);
  q.cue = std::string(c.text().substr(w[k].start, cue_end - w[k].start));
  q.cue_start = w[k].start;
  q.cue_end = cue_end;
  // "CLAUSE, Smith said." / "CLAUSE, said Smith." / "CLAUSE, he added."
  {
    bool inverted = false;
    SubjectMention sub = s;
    // A participle ("…, pointing to the new jobs") never inverts: the
    // words after it are its object.
    if (!sub.found() && k > min_word && c.GapAfter(k - 1).find(',') != std::string_view::npos &&
        !(lw.size() > 5 && lw.ends_with("ing"))) {
      sub = SubjectAfter(c, after, std::min(n - 1, after + 8));
      // "…, said she wanted change": a pronoun going on into its verb
      // opens the reported clause; it is no inverted subject.
      if (sub.kind == MentionKind::kPronoun && c.SpaceGap(after) && after + 1 < n) sub = SubjectMention();
      // "told" never inverts: "…, R-Ky., told Fox News that …" names whom.
      if (Eq(lw, "told") || Eq(lw, "tells") || Eq(lw, "telling")) sub = SubjectMention();
      inverted = sub.found();
    }
    // "…, campaign officials said.": a longer subject than the finders
    // take, reaching back to the comma.
    if (sub.found() && !inverted && (f & (kCueThat | kCueBare))) {
      const size_t sw0 = c.WordAtOrAfter(sub.start, k);
      if (sw0 > min_word && c.SpaceGap(sw0 - 1)) {
        const SubjectMention longer = GenericSubjectBefore(c, k, min_word);
        if (longer.found() && longer.start < sub.start) sub = longer;
      }
    }
    // "…, she and another reporter said.", "…, a source close to him
    // said.": a subject the finders cut short or miss, bounded by the
    // comma before it, when the cue ends its sentence.
    // (A subject opening the sentence has nothing before it to take: the
    // common "The company said …" pays nothing.)
    // "…, teachers and union officials told POLITICO.": "told" too.
    if (!inverted && !(sub.found() && sub.start <= w[min_word].start) &&
        (IsSayVerb(lw) || Eq(lw, "told") || Eq(lw, "tells"))) {
      const SubjectMention back = CommaBoundedSubject(c, k, min_word);
      if (back.found() && (!sub.found() || back.start < sub.start)) sub = back;
    }
    if (sub.found()) {
      const uint32_t subj_start = inverted ? w[k].start : sub.start;
      const size_t sw = c.WordAtOrAfter(subj_start, k);
      if (sw > min_word) {
        const std::string_view g = c.GapAfter(sw - 1);
        const uint32_t tail_from = inverted ? (sub.role_end > sub.end ? sub.role_end : sub.end) : cue_end;
        const uint32_t se = c.SentenceEnd(tail_from);
        const size_t se_word = c.WordAtOrAfter(se, k);
        const size_t tail_word = c.WordAtOrAfter(tail_from, k);
        const size_t tail_words = se_word - tail_word;
        // A closing mark before the cue: a direct quotation would have taken
        // it; an inverted cue after a quoted fragment ("… may be
        // “strategic,” said Jane Porter, …") still ends the reported clause.
        const bool ends_quote =
            !inverted && (g.find("\xE2\x80\x9D") != std::string_view::npos || g.find('"') != std::string_view::npos);
        // The tail after the cue continues the sentence (", never forgives
        // …"), unless it is a participle or relative clause of its own.
        const bool tail_continues =
            tail_words > 2 && tail_word > 0 && tail_word < n &&
            c.GapAfter(tail_word - 1).find(',') != std::string_view::npos &&
            c.GapAfter(tail_word - 1).find_first_of(".!?;:") == std::string_view::npos &&
            !GapBreaks(c.GapAfter(tail_word - 1)) && !c.WordText(tail_word).ends_with("ing") &&
            c.Lower(tail_word) != "who" && c.Lower(tail_word) != "which" && c.Lower(tail_word) != "according";
        // "…, she said he had her vote": a clause after the cue is its
        // content, the words before the comma are not.
        const size_t tail_start = SkipCueComplements(c, tail_word, se_word);
        bool tail_clause = !inverted && c.SpaceGap(k) && tail_start < n && tail_start + 2 < se_word &&
                           (ClauseStarter(c, tail_start) || c.Lower(tail_start) == "that") && !c.AbbrevGapAfter(k);
        // "…, Ash Carter told a Senate panel Wednesday.": after "told" the
        // words are its object unless a "that" follows.
        if (tail_clause && (f & kCueObject) && c.Lower(tail_start) != "that") {
          tail_clause = false;
          // "…, Kelly Smith, told POLITICO she was leaning …": a subject
          // pronoun after the object opens the reported clause too.
          for (size_t j = tail_start; j < n && j < tail_start + 6 && w[j].start < se; ++j) {
            const std::string_view lj = c.Lower(j);
            if (Eq(lj, "that") ||
                (j > tail_start && c.SpaceGap(j - 1) && IsSubjectPronoun(ContractionHead(lj))))
              tail_clause = true;
          }
        }
        // "…, a Chinese official said, adding that …": a participle clause
        // after the cue is its own (see ContentClauseEnd), however long.
        const bool tail_participle = tail_word > 0 && tail_word < n && tail_word > k &&
                                     c.GapAfter(tail_word - 1).find(',') != std::string_view::npos &&
                                     !GapBreaks(c.GapAfter(tail_word - 1)) && w[tail_word].has(kWordLower) &&
                                     c.WordText(tail_word).size() > 5 && c.WordText(tail_word).ends_with("ing");
        // "…, said David Autor, a professor at M.I.T., who is one of …": an
        // apposition or relative clause after an inverted speaker describes
        // the speaker, however long.
        const std::string_view ltail = tail_word < n ? c.Lower(tail_word) : std::string_view();
        const bool tail_relative =
            inverted && tail_word > k && tail_word < n &&
            c.GapAfter(tail_word - 1).find(',') != std::string_view::npos &&
            !GapBreaks(c.GapAfter(tail_word - 1)) &&
            (Eq(ltail, "who") || Eq(ltail, "whose") || Eq(ltail, "a") || Eq(ltail, "an") || Eq(ltail, "the"));
        if (g.find(',') != std::string_view::npos && !ends_quote &&
            (tail_words <= 6 || tail_participle || tail_relative) &&
            (!tail_continues || tail_relative) && !tail_clause && (f & (kCueThat | kCueBare))) {
          uint32_t e = w[sw - 1].end;
          // `… “strategic,” said X`: the quoted words end with their mark.
          if (inverted) {
            size_t mark = 0;  // bytes of the gap up to the closing mark's end
            const size_t a = g.rfind('"'), b = g.rfind("\xE2\x80\x9D");
            if (a != std::string_view::npos) mark = a + 1;
            if (b != std::string_view::npos) mark = std::max(mark, b + 3);
            e += static_cast<uint32_t>(mark);
          }
          q.start = sent_start;
          q.end = e;
          out->subject = sub;
          return e > sent_start + 3 && min_word + 2 < sw;
        }
        // "Otherwise, she said, countries may …" / "And Trump, said Smith,
        // doesn't forget": the cue interrupts the reported sentence, which
        // is the content on both sides of it.
        if (g.find(',') != std::string_view::npos && !ends_quote && tail_continues && (f & (kCueThat | kCueBare))) {
          uint32_t e = se;
          while (e > tail_from && (c.text()[e - 1] == ' ' || c.text()[e - 1] == ',' || c.text()[e - 1] == '\n')) --e;
          q.start = sent_start;
          q.end = e;
          out->subject = sub;
          return min_word < sw;
        }
      }
    }
  }
  if (!s.found() && (f & (kCueThat | kCueBare | kCueNoun))) s = DistantSubject(c, k, min_word);
  if (after >= n) return false;
  // A verb of saying with a subject no finder takes ("The Supreme Court
  // justice -- who has … -- said she regretted …", "And until the shutdown,
  // most of them said they had …") still reports its clause: the speech is
  // kept with no speaker rather than lost. So is any other cue's content
  // ("… knocked Rubio on trade and called him a “moderate”", "… and warned
  // that …"), unless a possessive or a preposition before the cue makes it
  // a noun ("his claim", "fear of").
  if (!s.found()) {
    bool keep = k > min_word;
    if (keep && !IsSayVerb(lw) && c.SpaceGap(k - 1)) {
      const std::string_view p = c.Lower(k - 1);
      keep = !(Eq(p, "his") || Eq(p, "her") || Eq(p, "their") || Eq(p, "its") || Eq(p, "our") ||
               Eq(p, "my") || Eq(p, "your") || Eq(p, "for") || Eq(p, "of"));
    }
    if (!keep) return false;
  }
  out->subject = s;
  // "As The Washington Post reported, even if …": the clause after the
  // comma is what the source reported.
  if (!c.SpaceGap(k) && cue_end == w[k].end && (f & (kCueDirect | kCueThat))) {
    size_t sw = c.WordAtOrAfter(s.start, k);
    if (sw > min_word + 1 && c.Lower(sw - 1) == "the" && c.SpaceGap(sw - 2)) --sw;  // "As The Post"
    const std::string_view g = c.GapAfter(k);
    if (sw > min_word && c.Lower(sw - 1) == "as" && c.SpaceGap(sw - 1) && g.find(',') != std::string_view::npos &&
        !GapBreaks(g))
      return ContentToSentenceEnd(c, w[after].start, &q.start, &q.end);
  }
  if (!c.SpaceGap(k) && cue_end == w[k].end) {
    // "said:" or "said," then a clause is still speech; "said." is not.
    const std::string_view g = c.GapAfter(k);
    if (g.find_first_of(".!?") != std::string_view::npos || g.find(':') == std::string_view::npos) return false;
    // "Editor’s note:" is a label: only verbs that introduce speech do.
    if (!(f & kCueDirect)) return false;
    return ContentToSentenceEnd(c, w[after].start, &q.start, &q.end);
  }
  const size_t sent_end_word = c.WordAtOrAfter(c.SentenceEnd(cue_end), k);
  // that-clause, maybe after an object or a time phrase.
  if (f & (kCueThat | kCueObject)) {
    size_t j = after;
    const size_t limit = std::min(sent_end_word, after + 6);
    for (; j < limit; ++j) {
      if (c.Lower(j) == "that") break;
      if (j + 1 < n && !c.SpaceGap(j) && c.GapAfter(j).find(',') == std::string_view::npos) {
        j = limit;
        break;
      }
    }
    if (j < limit && (f & kCueThat)) return ContentToSentenceEnd(c, w[j].start, &q.start, &q.end);
  }
  // to-infinitive, maybe after an object: "urged the world community to recognize".
  if (f & kCueTo) {
    const size_t limit = std::min(sent_end_word, after + 10);
    for (size_t j = after; j + 1 < limit; ++j) {
      if (c.Lower(j) == "to" && c.SpaceGap(j)) return ContentToSentenceEnd(c, w[after].start, &q.start, &q.end);
      if (!c.SpaceGap(j)) break;
    }
  }
  // "asked whether …", "asked him if …": the question is the content.
  if (Eq(lw, "asked") || Eq(lw, "asks") || Eq(lw, "asking")) {
    const size_t limit = std::min(sent_end_word, after + 9);
    for (size_t j = after; j < limit; ++j) {
      const std::string_view lj = c.Lower(j);
      if (Eq(lj, "if") || Eq(lj, "whether") || Eq(lj, "why") || Eq(lj, "how") || Eq(lj, "what") ||
          Eq(lj, "when"))
        return ContentToSentenceEnd(c, w[j].start, &q.start, &q.end);
      if (!c.SpaceGap(j)) break;
    }
  }
  // "Everyone but Hewlett said yes.", "55 percent said so in December",
  // "26 percent said the same": a short answer is what was said.
  if (IsSayVerb(lw) && after < n && c.SpaceGap(k)) {
    const std::string_view a = c.Lower(after);
    size_t e = n;
    if (Eq(a, "yes") || Eq(a, "no") || Eq(a, "so")) e = after;
    if (Eq(a, "the") && after + 1 < n && c.SpaceGap(after) && c.Lower(after + 1) == "same") e = after + 1;
    if (e < n && (e + 1 >= n || !c.SpaceGap(e) || NoObjectAfter(c.Lower(e + 1)))) {
      q.start = w[after].start;
      q.end = w[e].end;
      return true;
    }
  }
  // A bare clause: "said the talks had failed".
  if (f & kCueBare) {
    // "told me he had …": the object pronoun before the clause.
    const size_t from = (f & kCueObject) && after + 1 < n && c.SpaceGap(after) && IsObjectPronoun(c.Lower(after))
                            ? after + 1
                            : after;
    const size_t j = SkipCueComplements(c, from, std::min(sent_end_word, from + 5));
    const bool starts = j < n && (ClauseStarter(c, j) || (IsSayVerb(lw) && c.words()[j].has(kWordLower) &&
                                                          !NoClauseAfterSay(c.Lower(j))));
    if (j < sent_end_word && j < n && starts && j + 2 < sent_end_word) {
      return ContentToSentenceEnd(c, w[j].start, &q.start, &q.end);
    }
  }
  // The object is the content: "criticized the president's foreign
  // policy", "described the ground as “Swiss cheese”", "endorsed her".
  if ((f & kCueNoun) && c.SpaceGap(after - 1) && after < sent_end_word &&
      !NoObjectAfter(c.Lower(after))) {
    uint32_t e = ContentClauseEnd(c, w[after].start, c.SentenceEnd(w[after].start));
    const std::string_view t = c.text();
    while (e > w[after].start && (t[e - 1] == ' ' || t[e - 1] == ',' || t[e - 1] == '\n')) --e;
    q.start = w[after].start;
    q.end = e;
    return e >= w[after].end;
  }
  return false;
}

// Indirect speech whose cue stands in a clause the sentence does not end
// with: a fronted subordinate clause ("Just when we thought inversions had
// slowed, we got …", "After Rubio said it was great to be home, a man
// yelled …") or a relative clause after a comma ("…, which endorsed Mr.
// Sanders in December, launched …"). The content ends with that clause, at
// its first comma. Word k is the cue; `q` the content found after it.
void CutAtClauseComma(const QuoteContext& c, size_t k, Quote* q) {
  static const WordSet kSubordinators = {"when", "after", "as", "while", "although", "though", "if", "because",
                                         "since", "before", "until", "once", "unless", "whereas", "just"};
  const auto& w = c.words();
  if (q->start < q->cue_end) return;  // content before the cue: ", aides said"
  const size_t sw = c.WordAtOrAfter(c.SentenceStart(w[k].start), k);
  if (sw >= k) return;
  bool clause = false;
  if (kSubordinators.count(c.Lower(sw))) {
    clause = true;
    for (size_t j = sw; j < k && clause; ++j)
      if (c.GapAfter(j).find(',') != std::string_view::npos) clause = false;
  }
  if (!clause && k >= 1) {
    // ", which endorsed", ", who has said": the relative pronoun right
    // before the cue (or before one adverb or auxiliary).
    for (size_t j = k; j-- > 0 && j + 2 >= k && j > sw && !clause;) {
      const std::string_view lj = c.Lower(j);
      if ((Eq(lj, "which") || Eq(lj, "who")) && c.GapAfter(j - 1).find(',') != std::string_view::npos)
        clause = true;
      if (!c.SpaceGap(j)) break;
    }
  }
  if (!clause) return;
  const size_t first = c.WordAtOrAfter(q->start);
  for (size_t j = first; j + 1 < w.size() && w[j + 1].start < q->end; ++j) {
    const std::string_view g = c.GapAfter(j);
    // "2,400" is a number, not a clause break.
    const bool number = Eq(g, ",") && w[j].has(kWordDigit) && w[j + 1].has(kWordDigit);
    if (g.find(',') != std::string_view::npos && !number && !c.InQuote(w[j].end)) {
      if (j > first) q->end = w[j].end;
      return;
    }
  }
}

// `endorsed Jeb Bush for president and midwifed the Gang of Eight bill`,
// `refused to speak to reporters and watched the speakers from a suite`:
// an object or infinitive content ends before "and" with a past-tense
// verb — a second predicate of the sentence's subject, not part of what
// was said. Clauses (a that-clause, or a cue taking a bare clause: "said
// the firm grew and expanded") keep it. Word k is the cue, `flags` its
// CueFlags.
void CutAtSecondPredicate(const QuoteContext& c, size_t k, uint8_t flags, Quote* q) {
  const auto& w = c.words();
  if (q->start < q->cue_end || !w[k].has(kWordLower)) return;
  // Checked on the text first: most contents are clauses of "said".
  const std::string_view head = c.text().substr(q->start, std::min<uint32_t>(8, q->end - q->start));
  if (!head.starts_with("to ")) {
    if (!(flags & (kCueNoun | kCueTo)) || (flags & kCueBare) || head.starts_with("that ") ||
        head.starts_with("whether "))
      return;
  }
  const size_t first = c.WordAtOrAfter(q->start);
  if (first >= w.size() || w[first].start >= q->end) return;
  static const WordSet kAdjectives = {"based",     "related",    "united",  "limited",
                                      "concerned", "interested", "advanced"};
  for (size_t j = first + 1; j + 2 < w.size() && w[j + 2].start < q->end; ++j) {
    if (w[j].end - w[j].start != 3 || !w[j].has(kWordLower) || (c.Lower(j) != "and" && c.Lower(j) != "but") ||
        c.InQuote(w[j].start))
      continue;
    const std::string_view v = c.Lower(j + 1);
    static const WordSet kIrregular = {
        "said",  "told",   "won",    "made", "took",    "gave", "went",  "got",  "left",  "sent", "ran",
        "spent", "began",  "became", "held", "brought", "kept", "wrote", "met",  "lost",  "paid", "led",
        "spoke", "sought", "built",  "has",  "had",     "was",  "is",    "will", "would", "says"};
    if (!w[j + 1].has(kWordLower) || kAdjectives.count(v)) continue;
    if (!(v.size() >= 5 && v.ends_with("ed")) && !kIrregular.count(v)) continue;
    if (!c.SpaceGap(j) || !c.SpaceGap(j + 1)) continue;
    size_t e = j - 1;  // the content ends with the word before "and" (a comma after it dropped)
    q->end = w[e].end;
    return;
  }
}

// A poll's finding, cue "In": "In the latest Post-ABC poll, conducted in
// May, Clinton led …" (the clause after the comma). Word k is "poll(s)" or "survey(s)"; the source is the words from
// after "in" to it, with no speaker to resolve beyond that description.
// "To Sharp, Trump is the “kind-hearted and caring” man …", "But to
// others, he's a citizen journalist …", "To them, it signals …": a
// sentence opening with "To" and a person or group (a name, a pronoun,
// many/most/some + a name) set off by a comma reports that person's view;
// the main clause is the content, "To" the cue. ("For X," reads the same
// but as often names whom something concerns: train, 7 of 8 "To" frames
// are attributions, 7 of 42 "For" frames.) Word k is the "To".
bool ToFrameAt(const QuoteContext& c, size_t k, Found* out) {
  const auto& w = c.words();
  const size_t n = w.size();
  const uint32_t ss = c.SentenceStart(w[k].start);
  const size_t sw = c.WordAtOrAfter(ss, k);
  // "To" opens the sentence, or follows an opening "But"/"And".
  if (sw != k && !(sw + 1 == k && c.SpaceGap(sw) && (Eq(c.WordText(sw), "But") || Eq(c.WordText(sw), "And"))))
    return false;
  if (k + 1 >= n || !c.SpaceGap(k)) return false;
  // The person: at most 6 words up to a comma.
  size_t j = k + 1;
  while (j < n && j < k + 6 && (c.SpaceGap(j) || c.AbbrevGapAfter(j))) ++j;
  if (j >= n || j >= k + 6) return false;
  const std::string_view g = c.GapAfter(j);
  if (g.empty() || g[0] != ',' || GapBreaks(g) || j + 1 >= n) return false;
  const std::string_view l1 = c.Lower(k + 1);
  bool person = false;
  if (w[k + 1].has(kWordCap) && !w[k + 1].has(kWordDigit)) {
    static const WordSet kNotPerson = {"the", "a", "an", "this", "that", "be", "date", "many", "most", "some", "all",
                                       "each", "one", "his", "her", "their", "its", "our", "my", "your"};
    person = !kNotPerson.count(l1);
  } else if (j == k + 1) {
    static const WordSet kPeople = {"them", "him", "her", "us", "me", "many", "others", "some", "anyone", "everyone",
                                    "most", "those", "all"};
    person = kPeople.count(l1) > 0;
  } else {
    static const WordSet kQuant = {"many", "most", "some", "other", "these", "those", "all"};
    person = kQuant.count(l1) > 0 && w[k + 2].has(kWordCap);
  }
  if (!person) return false;
  // A main clause of at least three words follows.
  const uint32_t se = c.SentenceEnd(w[j + 1].start);
  if (c.WordAtOrAfter(se, j) < j + 4) return false;
  Quote& q = out->quote;
  q.kind = QuoteKind::kIndirect;
  q.cue = std::string(c.WordText(k));
  q.cue_start = w[k].start;
  q.cue_end = w[k].end;
  out->subject.kind = w[k + 1].has(kWordCap) && j == k + 1 ? MentionKind::kName : MentionKind::kDescription;
  if (w[k + 1].has(kWordCap) && j > k + 1) {
    bool all_cap = true;
    for (size_t i = k + 1; i <= j; ++i) all_cap = all_cap && (w[i].flags & (kWordCap | kWordAllCaps));
    if (all_cap) out->subject.kind = MentionKind::kName;
  }
  out->subject.start = w[k + 1].start;
  out->subject.end = w[j].end;
  return ContentToSentenceEnd(c, w[j + 1].start, &q.start, &q.end);
}

bool PollAt(const QuoteContext& c, size_t k, Found* out) {
  const auto& w = c.words();
  const size_t n = w.size();
  size_t i = k;
  bool in = false;
  // The poll's name may join words with a slash or a hyphen ("NBC
  // News/Wall Street Journal").
  const auto joins = [&c](size_t j) {
    if (c.SpaceGap(j) || c.AbbrevGapAfter(j)) return true;
    const std::string_view g = c.GapAfter(j);
    return g.size() == 1 && (g[0] == '/' || g[0] == '-');
  };
  while (i > 0 && k - i < 9 && joins(i - 1)) {
    --i;
    if (c.Lower(i) == "in") {
      in = true;
      break;
    }
  }
  if (!in) return false;
  const uint32_t ss = c.SentenceStart(w[i].start);
  const uint32_t se = c.SentenceEnd(w[k].start);
  const size_t sw = c.WordAtOrAfter(ss);
  Quote& q = out->quote;
  q.kind = QuoteKind::kIndirect;
  q.cue = std::string(c.WordText(i));
  q.cue_start = w[i].start;
  q.cue_end = w[i].end;
  out->subject.kind = MentionKind::kDescription;
  out->subject.start = w[i + 1].start;
  out->subject.end = w[k].end;
  if (i == sw) {
    size_t j = k;
    while (j + 1 < n && w[j + 1].start < se && c.GapAfter(j).find(',') == std::string_view::npos) ++j;
    if (j + 1 >= n || w[j + 1].start >= se) return false;
    // ", conducted in May, …": a participle phrase still describes the poll.
    if (w[j + 1].has(kWordLower) && (c.WordText(j + 1).ends_with("ed") || c.WordText(j + 1).ends_with("ing"))) {
      ++j;
      while (j + 1 < n && w[j + 1].start < se && c.GapAfter(j).find(',') == std::string_view::npos) ++j;
      if (j + 1 >= n || w[j + 1].start >= se) return false;
    }
    return ContentToSentenceEnd(c, w[j + 1].start, &q.start, &q.end);
  }
  // After the clause ("Clinton led … in the latest poll") the same words
  // are as often a place or a detail as a source: tried, one match in
  // five predictions, dropped.
  return false;
}

// The "Name: words" paragraph form (see ExtractQuotes). The name is at most
// five words, opens with a capital and is no label ("Note:", "Update:");
// the words after the colon are not a quotation (those are handled as
// direct quotations with a colon introduction).
bool ColonParagraph(const QuoteContext& c, const Paragraph& p, size_t first_word, Found* out) {
  static const WordSet kLabels = {
      "Note", "NOTE", "Photo", "Photos", "Update", "UPDATE", "Updated", "Related", "RELATED", "Watch", "WATCH",
      "Read", "READ", "Editor", "Correction", "CORRECTION", "Video", "VIDEO", "Image", "Credit", "Listen", "Follow",
      "Email", "Contact", "Tags", "Advertisement", "Source", "Sources", "Caption", "Disclosure", "Clarification",
      "Subscribe", "See", "Also", "More", "Previously", "Location", "Date", "Time", "When", "Where", "Cost",
      "Tickets", "Topics", "Filed", "Posted", "Published", "By", "From", "To", "Subject", "Sent", "Cc", "Re",
      // Bylines, credits and kickers (train: no attribution among them).
      "Contributing", "BYLINE", "Byline", "LOOK", "Look", "Revealed", "REVEALED", "Breaking", "BREAKING"};
  const auto& w = c.words();
  size_t k = first_word;
  if (k >= w.size() || w[k].start >= p.end || w[k].start > p.start + 3) return false;
  if (!(w[k].flags & (kWordCap | kWordAllCaps)) || kLabels.count(c.WordText(k))) return false;
  size_t e = k;
  while (e + 1 < w.size() && e - k < 5 && (c.SpaceGap(e) || c.AbbrevGapAfter(e))) ++e;
  // Every word of the name capitalised, none possessive ("Editor’s note:",
  // "Student loans:" are labels).
  for (size_t j = k; j <= e; ++j)
    if (!(w[j].flags & (kWordCap | kWordAllCaps)) || w[j].has(kWordPossessive)) return false;
  // "The Latest: …" is a live-blog's kicker, not a speaker.
  if (e == k + 1 && c.WordText(k) == "The" && c.WordText(e) == "Latest") return false;
  const std::string_view g = c.GapAfter(e);
  if (e - k >= 5 || g.size() < 2 || g[0] != ':' || g[1] != ' ' || e + 2 >= w.size()) return false;
  const size_t first = e + 1;
  if (w[first].start >= p.end || c.InQuote(w[e].start)) return false;
  uint32_t end = p.end;
  const std::string_view t = c.text();
  while (end > w[first].start && (t[end - 1] == ' ' || t[end - 1] == '\n' || t[end - 1] == '\r' || t[end - 1] == '.'))
    --end;
  if (c.WordAtOrAfter(end) < first + 2) return false;
  // "Hillary Clinton: 1,769": a tally, no words attributed.
  bool letters = false;
  for (size_t j = first; j < w.size() && w[j].start < end && !letters; ++j)
    letters = w[j].has(kWordLower) || w[j].has(kWordCap);
  if (!letters) return false;
  Quote& q = out->quote;
  q.kind = QuoteKind::kIndirect;
  uint32_t start = w[first].start;
  if (c.InQuote(w[first].start)) {
    // "Sanders: ‘It Is Not A Radical Idea’ To Ask For A $15 Minimum Wage": a
    // headline quoting its speaker's words and going on past the closing
    // mark is one direct quotation to the paragraph end. A quotation
    // reaching the paragraph end is left to the direct quotation rules.
    const QuoteSpan* qs = nullptr;
    for (const QuoteSpan& s : c.spans())
      if (s.depth == 0 && s.open_start <= w[first].start && w[first].start < s.close_end) qs = &s;
    if (!qs || !qs->closed || qs->multi_paragraph || c.WordAtOrAfter(end) < c.WordAtOrAfter(qs->close_end) + 2 ||
        c.WordAtOrAfter(end) - first > kHeadlineWords)
      return false;
    q.kind = QuoteKind::kDirect;
    start = qs->start;
  }
  q.start = start;
  q.end = end;
  q.cue = ":";
  q.cue_start = w[e].end;
  q.cue_end = w[e].end + 1;
  out->subject.kind = MentionKind::kName;
  out->subject.start = w[k].start;
  out->subject.end = w[e].end;
  return true;
}

// "Conservative Icon Morton Blackwell Endorses Ted Cruz." / "Bellwether
// County Says Trump Should Win": a title-case headline (a short paragraph
// whose words are capitalised) with a capitalised cue word; the words
// before the cue are the speaker, the words after it the content. (Outside
// headlines a capitalised word is no cue: see the indirect-speech loop.)
bool HeadlineCue(const QuoteContext& c, const Paragraph& p, size_t first, Found* out) {
  const auto& w = c.words();
  if (first >= w.size() || !(w[first].flags & (kWordCap | kWordAllCaps | kWordDigit))) return false;  // no headline
  // One past the paragraph's words, walked to at most one past the longest
  // headline (a search from the first word cost 1% of the stage).
  size_t last = first;
  while (last < w.size() && w[last].start < p.end && last - first <= kHeadlineWords) ++last;
  if (last < first + 4 || last - first > kHeadlineWords) return false;
  // Title case: the content words (4+ letters) capitalised.
  size_t long_words = 0, caps = 0;
  for (size_t j = first; j < last; ++j) {
    if (w[j].end - w[j].start < 4) continue;
    ++long_words;
    if (w[j].flags & (kWordCap | kWordAllCaps)) ++caps;
  }
  if (long_words < 3 || caps * 10 < long_words * 9) return false;
  for (size_t k = first + 1; k + 1 < last; ++k) {
    if (!(w[k].flags & kWordCap) || w[k].has(kWordAllCaps) || !c.SpaceGap(k - 1)) continue;
    const std::string_view lw = c.Lower(k);
    const uint8_t f = CueFlags(lw);
    if (!(f & (kCueThat | kCueBare | kCueNoun | kCueTo)) || (f & kCueSeem) || !ParticleOk(c, k, f)) continue;
    // "10 Things to Know", "The Daily Show", "Named By Police",
    // "Responds … By Saying": no verb of the headline's subject.
    const std::string_view prev = c.Lower(k - 1);
    if (Eq(prev, "to") || NounModifier(c, k - 1) || lw.ends_with("ing") || c.Lower(k + 1) == "by") continue;
    if (c.InQuote(w[k].start)) return false;
    // The speaker: every word from the line start to the cue, no break.
    for (size_t j = first; j < k; ++j)
      if (!c.SpaceGap(j) && !c.AbbrevGapAfter(j)) return false;
    const uint32_t cue_end = CueEnd(c, k);
    const size_t after = c.WordAtOrAfter(cue_end, k);
    if (after + 1 >= last || !c.SpaceGap(after - 1)) return false;
    uint32_t end = p.end;
    const std::string_view t = c.text();
    while (end > w[after].start && (t[end - 1] == ' ' || t[end - 1] == '\n' || t[end - 1] == '\r' || t[end - 1] == '.'))
      --end;
    Quote& q = out->quote;
    q.kind = QuoteKind::kIndirect;
    q.start = w[after].start;
    q.end = end;
    q.cue = std::string(t.substr(w[k].start, cue_end - w[k].start));
    q.cue_start = w[k].start;
    q.cue_end = cue_end;
    out->subject.kind = MentionKind::kName;
    out->subject.start = w[first].start;
    out->subject.end = w[k - 1].end;
    return true;
  }
  return false;
}

}  // namespace

namespace {

// True if text[a, b) holds only spaces and the bytes of an opening quote
// mark (" ' ` “ ‘ „ «): what lies between a content's start and the
// quotation that opens it.
bool OnlyOpeningMark(std::string_view text, uint32_t a, uint32_t b) {
  if (b < a || b - a > 4) return false;
  bool mark = false;
  for (uint32_t i = a; i < b; ++i) {
    const unsigned char ch = text[i];
    if (ch == ' ') continue;
    if (ch != '"' && ch != '\'' && ch != '`' && ch != 0xE2 && ch != 0x80 && ch != 0x9C && ch != 0x98 &&
        ch != 0x9E && ch != 0xC2 && ch != 0xAB)
      return false;
    mark = true;
  }
  return mark;
}

// `"A big truck" plowed through the barriers, he said`: a quotation with
// no cue of its own that opens an indirect content and whose words run on
// after its closing mark (no comma or sentence end inside it) is the
// opening of a mixed direct quotation — the content is the whole clause,
// quoted and paraphrased, spoken with the indirect content's cue. The
// quotation on its own goes. `found` is sorted by start.
[[gnu::noinline]] void MergeMixedQuotations(std::string_view text, std::vector<Found>* found) {
  std::vector<Found>& f = *found;
  std::vector<char> drop;
  for (size_t i = 0; i < f.size(); ++i) {
    const Quote& d = f[i].quote;
    if (d.kind != QuoteKind::kDirect || !f[i].continues || d.end <= d.start) continue;
    const unsigned char last = text[d.end - 1];
    if (last == ',' || last == '.' || last == '?' || last == '!' || last == ';' || last == ':') continue;
    for (size_t j = i; j-- > 0 && f[j].quote.start + 4 >= d.start;) {
      Quote& g = f[j].quote;
      if (g.kind != QuoteKind::kIndirect || g.end <= d.end + 1 || !OnlyOpeningMark(text, g.start, d.start))
        continue;
      g.kind = QuoteKind::kDirect;
      drop.resize(f.size(), 0);
      drop[i] = 1;
      break;
    }
  }
  if (drop.empty()) return;
  size_t n = 0;
  for (size_t i = 0; i < f.size(); ++i)
    if (!drop[i]) {
      if (n != i) f[n] = std::move(f[i]);  // a self-move would empty the strings
      ++n;
    }
  f.resize(n);
}

// `“We’re extremely happy” about the decision, said RoseAnn DeMoro`, `"The
// politics are just so blatant" in the legislature, he said`: a direct
// quotation whose words stop without punctuation and whose sentence runs
// on after the closing mark (a lower-case word that is no reporting verb
// and no pronoun opening "he said") is a mixed quotation: the content is
// the whole clause, quoted and paraphrased, to the clause end (before a
// second attribution, see ContentClauseEnd). Runs after
// MergeMixedQuotations, which has already joined the quotations that open
// an indirect content.
[[gnu::noinline]] void ExtendMixedQuotations(const QuoteContext& c, std::vector<Found>* found) {
  const std::string_view t = c.text();
  const auto& w = c.words();
  for (Found& f : *found) {
    Quote& d = f.quote;
    if (d.kind != QuoteKind::kDirect || f.close_end == 0 || f.close_end + 2 >= t.size()) continue;
    uint32_t e = d.end;
    while (e > d.start && (t[e - 1] == ' ' || t[e - 1] == '\n')) --e;
    if (e <= d.start) continue;
    const unsigned char last = t[e - 1];
    // Punctuation, or a nested quotation's closing mark (’” ”), ends the words.
    if (last == ',' || last == '.' || last == '?' || last == '!' || last == ';' || last == ':' || last == '\'' ||
        last == '"' || last == 0x99 || last == 0x9D)
      continue;
    if (t[f.close_end] != ' ') continue;
    const size_t k = c.WordAtOrAfter(f.close_end);
    if (k >= w.size() || w[k].start != f.close_end + 1 || !w[k].has(kWordLower)) continue;
    const std::string_view lk = c.Lower(k);
    if (IsSubjectPronoun(lk) || Eq(lk, "you") || Eq(lk, "according") || CueFlags(lk) != 0) continue;
    uint32_t s0 = 0, e0 = 0;
    if (!ContentToSentenceEnd(c, w[k].start, &s0, &e0)) continue;
    // The quotation's own cue after it (`… in the legislature, he said`,
    // `…, Republican candidate Ben Carson said`): the clause ends before
    // its speaker and its verb.
    if (d.cue_end > d.cue_start && d.cue_start > f.close_end) {
      uint32_t b = d.cue_start;
      if (f.subject.found() && f.subject.start > f.close_end && f.subject.start < b) b = f.subject.start;
      // `…, Republican candidate Ben Carson said`: the speaker's title words
      // after the clause's last comma go with the speaker.
      const size_t comma = t.substr(f.close_end, b - f.close_end).rfind(',');
      if (comma != std::string_view::npos) b = f.close_end + static_cast<uint32_t>(comma);
      while (b > f.close_end && (t[b - 1] == ' ' || t[b - 1] == ',' || t[b - 1] == '\n')) --b;
      e0 = std::min(e0, b);
    }
    if (e0 <= f.close_end + 2) continue;
    d.end = e0;
  }
}

// True if the cue starting at `cue_start` has a relative pronoun for its
// subject, at most three auxiliaries or adverbs between ("those who
// ordered", "which has endorsed", "who had publicly pledged"): its clause
// describes a noun, so it sits inside the sentence's noun phrase, not in a
// clause of its own.
bool RelativeClauseCue(std::string_view text, uint32_t cue_start) {
  size_t i = cue_start;
  for (int words = 0; words < 4; ++words) {
    while (i > 0 && text[i - 1] == ' ') --i;
    const size_t e = i;
    while (i > 0 && ((text[i - 1] | 0x20) >= 'a' && (text[i - 1] | 0x20) <= 'z')) --i;
    if (i == e || e - i > 10) return false;
    char low[10];
    for (size_t j = i; j < e; ++j) low[j - i] = static_cast<char>(text[j] | 0x20);
    const std::string_view w(low, e - i);
    if (Eq(w, "who") || Eq(w, "which") || Eq(w, "that")) return true;
    static constexpr std::string_view kBetween[] = {"has", "have", "had", "also", "not", "never", "would", "will",
                                                    "could", "can", "may", "might", "should", "did", "does", "do",
                                                    "publicly", "repeatedly", "recently", "previously", "once"};
    bool aux = false;
    for (std::string_view x : kBetween) aux = aux || w == x;
    if (!aux || i == 0 || text[i - 1] != ' ') return false;
  }
  return false;
}

// `Clinton said Trump wants to build a wall`: indirect speech whose cue
// and content lie inside the content after another attribution's cue is
// part of what that speaker reported, not an attribution of its own (as a
// quotation inside a quotation is the speaker's; PolNeAR annotates about
// one in six of these). A content before its cue (`Trump called for a
// ban, aides said`) is the sentence's own clause with a source tag: what
// it holds keeps its attributions, and so does a cue after a comma in the
// outer content (`After a talk about taxes, she said …`: the outer content
// may have run on past its clause) unless the cue's subject is a relative
// pronoun (`to ensure that soldiers who committed these crimes, along with
// those who ordered the execution of these acts, are held accountable`:
// a relative clause stays inside its noun phrase). Its fragments go with it.
// Sets Found::nested; `found` is sorted by start. Linear, with a short
// scan back where the furthest-reaching content is not the holder.
[[gnu::noinline]] void MarkNestedSpeech(std::string_view text, std::vector<Found>* found) {
  std::vector<Found>& f = *found;
  const auto holds = [&](const Quote& o, const Quote& q, uint32_t lo, uint32_t need) {
    return o.kind != QuoteKind::kFragment && o.start <= lo && o.end >= need &&
           o.end - o.start > q.end - q.start && o.cue_end <= q.cue_start &&
           (o.cue_start != q.cue_start || o.cue_end != q.cue_end) && q.cue_start - o.start <= kNestedReach &&
           (text.substr(o.start, q.cue_start - o.start).find(',') == std::string_view::npos ||
            RelativeClauseCue(text, q.cue_start));
  };
  // The content reaching furthest among those opened before entry i (found
  // is sorted by start); if it does not hold the speech, a short scan back.
  size_t widest = SIZE_MAX;
  bool any = false;
  for (size_t i = 0; i < f.size(); ++i) {
    const Quote& q = f[i].quote;
    if (q.kind == QuoteKind::kIndirect && q.cue_end > q.cue_start && widest != SIZE_MAX &&
        f[widest].quote.end > q.cue_start) {
      const uint32_t lo = std::min(q.start, q.cue_start);
      const uint32_t need = std::max(q.end, q.cue_start + 1);
      bool in = holds(f[widest].quote, q, lo, need);
      for (size_t j = i, steps = 0; !in && j-- > 0 && steps < 64; ++steps)
        in = holds(f[j].quote, q, lo, need);
      f[i].nested = in;
      any = any || in;
    }
    if (q.kind != QuoteKind::kFragment && (widest == SIZE_MAX || f[widest].quote.end < q.end)) widest = i;
  }
  if (!any) return;
  // The nested speech's fragments (same cue) go with it.
  std::vector<std::pair<uint32_t, uint32_t>> cues;
  for (const Found& g : f)
    if (g.nested) cues.emplace_back(g.quote.cue_start, g.quote.cue_end);
  std::sort(cues.begin(), cues.end());
  for (Found& g : f)
    if (g.quote.kind == QuoteKind::kFragment &&
        std::binary_search(cues.begin(), cues.end(), std::make_pair(g.quote.cue_start, g.quote.cue_end)))
      g.nested = true;
}

}  // namespace

void ExtractQuotes(AnnotatedDoc* doc) {
  doc->quotes.clear();
  const std::string_view text = doc->doc.text;
  if (text.empty() || text.size() >= UINT32_MAX) return;
  QuoteContext c(text, doc->layout.paragraphs);
  AttachRoles(c, doc->mentions, &doc->entities);
  SpeakerResolver resolver(c, *doc);
  const auto& w = c.words();

  std::vector<Found> found;
  // Cue starts taken by quotations: one bit per byte of the text (a hash
  // set's node per cue cost more than the whole bitmap).
  std::vector<uint64_t> used_bits(text.size() / 64 + 1, 0);
  const auto used = [&used_bits](uint32_t pos) { return (used_bits[pos >> 6] >> (pos & 63)) & 1; };
  const auto use = [&used_bits](uint32_t pos) { used_bits[pos >> 6] |= uint64_t{1} << (pos & 63); };

  // Direct quotations and fragments, in text order.
  for (const QuoteSpan& q : c.spans()) {
    if (q.depth != 0) continue;  // a quotation inside a quotation is the speaker's, not a new one
    const SpanClass cls = Classify(c, q);
    if (cls == SpanClass::kSkip) continue;
    Found f;
    f.quote.kind = cls == SpanClass::kDirect ? QuoteKind::kDirect : QuoteKind::kFragment;
    f.quote.start = q.start;
    f.quote.end = q.end;
    if (q.closed) f.close_end = q.close_end;
    const uint8_t need = cls == SpanClass::kDirect ? kCueDirect : (kCueDirect | kCueThat | kCueTo | kCueBare | kCueNoun);
    const size_t window = cls == SpanClass::kDirect ? kCueWindowBefore : 30;
    Cue cue;
    // `Clinton said, “I do take responsibility.” She followed that by
    // saying …`: a finished sentence introduced by a comma or a colon takes
    // the cue before it; the verb after it belongs to the next sentence.
    if (EndsWithPeriod(c, q) && IntroducedByPunct(c, q)) cue = CueBefore(c, q, need, window);
    if (!cue.found() || cue.colon) {
      const Cue after = CueAfter(c, q, need);
      if (after.found() || !cue.colon) cue = after;
    }
    if (!cue.found() && !cue.colon) cue = CueBefore(c, q, need, window);
    f.para = c.ParagraphOf(q.open_start);
    f.end_para = c.ParagraphOf(q.close_end > 0 ? q.close_end - 1 : 0);
    if (cue.colon && cls == SpanClass::kDirect) {
      f.subject = cue.subject;
      found.push_back(std::move(f));
      continue;
    }
    if (cls == SpanClass::kFragment && !cue.found()) continue;  // scare quotes, not speech
    if (cue.found()) {
      f.quote.cue = std::string(text.substr(cue.start, cue.end - cue.start));
      f.quote.cue_start = cue.start;
      f.quote.cue_end = cue.end;
      f.subject = cue.subject;
      // A fragment's cue still introduces the clause around it ("said the
      // effort was “more radical” than …"): indirect speech may use it.
      if (cls == SpanClass::kDirect) use(cue.start);
    } else {
      f.continues = true;  // resolved below against the previous attribution
    }
    found.push_back(std::move(f));
  }

  // Indirect speech: cues outside quotations not already used.
  for (size_t k = 0; k < w.size(); ++k) {
    const Word& wd = w[k];
    const bool cap = wd.has(kWordCap);
    if (!wd.has(kWordLower) && !cap) continue;
    const uint32_t len = wd.end - wd.start;
    // "To Sharp, …", "But to others, …": see ToFrameAt.
    if (len == 2 && text[wd.start + 1] == 'o' &&
        (text[wd.start] == 'T' || (text[wd.start] == 't' && k > 0 && w[k - 1].has(kWordCap)))) {
      Found f;
      if (!c.InQuote(wd.start) && ToFrameAt(c, k, &f)) {
        f.para = c.ParagraphOf(f.quote.start);
        f.end_para = c.ParagraphOf(f.quote.end > 0 ? f.quote.end - 1 : 0);
        found.push_back(std::move(f));
      }
      continue;
    }
    if (len < 3 || len > 13) continue;
    // Capitalised words are cues only as "According" and "Asked", and as a
    // participle opening its sentence ("Noting that …, Trump said"): test
    // the letters before looking the word up.
    if (cap && len >= 6 && text[wd.end - 1] == 'g' && text[wd.end - 2] == 'n' && text[wd.end - 3] == 'i' &&
        c.Lower(k) != "according") {
      Found f;
      if (!used(wd.start) && !c.InQuote(wd.start) && ParticipleOpenerAt(c, k, &f)) {
        f.para = c.ParagraphOf(f.quote.start);
        f.end_para = c.ParagraphOf(f.quote.end > 0 ? f.quote.end - 1 : 0);
        use(wd.start);
        found.push_back(std::move(f));
      }
      continue;
    }
    // "In an ABC News/Washington Post Poll released Sunday, …": a
    // capitalised "Poll" or "Survey" goes on to the poll check below.
    if (cap && (text[wd.start] != 'A' || (len != 5 && len != 9)) && !(text[wd.start] == 'P' && len == 4) &&
        !(text[wd.start] == 'S' && len == 6))
      continue;
    const std::string_view lw = c.Lower(k);
    // Poll findings ("In the latest Post-ABC poll, Clinton led …"): checked
    // here rather than in a pass of their own, which cost 5% of the stage.
    if (len >= 4 && len <= 7 && (lw[0] == 'p' || lw[0] == 's') &&
        (Eq(lw, "poll") || Eq(lw, "polls") || Eq(lw, "survey") || Eq(lw, "surveys"))) {
      Found f;
      if (k > 0 && !c.InQuote(wd.start) && PollAt(c, k, &f)) {
        f.para = c.ParagraphOf(f.quote.start);
        f.end_para = c.ParagraphOf(f.quote.end > 0 ? f.quote.end - 1 : 0);
        found.push_back(std::move(f));
      }
      continue;
    }
    const bool according = lw.size() == 9 && Eq(lw, "according");
    const uint8_t flags = cap || according ? 0 : CueFlags(lw);
    if (!cap && !according && !flags) {
      // "ruled that …", "confident that …": see ThatClauseAt.
      const std::string_view nx = k + 1 < w.size() ? c.Lower(k + 1) : std::string_view();
      if (((nx.size() == 4 && nx[0] == 't' && Eq(nx, "that")) ||
           (nx.size() == 7 && nx[0] == 'w' && Eq(nx, "whether"))) &&
          !c.InQuote(wd.start)) {
        Found f;
        if (ThatClauseAt(c, k, &f)) {
          f.para = c.ParagraphOf(f.quote.start);
          f.end_para = c.ParagraphOf(f.quote.end > 0 ? f.quote.end - 1 : 0);
          found.push_back(std::move(f));
        }
      }
      continue;
    }
    if (cap && !according && !Eq(lw, "asked")) continue;
    if (used(wd.start) || c.InQuote(wd.start)) continue;
    Found f;
    if (IndirectAt(c, k, &f)) {
      CutAtClauseComma(c, k, &f.quote);
      CutAtSecondPredicate(c, k, flags, &f.quote);
      f.para = c.ParagraphOf(f.quote.start);
      f.end_para = c.ParagraphOf(f.quote.end > 0 ? f.quote.end - 1 : 0);
      use(wd.start);
      found.push_back(std::move(f));
    }
  }

  // "Elizabeth Warren: Trump Is a Failure in Business." / "Q: How did it
  // go?": a paragraph opening with a short name and a colon attributes the
  // rest of the paragraph (headlines, interview transcripts).
  size_t pw = 0;  // the paragraph's first word (paragraphs run in text order)
  for (const Paragraph& p : c.paragraphs()) {
    // A forward walk over the words: linear over the article, where a
    // search from the last answer (48 steps, then a binary search) cost 3%
    // of the stage on Reuters' many short paragraphs.
    while (pw < w.size() && w[pw].start < p.start) ++pw;
    Found f;
    if (ColonParagraph(c, p, pw, &f) || HeadlineCue(c, p, pw, &f)) {
      f.para = c.ParagraphOf(f.quote.start);
      f.end_para = f.para;
      found.push_back(std::move(f));
    }
  }

  // `Sanders insists Clinton is mounting a “phony attack.”`: a fragment
  // whose cue stands before it in its sentence, with no indirect speech
  // around it (the cue takes no bare clause, or the rules missed it),
  // reports the clause from the cue's next word to the sentence end.
  {
    // Indirect contents by start, with the largest end so far: "is the
    // fragment inside one?" is a binary search (no quadratic pass over
    // articles with thousands of quote marks).
    std::vector<std::pair<uint32_t, uint32_t>> spans;  // (start, max end up to here)
    bool any = false;  // a fragment with a cue: most articles have none and skip the pass
    for (const Found& g : found) any = any || (g.quote.kind == QuoteKind::kFragment && g.quote.cue_end > g.quote.cue_start);
    if (any)
      for (const Found& g : found)
        if (g.quote.kind == QuoteKind::kIndirect) spans.emplace_back(g.quote.start, g.quote.end);
    std::sort(spans.begin(), spans.end());
    for (size_t i = 1; i < spans.size(); ++i) spans[i].second = std::max(spans[i].second, spans[i - 1].second);
    std::vector<Found> added;
    for (const Found& f : found) {
      if (!any) break;
      const Quote& fq = f.quote;
      if (fq.kind != QuoteKind::kFragment || fq.cue_end <= fq.cue_start || fq.cue_end > fq.start) continue;
      if (c.SentenceStart(fq.start) > fq.cue_start) continue;
      auto it = std::upper_bound(spans.begin(), spans.end(), std::make_pair(fq.start, UINT32_MAX));
      if (it != spans.begin() && std::prev(it)->second >= fq.end) continue;  // inside indirect speech
      const size_t from = c.WordAtOrAfter(fq.cue_end);
      if (from >= w.size()) continue;
      Found g = f;
      g.quote.kind = QuoteKind::kIndirect;
      if (!ContentToSentenceEnd(c, w[from].start, &g.quote.start, &g.quote.end)) continue;
      // A sentence end inside the fragment (`“phony attack.”`) ends the
      // content with the fragment.
      if (g.quote.end < fq.start) continue;
      g.quote.end = std::max(g.quote.end, fq.end);
      g.para = c.ParagraphOf(g.quote.start);
      g.end_para = c.ParagraphOf(g.quote.end > 0 ? g.quote.end - 1 : 0);
      added.push_back(std::move(g));
    }
    for (Found& g : added) found.push_back(std::move(g));
  }

  // Speakers, then continuation of the previous direct speaker.
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.quote.start < b.quote.start; });
  MergeMixedQuotations(text, &found);
  ExtendMixedQuotations(c, &found);
  // A quotation with no cue continues the speaker of the attribution just
  // before it (a direct quotation, or indirect speech that introduces it),
  // if that ended in the same or the previous paragraph.
  const Found* last = nullptr;
  for (Found& f : found) {
    if (f.subject.found()) f.quote.speaker = resolver.Resolve(f.subject);
    if (f.quote.kind == QuoteKind::kFragment) continue;
    if (f.continues && last && last->quote.speaker && f.para <= last->end_para + kContinueParagraphs)
      f.quote.speaker = last->quote.speaker;
    // A stance verb's object ("criticized the plan") introduces no
    // quotation: the speaker carried on is that of speech.
    bool speech = true;
    if (f.quote.kind == QuoteKind::kIndirect && f.quote.cue_end > f.quote.cue_start) {
      std::string lc = AsciiLower(text.substr(f.quote.cue_start, f.quote.cue_end - f.quote.cue_start));
      lc = lc.substr(0, lc.find(' '));
      const uint8_t cf = CueFlags(lc);
      // A passive's agent ("reported by the Times") speaks no quotation.
      speech = (!(cf & kCueNoun) || (cf & kCueDirect)) && !f.quote.cue.ends_with(" by");
    }
    if (f.quote.speaker && speech) last = &f;
  }
  MarkNestedSpeech(text, &found);
  doc->quotes.reserve(found.size());
  for (Found& f : found)
    if (!f.nested) doc->quotes.push_back(std::move(f.quote));
}

namespace {

class QuoteStage : public Stage {
 public:
  std::string_view name() const override { return "quotes"; }
  void Run(AnnotatedDoc* doc) const override { ExtractQuotes(doc); }
};

}  // namespace

std::unique_ptr<Stage> NewQuoteStage() { return std::make_unique<QuoteStage>(); }

}  // namespace annals
