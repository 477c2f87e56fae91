// The seed article's quotations (tests/testdata/expected.md) with the NER
// mentions injected by hand, so the quotation stage is tested on its own:
// seven direct quotes by Sabina Aliyeva with their cues and mentions, the
// indirect speech (exactly: urged, called on, emphasized, and the outlet's
// "News.Az reports" tag), and Heydar Aliyev (named inside quote 4) never
// taken for a speaker.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "quotes/quote_stage.h"
#include "text/sentence_splitter.h"

namespace annals {
namespace {

std::string ReadSeedBody() {
  std::ifstream in(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  // The seed format: a header line " date YYYY-MM-DD title", then the body.
  const size_t nl = all.find('\n');
  return nl == std::string::npos ? all : all.substr(nl + 1);
}

// Adds a mention for every occurrence of `surface` as entity `e`.
void Inject(AnnotatedDoc* d, const std::string& surface, int32_t e, EntityType type) {
  size_t pos = 0;
  while ((pos = d->doc.text.find(surface, pos)) != std::string::npos) {
    bool covered = false;
    for (const EntityMention& m : d->mentions)
      if (pos < m.end && pos + surface.size() > m.start) covered = true;
    if (!covered) {
      d->mentions.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + surface.size()), type, e});
      d->entities[e].mentions++;
    }
    pos += surface.size();
  }
}

AnnotatedDoc SeedDoc() {
  AnnotatedDoc d;
  d.doc.text = ReadSeedBody();
  AnalyzeText(d.doc.text, &d.layout);
  d.entities = {{"Sabina Aliyeva", EntityType::kPerson, 0, "", ""},
                {"Heydar Aliyev", EntityType::kPerson, 0, "", ""},
                {"Azerbaijan", EntityType::kLocation, 0, "", ""},
                {"News.Az", EntityType::kOrg, 0, "", ""}};
  Inject(&d, "Sabina Aliyeva", 0, EntityType::kPerson);
  Inject(&d, "Aliyeva", 0, EntityType::kPerson);
  Inject(&d, "Heydar Aliyev", 1, EntityType::kPerson);
  Inject(&d, "Azerbaijan", 2, EntityType::kLocation);
  Inject(&d, "News.Az", 3, EntityType::kOrg);
  std::sort(d.mentions.begin(), d.mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.start < b.start; });
  return d;
}

std::string QuoteText(const AnnotatedDoc& d, const Quote& q) { return d.doc.text.substr(q.start, q.end - q.start); }

TEST(SeedQuotes, SevenDirectQuotesBySabinaAliyeva) {
  AnnotatedDoc d = SeedDoc();
  ASSERT_FALSE(d.doc.text.empty()) << "seed article missing";
  ExtractQuotes(&d);
  struct Want {
    const char* opening;  // how the quote starts
    const char* cue;
    const char* mention;
  };
  const Want want[] = {
      {"It has been 35 years", "recalled", "she"},
      {"In order to break the will", "said", "the ombudsperson"},
      {"That day is not only", "", "the ombudsperson"},  // continues quote 2
      {"The National Leader of our people", "added", "she"},
      {"As a result of the crime", "said", "she"},
      {"However, with regret", "", "she"},  // continues quote 5
      {"As the Commissioner for Human Rights", "concluded", "the ombudsperson"},
  };
  std::vector<const Quote*> direct;
  for (const Quote& q : d.quotes)
    if (q.kind == QuoteKind::kDirect) direct.push_back(&q);
  ASSERT_EQ(direct.size(), 7u);
  for (size_t i = 0; i < 7; ++i) {
    SCOPED_TRACE(i + 1);
    const Quote& q = *direct[i];
    EXPECT_EQ(QuoteText(d, q).rfind(want[i].opening, 0), 0u) << QuoteText(d, q);
    EXPECT_EQ(q.cue, want[i].cue);
    ASSERT_TRUE(q.speaker.has_value());
    EXPECT_EQ(q.speaker->name, "Sabina Aliyeva");
    EXPECT_EQ(q.speaker->mention, want[i].mention);
    EXPECT_EQ(q.speaker->type, "PERSON");
    EXPECT_EQ(q.speaker->role, "Human Rights Commissioner (Ombudsman)");
  }
  // Quote 4 names Heydar Aliyev; he is not its speaker.
  EXPECT_NE(QuoteText(d, *direct[3]).find("Heydar Aliyev"), std::string::npos);
}

TEST(SeedQuotes, IndirectSpeechEmphasizedThat) {
  AnnotatedDoc d = SeedDoc();
  ExtractQuotes(&d);
  const Quote* emph = nullptr;
  for (const Quote& q : d.quotes)
    if (q.kind == QuoteKind::kIndirect && q.cue == "emphasized") emph = &q;
  ASSERT_NE(emph, nullptr);
  EXPECT_EQ(QuoteText(d, *emph).rfind("that the failure of international organizations", 0), 0u);
  EXPECT_TRUE(QuoteText(d, *emph).ends_with("against the Azerbaijani people"));
  ASSERT_TRUE(emph->speaker.has_value());
  EXPECT_EQ(emph->speaker->name, "Sabina Aliyeva");
  EXPECT_EQ(emph->speaker->mention, "Aliyeva");
}

// All the seed's indirect speech: Sabina Aliyeva's urged / called on /
// emphasized, with the called-on content ending at "accountable" (not
// running into the ", News.Az reports" tag, and "News.Az" not cut at its
// period), nothing speakerless ("those who ordered the execution …" inside
// her content is no attribution of its own), and the outlet's own tag,
// "…, News.Az reports.", whose content is the sentence it closes (PolNeAR
// annotates such tags: "…, CNN reported.").
TEST(SeedQuotes, ExactlyTheIndirectSpeech) {
  AnnotatedDoc d = SeedDoc();
  ExtractQuotes(&d);
  std::vector<std::string> got;
  for (const Quote& q : d.quotes) {
    if (q.kind == QuoteKind::kDirect) continue;
    got.push_back(std::string(QuoteKindName(q.kind)) + "|" + q.cue + "|" + (q.speaker ? q.speaker->name : "(none)"));
    if (q.cue == "called on") {
      EXPECT_TRUE(QuoteText(d, q).starts_with("the world community to take just stance")) << QuoteText(d, q);
      EXPECT_TRUE(QuoteText(d, q).ends_with("are also held criminally accountable")) << QuoteText(d, q);
    }
    if (q.cue == "reports") {
      EXPECT_TRUE(QuoteText(d, q).starts_with("In her statement marking")) << QuoteText(d, q);
      EXPECT_TRUE(QuoteText(d, q).ends_with("are also held criminally accountable")) << QuoteText(d, q);
      ASSERT_TRUE(q.speaker.has_value());
      EXPECT_EQ(q.speaker->mention, "News.Az");
    }
  }
  EXPECT_EQ(got, std::vector<std::string>({"indirect|urged|Sabina Aliyeva", "indirect|reports|News.Az",
                                           "indirect|called on|Sabina Aliyeva", "indirect|emphasized|Sabina Aliyeva"}));
}

TEST(SeedQuotes, RoleAndAffiliation) {
  AnnotatedDoc d = SeedDoc();
  ExtractQuotes(&d);
  EXPECT_EQ(d.entities[0].role, "Human Rights Commissioner (Ombudsman)");
  EXPECT_EQ(d.entities[0].affiliation, "Azerbaijan");
}

TEST(SeedQuotes, NobodyQuotedIsHeydarAliyev) {
  AnnotatedDoc d = SeedDoc();
  ExtractQuotes(&d);
  for (const Quote& q : d.quotes) {
    if (q.speaker) {
      EXPECT_NE(q.speaker->name, "Heydar Aliyev") << QuoteText(d, q);
    }
  }
}

}  // namespace
}  // namespace annals
