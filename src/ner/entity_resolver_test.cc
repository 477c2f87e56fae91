// Tests of within-article entity resolution.
#include "ner/entity_resolver.h"

#include <gtest/gtest.h>

namespace annals::ner {
namespace {

using T = EntityType;

// Mentions of every occurrence of `names[i]` (in order) in `text`, typed `types[i]`.
std::vector<EntityMention> Find(std::string_view text, const std::vector<std::pair<std::string, T>>& names) {
  std::vector<EntityMention> out;
  size_t from = 0;
  for (const auto& [name, type] : names) {
    size_t p = text.find(name, from);
    EXPECT_NE(p, std::string_view::npos) << name;
    out.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(p + name.size()), type, -1});
    from = p + name.size();
  }
  return out;
}

TEST(ResolveEntities, SurnameJoinsFullName) {
  std::string text = "Sabina Aliyeva spoke in Baku. Aliyeva said Azerbaijan\u2019s people and Azerbaijan remember.";
  auto m = Find(text, {{"Sabina Aliyeva", T::kPerson}, {"Baku", T::kLocation}, {"Aliyeva", T::kPerson},
                       {"Azerbaijan\u2019s", T::kLocation}, {"Azerbaijan", T::kLocation}});
  std::vector<Entity> e;
  ResolveEntities(text, &m, &e);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].canonical, "Sabina Aliyeva");
  EXPECT_EQ(e[0].type, T::kPerson);
  EXPECT_EQ(e[0].mentions, 2u);
  EXPECT_EQ(e[1].canonical, "Baku");
  EXPECT_EQ(e[2].canonical, "Azerbaijan");  // possessive dropped
  EXPECT_EQ(e[2].mentions, 2u);
  EXPECT_EQ(m[0].entity, 0);
  EXPECT_EQ(m[2].entity, 0);
  EXPECT_EQ(m[3].entity, 2);
  EXPECT_EQ(m[4].entity, 2);
}

TEST(ResolveEntities, WellKnownAbbreviationsJoinTheirFullName) {
  std::string text = "U.S. troops left. The United States said the US and the EU agree; the U.N. met.";
  auto m = Find(text, {{"U.S.", T::kLocation}, {"United States", T::kLocation}, {"US", T::kLocation},
                       {"EU", T::kOrg}, {"U.N.", T::kOrg}});
  std::vector<Entity> e;
  ResolveEntities(text, &m, &e);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].canonical, "United States");  // the full name, though "U.S." came first
  EXPECT_EQ(e[0].mentions, 3u);
  EXPECT_EQ(m[0].entity, 0);
  EXPECT_EQ(m[2].entity, 0);
  // Without the full name in the article, the entity still takes it, so
  // that articles that only say "EU" count with those that spell it out.
  EXPECT_EQ(e[1].canonical, "European Union");
  EXPECT_EQ(e[2].canonical, "United Nations");
  // Not an abbreviation of the table: left as written.
  std::string other = "The USW union met.";
  auto m2 = Find(other, {{"USW", T::kOrg}});
  ResolveEntities(other, &m2, &e);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].canonical, "USW");
}

TEST(ResolveEntities, MajorityTypeWins) {
  std::string text = "Azerbaijan a. Azerbaijan b. Azerbaijan c.";
  auto m = Find(text, {{"Azerbaijan", T::kPerson}, {"Azerbaijan", T::kLocation}, {"Azerbaijan", T::kLocation}});
  std::vector<Entity> e;
  ResolveEntities(text, &m, &e);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, T::kLocation);
  EXPECT_EQ(e[0].mentions, 3u);
  for (const auto& x : m) EXPECT_EQ(x.type, T::kLocation);
}

TEST(ResolveEntities, MistypedSurnameJoinsPerson) {
  std::string text = "Heydar Aliyev came. Aliyev left.";
  auto m = Find(text, {{"Heydar Aliyev", T::kPerson}, {"Aliyev", T::kOrg}});
  std::vector<Entity> e;
  ResolveEntities(text, &m, &e);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(m[1].type, T::kPerson);
  EXPECT_EQ(m[1].entity, 0);
}

TEST(ResolveEntities, AcronymJoinsOrg) {
  std::string text = "The European Central Bank said the ECB would act.";
  auto m = Find(text, {{"European Central Bank", T::kOrg}, {"ECB", T::kOrg}});
  std::vector<Entity> e;
  ResolveEntities(text, &m, &e);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].canonical, "European Central Bank");
  EXPECT_EQ(e[0].mentions, 2u);
}

TEST(ResolveEntities, DifferentPeopleStayApart) {
  std::string text = "Sabina Aliyeva met Heydar Aliyev.";
  auto m = Find(text, {{"Sabina Aliyeva", T::kPerson}, {"Heydar Aliyev", T::kPerson}});
  std::vector<Entity> e;
  ResolveEntities(text, &m, &e);
  EXPECT_EQ(e.size(), 2u);
}

TEST(ResolveEntities, AllCapsPrefersMixedCaseSpelling) {
  std::string text = "BAKU TALKS. Talks in Baku.";
  auto m = Find(text, {{"BAKU", T::kLocation}, {"Baku", T::kLocation}});
  std::vector<Entity> e;
  ResolveEntities(text, &m, &e);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].canonical, "Baku");
}

TEST(ResolveEntities, Empty) {
  std::vector<EntityMention> m;
  std::vector<Entity> e = {Entity{}};
  ResolveEntities("", &m, &e);
  EXPECT_TRUE(e.empty());
}

}  // namespace
}  // namespace annals::ner
