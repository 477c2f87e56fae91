// Tests of the post-labelling name rules.
#include "ner/name_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ner/hash.h"
#include "ner/tags.h"

namespace annals::ner {
namespace {

TEST(IsWebStyleName, Table) {
  struct Case {
    std::string word;
    bool expected;
  };
  const Case cases[] = {
      {"News.Az", true}, {"Trend.Az", true}, {"Amazon.com", true}, {"Yahoo.co.uk", true},
      {"U.S.", false},   {"J.P.", false},    {"news.az", false},   {"Mr.", false},
      {"A.de", false},   {"U.S.A", false},   {"1.5", false},       {"NEWS.AZ", false},
      {"", false},       {"Co.Ltd.", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsWebStyleName(c.word), c.expected) << c.word;
}

TEST(ApplyNameRules, WebNamesBecomeOrganisations) {
  std::vector<std::string_view> words = {"accountable", ",", "News.Az", "reports", "Trend.Az", "Amazon.com", "Inc"};
  auto tag = [](TagPart p, EntityType t) { return static_cast<uint8_t>(MakeTag(p, t)); };
  std::vector<uint8_t> tags = {kTagO, kTagO, kTagO, kTagO, tag(TagPart::kU, EntityType::kLocation),
                               tag(TagPart::kB, EntityType::kOrg), tag(TagPart::kL, EntityType::kOrg)};
  ApplyNameRules(words, Lexicon{}, NameEvidence(), &tags);
  EXPECT_EQ(TagName(tags[2]), "U-ORG");
  EXPECT_EQ(TagName(tags[3]), "O");
  EXPECT_EQ(TagName(tags[4]), "U-ORG");
  EXPECT_EQ(TagName(tags[5]), "B-ORG");  // inside a longer span: left alone
}

// A lexicon whose casing table knows `lower_words` as always lower-case.
class CasingLexicon {
 public:
  explicit CasingLexicon(const std::vector<std::string>& lower_words) {
    HashTableBuilder builder;
    for (const std::string& w : lower_words) builder.Put(HashBytes(w), kCaseAlwaysLower);
    builder.Build(false, &data_.casing.keys, &data_.casing.vals);
  }
  Lexicon View() const { return data_.View(); }

 private:
  LexiconData data_;
};

uint8_t Tag(TagPart p, EntityType t) { return static_cast<uint8_t>(MakeTag(p, t)); }

// One row per pattern: a sentence, its labeller tags, the tags the rules keep.
TEST(ApplyNameRules, CapitalisedCommonWordsOpeningAnUtteranceAreNoEntities) {
  CasingLexicon lex({"well", "so", "additionally", "day", "nice"});
  const uint8_t u_per = Tag(TagPart::kU, EntityType::kPerson);
  const uint8_t u_org = Tag(TagPart::kU, EntityType::kOrg);
  struct Row {
    const char* name;
    std::vector<std::string_view> words;
    std::vector<uint8_t> tags;
    std::vector<uint8_t> expected;
  };
  const Row rows[] = {
      {"sentence opener", {"Well", ",", "we", "tried"}, {u_per, kTagO, kTagO, kTagO}, {kTagO, kTagO, kTagO, kTagO}},
      {"after an interview label",
       {"((", "Ann", "Lee", "))", "So", "we", "tried"},
       {kTagO, Tag(TagPart::kB, EntityType::kPerson), Tag(TagPart::kL, EntityType::kPerson), kTagO, u_org, kTagO, kTagO},
       {kTagO, Tag(TagPart::kB, EntityType::kPerson), Tag(TagPart::kL, EntityType::kPerson), kTagO, kTagO, kTagO, kTagO}},
      {"after a quote", {"\"", "Additionally", ",", "no"}, {kTagO, u_per, kTagO, kTagO}, {kTagO, kTagO, kTagO, kTagO}},
      {"pronoun I anywhere", {"and", "I", "think"}, {kTagO, u_org, kTagO}, {kTagO, kTagO, kTagO}},
      {"interjection unknown to the lexicon", {"Yeah", ",", "sure"}, {u_per, kTagO, kTagO}, {kTagO, kTagO, kTagO}},
      {"mid-sentence: the labeller saw the casing", {"said", "Well", "today"}, {kTagO, u_per, kTagO},
       {kTagO, u_per, kTagO}},
      {"all capitals (a headline or an acronym)", {"NICE", "WINS"}, {u_org, kTagO}, {u_org, kTagO}},
      {"a sports table row", {"Nice", "2", "Lyon", "1"}, {u_org, kTagO, u_org, kTagO}, {u_org, kTagO, u_org, kTagO}},
      {"a word the lexicon does not know as lower-case", {"Trump", "said"}, {u_per, kTagO}, {u_per, kTagO}},
      {"an unseen sentence adverb", {"Reportedly", ",", "we"}, {u_per, kTagO, kTagO}, {kTagO, kTagO, kTagO}},
      {"an unseen name in -ly, no comma", {"Kimberly", "said"}, {u_per, kTagO}, {u_per, kTagO}},
  };
  for (const Row& r : rows) {
    std::vector<uint8_t> tags = r.tags;
    ApplyNameRules(r.words, lex.View(), NameEvidence(), &tags);
    EXPECT_EQ(tags, r.expected) << r.name;
  }
}

TEST(ApplyNameRules, DocumentEvidenceKeepsASurnameThatIsACommonWord) {
  CasingLexicon lex({"day"});
  const uint8_t u_per = Tag(TagPart::kU, EntityType::kPerson);
  std::vector<std::string_view> first = {"Doris", "Day", "sang"};
  std::vector<uint8_t> first_tags = {Tag(TagPart::kB, EntityType::kPerson), Tag(TagPart::kL, EntityType::kPerson),
                                     kTagO};
  std::vector<std::string_view> later = {"Day", "made", "albums"};
  std::vector<uint8_t> later_tags = {u_per, kTagO, kTagO};
  NameEvidence evidence;
  evidence.Add(first, first_tags);
  evidence.Add(later, later_tags);  // an opener adds no evidence of its own
  std::vector<uint8_t> tags = later_tags;
  ApplyNameRules(later, lex.View(), evidence, &tags);
  EXPECT_EQ(tags[0], u_per);
  // Without the longer name in the document, the opener is dropped.
  NameEvidence none;
  none.Add(later, later_tags);
  tags = later_tags;
  ApplyNameRules(later, lex.View(), none, &tags);
  EXPECT_EQ(tags[0], kTagO);
}

}  // namespace
}  // namespace annals::ner
