// Archive API on an archive written with hand-made facts (the extractors
// fill them after merge): fact filters, attached quotes and counts, facets,
// entities, quote and count lists, exports with facts.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "search/archive.h"
#include "store/sqlite_catalog.h"
#include "store/store_writer.h"

namespace annals {
namespace {

AnnotatedDoc Article(const std::string& id, const std::string& date, const std::string& speaker, int killed,
                     const std::string& event) {
  AnnotatedDoc ad;
  ad.doc.id = id;
  ad.doc.date = *ParseIsoDate(date);
  ad.doc.title = "Report " + id;
  // Offsets: speaker at 0; "killed N" evidence; the quote in quotes.
  ad.doc.text = speaker + " said: \"We remember Baku.\" Soldiers killed " + std::to_string(killed) + " people.";
  ad.doc.source = id[0] == 'a' ? "Alpha Wire" : "Beta Times";
  const uint32_t sp_end = static_cast<uint32_t>(speaker.size());
  ad.entities.push_back(Entity{speaker, EntityType::kPerson, 1, "ombudsperson", ""});
  ad.entities.push_back(Entity{"Baku", EntityType::kLocation, 1, "", ""});
  ad.mentions.push_back(EntityMention{0, sp_end, EntityType::kPerson, 0});
  const uint32_t baku = static_cast<uint32_t>(ad.doc.text.find("Baku"));
  ad.mentions.push_back(EntityMention{baku, baku + 4, EntityType::kLocation, 1});
  Quote q;
  q.start = sp_end + 8;
  q.end = static_cast<uint32_t>(ad.doc.text.find("\" Soldiers"));
  q.cue = "said";
  q.cue_start = sp_end + 1;
  q.cue_end = sp_end + 5;
  q.speaker = Speaker{speaker, speaker, 0, sp_end, "PERSON", "ombudsperson", 0};
  ad.quotes.push_back(q);
  Count c;
  c.number = killed;
  c.victims = "people";
  c.place = "Baku";
  c.date = event;
  c.start = static_cast<uint32_t>(ad.doc.text.find("killed"));
  c.end = c.start + 7 + static_cast<uint32_t>(std::to_string(killed).size());
  ad.counts.push_back(c);
  ad.event_dates.push_back(event);
  return ad;
}

// A path for a test's own archive (one per process: ctest runs tests in
// parallel), with no file left from an earlier run.
std::string FreshArchivePath(const std::string& name) {
  const std::string path =
      (std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".db")).string();
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  std::filesystem::remove_all(path + ".index");
  return path;
}

// Writes `docs` into the archive at `path` in one batch.
void Ingest(const std::string& path, const std::vector<AnnotatedDoc>& docs) {
  auto w = StoreWriter::Open(path);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_TRUE((*w)->Begin().ok());
  for (const AnnotatedDoc& d : docs) ASSERT_TRUE((*w)->Put(d, 1).ok());
  ASSERT_TRUE((*w)->Commit().ok());
}

class ArchiveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // ctest runs each test in its own process, in parallel: one file per process.
    path_ = (std::filesystem::temp_directory_path() /
             ("annals_archive_test_" + std::to_string(::getpid()) + ".db")).string();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + s);
    auto w = StoreWriter::Open(path_);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Begin().ok());
    ASSERT_TRUE((*w)->Put(Article("a1", "2025-01-17", "Sabina Aliyeva", 150, "1990-01-20"), 1).ok());
    ASSERT_TRUE((*w)->Put(Article("a2", "2024-01-19", "Sabina Aliyeva", 131, "1990-01"), 1).ok());
    ASSERT_TRUE((*w)->Put(Article("b1", "2020-06-01", "John Smith", 3, "2020-05-30"), 1).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  void SetUp() override {
    auto a = Archive::Open(path_);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    archive_ = std::move(*a);
  }
  std::vector<std::string> Ids(const std::string& query) {
    auto r = archive_->Search(query, SearchOptions());
    EXPECT_TRUE(r.ok()) << query << ": " << r.status().ToString();
    std::vector<std::string> ids;
    if (r.ok())
      for (const auto& h : r->hits) ids.push_back(h.id);
    return ids;
  }
  static std::string path_;
  std::unique_ptr<Archive> archive_;
};
std::string ArchiveTest::path_;

using IdList = std::vector<std::string>;

TEST_F(ArchiveTest, FiltersSelectTheRightArticles) {
  struct Case {
    const char* query;
    IdList ids;  // newest first when no words rank them
  };
  const Case cases[] = {
      {"said:\"Sabina Aliyeva\"", {"a1", "a2"}},
      {"said:aliyeva", {"a1", "a2"}},
      {"said:\"Aliyeva Sabina\"", {}},  // words in order
      {"person:smith", {"b1"}},
      {"place:baku", {"a1", "a2", "b1"}},
      {"org:baku", {}},
      {"killed>=100", {"a1", "a2"}},
      {"killed>=100 event:1990", {"a1", "a2"}},
      {"killed>=100 event:1990-01-20", {"a1", "a2"}},  // a2's event is the whole month
      {"killed>=100 event:1991", {}},
      {"killed<10", {"b1"}},
      {"wounded>=1", {}},
      {"event:2020", {"b1"}},
      {"source:alpha", {"a1", "a2"}},
      {"source:times date:2020", {"b1"}},
      {"has:quote -person:smith", {"a1", "a2"}},
      {"date:2024..2025", {"a1", "a2"}},
      {"before:2024", {"b1"}},
      {"after:2024", {"a1"}},
      {"person:smith OR killed>140", {"a1", "b1"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Ids(c.query), c.ids) << c.query;
}

// The text index and FTS5 find the same articles for every query the index
// path takes (ranking may differ: FTS5 weights the title 4x), and the index
// path is the one used.
TEST_F(ArchiveTest, IndexAndFts5FindTheSameArticles) {
  const char* queries[] = {
      "baku",          "remember baku",       "\"remember baku\"", "rememb*", "remembering*", "soldi*",          "soldiers -smith",
      "baku OR smith", "title:report",        "baku has:quote",    "baku killed>=100", "baku killed>131",
      "baku said:aliyeva", "baku person:\"sabina aliyeva\"", "baku place:baku -person:smith",
      "baku source:alpha", "baku event:1990",  "baku date:2024..2025", "baku before:2024", "baku killed<10",
      "people -\"john smith\"", "baku -(source:beta OR killed>=150)", "nothing",
  };
  for (const char* q : queries) {
    SearchOptions idx;
    auto a = archive_->Search(q, idx);
    ASSERT_TRUE(a.ok()) << q << ": " << a.status().ToString();
    EXPECT_EQ(a->engine, "index") << q;
    SearchOptions fts;
    fts.use_index = false;
    auto b = archive_->Search(q, fts);
    ASSERT_TRUE(b.ok()) << q << ": " << b.status().ToString();
    EXPECT_EQ(b->engine, "fts5") << q;
    std::set<std::string> ia, ib;
    for (const auto& h : a->hits) ia.insert(h.id);
    for (const auto& h : b->hits) ib.insert(h.id);
    EXPECT_EQ(ia, ib) << q;
    EXPECT_EQ(a->total, b->total) << q;
    for (const auto& h : a->hits) {
      if (std::string(q) == "baku") {
        ASSERT_EQ(h.snippet_highlights.size(), 1u) << h.snippet;
        EXPECT_EQ(h.snippet.substr(h.snippet_highlights[0].start, 4), "Baku") << h.snippet;
      }
    }
  }
}

TEST_F(ArchiveTest, HitsCarryTheMatchingQuotesAndCounts) {
  auto r = archive_->Search("said:\"Sabina Aliyeva\" killed>=140", SearchOptions());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  ASSERT_EQ(r->hits[0].quotes.size(), 1u);
  EXPECT_EQ(r->hits[0].quotes[0].text, "We remember Baku.");
  EXPECT_EQ(r->hits[0].quotes[0].speaker, "Sabina Aliyeva");
  ASSERT_EQ(r->hits[0].counts.size(), 1u);
  EXPECT_EQ(r->hits[0].counts[0].number, 150);
  EXPECT_EQ(r->hits[0].counts[0].evidence, "killed 150");
}

TEST_F(ArchiveTest, FacetsTimelineEntity) {
  auto f = archive_->GetFacets("baku", 10);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->people.size(), 2u);
  EXPECT_EQ(f->people[0].name, "Sabina Aliyeva");
  EXPECT_EQ(f->people[0].articles, 2);
  ASSERT_EQ(f->places.size(), 1u);
  EXPECT_EQ(f->places[0].articles, 3);
  ASSERT_EQ(f->sources.size(), 2u);
  EXPECT_EQ(f->sources[0].name, "Alpha Wire");
  auto t = archive_->GetTimeline("baku", Period::kYear);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->buckets.size(), 3u);
  EXPECT_EQ(t->buckets[0].period, "2020");
  auto w = archive_->GetTimeline("", Period::kWeek);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->buckets[0].period, "2020-W23");
  EXPECT_EQ(w->buckets[0].first_day, "2020-06-01");
  auto e = archive_->GetEntity("sabina aliyeva", "", 10);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->name, "Sabina Aliyeva");
  EXPECT_EQ(e->type, "PERSON");
  EXPECT_EQ(e->articles, 2);
  EXPECT_EQ(e->quotes.size(), 2u);
  EXPECT_EQ(e->roles, std::vector<std::string>{"ombudsperson"});
  ASSERT_EQ(e->mentions_by_month.size(), 2u);
  EXPECT_EQ(e->mentions_by_month[0].month, "2024-01");
  ASSERT_EQ(e->co_occurring.size(), 1u);
  EXPECT_EQ(e->co_occurring[0].name, "Baku");
  EXPECT_EQ(archive_->GetEntity("Nobody", "", 10).status().code(), Status::Code::kNotFound);
}

TEST_F(ArchiveTest, QuoteAndCountLists) {
  auto q = archive_->ListQuotes("said:aliyeva", ListOptions());
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->size(), 2u);
  EXPECT_EQ((*q)[0].article_id, "a2");  // oldest first
  auto all = archive_->ListQuotes("", ListOptions());
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
  auto c = archive_->ListCounts("killed>=100", ListOptions{0, 1});
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->size(), 1u);
  EXPECT_EQ((*c)[0].type, "KILL");
  EXPECT_EQ((*c)[0].event_date, "1990-01");
}

// Count evidence is cut by byte offsets: after non-ASCII text (a speaker
// named "Zoë Ångström" opens the article) a character-counting substr()
// returned the wrong words.
TEST(ArchiveEvidenceTest, CountEvidenceFollowsByteOffsetsPastNonAscii) {
  const std::string path = FreshArchivePath("annals_evidence_utf8");
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Begin().ok());
    ASSERT_TRUE((*w)->Put(Article("u1", "2021-03-04", "Zoë Ångström", 42, "2021"), 1).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  auto archive = Archive::Open(path);
  ASSERT_TRUE(archive.ok());
  auto listed = (*archive)->ListCounts("", ListOptions());
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].evidence, "killed 42");
  CountListOptions by_number;
  by_number.order = CountOrder::kNumber;
  auto sorted = (*archive)->ListCounts("remember", by_number);
  ASSERT_TRUE(sorted.ok());
  ASSERT_EQ(sorted->size(), 1u);
  EXPECT_EQ((*sorted)[0].evidence, "killed 42");
  auto hits = (*archive)->Search("killed>=40", SearchOptions());
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->hits.size(), 1u);
  ASSERT_EQ(hits->hits[0].counts.size(), 1u);
  EXPECT_EQ(hits->hits[0].counts[0].evidence, "killed 42");
}

TEST_F(ArchiveTest, GkgExportCarriesFacts) {
  std::string out;
  ASSERT_TRUE(archive_->Export("said:aliyeva date:2025", ExportFormat::kGkg, [&](std::string_view s) { out += s; }).ok());
  const std::string row = out.substr(out.find('\n') + 1);
  std::vector<std::string> cols;
  size_t at = 0;
  for (;;) {
    size_t tab = row.find_first_of("\t\n", at);
    cols.push_back(row.substr(at, tab - at));
    if (row[tab] == '\n') break;
    at = tab + 1;
  }
  ASSERT_EQ(cols.size(), 27u);
  EXPECT_EQ(cols[0], "a1");
  EXPECT_EQ(cols[1], "20250117000000");
  EXPECT_EQ(cols[5], "KILL#150#people#0#Baku#####");
  EXPECT_EQ(cols[11], "Sabina Aliyeva");
  EXPECT_EQ(cols[12], "Sabina Aliyeva,0");
  EXPECT_EQ(cols[22], "22|17|said|We remember Baku.");
}

TEST(ArchiveTimeLimitTest, InterruptsLongCalls) {
  const std::string path = FreshArchivePath("annals_archive_timeout_test");
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Begin().ok());
    for (int i = 0; i < 3000; ++i)
      ASSERT_TRUE((*w)->Put(Article("t" + std::to_string(i), "2020-01-01", "Ann Lee", i, "2019"), 1).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  ArchiveOptions o;
  o.query_timeout_ms = 1;
  auto a = Archive::Open(path, o);
  ASSERT_TRUE(a.ok());
  // Exporting 3000 articles with all their facts takes far more than 1 ms.
  Status st = (*a)->Export("", ExportFormat::kJsonl, [](std::string_view) {});
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kTimedOut) << st.ToString();
  EXPECT_NE(st.message().find("over the time limit"), std::string::npos) << st.ToString();
  // Without a limit the same call completes.
  auto b = Archive::Open(path);
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE((*b)->Export("", ExportFormat::kJsonl, [](std::string_view) {}).ok());
}

// The index path's snippets mark exactly the words whose stem the query
// matched, including words Porter rewrites rather than cuts ("agencies" ->
// "agenc", "happy" -> "happi", "sensibility" -> "sensibl"), whatever the
// shortcut that avoids stemming the other words.
TEST(ArchiveSnippetTest, MarksEveryWordWhoseStemMatches) {
  const std::string path = FreshArchivePath("annals_archive_snippet_test");
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Begin().ok());
    AnnotatedDoc ad = Article("s1", "2020-01-01", "Ann Lee", 1, "2019");
    ad.doc.text = "Agencies said the agency was happy, happier and HAPPY; its sensibility and sensible policing "
                  "of police policies relating to relational relations, Relatedly.";
    ad.quotes.clear();
    ad.counts.clear();
    ad.mentions.clear();
    ASSERT_TRUE((*w)->Put(ad, 1).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  auto a = Archive::Open(path);
  ASSERT_TRUE(a.ok());
  struct Case {
    const char* query;
    std::vector<std::string> marked;
  };
  const Case cases[] = {
      {"agency", {"Agencies", "agency"}},
      {"happy", {"happy", "HAPPY"}},
      {"sensibility", {"sensibility", "sensible"}},
      {"police", {"policing", "police"}},
      {"polic*", {"policing", "police", "policies"}},
      {"relat*", {"relating", "relational", "relations", "Relatedly"}},
      {"agency OR happier", {"Agencies", "agency", "happier"}},
  };
  for (const Case& c : cases) {
    SearchOptions o;
    o.snippet_tokens = 64;
    auto r = (*a)->Search(c.query, o);
    ASSERT_TRUE(r.ok()) << c.query;
    EXPECT_EQ(r->engine, "index") << c.query;
    ASSERT_EQ(r->hits.size(), 1u) << c.query;
    std::vector<std::string> marked;
    for (const Highlight& h : r->hits[0].snippet_highlights)
      marked.push_back(r->hits[0].snippet.substr(h.start, h.end - h.start));
    EXPECT_EQ(marked, c.marked) << c.query;
  }
}

// Long articles are read only up to a window past the first match: the
// snippet still finds a match 60 KB in, and marks it.
TEST(ArchiveSnippetTest, LongArticlesFindLateMatches) {
  const std::string path = FreshArchivePath("annals_archive_long_snippet_test");
  AnnotatedDoc late = Article("l1", "2020-01-01", "Ann Lee", 1, "2019");
  AnnotatedDoc early = Article("l2", "2020-01-02", "Ann Lee", 1, "2019");
  std::string filler;
  while (filler.size() < 60000) filler += "Nothing happened in the quiet town that week. ";
  late.doc.text = filler + "Then the zeppelin landed.";
  early.doc.text = "A zeppelin flew over. " + filler + "Another zeppelin, and a zeppelin, and a zeppelin.";
  for (AnnotatedDoc* d : {&late, &early}) {
    d->quotes.clear();
    d->counts.clear();
    d->mentions.clear();
  }
  Ingest(path, {late, early});
  auto a = Archive::Open(path);
  ASSERT_TRUE(a.ok());
  auto r = (*a)->Search("zeppelin", SearchOptions());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  for (const SearchHit& h : r->hits) {
    ASSERT_EQ(h.snippet_highlights.size(), 1u) << h.snippet;
    EXPECT_EQ(h.snippet.substr(h.snippet_highlights[0].start, 8), "zeppelin") << h.snippet;
    if (h.id == "l1") {
      EXPECT_NE(h.snippet.find("Then the zeppelin landed."), std::string::npos) << h.snippet;
    } else {
      EXPECT_EQ(h.snippet.rfind("A zeppelin flew over.", 0), 0u) << h.snippet;
    }
  }
}

// A flipped byte in a segment: with checksums verified (serve, stats) the
// index is refused and searches fall back to FTS5 with a notice; one-shot
// CLI reads skip the crc pass (ArchiveOptions::verify_index_checksums =
// false) and still load a structurally sound segment.
TEST(ArchiveIndexTest, ChecksumsAreVerifiedOnlyWhenAsked) {
  const std::string path = FreshArchivePath("annals_archive_checksum_test");
  Ingest(path, {Article("c1", "2020-01-01", "Ann Lee", 3, "2019"), Article("c2", "2020-01-02", "Bo Ek", 1, "2019")});
  {
    auto a = Archive::Open(path);
    ASSERT_TRUE(a.ok());
    auto h = (*a)->CheckIndex();
    ASSERT_TRUE(h.ok());
    EXPECT_TRUE(h->usable) << h->problem;
    EXPECT_TRUE(h->checksums_verified);
    EXPECT_EQ(h->documents, 2);
    EXPECT_EQ(h->segments_without_facets, 0);  // ingest writes facet codes
  }
  int flipped = 0;
  for (const auto& f : std::filesystem::directory_iterator(IndexDirFor(path))) {
    if (f.path().extension() != ".ais") continue;
    std::fstream io(f.path(), std::ios::in | std::ios::out | std::ios::binary);
    const auto size = static_cast<std::streamoff>(std::filesystem::file_size(f.path()));
    io.seekg(size - 17);  // the last byte before the footer: values, not structure
    char c = 0;
    io.read(&c, 1);
    c = static_cast<char>(c ^ 0x5A);
    io.seekp(size - 17);
    io.write(&c, 1);
    ++flipped;
  }
  ASSERT_GT(flipped, 0);
  {
    auto a = Archive::Open(path);
    ASSERT_TRUE(a.ok());
    auto h = (*a)->CheckIndex();
    ASSERT_TRUE(h.ok());
    EXPECT_FALSE(h->usable);
    EXPECT_NE(h->problem.find("checksum mismatch"), std::string::npos) << h->problem;
    auto r = (*a)->Search("Baku", SearchOptions());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->engine, "fts5");
    EXPECT_NE(r->notice.find("annals reindex"), std::string::npos) << r->notice;
  }
  {
    ArchiveOptions o;
    o.verify_index_checksums = false;
    auto a = Archive::Open(path, o);
    ASSERT_TRUE(a.ok());
    auto h = (*a)->CheckIndex();
    ASSERT_TRUE(h.ok());
    EXPECT_TRUE(h->usable) << h->problem;
    EXPECT_FALSE(h->checksums_verified);
  }
}

TEST(ArchiveIndexTest, ReplacedArticlesLeaveTheIndexAndReindexAgrees) {
  const std::string path = FreshArchivePath("annals_archive_index_test");
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    for (int round = 0; round < 3; ++round) {
      ASSERT_TRUE((*w)->Begin().ok());
      AnnotatedDoc d = Article("a1", "2025-01-17", "Sabina Aliyeva", 150, "1990-01-20");
      d.doc.text += round == 0 ? " Zebra." : " Yak.";
      if (round == 2) d.doc.text += " Yak.";
      ASSERT_TRUE((*w)->Put(d, 1).ok());
      // Replaced twice inside one batch too.
      AnnotatedDoc e = Article("b1", "2020-06-01", "John Smith", 3, "2020-05-30");
      e.doc.text += " Yak.";
      ASSERT_TRUE((*w)->Put(e, 1).ok());
      e.doc.text += " Zebra.";
      ASSERT_TRUE((*w)->Put(e, 1).ok());
      ASSERT_TRUE((*w)->Commit().ok());
    }
  }
  auto ids = [&](const std::string& q) {
    auto a = Archive::Open(path);
    EXPECT_TRUE(a.ok());
    auto r = (*a)->Search(q, SearchOptions());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->engine, "index");
    std::vector<std::pair<std::string, double>> out;
    for (const auto& h : r->hits) out.emplace_back(h.id, h.score);
    return out;
  };
  EXPECT_EQ(ids("zebra").size(), 1u);
  EXPECT_EQ(ids("zebra")[0].first, "b1");
  EXPECT_EQ(ids("yak").size(), 2u);
  auto before = ids("yak OR zebra OR baku");
  {
    StoreOptions o;
    o.rebuild_index = true;
    auto w = StoreWriter::Open(path, o);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
  }
  auto after = ids("yak OR zebra OR baku");
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i].first, after[i].first);
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

// names.articles (kept by triggers) and the articles_source index must give
// the whole archive's facets exactly as counting the rows does: through replaced articles, a
// name repeated in one article's list, and names that drop to zero.
TEST(ArchiveNameCountsTest, WholeArchiveFacetsMatchCountingRows) {
  const std::string path = FreshArchivePath("annals_archive_names_test");
  auto facets_both_ways = [&](const char* when) {
    auto a = Archive::Open(path);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    auto whole = (*a)->GetFacets("", 50);          // names.articles
    auto counted = (*a)->GetFacets("baku", 50);    // every article says Baku: counts rows
    ASSERT_TRUE(whole.ok() && counted.ok());
    auto flat = [](const Facets& f) {
      std::vector<std::string> v;
      for (const auto* list : {&f.people, &f.orgs, &f.places, &f.sources})
        for (const FacetValue& x : *list) v.push_back(x.name + "=" + std::to_string(x.articles));
      return v;
    };
    EXPECT_EQ(flat(*whole), flat(*counted)) << when;
    EXPECT_FALSE(whole->people.empty()) << when;
  };
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Begin().ok());
    ASSERT_TRUE((*w)->Put(Article("a1", "2025-01-17", "Sabina Aliyeva", 150, "1990-01-20"), 1).ok());
    ASSERT_TRUE((*w)->Put(Article("a2", "2024-01-19", "Sabina Aliyeva", 131, "1990-01"), 1).ok());
    AnnotatedDoc dup = Article("b1", "2020-06-01", "John Smith", 3, "2020-05-30");
    dup.entities.push_back(Entity{"John Smith", EntityType::kPerson, 1, "", ""});  // listed twice
    ASSERT_TRUE((*w)->Put(dup, 1).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  facets_both_ways("after the first ingest");
  {
    // a2 now quotes somebody else (Sabina Aliyeva drops to 1, Ann Lee appears);
    // b1 is replaced by a version without the repeated name.
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Begin().ok());
    ASSERT_TRUE((*w)->Put(Article("a2", "2024-01-19", "Ann Lee", 131, "1990-01"), 2).ok());
    ASSERT_TRUE((*w)->Put(Article("b1", "2020-06-01", "John Smith", 4, "2020-05-30"), 2).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  facets_both_ways("after replacing two articles");
  auto a = Archive::Open(path);
  ASSERT_TRUE(a.ok());
  auto whole = (*a)->GetFacets("", 50);
  ASSERT_TRUE(whole.ok());
  std::map<std::string, int64_t> people;
  for (const FacetValue& v : whole->people) people[v.name] = v.articles;
  EXPECT_EQ(people, (std::map<std::string, int64_t>{{"Ann Lee", 1}, {"John Smith", 1}, {"Sabina Aliyeva", 1}}));
}

// Stats() is cached per index generation: the same Archive must see every
// later ingest, and undated articles are counted by their key range.
TEST(ArchiveStatsTest, FollowEveryIngest) {
  const std::string path = FreshArchivePath("annals_archive_stats_test");
  auto ingest = [&](const std::vector<AnnotatedDoc>& docs) { Ingest(path, docs); };
  AnnotatedDoc undated = Article("u1", "2020-01-01", "Ann Lee", 2, "2019-12-31");
  undated.doc.date = Date{};
  ingest({Article("a1", "2025-01-17", "Sabina Aliyeva", 150, "1990-01-20"), undated});
  auto a = Archive::Open(path);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto s1 = (*a)->Stats();
  ASSERT_TRUE(s1.ok()) << s1.status().ToString();
  EXPECT_EQ(s1->articles, 2);
  EXPECT_EQ(s1->undated, 1);
  EXPECT_EQ(s1->quotes, 2);
  EXPECT_EQ(s1->first_date, "2025-01-17");
  EXPECT_EQ(s1->last_date, "2025-01-17");
  ingest({Article("b1", "2020-06-01", "John Smith", 3, "2020-05-30")});
  auto s2 = (*a)->Stats();
  ASSERT_TRUE(s2.ok()) << s2.status().ToString();
  EXPECT_EQ(s2->articles, 3);
  EXPECT_EQ(s2->undated, 1);
  EXPECT_EQ(s2->quotes, 3);
  EXPECT_EQ(s2->counts, 3);
  EXPECT_EQ(s2->first_date, "2020-06-01");
  EXPECT_EQ(s2->last_date, "2025-01-17");
}

// The whole archive's timeline and facets are cached per index generation
// too: the same Archive must see every later ingest, and the whole-archive
// timeline (every key, counted in C++) must equal the SQL GROUP BY of a
// query every article matches.
TEST(ArchiveWholeArchiveCacheTest, TimelineAndFacetsFollowEveryIngest) {
  const std::string path = FreshArchivePath("annals_archive_cache_test");
  auto ingest = [&](const std::vector<AnnotatedDoc>& docs) { Ingest(path, docs); };
  auto flat = [](const Timeline& t) {
    std::vector<std::string> v{"undated=" + std::to_string(t.undated)};
    for (const TimelineBucket& b : t.buckets) v.push_back(b.period + "=" + std::to_string(b.articles));
    return v;
  };
  AnnotatedDoc undated = Article("u1", "2020-01-01", "Ann Lee", 2, "2019-12-31");
  undated.doc.date = Date{};
  ingest({Article("a1", "2025-01-17", "Sabina Aliyeva", 150, "1990-01-20"), undated,
          Article("a2", "2025-01-30", "Sabina Aliyeva", 3, "1990-01-20")});
  auto a = Archive::Open(path);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  for (int round = 0; round < 2; ++round) {  // the second round reads the cache
    auto t = (*a)->GetTimeline("", Period::kMonth);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    EXPECT_EQ(flat(*t), (std::vector<std::string>{"undated=1", "2025-01=2"})) << round;
  }
  auto f1 = (*a)->GetFacets("", 10);
  ASSERT_TRUE(f1.ok());
  ASSERT_EQ(f1->people.size(), 2u);
  ingest({Article("b1", "2020-06-01", "John Smith", 3, "2020-05-30"),
          Article("b2", "1999-12-31", "John Smith", 4, "1999-12-30")});
  for (Period p : {Period::kDay, Period::kWeek, Period::kMonth, Period::kYear}) {
    auto whole = (*a)->GetTimeline("", p);
    auto counted = (*a)->GetTimeline("baku", p);  // every article says Baku: SQL GROUP BY
    ASSERT_TRUE(whole.ok() && counted.ok());
    EXPECT_EQ(flat(*whole), flat(*counted)) << static_cast<int>(p);
  }
  auto t = (*a)->GetTimeline("", Period::kYear);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(flat(*t), (std::vector<std::string>{"undated=1", "1999=1", "2020=1", "2025=2"}));
  auto f2 = (*a)->GetFacets("", 10);
  ASSERT_TRUE(f2.ok());
  std::map<std::string, int64_t> people;
  for (const FacetValue& v : f2->people) people[v.name] = v.articles;
  EXPECT_EQ(people, (std::map<std::string, int64_t>{{"Ann Lee", 1}, {"John Smith", 2}, {"Sabina Aliyeva", 2}}));
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

// An entity's co-mentioned names and roles (GetEntity) are what the SQL
// definitions give: per other name id, the distinct articles naming both,
// most first, then by name, top 20; per role, its entity rows, top 10 —
// with same-name different-type entities, an entity listed twice in one
// article, and ties at the cut.
TEST(ArchiveEntityTest, CoMentionsAreTheDistinctArticlesNamingBoth) {
  const std::string path = FreshArchivePath("annals_co_mentions");
  const char* names[] = {"Ann Lee", "Bo Chen", "Baku", "Reuters", "Cy Diaz", "Dee Ek", "Fay Gu", "Hal Ito",
                         "Ida Jo", "Kai Lu", "Max Ng", "Ora Pi", "Quin Ro", "Sam Tu", "Uma Vo", "Wes Xu",
                         "Yan Zo", "Al Bee", "Cee Dee", "Eff Gee", "Aitch Eye", "Jay Kay", "Ell Em"};
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Begin().ok());
    uint32_t x = 12345;
    for (int i = 0; i < 60; i++) {
      AnnotatedDoc ad = Article("m" + std::to_string(i), "2020-01-0" + std::to_string(1 + i % 9), "Ann Lee", 1, "2020");
      for (int j = 0; j < 6; j++) {
        x = x * 1103515245u + 12345u;
        const char* n = names[(x >> 8) % 23];
        // "Reuters" also as a person; some names twice in one article.
        const EntityType t = (x >> 20) % 4 == 0 ? EntityType::kPerson
                             : n == std::string("Reuters") ? EntityType::kOrg
                                                         : static_cast<EntityType>((x >> 16) % 4);
        const char* roles[] = {"", "", "minister", "spokesman", "mayor"};
        ad.entities.push_back(Entity{n, t, 1, roles[(x >> 24) % 5], ""});
      }
      ASSERT_TRUE((*w)->Put(ad, 1).ok());
    }
    ASSERT_TRUE((*w)->Commit().ok());
  }
  auto archive = Archive::Open(path);
  auto db = SqliteDb::Open(path, SqliteOpenOptions{});
  ASSERT_TRUE(archive.ok() && db.ok());
  auto ids = (*db)->Prepare("SELECT id, type, name FROM names");
  ASSERT_TRUE(ids.ok());
  std::vector<std::tuple<int64_t, int, std::string>> all;
  Status st;
  while ((*ids)->Step(&st)) all.emplace_back((*ids)->Int(0), static_cast<int>((*ids)->Int(1)), (*ids)->Str(2));
  (*ids)->Reset();
  ASSERT_GT(all.size(), 25u);
  size_t listed = 0, roles_listed = 0;
  for (const auto& [id, type, name] : all) {
    auto ref = (*db)->Prepare(
        "SELECT n.name, count(DISTINCT e2.article) AS k FROM entities e1 JOIN entities e2 ON "
        "e2.article = e1.article AND e2.name_id != e1.name_id JOIN names n ON n.id = e2.name_id "
        "WHERE e1.name_id = ?1 GROUP BY e2.name_id ORDER BY k DESC, n.name LIMIT 20");
    ASSERT_TRUE(ref.ok());
    (*ref)->BindInt(1, id);
    std::vector<std::string> want;
    while ((*ref)->Step(&st)) want.push_back((*ref)->Str(0) + "=" + std::to_string((*ref)->Int(1)));
    (*ref)->Reset();
    auto e = (*archive)->GetEntity(name, EntityTypeName(static_cast<EntityType>(type)), 10);
    ASSERT_TRUE(e.ok()) << name;
    std::vector<std::string> got;
    for (const FacetValue& v : e->co_occurring) got.push_back(v.name + "=" + std::to_string(v.articles));
    EXPECT_EQ(got, want) << name << " " << type;
    listed += got.size();
    auto role_ref = (*db)->Prepare(
        "SELECT role, count(*) AS k FROM entities WHERE name_id = ?1 AND role IS NOT NULL GROUP BY role "
        "ORDER BY k DESC, role LIMIT 10");
    ASSERT_TRUE(role_ref.ok());
    (*role_ref)->BindInt(1, id);
    std::vector<std::string> want_roles;
    while ((*role_ref)->Step(&st)) want_roles.push_back((*role_ref)->Str(0));
    (*role_ref)->Reset();
    EXPECT_EQ(e->roles, want_roles) << name << " " << type;
    roles_listed += want_roles.size();
  }
  EXPECT_GT(listed, 200u);
  EXPECT_GT(roles_listed, 40u);
}

namespace filter_forms {

// 48 articles whose facts vary along every filter of the language: two
// count types with one or two numbers, event dates at year / month / day
// precision (some two per article), three sources, two speakers.
std::string ArchiveWithVariedFacts() {
  const std::string path = FreshArchivePath("annals_filter_forms");
  auto w = StoreWriter::Open(path);
  EXPECT_TRUE(w.ok());
  EXPECT_TRUE((*w)->Begin().ok());
  const char* events[] = {"1990", "1990-01", "1990-01-20", "1989-12-31", "1991-02", "2020-05-30", "1999", "2000-02-29"};
  const char* sources[] = {"Alpha Wire", "Beta Times", "Gamma Post"};
  for (int i = 0; i < 48; i++) {
    const std::string id = std::string(1, "abg"[i % 3]) + std::to_string(i);
    const std::string date = std::to_string(2019 + i % 7) + "-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    AnnotatedDoc ad = Article(id, date, i % 4 ? "Sabina Aliyeva" : "John Smith", (i * 37) % 200, events[i % 8]);
    ad.doc.source = sources[i % 3];
    if (i % 5 == 0) {
      Count c = ad.counts[0];
      c.type = CountType::kWound;
      c.number = i % 11;
      c.date = events[(i + 3) % 8];
      ad.counts.push_back(c);
    }
    if (i % 6 == 1) {
      Count c = ad.counts[0];
      c.number = i;  // a second, smaller killed count
      ad.counts.push_back(c);
      ad.event_dates.push_back(events[(i + 5) % 8]);
    }
    if (i % 7 == 3) ad.quotes.clear();
    EXPECT_TRUE((*w)->Put(ad, 1).ok()) << id;
  }
  const Status st = (*w)->Commit();
  EXPECT_TRUE(st.ok()) << st.ToString();
  return path;
}

}  // namespace filter_forms

// Every filter form of docs/query-language.md, alone, with words, and
// combined with each other by AND / OR / NOT: the index path answers it
// (engine "index") with the same articles and totals as the SQL path, and
// with no words in the same order (newest first).
TEST(ArchiveFilterFormsTest, IndexAnswersEveryFilterFormAsSqlDoes) {
  const std::string path = filter_forms::ArchiveWithVariedFacts();
  auto archive = Archive::Open(path);
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  const std::vector<std::string> forms = {
      "person:aliyeva", "person:\"sabina aliyeva\"", "person:smith", "org:baku", "place:baku",
      "source:alpha", "source:TIMES", "source:a", "source:nowhere", "said:\"Sabina Aliyeva\"", "said:smith",
      "date:2021", "date:2022-03", "date:2023-05-14", "date:2020-01-01..2022-06-30", "date:2023..", "date:..2020-06",
      "before:2021", "after:2023-06", "event:1990", "event:1990-01", "event:1990-01-20", "event:1990-02..1991-03",
      "event:1989-12-31", "event:1999-06..2000-02-28", "event:..1989", "event:2000..", "event:1980..2030",
      "has:quote", "has:count", "has:person", "has:org", "has:place", "has:event",
      "killed>=100", "killed>100", "killed<=37", "killed<5", "killed=111", "killed:74", "wounded>=5", "wounded<3",
      "injured=0", "arrested>=1", "title:report", "-soldiers", "-has:quote"};
  int total_matches = 0;
  int bounded_totals = 0;
  auto check = [&](const std::string& q) {
    SearchOptions io;
    io.limit = 1000;
    auto a = (*archive)->Search(q, io);
    ASSERT_TRUE(a.ok()) << q << ": " << a.status().ToString();
    EXPECT_EQ(a->engine, "index") << q << " " << a->notice;
    SearchOptions so = io;
    so.use_index = false;
    auto b = (*archive)->Search(q, so);
    ASSERT_TRUE(b.ok()) << q << ": " << b.status().ToString();
    std::vector<std::string> ia, ib;
    for (const auto& h : a->hits) ia.push_back(h.id);
    for (const auto& h : b->hits) ib.push_back(h.id);
    if (!b->ranked) {
      EXPECT_FALSE(a->ranked) << q;
      EXPECT_EQ(ia, ib) << q;  // same order: newest first
    } else {
      std::sort(ia.begin(), ia.end());
      std::sort(ib.begin(), ib.end());
      EXPECT_EQ(ia, ib) << q;
    }
    EXPECT_EQ(a->total, b->total) << q;
    // A page smaller than the result: the total is counted, not the page.
    SearchOptions small = io;
    small.limit = 3;
    auto c = (*archive)->Search(q, small);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->total, b->total) << q;
    if (!b->ranked) {
      ib.resize(std::min<size_t>(ib.size(), 3));
      std::vector<std::string> ic;
      for (const auto& h : c->hits) ic.push_back(h.id);
      EXPECT_EQ(ic, ib) << q;
    }
    // A total allowed to be a lower bound (the API's default), on both
    // paths and on a later page: the same hits; exact when so labelled, else
    // at most the exact total and past the page's end (a next page exists).
    for (const bool use_index : {true, false}) {
      for (const int offset : {0, 2}) {
        SearchOptions fast = small;
        fast.use_index = use_index;
        fast.offset = offset;
        fast.exact_total = false;
        SearchOptions exact = fast;
        exact.exact_total = true;
        auto d = (*archive)->Search(q, fast);
        auto e = (*archive)->Search(q, exact);
        ASSERT_TRUE(d.ok() && e.ok()) << q;
        ASSERT_EQ(d->hits.size(), e->hits.size()) << q;
        for (size_t i = 0; i < d->hits.size(); ++i) EXPECT_EQ(d->hits[i].id, e->hits[i].id) << q;
        EXPECT_TRUE(e->total_exact) << q;
        EXPECT_EQ(e->total, b->total) << q << " offset " << offset << (use_index ? " index" : " sql");
        if (d->total_exact) {
          EXPECT_EQ(d->total, b->total) << q << " offset " << offset << (use_index ? " index" : " sql");
        } else {
          ++bounded_totals;
          EXPECT_LE(d->total, b->total) << q;
          EXPECT_EQ(d->total, offset + small.limit + 1) << q;
        }
      }
    }
    total_matches += static_cast<int>(b->total);
  };
  for (const std::string& f : forms) {
    check(f);
    check("soldiers " + f);
    check("baku NOT (" + f + ")");
  }
  for (size_t i = 0; i < forms.size(); i += 3) {
    for (size_t j = 1; j < forms.size(); j += 4) {
      check(forms[i] + " " + forms[j]);
      check(forms[i] + " OR " + forms[j]);
      check(forms[i] + " NOT " + forms[j]);
      check("remember (" + forms[i] + " OR -" + forms[j] + ")");
    }
  }
  EXPECT_GT(total_matches, 1000);  // not a comparison of empty results
  EXPECT_GT(bounded_totals, 100);  // the bound was taken, not just exact totals compared
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

// A query's facets, timeline, quote and count lists taken from the text index's
// match set (facet codes and doc dates in the segments, keys) equal the
// ones counted from
// entity and article rows, for words, phrases, filters the index answers,
// filters it leaves to SQLite (allow/deny keys) and their combinations;
// also after an ingest adds a segment (and a merge may rewrite them).
TEST(ArchiveIndexMatchSetsTest, SameFacetsAndTimelinesAsFromRows) {
  const std::string path = filter_forms::ArchiveWithVariedFacts();
  ArchiveOptions rows_only;
  rows_only.match_sets_from_index = false;
  auto rows = Archive::Open(path, rows_only);
  auto idx = Archive::Open(path);
  ArchiveOptions walking;
  walking.count_keys_by_join = 0;
  auto walk = Archive::Open(path, walking);
  ASSERT_TRUE(rows.ok() && idx.ok() && walk.ok());
  auto flat = [](const Facets& f) {
    std::vector<std::string> v;
    for (const auto* list : {&f.people, &f.orgs, &f.places, &f.sources}) {
      for (const FacetValue& x : *list) v.push_back(x.name + "=" + std::to_string(x.articles));
      v.push_back("|");
    }
    return v;
  };
  auto flat_timeline = [](const Timeline& t) {
    std::vector<std::string> v{std::to_string(t.undated)};
    for (const TimelineBucket& b : t.buckets) v.push_back(b.period + "=" + std::to_string(b.articles));
    return v;
  };
  const std::vector<std::string> queries = {
      "baku",          "soldiers",       "remember baku", "\"remember baku\"", "bak*",        "person:smith",
      "source:alpha",  "killed>=100",    "date:2021",     "event:1990",         "-has:quote",  "baku -person:smith",
      "baku OR soldiers", "nothingmatches"};
  auto flat_quotes = [](const std::vector<QuoteRow>& v) {
    std::vector<std::string> out;
    for (const QuoteRow& r : v) out.push_back(r.article_id + "#" + std::to_string(r.index) + " " + r.speaker + ": " + r.text);
    return out;
  };
  auto flat_counts = [](const std::vector<CountRow>& v) {
    std::vector<std::string> out;
    for (const CountRow& r : v) out.push_back(r.article_id + "#" + std::to_string(r.index) + " " + r.type + " " + std::to_string(r.number));
    return out;
  };
  int nonempty = 0;
  size_t quotes_listed = 0, counts_listed = 0;
  int64_t counts_total = 0;
  size_t exported = 0;
  auto compare = [&](const char* when) {
    for (const std::string& q : queries) {
      for (int top : {1, 2, 10}) {
        auto a = (*rows)->GetFacets(q, top);
        auto b = (*idx)->GetFacets(q, top);
        ASSERT_TRUE(a.ok() && b.ok()) << q;
        EXPECT_EQ(flat(*a), flat(*b)) << when << ": " << q << " top " << top;
        nonempty += !a->people.empty() || !a->sources.empty();
      }
      for (Period p : {Period::kDay, Period::kMonth, Period::kYear}) {
        auto a = (*rows)->GetTimeline(q, p);
        auto b = (*idx)->GetTimeline(q, p);
        ASSERT_TRUE(a.ok() && b.ok()) << q;
        EXPECT_EQ(flat_timeline(*a), flat_timeline(*b)) << when << ": " << q;
      }
      for (const std::string& lq : {q, q + " said:\"Sabina Aliyeva\""}) {
        for (auto [offset, limit] : {std::pair{0, 100}, std::pair{0, 1}, std::pair{1, 2}, std::pair{3, 100}}) {
          ListOptions lo;
          lo.offset = offset;
          lo.limit = limit;
          auto a = (*rows)->ListQuotes(lq, lo);
          auto b = (*idx)->ListQuotes(lq, lo);
          ASSERT_TRUE(a.ok() && b.ok()) << lq;
          EXPECT_EQ(flat_quotes(*a), flat_quotes(*b)) << when << ": " << lq << " offset " << offset;
          quotes_listed += a->size();
        }
      }
      for (ExportFormat f : {ExportFormat::kJsonl, ExportFormat::kGkg}) {
        std::string a, b;
        ASSERT_TRUE((*rows)->Export(q, f, [&](std::string_view part) { a += part; }).ok()) << q;
        ASSERT_TRUE((*idx)->Export(q, f, [&](std::string_view part) { b += part; }).ok()) << q;
        EXPECT_EQ(a, b) << when << ": export of " << q;
        exported += a.size();
      }
      for (CountOrder order : {CountOrder::kArticle, CountOrder::kNumber, CountOrder::kType, CountOrder::kPlace,
                               CountOrder::kEventDate, CountOrder::kPublished}) {
        for (int variant = 0; variant < 6; variant++) {
          CountListOptions co;
          co.order = order;
          co.descending = variant % 2 == 1;
          co.offset = variant >= 4 ? 1 : 0;
          co.limit = variant >= 4 ? 2 : 100;
          if (variant == 2) co.type = "KILL";
          if (variant == 3) co.min_number = 5;
          const std::string what = std::string(when) + ": " + q + " order " +
                                   std::to_string(static_cast<int>(order)) + " variant " + std::to_string(variant);
          auto a = (*rows)->ListCounts(q, co);
          auto b = (*idx)->ListCounts(q, co);
          auto w = (*walk)->ListCounts(q, co);
          ASSERT_TRUE(a.ok() && b.ok() && w.ok()) << what;
          EXPECT_EQ(flat_counts(*a), flat_counts(*b)) << what;
          EXPECT_EQ(flat_counts(*a), flat_counts(*w)) << what << " (walk)";
          auto na = (*rows)->CountCounts(q, co);
          auto nb = (*idx)->CountCounts(q, co);
          auto nw = (*walk)->CountCounts(q, co);
          ASSERT_TRUE(na.ok() && nb.ok() && nw.ok()) << what;
          EXPECT_EQ(*na, *nb) << what;
          EXPECT_EQ(*na, *nw) << what << " (walk)";
          counts_listed += a->size();
          counts_total += *na;
        }
      }
    }
  };
  compare("as built");
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Begin().ok());
    AnnotatedDoc extra = Article("z1", "2024-02-02", "Ann Lee", 7, "1990");
    extra.doc.source = "Zeta News";
    ASSERT_TRUE((*w)->Put(extra, 1).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  compare("after an ingest");
  auto fresh = (*idx)->GetFacets("baku", 10);
  ASSERT_TRUE(fresh.ok());
  bool ann_lee = false;
  for (const FacetValue& v : fresh->people) ann_lee |= v.name == "Ann Lee";
  EXPECT_TRUE(ann_lee) << "the new article must count";
  EXPECT_GT(nonempty, 30);  // not a comparison of empty facets
  EXPECT_GT(quotes_listed, 50u);  // nor of empty quote lists
  EXPECT_GT(counts_listed, 50u);  // or count lists
  EXPECT_GT(counts_total, 100);
  EXPECT_GT(exported, 100000u);
}

}  // namespace
}  // namespace annals
