// Index-path snippets: skipping the chunks no word of which can match gives
// exactly the snippet of reading every chunk, over random long texts with
// matches early, late, absent, spelled with diacritics or across chunk ends.
#include "search/index_snippet.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <set>

#include "core/utf8.h"
#include "index/analyzer.h"
#include "index/porter_stemmer.h"

namespace annals {
namespace {

std::string Stem(const std::string& w) {
  std::string s;
  index::PorterStem(w, &s);
  return s;
}

TEST(FirstPossibleMatchTest, FindsFoldedSpellingsOnly) {
  const std::vector<std::string_view> keys = {"sealdown"};
  EXPECT_EQ(FirstPossibleMatch("the seal went down", 0, keys), std::string_view::npos);
  EXPECT_EQ(FirstPossibleMatch("the SEALDOWNS", 0, keys), 4u);
  EXPECT_EQ(FirstPossibleMatch("a sealdown b sealdown", 3, keys), 13u);
  EXPECT_EQ(FirstPossibleMatch("the S\xC3\xAB" "aldown", 0, keys), 4u) << "diacritic folded";
  EXPECT_EQ(FirstPossibleMatch("\xE2\x80\x9C\xC3\xA9t\xC3\xA9\xE2\x80\x9D", 0, keys), std::string_view::npos)
      << "curly quotes and other letters";
  EXPECT_EQ(FirstPossibleMatch("a \xE2\x80\x9CSealdown\xE2\x80\x9D", 0, keys), 5u);
  EXPECT_EQ(FirstPossibleMatch("x \xC3\x89t\xC3\xA9", 0, {"et"}), 2u) << "a capital with a diacritic";
  EXPECT_EQ(FirstPossibleMatch("unsealdowned", 0, keys), 2u) << "need not start a token";
  EXPECT_EQ(FirstPossibleMatch("sealdow", 0, keys), std::string_view::npos) << "too short at the end";
  EXPECT_EQ(FirstPossibleMatch("abc", 1, {"", "zz"}), 1u) << "an empty key matches anything";
}

// The 16-bytes-at-a-time scan answers as the byte loop does: random texts
// of words, accented letters, curly quotes and invalid bytes, keys with
// ASCII and non-ASCII first bytes, from anywhere.
TEST(FirstPossibleMatchTest, VectorScanAgreesWithTheByteLoop) {
  std::mt19937 rng(29);
  const std::vector<std::string> parts = {"the", "Police", "seal", "S\xC3\xAB" "aldown", "\xC5\x9A" "ealing",
                                          "caf\xC3\xA9", "\xE2\x80\x9C", "K\xE2\x84\xAA", "\xFF", "\xC3",
                                          "\xC3\x89t\xC3\xA9", "sealdown", "\xE5\x8C\x97", " ", ". ", "\n"};
  const std::vector<std::vector<std::string_view>> key_sets = {
      {"sealdown"}, {"polic", "zep"}, {"et", "k"}, {"\xC3\xA9t"}, {"a", "b", "c", "d", "e", "f", "g", "h", "i"}};
  int found = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 300);
    for (int i = 0; i < n; ++i) text += parts[rng() % parts.size()];
    const size_t from = text.empty() ? 0 : rng() % (text.size() + 1);
    const auto& keys = key_sets[rng() % key_sets.size()];
    const size_t want = FirstPossibleMatch(text, from, keys, /*vector=*/false);
    ASSERT_EQ(FirstPossibleMatch(text, from, keys), want) << "round " << round;
    found += want != std::string_view::npos;
  }
  EXPECT_GT(found, 1000);
}

TEST(FirstPossibleMatchTest, LeadBytesFoldingToAsciiAreAllListed) {
  const std::set<unsigned char> listed(std::begin(kLeadsFoldingToAscii), std::end(kLeadsFoldingToAscii));
  int folding = 0;
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (!index::IsTokenChar(cp) && !index::IsDiacriticMark(cp)) continue;
    const char32_t f = index::FoldCodePoint(cp);
    if (f == 0 || f >= 0x80) continue;
    std::string e;
    AppendUtf8(cp, &e);
    EXPECT_TRUE(listed.count(static_cast<unsigned char>(e[0]))) << "U+" << std::hex << static_cast<uint32_t>(cp);
    ++folding;
  }
  EXPECT_GT(folding, 400);  // a sanity check that the loop saw the Latin letters with diacritics (490 now)
}

TEST(IndexSnippetTest, SkippingChunksGivesTheSameSnippet) {
  std::mt19937 rng(17);
  const std::vector<std::string> filler = {"the", "police", "said", "on", "Monday", "that", "seal", "down",
                                           "sea", "S", "SEA", "—", "…", "1990", "caf\xC3\xA9", "sealing",
                                           "\xE2\x80\x9Cwe", "said\xE2\x80\x9D", "it\xE2\x80\x99s"};
  const std::vector<std::string> match = {"sealdown", "Sealdowns", "SEALDOWN", "S\xC3\xAB" "aldown", "\xC5\x9A" "ealdown", "zeppelins"};
  IndexPlan plan;
  plan.mark_terms = {Stem("sealdown"), Stem("zeppelin")};
  int compared = 0;
  for (int round = 0; round < 300; ++round) {
    const size_t len = rng() % 3 == 0 ? rng() % 3000 : 20000 + rng() % 100000;
    const bool ascii_only = rng() % 2;
    // Every third text has up to 11 matches, some close together: windows
    // with several matches, and matches after a chunk's first.
    const bool many = round % 3 == 0;
    const int n_matches = static_cast<int>(rng() % (many ? 12 : 4));  // 0: no match at all
    std::vector<size_t> at;
    const size_t cluster = rng() % (len + 1);
    for (int i = 0; i < n_matches; ++i) at.push_back(many && i % 2 ? std::min(len, cluster + rng() % 400) : rng() % (len + 1));
    std::sort(at.begin(), at.end());
    std::string text;
    size_t next = 0;
    while (text.size() < len) {
      if (next < at.size() && text.size() >= at[next]) {
        text += match[rng() % (ascii_only ? 3 : match.size())];
        ++next;
      } else {
        const std::string& w = filler[rng() % filler.size()];
        if (ascii_only && static_cast<unsigned char>(w[0]) >= 0x80) continue;
        text += w;
      }
      text += rng() % 9 == 0 ? "\n\n" : (rng() % 7 == 0 ? ". " : " ");
    }
    for (int tokens : {1, 8, 20, 64}) {
      std::string a, b;
      std::vector<Highlight> ha, hb;
      IndexSnippet(text, plan, tokens, &a, &ha, /*skip_ahead=*/true);
      IndexSnippet(text, plan, tokens, &b, &hb, /*skip_ahead=*/false);
      ASSERT_EQ(a, b) << "round " << round << " tokens " << tokens;
      ASSERT_EQ(ha.size(), hb.size()) << "round " << round;
      for (size_t i = 0; i < ha.size(); ++i) {
        EXPECT_EQ(ha[i].start, hb[i].start);
        EXPECT_EQ(ha[i].end, hb[i].end);
      }
      ++compared;
    }
  }
  EXPECT_EQ(compared, 1200);
}

// AppendSnippetTokens cuts where index::Analyze cuts and marks what the
// stem rule marks, though it folds only the tokens that may match: random
// texts of ASCII, accented and combining letters, punctuation, curly quotes,
// CJK and invalid UTF-8, with terms and a prefix to mark.
TEST(IndexSnippetTest, TokensAreAnalyzeCutsAndMarksFollowTheStemRule) {
  std::mt19937 rng(23);
  const std::vector<std::string> parts = {"the", "Police", "SAID", "seal", "Sealdowns", "S\xC3\xAB" "aldown",
                                          "\xC5\x9A" "ealing", "e\xCC\x81", "\xCC\x81", "caf\xC3\xA9", "1990",
                                          "\xE2\x80\x9C", "\xE2\x80\x99s", "\xE5\x8C\x97\xE4\xBA\xAC", "\xFF",
                                          "\xC3", "zeppelin", "zep", "K\xE2\x84\xAA", " ", ". ", "-", "\n", "'"};
  IndexPlan plan;
  plan.mark_terms = {Stem("sealdown"), Stem("police")};
  plan.mark_prefixes = {"zep"};
  std::vector<std::string_view> keys;
  for (const std::string& t : plan.mark_terms) keys.push_back(index::StemPrefixKey(t));
  for (const std::string& p : plan.mark_prefixes) keys.push_back(index::StemPrefixKey(p));
  int marked = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    // Some texts long enough to cross many of the byte masks' 64-byte words.
    const int n = static_cast<int>(rng() % (round % 4 == 0 ? 400 : 40));
    for (int i = 0; i < n; ++i) text += parts[rng() % parts.size()];
    const size_t from = text.empty() ? 0 : rng() % (text.size() + 1);
    std::vector<SnippetToken> got;
    AppendSnippetTokens(text, from, text.size(), keys, plan, &got);
    std::vector<SnippetToken> want;
    std::string stem;
    index::Analyze(std::string_view(text).substr(from), /*stem=*/false, [&](const index::AnalyzedToken& t) {
      bool hit = false;
      for (std::string_view k : keys) {
        if (t.term.size() < k.size() || t.term.compare(0, k.size(), k) != 0) continue;
        index::PorterStem(t.term, &stem);
        hit = std::find(plan.mark_terms.begin(), plan.mark_terms.end(), stem) != plan.mark_terms.end();
        for (const std::string& p : plan.mark_prefixes) hit = hit || stem.compare(0, p.size(), p) == 0;
        break;
      }
      want.push_back(SnippetToken{static_cast<uint32_t>(from + t.begin), static_cast<uint32_t>(from + t.end), hit});
    });
    ASSERT_EQ(got.size(), want.size()) << "round " << round;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].begin, want[i].begin) << "round " << round << " token " << i;
      EXPECT_EQ(got[i].end, want[i].end) << "round " << round << " token " << i;
      EXPECT_EQ(got[i].hit, want[i].hit) << "round " << round << " token " << i;
      marked += want[i].hit;
    }
  }
  EXPECT_GT(marked, 500);  // the marks were exercised, not only the cuts
}

}  // namespace
}  // namespace annals
