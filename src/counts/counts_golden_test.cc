// Golden test on the seed article (tests/testdata/000_f3cc60b7aedefe5f.txt):
// KILL 150, WOUND 744, ARREST 841, dated 1990, in Baku, by the former USSR
// armed forces. The entity and time stages are stood in for by hand-made
// mentions and time expressions, so this test checks the count stage alone;
// src/extract holds the full-pipeline version.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "counts/counts.h"
#include "text/sentence_splitter.h"

namespace annals {
namespace {

std::string ReadSeed() {
  std::ifstream in(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Adds a LOCATION mention (and its entity) for every occurrence of `name`.
void InjectLocation(AnnotatedDoc* d, const std::string& name) {
  const int32_t entity = static_cast<int32_t>(d->entities.size());
  Entity e;
  e.canonical = name;
  e.type = EntityType::kLocation;
  for (size_t p = d->doc.text.find(name); p != std::string::npos;
       p = d->doc.text.find(name, p + 1)) {
    EntityMention m;
    m.start = static_cast<uint32_t>(p);
    m.end = static_cast<uint32_t>(p + name.size());
    m.type = EntityType::kLocation;
    m.entity = entity;
    d->mentions.push_back(m);
    ++e.mentions;
  }
  d->entities.push_back(e);
}

AnnotatedDoc SeedWithInjectedFacts(bool with_event_dates) {
  AnnotatedDoc d;
  d.doc.text = ReadSeed();
  AnalyzeText(d.doc.text, &d.layout);
  for (const char* loc : {"Azerbaijan", "Baku", "Armenia", "Moscow"}) InjectLocation(&d, loc);
  std::sort(d.mentions.begin(), d.mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.start < b.start; });
  const std::string night = "the night of January 19 to 20, 1990";
  const size_t p = d.doc.text.find(night);
  if (p != std::string::npos) {
    TimeExpr t;
    t.start = static_cast<uint32_t>(p);
    t.end = static_cast<uint32_t>(p + night.size());
    t.value = "1990-01-19";
    t.range_begin = "1990-01-19";
    t.range_end = "1990-01-20";
    d.times.push_back(t);
  }
  if (with_event_dates) d.event_dates = {"1990-01-19"};
  return d;
}

struct Want {
  CountType type;
  int64_t number;
  const char* victims;
};

TEST(CountsGoldenTest, SeedArticle) {
  for (bool with_event_dates : {true, false}) {
    AnnotatedDoc d = SeedWithInjectedFacts(with_event_dates);
    ASSERT_FALSE(d.doc.text.empty()) << "seed article missing";
    std::vector<Count> counts;
    ExtractCounts(d, &counts);
    const Want want[] = {
        {CountType::kKill, 150, "innocent people, including women, children, and the elderly"},
        {CountType::kWound, 744, "people"},
        {CountType::kArrest, 841, "individuals"},
    };
    ASSERT_EQ(counts.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
      const Count& c = counts[i];
      SCOPED_TRACE(std::string(CountTypeName(want[i].type)));
      EXPECT_EQ(c.type, want[i].type);
      EXPECT_EQ(c.number, want[i].number);
      EXPECT_EQ(c.qualifier, CountQualifier::kExact);
      EXPECT_EQ(c.victims, want[i].victims);
      EXPECT_EQ(c.place, "Baku");
      EXPECT_EQ(c.date.substr(0, 4), "1990") << c.date;
      EXPECT_EQ(c.perpetrator, "the former USSR armed forces");
      const std::string evidence = d.doc.text.substr(c.start, c.end - c.start);
      EXPECT_NE(evidence.find(std::to_string(want[i].number)), std::string::npos) << evidence;
    }
  }
}

}  // namespace
}  // namespace annals
