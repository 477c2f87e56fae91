// ScanWords: words, their bounds and flags, and the same words wherever the
// text sits in a longer one (a scan in 16-byte steps was tried and gave no
// gain on Reuters; this test held it to the byte loop).
#include "quotes/words.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace annals {
namespace {

std::vector<std::string> Texts(const std::string& t, const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const Word& w : words) out.push_back(t.substr(w.start, w.end - w.start) + "/" + std::to_string(w.flags));
  return out;
}

std::vector<std::string> Scan(const std::string& t) {
  std::vector<Word> words;
  ScanWords(t, &words);
  return Texts(t, words);
}

TEST(ScanWordsTest, WordsJoinersAndFlags) {
  const std::string t = "Azerbaijan’s Jean-Luc don't U.S. 3.5 NATO added.Aliyeva São Paulo «Baku» x";
  std::vector<std::string> want = {
      "Azerbaijan’s/17", "Jean-Luc/1", "don't/0", "U.S/5", "3.5/8", "NATO/5", "added/2", "Aliyeva/1",
      "São/1",           "Paulo/1",    "Baku/1",  "x/2"};
  EXPECT_EQ(Scan(t), want);
}

// A period before a capitalised web domain ending joins ("News.Az",
// "NEWS.AZ", "Salon.Com"); before a word that is also an ending ("It",
// "In"), a longer word or a lower-case-then-capital mix it does not.
TEST(ScanWordsTest, WebDomainNames) {
  EXPECT_EQ(Scan("News.Az reports"), std::vector<std::string>({"News.Az/1", "reports/2"}));
  EXPECT_EQ(Scan("NEWS.AZ, Salon.Com."), std::vector<std::string>({"NEWS.AZ/5", "Salon.Com/1"}));
  EXPECT_EQ(Scan("said.It added.In News.Azeri"),
            std::vector<std::string>({"said/2", "It/1", "added/2", "In/1", "News/1", "Azeri/1"}));
  EXPECT_TRUE(DomainSuffixAt("Trend.Az", 5));
  EXPECT_FALSE(DomainSuffixAt("Trend.aZ", 5));
  EXPECT_FALSE(DomainSuffixAt("Trend.Az\xC3\xA9", 5));
  EXPECT_FALSE(DomainSuffixAt(".Az", 0));
}

// Random texts over letters, digits, joiners, quote marks and multi-byte
// letters: the words of a text, of the text after a few spaces and of the
// text before 40 spaces are the same words.
TEST(ScanWordsTest, SameWordsAtEveryAlignment) {
  const std::vector<std::string> pieces = {"a", "B", "z", "Q", "7", "0", " ", "  ", ".", ",", "'", "-", "’", "“",
                                           "”", "é", "Ö", "ß", "—", "\xC2\xA0", "s", "S", "\n", "!", "a.b", "U.S"};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string t;
    const int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) t += pieces[rng() % pieces.size()];
    const std::vector<std::string> base = Scan(t);
    for (int shift = 1; shift < 17; shift += 5) EXPECT_EQ(Scan(std::string(shift, ' ') + t), base) << t;
    EXPECT_EQ(Scan(t + std::string(40, ' ')), base) << t;
    EXPECT_EQ(Scan(std::string(3, ' ') + t + std::string(40, ' ')), base) << t;
  }
}

}  // namespace
}  // namespace annals
