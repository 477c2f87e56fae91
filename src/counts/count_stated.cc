// The "does the article state the figure" proxy of `annals eval counts`. Kept
// apart from the grammar on purpose: a denominator that used the extractor's
// own rules would agree with it by construction.
#include "counts/count_stated.h"

#include <algorithm>
#include <string>

#include "core/ascii_case.h"
#include "counts/count_lexicon.h"

namespace annals {

namespace {

constexpr int kWindow = 12;     // words between the figure and its type word
constexpr int kSubjectGap = 6;  // words between "a man" / "both" / "no" and the type word

bool IsTypeWord(std::string_view w, CountType type) {
  static constexpr std::string_view kKill[] = {
      "killed", "kill", "kills", "killing", "killings", "dead", "died", "dies", "die", "death",
      "deaths", "fatal", "fatally", "murder", "murdered", "murders", "slain", "homicide",
      "homicides", "deceased", "fatalities"};
  static constexpr std::string_view kWound[] = {
      "injured", "injuring", "injury", "injuries", "wounded", "wounding", "wound", "wounds",
      "hurt", "hospitalized", "shot", "unharmed", "uninjured"};
  if (type == CountType::kKill) {
    for (auto k : kKill)
      if (w == k) return true;
  } else if (type == CountType::kWound) {
    for (auto k : kWound)
      if (w == k) return true;
  }
  return false;
}

// Units that turn a number into something other than people: "12 years",
// "10 p.m.", "30 rounds", "the 1400 block".
bool IsNotPeopleAfter(std::string_view w) {
  static constexpr std::string_view kAfter[] = {
      "year", "years", "a.m.", "p.m.", "am", "pm", "percent", "%", "block", "times", "rounds",
      "shots", "hours", "minutes", "days", "weeks", "months", "miles", "feet", "o'clock",
      "counts", "count", "degree", "caliber", "mm"};
  for (auto k : kAfter)
    if (w == k) return true;
  return false;
}

bool IsNotPeopleBefore(std::string_view w) {
  return w == "aged" || w == "age" || w == "ages" || w == "no." || w == "$" || w == "#" ||
         w == "number" || w == "route" || w == "highway";
}

}  // namespace

bool TextStatesFigure(std::string_view text, const std::vector<Token>& tokens,
                      const std::vector<Sentence>& sentences, CountType type, int64_t number) {
  if (number < 0 || (type != CountType::kKill && type != CountType::kWound)) return false;
  std::vector<std::string> words;
  std::vector<bool> punct;
  for (const Sentence& s : sentences) {
    words.clear();
    punct.clear();
    for (uint32_t t = s.token_begin; t < s.token_end && t < tokens.size(); ++t) {
      if (tokens[t].end > text.size()) break;
      words.push_back(AsciiLower(tokens[t].text(text)));
      punct.push_back(tokens[t].kind == TokenKind::kPunct);
    }
    const int n = static_cast<int>(words.size());
    for (int p = 0; p < n; ++p) {
      if (!IsTypeWord(words[p], type)) continue;
      if (number == 0) {
        if (words[p] == "unharmed" || words[p] == "uninjured") return true;
        for (int k = p - 1; k >= 0 && k >= p - kSubjectGap && !punct[k]; --k) {
          const std::string& w = words[k];
          if (w == "nobody" || w == "none" || (w == "no" && k >= p - 4) || (w == "not" && k >= p - 3))
            return true;
        }
        continue;
      }
      for (int k = std::max(0, p - kWindow); k < n && k <= p + kWindow; ++k) {
        if (k == p) continue;
        auto v = ParseCardinalWord(words[k]);
        if (!v || *v != number) continue;
        if (k + 1 < n && IsNotPeopleAfter(words[k + 1])) continue;
        if (k > 0 && IsNotPeopleBefore(words[k - 1])) continue;
        return true;
      }
      // "A man was shot and killed", "both men were killed": the subject
      // before the type word, in the same clause.
      for (int k = p - 1; k >= 0 && k >= p - kSubjectGap && !punct[k]; --k) {
        const std::string& w = words[k];
        if (number == 1 && (w == "a" || w == "an")) return true;
        if (number == 2 && w == "both") return true;
      }
    }
  }
  return false;
}

}  // namespace annals
