// Exact totals, differentially (as differential_test.cc does for the top k):
// random segments with deletions, random queries with every filter form
// (filter trees, required / excluded terms, numeric filters, date ranges, an
// accept callback), and the exact total of Search() must equal the number of
// documents the exhaustive reference engine matches, and the number the
// unpruned engine lists when asked for every hit — the two ways the total was
// computed before it stopped scoring.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "index/count.h"
#include "index/random_corpus_testing.h"
#include "index/search.h"
#include "index/segment_builder.h"

namespace annals::index {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr int kQueries = 300;
#else
constexpr int kQueries = 1500;
#endif

using test_corpus::kRandomPersons;
using test_corpus::Word;

// The shape of this test's random segments (random_corpus_testing.h).
const test_corpus::RandomCorpus kCorpus{50, 2.5, 40, 40, 200, 300};

int PickWord(std::mt19937& rng) { return kCorpus.PickWord(rng); }

std::shared_ptr<const Segment> RandomSegment(std::mt19937& rng, int num_docs, uint64_t first_id, CodecId codec) {
  return kCorpus.MakeSegment(rng, num_docs, first_id, codec);
}

Filter RandomFilter(std::mt19937& rng, int depth) { return kCorpus.RandomFilter(rng, depth); }

Query RandomQuery(std::mt19937& rng) {
  Query q;
  // A third of the queries are one plain word with at most bitmap filters:
  // the shape the API sends most and the one counted from block metadata.
  const bool plain = rng() % 3 == 0;
  int n = plain ? 1 : 1 + static_cast<int>(rng() % 4);
  if (!plain && rng() % 10 == 0) n = 0;  // filters only
  for (int i = 0; i < n; i++) {
    Clause c;
    const int kind = plain ? 0 : static_cast<int>(rng() % 10);
    if (kind < 6) {
      c.kind = ClauseKind::kTerm;
      c.terms = {rng() % 20 == 0 ? "absent" : Word(PickWord(rng))};
    } else if (kind < 9) {
      c.kind = ClauseKind::kPhrase;
      const int len = 1 + static_cast<int>(rng() % 3);
      for (int j = 0; j < len; j++) c.terms.push_back(Word(PickWord(rng) % 10));
    } else {
      c.kind = ClauseKind::kPrefix;
      c.terms = {rng() % 2 ? "pa" : "w1"};
    }
    q.clauses.push_back(c);
  }
  q.mode = rng() % 3 == 0 ? MatchMode::kAll : MatchMode::kAny;
  if (rng() % 2 == 0) q.filter = RandomFilter(rng, 2);
  if (rng() % 3 == 0) {
    q.date_from = 7000 + static_cast<int32_t>(rng() % 2000);
    q.date_to = q.date_from + static_cast<int32_t>(rng() % 900);
  }
  if (!plain) {
    if (rng() % 6 == 0) q.require.push_back(rng() % 2 ? "has:quote" : "person:ann lee");
    if (rng() % 6 == 0) q.exclude.push_back(Word(PickWord(rng)));
    if (rng() % 6 == 0) q.numeric.push_back({"killed", static_cast<int64_t>(rng() % 150), INT64_MAX});
    if (rng() % 6 == 0) q.accept = [](uint64_t id) { return id % 5 != 0; };
  }
  q.k = 1 + rng() % 20;
  return q;
}

// Deletions of three shapes: none, scattered, and long runs (whole blocks of
// a common word deleted, blocks partly deleted).
Snapshot RandomSnapshot(std::mt19937& rng) {
  Snapshot snap;
  snap.segments.push_back({RandomSegment(rng, 2500, 1, CodecId::kBitPack), nullptr});
  snap.segments.push_back({RandomSegment(rng, 1300, 100000, CodecId::kStreamVByte), nullptr});
  snap.segments.push_back({RandomSegment(rng, 900, 200000, CodecId::kBitPack), nullptr});
  auto scattered = std::make_shared<DeletionBitmap>((1300 + 63) / 64, 0);
  for (int d = 0; d < 1300; d += 3 + static_cast<int>(rng() % 5)) (*scattered)[d / 64] |= 1ull << (d % 64);
  snap.segments[1].deleted = scattered;
  auto runs = std::make_shared<DeletionBitmap>((900 + 63) / 64, 0);
  for (int d = 100; d < 600; d++) (*runs)[d / 64] |= 1ull << (d % 64);
  for (int d = 700; d < 900; d += 2) (*runs)[d / 64] |= 1ull << (d % 64);
  snap.segments[2].deleted = runs;
  return snap;
}

TEST(CountTest, ExactTotalEqualsExhaustiveMatchCount) {
  std::mt19937 rng(20261129);
  const Snapshot snap = RandomSnapshot(rng);
  int nonzero = 0;
  for (int iter = 0; iter < kQueries; iter++) {
    Query q = RandomQuery(rng);
    Result<SearchResult> slow = SearchExhaustive(snap, q);
    ASSERT_TRUE(slow.ok()) << slow.status().ToString();
    // The unpruned engine asked for every hit lists each match once.
    Query every = q;
    every.k = SIZE_MAX;
    SearchOptions no_prune;
    no_prune.prune = false;
    Result<SearchResult> listed = Search(snap, every, no_prune);
    ASSERT_TRUE(listed.ok()) << listed.status().ToString();
    ASSERT_EQ(listed->hits.size(), slow->total) << "query " << iter;

    q.exact_count = true;
    Result<SearchResult> fast = Search(snap, q);
    ASSERT_TRUE(fast.ok()) << fast.status().ToString();
    ASSERT_EQ(fast->total, slow->total) << "query " << iter;
    ASSERT_EQ(fast->hits.size(), std::min<uint64_t>(q.k, slow->total)) << "query " << iter;
    Result<uint64_t> counted = Count(snap, q);
    ASSERT_TRUE(counted.ok()) << counted.status().ToString();
    ASSERT_EQ(*counted, slow->total) << "query " << iter;
    // The collected match set is exactly the listed hits.
    std::set<std::pair<uint32_t, uint32_t>> want, got;
    for (const Hit& h : listed->hits) want.emplace(h.segment, h.doc);
    Result<uint64_t> collected = CollectMatches(snap, q, [&](size_t i, const DocBitmap& hits) {
      for (uint32_t d = hits.NextSet(0); d < hits.num_docs; d = hits.NextSet(d + 1)) {
        got.emplace(static_cast<uint32_t>(i), d);
      }
      return Status::Ok();
    });
    ASSERT_TRUE(collected.ok()) << collected.status().ToString();
    ASSERT_EQ(*collected, slow->total) << "query " << iter;
    ASSERT_EQ(got, want) << "query " << iter;
    nonzero += slow->total > 0;
  }
  // Most queries must match something, or equal zeros would prove little.
  EXPECT_GT(nonzero, kQueries / 2);
}

// Damage a checksum would have refused: any status, never a crash or an
// out-of-bounds read (ASan/UBSan builds check the latter).
TEST(CountTest, DamagedSegmentWithoutChecksumNeverCrashes) {
  std::mt19937 rng(7);
  SegmentBuilder b(CodecId::kBitPack);
  std::vector<std::string> bodies(600);
  for (int d = 0; d < 600; d++) {
    for (int i = 0; i < 20; i++) bodies[d] += Word(PickWord(rng)) + " ";
    IndexDoc doc;
    doc.id = static_cast<uint64_t>(d + 1);
    doc.date = 7000 + d;
    doc.body = bodies[d];
    if (d % 3 == 0) doc.keywords.push_back({"has", "quote"});
    ASSERT_TRUE(b.Add(doc).ok());
  }
  Result<std::string> bytes = b.WriteToString();
  ASSERT_TRUE(bytes.ok());
  auto deleted = std::make_shared<DeletionBitmap>((600 + 63) / 64, 0);
  for (int d = 0; d < 600; d += 7) (*deleted)[d / 64] |= 1ull << (d % 64);
  int opened = 0;
  for (int i = 0; i < 300; i++) {
    std::string bad = *bytes;
    for (int k = 0; k < 4; k++) bad[rng() % bad.size()] = static_cast<char>(rng());
    Result<std::shared_ptr<const Segment>> seg = Segment::FromBytes(bad, "damaged", OpenOptions{false});
    if (!seg.ok()) continue;
    opened++;
    Snapshot snap;
    snap.segments.push_back({*seg, i % 2 ? deleted : nullptr});
    for (const char* text : {"w0", "w1 w2", "\"w0 w1\"", "w* has:quote", "has:quote", "-w0 killed>=3"}) {
      for (MatchMode mode : {MatchMode::kAny, MatchMode::kAll}) {
        Result<Query> q = ParseSimple(text, mode);
        ASSERT_TRUE(q.ok()) << text << ": " << q.status().ToString();
        if (i % 3 == 0) q->date_from = 7100, q->date_to = 7400;
        (void)Count(snap, *q);
      }
    }
  }
  EXPECT_GT(opened, 0);
}

}  // namespace
}  // namespace annals::index
