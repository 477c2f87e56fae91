// Store round trip: what StoreWriter::Put writes, LoadArticle reads back
// unchanged; re-putting is idempotent; a changed article replaces its facts.
#include <gtest/gtest.h>

#include <filesystem>

#include "extract/doc_json.h"
#include "store/article_loader.h"
#include "store/day_range.h"
#include "store/schema.h"
#include "store/store_writer.h"

namespace annals {
namespace {

std::string TempDb(const char* name) {
  auto p = std::filesystem::temp_directory_path() / (std::string("annals_store_test_") + name + ".db");
  std::filesystem::remove(p);
  std::filesystem::remove(p.string() + "-wal");
  std::filesystem::remove(p.string() + "-shm");
  return p.string();
}

// An article with one fact of every kind (hand-made: the extractors fill
// these after merge).
AnnotatedDoc SampleDoc(const std::string& id, const std::string& date) {
  AnnotatedDoc ad;
  ad.doc.id = id;
  ad.doc.date = *ParseIsoDate(date);
  ad.doc.title = "Baku remembers";
  ad.doc.text = "Sabina Aliyeva said: \"We remember.\" Soldiers killed 147 people in Baku on 20 January 1990.";
  ad.doc.source = "Example News";
  ad.doc.url = "https://example.org/a";
  ad.doc.language = "en";
  ad.entities.push_back(Entity{"Sabina Aliyeva", EntityType::kPerson, 1, "ombudsperson", "Azerbaijan"});
  ad.entities.push_back(Entity{"Baku", EntityType::kLocation, 1, "", ""});
  ad.mentions.push_back(EntityMention{0, 14, EntityType::kPerson, 0});
  ad.mentions.push_back(EntityMention{73, 77, EntityType::kLocation, 1});
  TimeExpr t;
  t.start = 81;
  t.end = 96;
  t.value = "1990-01-20";
  ad.times.push_back(t);
  ad.event_dates.push_back("1990-01-20");
  Count c;
  c.number = 147;
  c.victims = "people";
  c.place = "Baku";
  c.date = "1990-01";
  c.start = 53;
  c.end = 69;
  ad.counts.push_back(c);
  Quote q;
  q.start = 22;
  q.end = 34;
  q.cue = "said";
  q.cue_start = 15;
  q.cue_end = 19;
  q.speaker = Speaker{"Sabina Aliyeva", "Sabina Aliyeva", 0, 14, "PERSON", "ombudsperson", 0};
  ad.quotes.push_back(q);
  Quote q2;  // no speaker at all
  q2.kind = QuoteKind::kFragment;
  q2.start = 23;
  q2.end = 25;
  ad.quotes.push_back(q2);
  return ad;
}

std::string Json(const AnnotatedDoc& ad) {
  std::string out;
  DocJsonOptions o;
  o.with_text = true;
  AppendDocJson(ad, o, &out);
  return out;
}

int64_t Count(SqliteDb* db, const std::string& sql) { return *db->QueryInt(sql); }

TEST(StoreTest, RoundTripKeepsEveryFact) {
  auto w = StoreWriter::Open(TempDb("roundtrip"));
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  AnnotatedDoc ad = SampleDoc("a1", "2020-01-20");
  ASSERT_TRUE((*w)->Begin().ok());
  auto r = (*w)->Put(ad, 1000);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, PutOutcome::kAdded);
  ASSERT_TRUE((*w)->Commit().ok());
  auto key = FindArticleKey((*w)->db(), "a1");
  ASSERT_TRUE(key.ok() && key->has_value());
  auto back = LoadArticle((*w)->db(), **key);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(Json(back->doc), Json(ad));
  EXPECT_EQ(back->ingested_at, 1000);
  // The count's month-precision date is an extra event date (for event:), not
  // part of the round trip.
  EXPECT_EQ(Count((*w)->db(), "SELECT count(*) FROM event_dates WHERE from_count = 1"), 1);
  EXPECT_EQ(Count((*w)->db(), "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'remember'"), 1);
}

TEST(StoreTest, PutIsIdempotentAndReplacesChangedArticles) {
  auto w = StoreWriter::Open(TempDb("idempotent"));
  ASSERT_TRUE(w.ok());
  SqliteDb* db = (*w)->db();
  AnnotatedDoc ad = SampleDoc("a1", "2020-01-20");
  ASSERT_TRUE((*w)->Begin().ok());
  EXPECT_EQ(*(*w)->Put(ad, 1), PutOutcome::kAdded);
  EXPECT_EQ(*(*w)->Put(ad, 2), PutOutcome::kUnchanged);
  AnnotatedDoc changed = ad;
  changed.doc.text += " More.";
  changed.quotes.pop_back();
  changed.doc.date = *ParseIsoDate("2021-05-01");
  EXPECT_EQ(*(*w)->Put(changed, 3), PutOutcome::kUpdated);
  ASSERT_TRUE((*w)->Commit().ok());
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM quotes"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM entities"), 2);
  // names.articles counts each name's articles exactly, the replaced one's
  // rows (pending in the same batch) taken back.
  EXPECT_EQ(Count(db, "SELECT count(*) FROM names WHERE articles != "
                      "(SELECT count(DISTINCT article) FROM entities e WHERE e.name_id = names.id)"),
            0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'more'"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'remember'"), 1);
  auto key = FindArticleKey(db, "a1");
  auto back = LoadArticle(db, **key);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(Json(back->doc), Json(changed));
  // The FTS index agrees with its content table.
  EXPECT_TRUE(db->Exec("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')").ok());
}

// articles_fts and names_fts are written once per batch, in key order
// (StoreWriter::InsertPendingFts): articles whose dates run backwards, names
// new in each batch, and replacements of articles of an earlier batch must
// all end up in both FTS indexes exactly as in their content tables.
TEST(StoreTest, FtsIndexesFollowBatchesInAnyDateOrder) {
  auto w = StoreWriter::Open(TempDb("fts_batches"));
  ASSERT_TRUE(w.ok());
  SqliteDb* db = (*w)->db();
  auto doc = [](int i, const char* word) {
    AnnotatedDoc ad = SampleDoc("d" + std::to_string(i), "20" + std::to_string(10 + i % 15) + "-0" +
                                                             std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10));
    ad.doc.text += std::string(" ") + word + std::to_string(i % 3) + ".";
    ad.entities.push_back(Entity{"Person" + std::to_string(i), EntityType::kPerson, 1, "", ""});
    return ad;
  };
  ASSERT_TRUE((*w)->Begin().ok());
  // More than the 1000 keys InsertFtsRows puts in one statement.
  for (int i = 2200; i > 0; --i) ASSERT_EQ(*(*w)->Put(doc(i, "alpha"), 1), PutOutcome::kAdded);
  ASSERT_TRUE((*w)->Commit().ok());
  ASSERT_TRUE((*w)->Begin().ok());
  for (int i = 1; i <= 10; ++i) ASSERT_EQ(*(*w)->Put(doc(i * 4, "beta"), 2), PutOutcome::kUpdated);
  for (int i = 2201; i <= 2205; ++i) ASSERT_EQ(*(*w)->Put(doc(i, "gamma"), 2), PutOutcome::kAdded);
  ASSERT_TRUE((*w)->Commit().ok());
  EXPECT_TRUE(db->Exec("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')").ok());
  EXPECT_TRUE(db->Exec("INSERT INTO names_fts(names_fts) VALUES('integrity-check')").ok());
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'remember'"), 2205);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'alpha0 OR alpha1 OR alpha2'"), 2190);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'beta0 OR beta1 OR beta2'"), 10);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'gamma0 OR gamma1 OR gamma2'"), 5);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'beta1'"), 4);  // 4, 16, 28, 40
  EXPECT_EQ(Count(db, "SELECT count(*) FROM names_fts WHERE names_fts MATCH 'person2204'"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM names_fts WHERE names_fts MATCH 'person*'"), 2205);
  // The fact rows, inserted per table in key order at each commit, are
  // all there, the replaced articles' old rows gone.
  EXPECT_EQ(Count(db, "SELECT count(*) FROM entities e JOIN names n ON n.id = e.name_id WHERE n.name LIKE 'Person%'"),
            2205);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM (SELECT article FROM entities GROUP BY article)"), 2205);
  // names.articles counts each name's articles exactly, the replaced one's
  // rows (pending in the same batch) taken back.
  EXPECT_EQ(Count(db, "SELECT count(*) FROM names WHERE articles != "
                      "(SELECT count(DISTINCT article) FROM entities e WHERE e.name_id = names.id)"),
            0);
}

TEST(StoreTest, RolledBackBatchLeavesNothing) {
  const std::string path = TempDb("rollback");
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Begin().ok());
    ASSERT_TRUE((*w)->Put(SampleDoc("a1", "2020-01-20"), 1).ok());
    // Destroyed without Commit: like a crash before the commit.
  }
  auto w = StoreWriter::Open(path);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(Count((*w)->db(), "SELECT count(*) FROM articles"), 0);
  EXPECT_EQ(Count((*w)->db(), "SELECT count(*) FROM entities"), 0);
}

// Regression: the writer caches name ids; a rollback removes the names rows
// it inserted, so the cache must not hand their ids out afterwards.
TEST(StoreTest, NameIdsAfterRollbackPointAtStoredNames) {
  auto w = StoreWriter::Open(TempDb("rollback_names"));
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->Begin().ok());
  ASSERT_TRUE((*w)->Put(SampleDoc("a1", "2020-01-20"), 1).ok());
  (*w)->Rollback();
  ASSERT_TRUE((*w)->Begin().ok());
  ASSERT_TRUE((*w)->Put(SampleDoc("a1", "2020-01-20"), 1).ok());
  ASSERT_TRUE((*w)->Commit().ok());
  SqliteDb* db = (*w)->db();
  EXPECT_EQ(Count(db, "SELECT count(*) FROM entities"), 2);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM entities e JOIN names n ON n.id = e.name_id AND n.type = e.type"), 2);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM quotes q JOIN names n ON n.id = q.speaker_name_id"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM names_fts WHERE names_fts MATCH 'aliyeva'"), 1);
}

TEST(StoreTest, KeysFollowPublicationDate) {
  auto w = StoreWriter::Open(TempDb("keys"));
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->Begin().ok());
  // Inserted out of date order; the undated one sorts first.
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"late", "2024-06-30"}, {"early", "1990-01-19"}, {"mid", "2005"}, {"early2", "1990-01-19"}};
  for (const auto& [id, date] : docs) ASSERT_TRUE((*w)->Put(SampleDoc(id, date), 1).ok());
  AnnotatedDoc undated = SampleDoc("undated", "2020-01-01");
  undated.doc.date = Date();
  ASSERT_TRUE((*w)->Put(undated, 1).ok());
  ASSERT_TRUE((*w)->Commit().ok());
  auto s = (*w)->db()->Prepare("SELECT ext_id FROM articles ORDER BY id");
  ASSERT_TRUE(s.ok());
  std::vector<std::string> order;
  Status st;
  while ((*s)->Step(&st)) order.push_back((*s)->Str(0));
  EXPECT_EQ(order, (std::vector<std::string>{"undated", "early", "early2", "mid", "late"}));
}

TEST(StoreTest, RefusesForeignDatabases) {
  const std::string path = TempDb("foreign");
  {
    auto db = SqliteDb::Open(path, SqliteOpenOptions());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("CREATE TABLE t(x)").ok());
  }
  auto w = StoreWriter::Open(path);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("not an annals archive"), std::string::npos);
}

struct DayCase {
  const char* value;
  bool ok;
  const char* first;
  const char* last;
};

TEST(DayRangeTest, TimexValues) {
  const DayCase cases[] = {
      {"1990-01-19", true, "1990-01-19", "1990-01-19"},
      {"1990-01-19T10:30", true, "1990-01-19", "1990-01-19"},
      {"1990-01", true, "1990-01-01", "1990-01-31"},
      {"1990", true, "1990-01-01", "1990-12-31"},
      {"199X", true, "1990-01-01", "1999-12-31"},
      {"19XX", true, "1900-01-01", "1999-12-31"},
      {"2020-W01", true, "2019-12-30", "2020-01-05"},
      {"2024-Q2", true, "2024-04-01", "2024-06-30"},
      {"2024-SU", true, "2024-06-01", "2024-08-31"},
      {"XXXX-01-21", false, "", ""},
      {"P35Y", false, "", ""},
      {"PAST_REF", false, "", ""},
      {"1990-02-30", false, "", ""},
      {"1990-13", false, "", ""},
  };
  for (const DayCase& c : cases) {
    DayRange r;
    ASSERT_EQ(TimexDayRange(c.value, &r), c.ok) << c.value;
    if (!c.ok) continue;
    EXPECT_EQ(CivilFromDays(r.first).ToIso(), c.first) << c.value;
    EXPECT_EQ(CivilFromDays(r.last).ToIso(), c.last) << c.value;
  }
}

}  // namespace
}  // namespace annals
