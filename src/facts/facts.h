// The facts annals extracts from an article, as plain structs. Every fact
// carries byte offsets [start, end) into the article's text (the provenance
// rule). The enums' integer values are stored on disk by the store: frozen —
// add new values at the end, never renumber. Their names (PERSON, KILL, ...)
// are the wire format of docs/output-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

// ---- Entities (NER) ----
enum class EntityType : uint8_t { kPerson = 0, kOrg = 1, kLocation = 2, kMisc = 3 };
std::string_view EntityTypeName(EntityType t);  // "PERSON", "ORG", "LOCATION", "MISC"
std::optional<EntityType> ParseEntityType(std::string_view name);  // also PER, LOC

struct EntityMention {
  uint32_t start = 0;       // byte offset into text
  uint32_t end = 0;         // byte offset past the mention
  EntityType type = EntityType::kMisc;
  int32_t entity = -1;      // index into AnnotatedDoc::entities (its canonical entity)
};

// One entity of the article: the mentions that name the same thing.
struct Entity {
  std::string canonical;    // the fullest name used ("Sabina Aliyeva" for "Aliyeva")
  EntityType type = EntityType::kMisc;
  uint32_t mentions = 0;    // number of EntityMention pointing here
  std::string role;         // title or role attached in the article, "" if none
  std::string affiliation;  // e.g. "Azerbaijan" for a role "Azerbaijan's ...", "" if none
};

// ---- Time expressions (TIMEX3) ----
enum class TimexType : uint8_t { kDate = 0, kTime = 1, kDuration = 2, kSet = 3 };
std::string_view TimexTypeName(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

// What a time value was resolved against.
enum class TimeAnchor : uint8_t { kAbsolute = 0, kPublication = 1, kNarrative = 2 };
std::string_view TimeAnchorName(TimeAnchor a);  // "absolute", "publication", "narrative"

struct TimeExpr {
  uint32_t start = 0;
  uint32_t end = 0;
  TimexType type = TimexType::kDate;
  std::string value;        // TIMEX3 value: "1990-01-19", "P35Y", "XXXX-01-21", "PAST_REF", ...
  std::string range_begin;  // for ranges: first value ("1990-01-19"); "" if not a range
  std::string range_end;    // for ranges: last value ("1990-01-20")
  TimeAnchor anchor = TimeAnchor::kAbsolute;
  std::string mod;          // TIMEX3 mod (START, END, APPROX, ...), "" if none
};

// ---- Victim counts ----
enum class CountType : uint8_t {
  kKill = 0, kWound = 1, kArrest = 2, kKidnap = 3, kMissing = 4,
  kDisplaced = 5, kEvacuate = 6, kAffect = 7, kProtest = 8,
};
std::string_view CountTypeName(CountType t);  // "KILL", "WOUND", ...
std::optional<CountType> ParseCountType(std::string_view name);

enum class CountQualifier : uint8_t { kExact = 0, kAtLeast = 1, kAtMost = 2, kApproximate = 3 };
std::string_view CountQualifierName(CountQualifier q);  // "exact", "at_least", "at_most", "approximate"

struct Count {
  CountType type = CountType::kKill;
  int64_t number = 0;       // the figure (lower bound when qualifier says so)
  CountQualifier qualifier = CountQualifier::kExact;
  std::string victims;      // victims as written ("innocent people, including women, ...")
  std::string place;        // canonical name of a LOCATION entity in reach, "" if none
  std::string date;         // TIMEX3 value of the event date ("1990-01-19"), "" if unknown
  std::string perpetrator;  // as written ("the former USSR armed forces"), "" if none
  uint32_t start = 0;       // evidence span (the number and its trigger)
  uint32_t end = 0;
  uint32_t sentence = 0;    // index into AnnotatedDoc::layout.sentences
  uint32_t incident = 0;    // incident within the article: 0 = its main one, 1.. = others (historical, separate)
};

// ---- Quotations ----
enum class QuoteKind : uint8_t { kDirect = 0, kFragment = 1, kIndirect = 2 };
std::string_view QuoteKindName(QuoteKind k);  // "direct", "fragment", "indirect"

struct Speaker {
  std::string name;         // canonical entity name; "" when unresolved (JSON null speaker)
  std::string mention;      // the words used for this quote ("she", "the ombudsperson")
  uint32_t mention_start = 0;
  uint32_t mention_end = 0;
  std::string type;         // "PERSON", "ORG", ... of the resolved entity; "" if unresolved
  std::string role;         // the person's role in the article, "" if none
  int32_t entity = -1;      // index into AnnotatedDoc::entities, -1 if unresolved
};

struct Quote {
  QuoteKind kind = QuoteKind::kDirect;
  uint32_t start = 0;       // the quoted content (without the quote marks)
  uint32_t end = 0;
  std::string cue;          // reporting verb as written ("recalled", "according to"), "" if none
  uint32_t cue_start = 0;
  uint32_t cue_end = 0;
  std::optional<Speaker> speaker;  // absent if no mention at all could be found
};

}  // namespace annals
