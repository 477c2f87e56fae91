// Facet codes in segments (format 3): builder → reader round trip in the
// segment's date order, merges carrying them (deletions dropped, a part
// without them making the output lack them), CollectMatches handing over
// exactly Count's matches, and damaged facet bytes failing cleanly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>

#include "index/count.h"
#include "index/merge.h"
#include "index/query.h"
#include "index/segment.h"
#include "index/segment_builder.h"

namespace annals::index {
namespace {

struct Corpus {
  std::vector<std::string> bodies;
  std::vector<std::vector<uint64_t>> facets;  // by doc index
};

// n docs with ids 100 + i, dates out of order, 0..6 codes each (repeats and
// large codes included).
Corpus MakeCorpus(uint32_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  Corpus c;
  const char* words[] = {"police", "army", "protest", "baku", "said", "killed"};
  for (uint32_t i = 0; i < n; i++) {
    std::string body;
    for (int k = 0; k < 8; k++) body += std::string(words[rng() % 6]) + " ";
    c.bodies.push_back(body);
    std::vector<uint64_t> f;
    const int m = static_cast<int>(rng() % 7);
    for (int k = 0; k < m; k++) f.push_back(rng() % 3 ? rng() % 400 : (uint64_t{1} << (rng() % 63)) + rng());
    if (m > 2) f.push_back(f[0]);  // a repeat
    c.facets.push_back(f);
  }
  return c;
}

std::string Build(const Corpus& c, uint32_t first, uint32_t step, bool with_facets) {
  SegmentBuilder b;
  for (uint32_t i = first; i < c.bodies.size(); i += step) {
    IndexDoc d;
    d.id = 100 + i;
    d.date = static_cast<int32_t>((i * 7919) % 50);
    d.body = c.bodies[i];
    if (with_facets) d.facets = &c.facets[i];
    EXPECT_TRUE(b.Add(d).ok());
  }
  Result<std::string> bytes = b.WriteToString();
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

std::vector<uint64_t> Expected(const Corpus& c, uint64_t id) {
  std::vector<uint64_t> f = c.facets[id - 100];
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

std::vector<uint64_t> Read(const Segment& s, uint32_t d) {
  std::vector<uint64_t> out;
  EXPECT_TRUE(s.ForEachFacet(d, [&](uint64_t code) { out.push_back(code); }));
  return out;
}

uint32_t Version(const std::string& bytes) {
  uint32_t v;
  std::memcpy(&v, bytes.data() + 8, 4);
  return v;
}

TEST(SegmentFacetsTest, RoundTripInDocOrder) {
  const Corpus c = MakeCorpus(500, 1);
  const std::string bytes = Build(c, 0, 1, true);
  EXPECT_EQ(Version(bytes), 3u);
  auto seg = Segment::FromBytes(bytes, "facets");
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  ASSERT_TRUE((*seg)->has_facets());
  for (uint32_t d = 0; d < (*seg)->num_docs(); d++) EXPECT_EQ(Read(**seg, d), Expected(c, (*seg)->ext_id(d))) << d;
}

TEST(SegmentFacetsTest, WithoutFacetsTheSegmentStaysVersion2) {
  const Corpus c = MakeCorpus(50, 2);
  const std::string bytes = Build(c, 0, 1, false);
  EXPECT_EQ(Version(bytes), 2u);
  auto seg = Segment::FromBytes(bytes, "plain");
  ASSERT_TRUE(seg.ok());
  EXPECT_FALSE((*seg)->has_facets());
  EXPECT_FALSE((*seg)->ForEachFacet(0, [](uint64_t) {}));
  // One doc without facets among docs with them: the segment has none
  // (an empty list would claim "no facets" for it).
  SegmentBuilder b;
  std::vector<uint64_t> f{1, 2};
  IndexDoc d;
  d.body = "x";
  d.id = 1;
  d.facets = &f;
  ASSERT_TRUE(b.Add(d).ok());
  d.id = 2;
  d.facets = nullptr;
  ASSERT_TRUE(b.Add(d).ok());
  auto mixed = b.WriteToString();
  ASSERT_TRUE(mixed.ok());
  EXPECT_EQ(Version(*mixed), 2u);
}

std::string MergeParts(const std::vector<std::string>& bytes, std::vector<SnapshotSegment>* parts, bool delete_some) {
  for (size_t p = 0; p < bytes.size(); p++) {
    auto seg = Segment::FromBytes(bytes[p], "part" + std::to_string(p));
    EXPECT_TRUE(seg.ok());
    SnapshotSegment sg{*seg, nullptr};
    if (delete_some && p == 1) {
      auto del = std::make_shared<DeletionBitmap>(((*seg)->num_docs() + 63) / 64, 0);
      for (uint32_t d = 0; d < (*seg)->num_docs(); d += 3) (*del)[d >> 6] |= 1ull << (d & 63);
      sg.deleted = del;
    }
    parts->push_back(sg);
  }
  const std::string dir = ::testing::TempDir() + "/annals_facet_merge";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/merged.ais";
  Status st = MergeSegments(*parts, CodecId::kBitPack, path, SIZE_MAX);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::ifstream in(path, std::ios::binary);
  std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove_all(dir);
  return out;
}

TEST(SegmentFacetsTest, MergesCarryThemAndDropDeletedDocs) {
  const Corpus c = MakeCorpus(600, 3);
  std::vector<SnapshotSegment> parts;
  const std::string merged = MergeParts({Build(c, 0, 3, true), Build(c, 1, 3, true), Build(c, 2, 3, true)}, &parts, true);
  EXPECT_EQ(Version(merged), 3u);
  auto seg = Segment::FromBytes(merged, "merged");
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  ASSERT_TRUE((*seg)->has_facets());
  EXPECT_EQ((*seg)->num_docs(), 600u - (200u + 2) / 3);
  for (uint32_t d = 0; d < (*seg)->num_docs(); d++) EXPECT_EQ(Read(**seg, d), Expected(c, (*seg)->ext_id(d))) << d;
  // A part from older code (no facets): the output has none.
  parts.clear();
  const std::string mixed = MergeParts({Build(c, 0, 2, true), Build(c, 1, 2, false)}, &parts, false);
  EXPECT_EQ(Version(mixed), 2u);
  auto m = Segment::FromBytes(mixed, "mixed");
  ASSERT_TRUE(m.ok());
  EXPECT_FALSE((*m)->has_facets());
}

TEST(SegmentFacetsTest, CollectMatchesHandsOverExactlyCountsMatches) {
  const Corpus c = MakeCorpus(900, 4);
  Snapshot snap;
  for (uint32_t p = 0; p < 3; p++) {
    auto seg = Segment::FromBytes(Build(c, p, 3, true), "s" + std::to_string(p));
    ASSERT_TRUE(seg.ok());
    SnapshotSegment sg{*seg, nullptr};
    if (p == 2) {
      auto del = std::make_shared<DeletionBitmap>(((*seg)->num_docs() + 63) / 64, 0);
      for (uint32_t d = 1; d < (*seg)->num_docs(); d += 4) (*del)[d >> 6] |= 1ull << (d & 63);
      sg.deleted = del;
    }
    snap.segments.push_back(sg);
  }
  for (const char* text : {"police", "police army", "\"protest baku\"", "pol* OR killed", "said -army"}) {
    Result<Query> q = ParseSimple(text);
    ASSERT_TRUE(q.ok()) << text;
    std::set<uint64_t> collected;
    Result<uint64_t> n = CollectMatches(snap, *q, [&](size_t i, const DocBitmap& hits) {
      const Segment& s = *snap.segments[i].segment;
      for (uint32_t d = hits.NextSet(0); d < hits.num_docs; d = hits.NextSet(d + 1)) {
        EXPECT_FALSE(snap.segments[i].IsDeleted(d));
        collected.insert(s.ext_id(d));
      }
      return Status::Ok();
    });
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    EXPECT_EQ(*n, collected.size()) << text;
    Result<uint64_t> count = Count(snap, *q);
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, *n) << text;
    EXPECT_GT(*n, 0u) << text;
  }
  // An error from the visitor stops the walk and comes back.
  Result<Query> q = ParseSimple("police");
  ASSERT_TRUE(q.ok());
  Result<uint64_t> r = CollectMatches(snap, *q, [](size_t, const DocBitmap&) { return Status::Internal("stop"); });
  EXPECT_FALSE(r.ok());
}

TEST(SegmentFacetsTest, DamagedFacetBytesFailCleanly) {
  const Corpus c = MakeCorpus(200, 5);
  const std::string bytes = Build(c, 0, 1, true);
  FacetSections fs;
  std::memcpy(&fs, bytes.data() + sizeof(SegmentHeader), sizeof fs);
  // Offsets out of order: refused at open (without the checksum).
  {
    std::string b = bytes;
    const uint32_t big = 0xfffffff0u;
    std::memcpy(&b[fs.offsets.offset + 4 * 10], &big, 4);
    auto seg = Segment::FromBytes(b, "bad-offsets", OpenOptions{false});
    ASSERT_FALSE(seg.ok());
    EXPECT_NE(seg.status().message().find("facet offsets"), std::string::npos) << seg.status().ToString();
  }
  // Every value byte with its continuation bit: each doc's codes run into
  // its end; decoding stops there, no read past the doc.
  {
    std::string b = bytes;
    for (uint64_t i = 0; i < fs.values.size; i++) b[fs.values.offset + i] = static_cast<char>(0xff);
    auto seg = Segment::FromBytes(b, "bad-values", OpenOptions{false});
    ASSERT_TRUE(seg.ok()) << seg.status().ToString();
    size_t failed = 0;
    for (uint32_t d = 0; d < (*seg)->num_docs(); d++) failed += !(*seg)->ForEachFacet(d, [](uint64_t) {});
    EXPECT_GT(failed, 100u);
  }
  // The facet section refs themselves out of bounds.
  {
    std::string b = bytes;
    FacetSections bad = fs;
    bad.values.size = b.size();
    std::memcpy(&b[sizeof(SegmentHeader)], &bad, sizeof bad);
    EXPECT_FALSE(Segment::FromBytes(b, "bad-ref", OpenOptions{false}).ok());
  }
}

}  // namespace
}  // namespace annals::index
