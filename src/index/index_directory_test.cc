// IndexDirectory: batches, deletions, merges, reopen, stray-file cleanup and
// snapshot isolation; after every change, searches must equal those over a
// fresh single segment built from the same live documents.
#include "index/index_directory.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "index/search.h"

namespace annals::index {
namespace {

namespace fs = std::filesystem;

struct Article {
  std::string title, body;
  int32_t date;
  int64_t killed;
};

std::string TempDir(const char* name) {
  std::string d = (fs::temp_directory_path() / (std::string("annals_index_") + name + "_" + std::to_string(::getpid()))).string();
  fs::remove_all(d);
  return d;
}

Article MakeArticle(std::mt19937& rng) {
  static const char* words[] = {"police", "fire", "Baku", "river", "election", "protest", "minister", "storm",
                                "court", "rescue", "bridge", "market"};
  Article a;
  for (int i = 0; i < 3; i++) a.title += std::string(words[rng() % 12]) + " ";
  int n = 5 + static_cast<int>(rng() % 40);
  for (int i = 0; i < n; i++) a.body += std::string(words[rng() % 12]) + " ";
  a.date = 10000 + static_cast<int32_t>(rng() % 500);
  a.killed = static_cast<int64_t>(rng() % 50);
  return a;
}

IndexDoc ToDoc(uint64_t id, const Article& a) {
  IndexDoc d;
  d.id = id;
  d.date = a.date;
  d.title = a.title;
  d.body = a.body;
  d.numbers = {{"killed", a.killed}};
  d.keywords = {{"source", id % 2 ? "Reuters" : "AP"}};
  return d;
}

// Searches over `snap` equal those over one fresh segment of `live`.
void ExpectSameAsFresh(const Snapshot& snap, const std::map<uint64_t, Article>& live) {
  SegmentBuilder b;
  for (const auto& [id, a] : live) ASSERT_TRUE(b.Add(ToDoc(id, a)).ok());
  Snapshot fresh;
  if (!live.empty()) {
    Result<std::string> bytes = b.WriteToString();
    ASSERT_TRUE(bytes.ok());
    Result<std::shared_ptr<const Segment>> seg = Segment::FromBytes(std::move(*bytes), "fresh");
    ASSERT_TRUE(seg.ok());
    fresh.segments.push_back({*seg, nullptr});
  }
  for (const char* text : {"police", "fire river", "\"protest minister\"", "storm source:reuters", "killed>=25 court",
                           "bri*", "-police market"}) {
    Result<Query> q = ParseSimple(text);
    ASSERT_TRUE(q.ok());
    q->exact_count = true;
    q->k = 1000;
    Result<SearchResult> a = Search(snap, *q);
    Result<SearchResult> e = SearchExhaustive(fresh, *q);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    ASSERT_TRUE(e.ok());
    ASSERT_EQ(a->total, e->total) << text;
    ASSERT_EQ(a->hits.size(), e->hits.size()) << text;
    // Ids must agree; scores only once deleted docs are merged away (BM25
    // statistics count deleted documents until then, as Lucene's do).
    std::set<uint64_t> ga, ge;
    for (const Hit& h : a->hits) ga.insert(h.id);
    for (const Hit& h : e->hits) ge.insert(h.id);
    EXPECT_EQ(ga, ge) << text;
  }
}

TEST(IndexDirectoryTest, BatchesDeletesMergesReopen) {
  std::string dir = TempDir("batches");
  FileCatalogStore catalog(dir);
  ::mkdir(dir.c_str(), 0755);
  DirectoryOptions opts;
  opts.merge.segments_per_tier = 4;
  opts.merge.min_docs = 100;
  Result<std::unique_ptr<IndexDirectory>> idx = IndexDirectory::Open(dir, &catalog, opts);
  ASSERT_TRUE(idx.ok()) << idx.status().ToString();
  std::mt19937 rng(7);
  std::map<uint64_t, Article> live;
  uint64_t next_id = 1;
  for (int batch = 0; batch < 9; batch++) {
    SegmentBuilder b;
    std::vector<uint64_t> deletes;
    for (int i = 0; i < 30; i++) {
      Article a = MakeArticle(rng);
      uint64_t id = next_id++;
      ASSERT_TRUE(b.Add(ToDoc(id, a)).ok());
      live[id] = a;
    }
    // Replace two older articles and delete one.
    for (int i = 0; i < 3 && live.size() > 40; i++) {
      uint64_t id = 1 + rng() % (next_id - 31);
      if (!live.count(id) || std::find(deletes.begin(), deletes.end(), id) != deletes.end()) continue;
      deletes.push_back(id);
      live.erase(id);
      if (i < 2) {
        Article a = MakeArticle(rng);
        ASSERT_TRUE(b.Add(ToDoc(id, a)).ok());
        live[id] = a;
      }
    }
    ASSERT_TRUE((*idx)->Commit(&b, deletes).ok());
    ExpectSameAsFresh(*(*idx)->snapshot(), live);
    Result<int> merged = (*idx)->MaybeMerge();
    ASSERT_TRUE(merged.ok()) << merged.status().ToString();
    ExpectSameAsFresh(*(*idx)->snapshot(), live);
  }
  EXPECT_LT((*idx)->snapshot()->segments.size(), 9u);  // merges happened

  // A snapshot taken now is unaffected by later commits.
  std::shared_ptr<const Snapshot> old = (*idx)->snapshot();
  size_t old_docs = old->Stats().num_docs;
  SegmentBuilder b;
  ASSERT_TRUE(b.Add(ToDoc(next_id++, MakeArticle(rng))).ok());
  ASSERT_TRUE((*idx)->Commit(&b, {}).ok());
  EXPECT_EQ(old->Stats().num_docs, old_docs);
  ASSERT_TRUE(Search(*old, *ParseSimple("police")).ok());

  // Stray files (a crash between writing a segment and committing) vanish at
  // open; the committed state is intact.
  {
    std::ofstream(dir + "/seg_9999999999_0001.ais") << "half-written";
    std::ofstream(dir + "/seg_x.ais.tmp") << "half-written";
  }
  idx->reset();
  Result<std::unique_ptr<IndexDirectory>> again = IndexDirectory::Open(dir, &catalog, opts);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(fs::exists(dir + "/seg_9999999999_0001.ais"));
  EXPECT_FALSE(fs::exists(dir + "/seg_x.ais.tmp"));
  EXPECT_EQ((*again)->snapshot()->Stats().num_docs, old_docs + 1);
  fs::remove_all(dir);
}

TEST(IndexDirectoryTest, UncommittedBatchIsInvisibleAfterCrash) {
  std::string dir = TempDir("crash");
  ::mkdir(dir.c_str(), 0755);
  FileCatalogStore catalog(dir);
  {
    Result<std::unique_ptr<IndexDirectory>> idx = IndexDirectory::Open(dir, &catalog);
    ASSERT_TRUE(idx.ok());
    std::mt19937 rng(1);
    SegmentBuilder b;
    ASSERT_TRUE(b.Add(ToDoc(1, MakeArticle(rng))).ok());
    ASSERT_TRUE((*idx)->Commit(&b, {}).ok());
    SegmentBuilder b2;
    ASSERT_TRUE(b2.Add(ToDoc(2, MakeArticle(rng))).ok());
    // Prepared (files written) but the catalog never committed: a crash.
    ASSERT_TRUE((*idx)->PrepareBatch(&b2, {1}).ok());
  }
  Result<std::unique_ptr<IndexDirectory>> idx = IndexDirectory::Open(dir, &catalog);
  ASSERT_TRUE(idx.ok());
  auto snap = (*idx)->snapshot();
  ASSERT_EQ(snap->segments.size(), 1u);
  EXPECT_EQ(snap->segments[0].deleted, nullptr);
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    files += name.rfind("CATALOG", 0) != 0 && name != "LOCK";
  }
  EXPECT_EQ(files, 1u);
  fs::remove_all(dir);
}

TEST(IndexDirectoryTest, OneWriterAtATime) {
  std::string dir = TempDir("lock");
  ::mkdir(dir.c_str(), 0755);
  FileCatalogStore catalog(dir);
  DirectoryOptions opts;
  opts.lock_wait_ms = 0;
  Result<std::unique_ptr<IndexDirectory>> first = IndexDirectory::Open(dir, &catalog, opts);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  // A second writer would remove the first one's uncommitted segments as strays.
  Result<std::unique_ptr<IndexDirectory>> second = IndexDirectory::Open(dir, &catalog, opts);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("another process is writing"), std::string::npos);
  first->reset();
  EXPECT_TRUE(IndexDirectory::Open(dir, &catalog, opts).ok());
  fs::remove_all(dir);
}

TEST(MergePolicyTest, TiersAndDeletions) {
  struct Case {
    std::vector<uint64_t> live, total;
    std::vector<std::vector<size_t>> want;
  };
  MergePolicy p;
  p.segments_per_tier = 3;
  p.min_docs = 100;
  const Case cases[] = {
      {{10, 20, 30}, {10, 20, 30}, {{0, 1, 2}}},
      {{10, 20, 5000}, {10, 20, 5000}, {}},
      {{10, 40, 1000, 20, 30}, {10, 40, 1000, 20, 30}, {{0, 3, 4}}},
      {{10, 5000}, {10, 20000}, {{1}}},
  };
  for (const Case& c : cases) EXPECT_EQ(PickMerges(c.live, c.total, p), c.want);
}

TEST(CatalogTest, RoundTripAndErrors) {
  CatalogState s{7, {{"seg_a.ais", "", 10, 0}, {"seg_b.ais", "del_b.del", 5, 2}}};
  Result<CatalogState> back = DecodeCatalog(EncodeCatalog(s));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->generation, 7u);
  ASSERT_EQ(back->segments.size(), 2u);
  EXPECT_EQ(back->segments[1].deletions, "del_b.del");
  EXPECT_EQ(DecodeCatalog("garbage").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(DecodeCatalog("annals-index-catalog 1\nsegment ../x - 1 0\n").status().code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace annals::index
