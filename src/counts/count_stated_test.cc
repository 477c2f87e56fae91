// One row per wording the "does the text state the figure" proxy of `annals
// eval counts` accepts or must refuse (count_stated.h).
#include "counts/count_stated.h"

#include <gtest/gtest.h>

#include <string>

#include "text/sentence_splitter.h"

namespace annals {
namespace {

struct Row {
  const char* name;
  const char* text;
  CountType type;
  int64_t number;
  bool states;
};

constexpr auto K = CountType::kKill;
constexpr auto W = CountType::kWound;

const Row kRows[] = {
    {"numeral_near_type_word", "Police said 3 people were killed on Sunday.", K, 3, true},
    {"number_word_near_type_word", "Three people were killed on Sunday.", K, 3, true},
    {"other_number_is_no_statement", "Three people were killed on Sunday.", K, 4, false},
    {"number_without_type_word", "Three men walked into the store.", K, 3, false},
    {"number_far_from_type_word",
     "Three men walked into the store on Main Street late on a Sunday night after the game had "
     "ended and the crowd had gone home, and someone was killed.",
     K, 3, false},
    {"age_is_no_figure", "The victim, aged 3, was injured.", W, 3, false},
    {"years_is_no_figure", "He had been injured 2 years ago.", W, 2, false},
    {"time_is_no_figure", "He was shot at 10 p.m. outside his home.", W, 10, false},
    {"hyphenated_age_is_no_figure", "A 4-year-old was injured.", W, 4, false},
    {"indefinite_subject_is_one", "A man was shot and killed outside a bar.", K, 1, true},
    {"indefinite_after_the_verb_is_not", "He was killed in a crash.", K, 1, false},
    {"name_only_is_not_stated_by_proxy", "Barfield was killed on Sunday.", K, 1, false},
    {"both_is_two", "Both men inside the car were killed.", K, 2, true},
    {"no_one_hurt_is_zero", "No one was hurt in the shooting.", W, 0, true},
    {"no_injuries_is_zero", "There were no injuries.", W, 0, true},
    {"unharmed_is_zero", "The clerk was unharmed.", W, 0, true},
    {"zero_needs_a_negation", "Two people were injured.", W, 0, false},
    {"wound_word_for_kill_is_not", "Two people were injured.", K, 2, false},
    {"shot_counts_for_wound", "Two people were shot outside the club.", W, 2, true},
    {"arrest_never_stated", "Two men were arrested.", CountType::kArrest, 2, false},
};

TEST(CountStatedTest, Rows) {
  for (const Row& r : kRows) {
    TextLayout layout;
    const std::string text = r.text;
    AnalyzeText(text, &layout);
    EXPECT_EQ(TextStatesFigure(text, layout.tokens, layout.sentences, r.type, r.number), r.states)
        << r.name;
  }
}

}  // namespace
}  // namespace annals
