// The temporal lexicon: a static word table hashed once into an immutable
// open-addressing table (function-local static: built on first use,
// thread-safe by the C++ memory model, never modified afterwards).
#include "timex/timex_lexicon.h"

#include <array>

namespace annals::timex {

namespace {

struct Word {
  const char* w;
  Lx cat;
  uint8_t val;
};

constexpr int P = kPluralBit;

constexpr Word kWords[] = {
    // Months.
    {"january", Lx::kMonth, 1}, {"february", Lx::kMonth, 2}, {"march", Lx::kMonth, 3},
    {"april", Lx::kMonth, 4}, {"may", Lx::kMonth, 5}, {"june", Lx::kMonth, 6},
    {"july", Lx::kMonth, 7}, {"august", Lx::kMonth, 8}, {"september", Lx::kMonth, 9},
    {"october", Lx::kMonth, 10}, {"november", Lx::kMonth, 11}, {"december", Lx::kMonth, 12},
    {"jan", Lx::kMonthAbbr, 1}, {"feb", Lx::kMonthAbbr, 2}, {"mar", Lx::kMonthAbbr, 3},
    {"apr", Lx::kMonthAbbr, 4}, {"jun", Lx::kMonthAbbr, 6}, {"jul", Lx::kMonthAbbr, 7},
    {"aug", Lx::kMonthAbbr, 8}, {"sep", Lx::kMonthAbbr, 9}, {"sept", Lx::kMonthAbbr, 9},
    {"oct", Lx::kMonthAbbr, 10}, {"nov", Lx::kMonthAbbr, 11}, {"dec", Lx::kMonthAbbr, 12},
    // Weekdays.
    {"monday", Lx::kWeekday, 1}, {"tuesday", Lx::kWeekday, 2}, {"wednesday", Lx::kWeekday, 3},
    {"thursday", Lx::kWeekday, 4}, {"friday", Lx::kWeekday, 5}, {"saturday", Lx::kWeekday, 6},
    {"sunday", Lx::kWeekday, 7}, {"mondays", Lx::kWeekday, 1 | P}, {"tuesdays", Lx::kWeekday, 2 | P},
    {"wednesdays", Lx::kWeekday, 3 | P}, {"thursdays", Lx::kWeekday, 4 | P},
    {"fridays", Lx::kWeekday, 5 | P}, {"saturdays", Lx::kWeekday, 6 | P},
    {"sundays", Lx::kWeekday, 7 | P},
    // Units.
    {"second", Lx::kUnit, kUSecond}, {"seconds", Lx::kUnit, kUSecond | P},
    {"minute", Lx::kUnit, kUMinute}, {"minutes", Lx::kUnit, kUMinute | P},
    {"hour", Lx::kUnit, kUHour}, {"hours", Lx::kUnit, kUHour | P},
    {"day", Lx::kUnit, kUDay}, {"days", Lx::kUnit, kUDay | P},
    {"week", Lx::kUnit, kUWeek}, {"weeks", Lx::kUnit, kUWeek | P},
    {"weekend", Lx::kUnit, kUWeekend}, {"weekends", Lx::kUnit, kUWeekend | P},
    {"fortnight", Lx::kUnit, kUFortnight}, {"month", Lx::kUnit, kUMonth},
    {"months", Lx::kUnit, kUMonth | P}, {"quarter", Lx::kUnit, kUQuarter},
    {"quarters", Lx::kUnit, kUQuarter | P}, {"year", Lx::kUnit, kUYear},
    {"years", Lx::kUnit, kUYear | P}, {"decade", Lx::kUnit, kUDecade},
    {"decades", Lx::kUnit, kUDecade | P}, {"century", Lx::kUnit, kUCentury},
    {"centuries", Lx::kUnit, kUCentury | P}, {"millennium", Lx::kUnit, kUMillennium},
    {"millennia", Lx::kUnit, kUMillennium | P}, {"period", Lx::kUnit, kUPeriod},
    {"periods", Lx::kUnit, kUPeriod | P}, {"yr", Lx::kUnit, kUYear}, {"yrs", Lx::kUnit, kUYear | P},
    {"hrs", Lx::kUnit, kUHour | P}, {"mins", Lx::kUnit, kUMinute | P},
    {"nights", Lx::kUnit, kUNight | P},
    // Number words.
    {"one", Lx::kNumWord, 1}, {"two", Lx::kNumWord, 2}, {"three", Lx::kNumWord, 3},
    {"four", Lx::kNumWord, 4}, {"five", Lx::kNumWord, 5}, {"six", Lx::kNumWord, 6},
    {"seven", Lx::kNumWord, 7}, {"eight", Lx::kNumWord, 8}, {"nine", Lx::kNumWord, 9},
    {"ten", Lx::kNumWord, 10}, {"eleven", Lx::kNumWord, 11}, {"twelve", Lx::kNumWord, 12},
    {"thirteen", Lx::kNumWord, 13}, {"fourteen", Lx::kNumWord, 14}, {"fifteen", Lx::kNumWord, 15},
    {"sixteen", Lx::kNumWord, 16}, {"seventeen", Lx::kNumWord, 17},
    {"eighteen", Lx::kNumWord, 18}, {"nineteen", Lx::kNumWord, 19}, {"twenty", Lx::kNumWord, 20},
    {"thirty", Lx::kNumWord, 30}, {"forty", Lx::kNumWord, 40}, {"fifty", Lx::kNumWord, 50},
    {"sixty", Lx::kNumWord, 60}, {"seventy", Lx::kNumWord, 70}, {"eighty", Lx::kNumWord, 80},
    {"ninety", Lx::kNumWord, 90}, {"hundred", Lx::kNumWord, 100}, {"thousand", Lx::kNumWord, 200},
    {"dozen", Lx::kNumWord, 12},
    // Ordinals (val = ordinal; "last" is a kRel).
    {"first", Lx::kOrdWord, 1}, {"second", Lx::kOrdWord, 2}, {"third", Lx::kOrdWord, 3},
    {"fourth", Lx::kOrdWord, 4}, {"fifth", Lx::kOrdWord, 5}, {"sixth", Lx::kOrdWord, 6},
    {"seventh", Lx::kOrdWord, 7}, {"eighth", Lx::kOrdWord, 8}, {"ninth", Lx::kOrdWord, 9},
    {"tenth", Lx::kOrdWord, 10}, {"eleventh", Lx::kOrdWord, 11}, {"twelfth", Lx::kOrdWord, 12},
    {"thirteenth", Lx::kOrdWord, 13}, {"fourteenth", Lx::kOrdWord, 14},
    {"fifteenth", Lx::kOrdWord, 15}, {"sixteenth", Lx::kOrdWord, 16},
    {"seventeenth", Lx::kOrdWord, 17}, {"eighteenth", Lx::kOrdWord, 18},
    {"nineteenth", Lx::kOrdWord, 19}, {"twentieth", Lx::kOrdWord, 20},
    {"thirtieth", Lx::kOrdWord, 30}, {"fortieth", Lx::kOrdWord, 40},
    {"fiftieth", Lx::kOrdWord, 50}, {"sixtieth", Lx::kOrdWord, 60},
    {"seventieth", Lx::kOrdWord, 70}, {"eightieth", Lx::kOrdWord, 80},
    {"ninetieth", Lx::kOrdWord, 90}, {"hundredth", Lx::kOrdWord, 100},
    // Seasons.
    {"spring", Lx::kSeason, 1}, {"summer", Lx::kSeason, 2}, {"fall", Lx::kSeason, 3},
    {"autumn", Lx::kSeason, 3}, {"winter", Lx::kSeason, 4},
    {"springs", Lx::kSeason, 1 | P}, {"summers", Lx::kSeason, 2 | P},
    {"winters", Lx::kSeason, 4 | P},
    // Parts of the day.
    {"morning", Lx::kPart, kPMorning}, {"afternoon", Lx::kPart, kPAfternoon},
    {"evening", Lx::kPart, kPEvening}, {"night", Lx::kPart, kPNight},
    {"mornings", Lx::kPart, kPMorning | P}, {"afternoons", Lx::kPart, kPAfternoon | P},
    {"evenings", Lx::kPart, kPEvening | P},
    // Relative words.
    {"last", Lx::kRel, kRLast}, {"next", Lx::kRel, kRNext}, {"this", Lx::kRel, kRThis},
    {"past", Lx::kRel, kRPast}, {"coming", Lx::kRel, kRComing},
    {"previous", Lx::kRel, kRPrevious}, {"following", Lx::kRel, kRFollowing},
    {"latest", Lx::kRel, kRLatest}, {"corresponding", Lx::kRel, kRCorresponding},
    {"same", Lx::kRel, kRSame}, {"that", Lx::kRel, kRThat}, {"upcoming", Lx::kRel, kRUpcoming},
    {"preceding", Lx::kRel, kRPreceding}, {"prior", Lx::kRel, kRPrevious},
    // Deictic day words.
    {"today", Lx::kDeictic, kDToday}, {"yesterday", Lx::kDeictic, kDYesterday},
    {"tomorrow", Lx::kDeictic, kDTomorrow}, {"tonight", Lx::kDeictic, kDTonight},
    {"overnight", Lx::kDeictic, kDOvernight},
    // Reference words.
    {"now", Lx::kRef, kRefNow}, {"currently", Lx::kRef, kRefCurrently},
    {"recently", Lx::kRef, kRefRecently}, {"previously", Lx::kRef, kRefPreviously},
    {"formerly", Lx::kRef, kRefFormerly}, {"soon", Lx::kRef, kRefSoon},
    {"nowadays", Lx::kRef, kRefNowadays}, {"present", Lx::kRef, kRefPresent},
    {"future", Lx::kRef, kRefFuture}, {"lately", Lx::kRef, kRefLately},
    {"current", Lx::kRef, kRefCurrent}, {"current", Lx::kRel, kRCurrent}, {"recent", Lx::kRef, kRefRecent},
    {"once", Lx::kRef, kRefOnce}, {"shortly", Lx::kRef, kRefShortly},
    // Modifiers.
    {"early", Lx::kMod, kMEarly}, {"late", Lx::kMod, kMLate}, {"mid", Lx::kMod, kMMid},
    {"end", Lx::kMod, kMEnd}, {"beginning", Lx::kMod, kMBeginning},
    {"middle", Lx::kMod, kMMiddle}, {"start", Lx::kMod, kMStart},
    // Sets.
    {"daily", Lx::kSetAdv, kUDay}, {"weekly", Lx::kSetAdv, kUWeek},
    {"monthly", Lx::kSetAdv, kUMonth}, {"yearly", Lx::kSetAdv, kUYear},
    {"annually", Lx::kSetAdv, kUYear}, {"annual", Lx::kNone, 0},
    {"hourly", Lx::kSetAdv, kUHour},
    {"nightly", Lx::kSetAdv, kUNight},
    {"every", Lx::kEvery, 1}, {"each", Lx::kEvery, 2}, {"per", Lx::kEvery, 3},
    // Ago words.
    {"ago", Lx::kAgo, kAAgo}, {"earlier", Lx::kAgo, kAEarlier}, {"later", Lx::kAgo, kALater},
    {"before", Lx::kAgo, kABefore}, {"after", Lx::kAgo, kAAfter}, {"hence", Lx::kAgo, kAHence},
    // Approximation and bounds.
    {"about", Lx::kApprox, kApAbout}, {"around", Lx::kApprox, kApAround},
    {"nearly", Lx::kApprox, kApNearly}, {"almost", Lx::kApprox, kApAlmost},
    {"roughly", Lx::kApprox, kApRoughly}, {"approximately", Lx::kApprox, kApApproximately},
    {"some", Lx::kFewWord, kFewSome}, {"more", Lx::kApprox, kApMore},
    {"less", Lx::kApprox, kApLess}, {"over", Lx::kApprox, kApOver},
    {"under", Lx::kApprox, kApUnder}, {"least", Lx::kApprox, kApLeast},
    {"most", Lx::kApprox, kApMost}, {"up", Lx::kApprox, kApUp},
    {"within", Lx::kApprox, kApWithin}, {"fewer", Lx::kApprox, kApFewer},
    {"just", Lx::kApprox, kApJust}, {"only", Lx::kApprox, kApOnly},
    // Holidays.
    {"christmas", Lx::kHoliday, kHChristmas}, {"thanksgiving", Lx::kHoliday, kHThanksgiving},
    {"easter", Lx::kHoliday, kHEaster}, {"halloween", Lx::kHoliday, kHHalloween},
    // Clock.
    {"am", Lx::kAmPm, 0}, {"pm", Lx::kAmPm, 1}, {"noon", Lx::kClockWord, 12},
    {"midday", Lx::kClockWord, 12}, {"midnight", Lx::kClockWord, 24},
    {"est", Lx::kTz, 1}, {"edt", Lx::kTz, 2}, {"gmt", Lx::kTz, 3}, {"utc", Lx::kTz, 4},
    {"pst", Lx::kTz, 5}, {"pdt", Lx::kTz, 6}, {"cst", Lx::kTz, 7}, {"cdt", Lx::kTz, 8},
    {"bst", Lx::kTz, 9}, {"cet", Lx::kTz, 10}, {"mst", Lx::kTz, 11},
    // Function words.
    {"the", Lx::kFunc, kFThe}, {"a", Lx::kFunc, kFA}, {"an", Lx::kFunc, kFAn},
    {"of", Lx::kFunc, kFOf}, {"to", Lx::kFunc, kFTo}, {"and", Lx::kFunc, kFAnd},
    {"between", Lx::kFunc, kFBetween}, {"from", Lx::kFunc, kFFrom},
    {"until", Lx::kFunc, kFUntil}, {"through", Lx::kFunc, kFThrough},
    {"till", Lx::kFunc, kFTill}, {"in", Lx::kFunc, kFIn}, {"on", Lx::kFunc, kFOn},
    {"fiscal", Lx::kFunc, kFFiscal}, {"for", Lx::kFunc, kFFor}, {"at", Lx::kFunc, kFAt},
    {"or", Lx::kFunc, kFOr}, {"since", Lx::kFunc, kFSince}, {"by", Lx::kFunc, kFBy},
    {"during", Lx::kFunc, kFDuring}, {"than", Lx::kFunc, kFThan},
{"half", Lx::kFunc, kFHalf},
    {"then", Lx::kFunc, kFThen}, {"anniversary", Lx::kFunc, kFAnniversary},
    {"full", Lx::kFunc, kFFull}, {"whole", Lx::kFunc, kFWhole}, {"entire", Lx::kFunc, kFEntire},
    {"calendar", Lx::kFunc, kFCalendar}, {"throughout", Lx::kFunc, kFThroughout},
    {"near", Lx::kFunc, kFNear}, {"term", Lx::kFunc, kFTerm}, {"time", Lx::kFunc, kFTime},
    {"while", Lx::kFunc, kFWhile}, {"into", Lx::kFunc, kFInto}, {"long", Lx::kFunc, kFLong},
    {"old", Lx::kFunc, kFOld}, {"as", Lx::kFunc, kFAs},
    {"these", Lx::kFunc, kFThese}, {"short", Lx::kFunc, kFShort},
    // Vague quantities.
    {"few", Lx::kFewWord, kFewFew}, {"several", Lx::kFewWord, kFewSeveral},
    {"many", Lx::kFewWord, kFewMany}, {"couple", Lx::kFewWord, kFewCouple},
    {"numerous", Lx::kFewWord, kFewNumerous},
    // Tense cues (past).
    {"said", Lx::kPastCue, 1}, {"was", Lx::kPastCue, 1}, {"were", Lx::kPastCue, 1},
    {"had", Lx::kPastCue, 1}, {"did", Lx::kPastCue, 1}, {"told", Lx::kPastCue, 1},
    {"came", Lx::kPastCue, 1}, {"went", Lx::kPastCue, 1}, {"made", Lx::kPastCue, 1},
    {"took", Lx::kPastCue, 1}, {"gave", Lx::kPastCue, 1}, {"got", Lx::kPastCue, 1},
    {"began", Lx::kPastCue, 1}, {"rose", Lx::kPastCue, 1}, {"fell", Lx::kPastCue, 1},
    {"held", Lx::kPastCue, 1}, {"met", Lx::kPastCue, 1}, {"left", Lx::kPastCue, 1},
    {"saw", Lx::kPastCue, 1}, {"sent", Lx::kPastCue, 1}, {"spent", Lx::kPastCue, 1},
    {"won", Lx::kPastCue, 1}, {"lost", Lx::kPastCue, 1}, {"paid", Lx::kPastCue, 1},
    {"sold", Lx::kPastCue, 1}, {"bought", Lx::kPastCue, 1}, {"led", Lx::kPastCue, 1},
    {"put", Lx::kPastCue, 0}, {"set", Lx::kPastCue, 0}, {"hit", Lx::kPastCue, 1},
    {"struck", Lx::kPastCue, 1}, {"became", Lx::kPastCue, 1}, {"brought", Lx::kPastCue, 1},
    {"found", Lx::kPastCue, 1}, {"thought", Lx::kPastCue, 1}, {"wrote", Lx::kPastCue, 1},
    {"ran", Lx::kPastCue, 1}, {"chose", Lx::kPastCue, 1}, {"flew", Lx::kPastCue, 1},
    {"killed", Lx::kPastCue, 1}, {"broke", Lx::kPastCue, 1}, {"spoke", Lx::kPastCue, 1},
    {"knew", Lx::kPastCue, 1}, {"grew", Lx::kPastCue, 1}, {"ended", Lx::kPastCue, 1},
    {"closed", Lx::kPastCue, 1}, {"says", Lx::kPastCue, 0},
    // Tense cues (future).
    {"will", Lx::kFutureCue, 1}, {"ll", Lx::kFutureCue, 1}, {"shall", Lx::kFutureCue, 1},
    {"scheduled", Lx::kFutureCue, 1}, {"expected", Lx::kFutureCue, 1},
    {"plans", Lx::kFutureCue, 1}, {"plan", Lx::kFutureCue, 1},
    {"due", Lx::kFutureCue, 1}, {"going", Lx::kFutureCue, 1}, {"upcoming", Lx::kFutureCue, 1}, {"planning", Lx::kFutureCue, 1},
    {"wo", Lx::kFutureCue, 1}, {"intends", Lx::kFutureCue, 1}, {"would", Lx::kFutureCue, 2},
    {"could", Lx::kFutureCue, 2}, {"may", Lx::kFutureCue, 2}, {"might", Lx::kFutureCue, 2},
    {"begin", Lx::kFutureCue, 2}, {"begins", Lx::kFutureCue, 2}, {"starts", Lx::kFutureCue, 2},
};

constexpr size_t kTableSize = 2048;  // power of two, > 3x the word count
constexpr int kTableBits = 11;

struct Slot {
  WordKey key;   // len 0 = empty
  LexEntry e;
};

inline uint32_t HashKey(const WordKey& k) {
  const uint64_t h = (k.k0 * 0x9E3779B97F4A7C15ULL) ^ (k.k1 * 0xC2B2AE3D27D4EB4FULL) ^ k.len;
  return static_cast<uint32_t>((h * 0xFF51AFD7ED558CCDULL) >> (64 - kTableBits));
}

struct Table {
  std::array<Slot, kTableSize> slots;
  Table() {
    for (const Word& w : kWords) {
      WordKey key;
      for (const char* c = w.w; *c; ++c) key.Add(static_cast<unsigned char>(*c));
      uint32_t h = HashKey(key);
      for (;;) {
        Slot& s = slots[h];
        if (s.key.len == 0) {
          s.key = key;
          s.e.cat = w.cat;
          s.e.val = w.val;
          break;
        }
        if (s.key.len == key.len && s.key.k0 == key.k0 && s.key.k1 == key.k1) {
          if (s.e.cat2 == Lx::kNone) {
            s.e.cat2 = w.cat;
            s.e.val2 = w.val;
          }
          break;
        }
        h = (h + 1) & (kTableSize - 1);
      }
    }
  }
};

const Table& GetTable() {
  static const Table table;
  return table;
}

}  // namespace

LexEntry LookupKey(const WordKey& key) {
  if (key.len == 0 || key.len > 16) return {};
  const Table& t = GetTable();
  uint32_t h = HashKey(key);
  for (;;) {
    const Slot& s = t.slots[h];
    if (s.key.len == 0) return {};
    if (s.key.len == key.len && s.key.k0 == key.k0 && s.key.k1 == key.k1) return s.e;
    h = (h + 1) & (kTableSize - 1);
  }
}

LexEntry LookupWord(std::string_view word) {
  WordKey key;
  for (char c : word) {
    const unsigned char u = static_cast<unsigned char>(c) | 0x20;
    if (u < 'a' || u > 'z') return {};
    key.Add(static_cast<unsigned char>(c));
  }
  return LookupKey(key);
}

bool LooksPastTense(std::string_view w) {
  if (w.size() < 4) return false;
  const char a = w[w.size() - 2], b = w[w.size() - 1];
  return (a == 'e' || a == 'E') && (b == 'd' || b == 'D');
}

}  // namespace annals::timex
