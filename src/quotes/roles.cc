// Role extraction: see roles.h.
#include "quotes/roles.h"

#include <string>
#include <unordered_set>

namespace annals {

namespace {

const std::unordered_set<std::string_view>& TitleWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "commissioner", "minister", "president", "secretary", "spokesman", "spokeswoman", "spokesperson",
      "director", "chairman", "chairwoman", "chair", "senator", "sen", "governor", "gov", "mayor",
      "ambassador", "representative", "rep", "general", "gen", "judge", "chief", "officer", "leader",
      "ombudsman", "ombudsperson", "ceo", "head", "premier", "chancellor", "king", "queen", "prince",
      "commander", "colonel", "captain", "lieutenant", "sergeant", "attorney", "lawyer", "professor",
      "candidate", "nominee", "speaker", "envoy", "adviser", "advisor", "deputy", "official",
      "coordinator", "manager", "founder", "executive", "prosecutor", "sheriff", "councilman",
      "councilwoman", "congressman", "congresswoman", "lawmaker", "pope", "bishop", "emir", "sheikh",
      "analyst", "economist", "researcher", "strategist", "aide", "mp", "mep", "vice", "dr", "mr", "mrs", "ms"};
  return kWords;
}

// Lower-case modifiers that may precede a title ("former president").
bool IsTitleModifier(std::string_view w) {
  return w == "former" || w == "presidential" || w == "deputy" || w == "foreign" || w == "prime" ||
         w == "chief" || w == "senior" || w == "acting" || w == "vice" || w == "state" || w == "top" ||
         w == "defense" || w == "defence" || w == "interior" || w == "justice" || w == "finance" ||
         w == "police" || w == "army" || w == "republican" || w == "democratic" || w == "general";
}

bool IsCapWord(const Word& w) { return (w.flags & (kWordCap | kWordAllCaps)) != 0; }

std::string Trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == ',')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == ',')) --b;
  return std::string(s.substr(a, b - a));
}

// Gap is spaces, optionally around one parenthesis: "Commissioner (Ombudsman) Sabina",
// or a line wrap inside a paragraph ("Vice President\nGeorge Bush" in
// wire text broken into lines).
bool RoleGap(std::string_view g) {
  if (g.empty() || g.size() > 3) return false;
  int newlines = 0;
  for (char ch : g) {
    if (ch == '\n') ++newlines;
    else if (ch != ' ' && ch != '(' && ch != ')') return false;
  }
  return newlines <= 1;
}

// Role written before the mention starting at word `k`.
bool RoleBefore(const QuoteContext& c, size_t k, std::string* role, std::string* affiliation) {
  const auto& w = c.words();
  size_t s = k;
  bool titled = false;
  bool paren_open = false;
  for (int steps = 0; steps < 8 && s > 0; ++steps) {
    const std::string_view g = c.GapAfter(s - 1);
    if (!RoleGap(g)) break;
    const Word& pw = w[s - 1];
    if (pw.has(kWordPossessive)) break;
    const std::string_view lower(c.Lower(s - 1));
    if (g.find('(') != std::string_view::npos) paren_open = false;
    if (g.find(')') != std::string_view::npos) paren_open = true;
    if (!IsCapWord(pw) && !IsTitleWord(lower) && !IsTitleModifier(lower) && !paren_open) break;
    if (lower == "the" || lower == "a") break;
    if (IsTitleWord(lower)) titled = true;
    --s;
  }
  if (!titled || s == k) return false;
  // The role text runs from word s to the end of the gap before the name.
  const uint32_t a = w[s].start;
  uint32_t b = w[k - 1].end;
  const std::string_view g = c.GapAfter(k - 1);
  if (g.find(')') != std::string_view::npos) b += static_cast<uint32_t>(g.find(')') + 1);
  std::string r = Trim(c.text().substr(a, b - a));
  for (char& ch : r)
    if (ch == '\n') ch = ' ';  // a line wrap inside the title
  // "(Ombudsman" with its ")" in the gap: keep parentheses balanced.
  if (r.find('(') != std::string::npos && r.find(')') == std::string::npos) return false;
  *role = r;
  // Affiliation: a possessive right before the role ("Azerbaijan’s").
  if (s > 0 && c.SpaceGap(s - 1) && w[s - 1].has(kWordPossessive)) {
    std::string_view p = c.WordText(s - 1);
    p.remove_suffix(p.ends_with("'s") ? 2 : 4);
    size_t t = s - 1;
    while (t > 0 && c.SpaceGap(t - 1) && IsCapWord(w[t - 1]) && s - t < 4) --t;
    const uint32_t fa = w[t].start;
    *affiliation = std::string(c.text().substr(fa, w[s - 1].start - fa)) + std::string(p);
  }
  return true;
}

// Appositive role after the mention ending at word `e`: "Smith, the
// country's ombudsman, said". Not when a person is named in it: "Vice
// President George Bush, Secretary of State George Shultz, …" is a list of
// people, each with a title.
bool RoleAfter(const QuoteContext& c, size_t e, const std::vector<EntityMention>& mentions, std::string* role) {
  const auto& w = c.words();
  if (e + 1 >= w.size()) return false;
  const std::string_view g = c.GapAfter(e);
  if (g != ", ") return false;
  const std::string_view first(c.Lower(e + 1));
  if (first != "the" && first != "a" && first != "an" && !IsTitleWord(first) && !IsTitleModifier(first))
    return false;
  bool titled = IsTitleWord(first);
  size_t r = e + 1;
  while (r + 1 < w.size() && r - e < 10 && c.SpaceGap(r)) {
    ++r;
    if (IsTitleWord(c.Lower(r))) titled = true;
  }
  const std::string_view rg = c.GapAfter(r);
  if (rg.empty() || (rg[0] != ',' && rg[0] != '.') || !titled) return false;
  const uint32_t a = w[e + 1].start, b = w[r].end;
  for (const EntityMention& m : mentions)  // runs only for a titled apposition: rare
    if (m.type == EntityType::kPerson && m.start >= a && m.start < b) return false;
  *role = std::string(c.text().substr(a, b - a));
  return true;
}

}  // namespace

bool IsTitleWord(std::string_view lower) { return TitleWords().count(lower) > 0; }

void AttachRoles(const QuoteContext& c, const std::vector<EntityMention>& mentions, std::vector<Entity>* entities) {
  for (const EntityMention& m : mentions) {
    if (m.type != EntityType::kPerson || m.entity < 0 || static_cast<size_t>(m.entity) >= entities->size()) continue;
    Entity& e = (*entities)[m.entity];
    if (!e.role.empty()) continue;
    const size_t k = c.WordAtOrAfter(m.start);
    if (k >= c.words().size() || c.words()[k].start >= m.end) continue;
    std::string role, aff;
    if (k > 0 && RoleBefore(c, k, &role, &aff)) {
      e.role = role;
      if (e.affiliation.empty()) e.affiliation = aff;
      continue;
    }
    size_t last = c.WordAtOrAfter(m.end);
    if (last == 0) continue;
    if (RoleAfter(c, last - 1, mentions, &role)) e.role = role;
  }
}

}  // namespace annals
