// Analyzer tests: unicode61 + remove_diacritics 2 + porter, table-driven, and
// a differential test against SQLite FTS5 itself (fts5vocab 'instance'
// table): on the bundled Wikinews sample and on tricky Unicode, every token
// position must carry the same term in both.
#include "index/analyzer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "index/porter_stemmer.h"

namespace annals::index {
namespace {

TEST(PorterStemmerTest, Table) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"caresses", "caress"}, {"ponies", "poni"},       {"ties", "ti"},          {"caress", "caress"},
      {"cats", "cat"},        {"feed", "feed"},         {"agreed", "agre"},      {"plastered", "plaster"},
      {"motoring", "motor"},  {"sing", "sing"},         {"conflated", "conflat"}, {"hopping", "hop"},
      {"falling", "fall"},    {"filing", "file"},       {"happy", "happi"},      {"relational", "relat"},
      {"police", "polic"},    {"killed", "kill"},       {"generalizations", "gener"}, {"ab", "ab"},
      {"electricity", "electr"}, {"running", "run"},    {"is", "is"},
  };
  std::string out;
  for (const Case& c : cases) {
    PorterStem(c.in, &out);
    EXPECT_EQ(out, c.want) << c.in;
  }
}

// StemPrefixKey(stem(w)) must be a prefix of w for every word w: snippets
// skip stemming words that do not start with a query term's key.
void ExpectStemKeysArePrefixes(std::string_view text, size_t* words) {
  std::string stem;
  Analyze(text, /*stem=*/false, [&](const AnalyzedToken& t) {
    PorterStem(t.term, &stem);
    const std::string_view key = StemPrefixKey(stem);
    ++*words;
    EXPECT_EQ(t.term.substr(0, key.size()), key) << "word '" << t.term << "' stem '" << stem << "'";
  });
}

TEST(PorterStemmerTest, StemPrefixKeyStartsEveryWordWithThatStem) {
  size_t words = 0;
  // Every rule that rewrites rather than cuts, and chains of them.
  ExpectStemKeysArePrefixes(
      "sensibility sensibilities possibly agencies agency activity relational conflated hopping happy "
      "organization organizations generalization digitizer operator ies ties sky skies electricity "
      "formality hopefulness decisiveness callousness vietnamization predication rational valency "
      "hesitancy conformably radically differently vilely analogously analogy archaeology traditional",
      &words);
  std::ifstream wiki(std::string(ANNALS_SOURCE_DIR) + "/samples/wikinews/wikinews_2019.csv");
  std::stringstream all;
  if (wiki) all << wiki.rdbuf();
  for (int i = 0; i < 22; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "/corpus/reuters21578/reut2-%03d.sgm", i);
    std::ifstream in(std::string(ANNALS_SHARED_DATA) + name, std::ios::binary);
    if (in) all << in.rdbuf();
  }
  ExpectStemKeysArePrefixes(all.str(), &words);
  EXPECT_GT(words, 100u);
}

TEST(AnalyzerTest, Table) {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"Police killed 12 protesters", {"polic", "kill", "12", "protest"}},
      {"Café São Paulo ÉCOLE", {"cafe", "sao", "paulo", "ecol"}},
      {"U.S.-led e-mail", {"u", "s", "led", "e", "mail"}},
      {"naïve Zürich Łódź", {"naiv", "zurich", "łodz"}},
      {"", {}},
      {"... --- !!!", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(AnalyzeToTerms(c.text), c.want) << c.text;
  EXPECT_EQ(NormalizeKeyword("  Sabina   ALIYEVA "), "sabina aliyeva");
}

TEST(AnalyzerTest, OffsetsPointAtTheToken) {
  std::string text = "Über  die Brücke";
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  Analyze(text, true, [&](const AnalyzedToken& t) { spans.push_back({t.begin, t.end}); });
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(text.substr(spans[0].first, spans[0].second - spans[0].first), "Über");
  EXPECT_EQ(text.substr(spans[2].first, spans[2].second - spans[2].first), "Brücke");
}

// Terms by position as FTS5 sees them.
std::vector<std::vector<std::string>> Fts5Terms(const std::vector<std::string>& docs) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db,
                         "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2');"
                         "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t(rowid, x) VALUES (?, ?)", -1, &ins, nullptr);
  for (size_t i = 0; i < docs.size(); i++) {
    sqlite3_bind_int64(ins, 1, static_cast<sqlite3_int64>(i + 1));
    sqlite3_bind_text(ins, 2, docs[i].data(), static_cast<int>(docs[i].size()), SQLITE_STATIC);
    EXPECT_EQ(sqlite3_step(ins), SQLITE_DONE);
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  std::vector<std::vector<std::string>> out(docs.size());
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT term, doc, offset FROM v", -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW) {
    std::string term(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), sqlite3_column_bytes(q, 0));
    size_t doc = static_cast<size_t>(sqlite3_column_int64(q, 1)) - 1;
    size_t off = static_cast<size_t>(sqlite3_column_int64(q, 2));
    if (out[doc].size() <= off) out[doc].resize(off + 1);
    out[doc][off] = term;
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  return out;
}

void ExpectSameAsFts5(const std::vector<std::string>& docs) {
  std::vector<std::vector<std::string>> want = Fts5Terms(docs);
  size_t tokens = 0, mismatches = 0;
  for (size_t i = 0; i < docs.size(); i++) {
    std::vector<std::string> got = AnalyzeToTerms(docs[i]);
    tokens += got.size();
    ASSERT_EQ(got.size(), want[i].size()) << "doc " << i << ": " << docs[i].substr(0, 200);
    for (size_t p = 0; p < got.size(); p++) {
      if (got[p] != want[i][p] && ++mismatches <= 20) {
        ADD_FAILURE() << "doc " << i << " position " << p << ": annals '" << got[p] << "' FTS5 '" << want[i][p] << "'";
      }
    }
  }
  EXPECT_EQ(mismatches, 0u) << "of " << tokens << " tokens";
}

TEST(AnalyzerTest, SameTermsAsFts5OnTrickyUnicode) {
  ExpectSameAsFts5({
      "Café naïve coöperate façade résumé ÅNGSTRÖM Ærø Œuvre straße İstanbul",
      "Łódź Gdańsk Kraków Dvořák Škoda Ðakovo Þingvellir",
      "e\xcc\x81t\xc3\xa9 (combining acute) and ﬁne ligatures, ½ ² ③ Ⅻ",
      "Москва Київ Αθήνα 東京 서울 عربي עברית हिन्दी",
      "hyphen-ated words, it's, don't, 1,200.50, 3rd, U.S.A., e-mail@example.com",
      "tabs\tand\nnewlines\r\nand\u00a0nbsp\u2003em-space\u200bzero-width",
      "generalizations conditional relational hopefulness sensitivities",
      "emoji 😀 and symbols © ® ™ € $ £ and mixed ABCdef123ghi",
      "post-6.1 characters: c₿d x₺y 🤔think 🛐w a\u0378b g⹐h x\u061cy",
  });
}

TEST(AnalyzerTest, SameTermsAsFts5OnWikinews) {
  std::ifstream in(std::string(ANNALS_SOURCE_DIR) + "/samples/wikinews/wikinews_2019.csv");
  if (!in) GTEST_SKIP() << "samples/wikinews not found";
  std::vector<std::string> docs;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) docs.push_back(line);
  }
  ASSERT_GT(docs.size(), 100u);
  ExpectSameAsFts5(docs);
}

TEST(AnalyzerTest, SameTermsAsFts5OnReuters) {
  std::ifstream in(std::string(ANNALS_SHARED_DATA) + "/corpus/reuters21578/reut2-000.sgm", std::ios::binary);
  if (!in) GTEST_SKIP() << "../shared/data/corpus/reuters21578 not found";
  std::vector<std::string> docs;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) docs.push_back(line);
  }
  ExpectSameAsFts5(docs);
}

}  // namespace
}  // namespace annals::index
