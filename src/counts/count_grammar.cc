// The sentence-level count grammar. Four patterns, tried around every trigger
// word of a sentence:
//   predicate     SUBJECT [aux] [fillers] TRIGGER   "150 people ... were murdered",
//                                                   "45 dead", "three people died"
//   active        TRIGGER [qualifier] OBJECT        "killing at least 12", "arrested a man"
//   noun          NUMBER [modifiers] NOUN           "12 deaths", "no injuries"
//   toll          [death] toll ... NUMBER           "the death toll rose to 45"
// A SUBJECT/OBJECT is a counted noun phrase: a cardinal or vague quantity
// with a person noun ("150 innocent people", "dozens", "one of the victims"),
// "a/an ... person" (1), "both" (2), "no one"/"nobody" (0), or a sum of those
// joined by "and"/"," ("three children and two adults" = 5). Phrases after
// "including"/"among" are parts of the figure before them, never added to it.
// Modals and infinitives ("could kill", "threatened to kill") and negated
// verbs ("was not hurt") give no count.
#include "counts/count_grammar.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "counts/count_lexicon.h"

namespace annals {

namespace {

// A month's abbreviation as news writes it, lower case, without its period
// ("nov", "sept").
bool IsMonthAbbreviation(std::string_view w) {
  static constexpr std::string_view kAbbreviations[] = {"jan", "feb", "mar", "apr", "jun", "jul",
                                                        "aug", "sep", "sept", "oct", "nov", "dec"};
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  for (std::string_view m : kAbbreviations)
    if (w == m) return true;
  return false;
}

// A month's name, lower case ("july").
bool IsMonthName(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december"};
  for (std::string_view m : kMonths)
    if (w == m) return true;
  return false;
}

// A day's name, lower case: "left four people wounded Saturday morning"
// names no object.
bool IsDayName(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                               "friday", "saturday", "sunday", "today",
                                               "tonight", "yesterday"};
  for (std::string_view d : kDays)
    if (w == d) return true;
  return false;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of a UTF-8 general punctuation character (U+2000..U+206F: curly
// quotes, dashes) or of « » at `s[i]`, else 0.
size_t PunctCharLen(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80)
    return 3;
  if (c == 0xC2 && i + 1 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) == 0xAB || static_cast<unsigned char>(s[i + 1]) == 0xBB))
    return 2;
  return 0;
}

bool IsWordStart(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return IsAsciiAlnum(c);
  return PunctCharLen(s, i) == 0;
}

bool IsJoiner(std::string_view t) {
  return t == "-" || t == "," || t == "." || t == "'" || t == "\xE2\x80\x99";
}

// Lower-cases ASCII, maps ’ to ', and trims leading/trailing curly
// punctuation (a coarse tokenizer leaves “It as one token).
void FinishUnit(std::string_view text, CountUnit* u) {
  while (u->start < u->end) {
    const size_t n = PunctCharLen(text, u->start);
    if (n == 0 || u->start + n >= u->end) break;
    u->start += static_cast<uint32_t>(n);
  }
  while (u->end > u->start + 3) {
    const size_t n = PunctCharLen(text, u->end - 3);
    if (n != 3) break;
    u->end -= 3;
  }
  u->lower.clear();
  const std::string_view s = text.substr(u->start, u->end - u->start);
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      u->lower.push_back('\'');
      i += 2;
    } else {
      u->lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
    }
  }
  u->word = !s.empty() && IsWordStart(s, 0);
  u->capitalized = !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

// ---- Noun phrases with a figure ----

// "other", "further", "additional", "more": a quantity besides those counted.
bool IsBesides(std::string_view w) {
  return w == "other" || w == "further" || w == "additional" || w == "more";
}

// The value of an ordinal word ("second" 2, "8th" 8), else 0.
int OrdinalValue(std::string_view w) {
  static constexpr std::string_view kWords[] = {"first", "second", "third", "fourth", "fifth",
                                                "sixth", "seventh", "eighth", "ninth", "tenth"};
  for (int k = 0; k < 10; ++k)
    if (w == kWords[k]) return k + 1;
  if (w.size() >= 3 && w.size() <= 4 && w[0] >= '0' && w[0] <= '9' &&
      (w.ends_with("th") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("st"))) {
    int v = 0;
    for (size_t k = 0; k + 2 < w.size(); ++k) {
      if (w[k] < '0' || w[k] > '9') return 0;
      v = v * 10 + (w[k] - '0');
    }
    return v;
  }
  return 0;
}


// A title before a name ("Officer Matthew Gerald", "Sgt. Ann Reyes").
bool IsTitle(std::string_view w) {
  static constexpr std::string_view kTitles[] = {
      "officer", "deputy", "sgt.", "sgt", "sergeant", "cpl.", "cpl", "corporal", "trooper",
      "det.", "detective", "lt.", "lieutenant", "capt.", "captain", "mr.", "mrs.", "ms.",
      "dr.", "pfc.", "agent", "constable"};
  for (auto t : kTitles)
    if (w == t) return true;
  return false;
}

struct Figure {
  int begin = -1;            // first unit (the qualifier if any)
  int number_begin = -1;     // first unit of the number itself
  int number_end = -1;       // past the number
  int head_end = -1;         // past the counted noun (== number_end when none)
  int64_t value = 0;
  CountQualifier qualifier = CountQualifier::kExact;
  bool definite = false;     // "the three victims", "one of the victims", "he"
  bool zero = false;         // "no one", "nobody", "no injuries"
  bool singular = false;     // "a man", "he": 1 without a numeral
  bool name = false;         // a person's name ("Lena Rose"): one definite person
  bool besides = false;      // "no one else", "no other": none besides those counted
  int ordinal = 0;           // "a third man": the 3rd victim of a figure given elsewhere; -1: "another man"
  std::optional<CountType> noun_type;  // head is a trigger noun ("deaths")
};

class SentenceGrammar {
 public:
  SentenceGrammar(std::string_view text, const std::vector<CountUnit>& u, uint32_t sentence,
                  std::vector<CountCandidate>* out)
      : text_(text), u_(u), n_(static_cast<int>(u.size())), sentence_(sentence), out_(out) {}

  void Run();

 private:
  std::string_view W(int i) const { return i >= 0 && i < n_ ? std::string_view(u_[i].lower) : ""; }
  bool IsPunct(int i) const { return i >= 0 && i < n_ && !u_[i].word; }
  bool IsHardBoundary(int i) const {
    if (i < 0 || i >= n_) return true;
    if (!u_[i].word) {
      const std::string_view w = W(i);
      return w != "," && w != "-" && w != "'" && w != "--";  // "Four people -- including a child -- were"
    }
    return IsClauseBoundary(W(i));
  }

  // A cardinal, "a dozen", or a vague quantity starting at i.
  bool ParseNumber(int i, int64_t* value, int* end, bool* vague) const;
  // Counted-noun check after a number ending at k: sets head_end.
  bool ValidateHead(int k, Figure* f) const;
  // The counted phrase starting at unit i, if any.
  std::optional<Figure> FigureAt(int i) const;
  // Qualifier words just before unit i: sets f->qualifier and f->begin.
  void QualifierBefore(int i, Figure* f) const;
  // Ranges "between 20 and 30", "20 to 30", "two or three": lower bound.
  void ApplyRange(Figure* f) const;

  // Units taken by an age at i: 1 for "23-year-old", 3 for "17 year old", else 0.
  int AgeSpan(int i) const {
    const std::string_view w = W(i);
    if (w.ends_with("-year-old") || w.ends_with("-month-old") || w.ends_with("-week-old"))
      return 1;
    if (ParseCardinalWord(w) && (W(i + 1) == "year" || W(i + 1) == "month") && W(i + 2) == "old")
      return 3;
    return 0;
  }
  // True if the number at unit b ends an age range after "ages"/"aged":
  // "ages 12 and 16", "between the ages of 12 to 16", "aged 15, 17 and 19".
  bool EndsAgeRange(int b) const {
    for (int k = b - 1; k >= 0 && k >= b - 8; --k) {
      const std::string_view w = W(k);
      if (w == "ages" || w == "aged") return true;
      if (!(ParseCardinalWord(w) || w == "and" || w == "to" || w == "-" || w == "," || w == "between" ||
            w == "of" || w == "the"))
        return false;
    }
    return false;
  }
  std::optional<Trigger> TriggerAt(int i) const;
  // Singular person nouns without an article joined by "," and closed by
  // "and" after a noun ending at k: "(a man), woman and 6-year-old boy".
  // Returns how many, and the unit past the last in *end; 0 if no such list.
  int BareNounsAfter(int k, int* end) const {
    int count = 0;
    for (int guard = 0; guard < 6; ++guard) {
      const std::string_view c = W(k);
      if (c != "," && c != "and") break;
      int j = k + 1;
      if (W(j).ends_with("-year-old") && IsSingularPersonNoun(W(j + 1))) ++j;
      if (!IsSingularPersonNoun(W(j)) || IsPersonNoun(W(j + 1))) break;
      ++count;
      k = j + 1;
      if (c == "and") {
        *end = k;
        return count;
      }
    }
    return 0;  // not closed by "and": "a man, father of three," is apposition
  }
  // True if units [i, n) tell the killer's suicide: "then killed himself",
  // "before turning the gun on herself", "took his own life".
  bool SuicideAfter(int i) const {
    for (int j = std::max(i, 1); j < n_; ++j) {
      const std::string_view w = W(j), p = W(j - 1);
      if ((w == "himself" || w == "herself") &&
          (p == "killed" || p == "killing" || p == "on" || (p == "and" && (W(j - 2) == "wife" ||
                                                                          W(j - 2) == "husband"))))
        return true;
      if (w == "life" && p == "own" && (W(j - 3) == "took" || W(j - 3) == "taking")) return true;
    }
    return false;
  }
  // A gapped second clause sharing the verb: "a woman was shot in the leg and a girl
  // in the shoulder". Returns the unit ending the added figure (f grows), or -1.
  int GappedAfter(int t, Figure* f) const {
    // The first clause's prepositional phrase: "in the leg", "on Sunday".
    int j = t + 1;
    if (!IsPreposition(W(j))) return -1;
    for (int k = 0; k < 5 && j < n_ && W(j) != "and"; ++k, ++j)
      if (!u_[j].word || IsAuxiliary(W(j))) return -1;
    if (W(j) != "and") return -1;
    auto g = FigureAt(j + 1);
    if (!g || g->zero || g->definite != f->definite || g->name) return -1;
    // The second clause has no verb of its own: a preposition and a short
    // phrase running to the end of the sentence or of a list.
    const int h = g->head_end;
    if (!IsPreposition(W(h)) || W(h) == "of") return -1;
    int e = h + 1;
    for (int k = 0; k < 5 && e < n_ && u_[e].word; ++k, ++e)
      if (IsAuxiliary(W(e)) || W(e) == "and" || TriggerAt(e)) return -1;
    if (e < n_ && W(e) != "." && W(e) != "," && W(e) != ";") return -1;
    f->value += g->value;
    f->singular = false;
    return e - 1;
  }
  void DeathOf(int t);
  // A photo gallery's counter scraped with a caption: "Image 10 of 10 Girl,
  // 4, died", "Photo 2 of / 44 Child shot": neither number counts anyone.
  bool GalleryCounter(int i) const {
    auto gallery = [&](int k) {
      const std::string_view g = W(k);
      return g == "image" || g == "photo" || g == "slide" || g == "picture" || g == "video";
    };
    auto digits = [&](int k) {
      const std::string_view d = W(k);
      return !d.empty() && d[0] >= '0' && d[0] <= '9' && ParseCardinalWord(d).has_value();
    };
    if (!digits(i)) return false;
    if (gallery(i - 1) && W(i + 1) == "of") return true;
    int k = i - 1;
    if (W(k) == "/") --k;
    return W(k) == "of" && digits(k - 1) && gallery(k - 2);
  }
  // "Eight have been hurt or killed", "killed or wounded": one figure of
  // both kinds together, neither the dead nor the wounded. True if the
  // trigger at t is joined by "or" to another of killing or wounding.
  bool EitherOrTrigger(int t) const {
    auto harm = [&](int k) {
      auto tr = LookupTrigger(W(k));
      return tr && (tr->type == CountType::kKill || tr->type == CountType::kWound);
    };
    return (W(t + 1) == "or" && harm(t + 2)) || (W(t - 1) == "or" && harm(t - 2));
  }
  // A participle right after a person told hurt, in a phrase the main
  // verb of which tells a death: "a juvenile injured in a shooting Monday
  // has died", "two men wounded in the attack have died".
  static bool HurtParticiple(std::string_view w) {
    return w == "shot" || w == "injured" || w == "wounded" || w == "hurt";
  }
  bool DeathVerbAfter(int t) const {
    for (int j = t + 1; j < n_ && j <= t + 10; ++j) {
      if (IsHardBoundary(j) || W(j) == "and" || W(j) == "but" || W(j) == "who" || W(j) == "which") return false;
      if (W(j) == "shooting" || W(j) == "shootings") continue;  // "in a shooting Monday"
      auto tr = LookupTrigger(W(j));
      if (!tr) continue;
      if (tr->type != CountType::kKill) return false;
      const std::string_view p = W(j - 1);
      return (W(j) == "died" || W(j) == "dies" || W(j) == "dead" || W(j) == "killed") &&
             (IsAuxiliary(p) || p == "has" || p == "have" || p == "later" || p == "since" ||
              W(j) == "died" || W(j) == "dies");
    }
    return false;
  }
  // "another man was wounded", "a teen is dead and another is injured",
  // "another 5-year-old was hurt": one more victim of the same incident,
  // not another incident ("another shooting").
  // "dared another to shoot", "moved to another city": an "another" inside
  // the sentence that names no incident or person (the marker stands at the
  // sentence's start, "Another man was shot", or before an incident noun,
  // "in another shooting").
  bool AnotherOfNoIncident(int i) const {
    if (W(i) != "another" || i == 0 || !u_[i - 1].word) return false;
    for (int k = i + 1; k <= i + 3 && k < n_; ++k) {
      const std::string_view x = W(k);
      if (x == "shooting" || x == "shootings" || x == "incident" || x == "attack" || x == "case" ||
          x == "homicide" || x == "killing" || x == "stabbing" || x == "robbery" || x == "crash" ||
          x == "slaying" || x == "murder" || x == "standoff" || x == "fight" || IsPersonNoun(x) ||
          AgeSpan(k) > 0 || LookupTrigger(x))
        return false;
    }
    return true;
  }
  bool AnotherVictim(int i) const {
    if (W(i) != "another") return false;
    // Only after a figure of the same sentence: a sentence opening with
    // "Another man was shot dead" is mostly the next story of a round-up.
    bool figure_before = false;
    for (int k = 0; k < i && !figure_before; ++k)
      if (u_[k].word && LookupTrigger(W(k))) figure_before = true;
    // "Another girl, 17, was also shot": "also" ties the sentence to the
    // incident told before.
    if (!figure_before && i == 0) {
      for (int k = i + 1; k < n_ && k <= i + 8 && !figure_before; ++k) {
        if (W(k) != "also") continue;
        for (int j = k + 1; j <= k + 2 && j < n_; ++j)
          if (auto tr = LookupTrigger(W(j)); tr && (tr->type == CountType::kWound || tr->type == CountType::kKill))
            figure_before = true;
      }
    }
    if (!figure_before) return false;
    const std::string_view nx = W(i + 1);
    if (auto tr = LookupTrigger(nx); tr && (tr->forms & kTrigPredicate)) return true;
    // "wounding four men and killing another": the object of a verb.
    if (auto tr = LookupTrigger(W(i - 1)); tr && (tr->forms & kTrigActive)) return true;
    if (IsAuxiliary(nx) || AgeSpan(i + 1) > 0 || nx == "victim" || nx == "person") return true;
    if (IsSingularPersonNoun(nx)) return true;
    // "another 16-year-old boy", "another teenage boy"
    return i + 2 < n_ && u_[i + 1].word && IsSingularPersonNoun(W(i + 2)) && !LookupTrigger(nx);
  }
  // "Barfield was killed at the barbershop, along with two other men": the
  // people "along with" the subject share its fate. Returns the unit ending
  // the added figure (f grows), or -1.
  int AlongWithAfter(int t, Figure* f) const {
    for (int j = t + 1; j < n_ && j <= t + 8; ++j) {
      if (IsHardBoundary(j) || IsAuxiliary(W(j)) || W(j) == "who" || W(j) == "which") return -1;
      if (W(j) != "along" || W(j + 1) != "with") continue;
      auto g = FigureAt(j + 2);
      if (!g || g->zero || g->name || (g->noun_type && !IsPersonNoun(W(g->head_end - 1)))) return -1;
      // The phrase must end the clause: "along with four others who survived" is no victim.
      const std::string_view after = W(g->head_end);
      if (g->head_end < n_ && after != "." && after != "," && after != ";") return -1;
      if (after == "," && (W(g->head_end + 1) == "who" || W(g->head_end + 1) == "which")) return -1;
      f->value += g->value;
      f->singular = false;
      return g->head_end - 1;
    }
    return -1;
  }
  // The killer's own death told in the sentence: "then shot himself",
  // "killed herself", "turned the gun on himself", "took his own life", "a
  // murder-suicide". Returns [first, last] units of the evidence, or false.
  bool SuicideSpan(int* first, int* last) const {
    for (int j = 1; j < n_; ++j) {
      const std::string_view w = W(j), p = W(j - 1);
      if (w == "murder-suicide" || (w == "suicide" && p == "murder")) {
        *first = w == "suicide" ? j - 1 : j;
        *last = j;
        return true;
      }
      if (w == "life" && p == "own" && (W(j - 3) == "took" || W(j - 3) == "taking")) {
        *first = j - 3;
        *last = j;
        return true;
      }
      if (w != "himself" && w != "herself") continue;
      bool found = false;
      if (p == "killed" || p == "killing") found = true;
      // "turned the gun on himself"
      if (p == "on" && (W(j - 2) == "gun" || W(j - 2) == "weapon" || W(j - 2) == "rifle")) found = true;
      // "then shot himself", "before shooting himself", "fatally shot herself";
      // a bare "shot himself" may be a wound.
      if ((p == "shot" || p == "shooting") &&
          (W(j - 2) == "fatally" || W(j - 2) == "then" || W(j - 2) == "before" || W(j - 3) == "then" ||
           W(j - 3) == "before"))
        found = true;
      if (found) {
        *first = j - 1;
        *last = j;
        return true;
      }
    }
    return false;
  }
  // "if a victim has died", "whether anyone was hurt": not a report.
  bool Hedged(int t) const {
    for (int j = 0; j < t; ++j) {
      if (W(j) != "if" && W(j) != "whether") continue;
      // "investigating whether a shooting that left two people dead was
      // gang-related": a relative clause tells the figure as a fact.
      bool fact = false;
      for (int k = j + 1; k + 1 < t; ++k)
        if ((W(k) == "that" || W(k) == "which") &&
            (W(k + 1) == "left" || W(k + 1) == "killed" || W(k + 1) == "wounded" ||
             W(k + 1) == "injured" || W(k + 1) == "claimed"))
          fact = true;
      if (!fact) return true;
    }
    return false;
  }
  void Predicate(int t, Trigger tr);
  // "four people suffered minor injuries", "were treated for gunshot
  // wounds", "found a man with a gunshot wound": the injury noun at t told
  // of a subject by a verb before it. True if the phrase was read (a figure
  // may or may not have come of it).
  bool InjuryNoun(int t);
  // "two are in critical condition", "the child was listed in serious
  // condition": people alive in hospital, a wound figure resolved like
  // "shot" (it gives way to the dead told of them). True if read.
  bool ConditionAt(int t);
  // "A 10-year-old boy found a weapon Friday and accidentally shot himself":
  // the one person the sentence opens with, wounded by his own shot (not
  // the killer's "then shot himself": see SuicideSpan()).
  void ShotSelf(int t);
  // "with injuries" at unit w: the people right before it ("found two men
  // with gunshot wounds"), else the subject opening the sentence ("He was
  // taken to a hospital with injuries").
  void WithInjuries(int w, int t);
  // "The shooting sent five people to the hospital": the people sent are hurt.
  bool SentToHospital(int t);
  void Active(int t, Trigger tr);
  void Noun(int t, Trigger tr);
  void Toll(int t);
  void Emit(CountType type, const Figure& f, int first, int last_trigger, bool summed, int tail_end);
  // Sums figures joined by "and"/"," before f (moving f->begin); true if any.
  bool SumBackward(Figure* f, bool across_commas = true) const;
  bool SumForward(Figure* f) const;

  std::string_view text_;
  const std::vector<CountUnit>& u_;
  int n_;
  uint32_t sentence_;
  std::vector<CountCandidate>* out_;
  bool new_incident_ = false;
  bool shot_ = false;  // the trigger being tried is "shot"
};

bool SentenceGrammar::ParseNumber(int i, int64_t* value, int* end, bool* vague) const {
  if (i < 0 || i >= n_ || !u_[i].word) return false;
  const std::string_view w = W(i);
  *vague = false;
  if (w == "a" || w == "an") {
    if (W(i + 1) == "dozen") {
      *value = 12;
      *end = i + 2;
      return true;
    }
    if (auto s = ScaleWord(W(i + 1)); s && *s <= 1000) {
      *value = *s;
      *end = i + 2;
      return true;
    }
    return false;
  }
  if (w == "tens" && W(i + 1) == "of" && W(i + 2) == "thousands") {
    *value = 20000;
    *end = i + 3;
    *vague = true;
    return true;
  }
  if (auto v = VagueQuantity(w)) {
    *value = *v;
    *end = i + 1;
    *vague = true;
    return true;
  }
  std::optional<int64_t> v = ParseCardinalWord(w);
  int k = i + 1;
  if (!v) {
    // "1.5 million"
    const size_t dot = w.find('.');
    if (dot == std::string_view::npos || dot == 0 || !ScaleWord(W(i + 1))) return false;
    auto whole = ParseCardinalWord(w.substr(0, dot));
    auto frac = w.substr(dot + 1);
    if (!whole || frac.empty() || frac.size() > 3) return false;
    int64_t f = 0, div = 1;
    for (char c : frac) {
      if (c < '0' || c > '9') return false;
      f = f * 10 + (c - '0');
      div *= 10;
    }
    const int64_t scale = *ScaleWord(W(i + 1));
    *value = *whole * scale + f * scale / div;
    *end = i + 2;
    return true;
  }
  int64_t val = *v;
  // "twenty five", "two dozen", "one hundred and fifty", "3 million".
  if (val >= 20 && val <= 90 && val % 10 == 0) {
    if (auto u = ParseCardinalWord(W(k)); u && *u >= 1 && *u <= 9 && !u_[k].lower.empty() &&
                                          !(W(k)[0] >= '0' && W(k)[0] <= '9')) {
      val += *u;
      ++k;
    }
  }
  if (W(k) == "dozen") {
    val *= 12;
    ++k;
  }
  while (auto s = ScaleWord(W(k))) {
    if (val >= *s || val > 1000000) break;
    val *= *s;
    ++k;
    if (W(k) == "and") {
      if (auto r = ParseCardinalWord(W(k + 1)); r && *r < 100) {
        val += *r;
        k += 2;
      }
    }
  }
  *value = val;
  *end = k;
  return true;
}

bool IsDeterminerOrPronounAfterOf(std::string_view w) {
  return w == "the" || w == "those" || w == "these" || w == "his" || w == "her" || w == "their" ||
         w == "its" || w == "our";
}

bool SentenceGrammar::ValidateHead(int k, Figure* f) const {
  f->head_end = k;
  if (k >= n_) return true;
  const std::string_view w = W(k);
  if (w == "of") {
    const std::string_view nx = W(k + 1);
    // "two of those victims": read like "two of the victims" below.
    const bool those_noun = nx == "those" && (IsPersonNoun(W(k + 2)) || IsPersonNoun(W(k + 3)));
    if (!those_noun && (nx == "them" || nx == "whom" || nx == "those" || nx == "us")) {
      f->head_end = k + 2;
      f->definite = true;
      if (nx == "those") return false;
      return true;
    }
    int j = k + 1;
    if (IsDeterminerOrPronounAfterOf(nx)) {
      ++j;
      f->definite = true;  // "one of the victims": part of a figure given elsewhere
    }
    // "one of the three victims": the inner figure is the whole, skip it.
    int64_t v;
    int e;
    bool vague;
    if (ParseNumber(j, &v, &e, &vague)) j = e;
    for (int m = 0; m < 4 && j < n_; ++m, ++j) {
      if (!u_[j].word) return false;
      if (IsPersonNoun(W(j))) {
        while (j + 1 < n_ && IsPersonNoun(W(j + 1))) ++j;
        f->head_end = j + 1;
        if (auto tr = LookupTrigger(W(j)); tr && (tr->forms & kTrigNoun)) f->noun_type = tr->type;
        return true;
      }
    }
    return false;
  }
  if (!u_[k].word) return w == "," || w == ")" || w == "-" || w == "(" || w == ";" || w == ".";
  // "three more hurt", "two more were arrested": more people besides.
  // "... and injured three more." / "three more during the spree": the
  // phrase ends there.
  if (w == "others" || (w == "more" && f->number_end == k && !IsPersonNoun(W(k + 1)) &&
                        W(k + 1) != "than" && (IsAuxiliary(W(k + 1)) || LookupTrigger(W(k + 1)) ||
                                               IsVerbComplexFiller(W(k + 1)) || k + 1 >= n_ ||
                                               W(k + 1) == "." || W(k + 1) == "," ||
                                               (IsPreposition(W(k + 1)) && W(k + 1) != "of")))) {
    f->head_end = k + 1;
    return true;
  }
  if (IsAuxiliary(w) || w == "who" || w == "that" || w == "have" || w == "had" || IsModal(w))
    return true;
  if (auto tr = LookupTrigger(w)) {
    if ((tr->forms & kTrigNoun) && w != "dead") {
      f->head_end = k + 1;
      f->noun_type = tr->type;
      if (IsPersonNoun(w)) {
        int j = k;
        while (j + 1 < n_ && IsPersonNoun(W(j + 1))) ++j;
        f->head_end = j + 1;
      }
    }
    return true;
  }
  for (int j = k, m = 0; m < 5 && j < n_; ++m, ++j) {
    if (!u_[j].word && W(j) != "-") return false;
    const std::string_view wj = W(j);
    if (IsPersonNoun(wj)) {
      while (j + 1 < n_ && IsPersonNoun(W(j + 1))) ++j;
      f->head_end = j + 1;
      if (auto tr = LookupTrigger(W(j)); tr && (tr->forms & kTrigNoun)) f->noun_type = tr->type;
      return true;
    }
    if (auto tr = LookupTrigger(wj); tr && (tr->forms & kTrigNoun)) {
      f->head_end = j + 1;
      f->noun_type = tr->type;
      return true;
    }
    if (IsAuxiliary(wj) || IsClauseBoundary(wj) || IsPreposition(wj) || wj == "and" ||
        wj == "with" || wj == "for" || wj == "to" || wj == "his" || wj == "her" ||
        wj == "their" || wj == "the" || wj == "a" || wj == "or" || ParseCardinalWord(wj))
      return false;
  }
  return false;
}

void SentenceGrammar::QualifierBefore(int i, Figure* f) const {
  f->begin = i;
  const std::string_view p1 = W(i - 1), p2 = W(i - 2), p3 = W(i - 3);
  if ((p2 == "at" && p1 == "least") || (p2 == "more" && p1 == "than") ||
      (p2 == "upwards" && p1 == "of") || (p2 == "no" && p1 == "fewer") ||
      (p2 == "no" && p1 == "less")) {
    f->qualifier = CountQualifier::kAtLeast;
    f->begin = i - 2;
  } else if ((p2 == "up" && p1 == "to") || (p2 == "at" && p1 == "most") ||
             (p2 == "fewer" && p1 == "than") || (p2 == "less" && p1 == "than")) {
    f->qualifier = CountQualifier::kAtMost;
    f->begin = i - 2;
  } else if (p3 == "as" && p2 == "many" && p1 == "as") {
    f->qualifier = CountQualifier::kAtMost;
    f->begin = i - 3;
  } else if (p1 == "over") {
    f->qualifier = CountQualifier::kAtLeast;
    f->begin = i - 1;
  } else if (p1 == "nearly" || p1 == "almost" || p1 == "about" || p1 == "around" ||
             p1 == "approximately" || p1 == "roughly" || p1 == "some" || p1 == "estimated" ||
             p1 == "approx" || p1 == "circa") {
    f->qualifier = CountQualifier::kApproximate;
    f->begin = i - 1;
    if (p1 == "estimated" && (p2 == "an" || p2 == "some")) f->begin = i - 2;
  }
}

void SentenceGrammar::ApplyRange(Figure* f) const {
  const int i = f->number_begin;
  const std::string_view p1 = W(i - 1);
  if (p1 != "and" && p1 != "to" && p1 != "or" && p1 != "-") return;
  int64_t lo;
  int e;
  bool vague;
  // The lower bound must be a bare number right before the connective.
  for (int s = i - 2; s >= i - 3 && s >= 0; --s) {
    if (!ParseNumber(s, &lo, &e, &vague) || e != i - 1) continue;
    if (p1 == "and" && W(s - 1) != "between") return;  // a sum, not a range
    f->value = lo;
    f->number_begin = s;
    f->qualifier = p1 == "or" ? CountQualifier::kApproximate : CountQualifier::kAtLeast;
    f->begin = p1 == "and" ? s - 1 : s;
    return;
  }
}

std::optional<Figure> SentenceGrammar::FigureAt(int i) const {
  if (i < 0 || i >= n_ || !u_[i].word) return std::nullopt;
  if (GalleryCounter(i)) return std::nullopt;
  const std::string_view w = W(i);
  // "a 50 shot drum", "a 30 round magazine": a numeral after an article
  // names a thing's size, not people.
  if ((W(i - 1) == "a" || W(i - 1) == "an") && !w.empty() && w[0] >= '0' && w[0] <= '9' &&
      AgeSpan(i) == 0)
    return std::nullopt;
  Figure f;
  f.begin = f.number_begin = i;
  // Zero: "no one", "nobody", "none (of them)", "no [other] people".
  if ((w == "nobody" || w == "none" || (w == "no" && (W(i + 1) == "one" || W(i + 1) == "body"))) &&
      W(i + (w == "no" ? 2 : 1)) != "else") {
    f.zero = true;
    f.number_end = w == "no" ? i + 2 : i + 1;
    f.head_end = f.number_end;
    if (w == "none") {
      Figure g;
      if (W(f.number_end) == "of" && ValidateHead(f.number_end, &g)) f.head_end = g.head_end;
    }
    return f;
  }
  // "no one else was hurt", "nobody else", "no other people": none besides
  // those counted. A definite zero: it gives way to any figure of the
  // incident, and stands only where none is told ("A man was shot and
  // killed. No one else was injured." → no one wounded).
  if ((w == "no" && W(i + 1) == "one" && W(i + 2) == "else") ||
      ((w == "nobody" || w == "none") && W(i + 1) == "else")) {
    f.zero = true;
    f.definite = true;
    f.besides = true;
    f.number_end = f.head_end = w == "no" ? i + 3 : i + 2;
    return f;
  }
  if (w == "no") {
    if (IsBesides(W(i + 1))) {
      if (IsPersonNoun(W(i + 2))) {  // "no other people were hurt"
        f.zero = true;
        f.definite = true;
        f.besides = true;
        f.number_end = i + 1;
        f.head_end = i + 3;
        return f;
      }
      return std::nullopt;
    }
    for (int j = i + 1; j < i + 4 && j < n_; ++j) {
      if (!u_[j].word) break;
      if (IsPersonNoun(W(j))) {
        f.zero = true;
        f.number_end = i + 1;
        f.head_end = j + 1;
        return f;
      }
      if (auto tr = LookupTrigger(W(j)); tr && (tr->forms & kTrigNoun)) {
        f.zero = true;
        f.number_end = i + 1;
        f.head_end = j + 1;
        f.noun_type = tr->type;
        return f;
      }
    }
    return std::nullopt;
  }
  // "another man", "another 16-year-old", "and another is injured": one
  // more person besides those counted.
  if (w == "another" && AnotherVictim(i)) {
    f.value = 1;
    f.singular = true;
    f.besides = true;
    f.ordinal = -1;
    f.number_end = f.head_end = i + 1;
    if (AgeSpan(i + 1) > 0) f.head_end = i + 1 + AgeSpan(i + 1);
    for (int j = f.head_end; j < i + 4 && j < n_ && IsPersonNoun(W(j)); ++j) f.head_end = j + 1;
    if (f.head_end == i + 1 && u_[i + 1].word && IsSingularPersonNoun(W(i + 2))) f.head_end = i + 3;
    return f;
  }
  if (w == "both") {
    f.value = 2;
    f.number_end = i + 1;
    f.definite = true;
    if (!ValidateHead(i + 1, &f)) f.head_end = i + 1;
    return f;
  }
  // "a man", "an 18-year-old woman", "a dozen": the article as one.
  if (w == "a" || w == "an") {
    int64_t v;
    int e;
    bool vague;
    if (ParseNumber(i, &v, &e, &vague)) {
      f.value = v;
      f.number_end = e;
      if (!ValidateHead(e, &f)) return std::nullopt;
      return f;
    }
    const std::string_view nx = W(i + 1);
    const bool ordinal = nx == "second" || nx == "third" || nx == "fourth" || nx == "fifth" ||
                         nx == "sixth" || nx == "seventh" || nx == "eighth" || nx == "ninth" ||
                         nx == "tenth" || nx == "further" || nx == "another" ||
                         (!nx.empty() && nx[0] >= '0' && nx[0] <= '9' &&
                          (nx.ends_with("th") || nx.ends_with("nd") || nx.ends_with("rd") ||
                           nx.ends_with("st")));
    // "three people were killed and a fourth was wounded": one more person
    // ("... are dead and a fourth wounded").
    if (ordinal && nx != "further" && nx != "another" &&
        (IsAuxiliary(W(i + 2)) || (W(i - 1) == "and" && LookupTrigger(W(i + 2))))) {
      f.value = 1;
      f.singular = true;
      f.definite = true;
      f.ordinal = OrdinalValue(nx);
      f.number_end = f.head_end = i + 2;
      return f;
    }
    // "a 16-year-old died": the age stands for the person.
    // "shot a 13-year-old in the leg", "a 16-year-old from Chicago was shot".
    if ((nx.ends_with("-year-old") || nx.ends_with("-month-old")) && !IsPersonNoun(W(i + 2)) &&
        (i + 2 >= n_ || IsAuxiliary(W(i + 2)) || LookupTrigger(W(i + 2)) || W(i + 2) == "," ||
         W(i + 2) == "who" || W(i + 2) == "." || (IsPreposition(W(i + 2)) && W(i + 2) != "of") ||
         W(i + 2) == "suffered" || W(i + 2) == "sustained" || W(i + 2) == "received")) {
      f.value = 1;
      f.singular = true;
      f.number_end = i + 1;
      f.head_end = i + 2;
      return f;
    }
    // "killing a 19-year-old Pablo Villeda": an age before a first and last
    // name (not "a 19-year-old Chicago man").
    if ((nx.ends_with("-year-old") || nx.ends_with("-month-old")) && i + 2 < n_ && u_[i + 2].word &&
        u_[i + 2].capitalized && !IsPersonNoun(W(i + 2)) && !IsDayName(W(i + 2)) &&
        !IsMonthName(W(i + 2)) && !IsTitle(W(i + 2))) {
      int k = i + 2;
      while (k < n_ && k < i + 5 && u_[k].word && u_[k].capitalized) ++k;
      if (k - (i + 2) >= 2 && !IsPersonNoun(W(k)) && (k >= n_ || !u_[k].capitalized)) {
        f.value = 1;
        f.singular = true;
        f.number_end = i + 1;
        f.head_end = k;
        return f;
      }
    }
    for (int j = i + 1; j < i + 7 && j < n_; ++j) {
      if (!u_[j].word && W(j) != "-") break;
      // "a young couple": two people ("a couple of" is a vague quantity).
      if (W(j) == "couple" && W(j + 1) != "of" && !ordinal) {
        f.value = 2;
        f.number_end = i + 1;
        f.head_end = j + 1;
        return f;
      }
      if (IsSingularPersonNoun(W(j))) {
        // "a male teenager", "a teen girl", "a security guard": the head is
        // the last of the person nouns.
        while (j + 1 < n_ && j + 1 < i + 7 && IsSingularPersonNoun(W(j + 1))) ++j;
        f.value = 1;
        f.singular = true;
        f.definite = ordinal;  // "a second man": one more of a figure given elsewhere
        if (ordinal) f.ordinal = OrdinalValue(nx);
        f.number_end = i + 1;
        f.head_end = j + 1;
        // "a man and woman", "a man, woman and 6-year-old boy": nouns sharing
        // the article, each one person.
        if (!ordinal) {
          int end = j + 1;
          const int more = BareNounsAfter(j + 1, &end);
          if (more > 0) {
            f.value += more;
            f.singular = false;
            f.head_end = end;
          }
        }
        return f;
      }
      if (IsAuxiliary(W(j)) || IsPreposition(W(j)) || W(j) == "and") break;
    }
    return std::nullopt;
  }
  // "the man", "the victim": a definite singular (a restatement, usually).
  if (w == "the" || w == "his" || w == "her" || w == "their") {
    for (int j = i + 1; j < i + 5 && j < n_; ++j) {
      if (!u_[j].word && W(j) != "-") break;
      if (const int age = AgeSpan(j); age > 0) {  // "the 17 year old male"
        // "the 4-year-old was taken to a hospital": the age is the person.
        const std::string_view after = W(j + age);
        if (!IsPersonNoun(after) && (IsAuxiliary(after) || LookupTrigger(after) || after == "who")) {
          f.value = 1;
          f.singular = true;
          f.definite = true;
          f.number_end = i + 1;
          f.head_end = j + age;
          return f;
        }
        j += age - 1;
        continue;
      }
      if (IsSingularPersonNoun(W(j)) && !IsPersonNoun(W(j + 1))) {
        f.value = 1;
        f.singular = true;
        f.definite = true;
        f.number_end = i + 1;
        f.head_end = j + 1;
        // "the man and woman": two people under one article.
        if (W(j + 1) == "and" && IsSingularPersonNoun(W(j + 2)) && !IsPersonNoun(W(j + 3))) {
          f.value = 2;
          f.singular = false;
          f.head_end = j + 3;
        }
        return f;
      }
      if (ParseCardinalWord(W(j)) || IsAuxiliary(W(j)) || IsPreposition(W(j))) break;
    }
    return std::nullopt;
  }
  // "slaying of 7-year-old", "a 7-year-old shot": an age standing for a person.
  if (AgeSpan(i) == 1 && !(i > 0 && (W(i - 1) == "a" || W(i - 1) == "an" || W(i - 1) == "the"))) {
    const std::string_view nx = W(i + 1);
    if (IsSingularPersonNoun(nx) || IsAuxiliary(nx) || LookupTrigger(nx) || nx == "," ||
        nx == "who" || i + 1 >= n_) {
      f.value = 1;
      f.singular = true;
      f.definite = true;
      f.number_end = i + 1;
      f.head_end = IsSingularPersonNoun(nx) ? i + 2 : i + 1;
      return f;
    }
    // "the shooting death of 16-year-old Kenyon Givens": the age before a name.
    if (i + 1 < n_ && u_[i + 1].capitalized && u_[i + 1].word && !LookupTrigger(nx) &&
        !IsAuxiliary(nx) && !IsClauseBoundary(nx) && !IsPreposition(nx)) {
      if (auto g = FigureAt(i + 1); g && g->name) {
        g->begin = g->number_begin = i;
        return g;
      }
    }
  }
  if (w == "he" || w == "she") {
    f.value = 1;
    f.singular = true;
    f.definite = true;
    f.number_end = f.head_end = i + 1;
    return f;
  }
  // A name: "Johnson was pronounced dead", "Damon Sochko, 16, of Morgantown,
  // died". One person, mentioned by name: a definite singular.
  if (u_[i].capitalized && !LookupTrigger(w) && !IsPersonNoun(w) && !IsAuxiliary(w) &&
      !ParseCardinalWord(w) && !VagueQuantity(w) && w != "tens" && w != "a" && w != "an" &&
      !ParseCardinalWord(W(i + 1)) &&
      !IsPreposition(w) && !IsClauseBoundary(w) &&
      (i == 0 || !u_[i - 1].capitalized || IsTitle(W(i - 1)) || IsPersonNoun(W(i - 1)) ||
       W(i - 1) == "both") &&
      // "a man from East Hill", "in Baku": a place, not a person.
      W(i - 1) != "from" && W(i - 1) != "in" && W(i - 1) != "at" && W(i - 1) != "near" &&
      // "inside the Honda": people's names take no article.
      W(i - 1) != "the") {
    static constexpr std::string_view kNotNames[] = {
        "the", "a", "an", "this", "that", "it", "they", "he", "she", "we", "i", "you",
        "authorities", "officials", "investigators", "detectives", "deputies", "there",
        "one", "two", "both", "no", "all", "some", "many", "several", "police", "his", "her",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "today", "yesterday", "tonight"};
    for (auto nn : kNotNames)
      if (w == nn) return std::nullopt;
    int j = i + 1;
    while (j < n_ && j < i + 3 && u_[j].capitalized && u_[j].word && !LookupTrigger(W(j)) &&
           !IsAuxiliary(W(j)))
      ++j;
    f.value = 1;
    f.singular = true;
    f.definite = true;
    f.name = true;
    f.number_end = f.head_end = j;
    return f;
  }
  int64_t v;
  int e;
  bool vague;
  if (!ParseNumber(i, &v, &e, &vague)) return std::nullopt;
  if (W(i - 1) == "no") return std::nullopt;  // "no one": see above
  // Ages: "ages 19 to 24", "aged 17", "a boy younger than 12", "under 18".
  {
    const std::string_view p1 = W(i - 1), p2 = W(i - 2);
    if (p1 == "ages" || p1 == "aged" || p1 == "age" ||
        (p1 == "than" && (p2 == "younger" || p2 == "older")))
      return std::nullopt;
  }
  // Ages and dates in apposition: "Wil Lewis, 12, was", "Jan. 27, 2015,".
  if (W(e) == "," && (W(i - 1) == "," || W(i - 1) == "(" || (i > 0 && u_[i - 1].capitalized)))
    return std::nullopt;
  if (W(e) == "," && ParseCardinalWord(W(e + 1))) return std::nullopt;
  // The age closing a name's apposition: "... and Tobiasz Cudnik, 32 were".
  if (W(i - 1) == "," && i >= 2 && u_[i - 2].capitalized && v < 120 && !vague &&
      (IsAuxiliary(W(e)) || LookupTrigger(W(e))))
    return std::nullopt;
  // "a father of three": not a figure of victims.
  if (W(i - 1) == "of" && W(i - 2) != "total" && !ParseCardinalWord(W(i - 2))) return std::nullopt;
  // A bare year ("in 1990") is not a figure unless people follow it.
  const bool year_like = w.size() == 4 && v >= 1800 && v <= 2100 && w.find(',') == std::string_view::npos;
  f.value = v;
  f.number_end = e;
  if (vague) f.qualifier = CountQualifier::kApproximate;
  if (vague && W(e) != "of" && !IsAuxiliary(W(e)) && !LookupTrigger(W(e)) && !IsPersonNoun(W(e)))
    return std::nullopt;
  {
    // "six year old", "3 days": ages and durations, not people.
    const std::string_view nx = W(e);
    if (nx == "year" || nx == "years" || nx == "month" || nx == "months" || nx == "week" ||
        nx == "weeks" || nx == "day" || nx == "days" || nx == "hour" || nx == "hours" ||
        nx == "minute" || nx == "minutes" || nx == "times" || nx == "shots" || nx == "rounds" ||
        // "wounded at about 10 p.m. Police said": a time of day.
        nx == "a.m." || nx == "p.m." || nx == "a.m" || nx == "p.m" || nx == "am" || nx == "pm" ||
        nx == "o'clock")
      return std::nullopt;
  }
  if (!ValidateHead(e, &f)) return std::nullopt;
  if (year_like && !(f.head_end == e + 1 && IsPersonNoun(W(e)))) return std::nullopt;
  // "51 Boy killed" (a headline after a channel number): a singular noun
  // cannot be counted more than once.
  if (v != 1 && f.head_end > e && IsSingularPersonNoun(W(f.head_end - 1)) && W(e) != "of")
    return std::nullopt;
  // Money, percentages, times: "$150", "12%", "10 p.m."
  if (i > 0 && (W(i - 1) == "$" || W(i - 1) == "#" || W(i - 1) == "no.")) return std::nullopt;
  if (W(e) == "%" || W(e) == "percent") return std::nullopt;
  if (W(i - 1) == "the" || W(i - 1) == "those" || W(i - 1) == "these" || W(i - 1) == "all")
    f.definite = true;
  if (!vague) {
    CountQualifier q = f.qualifier;
    QualifierBefore(i, &f);
    if (f.qualifier == CountQualifier::kExact) f.qualifier = q;
  }
  ApplyRange(&f);
  return f;
}

std::optional<Trigger> SentenceGrammar::TriggerAt(int i) const {
  if (i < 0 || i >= n_ || !u_[i].word) return std::nullopt;
  const std::string_view w = W(i);
  const std::string_view p = W(i - 1);
  // "shooting to death his former girlfriend and two young men": the object.
  if (w == "death" && p == "to" &&
      (W(i - 2) == "shooting" || W(i - 2) == "stabbing" || W(i - 2) == "beating"))
    return Trigger{CountType::kKill, kTrigActive};
  if (w == "death" && p == "to" &&
      (W(i - 2) == "shot" || W(i - 2) == "beaten" || W(i - 2) == "stabbed" ||
       W(i - 2) == "burned" || W(i - 2) == "crushed" || W(i - 2) == "trampled"))
    return Trigger{CountType::kKill, kTrigPredicate};
  if ((p == "fatally" || p == "mortally") &&
      (w == "shot" || w == "stabbed" || w == "struck" || w == "beaten" || w == "gunned" ||
       w == "wounded" || w == "injured"))
    // "a gunman who fatally shot two people": the object died too.
    return Trigger{CountType::kKill,
                   static_cast<uint8_t>(kTrigPredicate | (w == "shot" || w == "stabbed" ? kTrigActive : 0))};
  // "..., fatally wounding two men": the participle's object died.
  if ((p == "fatally" || p == "mortally") &&
      (w == "wounding" || w == "injuring" || w == "shooting" || w == "stabbing"))
    return Trigger{CountType::kKill, kTrigActive};
  // "The bullet struck his 11-year-old son in the cheek", "the bullet
  // grazed a 2-year-old boy": a shot that hit.
  if (w == "struck" || w == "hit" || w == "grazed") {
    // The subject of the clause, up to "went through a wall and": a bullet.
    for (int k = i - 1; k >= 0 && k >= i - 8 && !IsHardBoundary(k); --k) {
      const std::string_view b = W(k);
      if (b == "bullet" || b == "bullets" || b == "round" || b == "rounds" || b == "gunfire" ||
          b == "pellets" || b == "shots" || (b == "shot" && k == i - 1))
        return Trigger{CountType::kWound, kTrigActive};
      if (LookupTrigger(b) || IsPersonNoun(b)) break;
    }
  }
  if (w == "grazed") return Trigger{CountType::kWound, kTrigPredicate};  // "a girl was grazed"
  // "hit by a stray bullet", "hit in the back by a bullet".
  int by = i + 1;
  if (W(by) == "in" || W(by) == "on")
    for (int k = i + 2; k <= i + 5 && k < n_ && u_[k].word; ++k)
      if (W(k) == "by") {
        by = k;
        break;
      }
  if ((w == "struck" || w == "hit") && W(by) == "by") {
    for (int k = by + 1; k < by + 8 && k < n_; ++k) {
      const std::string_view b = W(k);
      if (b == "bullet" || b == "bullets" || b == "gunfire" || b == "round" || b == "gunshot" ||
          b == "shotgun" || b == "shots" || b == "rounds")
        return Trigger{CountType::kWound, kTrigPredicate};
    }
    return std::nullopt;
  }
  if (w == "shot" && (W(i + 1) == "himself" || W(i + 1) == "herself"))
    return Trigger{CountType::kWound, kTrigPredicate};
  if (w == "shot") {
    // "shot dead", "shot and killed", "shot to death": the other word counts;
    // "shot at" missed, "shot himself" is left to the reader.
    const std::string_view nx = W(i + 1), nx2 = W(i + 2);
    // "was shot at a home", "shot at about 10 p.m.", "shot at least once":
    // hit at a place or time; "was shot at by police", "shot at, but
    // missed" is fired upon. Only in the passive: "he shot at a car".
    const bool passive = IsAuxiliary(p) || IsAuxiliary(W(i - 2));
    const bool hit_at =
        nx == "at" && passive &&
        (nx2 == "a" || nx2 == "an" || nx2 == "the" || nx2 == "his" || nx2 == "her" ||
         nx2 == "their" || nx2 == "least" || nx2 == "about" || nx2 == "around" ||
         nx2 == "approximately" || (!nx2.empty() && nx2[0] >= '0' && nx2[0] <= '9') ||
         (i + 2 < n_ && u_[i + 2].capitalized && u_[i + 2].word));
    if (hit_at) return LookupTrigger(w);
    if (nx == "dead" || nx == "at" || nx == "themselves" || nx == "down" || nx == "up" || nx == "through" ||
        nx == "out" || (nx == "to" && nx2 == "death") ||
        (nx == "and" && (LookupTrigger(nx2) || nx2 == "wounded" || nx2 == "killed")) ||
        false)
      return std::nullopt;
    if (p == "fatally" || p == "mortally") return Trigger{CountType::kKill, kTrigPredicate};
  }
  return LookupTrigger(w);
}

bool SentenceGrammar::SumBackward(Figure* f, bool across_commas) const {
  bool summed = false;
  bool saw_and = false;  // the list is closed by "and": "A, B and C"
  for (int guard = 0; guard < 8; ++guard) {
    // An age before a name belongs to it: "25-year-old Shelly Bird".
    if (f->name && AgeSpan(f->begin - 1) == 1) {
      --f->begin;
      if (W(f->begin - 1) == "a" || W(f->begin - 1) == "an" || W(f->begin - 1) == "the")
        --f->begin;
    }
    // A title before a name belongs to it, with the capitalized words of
    // its office: "Court Officer Ron Kienzle", "Cpl. Montrell Jackson".
    if (f->name && f->begin > 0 && u_[f->begin - 1].capitalized &&
        (IsTitle(W(f->begin - 1)) || IsPersonNoun(W(f->begin - 1)))) {
      --f->begin;
      for (int k = 0; k < 3 && f->begin > 0 && u_[f->begin - 1].capitalized && u_[f->begin - 1].word &&
                      !IsClauseBoundary(W(f->begin - 1)) && W(f->begin - 1) != "and";
           ++k)
        --f->begin;
      continue;
    }
    // A name in apposition to a role is one person: "his father Joe",
    // "her son, 17-year-old Javeer Arter".
    if (f->name) {
      const int role_end = W(f->begin - 1) == "," ? f->begin - 1 : f->begin;
      bool absorbed = false;
      for (int s = role_end - 1; s >= role_end - 4 && s >= 0; --s) {
        if (W(s) != "his" && W(s) != "her" && W(s) != "their" && W(s) != "the") continue;
        auto g = FigureAt(s);
        if (g && g->singular && g->definite && !g->name && g->head_end == role_end) {
          f->begin = g->begin;
          f->number_begin = g->number_begin;
          f->name = false;
          absorbed = true;
        }
        break;
      }
      if (absorbed) continue;
    }
    // A possessive before a numbered figure: "their two daughters".
    if (!f->name && f->number_begin == f->begin &&
        (W(f->begin - 1) == "their" || W(f->begin - 1) == "his" || W(f->begin - 1) == "her")) {
      --f->begin;
      f->definite = true;
    }
    const int c = f->begin - 1;
    if (W(c) != "and" && (W(c) != "," || !across_commas)) break;
    if (W(c - 1) == "including" || W(c - 1) == "among") break;
    // Where the item before the connector ends: before an Oxford comma
    // ("A, B, and C") and before an age in apposition ("Leroy Shaw, 15, and").
    int item_end = c;
    const bool oxford = W(c) == "and" && W(c - 1) == ",";
    if (oxford) item_end = c - 1;
    bool age_skipped = false;
    if (W(item_end - 2) == ",") {
      const auto age = ParseCardinalWord(W(item_end - 1));
      if (age && *age < 120 && (W(item_end) == "," || item_end != c)) {
        item_end -= 2;
        age_skipped = true;
      }
    }
    // A list of ages in apposition: "three men, ages 15, 18, and 22, and a woman".
    if (W(item_end) == ",") {
      int s = item_end - 1, steps = 0;
      while (s >= 0 && steps < 16 &&
             (ParseCardinalWord(W(s)) || W(s) == "," || W(s) == "and" || W(s) == "to")) {
        --s;
        ++steps;
      }
      if (steps > 0 && (W(s) == "ages" || W(s) == "aged") && W(s - 1) == ",") {
        item_end = s - 1;
        age_skipped = true;
      }
    }
    bool found = false;
    for (int s = item_end - 1; s >= item_end - 6 && s >= 0; --s) {
      if (IsHardBoundary(s)) break;
      auto g = FigureAt(s);
      if (!g || g->zero) continue;
      // "a 27-year-old man from Irvington and a 34-year-old man": a place
      // after an item's head still ends the item.
      if (g->head_end < item_end && item_end - g->head_end <= 5 &&
          (W(g->head_end) == "from" || W(g->head_end) == "of" || W(g->head_end) == "in")) {
        bool place = true;
        for (int j = g->head_end + 1; j < item_end; ++j)
          if (!u_[j].capitalized) place = false;
        if (place && g->head_end + 1 < item_end) g->head_end = item_end;
      }
      if (g->head_end != item_end) continue;
      // ", and" mostly joins clauses ("..., and the boy was taken into
      // custody"): a list only when its items carry ages or commas run on.
      if (oxford && !age_skipped && W(g->begin - 1) != ",") return summed;
      if (W(c) == "," && (g->definite || f->definite)) {
        // "The man, a father of three" and "the victim, John Smith" are one
        // person; "Lena Rose, Toshya Millhorn and ..." is a list of names.
        const bool name_list = g->name && f->name && (saw_and || item_end != c);
        // "a Virginia man, his wife and their two daughters": a list closed by
        // "and" is no apposition.
        if (!name_list && !saw_and) return summed;
      }
      // "Three others, two males and a female ..., were injured": a generic
      // figure before a comma is the total the list spells out.
      if (W(c) == "," && g->head_end > g->number_end) {
        const std::string_view head = W(g->head_end - 1);
        if (head == "people" || head == "persons" || head == "others" || head == "victims" ||
            head == "individuals")
          return summed;
      }
      if (W(s - 1) == "including" || W(s - 1) == "among") return summed;
      if (W(c) == "and") saw_and = true;
      f->value += g->value;
      f->begin = g->begin;
      f->number_begin = g->number_begin;
      f->definite = f->definite && g->definite;
      f->name = f->name && g->name;
      found = summed = true;
      break;
    }
    if (!found) break;
  }
  return summed;
}

bool SentenceGrammar::SumForward(Figure* f) const {
  bool summed = false;
  for (int guard = 0; guard < 8; ++guard) {
    const int c = f->head_end;
    if (W(c) != "and" && W(c) != ",") break;
    auto g = FigureAt(c + 1);
    // "injuring Leanne Smith and Dustin Grey": names are heads of their own;
    // but "his brother, Christopher" is one person named twice.
    if (!g || g->zero || (g->head_end == g->number_end && !g->singular)) break;
    if (W(c) == "," && g->definite) break;
    f->value += g->value;
    f->head_end = g->head_end;
    summed = true;
  }
  return summed;
}

// Victims as written: the words after the figure up to its head, plus an
// "including ..." apposition that follows it.
std::string VictimsText(std::string_view text, const std::vector<CountUnit>& u, int from, int to) {
  if (from < 0 || to <= from || to > static_cast<int>(u.size())) return "";
  return std::string(text.substr(u[from].start, u[to - 1].end - u[from].start));
}

void SentenceGrammar::Emit(CountType type, const Figure& f, int first, int last, bool summed,
                           int tail_end) {
  CountCandidate c;
  c.count.type = type;
  c.count.number = f.zero ? 0 : f.value;
  c.count.qualifier = f.zero ? CountQualifier::kExact : f.qualifier;
  c.count.start = u_[first].start;
  c.count.end = u_[last].end;
  c.count.sentence = sentence_;
  c.trigger_end = u_[last].end;
  c.definite = f.definite;
  c.new_incident = new_incident_;
  c.shot = shot_ && type == CountType::kWound;
  c.additional = f.zero && f.besides;
  if (!f.zero) {
    int vfrom = summed ? f.number_begin : (f.singular && !f.definite ? f.number_end : f.number_end);
    if (W(vfrom) == "of" && !summed) ++vfrom;
    int vto = f.head_end;
    // Apposition: "150 innocent people, including women, children, and the elderly, in Baku".
    if (W(vto) == "," && (W(vto + 1) == "including" || W(vto + 1) == "among")) {
      int j = vto + 2;
      while (j < tail_end) {
        if (W(j) == "," && (j + 1 >= tail_end || IsPreposition(W(j + 1)) || IsAuxiliary(W(j + 1)) ||
                            W(j + 1) == "who"))
          break;
        if (IsPreposition(W(j)) && W(j) != "of") break;
        ++j;
      }
      vto = j;
    }
    if (vto > vfrom) c.count.victims = VictimsText(text_, u_, vfrom, vto);
    c.ordinal = f.ordinal;
    if (f.name && f.value == 1 && f.head_end > f.number_begin) {
      c.name = VictimsText(text_, u_, f.number_begin, f.head_end);
      c.name_start = u_[f.number_begin].start;
      c.name_end = u_[f.head_end - 1].end;
    }
  }
  // "now", "rose to": an update of a figure given earlier.
  for (int j = std::max(0, first - 3); j < last; ++j)
    if (IsUpdateMarker(W(j))) c.supersedes = true;
  out_->push_back(std::move(c));
}

void SentenceGrammar::Predicate(int t, Trigger tr) {
  // Walk back over the verb complex: fillers, auxiliaries, negation, modals.
  int v = t;
  bool passive = false, have = false, negated = false, modal = false, fatal = false;
  while (v - 1 >= 0) {
    const std::string_view w = W(v - 1);
    if (w == "to" && W(v) == "death") {
      // "shot to death": part of the trigger, not an infinitive.
    } else if (w == "not" || w == "never" || (w.size() > 3 && w.ends_with("n't"))) {
      negated = true;
      if (w.size() > 3) passive = true;
    } else if (w == "have" || w == "has" || w == "had") {
      have = true;
    } else if (IsAuxiliary(w) ||
               // "got shot", "getting shot seven times": a passive with "get".
               ((w == "got" || w == "gets" || w == "getting" || w == "gotten") && v == t &&
                (tr.type == CountType::kWound || tr.type == CountType::kKill))) {
      passive = true;
    } else if (IsModal(w)) {
      modal = true;
    } else if (w == "and" && !(IsVerbComplexFiller(W(v - 2)) || LookupTrigger(W(v - 2)))) {
      break;  // "killing one person and injured": "and" joins verbs only
    } else if (w == "since" && (W(v - 2) == "have" || W(v - 2) == "has" || W(v - 2) == "had")) {
      // "have since been pronounced dead": an adverb, not a clause.
    } else if (w == "both" && (v - 1 == 0 || !u_[v - 2].word)) {
      break;  // "Both were injured": the subject, not "they were both injured"
    } else if ((IsVerbComplexFiller(w) || (w.size() > 4 && w.ends_with("ly"))) &&
               !IsPersonNoun(w)) {
      if (w == "fatally" || w == "mortally") fatal = true;
    } else {
      break;
    }
    --v;
  }
  (void)have;
  if (modal || Hedged(t)) return;
  const bool intransitive = (tr.forms & kTrigIntransitive) != 0;
  if (W(t) == "custody" && W(t - 1) != "into" && W(t - 1) != "in") return;
  if (!passive && !intransitive) {
    // "3 killed", "45 dead", "two people injured": the figure right before.
    // But "gunmen killed 3 people" is active: leave it to Active().
    if (tr.forms & kTrigActive) {
      auto obj = FigureAt(t + 1);
      const std::string_view nx = W(t + 1);
      // "killed at least 3", "shot at the car"; but "another wounded at the
      // property" is the participle of a place.
      const bool at_object = nx == "at" && (W(t + 2) == "least" || W(t) == "shot");
      if (obj || nx == "him" || nx == "her" || nx == "them" || at_object || nx == "more" ||
          nx == "his" || nx == "their" || nx == "the" || nx == "a" || nx == "an" ||
          nx == "themselves" || nx == "its" ||
          (t + 1 < n_ && u_[t + 1].capitalized && !IsDayName(W(t + 1)) && !IsMonthName(W(t + 1))))
        return;
    }
  }
  if (fatal && tr.type == CountType::kWound) tr.type = CountType::kKill;
  // "A man is in critical condition after being shot": the victim is the
  // subject of the main clause, before the conjunction.
  if (W(v) == "being" && (W(v - 1) == "after" || W(v - 1) == "before" || W(v - 1) == "while")) {
    for (int s0 = 0; s0 < v - 1 && s0 < 4; ++s0) {
      if (!u_[s0].word) continue;
      auto f = FigureAt(s0);
      if (!f || f->zero || f->definite || (f->noun_type && !IsPersonNoun(W(f->head_end - 1))))
        break;
      if (!IsAuxiliary(W(f->head_end)) && !LookupTrigger(W(f->head_end))) break;
      if (negated) return;
      Emit(tr.type, *f, f->begin, t, false, f->head_end);
      return;
    }
    return;
  }
  const bool adjacent_only = !passive && !intransitive;
  // "A juvenile injured in a shooting has died": the death is the figure.
  if (adjacent_only && tr.type == CountType::kWound && HurtParticiple(W(t)) && DeathVerbAfter(t)) return;
  // Find the subject: the nearest counted phrase before the verb complex.
  for (int s = v - 1; s >= 0 && s >= v - 40; --s) {
    if (IsHardBoundary(s)) return;
    // Another clause's verb ("was charged ... in which X was killed").
    // ("one of whom died": the relative's own subject.)
    if (s < v && (IsAuxiliary(W(s)) || W(s) == "which" || (W(s) == "whom" && W(s - 1) != "of"))) {
      // "A man who was shot on Sunday has died": a relative clause on the
      // subject, passed over to the person it describes.
      int r = s - 1;
      while (r >= 0 && r >= s - 3 && (IsAuxiliary(W(r)) || IsVerbComplexFiller(W(r)))) --r;
      // Only a clause that tells the injury and counts no one itself ("who
      // was among five people shot ..." holds its own figure).
      bool injury = false, figure = false;
      for (int j = r + 1; j < v; ++j) {
        if (!u_[j].word) continue;
        if (auto tr = LookupTrigger(W(j)); tr && (tr->type == CountType::kWound || tr->type == CountType::kKill))
          injury = true;
        if (ParseCardinalWord(W(j)) || W(j) == "among") figure = true;
      }
      if (IsAuxiliary(W(s)) && !negated && r > 0 && injury && !figure &&
          (W(r) == "who" || (W(r) == "that" && IsPersonNoun(W(r - 1))))) {
        s = r;
        continue;
      }
      return;
    }
    if (s < v - 1 && u_[s].word && !IsPersonNoun(W(s)) && W(s) != "shot" &&
        !(HurtParticiple(W(s)) && tr.type == CountType::kKill &&
          (IsPersonNoun(W(s - 1)) || AgeSpan(s - 1) > 0))) {
      if (auto other = TriggerAt(s); other && !(other->forms & kTrigNoun)) return;
    }
    auto f = FigureAt(s);
    if (!f) continue;
    // The last item of nouns sharing one article: "a man, woman and
    // 6-year-old boy were shot" is the list, not the boy.
    if (W(s - 1) == "and" || W(s - 1) == ",") {
      for (int b = s - 2; b >= 0 && b >= s - 8; --b) {
        if (IsHardBoundary(b)) break;
        if (W(b) != "a" && W(b) != "an") continue;
        auto whole = FigureAt(b);
        if (whole && whole->head_end == f->head_end && whole->value > 1) f = whole;
        break;
      }
    }
    if (f->noun_type && !IsPersonNoun(W(f->head_end - 1))) continue;  // "3 deaths were ..."
    // What lies between the phrase and the verb must be an attachment.
    const int tail = f->head_end;
    bool tail_ok = tail == v;
    if (!tail_ok && tail < v && !adjacent_only) {
      const std::string_view tw = W(tail);
      const bool bare = f->singular || f->zero;
      tail_ok = tw == "who" || tw == "that" ||
                (!bare && (tw == "," || tw == "--" || tw == "(" || tw == "including" ||
                           (IsPreposition(tw) && tw != "by")));
      // "a baby shot on Sunday morning has died": a short participle phrase.
      if (f->singular && !f->definite && v - tail <= 8 &&
          ((tw.ends_with("ed") && !IsAuxiliary(tw)) || tw == "shot" || tw == "hit" || tw == "hurt" ||
           (tw.size() > 4 && tw.ends_with("ing") && !LookupTrigger(tw) && tw != "including") ||
           tw == "younger" || tw == "older" ||
           (IsPreposition(tw) && tw != "by")))
        tail_ok = true;
      // "Two men wounded in the attack have died": people hurt, now dead.
      if (!bare && tr.type == CountType::kKill && f->head_end > f->number_end && v - tail <= 8 &&
          HurtParticiple(tw))
        tail_ok = true;
      // "Four men attending a birthday party at a Zelmer Street home were
      // injured": a participle phrase after a counted noun.
      if (!bare && f->head_end > f->number_end && v - tail <= 10 && tw.size() > 4 &&
          tw.ends_with("ing") && !LookupTrigger(tw) && tw != "including" && W(v - 1) != "who")
        tail_ok = true;
      // "Damon Sochko, 16, of Morgantown, died": a name with its apposition.
      if (f->definite && f->singular && tw == "," && W(v - 1) == "," && v - tail <= 8)
        tail_ok = true;
    }
    // A relative clause: the subject is the phrase right before "who".
    if (tail < v && (W(v - 1) == "who" || W(v - 1) == "that") && tail != v - 1) tail_ok = false;
    // A bare number needs its verb right after it ("45 were killed"), and
    // is no figure when it closes an age range ("four boys, ages 12 to 16,").
    if (f->head_end == f->number_end && !f->zero && !f->singular && tail != v) tail_ok = false;
    if (f->head_end == f->number_end && !f->zero && EndsAgeRange(f->begin)) tail_ok = false;
    // Nor when it is a day of the month: "shot March 18 died", "on Nov. 18 has died".
    if (f->head_end == f->number_end && !f->zero && f->begin > 0 &&
        (IsMonthName(W(f->begin - 1)) || IsMonthAbbreviation(W(f->begin - 1)) ||
         (W(f->begin - 1) == "." && IsMonthAbbreviation(W(f->begin - 2)))))
      tail_ok = false;
    // An active verb's subject is not a victim: "he killed his wife"; but
    // headlines drop the auxiliary: "a 16-year-old boy shot and killed".
    if (adjacent_only && f->definite && f->ordinal <= 0 && W(t + 1) != "himself" && W(t + 1) != "herself")
      tail_ok = false;
    if (!tail_ok) continue;
    // A list in apposition: "Six people, three men and three women, were":
    // the figure before the list is the total.
    if (W(tail) == ",") {
      Figure chain = *f;
      SumBackward(&chain, /*across_commas=*/false);
      bool apposition = false;
      for (int o = chain.begin - 2; !apposition && o >= 0 && o >= chain.begin - 7; --o) {
        if (W(chain.begin - 1) != ",") break;
        auto outer = FigureAt(o);
        apposition = outer && !outer->zero && outer->head_end == chain.begin - 1;
      }
      if (apposition) continue;
    }
    if ((W(s - 1) == "including" || W(s - 1) == "among" || W(s - 1) == "includes") &&
        W(v - 1) != "who")
      continue;
    // A later item of the list after "including": "Six people, including an
    // elderly woman and her 6-year-old granddaughter, were wounded" is six.
    {
      bool inner = false;
      for (int k = f->begin - 1; k >= 0 && k >= f->begin - 10; --k) {
        const std::string_view x = W(k);
        if (x == "including" || x == "among") {
          inner = W(v - 1) != "who";
          break;
        }
        // ", and 14 others were wounded": a clause of its own.
        if (IsHardBoundary(k) || IsAuxiliary(x) || x == "who" || x == "which" ||
            (x == "and" && W(k - 1) == ",") || (u_[k].word && LookupTrigger(x)))
          break;
      }
      if (inner) continue;
    }
    // Only people die or are hurt one at a time; "the suspect fled" displaces no one.
    if (f->singular && tr.type != CountType::kKill && tr.type != CountType::kWound &&
        tr.type != CountType::kArrest && tr.type != CountType::kKidnap &&
        tr.type != CountType::kMissing)
      continue;
    if (W(s - 1) == "the" && W(s - 2) == "of") continue;  // inner part of "one of the three"
    // Inner part of "one of two girls ... has died"; but in "Aleke was one of
    // three people wounded" the bare participle describes the whole group.
    if (W(s - 1) == "of" && ParseCardinalWord(W(s - 2)) &&
        !(adjacent_only && tail == v && IsAuxiliary(W(s - 3)) && f->head_end > f->number_end))
      continue;
    // "Neither the driver nor the passenger was injured": none of them.
    bool neither = false;
    for (int k = f->begin - 1; k >= 0 && k >= f->begin - 10 && !IsHardBoundary(k); --k)
      if (W(k) == "neither") neither = true;
    if (neither) {
      if (negated) return;
      Figure z = *f;
      z.zero = true;
      z.definite = true;  // about the people named, not the whole incident
      Emit(tr.type, z, f->begin, t, false, v);
      return;
    }
    if (negated && !f->zero) return;
    if (f->zero && negated) return;
    bool severity = false, also = false;
    for (int j = std::max(v, tail); j < t; ++j) {
      const std::string_view w = W(j);
      if (w == "seriously" || w == "critically" || w == "badly" || w == "severely" ||
          w == "gravely")
        severity = true;
      if (w == "also") also = true;
    }
    // "No one was seriously hurt": some may have been, lightly.
    if (f->zero && severity) return;
    Figure g = *f;
    // "No officers were injured": a statement about a group, which gives way
    // to a figure of the whole incident (like a definite mention).
    if (g.zero && g.head_end > g.number_end) {
      const std::string_view head = W(g.head_end - 1);
      if (head != "people" && head != "persons" && head != "one" && head != "body" &&
          head != "others" && head != "victims" && head != "individuals" && head != "injuries")
        g.definite = true;
    }
    bool summed = SumBackward(&g);
    int last = t;
    if (tr.type == CountType::kWound || tr.type == CountType::kKill) {
      const int gap_end = GappedAfter(t, &g);
      if (gap_end > t) {
        last = gap_end;
        summed = true;
      }
      const int along_end = AlongWithAfter(t, &g);
      if (along_end > last) {
        last = along_end;
        summed = true;
      }
    }
    const size_t at = out_->size();
    // "Officers found two men wounded": people found hurt may have died
    // since; resolved like "shot" (they give way to the dead told of them).
    const bool saved_shot = shot_;
    if (adjacent_only && tr.type == CountType::kWound &&
        (W(g.begin - 1) == "found" || W(g.begin - 1) == "find" || W(g.begin - 1) == "discovered" ||
         W(g.begin - 1) == "located"))
      shot_ = true;
    Emit(tr.type, g, g.begin, last, summed, v);
    shot_ = saved_shot;
    // "Two others were shot", "a man was also shot": people besides those
    // counted before (the dead), not a total that includes them.
    if (out_->size() > at) {
      bool other = also;
      // "he and four others were shot" counts him too: only an unsummed
      // "others" is besides.
      for (int j = g.begin; !summed && j < g.head_end; ++j)
        if (W(j) == "other" || W(j) == "others" || W(j) == "more") other = true;
      (*out_)[at].additional = other || g.besides;
    }
    return;
  }
}

void SentenceGrammar::ShotSelf(int t) {
  const std::string_view p = W(t - 1), p2 = W(t - 2);
  if (p == "then" || p == "before" || p == "fatally" || p2 == "then" || p2 == "before" ||
      p == "and" || IsModal(p) || p == "not" || Hedged(t))
    return;
  for (int s0 = 0; s0 < t && s0 < 4; ++s0) {
    if (!u_[s0].word) continue;
    auto f = FigureAt(s0);
    if (!f) continue;
    if (f->zero || f->value != 1 || (f->noun_type && !IsPersonNoun(W(f->head_end - 1)))) return;
    // Nothing in between may be another person's act on someone else
    // (the "after" of "after accidentally shooting himself" aside).
    for (int j = f->head_end; j < t; ++j) {
      if (W(j) == "after" && j >= t - 2 && W(t) == "shooting") continue;
      if (IsHardBoundary(j) || (u_[j].word && LookupTrigger(W(j)))) return;
    }
    Emit(CountType::kWound, *f, f->begin, t + 1, false, f->head_end);
    return;
  }
}

bool SentenceGrammar::ConditionAt(int t) {
  // "in [extremely] critical [but stable] condition"
  int k = t - 1;
  bool adjective = false;
  while (k > 0 && k >= t - 5) {
    const std::string_view x = W(k);
    if (x == "critical" || x == "serious" || x == "stable" || x == "fair" || x == "good" ||
        x == "grave" || x == "satisfactory" || x == "guarded" || x == "life-threatening") {
      adjective = true;
    } else if (!(x == "but" || x == "extremely" || x == "very" || x == "and" || x == "in" ||
                 x.ends_with("ly"))) {
      return false;
    }
    if (x == "in") break;
    --k;
  }
  if (!adjective || W(k) != "in") return false;
  // "listed in", "remains in", "is in": the verb before "in".
  const int verb = W(k - 1) == "listed" || W(k - 1) == "reported" ? k - 1 : k;
  const size_t at = out_->size();
  shot_ = true;
  Predicate(verb, Trigger{CountType::kWound, kTrigIntransitive});
  for (size_t c = at; c < out_->size(); ++c) {
    CountCandidate& cand = (*out_)[c];
    cand.count.end = u_[t].end;
    cand.trigger_end = u_[t].end;
    // Alive now: besides the dead, unless a lone "he" or "the victim" who
    // may be the one who died.
    if (!(cand.definite && cand.count.number == 1)) cand.additional = true;
  }
  return true;
}

bool SentenceGrammar::InjuryNoun(int t) {
  bool gunshot = false, fatal = false;
  for (int k = t - 1; k >= 0 && k >= t - 7; --k) {
    const std::string_view w = W(k);
    const bool suffered = w == "suffered" || w == "suffering" || w == "sustained" ||
                          w == "sustaining" || w == "received";
    // "Four teens were taken to the hospital for non-life-threatening
    // injuries": like "with".
    if (w == "for" && (W(k - 1) == "hospital" || W(k - 1) == "hospitals" || W(k - 1) == "center" ||
                       W(k - 1) == "centers")) {
      if (fatal) return true;
      shot_ = true;
      WithInjuries(k, t);
      return true;
    }
    if (suffered || (w == "for" && W(k - 1) == "treated")) {
      // "A child who suffered critical injuries ... has died": the relative
      // clause describes the subject; the main verb tells its fate.
      const int verb = suffered ? k : k - 1;
      if (fatal || W(verb - 1) == "who" || W(verb - 1) == "that") return true;
      const size_t at = out_->size();
      shot_ = gunshot;
      Predicate(verb, Trigger{CountType::kWound, kTrigIntransitive});
      // "The victim was taken to a local hospital and treated for a gunshot
      // wound": the subject of the verb before "and".
      if (out_->size() == at && !suffered && W(verb - 1) == "and") {
        shot_ = true;
        WithInjuries(verb - 1, t);
      }
      // A gunshot wound may have killed, and so may the injuries of someone
      // told before ("the man suffered a gunshot wound"): resolved per
      // incident like "shot".
      for (size_t c = at; c < out_->size(); ++c)
        if ((*out_)[c].definite && (*out_)[c].count.number == 1) (*out_)[c].shot = true;
      return true;
    }
    if (w == "with") {
      if (fatal) return true;
      // Anyone taken to hospital with injuries may have died there.
      shot_ = true;
      WithInjuries(k, t);
      return true;
    }
    // "found the boy bleeding from a gunshot wound": like "with".
    if (w == "from" && W(k - 1) == "bleeding") {
      if (fatal) return true;
      shot_ = true;
      WithInjuries(k - 1, t);
      return true;
    }
    if (w == "gunshot" || w == "gunshots" || w == "bullet" || w == "shot") gunshot = true;
    if (w == "fatal" || w == "mortal" || w == "deadly" || w == "non-survivable" || w == "fatally")
      fatal = true;
    // Only the words of one noun phrase lie between: "a single gunshot",
    // "non-life threatening"; not "with intent to kill inflicting".
    if ((!u_[k].word && w != "-") || IsAuxiliary(w) || IsClauseBoundary(w) || w == "and" ||
        w == "no" || ParseCardinalWord(w) || (TriggerAt(k) && !(w == "shot" && W(k - 1) == "gun")) ||
        (w.ends_with("ing") && !w.ends_with("threatening")))
      return false;
  }
  return false;
}

void SentenceGrammar::WithInjuries(int w, int t) {
  if (Hedged(w)) return;
  // The people right before "with": "found two men with gunshot wounds".
  for (int s = w - 1; s >= 0 && s >= w - 8; --s) {
    if (IsHardBoundary(s)) break;
    auto f = FigureAt(s);
    if (!f || f->head_end != w) continue;
    if (f->zero || (f->noun_type && !IsPersonNoun(W(f->head_end - 1)))) return;
    if (W(s - 1) == "including" || W(s - 1) == "among") return;
    // "taken to Sinai Hospital with gunshot wounds": a place, not the person.
    if (f->name) {
      const std::string_view last = W(f->head_end - 1);
      if (last == "hospital" || last == "center" || last == "centre" || last == "general" ||
          last == "clinic")
        break;
    }
    Figure g = *f;
    const bool summed = SumBackward(&g);
    const size_t at = out_->size();
    Emit(CountType::kWound, g, g.begin, t, summed, w);
    // "Three other teenage boys were found with gunshot wounds": besides the dead.
    if (out_->size() > at)
      for (int j = g.begin; !summed && j < g.head_end; ++j)
        if (W(j) == "other" || W(j) == "others") (*out_)[at].additional = true;
    return;
  }
  // The subject of the verb that brought them there (not "found with a
  // gunshot wound": people are found dead as often): "He was taken to an
  // area hospital with non-life-threatening injuries", "three people at the
  // scene were taken to the hospital with injuries", "two others showed up
  // at the hospital with gunshot wounds".
  for (int j = w - 1; j >= 0 && j >= w - 10; --j) {
    if (IsHardBoundary(j)) return;
    const std::string_view x = W(j);
    if (x == "taken" || x == "transported" || x == "rushed" || x == "flown" || x == "airlifted" ||
        x == "brought" || x == "driven" || x == "admitted" || x == "arrived" || x == "showed" ||
        x == "sent" || x == "treated" ||
        x == "walked" || x == "listed" || x == "went" || x == "came" || x == "hospitalized") {
      const size_t at = out_->size();
      Predicate(j, Trigger{CountType::kWound, kTrigIntransitive});
      if (out_->size() > at) {
        CountCandidate& c = (*out_)[at];
        c.count.end = u_[t].end;
        c.trigger_end = u_[t].end;
        const std::string_view ev = text_.substr(c.count.start, c.count.end - c.count.start);
        if (ev.find(" other ") != std::string_view::npos || ev.find(" others ") != std::string_view::npos)
          c.additional = true;
      }
      return;
    }
  }
}

bool SentenceGrammar::SentToHospital(int t) {
  const std::string_view v = W(t);
  if (v != "sent" && v != "sending" && v != "sends" && v != "put" && v != "putting" && v != "puts") return false;
  if (IsModal(W(t - 1)) || W(t - 1) == "to" || W(t - 1) == "not" || Hedged(t)) return false;
  auto f = FigureAt(t + 1);
  if (!f || f->zero || f->definite || f->name || (f->noun_type && !IsPersonNoun(W(f->head_end - 1))))
    return false;
  int j = f->head_end;
  if (W(j) != "to" && W(j) != "into") return false;
  for (int k = j + 1; k <= j + 3 && k < n_; ++k) {
    if (W(k) == "hospital" || W(k) == "hospitals") {
      // A plain wound figure, not "shot": the people sent to hospital are
      // mostly besides the dead ("killed a baby and put three women into the
      // hospital").
      shot_ = false;
      Emit(CountType::kWound, *f, f->begin, k, false, f->head_end);
      return true;
    }
    if (!u_[k].word) return false;
  }
  return false;
}

void SentenceGrammar::Active(int t, Trigger tr) {
  // "shooting to death his girlfriend": the verb is "shooting", whose "to" is
  // no infinitive.
  const int verb = W(t) == "death" && W(t - 1) == "to" ? t - 2 : t;
  const std::string_view p = W(verb - 1);
  // Generic present tense ("guns kill thousands of people") reports no event.
  const std::string_view w = W(t);
  if (w == "kill" || w == "kills" || w == "injure" || w == "injures" || w == "wound" ||
      w == "wounds" || w == "murder" || w == "arrest" || w == "detain" || w == "kidnap" ||
      w == "abduct")
    return;
  if (IsModal(p) || p == "not" || p == "never" || (p.size() > 3 && p.ends_with("n't"))) return;
  if (Hedged(t)) return;
  // Passive use ("were killed") belongs to Predicate().
  for (int j = verb - 1; j >= 0 && j >= verb - 4; --j) {
    const std::string_view w = W(j);
    if (IsAuxiliary(w) && w != "have" && w != "has" && w != "had") return;
    if (IsModal(w)) return;
    if (!IsVerbComplexFiller(w)) break;
  }
  int k = t + 1;
  if (W(k) == "of" && (p == "the" || p == "a")) ++k;  // "the killing of three men"
  else if (p == "the" || p == "a" || p == "single" || p == "warning") return;  // "a single shot 223"
  // Skip the qualifier words: FigureAt() reads them back.
  for (int guard = 0; guard < 3 && k < n_; ++guard) {
    const std::string_view w = W(k);
    if (w == "at" || w == "least" || w == "more" || w == "than" || w == "over" || w == "nearly" ||
        w == "almost" || w == "about" || w == "around" || w == "approximately" || w == "roughly" ||
        w == "some" || w == "estimated" || w == "up" || w == "to" || w == "as" || w == "many" ||
        w == "between" || (w == "an" && W(k + 1) == "estimated"))
      ++k;
    else
      break;
  }
  auto f = FigureAt(k);
  // "killing one and wounding two": a bare number as the object, ended by
  // the next verb phrase.
  if (!f && (W(k + 1) == "and" || W(k + 1) == ",") && u_[k].word) {
    if (auto v = ParseCardinalWord(W(k)); v && !AgeSpan(k) && W(k + 2) != "a" && W(k + 2) != "an" &&
                                          !ParseCardinalWord(W(k + 2))) {
      Figure b;
      b.begin = b.number_begin = k;
      b.number_end = b.head_end = k + 1;
      b.value = *v;
      QualifierBefore(k, &b);
      f = b;
    }
  }
  // "a stray bullet hit her last week", "he shot him in the leg": one
  // person told before (a definite mention).
  if (!f && (W(k) == "him" || W(k) == "her") &&
      (k + 1 >= n_ || !u_[k + 1].word || IsPreposition(W(k + 1)) || IsDayName(W(k + 1)) ||
       W(k + 1) == "last" || W(k + 1) == "twice" || W(k + 1) == "once" || W(k + 1) == "and" ||
       W(k + 1) == "multiple" || W(k + 1) == "several")) {
    Figure p1;
    p1.begin = p1.number_begin = k;
    p1.number_end = p1.head_end = k + 1;
    p1.value = 1;
    p1.singular = p1.definite = true;
    f = p1;
  }
  // "killed Jeremy Mardis", "injured his father": one person, by name or role
  // (a definite mention: it gives way to a plain figure of the incident).
  if (!f || f->zero || (f->definite && f->singular && W(k) == "the")) return;
  if (f->noun_type && !IsPersonNoun(W(f->head_end - 1))) return;
  // "between 20 and 30": the range's upper figure holds the head.
  if (W(f->number_end) == "and" || W(f->number_end) == "to" || W(f->number_end) == "or") {
    if (auto g = FigureAt(f->number_end + 1); g && g->number_begin < g->head_end) {
      Figure r = *g;
      ApplyRange(&r);
      if (r.number_begin == f->number_begin) f = r;
    }
  }
  Figure g = *f;
  // "fatally shot a man and wounded three others" is often written "fatally
  // shot a man and three others": after "fatally", only the first object.
  const bool summed = W(t - 1) != "fatally" && W(t - 1) != "mortally" && SumForward(&g);
  // Evidence: trigger .. head.
  CountCandidate before_size_marker;
  (void)before_size_marker;
  const int last = std::max(g.head_end - 1, g.number_end - 1);
  const size_t at = out_->size();
  Emit(tr.type, g, t, last, summed, g.head_end);
  if (out_->size() > at) {
    (*out_)[at].trigger_end = u_[t].end;
    // "killed his wife and two children before turning the gun on himself":
    // the killer is one more of the dead (death tolls, GVA's among them,
    // count the shooter).
    (*out_)[at].active = true;
    if (tr.type == CountType::kKill && !g.zero && SuicideAfter(g.head_end)) {
      ++(*out_)[at].count.number;
      (*out_)[at].suicide_counted = true;
    }
    // Victims of an object: from the figure's words.
    if (!summed && g.singular)
      (*out_)[at].count.victims = VictimsText(text_, u_, g.number_end, g.head_end);
    if (g.singular && g.definite && g.number_end == g.head_end)  // a name: the name itself
      (*out_)[at].count.victims = VictimsText(text_, u_, g.number_begin, g.head_end);
  }
}

void SentenceGrammar::Noun(int t, Trigger tr) {
  // "no injuries", "no other injuries", "no arrests".
  // "no reports of (other) injuries": none reported.
  if (W(t - 1) == "of" || (W(t - 2) == "of" && IsBesides(W(t - 1)))) {
    const int of = W(t - 1) == "of" ? t - 1 : t - 2;
    if (W(of - 1) == "reports" && W(of - 2) == "no" && tr.type == CountType::kWound) {
      Figure f;
      f.zero = true;
      f.definite = f.besides = of != t - 1;  // "other": besides those counted
      f.begin = f.number_begin = of - 2;
      f.number_end = of - 1;
      f.head_end = t + 1;
      Emit(tr.type, f, f.begin, t, false, t + 1);
    }
    return;
  }
  if (W(t - 1) == "no" || (W(t - 2) == "no" && u_[t - 1].word && !ParseCardinalWord(W(t - 1)))) {
    if (IsBesides(W(t - 1))) {
      // "no other injuries": none besides those counted, a definite zero
      // (see FigureAt()).
      Figure f;
      f.zero = true;
      f.definite = f.besides = true;
      f.begin = f.number_begin = t - 2;
      f.number_end = t - 1;
      f.head_end = t + 1;
      Emit(tr.type, f, f.begin, t, false, t + 1);
      return;
    }
    if (tr.type == CountType::kProtest || tr.type == CountType::kDisplaced ||
        tr.type == CountType::kKidnap)
      return;
    Figure f;
    f.zero = true;
    f.begin = f.number_begin = W(t - 1) == "no" ? t - 1 : t - 2;
    f.number_end = f.begin + 1;
    f.head_end = t + 1;
    Emit(tr.type, f, f.begin, t, false, t + 1);
    return;
  }
  for (int s = t - 1; s >= 0 && s >= t - 5; --s) {
    if (IsHardBoundary(s)) return;
    auto f = FigureAt(s);
    if (!f || f->zero || f->singular) continue;
    if (f->head_end != t + 1) continue;
    if (W(s - 1) == "including" || W(s - 1) == "among") return;
    if (W(s - 1) == "the" && W(s - 2) == "of") return;
    // "killing 12 protesters": the active/predicate patterns give the KILL;
    // the noun still says 12 protesters were there.
    Figure g = *f;
    const bool summed = SumBackward(&g);
    Emit(tr.type, g, g.begin, t, summed, t + 1);
    return;
  }
}

void SentenceGrammar::Toll(int t) {
  CountType type = CountType::kKill;
  const std::string_view p = W(t - 1);
  if (p == "injury") type = CountType::kWound;
  const int first = (p == "death" || p == "injury" || p == "casualty") ? t - 1 : t;
  if (first == t && !(W(t + 1) == "of" || IsUpdateMarker(W(t + 1)) || IsAuxiliary(W(t + 1))))
    return;
  if (W(t + 1) == "-" || W(t + 1) == "free" || W(t + 1) == "road") return;
  bool update = false;
  for (int k = t + 1; k < n_ && k <= t + 8; ++k) {
    if (IsHardBoundary(k) && W(k) != "to") {
      if (W(k) != "," || k > t + 1) return;
    }
    if (IsUpdateMarker(W(k))) update = true;
    if (IsModal(W(k)) && W(k) != "to") return;
    int64_t v;
    int e;
    bool vague;
    if (!ParseNumber(k, &v, &e, &vague)) continue;
    if (W(e) == "%" || W(e) == "percent") return;
    Figure f;
    f.value = v;
    f.begin = f.number_begin = k;
    f.number_end = f.head_end = e;
    if (vague) f.qualifier = CountQualifier::kApproximate;
    else QualifierBefore(k, &f);
    Figure g = f;
    ValidateHead(e, &g);
    if (g.head_end > e && !g.noun_type) f.head_end = g.head_end;
    const size_t at = out_->size();
    Emit(type, f, first, f.head_end - 1, false, f.head_end);
    if (out_->size() > at) {
      (*out_)[at].supersedes = (*out_)[at].supersedes || update;
      (*out_)[at].trigger_end = u_[t].end;
    }
    return;
  }
}

// "the death of a 10-year-old girl", "the fatal shooting of a 1-year-old",
// "the slaying of 7-year-old ...": a killing named by a noun, its victim after "of".
void SentenceGrammar::DeathOf(int t) {
  if (W(t + 1) != "of") return;
  auto f = FigureAt(t + 2);
  if (!f || f->zero) return;
  if (f->noun_type && !IsPersonNoun(W(f->head_end - 1))) return;
  Figure g = *f;
  const bool summed = SumForward(&g);
  g.definite = true;  // a noun phrase names the death, it rarely gives the toll
  const size_t at = out_->size();
  Emit(CountType::kKill, g, t, std::max(g.head_end - 1, g.number_end - 1), summed, g.head_end);
  if (out_->size() > at) {
    (*out_)[at].trigger_end = u_[t].end;
    (*out_)[at].count.victims = VictimsText(text_, u_, g.number_begin, g.head_end);
    // "charged in the death of Sharen Wilson": a death named in passing is
    // often background (a trial, an earlier case), no victim to add up.
    (*out_)[at].name.clear();
  }
}

void SentenceGrammar::Run() {
  const size_t first_out = out_->size();
  // A link to another story ("RELATED: ...", "Read more: ...", "See also"):
  // its figures belong to that story.
  for (int i = 0; i < 3 && i + 1 < n_; ++i) {
    const std::string_view w = W(i), nx = W(i + 1);
    if (((w == "related" || w == "more") && (nx == ":" || nx == "stories" || nx == "coverage")) ||
        (w == "read" && (nx == "more" || nx == "also")) || (w == "see" && nx == "also") ||
        (w == "previously" && nx == ":") || (w == "live" && nx == ":" && i == 0)) {
      new_incident_ = true;
      break;
    }
  }
  for (int i = 0; i < n_; ++i) {
    if (u_[i].word && IsNewIncidentMarker(W(i)) && W(i - 1) != "one" && !AnotherVictim(i) &&
        !AnotherOfNoIncident(i))
      new_incident_ = true;
    // A figure over several incidents ("three shootings left six people
    // wounded", "a spate of weekend shootings"): a round-up, not the incident.
    if ((W(i) == "shootings" || W(i) == "spate" || W(i) == "incidents") && W(i - 1) != "the" &&
        W(i - 1) != "fatal" &&
        W(i - 1) != "these" && W(i - 1) != "those")
      new_incident_ = true;
    // Aggregates over a period are not the incident reported: "since 2010",
    // "so far this year", "every year", "over the past decade".
    const std::string_view w = W(i), nx = W(i + 1);
    if ((w == "since" && i + 1 < n_ && (u_[i + 1].capitalized || ParseCardinalWord(nx))) ||
        (w == "so" && nx == "far") || (w == "this" && nx == "year") ||
        (w == "last" && nx == "year") || (w == "every" && nx == "year") ||
        (w == "each" && nx == "year") || w == "annually" || w == "yearly" ||
        ((w == "past" || w == "last") && (nx == "decade" || nx == "years" || nx == "months")) ||
        (w == "recent" && nx == "years"))
      new_incident_ = true;
    // "in the past six weeks", "over the last 10 days": a period's total.
    if ((w == "past" || w == "last") && ParseCardinalWord(nx) &&
        (W(i + 2) == "days" || W(i + 2) == "weeks" || W(i + 2) == "months" || W(i + 2) == "years"))
      new_incident_ = true;
    // "a violent two-hour span in which 10 people were shot": a period's total.
    if (w == "span" && i > 0 &&
        (W(i - 1).ends_with("-hour") || W(i - 1).ends_with("-day") || W(i - 1).ends_with("-week") ||
         W(i - 1) == "hour" || W(i - 1) == "day" || W(i - 1) == "week"))
      new_incident_ = true;
    // "Among the attacks over the weekend was a shooting in Fernwood where
    // four people were killed": one of several incidents listed.
    if (w == "among" && (i == 0 || !u_[i - 1].word) && nx == "the") {
      const std::string_view n2 = W(i + 2), n3 = W(i + 3);
      for (std::string_view e : {n2, n3})
        if (e == "shootings" || e == "attacks" || e == "incidents" || e == "killings" || e == "homicides")
          new_incident_ = true;
    }
    // "in retaliation for a Labor Day shooting that left one person dead":
    // the shooting avenged is another incident, when the sentence's
    // figures all come after it.
    if ((w == "retaliation" || w == "revenge") &&
        (nx == "for" || nx == "to" || nx == "after" || (nx == "of" && W(i + 2) == "the"))) {
      bool trigger_before = false;
      for (int k = 0; k < i; ++k)
        if (u_[k].word && LookupTrigger(W(k))) trigger_before = true;
      if (!trigger_before) new_incident_ = true;
    }
    // "In the past six weeks alone", "Last July alone": a period's total.
    if (w == "alone" && i > 0 &&
        (W(i - 1) == "weeks" || W(i - 1) == "months" || W(i - 1) == "year" || W(i - 1) == "years" ||
         W(i - 1) == "month" || W(i - 1) == "week" || W(i - 1) == "weekend" || IsMonthName(W(i - 1))))
      new_incident_ = true;
  }
  for (int t = 0; t < n_; ++t) {
    shot_ = false;
    if (W(t) == "fatally" && t >= 2 && W(t - 2) == ",") {
      // "Five people were shot, one fatally": the fatal part of the figure.
      int64_t v;
      int e;
      bool vague;
      if (ParseNumber(t - 1, &v, &e, &vague) && e == t) {
        Figure f;
        f.begin = f.number_begin = t - 1;
        f.number_end = f.head_end = t;
        f.value = v;
        Emit(CountType::kKill, f, t - 1, t, false, t);
      }
      continue;
    }
    {
      const std::string_view w = W(t), p = W(t - 1);
      if (W(t + 1) == "of" &&
          (w == "death" || w == "slaying" || w == "murder" || w == "homicide" ||
           ((w == "shooting" || w == "stabbing") && (p == "fatal" || p == "deadly")))) {
        DeathOf(t);
        continue;
      }
    }
    if (W(t) == "condition" && ConditionAt(t)) continue;
    if (SentToHospital(t)) continue;
    if (W(t) == "wound" || W(t) == "wounds" || W(t) == "injuries" || W(t) == "injury") {
      if (InjuryNoun(t) || W(t - 1) == "gunshot") continue;
    }
    // "A teen was taken to the hospital after accidentally shooting himself".
    if (W(t) == "shooting" && (W(t + 1) == "himself" || W(t + 1) == "herself") &&
        (W(t - 1) == "after" || W(t - 2) == "after")) {
      shot_ = true;
      ShotSelf(t);
      continue;
    }
    auto tr = TriggerAt(t);
    if (!tr) continue;
    if ((tr->type == CountType::kKill || tr->type == CountType::kWound) && EitherOrTrigger(t)) continue;
    const size_t before = out_->size();
    shot_ = W(t) == "shot" || W(t) == "grazed" || W(t) == "struck" || W(t) == "hit";
    if (W(t) == "toll") {
      Toll(t);
      continue;
    }
    if (tr->forms & kTrigActive) Active(t, *tr);
    if (out_->size() == before && (tr->forms & (kTrigPredicate | kTrigIntransitive)))
      Predicate(t, *tr);
    if (out_->size() == before && (tr->forms & kTrigNoun) && W(t) != "dead") Noun(t, *tr);
    if (out_->size() == before && W(t) == "shot" && (W(t + 1) == "himself" || W(t + 1) == "herself"))
      ShotSelf(t);
  }
  // The killer's suicide told apart from the victims ("He then shot
  // himself."): incident resolution adds it to the victims killed by him.
  int first, last;
  if (!Hedged(n_) && SuicideSpan(&first, &last)) {
    bool counted = false;
    for (size_t k = first_out; k < out_->size(); ++k)
      if ((*out_)[k].suicide_counted) counted = true;
    if (!counted) {
      Figure f;
      f.begin = f.number_begin = first;
      f.number_end = f.head_end = last + 1;
      f.value = 1;
      f.singular = f.definite = true;
      const bool saved = new_incident_;
      Emit(CountType::kKill, f, first, last, false, last + 1);
      new_incident_ = saved;
      out_->back().suicide = true;
      out_->back().count.victims.clear();
    }
  }
}

}  // namespace

void BuildCountUnits(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                     uint32_t end, std::vector<CountUnit>* out) {
  out->clear();
  end = std::min<uint32_t>(end, static_cast<uint32_t>(tokens.size()));
  for (uint32_t i = begin; i < end; ++i) {
    const Token& tok = tokens[i];
    if (tok.end > text.size() || tok.start >= tok.end) continue;
    const std::string_view t = tok.text(text);
    const bool glued = !out->empty() && !tok.has(kTokSpaceBefore) && out->back().end == tok.start;
    if (glued && out->back().word) {
      const CountUnit& last = out->back();
      const auto last_c = static_cast<unsigned char>(text[last.end - 1]);
      const bool last_alnum = IsAsciiAlnum(last_c) || last_c >= 0x80;
      if (last_alnum && IsWordStart(text, tok.start) && PunctCharLen(text, last.end - 1) == 0) {
        out->back().end = tok.end;
        continue;
      }
      // Inner joiner followed by a glued word: "1,200", "twenty-five", "wasn't".
      if (last_alnum && IsJoiner(t) && i + 1 < end) {
        const Token& nx = tokens[i + 1];
        if (!nx.has(kTokSpaceBefore) && nx.start == tok.end && nx.end <= text.size() &&
            nx.start < nx.end && IsWordStart(text, nx.start)) {
          out->back().end = nx.end;
          ++i;
          continue;
        }
      }
    }
    CountUnit u;
    u.start = tok.start;
    u.end = tok.end;
    u.word = IsWordStart(text, tok.start);  // final value set by FinishUnit()
    out->push_back(std::move(u));
  }
  for (CountUnit& u : *out) FinishUnit(text, &u);
}

namespace {

// The lower-cased words of 3..15 bytes that let SentenceMayHoldCount answer
// yes, in a small open-addressing table: the prefilter looks up every word
// of every sentence, and std::unordered_map's hashing and a dozen string
// compares per word showed in profiles (~4% of `annals extract`).
class MayHoldWords {
 public:
  MayHoldWords() {
    for (std::string_view w : TriggerWords()) Insert(w);
    for (std::string_view w : {"fatally", "death", "grazed", "struck", "slaying", "homicide", "murder", "gunshot",
                               "condition", "injury", "bullet", "shooting", "stabbing", "himself", "herself", "life"})
      Insert(w);
  }
  // w: 3..15 bytes, stored in a buffer of at least 16 bytes.
  bool Has(const char* buf, uint32_t len) const {
    for (uint32_t i = Hash(buf, len);; i = (i + 1) & (kSlots - 1)) {
      const std::string_view s = slots_[i];
      if (s.empty()) return false;
      if (s.size() == len && std::memcmp(s.data(), buf, len) == 0) return true;
    }
  }

 private:
  static constexpr uint32_t kSlots = 512;  // at most a quarter full
  static uint32_t Hash(const char* buf, uint32_t len) {
    uint64_t a = 0;
    uint64_t b = 0;
    std::memcpy(&a, buf, std::min<uint32_t>(len, 8));
    if (len > 8) std::memcpy(&b, buf + len - 8, 8);
    const uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ len;
    return static_cast<uint32_t>((h ^ (h >> 29)) * 0x94D049BB133111EBULL >> 55) & (kSlots - 1);
  }
  void Insert(std::string_view w) {
    if (w.size() < 3 || w.size() > 15) return;  // the prefilter never asks for these
    char buf[16] = {};
    std::memcpy(buf, w.data(), w.size());
    uint32_t i = Hash(buf, static_cast<uint32_t>(w.size()));
    while (!slots_[i].empty() && slots_[i] != w) i = (i + 1) & (kSlots - 1);
    slots_[i] = w;
  }
  std::string_view slots_[kSlots];
};

}  // namespace

bool SentenceMayHoldCount(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                          uint32_t end) {
  static const MayHoldWords kWords;
  char buf[16];
  end = std::min<uint32_t>(end, static_cast<uint32_t>(tokens.size()));
  for (uint32_t i = begin; i < end; ++i) {
    const Token& tok = tokens[i];
    if (tok.end > text.size() || tok.start >= tok.end) continue;
    const uint32_t len = tok.end - tok.start;
    if (len < 3 || len > 15) continue;
    const auto c0 = static_cast<unsigned char>(text[tok.start]);
    // Trigger words are plain ASCII letters; skip cheaply everything else.
    if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z'))) continue;
    for (uint32_t k = 0; k < len; ++k) {
      const char c = text[tok.start + k];
      buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    // Triggers ("killed", "injuries"), words of shootings and injuries
    // ("fatally", "shot to death", "gunshot", "condition"), and the
    // killer's suicide ("turned the gun on himself", "took his own life",
    // "murder-suicide"): see SuicideSpan().
    if (kWords.Has(buf, len)) return true;
    if (std::string_view(buf, len).ends_with("suicide")) return true;
  }
  return false;
}

void FindSentenceCounts(std::string_view text, const std::vector<CountUnit>& units,
                        uint32_t sentence, std::vector<CountCandidate>* out) {
  SentenceGrammar g(text, units, sentence, out);
  g.Run();
}

}  // namespace annals
