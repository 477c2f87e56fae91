// The NER tag set (BILOU over the four CoNLL types) and conversions between
// tag sequences and entity spans. The labeller predicts BILOU tags; the CoNLL
// files carry IOB1/IOB2 tags; evaluation and the pipeline work with spans.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "facts/facts.h"

namespace annals::ner {

// Tag ids: 0 = O; for type t (EntityType value 0..3): B = 1+4t, I = 2+4t,
// L = 3+4t, U = 4+4t. Stored in model files: frozen.
inline constexpr int kNumTags = 17;
inline constexpr int kTagO = 0;
enum class TagPart : uint8_t { kO = 0, kB = 1, kI = 2, kL = 3, kU = 4 };

inline int MakeTag(TagPart part, EntityType type) {
  return part == TagPart::kO ? kTagO : 1 + 4 * static_cast<int>(type) + (static_cast<int>(part) - 1);
}
inline TagPart PartOf(int tag) { return tag == kTagO ? TagPart::kO : static_cast<TagPart>(1 + (tag - 1) % 4); }
inline EntityType TypeOf(int tag) { return static_cast<EntityType>(tag == kTagO ? 3 : (tag - 1) / 4); }

// "O", "B-PER", "U-LOC", ... (CoNLL type names PER ORG LOC MISC).
std::string TagName(int tag);
// "PER" / "ORG" / "LOC" / "MISC" for a type.
std::string_view ConllTypeName(EntityType t);

// A span of tokens [begin, end) with its type.
struct Span {
  uint32_t begin = 0;  // first token index
  uint32_t end = 0;    // one past the last token index
  EntityType type = EntityType::kMisc;
  bool operator==(const Span&) const = default;
};

// Spans of an IOB sequence ("O", "B-PER", "I-PER", ...) following conlleval:
// a chunk starts at B-X, or at I-X after O or after another type; it ends
// before O, before B-*, or before a tag of another type. Accepts IOB1 and
// IOB2. Unknown type names make the token O. `tags` holds the raw labels.
std::vector<Span> SpansFromIob(const std::vector<std::string>& tags);

// BILOU tag ids for spans over n tokens (spans must not overlap).
std::vector<uint8_t> BilouFromSpans(const std::vector<Span>& spans, size_t n);

// Spans of a BILOU tag-id sequence. Tolerates invalid sequences (treats a
// broken chunk as ending where it breaks), though the decoder never emits one.
std::vector<Span> SpansFromBilou(const std::vector<uint8_t>& tags);

// Whether tag `b` may follow tag `a` (a = -1: sentence start; b = -1: end).
bool TransitionAllowed(int a, int b);

}  // namespace annals::ner
