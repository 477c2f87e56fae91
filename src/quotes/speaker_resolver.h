// SpeakerResolver: within-article coreference of speaker mentions. Turns the
// words next to a cue ("she", "the ombudsperson", "Aliyeva", "the ministry")
// into the article's entity they refer to, using the NER mentions and
// entities, the gender the article gives each person (pronouns that follow
// the name, Mr./Ms., gendered titles, common first names) and the roles
// attached to people. What it cannot resolve it leaves unresolved — a
// Speaker with an empty name — rather than guess.
#pragma once

#include <cstdint>
#include <vector>

#include "facts/annotated_doc.h"
#include "quotes/quote_context.h"

namespace annals {

enum class Gender : int8_t { kUnknown = 0, kMale = 1, kFemale = 2 };

class SpeakerResolver {
 public:
  // `doc` and `c` must outlive the resolver; doc->entities' roles should be
  // attached first (AttachRoles) so descriptions can match them.
  SpeakerResolver(const QuoteContext& c, const AnnotatedDoc& doc);

  // The speaker for mention `m` (which must be found()).
  Speaker Resolve(const SubjectMention& m) const;

  // The gender inferred for entity `e` (for tests and diagnostics).
  Gender GenderOf(int32_t e) const;

 private:
  int32_t EntityOverlapping(uint32_t start, uint32_t end) const;
  int32_t ResolvePronoun(const SubjectMention& m) const;
  int32_t ResolveName(const SubjectMention& m) const;
  int32_t ResolveDescription(const SubjectMention& m) const;

  const QuoteContext& c_;
  const AnnotatedDoc& doc_;
  std::vector<Gender> gender_;            // per entity
  std::vector<uint32_t> outside_;         // indexes of mentions outside quotations, text order
};

}  // namespace annals
