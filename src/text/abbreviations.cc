// The abbreviation and sentence-starter tables, and their lookups. Keys are
// lower case and sorted (checked at compile time) for binary search; lookups
// run only at periods and possible boundaries, never per byte.
#include "text/abbreviations.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace annals {
namespace {

struct AbbrevEntry {
  std::string_view key;  // lower case, without the final period
  AbbrevClass cls;       // how its period behaves
  bool lower_ok;         // also recognised in lower case ("etc", "no"); else needs a capital
};

constexpr AbbrevEntry kAbbrevs[] = {
    {"a.m", AbbrevClass::kEnding, true},
    {"adm", AbbrevClass::kTitle, false},
    {"al", AbbrevClass::kEnding, true},
    {"ala", AbbrevClass::kEnding, false},
    {"amb", AbbrevClass::kTitle, false},
    {"approx", AbbrevClass::kInline, true},
    {"apr", AbbrevClass::kMonthDay, false},
    {"ariz", AbbrevClass::kEnding, false},
    {"ark", AbbrevClass::kEnding, false},
    {"art", AbbrevClass::kNumberPrefix, true},
    {"assn", AbbrevClass::kEnding, false},
    {"atty", AbbrevClass::kTitle, false},
    {"aug", AbbrevClass::kMonthDay, false},
    {"ave", AbbrevClass::kEnding, false},
    {"blvd", AbbrevClass::kEnding, false},
    {"brig", AbbrevClass::kTitle, false},
    {"bros", AbbrevClass::kEnding, false},
    {"ca", AbbrevClass::kInline, true},
    {"calif", AbbrevClass::kEnding, false},
    {"capt", AbbrevClass::kTitle, false},
    {"cdr", AbbrevClass::kTitle, false},
    {"cf", AbbrevClass::kInline, true},
    {"ch", AbbrevClass::kNumberPrefix, true},
    {"cmdr", AbbrevClass::kTitle, false},
    {"cmdt", AbbrevClass::kTitle, false},
    {"co", AbbrevClass::kEnding, false},
    {"col", AbbrevClass::kTitle, false},
    {"colo", AbbrevClass::kEnding, false},
    {"conn", AbbrevClass::kEnding, false},
    {"corp", AbbrevClass::kEnding, false},
    {"cos", AbbrevClass::kEnding, false},
    {"cpl", AbbrevClass::kTitle, false},
    {"dec", AbbrevClass::kMonthDay, false},
    {"del", AbbrevClass::kEnding, false},
    {"dept", AbbrevClass::kEnding, false},
    {"det", AbbrevClass::kTitle, false},
    {"dr", AbbrevClass::kTitle, false},
    {"e.g", AbbrevClass::kInline, true},
    {"esp", AbbrevClass::kInline, true},
    {"esq", AbbrevClass::kEnding, false},
    {"etc", AbbrevClass::kEnding, true},
    {"ext", AbbrevClass::kNumberPrefix, true},
    {"feb", AbbrevClass::kMonthDay, false},
    {"fig", AbbrevClass::kNumberPrefix, true},
    {"figs", AbbrevClass::kNumberPrefix, true},
    {"fla", AbbrevClass::kEnding, false},
    {"fr", AbbrevClass::kTitle, false},
    {"fri", AbbrevClass::kMonthDay, false},
    {"ft", AbbrevClass::kTitle, false},
    {"ga", AbbrevClass::kEnding, false},
    {"gen", AbbrevClass::kTitle, false},
    {"gens", AbbrevClass::kTitle, false},
    {"gov", AbbrevClass::kTitle, false},
    {"hon", AbbrevClass::kTitle, false},
    {"hrs", AbbrevClass::kEnding, true},
    {"i.e", AbbrevClass::kInline, true},
    {"ill", AbbrevClass::kEnding, false},
    {"inc", AbbrevClass::kEnding, false},
    {"incl", AbbrevClass::kInline, true},
    {"ind", AbbrevClass::kEnding, false},
    {"insp", AbbrevClass::kTitle, false},
    {"intl", AbbrevClass::kEnding, false},
    {"jan", AbbrevClass::kMonthDay, false},
    {"jr", AbbrevClass::kEnding, false},
    {"jul", AbbrevClass::kMonthDay, false},
    {"jun", AbbrevClass::kMonthDay, false},
    {"kan", AbbrevClass::kEnding, false},
    {"ky", AbbrevClass::kEnding, false},
    {"la", AbbrevClass::kEnding, false},
    {"lbs", AbbrevClass::kEnding, true},
    {"lieut", AbbrevClass::kTitle, false},
    {"lt", AbbrevClass::kTitle, false},
    {"ltd", AbbrevClass::kEnding, false},
    {"maj", AbbrevClass::kTitle, false},
    {"mar", AbbrevClass::kMonthDay, false},
    {"mass", AbbrevClass::kEnding, false},
    {"md", AbbrevClass::kEnding, false},
    {"messrs", AbbrevClass::kTitle, false},
    {"mfg", AbbrevClass::kEnding, false},
    {"mich", AbbrevClass::kEnding, false},
    {"minn", AbbrevClass::kEnding, false},
    {"miss", AbbrevClass::kEnding, false},
    {"mlle", AbbrevClass::kTitle, false},
    {"mme", AbbrevClass::kTitle, false},
    {"mmes", AbbrevClass::kTitle, false},
    {"mo", AbbrevClass::kEnding, false},
    {"mon", AbbrevClass::kMonthDay, false},
    {"mont", AbbrevClass::kEnding, false},
    {"mr", AbbrevClass::kTitle, false},
    {"mrs", AbbrevClass::kTitle, false},
    {"ms", AbbrevClass::kTitle, false},
    {"msgr", AbbrevClass::kTitle, false},
    {"mt", AbbrevClass::kTitle, false},
    {"neb", AbbrevClass::kEnding, false},
    {"nev", AbbrevClass::kEnding, false},
    {"no", AbbrevClass::kNumberPrefix, true},
    {"nos", AbbrevClass::kNumberPrefix, true},
    {"nov", AbbrevClass::kMonthDay, false},
    {"nr", AbbrevClass::kNumberPrefix, true},
    {"oct", AbbrevClass::kMonthDay, false},
    {"okla", AbbrevClass::kEnding, false},
    {"ore", AbbrevClass::kEnding, false},
    {"oz", AbbrevClass::kEnding, true},
    {"p", AbbrevClass::kNumberPrefix, true},
    {"p.m", AbbrevClass::kEnding, true},
    {"pa", AbbrevClass::kEnding, false},
    {"para", AbbrevClass::kNumberPrefix, true},
    {"plc", AbbrevClass::kEnding, false},
    {"pp", AbbrevClass::kNumberPrefix, true},
    {"pres", AbbrevClass::kTitle, false},
    {"prof", AbbrevClass::kTitle, false},
    {"pvt", AbbrevClass::kTitle, false},
    {"rd", AbbrevClass::kEnding, false},
    {"rep", AbbrevClass::kTitle, false},
    {"reps", AbbrevClass::kTitle, false},
    {"rev", AbbrevClass::kTitle, false},
    {"sat", AbbrevClass::kMonthDay, false},
    {"sec", AbbrevClass::kNumberPrefix, true},
    {"sen", AbbrevClass::kTitle, false},
    {"sens", AbbrevClass::kTitle, false},
    {"sep", AbbrevClass::kMonthDay, false},
    {"sept", AbbrevClass::kMonthDay, false},
    {"sgt", AbbrevClass::kTitle, false},
    {"sr", AbbrevClass::kEnding, false},
    {"st", AbbrevClass::kTitle, false},
    {"ste", AbbrevClass::kTitle, false},
    {"sun", AbbrevClass::kMonthDay, false},
    {"supt", AbbrevClass::kTitle, false},
    {"tel", AbbrevClass::kNumberPrefix, true},
    {"tenn", AbbrevClass::kEnding, false},
    {"tex", AbbrevClass::kEnding, false},
    {"thu", AbbrevClass::kMonthDay, false},
    {"thur", AbbrevClass::kMonthDay, false},
    {"thurs", AbbrevClass::kMonthDay, false},
    {"tue", AbbrevClass::kMonthDay, false},
    {"tues", AbbrevClass::kMonthDay, false},
    {"univ", AbbrevClass::kEnding, false},
    {"va", AbbrevClass::kEnding, false},
    {"viz", AbbrevClass::kInline, true},
    {"vol", AbbrevClass::kNumberPrefix, true},
    {"vols", AbbrevClass::kNumberPrefix, true},
    {"vs", AbbrevClass::kInline, true},
    {"vt", AbbrevClass::kEnding, false},
    {"wash", AbbrevClass::kEnding, false},
    {"wed", AbbrevClass::kMonthDay, false},
    {"wis", AbbrevClass::kEnding, false},
    {"wyo", AbbrevClass::kEnding, false},
    {"yrs", AbbrevClass::kEnding, true},
};

constexpr std::string_view kStarters[] = {
    "a", "about", "according", "across", "after", "against", "all", "also", "although",
    "among", "an", "and", "another", "any", "anyway", "apart", "as", "at", "because",
    "before", "both", "but", "by", "despite", "during", "each", "earlier", "either",
    "even", "every", "few", "following", "for", "from", "further", "he", "her", "here",
    "his", "how", "however", "i", "if", "in", "instead", "it", "its", "last", "later",
    "many", "meanwhile", "more", "moreover", "most", "much", "my", "neither",
    "nevertheless", "next", "no", "nor", "not", "now", "of", "on", "once", "one",
    "only", "or", "other", "others", "our", "over", "she", "since", "so", "some",
    "still", "such", "than", "that", "the", "their", "then", "there", "therefore",
    "these", "they", "this", "those", "though", "three", "thus", "to", "today",
    "tomorrow", "tonight", "two", "under", "unlike", "until", "we", "what", "whatever",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "with",
    "within", "without", "yesterday", "yet", "you", "your",
};

static_assert(std::is_sorted(std::begin(kAbbrevs), std::end(kAbbrevs),
                             [](const AbbrevEntry& a, const AbbrevEntry& b) { return a.key < b.key; }),
              "kAbbrevs must be sorted by key");
static_assert(std::is_sorted(std::begin(kStarters), std::end(kStarters)), "kStarters must be sorted");

// Keys are at most 16 bytes: packed big-endian into a 128-bit Key (zero padded),
// numeric order equals the tables' lexicographic order, so a binary search
// compares integers instead of strings.
using Key = unsigned __int128;
constexpr size_t kMaxKey = 16;

constexpr Key Pack(std::string_view k) {
  Key v = 0;
  for (size_t i = 0; i < kMaxKey; ++i) v = (v << 8) | (i < k.size() ? static_cast<unsigned char>(k[i]) : 0u);
  return v;
}

template <size_t N, typename F>
constexpr std::array<Key, N> PackAll(F key_of) {
  std::array<Key, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = Pack(key_of(i));
  return out;
}

constexpr size_t kNumAbbrevs = std::size(kAbbrevs);
constexpr size_t kNumStarters = std::size(kStarters);
constexpr std::array<Key, kNumAbbrevs> kAbbrevKeys =
    PackAll<kNumAbbrevs>([](size_t i) { return kAbbrevs[i].key; });
constexpr std::array<Key, kNumStarters> kStarterKeys =
    PackAll<kNumStarters>([](size_t i) { return kStarters[i]; });
static_assert(std::is_sorted(kAbbrevKeys.begin(), kAbbrevKeys.end()), "packed order must match");
static_assert(std::is_sorted(kStarterKeys.begin(), kStarterKeys.end()), "packed order must match");
static_assert([] {
  for (const auto& e : kAbbrevs)
    if (e.key.size() > kMaxKey) return false;
  for (const auto& w : kStarters)
    if (w.size() > kMaxKey) return false;
  return true;
}(), "every key must fit in kMaxKey bytes");

// Lower-cased ASCII `word` packed like the keys; 0 if it is too long or not
// ASCII (no entry is), so the caller can answer "no" at once.
Key PackLower(std::string_view word) {
  if (word.empty() || word.size() > kMaxKey) return 0;
  Key v = 0;
  for (const char ch : word) {
    unsigned c = static_cast<unsigned char>(ch);
    if (c >= 0x80) return 0;
    if (c >= 'A' && c <= 'Z') c += 32;
    v = (v << 8) | c;
  }
  return v << (8 * (kMaxKey - word.size()));
}

}  // namespace

AbbrevClass LookupAbbreviation(std::string_view word) {
  const Key key = PackLower(word);
  if (key == 0) return AbbrevClass::kNone;
  const auto it = std::lower_bound(kAbbrevKeys.begin(), kAbbrevKeys.end(), key);
  if (it == kAbbrevKeys.end() || *it != key) return AbbrevClass::kNone;
  const AbbrevEntry& e = kAbbrevs[static_cast<size_t>(it - kAbbrevKeys.begin())];
  if (!e.lower_ok && !(word[0] >= 'A' && word[0] <= 'Z')) return AbbrevClass::kNone;
  return e.cls;
}

bool IsStrongSentenceStarter(std::string_view word) {
  // Words that never follow a title as a name: "Main St. The", "Dr. He".
  static constexpr std::string_view kStrong[] = {"after", "at", "but", "he", "her", "his", "however", "in",
                                                 "it", "its", "on", "our", "she", "that", "the", "their",
                                                 "there", "these", "they", "this", "those", "we", "when", "while"};
  if (word.size() > 7) return false;
  char buf[8];
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const std::string_view w(buf, word.size());
  for (const std::string_view k : kStrong)
    if (k == w) return true;
  return false;
}

bool IsSentenceStarter(std::string_view word) {
  const Key key = PackLower(word);
  return key != 0 && std::binary_search(kStarterKeys.begin(), kStarterKeys.end(), key);
}

}  // namespace annals
