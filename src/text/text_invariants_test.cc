// Invariants of AnalyzeText on random input (layout_check.h): random strings
// built from the fragments news text is made of, random bytes, and invalid
// UTF-8. A fixed seed keeps failures reproducible; the failing input is printed.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/layout_check.h"
#include "text/sentence_splitter.h"

namespace annals {
namespace {

const std::vector<std::string> kFragments = {
    "a", "Word", "USSR", "e", "s", "n't", "0", "19", "1,200", ".5", " ", " ", " ", "\n", "\n\n", "\n    ", "\t",
    ".", ".", "..", "...", "…", ",", ";", ":", "!", "?", "\"", "'", "’", "‘", "“", "”", "«", "»", "(", ")", "[",
    "-", "--", "–", "—", "Mr.", "U.S.", "No. ", "J. ", "etc.", "News.Az", "http://x.y/z", "www.", "@", "#",
    "a@b.c", "&", "$", "%", "é", "Ö", "中文", "Москва", "\u00a0", "\u200b", "\u00ad", "\u0301", "😀", "\r",
};

std::string RandomText(std::mt19937& rng, size_t pieces) {
  std::uniform_int_distribution<size_t> pick(0, kFragments.size() - 1);
  std::string s;
  for (size_t i = 0; i < pieces; ++i) s += kFragments[pick(rng)];
  return s;
}

void ExpectValid(const std::string& text) {
  TextLayout layout;
  AnalyzeText(text, &layout);
  const Status st = CheckTextLayout(text, layout);
  ASSERT_TRUE(st.ok()) << st.ToString() << "\ninput (" << text.size() << " bytes): " << text;
  std::vector<Paragraph> split, from_tokens;
  SplitParagraphs(text, &split);
  ParagraphsFromTokens(layout.tokens, &from_tokens);
  for (const auto* paras : {&split, &from_tokens}) {
    ASSERT_EQ(paras->size(), layout.paragraphs.size()) << text;
    for (size_t i = 0; i < paras->size(); ++i) {
      ASSERT_EQ((*paras)[i].start, layout.paragraphs[i].start) << text;
      ASSERT_EQ((*paras)[i].end, layout.paragraphs[i].end) << text;
    }
  }
}

TEST(TextInvariants, RandomFragments) {
  std::mt19937 rng(20250117);
  for (int round = 0; round < 3000; ++round) {
    ExpectValid(RandomText(rng, 1 + round % 60));
    if (HasFatalFailure()) return;
  }
}

TEST(TextInvariants, RandomBytes) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string s(static_cast<size_t>(round % 80), '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    ExpectValid(s);
    if (HasFatalFailure()) return;
  }
}

TEST(TextInvariants, RandomAsciiPunctuationHeavy) {
  std::mt19937 rng(7);
  const std::string alphabet = "aA1 .\n'\"-,:/@#()!?&_";
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (int round = 0; round < 3000; ++round) {
    std::string s(static_cast<size_t>(1 + round % 40), ' ');
    for (char& c : s) c = alphabet[pick(rng)];
    ExpectValid(s);
    if (HasFatalFailure()) return;
  }
}

TEST(TextInvariants, CheckerCatchesBrokenLayouts) {
  const std::string text = "One two. Three.";
  TextLayout layout;
  AnalyzeText(text, &layout);
  ASSERT_TRUE(CheckTextLayout(text, layout).ok());
  TextLayout dropped = layout;
  dropped.tokens.erase(dropped.tokens.begin() + 1);
  EXPECT_FALSE(CheckTextLayout(text, dropped).ok());
  TextLayout crossed = layout;
  crossed.sentences[0].end += 1;
  EXPECT_FALSE(CheckTextLayout(text, crossed).ok());
  TextLayout uncovered = layout;
  uncovered.sentences.pop_back();
  EXPECT_FALSE(CheckTextLayout(text, uncovered).ok());
}

}  // namespace
}  // namespace annals
