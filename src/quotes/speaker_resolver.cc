// Speaker resolution: see speaker_resolver.h.
#include "quotes/speaker_resolver.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "core/ascii_case.h"
#include "quotes/roles.h"

namespace annals {

namespace {

// How far back a pronoun looks for its antecedent.
constexpr uint32_t kPronounReach = 4000;

Gender FirstNameGender(std::string_view first) {
  // A small list of frequent first names in news; not a census: it only
  // breaks ties that pronouns and titles leave open.
  static const std::unordered_set<std::string_view> kMale = {
      "John", "James", "Michael", "David", "Robert", "William", "Richard", "Joseph", "Thomas", "Charles",
      "Donald", "Barack", "Bernie", "Ted", "Marco", "Jeb", "Chris", "Mike", "Paul", "Mark", "George", "Bill",
      "Joe", "Ben", "Tim", "Vladimir", "Emmanuel", "Ilham", "Heydar", "Mohammed", "Ahmed", "Ali", "Peter",
      "Steve", "Kevin", "Brian", "Jeff", "Scott", "Eric", "Jim", "Tom", "Rand", "Rick", "Newt", "Mitch",
      "Harry", "Lindsey", "Reince", "Corey", "Kellyanne", "Rudy", "Jared", "Eric", "Andrew", "Daniel"};
  static const std::unordered_set<std::string_view> kFemale = {
      "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
      "Hillary", "Nancy", "Michelle", "Melania", "Ivanka", "Carly", "Sabina", "Angela", "Theresa", "Marine",
      "Anna", "Maria", "Elena", "Olga", "Kamala", "Sarah", "Huma", "Donna", "Debbie", "Jill", "Chelsea",
      "Kellyanne", "Laura", "Emily", "Emma", "Julia", "Claire", "Catherine", "Margaret", "Helen", "Ruth"};
  if (kMale.count(first) && !kFemale.count(first)) return Gender::kMale;
  if (kFemale.count(first) && !kMale.count(first)) return Gender::kFemale;
  return Gender::kUnknown;
}

Gender TitleGender(std::string_view w) {
  if (w == "Mr" || w == "mr" || w == "spokesman" || w == "chairman" || w == "congressman" || w == "King" ||
      w == "king" || w == "businessman" || w == "councilman")
    return Gender::kMale;
  if (w == "Mrs" || w == "Ms" || w == "Miss" || w == "spokeswoman" || w == "chairwoman" || w == "congresswoman" ||
      w == "Queen" || w == "queen" || w == "businesswoman" || w == "councilwoman")
    return Gender::kFemale;
  return Gender::kUnknown;
}

Gender PronounGender(std::string_view w) {
  if (w == "he" || w == "him" || w == "his" || w == "himself") return Gender::kMale;
  if (w == "she" || w == "her" || w == "hers" || w == "herself") return Gender::kFemale;
  return Gender::kUnknown;
}

bool IsOrgHead(std::string_view w) {
  static const std::unordered_set<std::string_view> kHeads = {
      "ministry", "government", "department", "agency", "office", "committee", "campaign", "company",
      "court", "party", "army", "military", "embassy", "commission", "council", "administration",
      "group", "organization", "organisation", "union", "firm", "bank", "university", "police",
      "mission", "parliament", "senate", "house", "cabinet", "board", "spokesman's office", "newspaper",
      "network", "service", "authority", "authorities", "coalition", "alliance", "team", "foundation"};
  return kHeads.count(w) > 0;
}

// "ombudsperson" and "ombudsman" share the stem "ombuds".
std::string Stem(std::string_view w) {
  for (std::string_view suf : {"person", "woman", "man"})
    if (w.size() > suf.size() + 3 && w.ends_with(suf)) return std::string(w.substr(0, w.size() - suf.size()));
  if (w.size() > 4 && w.ends_with("s")) return std::string(w.substr(0, w.size() - 1));
  return std::string(w);
}

}  // namespace

SpeakerResolver::SpeakerResolver(const QuoteContext& c, const AnnotatedDoc& doc) : c_(c), doc_(doc) {
  const size_t ne = doc.entities.size();
  gender_.assign(ne, Gender::kUnknown);
  std::vector<int> votes_m(ne, 0), votes_f(ne, 0);
  for (uint32_t i = 0; i < doc.mentions.size(); ++i) {
    const EntityMention& m = doc.mentions[i];
    if (m.entity < 0 || static_cast<size_t>(m.entity) >= ne || m.end > c.text().size()) continue;
    if (!c.InQuote(m.start)) outside_.push_back(i);
    if (m.type != EntityType::kPerson) continue;
    // Title or first name.
    const size_t k = c.WordAtOrAfter(m.start);
    if (k < c.words().size() && c.words()[k].start < m.end) {
      Gender g = FirstNameGender(c.WordText(k));
      if (g == Gender::kUnknown && k > 0) g = TitleGender(c.WordText(k - 1));
      if (g == Gender::kMale) votes_m[m.entity] += 2;
      if (g == Gender::kFemale) votes_f[m.entity] += 2;
    }
  }
  // Pronoun votes: a he/she outside quotations votes for the nearest person
  // mentioned before it (outside quotations too), within a sentence or two.
  const auto& w = c.words();
  size_t next_mention = 0;
  int32_t last_person = -1;
  uint32_t last_person_end = 0;
  bool any_person = false;
  for (uint32_t i : outside_) any_person |= doc.mentions[i].type == EntityType::kPerson;
  for (size_t k = 0; any_person && k < w.size(); ++k) {
    while (next_mention < outside_.size() && doc.mentions[outside_[next_mention]].start <= w[k].start) {
      const EntityMention& m = doc.mentions[outside_[next_mention]];
      if (m.type == EntityType::kPerson) {
        last_person = m.entity;
        last_person_end = m.end;
      }
      ++next_mention;
    }
    if (!w[k].has(kWordLower) && !(w[k].flags & kWordCap)) continue;
    const uint32_t len = w[k].end - w[k].start;
    if (len < 2 || len > 7) continue;
    const Gender g = PronounGender(c.Lower(k));
    if (g == Gender::kUnknown || last_person < 0 || w[k].start < last_person_end) continue;
    if (w[k].start - last_person_end > 400 || c.InQuote(w[k].start)) continue;
    if (g == Gender::kMale) ++votes_m[last_person];
    else ++votes_f[last_person];
  }
  for (size_t e = 0; e < ne; ++e) {
    if (doc.entities[e].type != EntityType::kPerson) continue;
    // Gendered role words.
    for (std::string_view t : {"spokeswoman", "chairwoman", "congresswoman", "businesswoman"})
      if (doc.entities[e].role.find(t) != std::string::npos) votes_f[e] += 2;
    for (std::string_view t : {"spokesman", "chairman", "congressman", "businessman"})
      if (doc.entities[e].role.find(t) != std::string::npos) votes_m[e] += 2;
    if (votes_m[e] > votes_f[e]) gender_[e] = Gender::kMale;
    else if (votes_f[e] > votes_m[e]) gender_[e] = Gender::kFemale;
  }
}

Gender SpeakerResolver::GenderOf(int32_t e) const {
  if (e < 0 || static_cast<size_t>(e) >= gender_.size()) return Gender::kUnknown;
  return gender_[e];
}

int32_t SpeakerResolver::EntityOverlapping(uint32_t start, uint32_t end) const {
  const auto& ms = doc_.mentions;
  // Mentions are in text order: the first that may overlap starts before `end`.
  auto it = std::lower_bound(ms.begin(), ms.end(), start,
                             [](const EntityMention& m, uint32_t s) { return m.end <= s; });
  int32_t best = -1;
  for (; it != ms.end() && it->start < end; ++it) {
    if (it->end <= start || it->entity < 0 || static_cast<size_t>(it->entity) >= doc_.entities.size()) continue;
    if (best < 0 || it->type == EntityType::kPerson) best = it->entity;
  }
  return best;
}

int32_t SpeakerResolver::ResolvePronoun(const SubjectMention& m) const {
  const std::string p = AsciiLower(c_.text().substr(m.start, m.end - m.start));
  const Gender want = PronounGender(p);
  const bool it_pronoun = p == "it";
  if (want == Gender::kUnknown && !it_pronoun) return -1;  // they, we, I: plural or inside voice
  // Nearest earlier mention outside quotations, of a compatible entity.
  auto it = std::lower_bound(outside_.begin(), outside_.end(), m.start,
                             [&](uint32_t i, uint32_t s) { return doc_.mentions[i].start < s; });
  int32_t unknown = -1;
  while (it != outside_.begin()) {
    --it;
    const EntityMention& em = doc_.mentions[*it];
    if (m.start - em.end > kPronounReach) break;
    if (it_pronoun) {
      if (em.type == EntityType::kOrg) return em.entity;
      continue;
    }
    if (em.type != EntityType::kPerson) continue;
    const Gender g = gender_[em.entity];
    if (g == want) return em.entity;
    if (g == Gender::kUnknown && unknown < 0) unknown = em.entity;
  }
  return unknown;
}

int32_t SpeakerResolver::ResolveName(const SubjectMention& m) const {
  // A name NER missed: match an entity by its last word (the surname).
  std::string_view s = c_.text().substr(m.start, m.end - m.start);
  const size_t sp = s.rfind(' ');
  const std::string_view last = sp == std::string_view::npos ? s : s.substr(sp + 1);
  int32_t found = -1;
  for (size_t e = 0; e < doc_.entities.size(); ++e) {
    const std::string& canon = doc_.entities[e].canonical;
    if (canon == s || (canon.size() > last.size() && canon.ends_with(last) &&
                       canon[canon.size() - last.size() - 1] == ' ')) {
      if (found >= 0 && found != static_cast<int32_t>(e)) return -1;  // ambiguous
      found = static_cast<int32_t>(e);
    }
  }
  return found;
}

int32_t SpeakerResolver::ResolveDescription(const SubjectMention& m) const {
  const std::string_view s = c_.text().substr(m.start, m.end - m.start);
  const size_t sp = s.rfind(' ');
  const std::string head = AsciiLower(sp == std::string_view::npos ? s : s.substr(sp + 1));
  if (IsOrgHead(head)) {
    // The nearest organisation named before whose name holds the head word.
    for (auto it = outside_.rbegin(); it != outside_.rend(); ++it) {
      const EntityMention& em = doc_.mentions[*it];
      if (em.start >= m.start || em.type != EntityType::kOrg) continue;
      if (AsciiLower(doc_.entities[em.entity].canonical).find(head) != std::string::npos) return em.entity;
    }
    return -1;
  }
  if (!IsTitleWord(head) && Stem(head) == head) return -1;
  // A person whose attached role shares the head's stem ("the ombudsperson"
  // → role "... (Ombudsman)"); if several, the one mentioned last before.
  const std::string stem = Stem(head);
  int32_t best = -1;
  uint32_t best_pos = 0;
  for (uint32_t i : outside_) {
    const EntityMention& em = doc_.mentions[i];
    if (em.type != EntityType::kPerson) continue;
    if (AsciiLower(doc_.entities[em.entity].role).find(stem) == std::string::npos) continue;
    if (best < 0 || (em.start < m.start && em.start >= best_pos)) {
      best = em.entity;
      best_pos = em.start;
    }
  }
  return best;
}

Speaker SpeakerResolver::Resolve(const SubjectMention& m) const {
  Speaker s;
  s.mention = std::string(c_.text().substr(m.start, m.end - m.start));
  s.mention_start = m.start;
  s.mention_end = m.end;
  int32_t e = EntityOverlapping(m.start, m.end);
  if (e < 0) {
    switch (m.kind) {
      case MentionKind::kPronoun: e = ResolvePronoun(m); break;
      case MentionKind::kName: e = ResolveName(m); break;
      case MentionKind::kDescription: e = ResolveDescription(m); break;
      case MentionKind::kNone: break;
    }
  }
  if (m.role_end > m.role_start) s.role = std::string(c_.text().substr(m.role_start, m.role_end - m.role_start));
  if (e >= 0) {
    const Entity& ent = doc_.entities[e];
    s.entity = e;
    s.name = ent.canonical;
    s.type = std::string(EntityTypeName(ent.type));
    if (!ent.role.empty()) s.role = ent.role;
  }
  return s;
}

}  // namespace annals
