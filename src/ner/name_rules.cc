// Post-labelling name rules.
#include "ner/name_rules.h"

#include <array>
#include <string>

#include "ner/features.h"
#include "ner/hash.h"
#include "ner/tags.h"

namespace annals::ner {

namespace {
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether `w` holds a letter or a digit (any non-ASCII byte counts: the
// question is only "is this punctuation?").
bool HasWordChar(std::string_view w) {
  for (char ch : w) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (c >= '0' && c <= '9') || IsAsciiLetter(ch)) return true;
  }
  return false;
}

bool StartsWithDigit(std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }

bool AllCaps(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

// Spoken-English interjections and formulae ("Thank you"): a closed class,
// and absent from the newswire the casing profiles were learned from.
bool IsInterjection(std::string_view lower) {
  static constexpr std::array<std::string_view, 16> kWords = {"yeah", "yep",   "yes",    "oh",    "okay", "ok",
                                                              "hmm",  "um",    "uh",     "wow",   "hey",  "nope",
                                                              "thank", "thanks", "bye", "goodbye"};
  for (std::string_view k : kWords)
    if (lower == k) return true;
  return false;
}

// Whether the one-word entity words[i] is a capitalised common word, as
// ApplyNameRules describes.
bool IsCapitalisedCommonWord(const std::vector<std::string_view>& words, size_t i, const Lexicon& lex,
                             const NameEvidence& evidence, std::string* lower) {
  std::string_view w = words[i];
  if (w == "I") return true;
  if (!OpensUtterance(words, i) || evidence.Has(w)) return false;
  NormalizeWord(w, lower);
  if (IsInterjection(*lower)) return true;
  if (AllCaps(w) || (i + 1 < words.size() && StartsWithDigit(words[i + 1]))) return false;
  uint32_t profile = lex.casing.Find(HashBytes(*lower));
  if (profile == kCaseAlwaysLower || profile == kCaseMostlyLower) return true;
  // A sentence adverb too rare for the casing table ("Additionally, …").
  return profile == kCaseUnseen && lower->size() > 4 && lower->ends_with("ly") && i + 1 < words.size() &&
         words[i + 1] == ",";
}
}  // namespace

bool OpensUtterance(const std::vector<std::string_view>& words, size_t i) {
  return i == 0 || !HasWordChar(words[i - 1]);
}

void NameEvidence::Add(const std::vector<std::string_view>& words, const std::vector<uint8_t>& tags) {
  for (size_t i = 0; i < words.size() && i < tags.size(); ++i) {
    if (tags[i] == kTagO) continue;
    if (PartOf(tags[i]) != TagPart::kU) words_.insert(words[i]);
  }
}

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

void ApplyNameRules(const std::vector<std::string_view>& words, const Lexicon& lex, const NameEvidence& evidence,
                    std::vector<uint8_t>* tags) {
  const uint8_t u_org = static_cast<uint8_t>(MakeTag(TagPart::kU, EntityType::kOrg));
  std::string lower;
  for (size_t i = 0; i < words.size() && i < tags->size(); ++i) {
    uint8_t t = (*tags)[i];
    if (t != kTagO && PartOf(t) == TagPart::kU && IsCapitalisedCommonWord(words, i, lex, evidence, &lower)) {
      (*tags)[i] = kTagO;
      continue;
    }
    bool alone = t == kTagO || (PartOf(t) == TagPart::kU && (TypeOf(t) == EntityType::kPerson ||
                                                             TypeOf(t) == EntityType::kLocation));
    if (alone && IsWebStyleName(words[i])) (*tags)[i] = u_org;
  }
}

}  // namespace annals::ner
