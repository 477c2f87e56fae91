// Count grammar word tables. One hash map from word to all its roles, built
// once on first use (thread-safe static initialisation) and never changed.
#include "counts/count_lexicon.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace annals {

namespace {

enum Role : uint16_t {
  kPerson = 1 << 0,
  kSingular = 1 << 1,
  kAux = 1 << 2,
  kFiller = 1 << 3,
  kModal = 1 << 4,
  kBoundary = 1 << 5,
  kPrep = 1 << 6,
  kNewIncident = 1 << 7,
  kUpdate = 1 << 8,
};

struct WordInfo {
  uint16_t roles = 0;
  std::optional<Trigger> trigger;
};

using Table = std::unordered_map<std::string_view, WordInfo>;

void AddRole(Table* t, std::initializer_list<std::string_view> words, uint16_t role) {
  for (auto w : words) (*t)[w].roles |= role;
}

void AddTrigger(Table* t, std::initializer_list<std::string_view> words, CountType type,
                uint8_t forms) {
  for (auto w : words) (*t)[w].trigger = Trigger{type, forms};
}

const Table& Words() {
  static const Table* table = [] {
    auto* t = new Table();
    constexpr uint8_t P = kTrigPredicate, A = kTrigActive, N = kTrigNoun, I = kTrigIntransitive;
    // KILL
    AddTrigger(t, {"killed", "murdered", "slaughtered", "massacred"}, CountType::kKill, P | A);
    // "executed": police execute search warrants; only the passive counts.
    AddTrigger(t, {"slain", "deceased", "executed"}, CountType::kKill, P);
    AddTrigger(t, {"dead"}, CountType::kKill, P | N);
    AddTrigger(t, {"kill", "kills", "killing", "murdering", "murder", "slaughtering", "massacring"},
               CountType::kKill, A);
    AddTrigger(t, {"died", "perished"}, CountType::kKill, I);
    AddTrigger(t, {"deaths", "fatalities", "toll"}, CountType::kKill, N);
    // WOUND
    AddTrigger(t, {"injured", "wounded", "hurt"}, CountType::kWound, P | A);
    AddTrigger(t, {"hospitalized", "hospitalised"}, CountType::kWound, P);
    AddTrigger(t, {"injuring", "wounding", "injure", "injures", "wound", "wounds"}, CountType::kWound, A);
    AddTrigger(t, {"injuries"}, CountType::kWound, N);
    // "shot": hit by gunfire, killed or wounded; the incident decides (counts.cc).
    AddTrigger(t, {"shot"}, CountType::kWound, P | A);
    // ARREST
    AddTrigger(t, {"arrested", "detained", "captured", "apprehended"}, CountType::kArrest, P | A);
    AddTrigger(t, {"jailed", "custody", "booked"}, CountType::kArrest, P);
    AddTrigger(t, {"arresting", "detaining", "arrest", "detain", "capturing"}, CountType::kArrest, A);
    AddTrigger(t, {"arrests", "detentions", "detainees"}, CountType::kArrest, N);
    // KIDNAP
    AddTrigger(t, {"kidnapped", "abducted", "kidnaped"}, CountType::kKidnap, P | A);
    AddTrigger(t, {"kidnapping", "abducting", "kidnap", "abduct"}, CountType::kKidnap, A);
    AddTrigger(t, {"hostage", "hostages", "abductees"}, CountType::kKidnap, N | P);
    // MISSING
    AddTrigger(t, {"missing", "unaccounted"}, CountType::kMissing, P);
    // DISPLACED
    AddTrigger(t, {"displaced"}, CountType::kDisplaced, P | A);
    AddTrigger(t, {"homeless"}, CountType::kDisplaced, P);
    AddTrigger(t, {"displacing"}, CountType::kDisplaced, A);
    AddTrigger(t, {"refugees"}, CountType::kDisplaced, N);
    AddTrigger(t, {"fled"}, CountType::kDisplaced, I);
    // EVACUATE
    AddTrigger(t, {"evacuated"}, CountType::kEvacuate, P | A);
    AddTrigger(t, {"evacuating"}, CountType::kEvacuate, A);
    AddTrigger(t, {"evacuees"}, CountType::kEvacuate, N);
    // AFFECT
    AddTrigger(t, {"affected"}, CountType::kAffect, P | A);
    AddTrigger(t, {"affecting"}, CountType::kAffect, A);
    // PROTEST
    AddTrigger(t, {"protesters", "protestors", "demonstrators"}, CountType::kProtest, N);
    AddTrigger(t, {"protested", "marched", "rallied", "demonstrated"}, CountType::kProtest, I);

    AddRole(t, {"people", "persons", "men", "women", "children", "kids", "boys", "girls", "teens",
                "teenagers", "juveniles", "adults", "youths", "babies", "infants", "toddlers",
                "officers", "policemen", "policewomen", "police", "deputies", "troopers", "agents",
                "soldiers", "troops", "civilians", "victims", "students", "individuals", "others",
                "residents", "members", "bystanders", "suspects", "militants", "fighters", "rebels",
                "protesters", "protestors", "demonstrators", "workers", "passengers", "pilgrims",
                "worshippers", "worshipers", "relatives", "brothers", "sisters", "sons", "daughters",
                "parents", "families", "customers", "patrons", "employees", "guards", "gunmen",
                "attackers", "shooters", "drivers", "journalists", "citizens", "villagers", "migrants",
                "refugees", "hostages", "tourists", "inmates", "prisoners", "friends", "neighbors",
                "neighbours", "females", "males", "seniors", "elderly", "personnel", "firefighters",
                "pedestrians", "occupants", "patients", "players", "fans", "guests", "teachers",
                "classmates", "cousins", "marines", "sailors", "peacekeepers", "staff", "minors",
                "siblings", "gang", "persons", "detainees", "partygoers", "clients", "evacuees",
                "abductees", "youngsters", "wives", "husbands", "mothers", "fathers", "grandchildren",
                "bailiffs", "clerks", "cashiers", "motorists", "cyclists", "homeowners", "grandsons",
                "granddaughters", "stepchildren", "nephews", "nieces", "uncles", "aunts",
                "grandparents", "roommates", "teammates", "coworkers", "co-workers", "colleagues",
                "strangers", "spouses", "tenants", "bouncers", "hunters"},
            kPerson);
    AddRole(t, {"man", "woman", "child", "kid", "boy", "girl", "teen", "teenager", "juvenile",
                "adult", "youth", "baby", "infant", "toddler", "officer", "policeman", "policewoman",
                "deputy", "trooper", "agent", "soldier", "civilian", "victim", "student",
                "individual", "resident", "member", "bystander", "suspect", "militant", "fighter",
                "worker", "passenger", "relative", "brother", "sister", "son", "daughter", "father",
                "mother", "parent", "husband", "wife", "customer", "patron", "employee", "guard",
                "gunman", "attacker", "shooter", "driver", "journalist", "citizen", "villager",
                "migrant", "refugee", "hostage", "tourist", "inmate", "prisoner", "friend", "neighbor",
                "neighbour", "female", "male", "senior", "firefighter", "pedestrian", "occupant",
                "patient", "player", "fan", "guest", "teacher", "classmate", "cousin", "uncle",
                "aunt", "nephew", "niece", "grandmother", "grandfather", "girlfriend", "boyfriend",
                "roommate", "clerk", "cashier", "motorist", "cyclist", "minor", "sibling", "person",
                "homeowner", "grandson", "granddaughter", "stepfather", "stepson", "fiance", "fiancee",
                "youngster", "toddler", "newborn", "security", "marine", "sailor", "peacekeeper",
                "bailiff", "grandparent", "stepdaughter", "stepmother", "teammate", "coworker",
                "co-worker", "colleague", "stranger", "spouse", "ex-wife", "ex-husband",
                "ex-girlfriend", "ex-boyfriend", "landlord", "tenant", "bouncer", "hunter"},
            kPerson | kSingular);
    AddRole(t, {"was", "were", "is", "are", "been", "be", "being", "has", "have", "had", "got", "get",
                "gets", "remain", "remains", "remained", "lay", "lies", "reportedly"},
            kAux);
    AddRole(t, {"also", "reportedly", "allegedly", "later", "fatally", "critically", "seriously",
                "gravely", "badly", "slightly", "mortally", "unlawfully", "illegally", "subsequently",
                "eventually", "immediately", "all", "both", "each", "shot", "stabbed", "gunned", "down",
                "beaten", "found", "pronounced", "confirmed", "reported", "believed", "feared", "left",
                "taken", "into", "and", "initially", "then", "still", "now", "either", "already",
                "apparently", "instantly", "tragically", "brutally", "hit", "struck", "run", "over",
                "ultimately", "reportedly", "killed", "likely", "arbitrarily", "wrongfully",
                "temporarily", "briefly", "safely", "lightly", "minorly", "officially",
                "presumed", "declared"},
            kFiller);
    AddRole(t, {"could", "would", "might", "may", "can", "will", "should", "must", "cannot", "to",
                "shall", "'d", "wo", "if"},
            kModal);
    AddRole(t, {"said", "says", "say", "told", "after", "when", "while", "because", "but", "since",
                "although", "though", "before", "until", "where", "if", "whereas", "whether",
                "according", "added", "stated", "reported", "explained", "announced"},
            kBoundary);
    AddRole(t, {"in", "at", "on", "near", "from", "of", "inside", "outside", "during", "across",
                "throughout", "around", "within", "along", "aboard", "among", "between", "under",
                "behind", "by"},
            kPrep);
    AddRole(t, {"another", "separate", "previous", "similar", "unrelated", "earlier", "prior"},
            kNewIncident);
    AddRole(t, {"rose", "risen", "climbed", "increased", "jumped", "reached", "grew", "grown",
                "now", "soared", "rises", "climbs", "updated", "revised"},
            kUpdate);
    return t;
  }();
  return *table;
}

const WordInfo* Find(std::string_view lower) {
  const Table& t = Words();
  auto it = t.find(lower);
  return it == t.end() ? nullptr : &it->second;
}

bool Has(std::string_view lower, uint16_t role) {
  const WordInfo* w = Find(lower);
  return w != nullptr && (w->roles & role) != 0;
}

struct NumberWord {
  std::string_view word;
  int value;
};
constexpr NumberWord kUnits[] = {
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},    {"dozen", 12},
};

std::optional<int64_t> NumberWordValue(std::string_view w) {
  for (const auto& n : kUnits)
    if (n.word == w) return n.value;
  return std::nullopt;
}

// "1,200" (groups of three after the first), "150", "12.0"? no: digits only,
// with optional well-formed thousands separators.
std::optional<int64_t> ParseDigits(std::string_view s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  int64_t v = 0;
  int group = -1;  // digits since the last comma; -1 before any comma
  bool any = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      any = true;
      if (group >= 0) ++group;
    } else if (c == ',') {
      if (!any || (group >= 0 && group != 3)) return std::nullopt;
      if (group < 0 && i > 3) return std::nullopt;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (group >= 0 && group != 3) return std::nullopt;
  return any ? std::optional<int64_t>(v) : std::nullopt;
}

}  // namespace

std::optional<Trigger> LookupTrigger(std::string_view lower) {
  const WordInfo* w = Find(lower);
  return w != nullptr ? w->trigger : std::nullopt;
}

std::vector<std::string_view> TriggerWords() {
  std::vector<std::string_view> out;
  for (const auto& [word, info] : Words())
    if (info.trigger) out.push_back(word);
  return out;
}

std::optional<int64_t> ParseCardinalWord(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s[0] >= '0' && s[0] <= '9') return ParseDigits(s);
  if (auto v = NumberWordValue(s); v && s != "dozen") return v;
  // "twenty-five": a tens word, a hyphen, a unit word.
  const size_t dash = s.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto tens = NumberWordValue(s.substr(0, dash));
  auto units = NumberWordValue(s.substr(dash + 1));
  if (!tens || !units || *tens < 20 || *tens % 10 != 0 || *units < 1 || *units > 9)
    return std::nullopt;
  return *tens + *units;
}

std::optional<int64_t> ScaleWord(std::string_view s) {
  if (s == "hundred") return 100;
  if (s == "thousand") return 1000;
  if (s == "million") return 1000000;
  if (s == "billion") return 1000000000;
  return std::nullopt;
}

std::optional<int64_t> VagueQuantity(std::string_view s) {
  if (s == "dozens") return 24;
  if (s == "scores") return 40;
  if (s == "hundreds") return 200;
  if (s == "thousands") return 2000;
  if (s == "millions") return 2000000;
  return std::nullopt;
}

// "an eighth-grader", "two fifth-graders": school grades name pupils.
bool IsGrader(std::string_view s) { return s.ends_with("-grader") || s.ends_with("-graders"); }

// "two 14-year-olds", "twin 6-month-olds": ages in the plural name people.
bool IsPluralAge(std::string_view s) {
  return s.ends_with("-year-olds") || s.ends_with("-month-olds") || s.ends_with("-week-olds");
}

bool IsPersonNoun(std::string_view s) { return Has(s, kPerson) || IsGrader(s) || IsPluralAge(s); }
bool IsSingularPersonNoun(std::string_view s) {
  return Has(s, kSingular) || s.ends_with("-grader");
}
bool IsAuxiliary(std::string_view s) { return Has(s, kAux); }
bool IsVerbComplexFiller(std::string_view s) { return Has(s, kFiller); }
bool IsModal(std::string_view s) { return Has(s, kModal); }
bool IsClauseBoundary(std::string_view s) { return Has(s, kBoundary); }
bool IsPreposition(std::string_view s) { return Has(s, kPrep); }
bool IsNewIncidentMarker(std::string_view s) { return Has(s, kNewIncident); }
bool IsUpdateMarker(std::string_view s) { return Has(s, kUpdate); }

}  // namespace annals
