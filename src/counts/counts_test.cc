// Table-driven tests of the count grammar and incident resolution: one row per
// pattern of issue 5 ({text, expected counts}), and one named row per bug fixed.
#include "counts/counts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/sentence_splitter.h"

namespace annals {
namespace {

struct Expected {
  CountType type;
  int64_t number;
  CountQualifier qualifier = CountQualifier::kExact;
};

struct Row {
  const char* name;           // the pattern (or bug) this row covers
  const char* text;
  std::vector<Expected> want;  // in text order; empty = no count
};

std::vector<Count> Extract(const std::string& text, const std::string& title = "") {
  AnnotatedDoc d;
  d.doc.title = title;
  d.doc.text = text;
  AnalyzeText(d.doc.text, &d.layout);
  std::vector<Count> out;
  ExtractCounts(d, &out);
  return out;
}

std::string Describe(const std::vector<Count>& cs) {
  std::string s;
  for (const Count& c : cs)
    s += std::string(CountTypeName(c.type)) + " " + std::to_string(c.number) + " " +
         std::string(CountQualifierName(c.qualifier)) + " [" + c.victims + "]; ";
  return s;
}

constexpr auto K = CountType::kKill;
constexpr auto W = CountType::kWound;
constexpr auto A = CountType::kArrest;
constexpr auto Ex = CountQualifier::kExact;
constexpr auto AtLeast = CountQualifier::kAtLeast;
constexpr auto Approx = CountQualifier::kApproximate;

const Row kRows[] = {
    {"passive_plural", "Police said 150 people were killed in the attack.", {{K, 150}}},
    {"active_at_least", "The blast tore through the market, killing at least 12.", {{K, 12, AtLeast}}},
    {"toll_rose_to", "The death toll rose to 45 on Sunday.", {{K, 45}}},
    {"number_dead", "Floods leave 45 dead in the north.", {{K, 45}}},
    {"shot_dead_singular", "A man was shot dead outside a bar.", {{K, 1}}},
    {"two_officers_wounded", "Two officers were wounded in the exchange.", {{W, 2}}},
    {"one_of_the_victims", "One of the victims died in hospital.", {{K, 1}}},
    {"dozens_detained", "Dozens were detained after the march.", {{A, 24, Approx}}},
    {"hundreds", "Hundreds of people were arrested across the country.", {{A, 200, Approx}}},
    {"between_range", "Between 20 and 30 people were injured.", {{W, 20, AtLeast}}},
    {"more_than_thousands_sep", "More than 1,200 people were injured in the quake.", {{W, 1200, AtLeast}}},
    {"summed_conjunction", "Three children and two adults were injured.", {{W, 5}}},
    {"including_not_added", "Nine people, including four children, were killed.", {{K, 9}}},
    {"number_word_compound", "Twenty-five people were killed.", {{K, 25}}},
    {"a_dozen", "A dozen protesters were detained.", {{CountType::kProtest, 12}, {A, 12}}},
    {"negation_no_one", "No one was hurt in the fire.", {{W, 0}}},
    {"negation_no_injuries", "There were no injuries.", {{W, 0}}},
    {"modal_could_kill", "Experts warn the virus could kill thousands.", {}},
    {"threatened_to_kill", "He threatened to kill three people.", {}},
    {"negated_verb", "The officer was not injured.", {}},
    {"active_object", "Gunmen killed 12 villagers on Monday.", {{K, 12}}},
    {"active_arrest_a_man", "Police arrested a man on Friday.", {{A, 1}}},
    {"deaths_noun", "The storm caused 12 deaths.", {{K, 12}}},
    {"died_intransitive", "Three people died in the crash.", {{K, 3}}},
    {"fatally_shot", "A teenager was fatally shot on Sunday.", {{K, 1}}},
    {"killed_and_injured", "Two people were killed and five injured.", {{K, 2}, {W, 5}}},
    {"kidnapped", "Gunmen abducted 30 students from the school.", {{CountType::kKidnap, 30}}},
    {"missing", "Seven people are missing after the landslide.", {{CountType::kMissing, 7}}},
    {"displaced", "About 2,000 people were displaced by the floods.", {{CountType::kDisplaced, 2000, Approx}}},
    {"evacuated", "Officials evacuated 500 residents.", {{CountType::kEvacuate, 500}}},
    {"affected", "Some 10,000 people were affected.", {{CountType::kAffect, 10000, Approx}}},
    {"protesters", "Around 300 protesters gathered in the square.", {{CountType::kProtest, 300, Approx}}},
    {"no_arrests", "No arrests have been made.", {{A, 0}}},
    {"restatement_merges", "Three people were killed on Monday. Police named the three victims who were killed.", {{K, 3}}},
    {"update_supersedes", "Ten people were killed in the blast. The death toll later rose to 45.", {{K, 45}}},
    {"another_incident", "Two people were killed in the attack. In a separate incident, five people were killed in the north.", {{K, 2}, {K, 5}}},
    {"year_not_a_count", "In 1990, people were killed.", {}},
    {"age_not_a_count", "A 23-year-old man was killed.", {{K, 1}}},
    {"hours_not_victims", "He was killed 3 days ago.", {{K, 1}}},
    // Bugs found on the GVA dev set, one row each.
    {"bug_age_in_apposition", "Photographer Wil Lewis, 12, was killed.", {{K, 1}}},
    {"bug_age_after_name_remains_hospitalized", "Smith, 45, remains hospitalized.", {{W, 1}}},
    {"bug_father_of_three", "The man, a father of three, was shot and killed.", {{K, 1}}},
    {"bug_list_in_apposition", "Six people, three men and three women, were wounded.", {{W, 6}}},
    {"bug_active_subject_not_victim", "Police said he killed his neighbor.", {{K, 1}}},
    {"bug_child_custody", "The couple had a dispute over child custody.", {}},
    {"bug_and_joins_verbs_only", "The gunman fled after killing one person and injured another.", {{K, 1}, {W, 1}}},
    {"bug_relative_clause_subject", "About 10 friends, including the boy who was killed, were at the party.", {{K, 1}}},
    {"name_subject", "Johnson was pronounced dead at the hospital.", {{K, 1}}},
    {"shot_to_death", "Four victims were found shot to death inside the home.", {{K, 4}}},
    {"headline_singular", "A 16-year-old boy shot and killed late Friday.", {{K, 1}}},
    {"age_as_person", "A 16-year-old died after he was shot.", {{K, 1}}},
    {"bug_active_with_object_not_victim", "A man killed his wife.", {{K, 1}}},
    {"shot_wounded", "Two men were shot on Main Street. Both are expected to survive.", {{W, 2}}},
    {"shot_one_fatally", "Five people were shot, one fatally, at a party.", {{W, 4}, {K, 1}}},
    {"shot_and_killed_not_wound", "A man was shot and killed on Sunday.", {{K, 1}}},
    {"shot_then_died", "A man was shot on Sunday. He died at the hospital.", {{K, 1}}},
    {"definite_pair", "The man and woman were pronounced dead at the scene.", {{K, 2}}},
    {"death_of", "The death of a 10-year-old girl stunned the town.", {{K, 1}}},
    {"fatal_shooting_of", "Police found the car used in the fatal shooting of a 1-year-old girl.", {{K, 1}}},
    {"active_name_object", "Some of the bullets killed Jeremy Mardis, 6, and others injured his father.", {{K, 1}, {W, 1}}},
    {"struck_by_bullet", "A teen was struck by a stray bullet on Friday.", {{W, 1}}},
    {"grazed", "An 11-year-old girl was grazed by a bullet.", {{W, 1}}},
    {"shot_himself", "A teenager shot himself in the left leg.", {{W, 1}}},
    {"spaced_age", "The 17 year old male was pronounced deceased.", {{K, 1}}},
    {"bug_zero_wound_does_not_block_shot", "Three boys were shot on Friday. No students were injured.", {{W, 3}, {W, 0}}},
    {"names_summed", "Parish fired, killing Sarah Davidson and injuring Leanne Smith and Dustin Grey.", {{K, 1}, {W, 2}}},
    {"bug_others_as_head", "One man is in critical condition and three others are injured.", {{W, 3}}},
    {"gunshot_wound", "Officers found a victim suffering from a gunshot wound.", {{W, 1}}},
    {"hedged_if", "Police were not able to say if the man had died.", {}},
    {"bug_generic_total_before_list", "Three others, two males and a female between 15 and 20 years old, were injured.", {{W, 3}}},
    {"bug_name_in_apposition_not_added", "Shots killed David, 11, and critically injured his 16-year-old brother, Christopher.", {{K, 1}, {W, 1}}},
    {"after_being_shot", "A man is in critical condition after being shot on Main Street.", {{W, 1}}},
    {"bug_definite_gives_way", "He died at the scene. Police said two people were killed.", {{K, 2}}},
    {"bug_names_with_ages_listed", "Ann Reyes, 31, Tom Oakley, 19, and 25-year-old Lisa Park were found dead.", {{K, 3}}},
    {"bug_names_comma_list", "Paul Ames, Rick Dunn and Joe Wolfe were killed.", {{K, 3}}},
    {"bug_name_apposition_not_added", "The victim, John Smith, was killed.", {{K, 1}}},
    {"bug_ordinal_next_victim", "A shooting left one person dead. A second victim has died.", {{K, 2}}},
    {"bug_ordinal_first_mention", "A man was killed; a second man was critically injured.", {{K, 1}, {W, 1}}},
    {"bug_clause_and_not_a_list", "The girl was taken to the Regional Medical Center, and the boy was taken into custody.", {{A, 1}}},
    {"bug_weekday_not_a_name", "A student was shot Wednesday, and a 16-year-old was arrested.", {{W, 1}, {A, 1}}},
    {"bug_related_story_line", "Two men were wounded on Friday. RELATED: Crash leaves three workers dead.", {{W, 2}, {K, 3}}},
    {"bug_ages_range_not_victims", "Officers found four victims, ages 19 to 24, suffering from wounds.", {{W, 4}}},
    {"bug_younger_than_not_victims", "A boy younger than 12 was shot.", {{W, 1}}},
    {"bug_single_shot_noun", "The weapon was a single shot 223 rifle.", {}},
    {"bug_role_with_name_is_one", "Jojo and his father Joe were shot and killed.", {{K, 2}}},
    {"bug_role_comma_name_is_one", "Police said Ana Ruiz and her son, 17-year-old Leo Ruiz, were found dead.", {{K, 2}}},
    {"bug_list_closed_by_and", "Officials say a man, his wife and their two daughters died.", {{K, 4}}},
    {"bug_others_also_shot", "A man was killed on Friday. Two others, a 26-year-old man and a 39-year-old man, were also shot.", {{K, 1}, {W, 2}}},
    {"bug_he_and_others_shot", "A man died after he and four others were shot.", {{K, 1}, {W, 4}}},
    {"bug_no_one_seriously_hurt", "No one was seriously hurt in the crash.", {}},
    {"bug_no_officers_gives_way", "No officers were injured. Three people were injured at the party.", {{W, 3}}},
    {"bug_wounded_then_died", "A 2-year-old boy was critically injured on Friday. The boy died on Sunday.", {{K, 1}}},
    {"bug_dead_boy_and_wounded_woman", "The shooting left a boy dead and a woman wounded. Medics took them to a hospital where the boy died.", {{K, 1}, {W, 1}}},
    {"killed_and_wounded_two_people", "A man was killed and a woman was injured on Friday.", {{K, 1}, {W, 1}}},
    {"bug_place_after_list_item", "A 27-year-old man from Glen Park and a 34-year-old man from East Hill were wounded.", {{W, 2}}},
    {"bug_no_other_injuries", "Five people were injured. There were no other injuries.", {{W, 5}}},
    {"bug_no_one_else", "Two men were wounded, but no one else was hurt.", {{W, 2}}},
    {"gunman_among_the_dead", "Four people, including the gunman, were killed.", {{K, 4}}},
    {"bug_suicide_after_killing", "He killed his wife and two children before turning the gun on himself.", {{K, 4}}},
    {"bug_suicide_then_killed_himself", "A man shot and killed his neighbor, then killed himself.", {{K, 2}}},
    {"bug_gapped_clause_wounds", "A woman was shot in the leg and a girl in the shoulder.", {{W, 2}}},
    {"bug_ages_mid_list", "Three men, ages 15, 18, and 22, and a woman were wounded.", {{W, 4}}},
    {"bug_two_ages_mid_list", "Two men, ages 15 and 22, and a woman were shot and killed.", {{K, 3}}},
    {"bug_gapped_clause_not_without_and", "A woman was shot in the leg as a girl in the car watched.", {{W, 1}}},
    {"bug_gapped_clause_own_verb", "A woman was shot in the leg and a man in the car was arrested.", {{W, 1}, {A, 1}}},
    {"bug_fatally_wounding_name", "The rifle went off, fatally wounding Payne.", {{K, 1}}},
    {"bug_fatally_wounding_number", "A gunman opened fire, fatally wounding two men.", {{K, 2}}},
    {"bug_age_range_not_figure", "Four boys between ages 12 and 16 were wounded.", {{W, 4}}},
    {"bug_age_range_apposition", "Three teens, ages 14 to 17, were hurt.", {{W, 3}}},
    {"bug_day_of_month_not_figure", "A boy shot in the head March 18 died.", {{K, 1}}},
    {"bug_abbreviated_day_not_figure", "A woman shot on Nov. 18 has died.", {{K, 1}}},
    {"bug_one_of_two_partitive", "One of two sisters, 9 and 6, critically shot Friday has died.", {{K, 1}}},
    // Victims named one by one across sentences: distinct names add up, a
    // name told again (in full, by surname or first name) does not, nor does
    // a pronoun, a death named in passing, or a name paragraphs away.
    {"bug_named_victims_summed", "Jeremy Gehl was pronounced dead at the scene. Addison Gehl died at the hospital.",
     {{K, 2}}},
    {"bug_named_victims_three", "Ann Reyes was killed. Police said Tom Oakley died later. Lisa Park was also killed.",
     {{K, 3}}},
    {"bug_named_victim_restated_surname", "Jeremy Gehl was pronounced dead at the scene. Gehl died of a gunshot wound.",
     {{K, 1}}},
    {"bug_named_victim_restated_first_name", "Emma Reyes was killed on Sunday. Emma died at the scene.", {{K, 1}}},
    {"bug_named_victim_restated_title", "Officer Matthew Gerald was killed. Matthew Gerald died at the scene.", {{K, 1}}},
    {"bug_pronoun_then_name_not_summed", "He died at the scene. Tom Reyes was killed by a stray bullet.", {{K, 1}}},
    {"bug_death_of_name_not_summed", "Tom Reyes was killed. Smith was charged in the death of Ann Oakley.", {{K, 1}}},
    {"bug_plain_figure_then_name_not_summed", "Two people were killed. Tom Reyes died at the scene.", {{K, 2}}},
    {"bug_named_victims_far_apart_not_summed",
     "Tom Reyes was killed on Sunday.\n\nPolice have no suspect.\n\nThe street was closed.\n\nA vigil is planned."
     "\n\nNeighbours were shocked.\n\nAnn Oakley was killed on the same street.",
     {{K, 1}}},
    {"bug_title_before_name", "Officer Matthew Gerald was killed.", {{K, 1}}},
    {"bug_titled_names_listed", "Security Supervisor Joe Zangaro and Court Officer Ron Kienzle were shot and killed.",
     {{K, 2}}},
    {"bug_titled_names_with_ages_listed",
     "Cpl. Montrell Jackson, 32, and Officer Matthew Gerald, 41, and Deputy Brad Garafola, 45, were killed.",
     {{K, 3}}},
    // The killer's suicide told in a sentence of its own adds to his victims.
    {"bug_suicide_in_next_sentence", "Police say a father killed his 9-year-old daughter. He then shot himself.",
     {{K, 2}}},
    {"bug_suicide_turned_gun_next_sentence",
     "A man shot and killed his wife on Sunday. He then turned the gun on himself.", {{K, 2}}},
    {"bug_suicide_not_added_to_plain_toll",
     "Two people are dead in a murder-suicide. Police say the man shot his wife before shooting himself.",
     {{K, 2}}},
    {"bug_suicide_alone_is_the_dead", "A man was pronounced dead. Police believe he took his own life.", {{K, 1}}},
    {"bug_bare_shot_himself_not_a_death", "A man killed his wife. He shot himself in the leg.", {{K, 1}}},
    {"bug_suicide_same_sentence_counted_once",
     "He killed his wife and two children before turning the gun on himself.", {{K, 4}}},
    {"bug_capitalized_after_the_not_name", "Both men inside the Honda were killed.", {{K, 2}}},
    {"bug_person_noun_bailiffs", "A sheriff says two bailiffs and a gunman are dead.", {{K, 3}}},
    // Two figures of one sentence under different nouns are different people;
    // a run-on headline told twice, or the same noun, stays one.
    {"bug_two_indefinites_one_sentence", "A 17-year-old boy was shot, while a 4-year-old girl was grazed.",
     {{W, 2}}},
    {"bug_two_killed_one_sentence", "A man was killed and a woman died at the hospital.", {{K, 2}}},
    {"bug_headline_repeated_not_summed",
     "Seven people injured in Oakland shooting News Seven people injured in Oakland shooting Oakland police "
     "are investigating a shooting that injured seven male victims.",
     {{W, 7}}},
    {"bug_same_noun_one_sentence_not_summed", "An Indianapolis man is dead after a man died in a shooting.",
     {{K, 1}}},
    {"bug_neither_is_zero", "Neither the driver nor the other passenger was injured.", {{W, 0}}},
    {"bug_time_of_day_not_figure", "The gunmen wounded at about 10 p.m. Police officers arrived later.", {}},
    {"bug_along_with_after_trigger", "Barfield was killed at the barbershop, along with two other men.", {{K, 3}}},
    {"bug_along_with_survivors_not_added",
     "Two children were fatally shot, along with their brother and mother who survived the shooting.", {{K, 2}}},
    {"bug_one_of_group_wounded", "His younger brother Aleke was one of three people wounded.", {{W, 3}}},
    {"bug_nouns_sharing_article", "A man and woman were shot and wounded.", {{W, 2}}},
    {"bug_noun_list_sharing_article", "A man, woman and 6-year-old boy were injured.", {{W, 3}}},
    {"bug_couple_is_two", "Police say a man broke into the home and killed a young couple.", {{K, 2}}},
    {"bug_both_names", "Both De Guzman and Irwin were wounded.", {{W, 2}}},
    {"bug_bare_number_object_before_and", "Gunmen opened fire, killing one and wounding two.", {{K, 1}, {W, 2}}},
    {"bug_ordinal_first_told", "TAMPA, Fla. (AP) - A second victim has died after a shooting at a strip club.",
     {{K, 2, AtLeast}}},
    {"bug_named_wounded_summed", "Tom Reyes was injured. Ann Oakley was also injured.", {{W, 2}}},
    {"bug_two_person_nouns_after_article", "A male teenager was shot Saturday night.", {{W, 1}}},
    {"bug_two_person_nouns_after_article_teen_girl", "Police said a teen girl was injured in the shooting.", {{W, 1}}},
    {"bug_shot_at_a_place_is_hit", "Five people were shot at a home in Newark.", {{W, 5}}},
    {"bug_shot_at_by_is_fired_upon", "Two officers were shot at by a man in a car.", {}},
    {"bug_shot_at_active_is_fired_upon", "He shot at a man outside the store.", {}},
    {"bug_attempted_murder_names_no_death",
     "A 9-year-old boy was shot in the head. The man was charged with attempted second-degree murder.", {{W, 1}}},
    {"bug_deadly_weapon_names_no_death",
     "A man was shot in the leg. His cousin faces a charge of assault with a deadly weapon.", {{W, 1}}},
    {"shot_with_murder_charge_may_be_dead", "A man was shot in the chest. His cousin was charged with murder.", {}},
    {"suffered_injuries_plural", "Four people suffered non-life threatening injuries early Sunday.", {{W, 4}}},
    {"suffered_gun_shot_wounds_two_words", "Officers found two men suffering from gun shot wounds.", {{W, 2}}},
    {"suffered_fatal_injuries_no_wound", "Two men suffered fatal injuries in the crash.", {}},
    {"treated_for_gunshot_wounds", "Four people were treated for gunshot wounds after the shooting.", {{W, 4}}},
    {"found_people_with_gunshot_wounds", "Police found two men with gunshot wounds on the porch.", {{W, 2}}},
    {"subject_taken_to_hospital_with_injuries",
     "The victim was taken to an area hospital with non-life-threatening injuries.", {{W, 1}}},
    {"bug_with_injuries_after_hospital_name",
     "A woman was taken to Grady Memorial Hospital with a gunshot wound.", {{W, 1}}},
    {"bug_who_suffered_injuries_then_died",
     "A child who suffered critical injuries in a Friday shooting has died.", {{K, 1}}},
    {"bug_definite_injuries_may_be_the_dead",
     "A man was shot and killed on Elm Street. He suffered a gunshot wound to the chest.", {{K, 1}}},
    {"bug_others_with_wounds_besides_dead",
     "One man was killed. Three other men were taken to a hospital with gunshot wounds.", {{K, 1}, {W, 3}}},
    {"bug_found_with_wound_may_be_dead", "A teen was found with a gunshot wound in a car.", {}},
    {"bug_both_opening_sentence_is_subject", "Both were transported to the hospital with injuries.", {{W, 2}}},
    {"bug_both_opening_sentence_injured", "Both were injured in the shooting.", {{W, 2}}},
    {"bug_people_at_scene_taken_with_injuries",
     "Police say three people at the scene were taken to the hospital with injuries.", {{W, 3}}},
    {"bug_others_showed_up_with_wounds", "Two other people showed up at the hospital with gunshot wounds.", {{W, 2}}},
    {"bug_age_closing_name_apposition_not_figure",
     "Donald Jocelin, 25 and Tobiasz Cudnik, 32 were taken to the hospital.", {}},
    {"bug_no_one_else_alone_is_zero", "A man was shot and killed. No one else was injured.", {{K, 1}, {W, 0}}},
    {"bug_no_reports_of_other_injuries", "A boy was killed. There are no reports of other injuries.", {{K, 1}, {W, 0}}},
    {"bug_no_other_people_alone_is_zero", "A man was killed. No other people were hurt.", {{K, 1}, {W, 0}}},
    {"bug_no_one_else_gives_way_to_shot", "Two people were shot, one fatally. No one else was hurt.", {{W, 1}, {K, 1}}},
    {"bug_another_after_figure_is_same_incident",
     "A teen is dead and another is injured after shots were fired at a party.", {{K, 1}, {W, 1}}},
    {"bug_another_bare_after_figure", "The gunfire left one officer dead and another injured.", {{K, 1}, {W, 1}}},
    {"bug_another_as_object", "Gunmen opened fire, wounding four men and killing another.", {{W, 4}, {K, 1}}},
    {"bug_another_adds_one_in_sentence", "A man was killed and another man died at the hospital.", {{K, 2}}},
    {"bug_including_list_later_item_not_subject",
     "Six people, including an elderly woman and her 6-year-old granddaughter, were wounded.", {{W, 6}}},
    {"bug_including_without_comma",
     "Four people including a 12-year-old and an 8-year-old were injured.", {{W, 4}}},
    {"bug_clause_after_including_is_own_figure",
     "Two people were killed, including the suspect, and six others were injured.", {{K, 2}, {W, 6}}},
    {"in_critical_condition", "A child is in serious condition after an accidental shooting.", {{W, 1}}},
    {"listed_in_condition", "The girl was listed in critical but stable condition on Sunday.", {{W, 1}}},
    {"in_condition_besides_dead", "Two are dead and two are in critical condition after a shooting.", {{K, 2}, {W, 2}}},
    {"not_in_condition", "The boy is not in critical condition.", {}},
    {"bug_condition_of_lone_definite_may_be_dead",
     "A man was shot and killed on Elm Street. He was in critical condition before he died.", {{K, 1}}},
    {"bug_shot_himself_subject_opens_sentence",
     "A 10-year-old boy found a weapon Friday and accidentally shot himself in the stomach.", {{W, 1}}},
    {"killer_then_shot_himself_no_wound", "The man killed his wife and then shot himself.", {{K, 2}}},
    {"bug_participle_phrase_after_subject",
     "Four men attending a birthday party at a Zelmer Street home were injured.", {{W, 4}}},
    {"bug_being_treated_with_injuries",
     "Six others were being treated at local hospitals, with injuries ranging from minor to serious.", {{W, 6}}},
    {"bug_whether_with_relative_clause_fact",
     "Police are investigating whether a shooting that left two people dead and three others wounded was "
     "gang-related.",
     {{K, 2}, {W, 3}}},
    {"whether_hedges_figure", "Police did not say whether two people were hurt.", {}},
    {"bug_number_more_as_head", "The rampage left three more hurt.", {{W, 3}}},
    {"bullet_struck_object", "A stray bullet struck a 9-year-old girl.", {{W, 1}}},
    {"bug_bullet_subject_before_and",
     "The bullet went through a wall and struck his 11-year-old son in the cheek, police said.", {{W, 1}}},
    {"struck_by_car_no_wound_figure", "The car struck a 9-year-old girl.", {}},
    {"bug_age_before_name_is_the_person",
     "Jackson was charged in the shooting death of 16-year-old Kenyon Givens.", {{K, 1}}},
    {"bug_person_noun_hunter", "A hunter has been found dead in the woods.", {{K, 1}}},
    {"bug_two_of_those_victims", "Two of those victims died at the hospital.", {{K, 2}}},
    {"bug_have_since_been", "Two of those victims have since been pronounced dead.", {{K, 2}}},
    {"bug_after_shooting_himself", "A teen was taken to the hospital after accidentally shooting himself.", {{W, 1}}},
    {"bug_age_object_before_preposition", "Police said an adult shot a 13-year-old in the leg.", {{W, 1}}},
    {"bug_named_death_one_of_the_injured",
     "Five people were injured in the shooting. Julian Bryant, 22, died at the hospital.", {{W, 4}, {K, 1}}},
    {"bug_ordinal_death_not_one_of_the_injured",
     "Three men were injured in the shooting. The fourth man died at the hospital.", {{W, 3}, {K, 1}}},
    {"bug_relative_clause_on_subject_skipped", "A man who was shot on Sunday has died.", {{K, 1}}},
    {"bug_relative_clause_of_a_2_year_old_skipped",
     "A 2-year-old who was shot inside an apartment in Madison has died.", {{K, 1}}},
    {"bug_day_after_participle_not_object",
     "Police investigate a shooting that left four people wounded Saturday morning.", {{W, 4}}},
    {"bug_taken_to_hospital_for_injuries",
     "Four teens were taken to the hospital for non-life-threatening injuries.", {{W, 4}}},
    {"bug_taken_and_treated_for_wound",
     "The victim was taken to a local hospital and treated for a gunshot wound.", {{W, 1}}},
    {"bug_age_subject_suffered", "A 13-year-old suffered a self-inflicted gunshot wound to the hand.", {{W, 1}}},
    {"received_attention_for_injury_not_for_rule", "Mow received medical attention for his injury.", {{W, 1}}},
    {"bug_one_of_whom_died", "Five people were shot, one of whom died.", {{W, 4}, {K, 1}}},
    {"bug_a_fourth_was_wounded",
     "Three people were shot and killed and a fourth was wounded early Sunday.", {{K, 3}, {W, 1}}},
    {"bug_the_age_is_the_person",
     "Police say the 4-year-old was taken to a hospital with a gunshot wound.", {{W, 1}}},
    {"bug_survival_told_keeps_people_shot",
     "Five people were shot at a cookout. They suffered non-life-threatening injuries. One of this year's "
     "shootings was a homicide.",
     {{W, 5}}},
    {"bug_other_people_shot_besides_dead_uncounted",
     "Police identified the dead victims on Monday. Three other victims were shot, and we are working to learn "
     "about their conditions.",
     {{W, 3}}},
    {"bug_one_injured_beside_people_shot", "Five people were shot and a young girl was injured.", {{W, 5}}},
    {"bug_fatally_shot_object",
     "Detectives searched for a gunman who fatally shot two people and injured two others.", {{K, 2}, {W, 2}}},
    {"bug_fatally_shot_first_object_only", "The gunman fatally shot a man and three others.", {{K, 1}}},
    {"bug_the_age_who", "The 2-year-old who was shot inside an apartment in Madison has died.", {{K, 1}}},
    {"bug_grader_is_person_noun", "A Lodi eighth-grader died Friday after being accidentally shot.", {{K, 1}}},
    {"bug_singular_subject_ing_participle", "A child riding in the backseat of a vehicle died Monday.", {{K, 1}}},
    {"bug_homicide_detectives_name_no_death",
     "Four people were shot on Oakridge Drive. Homicide detectives were called to the scene.", {{W, 4}}},
    {"bug_death_far_below_is_background",
     "Five people were shot at a cookout.\n\nPolice have no suspect.\n\nThe park reopened.\n\n"
     "Neighbors gathered.\n\nA vigil was held.\n\nOne of this year's shootings was a homicide.",
     {{W, 5}}},
    {"shot_then_death_near_may_be_theirs",
     "Five people were shot at a cookout.\n\nOne of the shootings was a homicide.", {}},
    {"bug_gallery_counter_no_figure", "Photo 3 of 12 A man was shot dead on Elm Street.", {{K, 1}}},
    {"bug_gallery_counter_of_slash_no_figure", "Image 1 of / 44 Caption A woman was injured.", {{W, 1}}},
    {"bug_hurt_or_killed_no_figure", "Eight children have been hurt or killed by gunfire.", {}},
    {"bug_killed_or_wounded_no_figure", "Police said 20 people were killed or wounded.", {}},
    {"bug_participle_injured_subject_has_died",
     "A juvenile injured in a shooting on Monday morning has died.", {{K, 1}}},
    {"bug_participle_wounded_plural_have_died", "Two men wounded in the attack have died.", {{K, 2}}},
    {"participle_injured_other_verb_stays_wound",
     "Three people injured in the crash were taken to the hospital.", {{W, 3}}},
    {"bug_died_after_she_was_wounded_one_person",
     "A 4-year-old girl has died after she was wounded in a shooting.", {{K, 1}}},
    {"bug_wound_then_pronounced_dead_one_person",
     "The toddler also suffered a gunshot wound and was taken to a hospital, where she was later pronounced dead.",
     {{K, 1}}},
    {"killed_she_wounded_her_son_two_people", "She was killed and her son was wounded by the gunfire.",
     {{K, 1}, {W, 1}}},
    {"killed_he_wounded_a_woman_two_people", "He died at the scene and the woman was injured.", {{K, 1}, {W, 1}}},
    {"bug_dead_boy_told_hurt_later_one_person",
     "A 3-year-old boy was killed on Sunday. The boy was hurt when a bullet came through the wall.", {{K, 1}}},
    {"dead_man_hurt_woman_two_people", "A man was killed on Sunday. The woman was hurt by flying glass.",
     {{K, 1}, {W, 1}}},
    {"bug_plural_age_is_person_noun", "Two 14-year-olds were shot on Sunday.", {{W, 2}}},
    {"bug_found_wounded_then_one_dead",
     "Officers found two men wounded. One of them was pronounced dead.", {{W, 1}, {K, 1}}},
    {"found_wounded_alone_stays_wound", "Officers found two men wounded on the porch.", {{W, 2}}},
    {"bug_another_also_shot_one_more", "Two men were shot on Elm Street. Another girl was also shot.", {{W, 3}}},
    {"bug_another_also_wounded_same_incident", "A man was killed on Elm Street. Another juvenile was also wounded.",
     {{K, 1}, {W, 1}}},
    {"another_and_another_victim_part_of_figure",
     "Two people were shot. One of the victims was shot in the hand and another victim was shot in the leg.",
     {{W, 2}}},
    {"bug_homicide_scene_in_a_quote_names_no_death",
     "A 2-year-old girl accidentally shot herself in the leg. \"Anytime you show up to a homicide scene where a "
     "child is the victim, it is tragic,\" the sergeant said.",
     {{W, 1}}},
    {"bug_wounded_or_killed_statistic_names_no_death",
     "A boy, 4, shot himself in the hand. At least eight children have been wounded or killed in accidental "
     "shootings.",
     {{W, 1}}},
    {"bug_would_not_be_fatal_names_no_death",
     "Police said a teen was shot in the leg. They said the wound would not be fatal.", {{W, 1}}},
    {"bug_death_threats_name_no_death", "A man was shot in the arm. He told police he has received death threats.",
     {{W, 1}}},
    {"bug_deadly_conduct_names_no_death",
     "A girl was shot at a party. Her uncle could be charged with deadly conduct.", {{W, 1}}},
    {"bug_attempt_homicide_names_no_death",
     "A man was shot on Elm Street. He faces a charge of criminal attempt homicide.", {{W, 1}}},
    {"bug_two_definite_deaths_one_sentence",
     "The man was pronounced dead at the scene and the 3-year-old child later died.", {{K, 2}}},
    {"bug_found_two_then_both_died",
     "Deputies found a man and a child with gunshot wounds. The man was pronounced dead at the scene and the "
     "child later died.",
     {{K, 2}}},
    {"definite_restatement_same_noun_one", "The man was shot in the head. The man died at the scene.", {{K, 1}}},
    {"bug_bullet_grazed_object", "A shot was fired inside the home and the bullet grazed a 2-year-old boy.",
     {{W, 1}}},
    {"grazed_passive", "A girl was grazed by a bullet.", {{W, 1}}},
    {"sent_people_to_hospital", "The shooting sent four people to area hospitals.", {{W, 4}}},
    {"put_into_hospital_besides_dead",
     "Gunmen killed a baby in a home invasion that put three women into the hospital.", {{K, 1}, {W, 3}}},
    {"sent_definite_to_hospital_no_figure", "The blast sent him to the hospital.", {}},
    {"bug_one_shot_told_alive_is_besides_dead",
     "A woman was shot to death in front of her home. Her cousin was shot in the foot and is expected to survive.",
     {{K, 1}, {W, 1}}},
    {"one_shot_after_death_may_be_the_dead",
     "A woman was shot to death in front of her home. Her cousin was shot in the foot.", {{K, 1}}},
    {"bug_numeral_after_article_names_a_thing", "The gunman had a 50 shot drum. A man was shot in the leg.",
     {{W, 1}}},
    {"bug_hit_in_the_back_by_a_bullet", "The girl was hit in the back by a bullet.", {{W, 1}}},
    {"bug_hit_by_a_bullet_passes_filter", "The girl was hit by a bullet.", {{W, 1}}},
    {"hit_by_a_car_no_figure", "The girl was hit by a car.", {}},
    {"bug_age_before_first_and_last_name", "He was arrested for killing a 19-year-old Pablo Villeda.",
     {{A, 1}, {K, 1}}},
    {"age_before_place_and_noun", "Police said a 19-year-old Chicago man was shot.", {{W, 1}}},
    {"bug_shooting_to_death_takes_object", "He admitted shooting to death his girlfriend and two young men.",
     {{K, 3}}},
    {"threatened_to_shoot_to_death_no_figure", "He threatened to shoot to death his neighbors.", {}},
    {"bug_object_three_more_ends_sentence", "He killed three officers and injured three more.", {{K, 3}, {W, 3}}},
    {"three_more_before_noun_not_people", "The gunman fired three more at the car.", {}},
    {"bug_participle_at_place_not_active", "Three people were killed and another wounded at the property early Saturday.",
     {{K, 3}, {W, 1}}},
    {"shot_at_is_fired_upon", "A man shot at the car.", {}},
    {"bug_one_hurt_then_the_whole", "A 34-year-old man was seriously hurt. At least four people were wounded.",
     {{W, 4, AtLeast}}},
    {"one_hurt_then_others_besides", "A man was hurt. Two other people were wounded.", {{W, 1}, {W, 2}}},
    {"bug_found_bleeding_from_gunshot_wound", "They found the boy bleeding from a gunshot wound.", {{W, 1}}},
    {"bug_pronoun_object_one_person", "Police said a stray bullet hit her last week.", {{W, 1}}},
    {"pronoun_object_before_noun_is_possessive", "He shot her car twice.", {}},
    {"bug_double_hyphen_apposition", "Four people -- including a child -- were injured in the shooting.", {{W, 4}}},
    {"bug_a_fourth_wounded_without_auxiliary", "Three people are dead and a fourth wounded in a shooting.",
     {{K, 3}, {W, 1}}},
    {"bug_objects_of_two_verbs_are_two_people",
     "A man shot his 16-year-old daughter and killed her mother before turning the gun on himself.",
     {{W, 1}, {K, 2}}},
    {"bug_passive_with_get", "Two men got hurt in the fight.", {{W, 2}}},
    {"got_without_trigger_no_figure", "Two men got a warning.", {}},
    {"bug_with_intent_to_kill_no_injury_phrase",
     "Both men are charged with assault with intent to kill inflicting serious injuries.", {}},
};

TEST(CountsTest, GrammarTable) {
  for (const Row& r : kRows) {
    const auto got = Extract(r.text);
    bool ok = got.size() == r.want.size();
    for (size_t i = 0; ok && i < got.size(); ++i)
      ok = got[i].type == r.want[i].type && got[i].number == r.want[i].number &&
           got[i].qualifier == r.want[i].qualifier;
    EXPECT_TRUE(ok) << r.name << ": \"" << r.text << "\" got " << Describe(got);
  }
}

TEST(CountsTest, SpansInsideText) {
  for (const Row& r : kRows) {
    const std::string text = r.text;
    for (const Count& c : Extract(text)) {
      EXPECT_LE(c.start, c.end) << r.name;
      EXPECT_LE(c.end, text.size()) << r.name;
    }
  }
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

// Historical vs current: a year in the sentence other than the article's
// (when no time stage has run) makes the figure another incident's.
TEST(CountsTest, HistoricalYearIsAnotherIncident) {
  AnnotatedDoc d;
  d.doc.text = "Two people were killed on Main Street. In 2015, at least four children died in the city.";
  d.doc.date = Date{2016, 7, 4, DatePrecision::kDay};
  AnalyzeText(d.doc.text, &d.layout);
  std::vector<Count> out;
  ExtractCounts(d, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].number, 2);
  EXPECT_EQ(out[0].incident, 0u);
  EXPECT_EQ(out[1].number, 4);
  EXPECT_EQ(out[1].incident, 1u);
  EXPECT_EQ(out[1].date, "2015");
}

// Dates from the time stage: the event date of the article dates its counts,
// a sentence's own date in another year separates the incident.
TEST(CountsTest, DatesFromTimeExpressions) {
  AnnotatedDoc d;
  d.doc.text = "Three people were killed in the attack. On March 3, 1994, five people were killed.";
  d.doc.date = Date{2025, 1, 17, DatePrecision::kDay};
  AnalyzeText(d.doc.text, &d.layout);
  TimeExpr t;
  t.start = static_cast<uint32_t>(d.doc.text.find("March 3, 1994"));
  t.end = t.start + 13;
  t.value = "1994-03-03";
  d.times.push_back(t);
  d.event_dates = {"1990-01-20"};
  std::vector<Count> out;
  ExtractCounts(d, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].date, "1990-01-20");
  EXPECT_EQ(out[0].incident, 0u);
  EXPECT_EQ(out[1].date, "1994-03-03");
  EXPECT_EQ(out[1].incident, 1u);
}

// Regression (GVA dev): a video list scraped with the page ("0:50 One dead
// after ...") tells other stories; a time of day opening a line does not.
TEST(CountsTest, VideoListLineIsAnotherIncident) {
  for (const bool clip : {true, false}) {
    std::vector<Count> out = Extract(std::string("Two men were killed on Main Street.\n\n") +
                 (clip ? "0:50 One dead after shooting involving officer" : "9:50 p.m. One man died."));
    ASSERT_EQ(out.size(), 2u) << clip;
    EXPECT_EQ(out[0].number, 2);
    EXPECT_EQ(out[0].incident, 0u);
    EXPECT_EQ(out[1].number, 1);
    EXPECT_EQ(out[1].incident, clip ? 1u : 0u) << clip;
  }
}

// Regression (GVA dev): a bulleted headline of related stories ("+ Two killed
// in ...") is another story; a bulleted sentence (a caption) is not.
TEST(CountsTest, BulletedHeadlineIsAnotherIncident) {
  for (const bool headline : {true, false}) {
    std::vector<Count> out = Extract(std::string("Two men were killed on Main Street.\n\n") +
                 (headline ? "+ One killed in Elm Street crash" : "+ One man died at the hospital."));
    ASSERT_EQ(out.size(), 2u) << headline;
    EXPECT_EQ(out[1].number, 1);
    EXPECT_EQ(out[1].incident, headline ? 1u : 0u) << headline;
  }
}

// Regression (GVA dev): a period's total ("a two-hour span in which ...") and
// one of several incidents listed ("Among the attacks ... was a shooting
// where ...") are other incidents than the article's.
TEST(CountsTest, SpanAndAmongTheAttacksAreOtherIncidents) {
  for (const char* second :
       {"The shooting came amid a violent two-hour span in which 10 people were shot and one man was killed.",
        "Among the attacks over the weekend was a shooting in Fernwood where four people were killed."}) {
    std::vector<Count> out = Extract(std::string("Two men were killed on Main Street. ") + second);
    ASSERT_GE(out.size(), 2u) << second;
    EXPECT_EQ(out[0].number, 2);
    EXPECT_EQ(out[0].incident, 0u);
    for (size_t k = 1; k < out.size(); ++k) EXPECT_NE(out[k].incident, 0u) << second;
  }
}

// Regression (GVA dev): a figure over several shootings is a round-up of
// other incidents, not the article's main incident.
TEST(CountsTest, RoundUpOfShootingsIsAnotherIncident) {
  std::vector<Count> out = Extract("A man was shot on Elm Street on Sunday. Three weekend shootings left six people wounded.");
  ASSERT_EQ(out.size(), 2u) << Describe(out);
  EXPECT_EQ(out[0].number, 1);
  EXPECT_EQ(out[0].incident, 0u);
  EXPECT_EQ(out[1].number, 6);
  EXPECT_NE(out[1].incident, 0u);
}

// Regression (GVA dev): the headline's figure ("1 killed, 5 injured") names
// which of the main incident's wound figures is the total; a partial one
// told before it ("two others are hospitalized") is dropped. A headline
// without a matching body figure changes nothing.
TEST(CountsTest, HeadlineFigurePicksTheTotal) {
  auto run = [](const char* title) {
    const std::string text =
        "One person was killed at a party on Elm Street. Two others are hospitalized. Police said five others "
        "were injured.";
    std::vector<Count> out = Extract(text, title);
    for (const Count& c : out)
      if (c.type == CountType::kWound && c.incident == 0) return c.number;
    return int64_t{-1};
  };
  EXPECT_EQ(run("1 killed, 5 injured in shooting at party"), 5);
  EXPECT_EQ(run("Shooting at party under investigation"), 2);
  EXPECT_EQ(run("1 killed, 7 injured in shooting at party"), 2);
}

// Regression (GVA dev): a "LIVE:" headline of another story scraped with
// the page is another incident.
TEST(CountsTest, LiveHeadlineIsAnotherIncident) {
  std::vector<Count> out = Extract("A man was shot on Elm Street on Sunday.\n\nLIVE: 25 hurt in apparent explosion downtown");
  ASSERT_EQ(out.size(), 2u) << Describe(out);
  EXPECT_EQ(out[0].number, 1);
  EXPECT_EQ(out[0].incident, 0u);
  EXPECT_EQ(out[1].number, 25);
  EXPECT_NE(out[1].incident, 0u);
}

// Regression (GVA dev): a trial story whose only figure is marked as another
// incident ("last year") still reports it as its main one when it tells
// people hurt; a death toll alone told apart does not become the main one.
TEST(CountsTest, OnlyIncidentToldApartIsMainForWounds) {
  auto w = Extract("The trial opened Monday in a daylight shooting last year that left four people wounded.");
  ASSERT_EQ(w.size(), 1u) << Describe(w);
  EXPECT_EQ(w[0].number, 4);
  EXPECT_EQ(w[0].incident, 0u);
  auto k = Extract("The trial opened Monday in a shooting last year that left four people dead.");
  ASSERT_EQ(k.size(), 1u) << Describe(k);
  EXPECT_NE(k[0].incident, 0u);
  auto kw = Extract("The trial opened Monday in a shooting last year that left two people dead and four wounded.");
  ASSERT_EQ(kw.size(), 2u) << Describe(kw);
  EXPECT_EQ(kw[0].incident, 0u);
  EXPECT_EQ(kw[1].incident, 0u);
}

// Regression (GVA dev): a statistic over several incidents ("traffic-related
// incidents caused 48 deaths") is not the article's incident.
TEST(CountsTest, StatisticOverIncidentsIsAnotherIncident) {
  std::vector<Count> out = Extract("A man was wounded on Elm Street on Sunday. Traffic-related incidents caused 48 deaths.");
  ASSERT_EQ(out.size(), 2u) << Describe(out);
  EXPECT_EQ(out[0].incident, 0u);
  EXPECT_EQ(out[1].number, 48);
  EXPECT_NE(out[1].incident, 0u);
}

// Regression (GVA dev): a total over a recent period ("in the past six weeks
// alone", "last July alone") is not the article's incident.
TEST(CountsTest, PeriodTotalIsAnotherIncident) {
  for (const char* period : {"In the past six weeks alone, four children have died in the city.",
                             "Over the last 10 days, four children have died in the city.",
                             "Last July alone, four children were shot in the city."}) {
    std::vector<Count> out = Extract(std::string("A girl was wounded on Elm Street on Sunday. ") + period);
    ASSERT_EQ(out.size(), 2u) << period << " " << Describe(out);
    EXPECT_EQ(out[0].number, 1) << period;
    EXPECT_EQ(out[0].incident, 0u) << period;
    EXPECT_EQ(out[1].number, 4) << period;
    EXPECT_NE(out[1].incident, 0u) << period;
  }
}

TEST(CountsTest, RetaliationForIsAnotherIncident) {
  // The shooting avenged is another incident; a figure told before the
  // word ("the shooting that killed two was retaliation") stays.
  std::vector<Count> out = Extract(
      "A man was wounded on Main Street. Police said it was in retaliation for a shooting that left "
      "one person dead.");
  ASSERT_EQ(out.size(), 2u) << Describe(out);
  EXPECT_EQ(out[0].type, CountType::kWound);
  EXPECT_EQ(out[0].incident, 0u);
  EXPECT_EQ(out[1].type, CountType::kKill);
  EXPECT_NE(out[1].incident, 0u);

  out = Extract("The shooting that killed two men was in retaliation for a robbery, police said.");
  ASSERT_EQ(out.size(), 1u) << Describe(out);
  EXPECT_EQ(out[0].number, 2);
  EXPECT_EQ(out[0].incident, 0u);
}

TEST(CountsTest, DeathInTitleKeepsShotFromWoundFigure) {
  // "Victim in accidental shooting dies": the person shot in the text died.
  const char* text = "A man on the property accidentally shot himself on Tuesday.";
  std::vector<Count> out = Extract(text, "Victim In Boyle Co. Accidental Shooting Dies");
  EXPECT_TRUE(out.empty()) << Describe(out);
  out = Extract(text, "Man accidentally shoots himself");
  ASSERT_EQ(out.size(), 1u) << Describe(out);
  EXPECT_EQ(out[0].type, CountType::kWound);
  EXPECT_EQ(out[0].number, 1);
}

TEST(CountsTest, AnotherNamingNoIncidentKeepsTheIncident) {
  // "dared another to shoot" names no other incident; "in another shooting" does.
  std::vector<Count> out =
      Extract("Just before a shooting that killed one teen and wounded four others, a teen dared another to shoot.");
  ASSERT_EQ(out.size(), 2u) << Describe(out);
  EXPECT_EQ(out[0].incident, 0u);
  EXPECT_EQ(out[1].incident, 0u);

  out = Extract("A man was wounded on Elm Street. A woman was killed in another shooting on Main Street.");
  ASSERT_EQ(out.size(), 2u) << Describe(out);
  EXPECT_EQ(out[0].incident, 0u);
  EXPECT_NE(out[1].incident, 0u);
}

}  // namespace
}  // namespace annals
