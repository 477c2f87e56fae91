// Tests of speaker-label retyping (speaker_labels.h).
#include "ner/speaker_labels.h"

#include <gtest/gtest.h>

#include <string>

namespace annals::ner {
namespace {

using T = EntityType;

EntityMention At(const std::string& text, const std::string& name, size_t from, T type) {
  const size_t p = text.find(name, from);
  EXPECT_NE(p, std::string::npos) << name;
  return EntityMention{static_cast<uint32_t>(p), static_cast<uint32_t>(p + name.size()), type, -1};
}

TEST(IsSpeakerLabel, Table) {
  struct Row {
    std::string text;
    std::string name;
    bool label;
  };
  const Row rows[] = {
      {"((WN))  How rare is it?", "WN", true},
      {"Intro.\n\n\n((Ann Lee))  I started early.", "Ann Lee", true},
      {"Intro.\n  (( Ann Lee ))  I started early.", "Ann Lee", true},
      {"He met ((Ann Lee)) there.", "Ann Lee", false},        // not at a paragraph's start
      {"(Ann Lee) said nothing.", "Ann Lee", false},          // single brackets
      {"((Ann Lee and Bo))  Hi.", "Ann Lee", false},           // not the whole label
      {"Ann Lee))", "Ann Lee", false},
  };
  for (const Row& r : rows) {
    const size_t p = r.text.find(r.name);
    EXPECT_EQ(IsSpeakerLabel(r.text, static_cast<uint32_t>(p), static_cast<uint32_t>(p + r.name.size())), r.label)
        << r.text;
  }
}

TEST(ApplySpeakerLabels, LabelsTakeTheRunningTextTypeOrPersonOrGo) {
  const std::string text =
      "Wikinews spoke with Zara Kay in Melbourne.\n\n((WN))  Why?\n\n((Zara Kay))  Because.\n\n"
      "((Ann Lee))  Yes.\n\n((WN))  Thanks.";
  std::vector<EntityMention> m = {
      At(text, "Zara Kay", 0, T::kPerson),   At(text, "Melbourne", 0, T::kLocation),
      At(text, "WN", 0, T::kLocation),       At(text, "Zara Kay", 50, T::kLocation),
      At(text, "Ann Lee", 0, T::kOrg),       At(text, "WN", text.find("Yes"), T::kLocation),
  };
  ApplySpeakerLabels(text, &m);
  ASSERT_EQ(m.size(), 4u);  // both "WN" labels removed
  EXPECT_EQ(text.substr(m[2].start, m[2].end - m[2].start), "Zara Kay");
  EXPECT_EQ(m[2].type, T::kPerson);  // a two-word label speaks: a person
  EXPECT_EQ(text.substr(m[3].start, m[3].end - m[3].start), "Ann Lee");
  EXPECT_EQ(m[3].type, T::kPerson);  // two words, never in running text
  EXPECT_EQ(m[1].type, T::kLocation);  // running text untouched
}

TEST(ApplySpeakerLabels, OneWordLabelTakesTheRunningTextType) {
  const std::string text = "Reporters from Reuters asked.\n\n((Reuters))  Why?\n\n((Lee))  Because.";
  std::vector<EntityMention> m = {At(text, "Reuters", 0, T::kOrg), At(text, "Reuters", 20, T::kLocation),
                                  At(text, "Lee", 0, T::kPerson)};
  ApplySpeakerLabels(text, &m);
  ASSERT_EQ(m.size(), 2u);  // "Lee" never appears in running text
  EXPECT_EQ(m[1].type, T::kOrg);
}

TEST(ApplySpeakerLabels, NoLabelsNoChange) {
  const std::string text = "Sabina Aliyeva spoke in Baku.";
  std::vector<EntityMention> m = {At(text, "Sabina Aliyeva", 0, T::kPerson), At(text, "Baku", 0, T::kLocation)};
  const auto before = m;
  ApplySpeakerLabels(text, &m);
  ASSERT_EQ(m.size(), before.size());
  for (size_t i = 0; i < m.size(); ++i) EXPECT_EQ(m[i].type, before[i].type);
}

}  // namespace
}  // namespace annals::ner
