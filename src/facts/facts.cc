// Names of the fact enums: the wire format of docs/output-format.md.
#include "facts/facts.h"

namespace annals {

namespace {
constexpr std::string_view kEntityNames[] = {"PERSON", "ORG", "LOCATION", "MISC"};
constexpr std::string_view kTimexNames[] = {"DATE", "TIME", "DURATION", "SET"};
constexpr std::string_view kAnchorNames[] = {"absolute", "publication", "narrative"};
constexpr std::string_view kCountNames[] = {"KILL",      "WOUND",    "ARREST", "KIDNAP", "MISSING",
                                            "DISPLACED", "EVACUATE", "AFFECT", "PROTEST"};
constexpr std::string_view kQualifierNames[] = {"exact", "at_least", "at_most", "approximate"};
constexpr std::string_view kQuoteKindNames[] = {"direct", "fragment", "indirect"};
}  // namespace

std::string_view EntityTypeName(EntityType t) { return kEntityNames[static_cast<int>(t)]; }
std::optional<EntityType> ParseEntityType(std::string_view n) {
  for (int i = 0; i < 4; ++i)
    if (n == kEntityNames[i]) return static_cast<EntityType>(i);
  if (n == "PER") return EntityType::kPerson;
  if (n == "LOC") return EntityType::kLocation;
  return std::nullopt;
}
std::string_view TimexTypeName(TimexType t) { return kTimexNames[static_cast<int>(t)]; }
std::string_view TimeAnchorName(TimeAnchor a) { return kAnchorNames[static_cast<int>(a)]; }
std::string_view CountTypeName(CountType t) { return kCountNames[static_cast<int>(t)]; }
std::optional<CountType> ParseCountType(std::string_view n) {
  for (int i = 0; i < 9; ++i)
    if (n == kCountNames[i]) return static_cast<CountType>(i);
  return std::nullopt;
}
std::string_view CountQualifierName(CountQualifier q) { return kQualifierNames[static_cast<int>(q)]; }
std::string_view QuoteKindName(QuoteKind k) { return kQuoteKindNames[static_cast<int>(k)]; }

}  // namespace annals
