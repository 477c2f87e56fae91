// Tests of the CoNLL reader.
#include "ner/conll.h"

#include <gtest/gtest.h>

namespace annals::ner {
namespace {

TEST(Conll, DocumentsAndSentences) {
  auto docs = ParseConll(
      "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\r\n"
      "-DOCSTART- -X- O\n\nBaku\tB-LOC\n",
      "t.conll");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  ASSERT_EQ((*docs)[0].sentences.size(), 2u);
  EXPECT_EQ((*docs)[0].sentences[0].words, (std::vector<std::string>{"EU", "rejects"}));
  EXPECT_EQ((*docs)[0].sentences[0].tags, (std::vector<std::string>{"B-ORG", "O"}));
  EXPECT_EQ((*docs)[0].sentences[1].tags, (std::vector<std::string>{"B-PER"}));
  EXPECT_EQ((*docs)[1].sentences[0].words, (std::vector<std::string>{"Baku"}));
  EXPECT_EQ(CountTokens(*docs), 4u);
}

TEST(Conll, NoDocstartIsOneDocument) {
  auto docs = ParseConll("a O\n\nb O\n", "x");
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].sentences.size(), 2u);
}

TEST(Conll, OneColumnIsAnErrorWithLine) {
  auto docs = ParseConll("a O\nbroken\n", "bad.conll");
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.status().message().find("bad.conll:2:"), std::string::npos) << docs.status().message();
}

TEST(Conll, MissingFile) {
  auto docs = ReadConll("/nonexistent/file.conll");
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace annals::ner
