// Golden test: the seed article (tests/testdata/expected.md) through the text
// core and the NER stage with the shipped model.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ner/ner_stage.h"
#include "text/sentence_splitter.h"

namespace annals::ner {
namespace {

TEST(NerGolden, SeedArticle) {
  std::ifstream in(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt", std::ios::binary);
  ASSERT_TRUE(in) << "seed article missing";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string file = ss.str();
  // The first line is the header (" date 2025-01-17 <title>"); the body follows.
  AnnotatedDoc d;
  d.doc.text = file.substr(file.find('\n') + 1);
  AnalyzeText(d.doc.text, &d.layout);
  auto model = NerModel::Open(std::string(ANNALS_SOURCE_DIR) + "/models/ner.model");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  NerStage(std::shared_ptr<const NerModel>(std::move(*model))).Run(&d);

  auto entity = [&](const std::string& name) -> const Entity* {
    for (const Entity& e : d.entities)
      if (e.canonical == name) return &e;
    return nullptr;
  };
  struct Want {
    std::string name;
    EntityType type;
  };
  const Want wants[] = {
      {"Sabina Aliyeva", EntityType::kPerson}, {"Heydar Aliyev", EntityType::kPerson},
      {"Baku", EntityType::kLocation},         {"Armenia", EntityType::kLocation},
      {"Moscow", EntityType::kLocation},       {"Azerbaijan", EntityType::kLocation},
      {"News.Az", EntityType::kOrg},
  };
  std::string all;
  for (const Entity& e : d.entities) all += e.canonical + "/" + std::string(EntityTypeName(e.type)) + "; ";
  for (const Want& w : wants) {
    const Entity* e = entity(w.name);
    ASSERT_NE(e, nullptr) << w.name << " missing; entities: " << all;
    EXPECT_EQ(e->type, w.type) << w.name;
  }
  // "Aliyeva" alone is the same person as "Sabina Aliyeva".
  EXPECT_EQ(entity("Aliyeva"), nullptr) << all;
  EXPECT_GE(entity("Sabina Aliyeva")->mentions, 2u);
  EXPECT_GE(entity("Azerbaijan")->mentions, 3u);
}

}  // namespace
}  // namespace annals::ner
