// Entity resolution within one article: groups the NER mentions that name
// the same thing ("Aliyeva" and "Sabina Aliyeva"; every "Azerbaijan") into
// one Entity with a canonical name (the fullest form used) and a mention
// count, and points each EntityMention at its entity.
#pragma once

#include <string_view>
#include <vector>

#include "facts/facts.h"

namespace annals::ner {

// Fills `entities` from `mentions` (text order) and sets mention.entity.
// Rules: the same name (case and possessive ignored) → one
// entity; a PERSON mention of one or two words that are the last (or first)
// words of a longer PERSON name → that person, also when the tagger typed the
// short mention otherwise (its type is then corrected); an all-caps
// acronym equal to the initials of an ORG → that ORG. Entities are ordered by
// first mention.
void ResolveEntities(std::string_view text, std::vector<EntityMention>* mentions, std::vector<Entity>* entities);

}  // namespace annals::ner
