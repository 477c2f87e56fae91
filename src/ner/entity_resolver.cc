// Within-article entity resolution.
#include "ner/entity_resolver.h"

#include <algorithm>
#include <string>

#include "core/whitespace.h"
#include "ner/features.h"

namespace annals::ner {

namespace {

// Words of a mention, normalised (lower case, straight quotes), without a
// trailing possessive: views into *norm, which receives the normalised text
// (one string per mention instead of one per word).
void NameWords(std::string_view s, std::string* norm, std::vector<std::string_view>* words) {
  words->clear();
  NormalizeWord(s, norm);
  const std::string_view t = *norm;
  size_t start = 0;
  for (size_t k = 0; k <= t.size(); ++k) {
    if (k < t.size() && t[k] != ' ' && t[k] != '\n' && t[k] != '\t' && t[k] != '\r') continue;
    if (k > start) words->push_back(t.substr(start, k - start));
    start = k + 1;
  }
  if (!words->empty()) {
    std::string_view& last = words->back();
    if (last.size() > 2 && last.ends_with("'s")) last.remove_suffix(2);
    else if (last == "'s" && words->size() > 1) words->pop_back();
  }
}

bool IsAllCaps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letter |= c >= 'A' && c <= 'Z';
  }
  return letter;
}

// Abbreviations of a few names that news uses constantly in both forms, so
// that facets and entity pages across articles count "U.S." and "United
// States" as one place. Keys are NameWords() forms (lower case, one word).
struct Alias {
  std::string_view abbreviation;
  std::string_view full;  // canonical surface form
};
constexpr Alias kAliases[] = {
    {"us", "United States"},        {"u.s.", "United States"},   {"usa", "United States"},
    {"u.s.a.", "United States"},    {"uk", "United Kingdom"},    {"u.k.", "United Kingdom"},
    {"eu", "European Union"},       {"e.u.", "European Union"},  {"un", "United Nations"},
    {"u.n.", "United Nations"},     {"ussr", "Soviet Union"},    {"u.s.s.r.", "Soviet Union"},
    {"uae", "United Arab Emirates"}, {"u.a.e.", "United Arab Emirates"},
};

// The full name `words` abbreviates, or "" if none.
std::string_view FullNameOf(const std::vector<std::string_view>& words) {
  if (words.size() != 1) return {};
  for (const Alias& a : kAliases)
    if (words[0] == a.abbreviation) return a.full;
  return {};
}

struct Group {
  std::vector<std::string_view> words;  // normalised words of the canonical name (views into ResolveEntities' norms)
  std::string canonical;           // surface form of the fullest mention
  EntityType type;                 // entity type (of its longest mention until the vote)
  uint32_t votes[4] = {0, 0, 0, 0};  // same-name mentions per tagged type
  uint32_t first = 0;              // byte offset of the first mention
  uint32_t count = 0;              // mentions
};

}  // namespace

void ResolveEntities(std::string_view text, std::vector<EntityMention>* mentions, std::vector<Entity>* entities) {
  entities->clear();
  const size_t n = mentions->size();
  std::vector<std::string> norms(n);  // normalised text of each mention; `words` views it
  std::vector<std::vector<std::string_view>> words(n);
  // An abbreviation in kAliases stands for its full name's words: it joins
  // the full name's entity, or founds one under the full name.
  std::vector<std::string_view> full_name(n);
  for (size_t i = 0; i < n; ++i) {
    NameWords(text.substr((*mentions)[i].start, (*mentions)[i].end - (*mentions)[i].start), &norms[i], &words[i]);
    full_name[i] = FullNameOf(words[i]);
    if (!full_name[i].empty()) NameWords(full_name[i], &norms[i], &words[i]);
  }
  // Longest names first, so short mentions find the full name they abbreviate.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return words[a].size() > words[b].size(); });
  std::vector<Group> groups;
  std::vector<int32_t> group_of(n, -1);
  for (size_t i : order) {
    EntityMention& m = (*mentions)[i];
    const auto& w = words[i];
    if (w.empty()) continue;
    int32_t found = -1;
    // 1. Same words (the type is settled by a vote below).
    for (size_t g = 0; g < groups.size() && found < 0; ++g)
      if (groups[g].words == w) found = static_cast<int32_t>(g);
    // 2. A short mention naming a longer PERSON (any tagged type).
    if (found < 0 && w.size() <= 2) {
      for (size_t g = 0; g < groups.size() && found < 0; ++g) {
        const Group& gr = groups[g];
        if (gr.type != EntityType::kPerson || gr.words.size() <= w.size()) continue;
        bool suffix = std::equal(w.begin(), w.end(), gr.words.end() - static_cast<long>(w.size()));
        bool prefix = std::equal(w.begin(), w.end(), gr.words.begin());
        if (suffix || (prefix && m.type == EntityType::kPerson)) found = static_cast<int32_t>(g);
      }
    }
    // 3. An acronym of an ORG.
    std::string_view surf = text.substr(m.start, m.end - m.start);
    if (found < 0 && w.size() == 1 && IsAllCaps(surf) && w[0].size() >= 2) {
      for (size_t g = 0; g < groups.size() && found < 0; ++g) {
        const Group& gr = groups[g];
        if (gr.type != EntityType::kOrg || gr.words.size() != w[0].size()) continue;
        bool match = true;
        for (size_t k = 0; k < gr.words.size() && match; ++k) match = gr.words[k][0] == w[0][k];
        if (match) found = static_cast<int32_t>(g);
      }
    }
    if (found < 0) {
      Group gr;
      gr.words = w;
      gr.canonical = full_name[i].empty() ? CollapseWhitespace(surf) : std::string(full_name[i]);
      if (gr.canonical.size() > 2 && (gr.canonical.ends_with("'s") || gr.canonical.ends_with("\u2019s")))
        gr.canonical.resize(gr.canonical.size() - (gr.canonical.ends_with("'s") ? 2 : 4));
      gr.type = m.type;
      gr.first = m.start;
      groups.push_back(std::move(gr));
      found = static_cast<int32_t>(groups.size() - 1);
    } else {
      Group& gr = groups[found];
      // Prefer a mixed-case spelling over an all-caps one of the same name.
      if (gr.words == w && full_name[i].empty() && IsAllCaps(gr.canonical) && !IsAllCaps(surf))
        gr.canonical = CollapseWhitespace(surf);
      gr.first = std::min(gr.first, m.start);
    }
    if (groups[found].words == w) ++groups[found].votes[static_cast<int>(m.type)];
    group_of[i] = found;
    ++groups[found].count;
  }
  // The tagger may type one name differently across an article ("Azerbaijan"
  // PERSON once, LOCATION three times): the majority wins, ties keep the type
  // of the fullest mention. Then every mention takes its entity's type.
  for (Group& gr : groups) {
    int best = static_cast<int>(gr.type);
    for (int t = 0; t < 4; ++t)
      if (gr.votes[t] > gr.votes[best]) best = t;
    gr.type = static_cast<EntityType>(best);
  }
  for (size_t i = 0; i < n; ++i)
    if (group_of[i] >= 0) (*mentions)[i].type = groups[group_of[i]].type;
  // Order entities by first mention.
  std::vector<size_t> gorder(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) gorder[g] = g;
  std::stable_sort(gorder.begin(), gorder.end(), [&](size_t a, size_t b) { return groups[a].first < groups[b].first; });
  std::vector<int32_t> new_index(groups.size());
  for (size_t k = 0; k < gorder.size(); ++k) {
    new_index[gorder[k]] = static_cast<int32_t>(k);
    Group& gr = groups[gorder[k]];
    Entity e;
    e.canonical = std::move(gr.canonical);
    e.type = gr.type;
    e.mentions = gr.count;
    entities->push_back(std::move(e));
  }
  for (size_t i = 0; i < n; ++i) (*mentions)[i].entity = group_of[i] < 0 ? -1 : new_index[group_of[i]];
}

}  // namespace annals::ner
