// The temporal tagger's rules and resolution. Matching is a left-to-right
// scan over timex::Scan tokens: at each token that can start a time
// expression, TryAt() reads optional prefixes ("the", bounds like "at least",
// modifiers like "early" / "the end of"), then one core rule family chosen by
// the token's lexicon category, then suffixes; the longest match wins and the
// scan continues after it. Every rule looks a bounded number of tokens ahead,
// so tagging is linear in the text length.
//
// Resolution happens as the scan goes, so a rule can see the narrative
// context built by earlier matches (the last explicit date), and a final
// pass fixes underspecified month-day dates and anniversaries that the rest
// of the article dates explicitly.
#include "timex/temporal_tagger.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "timex/timex_lexicon.h"
#include "timex/timex_scanner.h"
#include "timex/timex_value.h"

namespace annals {

using namespace timex;  // NOLINT: the tagger is the timex namespace's client

namespace {

enum class Tense { kNone, kPast, kFuture };

// One side of a range, kept so that TimeML mode can emit the parts.
struct Part {
  uint32_t tb = 0, te = 0;  // token range
  CalValue cal;
  std::string value;
};

// A matched core expression (before prefixes are attached).
struct Core {
  size_t end = 0;                       // token index past the core
  TimexType type = TimexType::kDate;
  CalValue cal;                         // calendar value (dates and times)
  std::string value;                    // overrides FormatValue(cal) when set
  std::string mod;                      // TIMEX3 mod
  TimeAnchor anchor = TimeAnchor::kAbsolute;
  bool noun = false;                    // calendar-noun head: a preceding "the" joins the span
  bool explicit_year = false;           // the year was written: a narrative anchor
  bool inferred_year = false;           // month-day whose year was inferred (post-pass may fix it)
  bool range = false;                   // two parts
  Part p1, p2;
  int anniversary = 0;                  // N of "the Nth anniversary of <date>", 0 if none
  bool impossible = false;              // "February 30": consumed, never emitted
};

// A core that names one resolved calendar day ("March 6", "last Tuesday"), the only
// thing "the day before", "the week of" can shift.
bool DayValue(const Core& c) {
  return c.type == TimexType::kDate && c.value.empty() && !c.range && !c.impossible &&
         c.anniversary == 0 && c.cal.g == Gran::kDay && c.cal.known_day() && c.mod.empty();
}

// A finished match.
struct Hit {
  uint32_t tb = 0, te = 0;  // token range
  Core c;
};

bool EqLower(std::string_view a, const char* b) {
  const size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != b[i]) return false;
  }
  return true;
}

int SeasonOfMonth(int m) {
  if (m == kUnknown) return 0;
  if (m >= 3 && m <= 5) return 1;
  if (m >= 6 && m <= 8) return 2;
  if (m >= 9 && m <= 11) return 3;
  return 4;
}

// Easter Sunday (Anonymous Gregorian algorithm).
void Easter(int y, int* m, int* d) {
  const int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - dd - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int mm = (a + 11 * h + 22 * l) / 451;
  *m = (h + l - 7 * mm + 114) / 31;
  *d = ((h + l - 7 * mm + 114) % 31) + 1;
}

// The nth weekday `wd` of month m in year y (n = -1: the last one).
int NthWeekday(int y, int m, int wd, int n) {
  if (n > 0) {
    const int first = IsoWeekday(y, m, 1);
    return 1 + (wd - first + 7) % 7 + 7 * (n - 1);
  }
  const int last = DaysInMonth(y, m);
  const int lw = IsoWeekday(y, m, last);
  return last - (lw - wd + 7) % 7;
}

const char* PartCode(int part) {
  switch (part) {
    case kPMorning: return "TMO";
    case kPAfternoon: return "TAF";
    case kPEvening: return "TEV";
    case kPNight: return "TNI";
    case kPDay: return "TDT";
  }
  return "";
}

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Tok>& toks, const Date& pub)
      : s_(text), t_(toks), n_(toks.size()), dct_(FromDate(pub)) {}

  void Run(const TimexOptions& opt, std::vector<TimeExpr>* out);

 private:
  // ---- token predicates (all bounds-checked) ----
  bool Word(size_t i) const { return i < n_ && t_[i].kind == TokKind::kWord; }
  bool Num(size_t i) const { return i < n_ && t_[i].kind == TokKind::kNum; }
  bool Is(size_t i, Lx cat) const {
    return i < n_ && t_[i].kind == TokKind::kWord && (t_[i].lex.cat == cat || t_[i].lex.cat2 == cat);
  }
  int Val(size_t i, Lx cat) const {
    return t_[i].lex.cat == cat ? t_[i].lex.val : t_[i].lex.val2;
  }
  bool Func(size_t i, FuncWord f) const { return Is(i, Lx::kFunc) && Val(i, Lx::kFunc) == f; }
  bool Rel(size_t i, RelWord r) const { return Is(i, Lx::kRel) && Val(i, Lx::kRel) == r; }
  bool Punct(size_t i, char c) const { return i < n_ && t_[i].kind == TokKind::kPunct && t_[i].ch == c; }
  bool Glued(size_t i) const { return i < n_ && !(t_[i].flags & kSpaceBefore); }
  bool Cap(size_t i) const { return i < n_ && (t_[i].flags & kCap); }
  std::string_view Text(size_t i) const { return s_.substr(t_[i].b, t_[i].e - t_[i].b); }
  bool WordIs(size_t i, const char* w) const { return Word(i) && EqLower(Text(i), w); }
  // A unit word (singular if !plural_ok).
  bool UnitAt(size_t i, int* unit, bool* plural) const {
    if (!Is(i, Lx::kUnit)) return false;
    const int v = Val(i, Lx::kUnit);
    *unit = v & ~kPluralBit;
    *plural = (v & kPluralBit) != 0;
    return true;
  }
  // A day-of-month number 1..31 with an optional glued ordinal suffix.
  bool DayNum(size_t i, int* day, size_t* end) const;
  // A 4-digit year 1000..2199 (not part of a separated number).
  bool YearNum(size_t i, int* year) const {
    if (!Num(i) || (t_[i].flags & kSeparated) || t_[i].ndig != 4) return false;
    if (t_[i].num < 1000 || t_[i].num > 2199) return false;
    *year = static_cast<int>(t_[i].num);
    return true;
  }
  bool MonthAt(size_t i, int* month, size_t* end) const;
  // Capitalised words from i ending in a street type within four words:
  // "Thurgood Street", "East Church St", "Misty Hollow Lane".
  bool StreetNameAt(size_t i) const {
    static constexpr const char* kStreetTypes[] = {"street", "st",     "avenue", "ave",   "road",    "rd",
                                                   "lane",   "ln",     "drive",  "court", "ct",      "boulevard",
                                                   "blvd",   "place",  "circle", "terrace", "parkway", "highway"};
    for (size_t j = i; j < i + 4 && Word(j) && Cap(j); ++j)
      for (const char* type : kStreetTypes)
        if (j > i && WordIs(j, type)) return true;
    return false;
  }
  // Number phrase: digits, number words, "a"/"an" (if article_ok), vague
  // quantities (value -1). Sets *end past it.
  bool NumberPhrase(size_t i, bool article_ok, int64_t* v, size_t* end) const;

  Tense TenseAround(size_t i) const;

  // ---- rule families ----
  bool TryAt(size_t i, Hit* h);
  bool CoreAt(size_t i, Core* c);
  bool CoreByCat(size_t i, Lx cat, int val, Core* c);
  bool YearWordsCore(size_t i, Core* c);
  bool NumberCore(size_t i, Core* c);
  bool MonthCore(size_t i, Core* c);
  bool WeekdayCore(size_t i, Core* c);
  bool DeicticCore(size_t i, Core* c);
  bool RelCore(size_t i, Core* c);
  bool DurationCore(size_t i, Core* c);
  bool QuarterCore(size_t i, Core* c);
  bool UnitNounCore(size_t i, Core* c);
  bool RefCore(size_t i, Core* c);
  bool SetCore(size_t i, Core* c);
  bool HolidayCore(size_t i, Core* c);
  bool ClockCore(size_t i, Core* c);
  bool TimeSuffix(size_t i, Core* c);
  // Resolves a month (and day) with no written year; sets anchor.
  void ResolveMonthDay(size_t at, int m, int d, Core* c) const;
  // Optional trailing part of day / time after a day core ("Friday morning").
  void DayPartSuffix(Core* c);
  bool DurationAfterNumber(size_t i, int64_t n, size_t after, Core* c);

  // ---- context ----
  void Remember(const Core& c);
  CalValue EarningsQuarter() const {  // the last completed quarter before the DCT
    return QuarterOf(dct_, -1);
  }

  std::string_view s_;
  const std::vector<Tok>& t_;
  const size_t n_;
  CalValue dct_;             // publication date
  CalValue narrative_;       // last explicit date with a written year (month or finer)
  bool narrative_live_ = false;  // no publication-relative expression since it
  CalValue last_day_;        // last day-precision date mentioned
  int last_year_ = kUnknown;  // year of the last explicit date of any precision
  bool quarter_talk_ = false;  // the article speaks of quarters (earnings)
  std::vector<Hit> hits_;
};

bool Matcher::DayNum(size_t i, int* day, size_t* end) const {
  if (!Num(i) || (t_[i].flags & kSeparated) || t_[i].ndig > 2) return false;
  const int d = static_cast<int>(t_[i].num);
  if (d < 1 || d > 31) return false;
  size_t e = i + 1;
  if (Word(e) && Glued(e) &&
      (WordIs(e, "st") || WordIs(e, "nd") || WordIs(e, "rd") || WordIs(e, "th")))
    ++e;
  *day = d;
  *end = e;
  return true;
}

bool Matcher::MonthAt(size_t i, int* month, size_t* end) const {
  if (Is(i, Lx::kMonth)) {
    const int m = Val(i, Lx::kMonth);
    // Lower-case "may"/"march" are a verb; capitalised "May" needs support.
    if (!Cap(i) && (m == 5 || m == 3)) return false;
    if (m == 5 || m == 3) {
      const bool num_next = Num(i + 1);
      const bool prep_before =
          i > 0 && (Func(i - 1, kFIn) || Func(i - 1, kFSince) || Func(i - 1, kFUntil) ||
                    Func(i - 1, kFBy) || Func(i - 1, kFOf) || Func(i - 1, kFDuring) ||
                    Is(i - 1, Lx::kRel) || Is(i - 1, Lx::kMod) || Func(i - 1, kFFrom) ||
                    Func(i - 1, kFTo) || Func(i - 1, kFThrough) || Func(i - 1, kFAnd) ||
                    (Punct(i - 1, '-') && Is(i - 2, Lx::kMod)));
      if (!num_next && !prep_before) return false;
    }
    *month = m;
    *end = i + 1;
    return true;
  }
  if (Is(i, Lx::kMonthAbbr)) {
    const int m = Val(i, Lx::kMonthAbbr);
    const bool dot = Punct(i + 1, '.') && Glued(i + 1);
    if (!dot && !(Cap(i) && Num(i + 1))) return false;
    *month = m;
    *end = dot ? i + 2 : i + 1;
    return true;
  }
  return false;
}

bool Matcher::NumberPhrase(size_t i, bool article_ok, int64_t* v, size_t* end) const {
  if (i >= n_) return false;
  if (Num(i)) {
    if ((t_[i].flags & kSeparated) || t_[i].num < 0 || t_[i].ndig > 6) {
      // "1,000 years" is still a count; decimals are not.
      if (t_[i].num < 0 || t_[i].ndig > 9) return false;
      const std::string_view tx = Text(i);
      if (tx.find('.') != std::string_view::npos) return false;
      int64_t x = 0;
      for (char c : tx)
        if (c >= '0' && c <= '9') x = x * 10 + (c - '0');
      *v = x;
      *end = i + 1;
      return true;
    }
    *v = t_[i].num;
    *end = i + 1;
    return true;
  }
  if (Is(i, Lx::kFewWord)) {
    const int f = Val(i, Lx::kFewWord);
    size_t e = i + 1;
    if (f == kFewCouple && Func(e, kFOf)) ++e;
    if (f == kFewSome) return false;  // "some time", "some years": not counted here
    *v = -1;
    *end = e;
    return true;
  }
  if (Func(i, kFA) || Func(i, kFAn)) {
    if (Is(i + 1, Lx::kFewWord)) {
      const int f = Val(i + 1, Lx::kFewWord);
      if (f == kFewFew || f == kFewCouple) {
        size_t e = i + 2;
        if (Func(e, kFOf)) ++e;
        *v = -1;
        *end = e;
        return true;
      }
    }
    if (Is(i + 1, Lx::kNumWord) && Val(i + 1, Lx::kNumWord) >= 100) {
      size_t e;
      int64_t x;
      if (NumberPhrase(i + 1, false, &x, &e)) {
        *v = x;
        *end = e;
        return true;
      }
    }
    if (!article_ok) return false;
    *v = 1;
    *end = i + 1;
    return true;
  }
  if (!Is(i, Lx::kNumWord)) return false;
  int64_t total = 0, cur = 0;
  size_t e = i;
  int words = 0;
  while (e < n_ && words < 8) {
    if (Is(e, Lx::kNumWord)) {
      const int w = Val(e, Lx::kNumWord);
      if (w == 100) cur = std::max<int64_t>(cur, 1) * 100;
      else if (w == 200) { total += std::max<int64_t>(cur, 1) * 1000; cur = 0; }
      else if (w == 12 && WordIs(e, "dozen")) cur = std::max<int64_t>(cur, 1) * 12;
      else cur += w;
      ++e;
      ++words;
      if (Punct(e, '-') && Glued(e) && Is(e + 1, Lx::kNumWord) && Glued(e + 1)) ++e;
      else if (Func(e, kFAnd) && Is(e + 1, Lx::kNumWord) && cur >= 100) ++e;
      continue;
    }
    break;
  }
  *v = total + cur;
  *end = e;
  return true;
}

Tense Matcher::TenseAround(size_t i) const {
  // Nearest cue in the same sentence, looking back first (the verb usually
  // precedes the time in news: "said Friday", "will meet Friday").
  auto cue = [&](size_t k) -> Tense {
    if (!Word(k)) return Tense::kNone;
    if (Is(k, Lx::kFutureCue) && Val(k, Lx::kFutureCue) == 1) return Tense::kFuture;
    if (Is(k, Lx::kPastCue) && Val(k, Lx::kPastCue) == 1) return Tense::kPast;
    if (LooksPastTense(Text(k)) && !Is(k, Lx::kFutureCue) &&
        (!(t_[k].flags & kCap) || t_[k].e - t_[k].b >= 6))
      return Tense::kPast;
    return Tense::kNone;
  };
  auto boundary = [&](size_t k) {
    return t_[k].kind == TokKind::kPunct &&
           (t_[k].ch == '.' || t_[k].ch == '!' || t_[k].ch == '?' || t_[k].ch == ';') &&
           (k + 1 >= n_ || (t_[k + 1].flags & kSpaceBefore));
  };
  // Phrases right before the time that point ahead whatever the verb:
  // "as early as Tuesday", "as soon as Friday", "effective Feb. 1".
  if (i >= 3 && WordIs(i - 3, "as") && WordIs(i - 1, "as") &&
      (WordIs(i - 2, "early") || WordIs(i - 2, "soon")))
    return Tense::kFuture;
  if (i >= 1 && WordIs(i - 1, "effective")) return Tense::kFuture;
  size_t back = i;
  for (int step = 0; step < 30 && back > 0; ++step) {
    --back;
    if (boundary(back) || (t_[back + 1].flags & kParaBefore)) break;
    if (Tense t = cue(back); t != Tense::kNone) return t;
    if (Func(back, kFTo) && Word(back + 1) && back + 1 != i && !Is(back + 1, Lx::kFunc) &&
        (step < 4 || (back > 0 && (WordIs(back - 1, "is") || WordIs(back - 1, "are")))))
      return Tense::kFuture;  // "is to meet Friday", "is to resume trading in Paris Tuesday"
  }
  for (size_t fwd = i + 1; fwd < n_ && fwd < i + 12; ++fwd) {
    if (boundary(fwd) || (t_[fwd].flags & kParaBefore)) break;
    if (Tense t = cue(fwd); t != Tense::kNone) return t;
  }
  return Tense::kNone;
}

void Matcher::ResolveMonthDay(size_t at, int m, int d, Core* c) const {
  c->inferred_year = true;
  // A narrated past story moves forward a little from its last explicit
  // date: take the narrative year only when the month-day lands close after
  // that date (within a month before to two months after), which keeps
  // "late November" in a 1989 report from being pulled to an unrelated
  // 1959 mentioned earlier.
  if (narrative_live_ && narrative_.y != kUnknown && narrative_.m != kUnknown &&
      (dct_.y == kUnknown || narrative_.y != dct_.y)) {
    const int delta = (m - narrative_.m + 12) % 12;  // months after the narrative month
    if (delta <= 2 || delta == 11) {
      c->cal.y = narrative_.y + ((m < narrative_.m && delta <= 2) ? 1 : 0) -
                 ((m > narrative_.m && delta == 11) ? 1 : 0);
      c->anchor = TimeAnchor::kNarrative;
      return;
    }
  }
  c->anchor = TimeAnchor::kPublication;
  if (dct_.y == kUnknown) return;
  int y = dct_.y;
  if (dct_.m != kUnknown) {
    // News talks about the months around its date: a month far ahead of the
    // DCT in a past-tense sentence is last year's, a month far behind it in
    // a future or tenseless one is next year's ("payable Dec. 7" in October
    // stays this year; "Rescued on Nov. 25" in January is last year).
    const Tense tense = TenseAround(at);
    const int diff = m - dct_.m;
    if (diff > 0 && ((tense == Tense::kPast && diff >= 4) || diff >= 9)) y -= 1;
    else if (diff < 0 && ((tense == Tense::kFuture && -diff >= 2) ||
                          (tense == Tense::kNone && -diff >= 6)))
      y += 1;
    (void)d;
  }
  c->cal.y = y;
}

bool Matcher::MonthCore(size_t i, Core* c) {
  int m = 0;
  size_t e = 0;
  if (!MonthAt(i, &m, &e)) return false;
  int d = 0, y = 0;
  size_t de = 0;
  // Month Day [,] [Year] and ranges "January 19 to 20, 1990".
  if (DayNum(e, &d, &de)) {
    if ((Punct(de, ':') || Punct(de, '.')) && Glued(de) && Num(de + 1) && Glued(de + 1))
      return false;  // "March 10:30" is not a date
    size_t k = de;
    // Range: Month D1 (to|-|through|and) D2
    int d2 = 0, m2 = m;
    size_t r2b = 0, r2e = 0;
    bool range = false;
    if ((Func(k, kFTo) || Punct(k, '-') || Func(k, kFThrough) || Func(k, kFAnd) ||
         Func(k, kFUntil)) &&
        k + 1 < n_) {
      size_t q = k + 1;
      int mm = 0;
      size_t me = 0;
      if (MonthAt(q, &mm, &me) && DayNum(me, &d2, &r2e)) {
        m2 = mm;
        r2b = q;
        range = true;
      } else if (DayNum(q, &d2, &r2e) && !Is(r2e, Lx::kUnit) && !Is(r2e, Lx::kMonth) &&
                 !Is(r2e, Lx::kMonthAbbr) && d2 > d) {
        r2b = q;
        range = true;
      }
      if (range) k = r2e;
    }
    size_t ye = k;
    bool has_year = false;
    if (Punct(k, ',') && YearNum(k + 1, &y)) {
      has_year = true;
      ye = k + 2;
    } else if (YearNum(k, &y)) {
      has_year = true;
      ye = k + 1;
    }
    c->type = TimexType::kDate;
    c->cal.g = Gran::kDay;
    c->cal.m = m;
    c->cal.d = d;
    if (has_year) {
      c->cal.y = y;
      c->explicit_year = true;
      c->anchor = TimeAnchor::kAbsolute;
    } else {
      ResolveMonthDay(i, m, d, c);
    }
    if (!PlausibleMonthDay(c->cal.y, m, d)) {
      c->end = ye;  // impossible date: consume it so that no part is tagged
      c->impossible = true;
      return true;
    }
    if (range) {
      CalValue c2 = c->cal;
      c2.m = m2;
      c2.d = d2;
      if (!PlausibleMonthDay(c2.y, m2, d2)) range = false;
      else {
        c->range = true;
        c->p1 = {static_cast<uint32_t>(i), static_cast<uint32_t>(de), c->cal, ""};
        c->p2 = {static_cast<uint32_t>(r2b), static_cast<uint32_t>(ye), c2, ""};
      }
    }
    if (!range && k != de) ye = has_year ? ye : de;  // "to" that did not make a range
    if (!range && !has_year) ye = de;
    if (!range && has_year && k != de) {
      // Range words matched but the range was rejected: re-evaluate plainly.
      ye = de;
      c->cal.y = kUnknown;
      c->explicit_year = false;
      ResolveMonthDay(i, m, d, c);
    }
    c->end = ye;
    return true;
  }
  // Month Year / Month of Year
  size_t k = e;
  if (Punct(k, ',') && YearNum(k + 1, &y)) k += 2;
  else if (YearNum(k, &y)) k += 1;
  else if (Func(k, kFOf) && YearNum(k + 1, &y)) k += 2;
  c->type = TimexType::kDate;
  c->cal.g = Gran::kMonth;
  c->cal.m = m;
  if (k != e) {
    c->cal.y = y;
    c->explicit_year = true;
    c->anchor = TimeAnchor::kAbsolute;
    // "from March to May 1990" style ranges are handled by RangeAround.
    c->end = k;
    return true;
  }
  // "June last year", "January this year", "March next year".
  int yunit = 0;
  bool yplural = false;
  if (Is(e, Lx::kRel) && UnitAt(e + 1, &yunit, &yplural) && yunit == kUYear && !yplural) {
    const int r = Val(e, Lx::kRel);
    const int dir = (r == kRLast) ? -1 : (r == kRNext) ? 1 : (r == kRThis) ? 0 : 99;
    if (dir != 99 && Cap(i)) {
      c->cal.y = dct_.y == kUnknown ? kUnknown : dct_.y + dir;
      c->anchor = TimeAnchor::kPublication;
      c->end = e + 2;
      return true;
    }
  }
  // Month alone: "January", "in March".
  if (!Cap(i)) return false;
  ResolveMonthDay(i, m, kUnknown, c);
  c->end = e;
  return true;
}

bool Matcher::NumberCore(size_t i, Core* c) {
  const Tok& t = t_[i];
  // ISO date 2025-01-17.
  if (t.ndig == 4 && !(t.flags & kSeparated) && Punct(i + 1, '-') && Glued(i + 1) &&
      Num(i + 2) && Glued(i + 2) && t_[i + 2].ndig == 2 && Punct(i + 3, '-') && Glued(i + 3) &&
      Num(i + 4) && Glued(i + 4) && t_[i + 4].ndig == 2) {
    const int y = static_cast<int>(t.num), m = static_cast<int>(t_[i + 2].num),
              d = static_cast<int>(t_[i + 4].num);
    if (!IsValidDate(y, m, d)) return false;
    c->cal = {Gran::kDay, y, m, d, 0, ""};
    c->explicit_year = true;
    c->end = i + 5;
    if (Word(c->end) && Glued(c->end) && WordIs(c->end, "T")) return false;
    return true;
  }
  // US numeric date 1/17/2025 or 1/17/25.
  if (t.ndig <= 2 && Punct(i + 1, '/') && Glued(i + 1) && Num(i + 2) && Glued(i + 2) &&
      t_[i + 2].ndig <= 2 && Punct(i + 3, '/') && Glued(i + 3) && Num(i + 4) && Glued(i + 4) &&
      (t_[i + 4].ndig == 4 || t_[i + 4].ndig == 2)) {
    int y = static_cast<int>(t_[i + 4].num);
    if (t_[i + 4].ndig == 2) y += y < 30 ? 2000 : 1900;
    const int m = static_cast<int>(t.num), d = static_cast<int>(t_[i + 2].num);
    if (!IsValidDate(y, m, d)) return false;
    c->cal = {Gran::kDay, y, m, d, 0, ""};
    c->explicit_year = true;
    c->end = i + 5;
    return true;
  }
  // Clock times: 10:35 [a.m.], 6 a.m., 10 p.m.
  if (ClockCore(i, c)) return true;
  // Day Month [Year]: "20 January", "19 January 1990", "the 21st of January".
  {
    int d = 0, m = 0, y = 0;
    size_t de = 0, me = 0;
    if (DayNum(i, &d, &de)) {
      size_t k = de;
      if (Func(k, kFOf)) ++k;
      if (MonthAt(k, &m, &me) && (k == de || t_[i].e != t_[de - 1].e || true)) {
        c->type = TimexType::kDate;
        c->cal.g = Gran::kDay;
        c->cal.m = m;
        c->cal.d = d;
        size_t e = me;
        if (Punct(e, ',') && YearNum(e + 1, &y)) e += 2;
        else if (YearNum(e, &y)) e += 1;
        if (e != me) {
          c->cal.y = y;
          c->explicit_year = true;
        } else {
          ResolveMonthDay(i, m, d, c);
        }
        if (!PlausibleMonthDay(c->cal.y, m, d)) {
          c->impossible = true;
          c->end = e;
          return true;
        }
        c->end = e;
        return true;
      }
    }
  }
  // Durations: "35 years", "16-hour", "2 1/2 years".
  {
    int64_t v = 0;
    size_t e = 0;
    if (NumberPhrase(i, false, &v, &e) && DurationAfterNumber(i, v, e, c)) return true;
  }
  // Years, decades, centuries.
  int y = 0;
  if (YearNum(i, &y)) {
    // Decade: 1990s / 1990's.
    if (Word(i + 1) && Glued(i + 1) && WordIs(i + 1, "s")) {
      c->cal.g = (y % 100 == 0) ? Gran::kCentury : Gran::kDecade;
      c->cal.y = y;
      c->explicit_year = true;
      c->noun = true;
      c->end = i + 2;
      return true;
    }
    if (Punct(i + 1, '"') && Glued(i + 1) && WordIs(i + 2, "s") && Glued(i + 2)) {
      c->cal.g = Gran::kDecade;
      c->cal.y = y;
      c->explicit_year = true;
      c->noun = true;
      c->end = i + 3;
      return true;
    }
    // Not a year: 1990 people, 1990-related ids, $1990, 1990%.
    if (Punct(i + 1, '%') || (i > 0 && Punct(i - 1, '$') && Glued(i)) ||
        (Punct(i + 1, '-') && Glued(i + 1) && Num(i + 2) && t_[i + 2].ndig != 2 &&
         t_[i + 2].ndig != 4))
      return false;
    if (i > 0 && (Punct(i - 1, '#') || Punct(i - 1, '.')) && Glued(i)) return false;
    // Numbers of local crime news that look like years (GVA dev), which
    // would otherwise date the story's event centuries off: a street
    // address ("the 1400 block of", "at 1722 Thurgood Street"), a phone
    // number's last group ("(213) 485-1383"), a copyright line ("© 2004").
    if (WordIs(i + 1, "block") || WordIs(i + 1, "blocks") || StreetNameAt(i + 1)) return false;
    if (i >= 2 && Punct(i - 1, '-') && Glued(i) && Glued(i - 1) && Num(i - 2) && t_[i - 2].ndig == 3)
      return false;
    if (i > 0 && (WordIs(i - 1, "copyright") || Text(i - 1) == "\u00a9")) return false;
    // Range of years: 1990-1994, 1990-94.
    c->cal.g = Gran::kYear;
    c->cal.y = y;
    c->explicit_year = true;
    c->end = i + 1;
    if (Punct(i + 1, '-') && Glued(i + 1) && Num(i + 2) && Glued(i + 2) &&
        (t_[i + 2].ndig == 2 || t_[i + 2].ndig == 4)) {
      int y2 = static_cast<int>(t_[i + 2].num);
      if (t_[i + 2].ndig == 2) y2 += (y / 100) * 100;
      if (y2 > y && y2 - y < 200) {
        CalValue c2 = c->cal;
        c2.y = y2;
        c->range = true;
        c->p1 = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), c->cal, ""};
        c->p2 = {static_cast<uint32_t>(i + 2), static_cast<uint32_t>(i + 3), c2, ""};
        c->end = i + 3;
      }
    }
    // "1990 and beyond"
    return true;
  }
  // Ordinal century: "the 20th century" → 19; "21st-century".
  if (t.ndig <= 2 && Word(i + 1) && Glued(i + 1) &&
      (WordIs(i + 1, "th") || WordIs(i + 1, "st") || WordIs(i + 1, "nd") || WordIs(i + 1, "rd"))) {
    size_t k = i + 2;
    if (Punct(k, '-') && Glued(k)) ++k;
    int unit = 0;
    bool pl = false;
    if (UnitAt(k, &unit, &pl) && unit == kUCentury && !pl && t.num >= 1) {
      c->cal.g = Gran::kCentury;
      c->cal.y = static_cast<int>((t.num - 1) * 100);
      c->noun = true;
      c->end = k + 1;
      return true;
    }
  }
  return false;
}

bool Matcher::ClockCore(size_t i, Core* c) {
  const Tok& t = t_[i];
  if (t.ndig > 2 || (t.flags & kSeparated) || t.num > 24) return false;
  int h = static_cast<int>(t.num), mi = -1;
  size_t k = i + 1;
  if (Punct(k, ':') && Glued(k) && Num(k + 1) && Glued(k + 1) && t_[k + 1].ndig == 2 &&
      t_[k + 1].num < 60) {
    mi = static_cast<int>(t_[k + 1].num);
    k += 2;
  }
  // a.m. / p.m. / am / pm / a.m / A.M.
  int ampm = -1;
  if (Is(k, Lx::kAmPm)) {
    ampm = Val(k, Lx::kAmPm);
    ++k;
  } else if ((WordIs(k, "a") || WordIs(k, "p")) && Punct(k + 1, '.') && Glued(k + 1) &&
             WordIs(k + 2, "m") && Glued(k + 2)) {
    ampm = WordIs(k, "p") ? 1 : 0;
    k += 3;
    if (Punct(k, '.') && Glued(k)) ++k;
  } else if (WordIs(k, "o") && Punct(k + 1, '"') && WordIs(k + 2, "clock")) {
    k += 3;
  } else if (WordIs(k, "o") && Punct(k + 1, '\'') && WordIs(k + 2, "clock")) {
    k += 3;
  } else if (mi < 0 && Func(k, kFIn) && Func(k + 1, kFThe) && Is(k + 2, Lx::kPart) &&
             t.num >= 1 && t.num <= 12) {
    const int p = Val(k + 2, Lx::kPart) & 7;
    ampm = (p == kPMorning) ? 0 : 1;
    if (p == kPNight && t.num >= 9) ampm = 1;
    else if (p == kPNight) ampm = 0;
    k += 3;
  } else if (mi < 0) {
    return false;
  }
  if (h > 12 && ampm >= 0) return false;
  if (ampm == 1 && h < 12) h += 12;
  if (ampm == 0 && h == 12) h = 0;
  if (mi < 0 && ampm < 0 && h > 12) return false;
  if (Is(k, Lx::kTz)) ++k;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mi < 0 ? 0 : mi);
  c->type = TimexType::kTime;
  c->end = k;
  // The day the time is on: a following day expression, else the DCT.
  size_t q = k;
  if (Punct(q, ',')) ++q;
  if (Func(q, kFOn)) ++q;
  Core day;
  bool attached = false;
  if (q < n_ && (Is(q, Lx::kWeekday) || Is(q, Lx::kDeictic) || Is(q, Lx::kMonth) ||
                 Is(q, Lx::kMonthAbbr))) {
    if ((Is(q, Lx::kWeekday) && WeekdayCore(q, &day)) ||
        (Is(q, Lx::kDeictic) && DeicticCore(q, &day)) ||
        ((Is(q, Lx::kMonth) || Is(q, Lx::kMonthAbbr)) && MonthCore(q, &day) &&
         day.cal.g == Gran::kDay)) {
      if (day.cal.g == Gran::kDay && day.value.empty()) {
        attached = true;
        c->end = day.end;
        c->cal = day.cal;
        c->anchor = day.anchor;
      }
    }
  }
  if (!attached) {
    c->cal = dct_.known_day() ? dct_ : CalValue{Gran::kDay, kUnknown, kUnknown, kUnknown, 0, ""};
    c->cal.g = Gran::kDay;
    c->anchor = TimeAnchor::kPublication;
  }
  c->cal.time = buf;
  // "4 in the morning"
  return true;
}

bool Matcher::DurationAfterNumber(size_t i, int64_t n, size_t e, Core* c) {
  bool half = false;
  // "2 1/2 years", "5 1/2 hours"
  if (Num(e) && t_[e].num == 1 && Punct(e + 1, '/') && Glued(e + 1) && Num(e + 2) &&
      t_[e + 2].num == 2) {
    half = true;
    e += 3;
  }
  bool hyphen = false;
  if (Punct(e, '-') && Glued(e) && Glued(e + 1)) {
    hyphen = true;
    ++e;
  }
  int unit = 0;
  bool plural = false;
  if (!UnitAt(e, &unit, &plural)) {
    return false;
  }
  if (unit == kUPeriod) return false;
  // A year is not a count: "the 1988 quarter", "1990 year".
  if (Num(i) && t_[i].ndig == 4 && !(t_[i].flags & kSeparated) && n >= 1000 && n <= 2199 &&
      !plural)
    return false;
  // Fractions and ordinals: "a quarter of", "three-quarters", "a second time".
  const bool article = Func(i, kFA) || Func(i, kFAn);
  if (unit == kUQuarter && (article || hyphen || Func(e + 1, kFOf) || plural != (n > 1)))
    return false;
  if (unit == kUSecond && article) return false;
  size_t k = e + 1;
  // A rate: "24 hours a day", "700 seats a week", "$5 a year" — a SET.
  if (article && !plural && unit != kUQuarter && i > 0 && !Is(k, Lx::kAgo) &&
      !Is(i - 1, Lx::kFunc) && !Is(i - 1, Lx::kApprox) && !Func(k, kFAnd) && !Func(k, kFOr) &&
      (Num(i - 1) || Is(i - 1, Lx::kUnit) || Is(i - 1, Lx::kNumWord) ||
       (i > 1 && (Num(i - 2) || Is(i - 2, Lx::kNumWord))) || Punct(i - 1, '%'))) {
    c->type = TimexType::kSet;
    c->value = FormatDuration(1, unit, false);
    c->end = k;
    return true;
  }
  if (Func(k, kFAnd) && (Func(k + 1, kFA) || Func(k + 1, kFAn)) && WordIs(k + 2, "half")) {
    half = true;
    k += 3;
  }
  // "8-month-old": an age.
  if (hyphen && Punct(k, '-') && Glued(k) && Func(k + 1, kFOld)) return false;
  if (Func(k, kFOld)) return false;
  c->end = k;
  c->type = TimexType::kDuration;
  c->noun = !hyphen;  // "the two-week strike": "the" belongs to the noun, not the timex
  int64_t count = n;
  int u = unit;
  if (unit == kUQuarter && n > 0) {
    count = n * 3;
    u = kUMonth;
  }
  c->value = FormatDuration(count, u, half);
  if (n == 0 && half) c->value = FormatDuration(1, u, false);
  // "two weeks ago", "a year earlier", "three days later", "a year from now",
  // "a week or so ago"
  if (Func(k, kFOr) && WordIs(k + 1, "so") && Is(k + 2, Lx::kAgo)) k += 2;
  if (Is(k, Lx::kAgo) && n != 0) {
    const int a = Val(k, Lx::kAgo);
    if (a == kAAgo || a == kAEarlier || a == kALater || a == kAHence) {
      const int sign = (a == kALater || a == kAHence) ? 1 : -1;
      const int64_t nn = n < 0 ? 0 : n;
      CalValue base = dct_;
      c->anchor = TimeAnchor::kPublication;
      if ((a == kAEarlier || a == kALater) && narrative_live_ && narrative_.y != kUnknown &&
          narrative_.y != dct_.y) {
        base = narrative_;
        c->anchor = TimeAnchor::kNarrative;
      }
      c->type = TimexType::kDate;
      c->value.clear();
      c->end = k + 1;
      if (n < 0) {
        c->value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
        return true;
      }
      switch (unit) {
        case kUDay: case kUNight: c->cal = ShiftDays(base, sign * nn); break;
        case kUWeek: c->cal = WeekOf(base, static_cast<int>(sign * nn)); break;
        case kUFortnight: c->cal = WeekOf(base, static_cast<int>(sign * nn * 2)); break;
        case kUMonth: c->cal = ShiftMonths(base, static_cast<int>(sign * nn)); break;
        case kUQuarter: c->cal = QuarterOf(base, static_cast<int>(sign * nn)); break;
        case kUYear:
          if (quarter_talk_ && nn == 1 && base.m != kUnknown) {
            c->cal = EarningsQuarter();
            c->cal = QuarterOf(CalValue{Gran::kMonth, c->cal.y - 1, c->cal.sub * 3, kUnknown, 0, ""}, 0);
          } else {
            c->cal = YearOf(base, static_cast<int>(sign * nn));
          }
          break;
        case kUDecade: {
          c->cal = YearOf(base, static_cast<int>(sign * nn * 10));
          if (nn == 1) c->cal.g = Gran::kDecade;
          break;
        }
        case kUCentury: c->cal = YearOf(base, static_cast<int>(sign * nn * 100)); c->cal.g = Gran::kCentury; break;
        case kUHour: case kUMinute: case kUSecond:
          c->cal = base;
          c->type = TimexType::kTime;
          c->value = FormatValue(base) + "TXX:XX";
          if (!base.known_day()) c->value = "XXXX-XX-XXTXX:XX";
          break;
        default: c->value = sign < 0 ? "PAST_REF" : "FUTURE_REF"; break;
      }
      return true;
    }
  }
  if (WordIs(k, "from") && WordIs(k + 1, "now")) {
    c->end = k + 2;
    c->type = TimexType::kDate;
    c->value.clear();
    c->anchor = TimeAnchor::kPublication;
    const int64_t nn = n < 0 ? 0 : n;
    switch (unit) {
      case kUDay: c->cal = ShiftDays(dct_, nn); break;
      case kUWeek: c->cal = WeekOf(dct_, static_cast<int>(nn)); break;
      case kUMonth: c->cal = ShiftMonths(dct_, static_cast<int>(nn)); break;
      case kUYear: c->cal = YearOf(dct_, static_cast<int>(nn)); break;
      default: c->value = "FUTURE_REF"; break;
    }
    return true;
  }
  return true;
}

bool Matcher::DurationCore(size_t i, Core* c) {
  int64_t v = 0;
  size_t e = 0;
  // "half an hour", "half a day"
  if (WordIs(i, "half") && (Func(i + 1, kFA) || Func(i + 1, kFAn))) {
    int unit = 0;
    bool pl = false;
    if (UnitAt(i + 2, &unit, &pl) && !pl) {
      c->type = TimexType::kDuration;
      c->noun = true;
      switch (unit) {
        case kUHour: c->value = "PT30M"; break;
        case kUMinute: c->value = "PT30S"; break;
        case kUDay: c->value = "PT12H"; break;
        case kUYear: c->value = "P6M"; break;
        case kUMonth: c->value = "P2W"; break;
        case kUCentury: c->value = "P50Y"; break;
        default: return false;
      }
      c->end = i + 3;
      return true;
    }
    return false;
  }
  if (!NumberPhrase(i, true, &v, &e)) return false;
  if ((Func(i, kFA) || Func(i, kFAn)) && WordIs(e, "half") && Punct(e + 1, '-') &&
      Glued(e + 1)) {
    // "a half-hour"
    int unit = 0;
    bool pl = false;
    if (UnitAt(e + 2, &unit, &pl) && unit == kUHour) {
      c->type = TimexType::kDuration;
      c->noun = true;
      c->value = "PT30M";
      c->end = e + 3;
      return true;
    }
  }
  return DurationAfterNumber(i, v, e, c);
}

bool Matcher::YearWordsCore(size_t i, Core* c) {
  // "nineteen ninety-six", "nineteen eighty": a century word 10..20 then 10..99.
  if (!Is(i, Lx::kNumWord)) return false;
  const int hi = Val(i, Lx::kNumWord);
  if (hi < 11 || hi > 20 || !Is(i + 1, Lx::kNumWord) || Val(i + 1, Lx::kNumWord) < 10) return false;
  int64_t lo = 0;
  size_t e = 0;
  if (!NumberPhrase(i + 1, false, &lo, &e) || lo < 10 || lo > 99) return false;
  int u = 0;
  bool pl = false;
  if (UnitAt(e, &u, &pl)) return false;
  c->cal = {Gran::kYear, hi * 100 + static_cast<int>(lo), kUnknown, kUnknown, 0, ""};
  c->explicit_year = true;
  c->end = e;
  return true;
}

void Matcher::DayPartSuffix(Core* c) {
  size_t k = c->end;
  if (Is(k, Lx::kPart) && !(Val(k, Lx::kPart) & kPluralBit) && c->cal.g == Gran::kDay) {
    c->cal.time = PartCode(Val(k, Lx::kPart));
    c->type = TimexType::kTime;
    c->end = k + 1;
  }
}

bool Matcher::WeekdayCore(size_t i, Core* c) {
  const int v = Val(i, Lx::kWeekday);
  if (v & kPluralBit) {  // "Mondays": a set
    c->type = TimexType::kSet;
    c->value = "XXXX-WXX-" + std::to_string(v & 7);
    c->end = i + 1;
    return true;
  }
  if (!Cap(i)) return false;
  const Tense tense = TenseAround(i);
  const int dir = tense == Tense::kFuture ? 1 : -1;
  c->cal = WeekdayNear(dct_, v, dir);
  c->anchor = TimeAnchor::kPublication;
  c->type = TimexType::kDate;
  c->end = i + 1;
  // "Friday, Aug. 7": the explicit date wins and joins the span.
  size_t k = i + 1;
  if (Punct(k, ',')) ++k;
  Core md;
  if ((Is(k, Lx::kMonth) || Is(k, Lx::kMonthAbbr)) && MonthCore(k, &md) &&
      md.cal.g == Gran::kDay && md.value.empty() && !md.range) {
    md.cal.time.clear();
    *c = md;
    return true;
  }
  DayPartSuffix(c);
  return true;
}

bool Matcher::DeicticCore(size_t i, Core* c) {
  const int v = Val(i, Lx::kDeictic);
  c->anchor = TimeAnchor::kPublication;
  c->type = TimexType::kDate;
  c->end = i + 1;
  switch (v) {
    case kDToday: c->cal = ShiftDays(dct_, 0); break;
    case kDYesterday: c->cal = ShiftDays(dct_, -1); break;
    case kDTomorrow: c->cal = ShiftDays(dct_, 1); break;
    case kDTonight:
      c->cal = ShiftDays(dct_, 0);
      c->cal.time = "TNI";
      c->type = TimexType::kTime;
      return true;
    case kDOvernight:
      c->cal = ShiftDays(dct_, -1);
      c->cal.time = "TNI";
      c->type = TimexType::kTime;
      return true;
  }
  DayPartSuffix(c);
  return true;
}

bool Matcher::QuarterCore(size_t i, Core* c) {
  // [fiscal] (first|second|third|fourth)[-]quarter [of YYYY], also "first half".
  size_t k = i;
  int year = kUnknown;
  bool explicit_year = false;
  if (YearNum(k, &year)) {
    explicit_year = true;
    ++k;
  }
  if (Func(k, kFFiscal)) ++k;
  if (explicit_year && i > 0 && Func(i - 1, kFThe)) {
    int u = 0;
    bool pl = false;
    if (UnitAt(k, &u, &pl) && !pl && (u == kUQuarter || u == kUPeriod)) {
      const CalValue q = EarningsQuarter();
      c->cal = {Gran::kQuarter, year, kUnknown, kUnknown, q.sub, ""};
      if (q.sub == 0) c->cal.sub = 0;
      c->explicit_year = true;
      c->noun = true;
      c->end = k + 1;
      return true;
    }
  }
  if (!Is(k, Lx::kOrdWord)) return false;
  const int ord = Val(k, Lx::kOrdWord);
  ++k;
  bool hyphen = false;
  if (Punct(k, '-') && Glued(k)) {
    ++k;
    hyphen = true;
  }
  int unit = 0;
  bool pl = false;
  bool half = false;
  if (WordIs(k, "half")) half = true;
  else if (!UnitAt(k, &unit, &pl) || unit != kUQuarter || pl) return false;
  if (half ? (ord < 1 || ord > 2) : (ord < 1 || ord > 4)) return false;
  ++k;
  int y2 = 0;
  if (Func(k, kFOf) && YearNum(k + 1, &y2)) {
    year = y2;
    explicit_year = true;
    k += 2;
  } else if (Func(k, kFOf) && Func(k + 1, kFFiscal) && YearNum(k + 2, &y2)) {
    year = y2;
    explicit_year = true;
    k += 3;
  } else if (YearNum(k, &y2) && !explicit_year) {
    year = y2;
    explicit_year = true;
    k += 1;
  }
  c->type = TimexType::kDate;
  c->cal.g = half ? Gran::kHalf : Gran::kQuarter;
  c->cal.sub = ord;
  c->noun = !hyphen;
  if (explicit_year) {
    c->cal.y = year;
    c->explicit_year = true;
  } else {
    c->cal.y = dct_.y;
    c->anchor = TimeAnchor::kPublication;
    // A quarter still ahead of the DCT, told in the past tense, is last
    // year's ("the fourth quarter" in a February report of results).
    if (!half && dct_.m != kUnknown && ord > (dct_.m - 1) / 3 + 1 && TenseAround(i) == Tense::kPast)
      c->cal.y -= 1;
  }
  c->end = k;
  return true;
}

bool Matcher::RelCore(size_t i, Core* c) {
  const int r = Val(i, Lx::kRel);
  size_t k = i + 1;
  if (Func(k, kFFiscal)) ++k;  // "last fiscal year" resolves like "last year"
  int dir = 0;
  switch (r) {
    case kRLast: case kRPast: case kRPrevious: case kRPreceding: dir = -1; break;
    case kRNext: case kRComing: case kRFollowing: case kRUpcoming: dir = 1; break;
    case kRThis: case kRCurrent: case kRSame: case kRThat: case kRLatest: dir = 0; break;
    default: return false;
  }
  c->anchor = TimeAnchor::kPublication;
  c->type = TimexType::kDate;
  // Quarter by ordinal: "the latest third quarter" rarely; "this year's third quarter" elsewhere.
  int unit = 0;
  bool plural = false;
  if (UnitAt(k, &unit, &plural) && !plural && unit == kUPeriod &&
      (r == kRLatest || r == kRCurrent || r == kRThis)) {
    c->cal = r == kRLatest ? EarningsQuarter() : QuarterOf(dct_, 0);
    c->end = k + 1;
    c->noun = true;
    return true;
  }
  if (UnitAt(k, &unit, &plural) && !plural) {
    c->end = k + 1;
    c->noun = true;
    // "that day", "the same day", "the next day", "the following day": the story's day.
    const bool story = r == kRThat || r == kRSame || r == kRFollowing ||
                       (r == kRNext && i > 0 && Func(i - 1, kFThe)) ||
                       (r == kRPrevious && i > 0 && Func(i - 1, kFThe));
    if (story) {
      if (unit == kUDay || unit == kUNight || unit == kUMonth || unit == kUYear ||
          unit == kUWeek) {
        const bool have_story = last_day_.known_day();
        CalValue base = have_story ? last_day_ : dct_;
        if (unit == kUDay || unit == kUNight) {
          c->cal = ShiftDays(base, dir);
          if (unit == kUNight) c->cal.time = "TNI";
        } else if (unit == kUMonth) {
          c->cal = ShiftMonths(narrative_live_ && narrative_.y != kUnknown ? narrative_ : base, dir);
        } else if (unit == kUWeek) {
          c->cal = WeekOf(base, dir);
        } else if (r == kRThat || r == kRSame) {
          // "that year": the year of the last explicit date, else unresolvable here.
          if (last_year_ == kUnknown) return false;
          c->cal = {Gran::kYear, last_year_, kUnknown, kUnknown, 0, ""};
          c->anchor = TimeAnchor::kNarrative;
          return true;
        } else {
          c->cal = YearOf(last_year_ != kUnknown ? CalValue{Gran::kYear, last_year_, kUnknown, kUnknown, 0, ""} : base, dir);
        }
        c->anchor = have_story ? TimeAnchor::kNarrative : TimeAnchor::kPublication;
        if (r == kRThat && !have_story && (unit == kUDay)) return false;
        return true;
      }
      return false;
    }
    // "the past year", "the last decade": a duration back from now.
    const bool the_before = i > 0 && Func(i - 1, kFThe);
    if (the_before && (r == kRPast || r == kRLast || r == kRComing || r == kRNext) &&
        unit != kUQuarter && unit != kUWeekend) {
      c->type = TimexType::kDuration;
      c->value = FormatDuration(unit == kUDecade ? 1 : 1, unit, false);
      return true;
    }
    switch (unit) {
      case kUDay:
        if (r == kRThis) { c->cal = ShiftDays(dct_, 0); return true; }
        return false;
      case kUWeek: c->cal = WeekOf(dct_, dir); return true;
      case kUWeekend: {
        // The weekend of this week; "last weekend" is the one before.
        CalValue w = WeekOf(dct_, 0);
        if (dct_.known_day()) {
          const int wd = IsoWeekday(dct_.y, dct_.m, dct_.d);
          int shift = dir;
          if (dir == 0 && wd <= 2) shift = -1;  // early in the week: the one just past
          w = WeekOf(dct_, shift);
        }
        w.g = Gran::kWeekend;
        c->cal = w;
        return true;
      }
      case kUFortnight: c->cal = WeekOf(dct_, dir * 2); return true;
      case kUMonth: c->cal = ShiftMonths(dct_, dir); return true;
      case kUQuarter:
        if (r == kRLatest) c->cal = EarningsQuarter();
        else c->cal = QuarterOf(dct_, dir);
        quarter_talk_ = true;
        return true;
      case kUYear: c->cal = YearOf(dct_, dir); return true;  // "last fiscal year" alike
      case kUDecade: {
        c->cal = YearOf(dct_, dir * 10);
        c->cal.g = Gran::kDecade;
        return true;
      }
      case kUCentury: c->cal = YearOf(dct_, dir * 100); c->cal.g = Gran::kCentury; return true;
      case kUHalf: return false;
      default: return false;
    }
  }
  // "the past two months", "the next few years", "the last 12 months", "past 20 years"
  if (r == kRPast || r == kRLast || r == kRNext || r == kRComing || r == kRPrevious ||
      r == kRFollowing || r == kRLatest || r == kRPreceding) {
    int64_t v = 0;
    size_t e = 0;
    if (NumberPhrase(k, false, &v, &e) && !(Num(k) && YearNum(k, &unit))) {
      // "the next 12 to 18 months"
      if ((Func(e, kFTo) || Func(e, kFOr)) && NumberPhrase(e + 1, false, &v, &e)) v = -1;
      int u = 0;
      bool pl = false;
      if (UnitAt(e, &u, &pl)) {
        c->type = TimexType::kDuration;
        c->noun = true;
        int64_t count = v;
        if (u == kUQuarter && v > 0) {
          count = v * 3;
          u = kUMonth;
        }
        c->value = FormatDuration(count, u, false);
        c->end = e + 1;
        if (WordIs(c->end, "or") && WordIs(c->end + 1, "so")) c->end += 2;
        return true;
      }
    }
    if (UnitAt(k, &unit, &plural) && plural) {
      // "in the coming days", "upcoming weeks": a vague future, not a length (TimeML).
      if (r == kRComing || r == kRUpcoming) {
        c->value = "FUTURE_REF";
        c->anchor = TimeAnchor::kPublication;
        c->noun = true;
        c->end = k + 1;
        return true;
      }
      c->type = TimexType::kDuration;
      c->noun = true;
      c->value = FormatDuration(-1, unit == kUQuarter ? kUMonth : unit, false);
      c->end = k + 1;
      return true;
    }
  }
  // "the past": a vague past.
  if (r == kRPast && i > 0 && Func(i - 1, kFThe) && !Word(k) && !Num(k)) {
    c->value = "PAST_REF";
    c->noun = true;
    c->end = k;
    return true;
  }
  if (r == kRPast && i > 0 && Func(i - 1, kFThe) && !Is(k, Lx::kUnit) && !Is(k, Lx::kNumWord) &&
      !Is(k, Lx::kFewWord) && !Is(k, Lx::kSeason) && !Is(k, Lx::kWeekday) && !Is(k, Lx::kMonth) &&
      !Is(k, Lx::kOrdWord) && !Func(k, kFFiscal) && !Func(k, kFCalendar) && !Punct(k, '-')) {
    c->value = "PAST_REF";
    c->noun = true;
    c->end = k;
    return true;
  }
  // Holidays: "last Thanksgiving", "next Christmas".
  if (Is(k, Lx::kHoliday) && (r == kRLast || r == kRNext || r == kRThis)) {
    Core hol;
    if (HolidayCore(k, &hol) && hol.cal.known_day() && dct_.known_day() && !hol.explicit_year) {
      const int64_t when = DaysFromCivil(hol.cal.y, hol.cal.m, hol.cal.d);
      const int64_t now = DaysFromCivil(dct_.y, dct_.m, dct_.d);
      int y = hol.cal.y;
      if (r == kRLast && when >= now) y -= 1;
      else if (r == kRNext && when <= now) y += 1;
      if (y != hol.cal.y) {
        Date pub{y, dct_.m, dct_.d, DatePrecision::kDay};
        Matcher again(s_, t_, pub);
        Core h2;
        if (!again.HolidayCore(k, &h2)) return false;
        hol.cal = h2.cal;
      }
      *c = hol;
      c->anchor = TimeAnchor::kPublication;
      return true;
    }
  }
  // Weekdays: "last Friday", "next Tuesday", "this Friday".
  if (Is(k, Lx::kWeekday) && !(Val(k, Lx::kWeekday) & kPluralBit)) {
    const int wd = Val(k, Lx::kWeekday);
    if (r == kRLast || r == kRPast || r == kRPrevious) c->cal = WeekdayNear(dct_, wd, -2);
    else if (r == kRNext || r == kRComing) c->cal = WeekdayNear(dct_, wd, 2);
    else if (r == kRThis) c->cal = WeekdayNear(dct_, wd, TenseAround(i) == Tense::kPast ? -1 : 1);
    else if (r == kRThat || r == kRSame || r == kRFollowing) {
      if (!last_day_.known_day()) return false;
      c->cal = WeekdayNear(last_day_, wd, r == kRFollowing ? 2 : -1);
      c->anchor = TimeAnchor::kNarrative;
    } else return false;
    c->end = k + 1;
    DayPartSuffix(c);
    return true;
  }
  // Months: "last November", "next March", "this September".
  int m = 0;
  size_t me = 0;
  if ((Is(k, Lx::kMonth) || Is(k, Lx::kMonthAbbr)) && Cap(k) && MonthAt(k, &m, &me)) {
    if (dct_.y == kUnknown) {
      c->cal = {Gran::kMonth, kUnknown, m, kUnknown, 0, ""};
    } else {
      int y = dct_.y;
      const int dm = dct_.m == kUnknown ? 6 : dct_.m;
      if (r == kRLast || r == kRPast || r == kRPrevious) y = (m >= dm) ? y - 1 : y;
      else if (r == kRNext || r == kRComing) y = (m <= dm) ? y + 1 : y;
      else if (r != kRThis) return false;
      c->cal = {Gran::kMonth, y, m, kUnknown, 0, ""};
    }
    c->end = me;
    // "last Oct. 23": the day in that month.
    int d = 0;
    size_t de = 0;
    if (DayNum(me, &d, &de) && c->cal.y != kUnknown && PlausibleMonthDay(c->cal.y, m, d)) {
      c->cal.g = Gran::kDay;
      c->cal.d = d;
      c->end = de;
    }
    return true;
  }
  // Seasons: "last fall", "this summer", "next spring". Seasons are
  // numbered on one timeline (year*4 + season-1); January and February
  // belong to the previous year's winter.
  if (Is(k, Lx::kSeason) && !(Val(k, Lx::kSeason) & kPluralBit)) {
    const int sn = Val(k, Lx::kSeason);
    int y = dct_.y;
    if (y != kUnknown && dct_.m != kUnknown) {
      const int cur = dct_.m <= 2 ? (dct_.y - 1) * 4 + 3 : dct_.y * 4 + SeasonOfMonth(dct_.m) - 1;
      int idx = cur - ((cur % 4) - (sn - 1) + 4) % 4;  // this season's occurrence at or before now
      if (r == kRLast || r == kRPast || r == kRPrevious) {
        if (idx == cur) idx -= 4;
      } else if (r == kRNext || r == kRComing) {
        idx = cur + ((sn - 1) - (cur % 4) + 4) % 4;
        if (idx == cur) idx += 4;
      } else if (r == kRThis) {  // the calendar year's season; in Jan/Feb, "this winter" is the current one
        idx = dct_.y * 4 + (sn - 1);
        if (sn == 4 && dct_.m <= 2) idx -= 4;
      } else {
        return false;
      }
      y = idx / 4;
    } else if (y != kUnknown) {
      if (r == kRLast || r == kRPast || r == kRPrevious) y -= 1;
      else if (r == kRNext || r == kRComing) y += 1;
    }
    c->cal = {Gran::kSeason, y, kUnknown, kUnknown, sn, ""};
    c->end = k + 1;
    c->noun = true;
    return true;
  }
  // Parts of the day: "this morning", "last night", "this afternoon".
  if (Is(k, Lx::kPart) && !(Val(k, Lx::kPart) & kPluralBit)) {
    const int p = Val(k, Lx::kPart);
    if (r == kRThis) c->cal = ShiftDays(dct_, 0);
    else if (r == kRLast && p == kPNight) c->cal = ShiftDays(dct_, -1);
    else if (r == kRLast) c->cal = ShiftDays(dct_, -1);
    else if (r == kRNext || r == kRFollowing) {
      if (i > 0 && Func(i - 1, kFThe) && last_day_.known_day()) {
        c->cal = ShiftDays(last_day_, 1);
        c->anchor = TimeAnchor::kNarrative;
      } else {
        c->cal = ShiftDays(dct_, 1);
      }
    } else return false;
    c->cal.time = PartCode(p);
    c->type = TimexType::kTime;
    c->end = k + 1;
    c->noun = true;
    return true;
  }
  return false;
}

bool Matcher::UnitNounCore(size_t i, Core* c) {
  int unit = 0;
  bool plural = false;
  if (!UnitAt(i, &unit, &plural)) return false;
  const bool the_before = i > 0 && Func(i - 1, kFThe);
  // "year-earlier", "year-ago": the same period one year before the DCT.
  if (unit == kUYear && !plural && Punct(i + 1, '-') && Glued(i + 1) && Glued(i + 2) &&
      (WordIs(i + 2, "earlier") || WordIs(i + 2, "ago"))) {
    size_t k = i + 3;
    int u2 = 0;
    bool p2 = false;
    c->type = TimexType::kDate;
    c->anchor = TimeAnchor::kPublication;
    if (UnitAt(k, &u2, &p2) && (u2 == kUQuarter || u2 == kUPeriod) && the_before) {
      const CalValue q = EarningsQuarter();
      c->cal = {Gran::kQuarter, q.y == kUnknown ? kUnknown : q.y - 1, kUnknown, kUnknown, q.sub, ""};
      c->end = k + 1;
      c->noun = true;
      return true;
    }
    if (UnitAt(k, &u2, &p2) && u2 == kUMonth && p2 && the_before) return false;
    if (quarter_talk_ && dct_.m != kUnknown) {
      const CalValue q = EarningsQuarter();
      c->cal = {Gran::kQuarter, q.y == kUnknown ? kUnknown : q.y - 1, kUnknown, kUnknown, q.sub, ""};
    } else {
      c->cal = YearOf(dct_, -1);
    }
    c->end = i + 3;
    return true;
  }
  if (plural && !the_before && i > 0 &&
      (Func(i - 1, kFFor) || Func(i - 1, kFIn) || Is(i - 1, Lx::kApprox) ||
       (Is(i - 1, Lx::kRel) && Val(i - 1, Lx::kRel) == kRPast)) &&
      !Func(i + 1, kFOf) && !Is(i + 1, Lx::kAgo) && unit != kUPeriod && unit != kUQuarter &&
      unit != kUSecond && unit != kUWeekend) {
    c->type = TimexType::kDuration;
    c->value = FormatDuration(-1, unit, false);
    c->end = i + 1;
    return true;
  }
  // "the year 2000", "the year two thousand": the year named after the noun.
  if (unit == kUYear && !plural && the_before &&
      ((Num(i + 1) && t_[i + 1].ndig == 4) || Is(i + 1, Lx::kNumWord))) {
    int64_t v = 0;
    size_t e = 0;
    if (NumberPhrase(i + 1, false, &v, &e) && e > i + 1 && v >= 1000 && v <= 2999) {
      c->type = TimexType::kDate;
      c->cal = CalValue{Gran::kYear, static_cast<int>(v), kUnknown, kUnknown, 0, ""};
      c->anchor = TimeAnchor::kAbsolute;
      c->explicit_year = true;
      c->noun = true;
      c->end = e;
      return true;
    }
  }
  // "year end", "year-end", "year's end": the end of the DCT year.
  if (unit == kUYear && !plural &&
      ((Is(i + 1, Lx::kMod) && Val(i + 1, Lx::kMod) == kMEnd) ||
       (Punct(i + 1, '-') && Glued(i + 1) && Is(i + 2, Lx::kMod) && Val(i + 2, Lx::kMod) == kMEnd) ||
       ((Punct(i + 1, '"') || Punct(i + 1, '\'')) && WordIs(i + 2, "s") && Is(i + 3, Lx::kMod) &&
        Val(i + 3, Lx::kMod) == kMEnd))) {
    c->cal = YearOf(dct_, 0);
    c->mod = "END";
    c->anchor = TimeAnchor::kPublication;
    c->noun = true;
    c->end = Is(i + 1, Lx::kMod) ? i + 2 : Punct(i + 1, '-') ? i + 3 : i + 4;
    return true;
  }
  if (!the_before) return false;
  if (plural) return false;
  c->noun = true;
  c->end = i + 1;
  c->type = TimexType::kDate;
  c->anchor = TimeAnchor::kPublication;
  const bool for_before = i > 1 && (Func(i - 2, kFFor) || Func(i - 2, kFThroughout) ||
                                    Func(i - 2, kFDuring) || Is(i - 2, Lx::kApprox));
  switch (unit) {
    case kUYear:
      if (for_before) {
        c->type = TimexType::kDuration;
        c->value = "P1Y";
      } else {
        c->cal = YearOf(dct_, 0);
      }
      return true;
    case kUQuarter:
      quarter_talk_ = true;
      c->cal = EarningsQuarter();
      return true;
    case kUWeekend: {
      CalValue w = WeekOf(dct_, 0);
      if (dct_.known_day() && IsoWeekday(dct_.y, dct_.m, dct_.d) <= 3) w = WeekOf(dct_, -1);
      w.g = Gran::kWeekend;
      c->cal = w;
      return true;
    }
    case kUWeek:
      c->cal = WeekOf(dct_, 0);
      return true;
    default:
      return false;
  }
}

bool Matcher::RefCore(size_t i, Core* c) {
  const int r = Val(i, Lx::kRef);
  c->type = TimexType::kDate;
  c->anchor = TimeAnchor::kPublication;
  c->end = i + 1;
  const bool the_before = i > 0 && Func(i - 1, kFThe);
  switch (r) {
    case kRefNow:
      // "now" inside "right now", "just now": still the present.
      c->value = "PRESENT_REF";
      return true;
    case kRefCurrently: case kRefNowadays:
      c->value = "PRESENT_REF";
      return true;
    case kRefCurrent: {
      // "current" as an adjective of a time noun is handled by RelCore.
      int unit = 0;
      bool pl = false;
      if (UnitAt(i + 1, &unit, &pl) && !pl) return false;
      if (Func(i + 1, kFFiscal)) return false;
      c->value = "PRESENT_REF";
      return true;
    }
    case kRefPresent:
      if (!the_before && !(i > 0 && Func(i - 1, kFAt))) return false;
      if (Word(i + 1) && !Is(i + 1, Lx::kFunc)) return false;
      c->value = "PRESENT_REF";
      c->noun = true;
      return true;
    case kRefRecently: case kRefLately:
      c->value = "PAST_REF";
      return true;
    case kRefSoon: {
      // "soon", "as soon as possible": a vague future (TimeML FUTURE_REF). "as soon as
      // <date>", "soon after X", "how soon" are a bound or a question, not a time.
      const bool as_before = i > 0 && (Func(i - 1, kFAs) || WordIs(i - 1, "how") || WordIs(i - 1, "too") ||
                                        WordIs(i - 1, "so"));
      if (as_before && Func(i + 1, kFAs) && WordIs(i + 2, "possible")) {
        c->value = "FUTURE_REF";
        c->end = i + 3;
        return true;
      }
      if (as_before || Func(i + 1, kFAs) || Is(i + 1, Lx::kAgo) || WordIs(i + 1, "thereafter") ||
          WordIs(i + 1, "afterward") || WordIs(i + 1, "afterwards"))
        return false;
      // "was soon released", "soon became": soon after a past event, not after now.
      if (TenseAround(i) == Tense::kPast) return false;
      c->value = "FUTURE_REF";
      return true;
    }
    case kRefRecent: {
      // "recent years/weeks/days": a vague past; "recent" alone as an adjective.
      int unit = 0;
      bool pl = false;
      if (UnitAt(i + 1, &unit, &pl) && pl) {
        c->type = TimexType::kDuration;
        c->value = FormatDuration(-1, unit == kUQuarter ? kUMonth : unit, false);
        c->end = i + 2;
        if (unit == kUYear) {
          c->type = TimexType::kDate;
          c->value = "PAST_REF";
        }
        return true;
      }
      // "the recent sale", "a recent visit": an adjective, not a time.
      if (i > 0 && (the_before || Func(i - 1, kFA))) return false;
      c->value = "PAST_REF";
      return true;
    }
    case kRefFuture:
      if (!the_before && !(i > 0 && Func(i - 1, kFNear))) return false;
      c->value = "FUTURE_REF";
      c->noun = true;
      return true;
    default:
      return false;
  }
}

bool Matcher::SetCore(size_t i, Core* c) {
  c->type = TimexType::kSet;
  if (Is(i, Lx::kSetAdv)) {
    const int u = Val(i, Lx::kSetAdv);
    c->value = u == kUNight ? "P1D" : FormatDuration(1, u, false);
    if (u == kUYear && WordIs(i, "annually")) c->value = "P1Y";
    c->end = i + 1;
    return true;
  }
  // every/each (N) unit | weekday | month | season
  const int ev = Val(i, Lx::kEvery);
  size_t k = i + 1;
  if (ev == 2 && Func(k, kFOf)) return false;  // "each of the past three years"
  int64_t n = 1;
  size_t e = k;
  if (NumberPhrase(k, false, &n, &e) && n > 0) k = e;
  else n = 1;
  if (Is(k, Lx::kRel) && (Val(k, Lx::kRel) == kRFollowing)) return false;
  int unit = 0;
  bool pl = false;
  if (UnitAt(k, &unit, &pl) && unit != kUPeriod) {
    if (ev == 3 && k != i + 1) return false;
    c->value = FormatDuration(n, unit == kUQuarter ? kUQuarter : unit, false);
    c->end = k + 1;
    return true;
  }
  if (ev == 3) return false;
  if (Is(k, Lx::kWeekday)) {
    c->value = "XXXX-WXX-" + std::to_string(Val(k, Lx::kWeekday) & 7);
    c->end = k + 1;
    if (Is(c->end, Lx::kPart)) {
      c->value += PartCode(Val(c->end, Lx::kPart) & 7);
      ++c->end;
    }
    return true;
  }
  int m = 0;
  size_t me = 0;
  if (MonthAt(k, &m, &me)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "XXXX-%02d", m);
    c->value = buf;
    c->end = me;
    return true;
  }
  if (Is(k, Lx::kPart)) {
    c->value = "XXXX-XX-XX" + std::string(PartCode(Val(k, Lx::kPart) & 7));
    c->end = k + 1;
    return true;
  }
  return false;
}

bool Matcher::HolidayCore(size_t i, Core* c) {
  int m = 0, d = 0;
  size_t k = i + 1;
  const int h = Val(i, Lx::kHoliday);
  if (!Cap(i)) return false;
  int y = kUnknown;
  bool explicit_year = false;
  if (WordIs(k, "day")) ++k;
  else if (WordIs(k, "eve")) { ++k; if (h == kHChristmas) { m = 12; d = 24; } }
  if (YearNum(k, &y)) {
    explicit_year = true;
    ++k;
  } else {
    y = dct_.y;
  }
  // Without a year, a holiday is the one nearest the DCT in the sentence's
  // tense, as a month-day is ("was rescued on Thanksgiving Day" in January
  // is last November's). Its month is fixed but for Easter (March/April).
  Core near;
  if (!explicit_year && y != kUnknown) {
    const int month = m != 0 ? m : h == kHChristmas ? 12 : h == kHHalloween ? 10
                                 : h == kHThanksgiving ? 11 : h == kHEaster ? 4 : 0;
    if (month != 0) {
      ResolveMonthDay(i, month, 1, &near);
      if (near.cal.y != kUnknown) y = near.cal.y;
    }
  }
  if (m == 0) {
    switch (h) {
      case kHChristmas: m = 12; d = 25; break;
      case kHHalloween: m = 10; d = 31; break;
      case kHThanksgiving:
        m = 11;
        d = y == kUnknown ? kUnknown : NthWeekday(y, 11, 4, 4);
        break;
      case kHEaster:
        if (y == kUnknown) return false;
        Easter(y, &m, &d);
        break;
      default: return false;
    }
  }
  c->cal = {Gran::kDay, y, m, d, 0, ""};
  c->explicit_year = explicit_year;
  c->anchor = explicit_year                              ? TimeAnchor::kAbsolute
              : near.anchor == TimeAnchor::kNarrative ? TimeAnchor::kNarrative
                                                      : TimeAnchor::kPublication;
  c->end = k;
  return true;
}


bool Matcher::CoreAt(size_t i, Core* c) {
  if (i >= n_) return false;
  const Tok& t = t_[i];
  if (t.kind == TokKind::kNum) {
    if (QuarterCore(i, c)) return true;
    return NumberCore(i, c);
  }
  if (t.kind != TokKind::kWord) return false;
  if (t.lex.cat == Lx::kNone) return false;
  if (Is(i, Lx::kMonth) || Is(i, Lx::kMonthAbbr)) {
    if (MonthCore(i, c)) return true;
  }
  if (CoreByCat(i, t.lex.cat, t.lex.val, c)) return true;
  if (t.lex.cat2 != Lx::kNone && t.lex.cat2 != Lx::kMonth) {
    *c = Core();
    return CoreByCat(i, t.lex.cat2, t.lex.val2, c);
  }
  return false;
}

bool Matcher::CoreByCat(size_t i, Lx cat, int val, Core* c) {
  const Tok& t = t_[i];
  switch (cat) {
    case Lx::kWeekday: return WeekdayCore(i, c);
    case Lx::kDeictic: return DeicticCore(i, c);
    case Lx::kRel: return RelCore(i, c);
    case Lx::kOrdWord: {
      if (QuarterCore(i, c)) return true;
      // "the first nine months", "the first two years": a duration.
      int64_t v = 0;
      size_t e = 0;
      if (val == 1 && NumberPhrase(i + 1, false, &v, &e) && v > 1 &&
          DurationAfterNumber(i + 1, v, e, c) && c->type == TimexType::kDuration) {
        c->noun = true;
        return true;
      }
      *c = Core();
      return false;
    }
    case Lx::kNumWord: case Lx::kFewWord:
      if (YearWordsCore(i, c)) return true;
      return DurationCore(i, c);
    case Lx::kFunc: {
      const int f = t.lex.val;
      if (f == kFA || f == kFAn) return DurationCore(i, c);
      if (f == kFHalf) return DurationCore(i, c);
      if (f == kFFiscal) {
        int y = 0;
        if (YearNum(i + 1, &y)) {
          c->cal = {Gran::kYear, y, kUnknown, kUnknown, 0, ""};
          c->explicit_year = true;
          c->end = i + 2;
          return true;
        }
        if (QuarterCore(i, c)) return true;
        int unit = 0;
        bool pl = false;
        if (UnitAt(i + 1, &unit, &pl) && unit == kUYear && !pl && YearNum(i + 2, &y)) {
          c->cal = {Gran::kYear, y, kUnknown, kUnknown, 0, ""};
          c->explicit_year = true;
          c->end = i + 3;
          return true;
        }
        if (UnitAt(i + 1, &unit, &pl) && unit == kUYear && !pl && i > 0 && Func(i - 1, kFThe)) {
          c->type = TimexType::kDuration;
          c->value = "P1Y";
          c->noun = true;
          c->end = i + 2;
          return true;
        }
      }
      if (f == kFFull || f == kFWhole || f == kFEntire) {
        int unit = 0;
        bool pl = false;
        if (i > 0 && Func(i - 1, kFThe) && UnitAt(i + 1, &unit, &pl) && unit == kUYear && !pl) {
          c->cal = YearOf(dct_, 0);
          c->anchor = TimeAnchor::kPublication;
          c->noun = true;
          c->end = i + 2;
          return true;
        }
      }
      if (f == kFThese && WordIs(i + 1, "days")) {
        c->value = "PRESENT_REF";
        c->anchor = TimeAnchor::kPublication;
        c->end = i + 2;
        return true;
      }
      if ((f == kFNear || f == kFShort) && i > 0 && Func(i - 1, kFThe) && Func(i + 1, kFTerm)) {
        c->value = "FUTURE_REF";
        c->noun = true;
        c->end = i + 2;
        c->anchor = TimeAnchor::kPublication;
        return true;
      }
      if (f == kFNear && i > 0 && Func(i - 1, kFThe)) {
        if (Is(i + 1, Lx::kRef) && Val(i + 1, Lx::kRef) == kRefFuture) {
          c->value = "FUTURE_REF";
          c->noun = true;
          c->end = i + 2;
          c->anchor = TimeAnchor::kPublication;
          return true;
        }
      }
      return false;
    }
    case Lx::kUnit: return UnitNounCore(i, c);
    case Lx::kRef: return RefCore(i, c);
    case Lx::kSetAdv: case Lx::kEvery: return SetCore(i, c);
    case Lx::kHoliday: return HolidayCore(i, c);
    case Lx::kSeason: {
      // "summer of 1990", "summer 1990", "the summer" (of the DCT year).
      if (val & kPluralBit) return false;
      int y = 0;
      size_t k = i + 1;
      if (Func(k, kFOf)) ++k;
      c->cal = {Gran::kSeason, kUnknown, kUnknown, kUnknown, val, ""};
      c->noun = true;
      if (YearNum(k, &y)) {
        c->cal.y = y;
        c->explicit_year = true;
        c->end = k + 1;
        return true;
      }
      if (i > 0 && Func(i - 1, kFThe) && !Func(i + 1, kFOf) && !Word(i + 1)) {
        c->cal.y = dct_.y;
        c->anchor = TimeAnchor::kPublication;
        c->end = i + 1;
        return true;
      }
      return false;
    }
    case Lx::kClockWord: {
      const int h = t.lex.val;
      char buf[16];
      std::snprintf(buf, sizeof buf, "T%02d:00", h);
      c->type = TimexType::kTime;
      c->end = i + 1;
      size_t q = i + 1;
      Core day;
      if (Is(q, Lx::kWeekday) && WeekdayCore(q, &day) && day.cal.g == Gran::kDay) {
        c->cal = day.cal;
        c->end = day.end;
      } else if (Is(q, Lx::kDeictic) && DeicticCore(q, &day) && day.cal.g == Gran::kDay) {
        c->cal = day.cal;
        c->end = day.end;
      } else {
        c->cal = dct_.known_day() ? dct_ : CalValue{Gran::kDay, kUnknown, kUnknown, kUnknown, 0, ""};
      }
      c->cal.g = Gran::kDay;
      c->cal.time = h == 24 ? "T24:00" : buf;
      c->anchor = TimeAnchor::kPublication;
      return true;
    }
    case Lx::kPart: {
      // "4 in the morning" is handled by ClockCore; a lone part of the day
      // needs a day: "mid-afternoon yesterday", "the morning" (of the DCT).
      const int p = val & 7;
      if (Is(i + 1, Lx::kDeictic) || Is(i + 1, Lx::kWeekday)) {
        Core day;
        if (((Is(i + 1, Lx::kDeictic) && DeicticCore(i + 1, &day)) ||
             (Is(i + 1, Lx::kWeekday) && WeekdayCore(i + 1, &day))) &&
            day.cal.g == Gran::kDay && day.cal.time.empty()) {
          *c = day;
          c->cal.time = PartCode(p);
          c->type = TimexType::kTime;
          return true;
        }
      }
      if (i > 0 && Func(i - 1, kFThe) && !Func(i + 1, kFOf) && (val & kPluralBit) == 0 &&
          i > 1 && (Func(i - 2, kFIn) || Func(i - 2, kFDuring))) {
        c->cal = ShiftDays(dct_, 0);
        c->cal.time = PartCode(p);
        c->type = TimexType::kTime;
        c->anchor = TimeAnchor::kPublication;
        c->noun = true;
        c->end = i + 1;
        return true;
      }
      return false;
    }
    default:
      break;
  }
  return false;
}


bool Matcher::TryAt(size_t i, Hit* h) {
  size_t p = i;
  const bool the = Func(p, kFThe);
  if (the) ++p;
  // Bounds: "more than", "at least", "about", "nearly", "up to", "no more than".
  std::string bound;
  size_t q = p;
  if (WordIs(q, "no") && Is(q + 1, Lx::kApprox) && Func(q + 2, kFThan)) {
    bound = Val(q + 1, Lx::kApprox) == kApMore ? "EQUAL_OR_LESS" : "EQUAL_OR_MORE";
    q += 3;
  } else if (Is(q, Lx::kApprox)) {
    const int a = Val(q, Lx::kApprox);
    if ((a == kApMore || a == kApLess || a == kApFewer) && Func(q + 1, kFThan)) {
      bound = a == kApMore ? "MORE_THAN" : "LESS_THAN";
      q += 2;
    } else if (a == kApLeast || a == kApMost) {
      // "at least" / "at most": the "at" is the previous token.
    } else if (a == kApUp && Func(q + 1, kFTo)) {
      bound = "EQUAL_OR_LESS";
      q += 2;
    } else if (a == kApAbout || a == kApAround || a == kApRoughly || a == kApApproximately) {
      bound = "APPROX";
      q += 1;
    } else if (a == kApNearly || a == kApAlmost) {
      bound = "LESS_THAN";
      q += 1;
    } else if (a == kApOver) {
      bound = "MORE_THAN";
      q += 1;
    }
  } else if (Func(q, kFAt) && Is(q + 1, Lx::kApprox) &&
             (Val(q + 1, Lx::kApprox) == kApLeast || Val(q + 1, Lx::kApprox) == kApMost)) {
    bound = Val(q + 1, Lx::kApprox) == kApLeast ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS";
    q += 2;
  }
  // Modifiers: early / late / mid[-] / the end of / the beginning of / the middle of /
  // earlier this / later this.
  std::string mod;
  size_t r = q;
  bool mod_of = false;
  if (Is(r, Lx::kMod)) {
    const int mv = Val(r, Lx::kMod);
    if ((mv == kMEarly || mv == kMLate || mv == kMMid) && !Func(r + 1, kFOf)) {
      mod = mv == kMEarly ? "START" : mv == kMLate ? "END" : "MID";
      r += 1;
      if (Punct(r, '-') && Glued(r)) ++r;
    } else if ((mv == kMEnd || mv == kMBeginning || mv == kMMiddle || mv == kMStart ||
                mv == kMEarly || mv == kMLate) &&
               Func(r + 1, kFOf) && the) {
      mod = (mv == kMEnd || mv == kMLate) ? "END" : mv == kMMiddle ? "MID" : "START";
      r += 2;
      mod_of = true;
    }
  } else if (Is(r, Lx::kAgo) && (Val(r, Lx::kAgo) == kAEarlier || Val(r, Lx::kAgo) == kALater) &&
             Rel(r + 1, kRThis)) {
    mod = Val(r, Lx::kAgo) == kAEarlier ? "START" : "END";
    r += 1;
  }
  Core c;
  size_t core_start = r;
  if (Func(r, kFThe) && mod_of) core_start = r + 1;
  // "the night of January 19 to 20, 1990", "the morning of Jan. 5"
  bool part_of = false;
  int part = 0;
  if (the && r == p && Is(p, Lx::kPart) && Func(p + 1, kFOf)) {
    part = Val(p, Lx::kPart) & 7;
    part_of = true;
    core_start = p + 2;
  }
  // "the 35th anniversary of <date>"
  int anniv = 0;
  if (the && r == p && Num(p) && t_[p].ndig <= 3 && Word(p + 1) && Glued(p + 1) &&
      (WordIs(p + 1, "th") || WordIs(p + 1, "st") || WordIs(p + 1, "nd") || WordIs(p + 1, "rd")) &&
      Func(p + 2, kFAnniversary) && Func(p + 3, kFOf)) {
    anniv = static_cast<int>(t_[p].num);
    core_start = p + 4;
    if (Func(core_start, kFThe)) ++core_start;
  } else if (the && r == p && Is(p, Lx::kOrdWord) && Func(p + 1, kFAnniversary) &&
             Func(p + 2, kFOf)) {
    anniv = Val(p, Lx::kOrdWord);
    core_start = p + 3;
    if (Func(core_start, kFThe)) ++core_start;
  }
  // "the day before/after <date>", "the week of <date>": a day shifted by one, or the
  // ISO week holding the day. When no day follows, the words parse as usual.
  int day_shift = 0;
  bool week_of = false;
  if (the && r == p && !part_of && !anniv && WordIs(p, "day") &&
      (WordIs(p + 1, "before") || WordIs(p + 1, "after"))) {
    Core d;
    if (CoreAt(p + 2, &d) && d.end > p + 2 && DayValue(d)) {
      day_shift = WordIs(p + 1, "before") ? -1 : 1;
      core_start = p + 2;
    }
  } else if (the && r == p && !part_of && !anniv && WordIs(p, "week") && Func(p + 1, kFOf)) {
    Core d;
    if (CoreAt(p + 2, &d) && d.end > p + 2 && DayValue(d)) {
      week_of = true;
      core_start = p + 2;
    }
  }
  if (!CoreAt(core_start, &c)) return false;
  if (c.end <= core_start) return false;
  if (day_shift != 0 || week_of) {
    if (!DayValue(c)) return false;
    c.cal = week_of ? WeekOf(c.cal, 0) : ShiftDays(c.cal, day_shift);
    c.noun = true;
    c.explicit_year = false;
  }
  if (part_of || anniv) {
    if (c.cal.g != Gran::kDay || !c.value.empty()) return false;
  }
  // Impossible date: swallow it (no tag, and no part re-tagged).
  if (c.impossible) {
    h->tb = static_cast<uint32_t>(core_start);
    h->te = static_cast<uint32_t>(c.end);
    h->c = c;
    return true;
  }
  if (part_of) {
    c.type = TimexType::kTime;
    c.cal.time = PartCode(part);
    if (c.range) c.p1.cal.time = PartCode(part);
    c.noun = true;
  }
  if (anniv) {
    c.anniversary = anniv;
    c.noun = true;
    c.range = false;
  }
  size_t start = core_start;
  // Attach prefixes: bounds go with durations and times; modifiers with dates.
  const bool loose_bound = Is(p, Lx::kApprox) &&
                           (Val(p, Lx::kApprox) == kApAbout || Val(p, Lx::kApprox) == kApAround ||
                            Val(p, Lx::kApprox) == kApAlmost || Val(p, Lx::kApprox) == kApOver ||
                            Val(p, Lx::kApprox) == kApRoughly ||
                            Val(p, Lx::kApprox) == kApApproximately);
  if (!bound.empty() && (c.type == TimexType::kTime ||
                         (c.type == TimexType::kDuration && !loose_bound))) {
    start = p;
    c.mod = bound;
  } else if (!bound.empty()) {
    start = q;
    if (c.type == TimexType::kDuration) c.mod = bound;
  }
  if (!mod.empty() && c.type != TimexType::kDuration) {
    if (start > q) start = q;
    c.mod = mod;
    c.noun = c.noun || mod_of;
  } else if (!mod.empty()) {
    return false;
  }
  if (part_of || anniv || day_shift != 0 || week_of) start = p;
  if (the && (c.noun || mod_of) && start == p) start = i;
  if (the && mod_of) start = i;
  // A quarter inside a text marks it as an earnings report.
  if (c.cal.g == Gran::kQuarter) quarter_talk_ = true;
  h->tb = static_cast<uint32_t>(start);
  h->te = static_cast<uint32_t>(c.end);
  h->c = std::move(c);
  return true;
}

void Matcher::Remember(const Core& c) {
  if (c.explicit_year && c.anchor == TimeAnchor::kAbsolute) {
    const CalValue& v = c.range ? c.p2.cal : c.cal;
    if (v.g != Gran::kDecade && v.g != Gran::kCentury && v.g != Gran::kMillennium) last_year_ = v.y;
    // Only a full date opens a narrative: "in August 1988" is background,
    // "on January 19, 1990" is a story's day.
    if (v.g == Gran::kDay) {
      narrative_ = v;
      narrative_live_ = true;
    }
    if (v.g == Gran::kDay) last_day_ = v;
    return;
  }
  if (c.anchor == TimeAnchor::kPublication && c.cal.g == Gran::kDay && c.cal.known_day()) {
    // The story came back to the publication time.
    narrative_live_ = false;
    last_day_ = c.cal;
  } else if (c.anchor == TimeAnchor::kNarrative && c.cal.known_day()) {
    last_day_ = c.cal;
  }
}

void Matcher::Run(const TimexOptions& opt, std::vector<TimeExpr>* out) {
  size_t i = 0;
  while (i < n_) {
    const Tok& t = t_[i];
    // Function words start an expression only as "the", "a"/"an", "half",
    // "fiscal", "these", "at" (least/most); skipping the rest ("of", "to",
    // "in" ...) saves most attempts.
    bool candidate = t.kind == TokKind::kNum;
    if (t.kind == TokKind::kWord && t.lex.cat != Lx::kNone && t.lex.cat != Lx::kPastCue &&
        t.lex.cat != Lx::kFutureCue) {
      candidate = true;
      if (t.lex.cat == Lx::kFunc && t.lex.cat2 == Lx::kNone) {
        const int f = t.lex.val;
        candidate = f == kFThe || f == kFA || f == kFAn || f == kFHalf || f == kFFiscal ||
                    f == kFThese || f == kFAt;
      }
    }
    if (!candidate) {
      ++i;
      continue;
    }
    Hit h;
    if (TryAt(i, &h)) {
      Remember(h.c);
      i = std::max<size_t>(h.te, i + 1);
      hits_.push_back(std::move(h));
    } else {
      ++i;
    }
  }
  // Post-pass: a month-day whose year was inferred takes the year of the
  // same month-day written with a year elsewhere in the article ("the
  // January 20 tragedy" ... "January 19 to 20, 1990"); anniversaries count
  // from that year.
  std::map<int, int> md_year;  // month*100+day -> year (first explicit)
  for (const Hit& h : hits_) {
    if (!h.c.explicit_year) continue;
    auto note = [&](const CalValue& v) {
      if (v.g == Gran::kDay && v.known_day()) md_year.emplace(v.m * 100 + v.d, v.y);
    };
    if (h.c.range) {
      note(h.c.p1.cal);
      note(h.c.p2.cal);
    } else {
      note(h.c.cal);
    }
  }
  for (Hit& h : hits_) {
    Core& c = h.c;
    if (c.cal.g != Gran::kDay || c.cal.m == kUnknown || c.cal.d == kUnknown) continue;
    const auto it = md_year.find(c.cal.m * 100 + c.cal.d);
    if (c.anniversary) {
      int base = kUnknown;
      if (c.explicit_year) base = c.cal.y;
      else if (it != md_year.end()) base = it->second;
      if (base != kUnknown) {
        c.cal.y = base + c.anniversary;
        c.anchor = TimeAnchor::kNarrative;
      } else if (dct_.known_day()) {
        // The occurrence of the month-day nearest to the publication date.
        int best = dct_.y;
        int64_t best_dist = -1;
        for (int y = dct_.y - 1; y <= dct_.y + 1; ++y) {
          if (!IsValidDate(y, c.cal.m, c.cal.d)) continue;
          const int64_t dist = std::llabs(DaysFromCivil(y, c.cal.m, c.cal.d) -
                                          DaysFromCivil(dct_.y, dct_.m, dct_.d));
          if (best_dist < 0 || dist < best_dist) {
            best_dist = dist;
            best = y;
          }
        }
        c.cal.y = best;
        c.anchor = TimeAnchor::kPublication;
      }
      c.explicit_year = false;
      continue;
    }
    if (c.inferred_year && it != md_year.end() && it->second != c.cal.y) {
      c.cal.y = it->second;
      c.anchor = TimeAnchor::kNarrative;
    }
  }
  for (const Hit& h : hits_) {
    const Core& c = h.c;
    if (c.impossible) continue;
    std::string value = c.value.empty() ? FormatValue(c.cal) : c.value;
    if (value.empty()) continue;
    auto emit = [&](uint32_t tb, uint32_t te, TimexType type, std::string v) {
      TimeExpr x;
      x.start = t_[tb].b;
      x.end = t_[te - 1].e;
      x.type = type;
      x.value = std::move(v);
      x.anchor = c.anchor;
      x.mod = c.mod;
      return x;
    };
    if (c.range && !opt.merge_ranges) {
      // TimeML: each end of the range is its own TIMEX3; the first part
      // keeps whatever prefix the whole had ("the night of").
      TimexType t1 = c.p1.cal.time.empty() ? TimexType::kDate : TimexType::kTime;
      out->push_back(emit(h.tb, c.p1.te, t1, FormatValue(c.p1.cal)));
      out->push_back(emit(c.p2.tb, h.te, TimexType::kDate, FormatValue(c.p2.cal)));
      continue;
    }
    TimeExpr x = emit(h.tb, h.te, c.type, value);
    if (c.range) {
      CalValue a = c.p1.cal, b = c.p2.cal;
      a.time.clear();
      b.time.clear();
      x.range_begin = FormatValue(a);
      x.range_end = FormatValue(b);
    }
    out->push_back(std::move(x));
  }
}

}  // namespace

void TagTimes(std::string_view text, const Date& publication, const TimexOptions& options,
              std::vector<TimeExpr>* out) {
  std::vector<Tok> toks;
  toks.reserve(text.size() / 4 + 8);
  Scan(text, &toks);
  Matcher m(text, toks, publication);
  m.Run(options, out);
}

std::vector<std::string> EventDates(const std::vector<TimeExpr>& times, const Date& publication) {
  // Score each date value: mentions, with a bonus for explicit and narrative
  // dates and for appearing early; publication-anchored dates only count
  // when nothing better exists.
  struct Score {
    double score = 0;
    size_t first = 0;
  };
  std::map<std::string, Score> scores;
  const std::string pub = publication.ToIso();
  size_t order = 0;
  for (const TimeExpr& t : times) {
    ++order;
    if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
    std::vector<std::string> values;
    if (!t.range_begin.empty()) {
      values.push_back(t.range_begin);
      values.push_back(t.range_end);
    } else {
      std::string v = t.value;
      const size_t tpos = v.find('T');
      if (tpos != std::string::npos) v.resize(tpos);
      values.push_back(v);
    }
    for (const std::string& v : values) {
      if (v.empty() || v[0] < '0' || v[0] > '9' || v.find('X') != std::string::npos) continue;
      if (v.size() < 4) continue;  // decades and centuries are not event dates
      double w = t.anchor == TimeAnchor::kPublication ? 0.2 : 1.0;
      // A narrative value in the publication year is a commemoration ("the
      // 35th anniversary of ..."), not the event itself.
      if (t.anchor == TimeAnchor::kNarrative && publication.precision != DatePrecision::kMissing &&
          v.compare(0, 4, pub.substr(0, 4)) == 0)
        w = 0.2;
      if (!t.range_begin.empty()) w += 1.0;
      if (v.size() == 10 && w >= 1.0) w += 0.3;
      if (v == pub) w = 0.05;
      auto [it, fresh] = scores.try_emplace(v);
      if (fresh) it->second.first = order;
      it->second.score += w;
    }
  }
  std::vector<std::pair<std::string, Score>> ranked(scores.begin(), scores.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.score != b.second.score) return a.second.score > b.second.score;
    return a.second.first < b.second.first;
  });
  std::vector<std::string> out;
  for (const auto& [v, s] : ranked) {
    if (s.score < 0.5 && !out.empty()) break;
    out.push_back(v);
    if (out.size() >= 5) break;
  }
  // A range reads in order: its begin goes right before its end.
  for (const TimeExpr& t : times) {
    if (t.range_begin.empty()) continue;
    auto b = std::find(out.begin(), out.end(), t.range_begin);
    auto e = std::find(out.begin(), out.end(), t.range_end);
    if (b == out.end() || e == out.end() || b < e) continue;
    std::string begin = *b;
    out.erase(b);
    e = std::find(out.begin(), out.end(), t.range_end);
    out.insert(e, begin);
  }
  return out;
}

}  // namespace annals
