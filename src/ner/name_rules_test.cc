// Tests of the post-labelling name rules.
#include "ner/name_rules.h"

#include <gtest/gtest.h>

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
  ApplyNameRules(words, &tags);
  EXPECT_EQ(TagName(tags[2]), "U-ORG");
  EXPECT_EQ(TagName(tags[3]), "O");
  EXPECT_EQ(TagName(tags[4]), "U-ORG");
  EXPECT_EQ(TagName(tags[5]), "B-ORG");  // inside a longer span: left alone
}

}  // namespace
}  // namespace annals::ner
