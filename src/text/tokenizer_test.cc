// Table-driven tokenizer tests: {text, expected tokens} for every case real
// news throws at the tokenizer, plus flag and kind checks.
#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>
#include <vector>

namespace annals {
namespace {

// Tokens of `text` joined with '|' (no token holds a '|' in these tables).
std::string Toks(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += '|';
    out += t.text(text);
  }
  return out;
}

struct TokCase {
  const char* text;      // input
  const char* expected;  // tokens joined with '|'
};

class TokenizeTable : public ::testing::TestWithParam<TokCase> {};

TEST_P(TokenizeTable, Splits) { EXPECT_EQ(Toks(GetParam().text), GetParam().expected) << GetParam().text; }

const TokCase kAbbreviations[] = {
    {"Mr. Smith", "Mr.|Smith"},
    {"Mrs. Dalloway and Dr. Who", "Mrs.|Dalloway|and|Dr.|Who"},
    {"St. Petersburg", "St.|Petersburg"},
    {"the U.S. and the U.K. agreed", "the|U.S.|and|the|U.K.|agreed"},
    {"on Jan. 20 and Feb. 3", "on|Jan.|20|and|Feb.|3"},
    {"Gen. Lee, Lt. Dan, Sen. Ray, Rep. Ann, Gov. Bo",
     "Gen.|Lee|,|Lt.|Dan|,|Sen.|Ray|,|Rep.|Ann|,|Gov.|Bo"},
    {"Apple Inc. and Acme Corp. and Foo Ltd.", "Apple|Inc.|and|Acme|Corp.|and|Foo|Ltd."},
    {"No. 5 and No.6", "No.|5|and|No.|6"},
    {"There was no. Then", "There|was|no|.|Then"},
    {"J. R. R. Tolkien", "J.|R.|R.|Tolkien"},
    {"J.R.R. Tolkien", "J.R.R.|Tolkien"},
    {"at 5 a.m. or 7 p.m.", "at|5|a.m.|or|7|p.m."},
    {"fruit, e.g., apples, i.e. food", "fruit|,|e.g.|,|apples|,|i.e.|food"},
    {"pears etc.", "pears|etc."},
    {"Ph.D. student", "Ph.D.|student"},
    {"MR. SMITH", "MR.|SMITH"},
    {"He sat. Then", "He|sat|.|Then"},
    {"in Calif. and Wash.", "in|Calif.|and|Wash."},
};
INSTANTIATE_TEST_SUITE_P(Abbreviations, TokenizeTable, ::testing::ValuesIn(kAbbreviations));

const TokCase kNumbers[] = {
    {"1,200.5 people", "1,200.5|people"},
    {"up 3.5%", "up|3.5|%"},
    {"$1.2bn deal", "$|1.2bn|deal"},
    {"at 19:30 on 2025-01-17", "at|19:30|on|2025-01-17"},
    {"born 1/20/1990", "born|1/20/1990"},
    {"the 21st and 2nd and 3rd", "the|21st|and|2nd|and|3rd"},
    {"a 12-year-old boy", "a|12-year-old|boy"},
    {"19 to 20, 1990, in", "19|to|20|,|1990|,|in"},
    {"in 1990.The", "in|1990|.|The"},
    {"5.93 mln", "5.93|mln"},
    {"COVID-19 and G7", "COVID-19|and|G7"},
    {"€5 or £10", "€|5|or|£|10"},
};
INSTANTIATE_TEST_SUITE_P(Numbers, TokenizeTable, ::testing::ValuesIn(kNumbers));

const TokCase kWeb[] = {
    {"see https://example.com/a?b=1.", "see|https://example.com/a?b=1|."},
    {"(http://en.wikipedia.org/wiki/Foo_(bar))", "(|http://en.wikipedia.org/wiki/Foo_(bar)|)"},
    {"visit www.news.az, now", "visit|www.news.az|,|now"},
    {"mail john.smith@example.co.uk.", "mail|john.smith@example.co.uk|."},
    {"ping @user_1 and #MeToo but #1", "ping|@user_1|and|#MeToo|but|#|1"},
    {"News.Az reports", "News.Az|reports"},
    {"on Amazon.com today", "on|Amazon.com|today"},
};
INSTANTIATE_TEST_SUITE_P(Web, TokenizeTable, ::testing::ValuesIn(kWeb));

const TokCase kPunctuation[] = {
    {"Wait... what", "Wait|...|what"},
    {"Wait… what", "Wait|…|what"},
    {"so . . . then", "so|. . .|then"},
    {"What?! No!!", "What|?!|No|!!"},
    {"war – peace — love -- hate", "war|–|peace|—|love|--|hate"},
    {"Jean-Luc is well-known", "Jean-Luc|is|well-known"},
    {"pre- and post-war", "pre|-|and|post-war"},
    {"(Ombudsman) [sic] {x}", "(|Ombudsman|)|[|sic|]|{|x|}"},
    {"a;b:c", "a|;|b|:|c"},
    {"AT&T and S&P 500 and R & D", "AT&T|and|S&P|500|and|R|&|D"},
    {"and/or June/July", "and|/|or|June|/|July"},
};
INSTANTIATE_TEST_SUITE_P(Punctuation, TokenizeTable, ::testing::ValuesIn(kPunctuation));

const TokCase kQuotesAndClitics[] = {
    {"“It has been,” she said", "“|It|has|been|,|”|she|said"},
    {"\"It has been,\" she said", "\"|It|has|been|,|\"|she|said"},
    {"as ‘crime against humanity’", "as|‘|crime|against|humanity|’"},
    {"Azerbaijan’s people", "Azerbaijan|’s|people"},
    {"Azerbaijan's people", "Azerbaijan|'s|people"},
    {"AZERBAIJAN'S", "AZERBAIJAN|'S"},
    {"don't can't won't", "do|n't|ca|n't|wo|n't"},
    {"they're we've I'll he'd I'm", "they|'re|we|'ve|I|'ll|he|'d|I|'m"},
    {"O'Neill and rock'n'roll", "O'Neill|and|rock'n'roll"},
    {"workers' rights", "workers|'|rights"},
    {"the Joneses’ house", "the|Joneses|’|house"},
    {"reports.“It", "reports|.|“|It"},
    {"humanity,” she", "humanity|,|”|she"},
    {"«Oui» „Ja“", "«|Oui|»|„|Ja|“"},
};
INSTANTIATE_TEST_SUITE_P(QuotesAndClitics, TokenizeTable, ::testing::ValuesIn(kQuotesAndClitics));

const TokCase kGlued[] = {
    {"News.Az reports.“It has", "News.Az|reports|.|“|It|has"},
    {"she recalled.“In order", "she|recalled|.|“|In|order"},
    {"she added.Aliyeva emphasized", "she|added|.|Aliyeva|emphasized"},
    {"said.It was", "said|.|It|was"},
    {"Reuters.The end", "Reuters|.|The|end"},
    {"independence.”“The", "independence|.|”|“|The"},
};
INSTANTIATE_TEST_SUITE_P(Glued, TokenizeTable, ::testing::ValuesIn(kGlued));

const TokCase kUnicode[] = {
    {"Müller naïve café", "Müller|naïve|café"},
    {"Zürich’s", "Zürich|’s"},
    {"Δελφοί and Москва.", "Δελφοί|and|Москва|."},
    {"a\u00a0b", "a|b"},                  // no-break space separates
    {"soft\u00adhyphen", "soft\u00adhyphen"},  // soft hyphen glues
    {"word\u200b next", "word|next"},     // zero-width space outside a word is skipped
    {"", ""},
    {"   \n\n  ", ""},
};
INSTANTIATE_TEST_SUITE_P(Unicode, TokenizeTable, ::testing::ValuesIn(kUnicode));

// Flags and kinds.
Token Find(std::string_view text, const std::vector<Token>& tokens, std::string_view s, int nth = 0) {
  for (const Token& t : tokens)
    if (t.text(text) == s && nth-- == 0) return t;
  ADD_FAILURE() << "no token " << s;
  return Token{};
}

TEST(TokenizeFlags, QuotesOpenAndClose) {
  const std::string text = "\"Yes,\" he said. \"No.\" 'Maybe' “x” ‘y’ reports.\"It\"";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  EXPECT_TRUE(Find(text, tokens, "\"", 0).has(kTokOpenQuote));
  EXPECT_FALSE(Find(text, tokens, "\"", 1).has(kTokOpenQuote));
  EXPECT_TRUE(Find(text, tokens, "\"", 2).has(kTokOpenQuote));
  EXPECT_FALSE(Find(text, tokens, "\"", 3).has(kTokOpenQuote));
  EXPECT_TRUE(Find(text, tokens, "'", 0).has(kTokOpenQuote));
  EXPECT_FALSE(Find(text, tokens, "'", 1).has(kTokOpenQuote));
  EXPECT_TRUE(Find(text, tokens, "“").has(kTokOpenQuote));
  EXPECT_FALSE(Find(text, tokens, "”").has(kTokOpenQuote));
  EXPECT_TRUE(Find(text, tokens, "”").has(kTokQuote));
  EXPECT_TRUE(Find(text, tokens, "‘").has(kTokOpenQuote));
  EXPECT_FALSE(Find(text, tokens, "’").has(kTokOpenQuote));
  // Glued straight quote after a period: opens (no quote was open), then closes.
  EXPECT_TRUE(Find(text, tokens, "\"", 4).has(kTokOpenQuote));
  EXPECT_FALSE(Find(text, tokens, "\"", 5).has(kTokOpenQuote));
}

TEST(TokenizeFlags, CaseDigitsAndSpace) {
  const std::string text = "USSR Baku the 21st iPhone x\nY";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_TRUE(tokens[0].has(kTokAllCaps));
  EXPECT_TRUE(tokens[0].has(kTokCapitalized));
  EXPECT_TRUE(tokens[0].has(kTokSpaceBefore));
  EXPECT_TRUE(tokens[1].has(kTokCapitalized));
  EXPECT_FALSE(tokens[1].has(kTokAllCaps));
  EXPECT_TRUE(tokens[2].has(kTokLower));
  EXPECT_EQ(tokens[3].kind, TokenKind::kNumber);
  EXPECT_TRUE(tokens[3].has(kTokHasDigit));
  EXPECT_TRUE(tokens[4].has(kTokLower));
  EXPECT_FALSE(tokens[6].has(kTokNewlineBefore) && !tokens[6].has(kTokSpaceBefore));
  EXPECT_TRUE(tokens[6].has(kTokNewlineBefore));
}

TEST(TokenizeFlags, KindsAbbrevCliticDash) {
  const std::string text = "Mr. Smith’s site http://a.b/c, @x #y – $";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  EXPECT_TRUE(Find(text, tokens, "Mr.").has(kTokAbbrev));
  EXPECT_FALSE(Find(text, tokens, "Smith").has(kTokAbbrev));
  EXPECT_TRUE(Find(text, tokens, "’s").has(kTokClitic));
  EXPECT_FALSE(Find(text, tokens, "’s").has(kTokSpaceBefore));
  EXPECT_EQ(Find(text, tokens, "http://a.b/c").kind, TokenKind::kUrl);
  EXPECT_EQ(Find(text, tokens, "@x").kind, TokenKind::kHandle);
  EXPECT_EQ(Find(text, tokens, "#y").kind, TokenKind::kHandle);
  EXPECT_TRUE(Find(text, tokens, "–").has(kTokDash));
  EXPECT_EQ(Find(text, tokens, "–").kind, TokenKind::kPunct);
  EXPECT_EQ(Find(text, tokens, "$").kind, TokenKind::kSymbol);
  EXPECT_EQ(Find(text, tokens, ",").kind, TokenKind::kPunct);
}

TEST(TokenizeFlags, ParagraphStarts) {
  const std::string text = "One two.\n\nThree.\n    Four";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  EXPECT_TRUE(Find(text, tokens, "One").has(kTokParaStart));
  EXPECT_FALSE(Find(text, tokens, "two").has(kTokParaStart));
  EXPECT_TRUE(Find(text, tokens, "Three").has(kTokParaStart));
  EXPECT_TRUE(Find(text, tokens, "Four").has(kTokParaStart));
}

// Regression: bytes that are not UTF-8 never crash and come out as tokens.
TEST(TokenizeRobustness, InvalidBytes) {
  const std::string text = "ab\xff\xfe c\xc3 \xe2\x80 d\x80";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  ASSERT_FALSE(tokens.empty());
  for (const Token& t : tokens) {
    EXPECT_LT(t.start, t.end);
    EXPECT_LE(t.end, text.size());
  }
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

// Differential check of the word scan (eight bytes at a time) against a
// byte-by-byte reference for the case and digit flags, on random ASCII words
// of every length around the 8-byte stride.
TEST(TokenizeFlags, WordFlagsMatchReference) {
  std::mt19937 rng(99);
  const std::string alphabet = "aZbY0c9XdW";
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (int round = 0; round < 5000; ++round) {
    std::string word(static_cast<size_t>(1 + round % 23), 'a');
    for (char& c : word) c = alphabet[pick(rng)];
    const std::string text = "x " + word + " y";
    std::vector<Token> tokens;
    Tokenize(text, &tokens);
    ASSERT_EQ(tokens.size(), 3u) << text;
    const Token& t = tokens[1];
    ASSERT_EQ(t.text(text), word);
    int upper = 0, lower = 0, digit = 0;
    char first_letter = 0;
    for (char c : word) {
      if (std::isupper(static_cast<unsigned char>(c))) ++upper;
      if (std::islower(static_cast<unsigned char>(c))) ++lower;
      if (std::isdigit(static_cast<unsigned char>(c))) ++digit;
      if (first_letter == 0 && std::isalpha(static_cast<unsigned char>(c))) first_letter = c;
    }
    EXPECT_EQ(t.has(kTokHasDigit), digit > 0) << word;
    EXPECT_EQ(t.has(kTokAllCaps), lower == 0 && upper >= 2) << word;
    EXPECT_EQ(t.has(kTokCapitalized), first_letter != 0 && std::isupper(static_cast<unsigned char>(first_letter)))
        << word;
    EXPECT_EQ(t.has(kTokLower), first_letter != 0 && std::islower(static_cast<unsigned char>(first_letter))) << word;
    EXPECT_EQ(t.kind, std::isdigit(static_cast<unsigned char>(word[0])) ? TokenKind::kNumber : TokenKind::kWord);
  }
}

}  // namespace
}  // namespace annals
