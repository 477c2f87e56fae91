// Golden test on the seed article (tests/testdata/000_f3cc60b7aedefe5f.txt):
// its exact sentence boundaries, including the glued ones
// ("News.Az reports.“It", "she recalled.“In", "she added.Aliyeva"), written
// by reading the text, and the tokens the extractors rely on.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace annals {
namespace {

std::string ReadSeed() {
  std::ifstream in(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The body: after the header line `date 2025-01-17 <title>` and the blank line.
std::string SeedBody() {
  const std::string all = ReadSeed();
  const size_t p = all.find("\n\n");
  return p == std::string::npos ? std::string() : all.substr(p + 2);
}

struct Expected {
  const char* begins;  // the sentence's first bytes
  const char* ends;    // its last bytes
};

const Expected kSeedSentences[] = {
    {"Azerbaijan’s Human Rights Commissioner", "as a crime against humanity."},
    {"In her statement marking the 35th anniversary", "criminally accountable, News.Az reports."},
    {"“It has been 35 years since", "the people of Azerbaijan,” she recalled."},
    {"“In order to break the will", "unlawfully detained,” the ombudsperson said."},
    {"“That day is not only a heroic chronicle", "courageously and honorably fought for liberty."},
    {"Despite the brutal terror act", "succeeded in gaining their independence.”"},
    {"“The National Leader of our people, Heydar Aliyev,", "potential threats to his life."},
    {"He held a press conference,", "by the leadership of the USSR."},
    {"It was only after the Great Leader", "regarding the January 20 events,” she added."},
    {"Aliyeva emphasized that the failure", "acts of genocide against the Azerbaijani people."},
    {"“As a result of the crime against humanity", "have been grossly violated,” she said."},
    {"“However, with regret,", "have not been held accountable.”"},
    {"“As the Commissioner for Human Rights (Ombudsman)", "criminally accountable,” the ombudsperson concluded."},
};

TEST(SeedGolden, SentenceBoundaries) {
  const std::string body = SeedBody();
  ASSERT_FALSE(body.empty()) << "seed article missing from " ANNALS_TESTDATA;
  TextLayout layout;
  AnalyzeText(body, &layout);
  ASSERT_EQ(layout.sentences.size(), std::size(kSeedSentences));
  for (size_t i = 0; i < layout.sentences.size(); ++i) {
    const Sentence& s = layout.sentences[i];
    const std::string_view text = std::string_view(body).substr(s.start, s.end - s.start);
    EXPECT_TRUE(text.starts_with(kSeedSentences[i].begins)) << i << ": " << text;
    EXPECT_TRUE(text.ends_with(kSeedSentences[i].ends)) << i << ": " << text;
    EXPECT_EQ(s.paragraph, i == 0 ? 0u : 1u) << i;
  }
  // Glued boundaries: no byte between the two sentences.
  EXPECT_EQ(layout.sentences[1].end, layout.sentences[2].start);  // reports.“It
  EXPECT_EQ(layout.sentences[2].end, layout.sentences[3].start);  // recalled.“In
  EXPECT_EQ(layout.sentences[8].end, layout.sentences[9].start);  // added.Aliyeva
  EXPECT_EQ(layout.sentences[5].end, layout.sentences[6].start);  // independence.”“The
  ASSERT_EQ(layout.paragraphs.size(), 2u);
}

TEST(SeedGolden, TokensExtractorsRelyOn) {
  const std::string body = SeedBody();
  std::vector<Token> tokens;
  Tokenize(body, &tokens);
  std::vector<std::string> texts;
  for (const Token& t : tokens) texts.emplace_back(t.text(body));
  auto has_seq = [&](std::vector<std::string> seq) {
    for (size_t i = 0; i + seq.size() <= texts.size(); ++i)
      if (std::equal(seq.begin(), seq.end(), texts.begin() + i)) return true;
    return false;
  };
  EXPECT_TRUE(has_seq({"Azerbaijan", "’s", "Human"}));
  EXPECT_TRUE(has_seq({",", "News.Az", "reports", ".", "“", "It"}));
  EXPECT_TRUE(has_seq({"January", "19", "to", "20", ",", "1990", ","}));
  EXPECT_TRUE(has_seq({"tragedy", "–", "a", "bloody"}));
  EXPECT_TRUE(has_seq({"present-day", "Armenia"}));
  EXPECT_TRUE(has_seq({"150", "innocent", "people"}));
  EXPECT_TRUE(has_seq({"added", ".", "Aliyeva", "emphasized"}));
  EXPECT_TRUE(has_seq({"country", "’s", "leadership"}));
  EXPECT_TRUE(has_seq({"(", "Ombudsman", ")"}));
}

TEST(SeedGolden, Title) {
  const std::string all = ReadSeed();
  const size_t b = all.find("date 2025-01-17 ");
  ASSERT_NE(b, std::string::npos);
  const size_t e = all.find('\n', b);
  const std::string title = all.substr(b + 16, e - b - 16);
  std::vector<Token> tokens;
  Tokenize(title, &tokens);
  ASSERT_GE(tokens.size(), 4u);
  const Token& close = tokens.back();
  const Token& open = tokens[tokens.size() - 5];
  EXPECT_EQ(open.text(title), "‘");
  EXPECT_TRUE(open.has(kTokOpenQuote));
  EXPECT_EQ(close.text(title), "’");
  EXPECT_TRUE(close.has(kTokQuote));
  EXPECT_FALSE(close.has(kTokOpenQuote));
  EXPECT_EQ(tokens[tokens.size() - 2].text(title), "humanity");
}

}  // namespace
}  // namespace annals
