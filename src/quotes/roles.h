// Roles: the titles and roles an article attaches to a person, read from the
// words around the person's mentions — "Azerbaijan’s Human Rights
// Commissioner (Ombudsman) Sabina Aliyeva" gives role "Human Rights
// Commissioner (Ombudsman)" and affiliation "Azerbaijan"; "Smith, a
// spokesman for the ministry," gives role "a spokesman for the ministry".
#pragma once

#include <vector>

#include "facts/facts.h"
#include "quotes/quote_context.h"

namespace annals {

// Sets Entity::role and Entity::affiliation of every PERSON entity that has
// none yet, from the first of its mentions with a title next to it.
// `mentions` index into `entities`; out-of-range indexes are ignored.
void AttachRoles(const QuoteContext& c, const std::vector<EntityMention>& mentions, std::vector<Entity>* entities);

// True if `lower` is a word that makes a phrase a title or role
// ("minister", "spokesman", "ombudsman", "commissioner", ...).
bool IsTitleWord(std::string_view lower);

}  // namespace annals
