// FTS5-compatible Porter stemmer. Rules are kept as ordered tables; within a
// step the first rule whose suffix matches (with a non-empty stem) decides,
// whether or not its condition holds — that is how FTS5 behaves.
#include "index/porter_stemmer.h"

#include <cstring>

namespace annals::index {
namespace {

bool IsVowel(char c, bool y_is_vowel) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || (y_is_vowel && c == 'y');
}

// Skips one "V...C" run starting at s[0] (the consonant state before s[0] is
// `prev_cons`). Returns the length consumed, or 0 if no VC pair was found.
size_t GobbleVc(const char* s, size_t n, bool prev_cons) {
  bool cons = prev_cons;
  size_t i = 0;
  for (; i < n; i++) {
    cons = !IsVowel(s[i], cons);
    if (!cons) break;
  }
  for (i++; i < n; i++) {
    cons = !IsVowel(s[i], cons);
    if (cons) return i + 1;
  }
  return 0;
}

bool MGt0(const char* s, size_t n) { return GobbleVc(s, n, false) != 0; }
bool MGt1(const char* s, size_t n) {
  size_t k = GobbleVc(s, n, false);
  return k && GobbleVc(s + k, n - k, true);
}
bool MEq1(const char* s, size_t n) {
  size_t k = GobbleVc(s, n, false);
  return k && !GobbleVc(s + k, n - k, true);
}
// *o: the stem ends consonant-vowel-consonant, the last not w, x or y.
bool OStar(const char* s, size_t n) {
  if (n == 0) return false;
  char last = s[n - 1];
  if (last == 'w' || last == 'x' || last == 'y') return false;
  unsigned mask = 0;
  bool cons = false;
  for (size_t i = 0; i < n; i++) {
    cons = !IsVowel(s[i], cons);
    mask = (mask << 1) + (cons ? 1u : 0u);
  }
  return (mask & 7u) == 5u;
}
bool MGt1AndSOrT(const char* s, size_t n) {
  return n > 0 && (s[n - 1] == 's' || s[n - 1] == 't') && MGt1(s, n);
}
// *v*: the stem holds a vowel; FTS5 counts `y` as one anywhere but first.
bool HasVowel(const char* s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (IsVowel(s[i], i > 0)) return true;
  }
  return false;
}

using Cond = bool (*)(const char*, size_t);

struct Rule {
  std::string_view suffix;  // matched at the end of the word
  std::string_view output;  // replaces the suffix when `cond` holds
  Cond cond;           // condition on the stem; nullptr = always
};

// Applies the first rule of `rules` whose suffix matches with a non-empty
// stem. Returns 1 if it matched and its condition held, 0 if nothing matched
// or the condition failed. The order inside each table matters.
int ApplyFirst(const Rule* rules, size_t n_rules, char* buf, size_t* n) {
  for (size_t r = 0; r < n_rules; r++) {
    size_t ls = rules[r].suffix.size();
    if (*n <= ls || buf[*n - 2] != rules[r].suffix[ls - 2] || std::memcmp(buf + *n - ls, rules[r].suffix.data(), ls) != 0) {
      continue;
    }
    size_t stem = *n - ls;
    if (rules[r].cond && !rules[r].cond(buf, stem)) return 0;
    size_t lo = rules[r].output.size();
    std::memcpy(buf + stem, rules[r].output.data(), lo);
    *n = stem + lo;
    return 1;
  }
  return 0;
}

// Suffix tables, in FTS5's order within each penultimate letter.
constexpr Rule kStep2[] = {
    {"ational", "ate", MGt0}, {"tional", "tion", MGt0}, {"enci", "ence", MGt0},
    {"anci", "ance", MGt0},   {"izer", "ize", MGt0},    {"logi", "log", MGt0},
    {"bli", "ble", MGt0},     {"alli", "al", MGt0},     {"entli", "ent", MGt0},
    {"eli", "e", MGt0},       {"ousli", "ous", MGt0},   {"ization", "ize", MGt0},
    {"ation", "ate", MGt0},   {"ator", "ate", MGt0},    {"alism", "al", MGt0},
    {"iveness", "ive", MGt0}, {"fulness", "ful", MGt0}, {"ousness", "ous", MGt0},
    {"aliti", "al", MGt0},    {"iviti", "ive", MGt0},   {"biliti", "ble", MGt0},
};
constexpr Rule kStep3[] = {
    {"ical", "ic", MGt0}, {"ness", "", MGt0}, {"icate", "ic", MGt0}, {"iciti", "ic", MGt0},
    {"ful", "", MGt0},    {"ative", "", MGt0}, {"alize", "al", MGt0},
};
constexpr Rule kStep4[] = {
    {"al", "", MGt1},   {"ance", "", MGt1}, {"ence", "", MGt1}, {"er", "", MGt1},
    {"ic", "", MGt1},   {"able", "", MGt1}, {"ible", "", MGt1}, {"ant", "", MGt1},
    {"ement", "", MGt1}, {"ment", "", MGt1}, {"ent", "", MGt1}, {"ion", "", MGt1AndSOrT},
    {"ou", "", MGt1},   {"ism", "", MGt1},  {"ate", "", MGt1},  {"iti", "", MGt1},
    {"ous", "", MGt1},  {"ive", "", MGt1},  {"ize", "", MGt1},
};
// Step 1b: "eed" is tried before "ed"; only "ed"/"ing" removal counts as a
// hit that triggers the step-1b clean-up.
constexpr Rule kStep1bEed[] = {{"eed", "ee", MGt0}};
constexpr Rule kStep1bEdIng[] = {{"ed", "", HasVowel}, {"ing", "", HasVowel}};
constexpr Rule kStep1b2[] = {{"at", "ate", nullptr}, {"bl", "ble", nullptr}, {"iz", "ize", nullptr}};

template <size_t N>
int Apply(const Rule (&rules)[N], char* buf, size_t* n) {
  return ApplyFirst(rules, N, buf, n);
}

bool EndsWith(const char* buf, size_t n, const char* suffix) {
  size_t ls = std::strlen(suffix);
  return n > ls && std::memcmp(buf + n - ls, suffix, ls) == 0;
}

}  // namespace

void PorterStem(std::string_view token, std::string* out) {
  if (token.size() < kPorterMinToken || token.size() > kPorterMaxToken) {
    out->assign(token);
    return;
  }
  char buf[kPorterMaxToken + 8];
  size_t n = token.size();
  std::memcpy(buf, token.data(), n);

  // Step 1a.
  if (buf[n - 1] == 's') {
    if (buf[n - 2] == 'e') {
      if ((n > 4 && buf[n - 4] == 's' && buf[n - 3] == 's') || (n > 3 && buf[n - 3] == 'i')) {
        n -= 2;
      } else {
        n -= 1;
      }
    } else if (buf[n - 2] != 's') {
      n -= 1;
    }
  }

  // Step 1b. "eed" shadows "ed": if the word ends in "eed" only that rule runs.
  int hit = 0;
  if (EndsWith(buf, n, "eed")) {
    Apply(kStep1bEed, buf, &n);
  } else {
    hit = Apply(kStep1bEdIng, buf, &n);
  }
  if (hit) {
    if (!Apply(kStep1b2, buf, &n)) {
      char c = buf[n - 1];
      if (n >= 2 && !IsVowel(c, false) && c != 'l' && c != 's' && c != 'z' && c == buf[n - 2]) {
        n--;
      } else if (MEq1(buf, n) && OStar(buf, n)) {
        buf[n++] = 'e';
      }
    }
  }

  // Step 1c.
  if (n > 0 && buf[n - 1] == 'y' && HasVowel(buf, n - 1)) buf[n - 1] = 'i';

  // Steps 2 to 4.
  Apply(kStep2, buf, &n);
  Apply(kStep3, buf, &n);
  Apply(kStep4, buf, &n);

  // Step 5a.
  if (n > 0 && buf[n - 1] == 'e') {
    if (MGt1(buf, n - 1) || (MEq1(buf, n - 1) && !OStar(buf, n - 1))) n--;
  }
  // Step 5b.
  if (n > 1 && buf[n - 1] == 'l' && buf[n - 2] == 'l' && MGt1(buf, n - 1)) n--;

  out->assign(buf, n);
}

}  // namespace annals::index
