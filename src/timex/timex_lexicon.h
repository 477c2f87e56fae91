// The temporal tagger's word list: every word a time expression can be built
// from (months, weekdays, units, number words, deictics, modifiers, tense
// cues), each with its category and a small integer value. Lookup is a
// case-insensitive open-addressing hash probe on a fixed table built once:
// the lexicon is immutable and thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace annals::timex {

// What a word can do in a time expression.
enum class Lx : uint8_t {
  kNone = 0,
  kMonth,       // january..december; val 1..12
  kMonthAbbr,   // jan, feb, sept, ...; val 1..12 (needs '.' or capital)
  kWeekday,     // monday..sunday; val 1..7 (ISO)
  kUnit,        // year(s), month(s), ...; val = Unit; plural in high bit 0x40
  kNumWord,     // one..ninety, hundred, thousand; val = number
  kOrdWord,     // first..thirty-first, last; val = ordinal
  kSeason,      // spring=1 summer=2 fall/autumn=3 winter=4
  kPart,        // morning, afternoon, evening, night: val = PartOfDay
  kRel,         // last, next, this, past, ...: val = RelWord
  kDeictic,     // today, yesterday, tomorrow, tonight: val = Deictic
  kRef,         // now, currently, recently, ...: val = RefWord
  kMod,         // early, late, mid, ...: val = ModWord
  kSetAdv,      // daily, weekly, ...: val = Unit
  kEvery,       // every, each, per
  kAgo,         // ago, earlier, later, before, after, hence: val = AgoWord
  kApprox,      // about, around, nearly, ...: val = ApproxWord
  kHoliday,     // christmas, thanksgiving, ...: val = Holiday
  kAmPm,        // am, pm (a.m. / p.m. are scanned as a + . + m + .): val 0 am, 1 pm
  kClockWord,   // noon=12, midnight=24, midday=12
  kFunc,        // function words: val = FuncWord
  kTz,          // time zones: est, edt, gmt, utc, ...
  kFewWord,     // few, several, many, some, couple: val = FewWord
  kPastCue,     // said, was, were, had, ...
  kFutureCue,   // will, 'll, shall, ...
};

enum Unit : uint8_t {
  kUSecond = 1, kUMinute, kUHour, kUDay, kUWeek, kUWeekend, kUFortnight, kUMonth,
  kUQuarter, kUHalf, kUYear, kUDecade, kUCentury, kUMillennium, kUPeriod, kUSeasonUnit,
  kUNight,
};
inline constexpr int kPluralBit = 0x40;

enum PartOfDay : uint8_t { kPMorning = 1, kPAfternoon, kPEvening, kPNight, kPDay };

enum RelWord : uint8_t {
  kRLast = 1, kRNext, kRThis, kRPast, kRComing, kRPrevious, kRFollowing, kRRecent,
  kRCurrent, kRLatest, kRCorresponding, kRSame, kRThat, kRUpcoming, kRPreceding,
};
enum Deictic : uint8_t { kDToday = 1, kDYesterday, kDTomorrow, kDTonight, kDOvernight };
enum RefWord : uint8_t {
  kRefNow = 1, kRefCurrently, kRefRecently, kRefPreviously, kRefFormerly, kRefSoon,
  kRefNowadays, kRefPresent, kRefFuture, kRefPast, kRefLately, kRefCurrent, kRefRecent,
  kRefOnce, kRefShortly, kRefYet,
};
enum ModWord : uint8_t { kMEarly = 1, kMLate, kMMid, kMEnd, kMBeginning, kMMiddle, kMStart };
enum AgoWord : uint8_t { kAAgo = 1, kAEarlier, kALater, kABefore, kAAfter, kAHence };
enum ApproxWord : uint8_t {
  kApAbout = 1, kApAround, kApNearly, kApAlmost, kApRoughly, kApApproximately, kApSome,
  kApMore, kApLess, kApOver, kApUnder, kApLeast, kApMost, kApUp, kApWithin, kApFewer,
  kApJust, kApOnly,
};
enum Holiday : uint8_t {
  kHChristmas = 1, kHThanksgiving, kHNewYear, kHEaster, kHHalloween, kHIndependence,
  kHValentine, kHLabor, kHMemorial, kHEve,
};
enum FuncWord : uint8_t {
  kFThe = 1, kFA, kFAn, kFOf, kFTo, kFAnd, kFBetween, kFFrom, kFUntil, kFThrough,
  kFIn, kFOn, kFFiscal, kFFor, kFAt, kFOr, kFSince, kFBy, kFDuring, kFThan, kFOClock,
  kFHalf, kFDay, kFThen, kFOver, kFAnniversary, kFYearEarlier, kFYearAgo, kFFull, kFWhole,
  kFEntire, kFCalendar, kFThroughout, kFFirstHalf, kFNear, kFTerm, kFTime, kFWhile,
  kFInto, kFLong, kFOld, kFAs, kFTill, kFDuringSpan, kFThese, kFShort, kFEnd2,
};
enum FewWord : uint8_t { kFewFew = 1, kFewSeveral, kFewMany, kFewSome, kFewCouple, kFewNumerous };

// A word's readings: most words have one; a few have two ("second" is a unit
// and an ordinal, "may" a month and a modal verb).
struct LexEntry {
  Lx cat = Lx::kNone;   // first reading
  uint8_t val = 0;      // its value
  Lx cat2 = Lx::kNone;  // second reading, kNone if none
  uint8_t val2 = 0;     // its value
};

// A word packed for lookup: up to 16 lower-case ASCII letters, byte i of the
// word in byte i%8 of k0 (i < 8) or k1 (8 <= i < 16). The scanner builds it
// while it reads the letters, so a lookup costs one multiply-hash and one
// two-word compare — no copy, no memcmp.
struct WordKey {
  uint64_t k0 = 0;  // letters 0..7
  uint64_t k1 = 0;  // letters 8..15
  uint32_t len = 0;  // letters in the word (keys of more than 16 never match)
  // Adds one ASCII letter (any case).
  void Add(unsigned char c) {
    const uint64_t lc = static_cast<uint64_t>(c | 0x20);
    if (len < 8) k0 |= lc << (8 * len);
    else if (len < 16) k1 |= lc << (8 * (len - 8));
    ++len;
  }
};

// Looks up a packed word. Thread-safe.
LexEntry LookupKey(const WordKey& key);

// Looks up a word case-insensitively (ASCII letters only; anything else, words
// longer than 16 bytes and unknown words give an empty entry). Thread-safe.
LexEntry LookupWord(std::string_view word);

// True if `word` looks like a past-tense or perfect verb form by its suffix
// ("-ed") — the cheap tense cue HeidelTime also relies on.
bool LooksPastTense(std::string_view word);

}  // namespace annals::timex
