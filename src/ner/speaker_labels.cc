// Speaker labels (speaker_labels.h).
#include "ner/speaker_labels.h"

#include <map>
#include <string>

namespace annals::ner {

namespace {
bool IsSpace(char c) { return c == ' ' || c == '\t'; }
}  // namespace

bool IsSpeakerLabel(std::string_view text, uint32_t start, uint32_t end) {
  if (start >= end || end > text.size()) return false;
  size_t b = start;
  while (b > 0 && IsSpace(text[b - 1])) --b;
  if (b < 2 || text[b - 1] != '(' || text[b - 2] != '(') return false;
  b -= 2;
  while (b > 0 && IsSpace(text[b - 1])) --b;
  if (b > 0 && text[b - 1] != '\n' && text[b - 1] != '\r') return false;
  size_t e = end;
  while (e < text.size() && IsSpace(text[e])) ++e;
  return e + 1 < text.size() && text[e] == ')' && text[e + 1] == ')';
}

void ApplySpeakerLabels(std::string_view text, std::vector<EntityMention>* mentions) {
  std::vector<bool> label(mentions->size());
  bool any = false;
  for (size_t i = 0; i < mentions->size(); ++i) {
    label[i] = IsSpeakerLabel(text, (*mentions)[i].start, (*mentions)[i].end);
    any |= label[i];
  }
  if (!any) return;
  // Types the running text gives each name.
  std::map<std::string_view, std::map<EntityType, int>> votes;
  for (size_t i = 0; i < mentions->size(); ++i) {
    const EntityMention& m = (*mentions)[i];
    if (!label[i]) ++votes[text.substr(m.start, m.end - m.start)][m.type];
  }
  std::vector<EntityMention> kept;
  kept.reserve(mentions->size());
  for (size_t i = 0; i < mentions->size(); ++i) {
    EntityMention m = (*mentions)[i];
    if (label[i]) {
      const std::string_view name = text.substr(m.start, m.end - m.start);
      auto it = votes.find(name);
      if (name.find(' ') != std::string_view::npos) {
        m.type = EntityType::kPerson;
      } else if (it != votes.end()) {
        int best = -1;
        for (const auto& [type, n] : it->second)
          if (n > best) {
            best = n;
            m.type = type;
          }
      } else {
        continue;  // initials or a first name alone, never used in the text
      }
    }
    kept.push_back(m);
  }
  mentions->swap(kept);
}

}  // namespace annals::ner
