// Table-driven sentence and paragraph tests: {text, expected sentences} and
// {text, expected paragraphs} for the cases real news throws at the splitter.
#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  TextLayout layout;
  AnalyzeText(text, &layout);
  std::vector<std::string> out;
  for (const Sentence& s : layout.sentences) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<Paragraph> paras;
  SplitParagraphs(text, &paras);
  std::vector<std::string> out;
  for (const Paragraph& p : paras) out.emplace_back(text.substr(p.start, p.end - p.start));
  return out;
}

struct SplitCase {
  const char* text;                   // input
  std::vector<std::string> expected;  // sentences (or paragraphs), in order
};

class SentenceTable : public ::testing::TestWithParam<SplitCase> {};
TEST_P(SentenceTable, Splits) { EXPECT_EQ(Sentences(GetParam().text), GetParam().expected) << GetParam().text; }

const SplitCase kBasic[] = {
    {"", {}},
    {"One. Two! Three? Four", {"One.", "Two!", "Three?", "Four"}},
    {"No punctuation at all", {"No punctuation at all"}},
    {"What?! Really.", {"What?!", "Really."}},
    {"Prices rose 3.5% to $1.2bn. Shares fell.", {"Prices rose 3.5% to $1.2bn.", "Shares fell."}},
    {"It ended in 1990. 1991 was calm.", {"It ended in 1990.", "1991 was calm."}},
    {"It ended. 21st century news.", {"It ended.", "21st century news."}},
    {"The end.\n", {"The end."}},
};
INSTANTIATE_TEST_SUITE_P(Basic, SentenceTable, ::testing::ValuesIn(kBasic));

const SplitCase kAbbreviations[] = {
    {"Mr. Smith met Dr. Jones. They talked.", {"Mr. Smith met Dr. Jones.", "They talked."}},
    {"Mrs. Ray and St. Paul spoke.", {"Mrs. Ray and St. Paul spoke."}},
    {"Gen. Lee, Lt. Dan, Sen. Ray, Rep. Ann and Gov. Bo met.", {"Gen. Lee, Lt. Dan, Sen. Ray, Rep. Ann and Gov. Bo met."}},
    {"He lives in the U.S. He left the U.K. in May.", {"He lives in the U.S.", "He left the U.K. in May."}},
    {"The U.S. Senate voted.", {"The U.S. Senate voted."}},
    {"On Jan. 20 it snowed. On Feb. 3 it rained.", {"On Jan. 20 it snowed.", "On Feb. 3 it rained."}},
    {"Apple Inc. said so. Acme Corp. The rest.", {"Apple Inc. said so.", "Acme Corp.", "The rest."}},
    {"Foo Ltd. and Bar Co. merged.", {"Foo Ltd. and Bar Co. merged."}},
    {"Read No. 5 today.", {"Read No. 5 today."}},
    {"J. R. R. Tolkien wrote it.", {"J. R. R. Tolkien wrote it."}},
    {"At 5 p.m. he left. At 7 a.m. The next day.", {"At 5 p.m. he left.", "At 7 a.m.", "The next day."}},
    {"Fruit, e.g. Apples, i.e. Food.", {"Fruit, e.g. Apples, i.e. Food."}},
    {"He bought apples, pears, etc. Then he left.", {"He bought apples, pears, etc.", "Then he left."}},
    {"He bought apples, pears, etc.", {"He bought apples, pears, etc."}},
    {"MR. SMITH WINS. THE END.", {"MR. SMITH WINS.", "THE END."}},
    {"U.S. TO RAISE RATES", {"U.S. TO RAISE RATES"}},
    {"He lives on Main St. The house is old.", {"He lives on Main St.", "The house is old."}},
    {"Dr. Who and Mr. Still met.", {"Dr. Who and Mr. Still met."}},
    {"Martin Luther King Jr. He spoke.", {"Martin Luther King Jr.", "He spoke."}},
    {"It was Plan B. Then it failed.", {"It was Plan B.", "Then it failed."}},
    {"The U.S.-based firm grew.", {"The U.S.-based firm grew."}},
};
INSTANTIATE_TEST_SUITE_P(Abbreviations, SentenceTable, ::testing::ValuesIn(kAbbreviations));

const SplitCase kQuotes[] = {
    {"“It was hard,” she recalled. “We won.”", {"“It was hard,” she recalled.", "“We won.”"}},
    {"“... people.” She said more.", {"“... people.”", "She said more."}},
    {"\"Go home!\" he shouted.", {"\"Go home!\" he shouted."}},
    {"“Why?” asked Ann. “Because.”", {"“Why?” asked Ann.", "“Because.”"}},
    {"He was sure (really!) and left.", {"He was sure (really!) and left."}},
    {"He left (at last.) Then he slept.", {"He left (at last.)", "Then he slept."}},
    {"It is over?” No.", {"It is over?”", "No."}},
    {"\"Yes.\" Then \"no.\"", {"\"Yes.\"", "Then \"no.\""}},
    {"He called it “a crime”. Then left.", {"He called it “a crime”.", "Then left."}},
    {"Wait... What now? Well… yes.", {"Wait...", "What now?", "Well… yes."}},
};
INSTANTIATE_TEST_SUITE_P(Quotes, SentenceTable, ::testing::ValuesIn(kQuotes));

const SplitCase kGlued[] = {
    {"News.Az reports.“It has been long,” she recalled.“In order to win.”",
     {"News.Az reports.", "“It has been long,” she recalled.", "“In order to win.”"}},
    {"she added.Aliyeva emphasized that.", {"she added.", "Aliyeva emphasized that."}},
    {"independence.”“The National Leader", {"independence.”", "“The National Leader"}},
    {"It ended.\"It began", {"It ended.", "\"It began"}},
};
INSTANTIATE_TEST_SUITE_P(Glued, SentenceTable, ::testing::ValuesIn(kGlued));

const SplitCase kParagraphs[] = {
    // Sentences never cross a paragraph, even without final punctuation.
    {"HEADLINE HERE\n\nBody one. Body two", {"HEADLINE HERE", "Body one.", "Body two"}},
    {"Title line\nBody starts here. It ends.", {"Title line", "Body starts here.", "It ends."}},
    {"Showers continued in\nthe Bahia zone, said the review.\n    The dry period\nmeans a late crop.",
     {"Showers continued in\nthe Bahia zone, said the review.", "The dry period\nmeans a late crop."}},
};
INSTANTIATE_TEST_SUITE_P(Paragraphs, SentenceTable, ::testing::ValuesIn(kParagraphs));

class ParagraphTable : public ::testing::TestWithParam<SplitCase> {};
TEST_P(ParagraphTable, Splits) { EXPECT_EQ(Paragraphs(GetParam().text), GetParam().expected) << GetParam().text; }

const SplitCase kParagraphCases[] = {
    {"", {}},
    {"  \n\n \t\n", {}},
    {" One.\n\nTwo. \n\n\n Three.\n", {"One.", "Two.", "Three."}},
    {"One.\r\n\r\nTwo.", {"One.", "Two."}},
    // One paragraph per line (lines end with sentence punctuation): every newline breaks.
    {"First para.\nSecond para.\nThird para.", {"First para.", "Second para.", "Third para."}},
    // Hard-wrapped text (lines end mid-sentence): single newlines do not break...
    {"This is a long\nwrapped paragraph that\ngoes on and on.\n\nNext one.",
     {"This is a long\nwrapped paragraph that\ngoes on and on.", "Next one."}},
    // ...but a newline before indentation does (Reuters style).
    {"Wrapped text goes\non here, he said.\n    Second para goes\non and on.\n    Third.",
     {"Wrapped text goes\non here, he said.", "Second para goes\non and on.", "Third."}},
    {"Headline\nBody.", {"Headline", "Body."}},
};
INSTANTIATE_TEST_SUITE_P(Paragraphs, ParagraphTable, ::testing::ValuesIn(kParagraphCases));

// Texts with more line breaks than ForEachParagraphCut keeps on its first
// pass take the second pass; the result must not change.
TEST(SplitParagraphs, ManyLines) {
  std::string one_per_line, wrapped;
  for (int i = 0; i < 600; ++i) {
    one_per_line += "Line " + std::to_string(i) + " ends here.\n";
    wrapped += "line " + std::to_string(i) + " goes on\n";
  }
  EXPECT_EQ(Paragraphs(one_per_line).size(), 600u);
  EXPECT_EQ(Paragraphs(wrapped).size(), 1u);
  wrapped += "\n\nNext.";
  EXPECT_EQ(Paragraphs(wrapped).size(), 2u);
}

TEST(AnalyzeText, SentenceIndicesAndFlags) {
  const std::string text = "One two. Three.\n\nFour five.";
  TextLayout layout;
  AnalyzeText(text, &layout);
  ASSERT_EQ(layout.paragraphs.size(), 2u);
  ASSERT_EQ(layout.sentences.size(), 3u);
  EXPECT_EQ(layout.sentences[0].token_begin, 0u);
  EXPECT_EQ(layout.sentences[0].token_end, 3u);
  EXPECT_EQ(layout.sentences[1].token_begin, 3u);
  EXPECT_EQ(layout.sentences[2].paragraph, 1u);
  EXPECT_EQ(layout.sentences[1].paragraph, 0u);
  EXPECT_TRUE(layout.tokens[0].has(kTokSentStart));
  EXPECT_TRUE(layout.tokens[3].has(kTokSentStart));
  EXPECT_FALSE(layout.tokens[1].has(kTokSentStart));
  EXPECT_TRUE(layout.tokens[5].has(kTokParaStart));
}

// Big inputs: one long line, a megabyte of one character. Must finish (linear).
TEST(AnalyzeText, LargeDegenerateInputs) {
  for (const char* unit : {".", "\"", "a", "’", "a.", "Mr. ", "\n", "@a", "-", "'s", "a.b", " . "}) {
    std::string text;
    while (text.size() < (1u << 20)) text += unit;
    TextLayout layout;
    AnalyzeText(text, &layout);
    for (const Sentence& s : layout.sentences) ASSERT_LE(s.end, text.size());
  }
}

}  // namespace
}  // namespace annals
