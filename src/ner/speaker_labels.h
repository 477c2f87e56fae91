// Speaker labels of interview transcripts: each turn starts with its speaker
// in double brackets at the start of a paragraph ("((WN))  How rare is it…",
// "((Dorsa Derakhshani))  I started…"), as Wikinews prints its interviews.
// The labeller, trained on newswire sentences, types such a label from
// nothing around it — the interviewer's initials "WN" as a place, the
// interviewee as an organisation — and a transcript repeats it at every turn,
// so one wrong guess becomes dozens of mentions.
#pragma once

#include <string_view>
#include <vector>

#include "facts/facts.h"

namespace annals::ner {

// Whether the mention [start, end) of `text` is a whole speaker label:
// "((" before it and "))" after it (spaces allowed inside), and nothing but
// spaces between the paragraph's start and the "((".
bool IsSpeakerLabel(std::string_view text, uint32_t start, uint32_t end);

// Retypes the mentions that are speaker labels: a label of two or more words
// is a person (who speaks; the entity resolver's vote then carries the type
// to the running text's mentions of the name); a one-word label takes the
// type the article gives the word in running text (majority), and one the
// article never uses there (an interviewer's initials) is no entity and is
// removed.
void ApplySpeakerLabels(std::string_view text, std::vector<EntityMention>* mentions);

}  // namespace annals::ner
