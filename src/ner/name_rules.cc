// Post-labelling name rules.
#include "ner/name_rules.h"

#include "ner/tags.h"

namespace annals::ner {

namespace {
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
}  // namespace

bool IsWebStyleName(std::string_view w) {
  if (w.size() < 4 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  size_t dot = w.find('.');
  if (dot == std::string_view::npos || dot < 2) return false;
  for (size_t i = 1; i < dot; ++i)
    if (!IsAsciiLetter(w[i]) && !(w[i] >= '0' && w[i] <= '9')) return false;
  bool lower_after = false;
  size_t part = 0;  // letters in the current ".part"
  for (size_t i = dot + 1; i < w.size(); ++i) {
    if (w[i] == '.') {
      if (part < 2) return false;
      part = 0;
      continue;
    }
    if (!IsAsciiLetter(w[i])) return false;
    lower_after |= w[i] >= 'a' && w[i] <= 'z';
    ++part;
  }
  return part >= 2 && lower_after;
}

void ApplyNameRules(const std::vector<std::string_view>& words, std::vector<uint8_t>* tags) {
  const uint8_t u_org = static_cast<uint8_t>(MakeTag(TagPart::kU, EntityType::kOrg));
  for (size_t i = 0; i < words.size() && i < tags->size(); ++i) {
    uint8_t t = (*tags)[i];
    bool alone = t == kTagO || (PartOf(t) == TagPart::kU && (TypeOf(t) == EntityType::kPerson ||
                                                             TypeOf(t) == EntityType::kLocation));
    if (alone && IsWebStyleName(words[i])) (*tags)[i] = u_org;
  }
}

}  // namespace annals::ner
