// End-to-end golden test of quotations: runs the real `annals extract` (the
// full pipeline, whatever stages main has) on the seed article and checks
// the quotes of tests/testdata/expected.md: seven direct quotes with cues
// recalled/said/-/added/said/-/concluded and mentions she / the
// ombudsperson, exactly the indirect speech (urged, called on, emphasized,
// and the outlet's "News.Az reports" tag), and Heydar Aliyev (named in
// quote 4) never a speaker. The canonical name "Sabina Aliyeva" needs the
// NER stage: that check skips, saying so, while the pipeline has none.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

std::string RunExtract(const std::string& path) {
  const std::string cmd = std::string(ANNALS_BINARY) + " extract --quiet '" + path + "' 2>/dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

struct Q {
  std::string kind, text, cue, mention, name;  // name "" when null
  bool has_speaker = false;
};

struct Seed {
  std::vector<Q> quotes;
  size_t entities = 0;
};

Seed LoadSeed() {
  Seed s;
  const std::string out = RunExtract(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt");
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(out).get(doc)) return s;
  simdjson::dom::array ents;
  if (!doc["entity_list"].get(ents)) s.entities = ents.size();
  for (simdjson::dom::element q : doc["quotes"].get_array()) {
    Q x;
    x.kind = std::string(q["kind"].get_string().value());
    x.text = std::string(q["text"].get_string().value());
    std::string_view cue;
    if (!q["cue"].get(cue)) x.cue = std::string(cue);
    simdjson::dom::object sp;
    if (!q["speaker"].get(sp)) {
      x.has_speaker = true;
      x.mention = std::string(sp["mention"].get_string().value());
      std::string_view name;
      if (!sp["name"].get(name)) x.name = std::string(name);
    }
    s.quotes.push_back(x);
  }
  return s;
}

std::vector<Q> Direct(const Seed& s) {
  std::vector<Q> d;
  for (const Q& q : s.quotes)
    if (q.kind == "direct") d.push_back(q);
  return d;
}

TEST(QuotesE2e, SeedSevenDirectQuotesWithCuesAndMentions) {
  const Seed s = LoadSeed();
  const std::vector<Q> d = Direct(s);
  ASSERT_EQ(d.size(), 7u);
  const char* cues[] = {"recalled", "said", "", "added", "said", "", "concluded"};
  const char* mentions[] = {"she", "the ombudsperson", "the ombudsperson", "she", "she", "she", "the ombudsperson"};
  const char* openings[] = {"It has been 35 years", "In order to break", "That day is not only", "The National Leader",
                            "As a result of the crime", "However, with regret", "As the Commissioner"};
  for (size_t i = 0; i < 7; ++i) {
    SCOPED_TRACE(i + 1);
    EXPECT_EQ(d[i].text.rfind(openings[i], 0), 0u) << d[i].text;
    EXPECT_EQ(d[i].cue, cues[i]);
    ASSERT_TRUE(d[i].has_speaker);
    EXPECT_EQ(d[i].mention, mentions[i]);
    EXPECT_NE(d[i].name, "Heydar Aliyev");
  }
}

TEST(QuotesE2e, SeedIndirectEmphasizedThat) {
  const Seed s = LoadSeed();
  bool found = false;
  for (const Q& q : s.quotes)
    if (q.kind == "indirect" && q.cue == "emphasized") {
      found = true;
      EXPECT_EQ(q.text.rfind("that the failure of international organizations", 0), 0u);
      EXPECT_EQ(q.mention, "Aliyeva");
    }
  EXPECT_TRUE(found);
}

// Exactly the seed's indirect speech: urged / called on / emphasized, each
// with a speaker, and the outlet's own "…, News.Az reports." tag. The
// called-on content ends at "accountable" (not in the tag, "News.Az" not
// cut at its period); "those who ordered the execution of these acts",
// inside that content, is no speakerless attribution of its own.
TEST(QuotesE2e, SeedExactlyTheIndirectSpeech) {
  const Seed s = LoadSeed();
  std::vector<std::string> cues;
  for (const Q& q : s.quotes) {
    if (q.kind == "direct") continue;
    cues.push_back(q.kind + "|" + q.cue + "|" + q.mention);
    EXPECT_TRUE(q.has_speaker) << q.text;
    if (q.cue == "called on") {
      EXPECT_EQ(q.text.rfind("the world community to take just stance", 0), 0u) << q.text;
      EXPECT_TRUE(q.text.ends_with("are also held criminally accountable")) << q.text;
    }
    if (q.cue == "reports") {
      EXPECT_TRUE(q.text.ends_with("are also held criminally accountable")) << q.text;
    }
  }
  EXPECT_EQ(cues, std::vector<std::string>({"indirect|urged|Sabina Aliyeva",
                                            "indirect|reports|News.Az", "indirect|called on|the ombudsperson",
                                            "indirect|emphasized|Aliyeva"}));
  if (s.entities == 0) return;  // canonical names need the NER stage
  for (const Q& q : s.quotes)
    if (q.kind != "direct" && q.cue != "reports") {
      EXPECT_EQ(q.name, "Sabina Aliyeva") << q.cue;
    }
}

TEST(QuotesE2e, SeedSpeakerIsSabinaAliyevaWithNer) {
  const Seed s = LoadSeed();
  if (s.entities == 0) GTEST_SKIP() << "the pipeline has no NER stage yet: canonical speaker names need it";
  for (const Q& q : Direct(s)) EXPECT_EQ(q.name, "Sabina Aliyeva") << q.text;
}

}  // namespace
