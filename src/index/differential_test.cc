// Differential test (as RE2 checks its engines against each other): random
// segments, thousands of random queries, and block-max search must return
// exactly what exhaustive scoring returns: same ids in the same order, same
// scores within 1e-9 relative, same exact totals.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "index/filter_cache.h"
#include "index/random_corpus_testing.h"
#include "index/search.h"
#include "index/segment_builder.h"

namespace annals::index {
namespace {

// Under ASan/UBSan (10-30x slower) fewer queries keep `make test` quick; the
// plain build runs the full set.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kQueries = 250;
#else
constexpr int kQueries = 1000;
#endif

using test_corpus::kRandomPersons;
using test_corpus::Word;

// The shape of this test's random segments (random_corpus_testing.h).
const test_corpus::RandomCorpus kCorpus{60, 2.2, 60, 50, 300, 400};

int PickWord(std::mt19937& rng) { return kCorpus.PickWord(rng); }

std::shared_ptr<const Segment> RandomSegment(std::mt19937& rng, int num_docs, uint64_t first_id, CodecId codec) {
  return kCorpus.MakeSegment(rng, num_docs, first_id, codec);
}

Query RandomQuery(std::mt19937& rng) {
  Query q;
  int n = 1 + static_cast<int>(rng() % 4);
  if (rng() % 15 == 0) n = 0;  // filters only
  for (int i = 0; i < n; i++) {
    Clause c;
    int kind = static_cast<int>(rng() % 10);
    if (kind < 6) {
      c.kind = ClauseKind::kTerm;
      c.terms = {Word(PickWord(rng))};
    } else if (kind < 9) {
      c.kind = ClauseKind::kPhrase;
      int len = 2 + static_cast<int>(rng() % 2);
      for (int j = 0; j < len; j++) c.terms.push_back(Word(PickWord(rng) % 12));
    } else {
      c.kind = ClauseKind::kPrefix;
      c.terms = {rng() % 2 ? "pa" : "w1"};
    }
    q.clauses.push_back(c);
  }
  q.mode = rng() % 3 == 0 ? MatchMode::kAll : MatchMode::kAny;
  if (rng() % 4 == 0) q.require.push_back(rng() % 2 ? "has:quote" : "person:ann lee");
  if (rng() % 6 == 0) q.require.push_back("title:" + Word(PickWord(rng)));
  // An excluded word the segments lack leaves no cursor behind.
  if (rng() % 5 == 0) q.exclude.push_back(rng() % 4 == 0 ? "absent" : Word(PickWord(rng)));
  if (rng() % 5 == 0) q.numeric.push_back({"killed", static_cast<int64_t>(rng() % 150), INT64_MAX});
  if (rng() % 3 == 0) q.filter = kCorpus.RandomFilter(rng, 2);
  if (rng() % 3 == 0) {
    q.date_from = 7000 + static_cast<int32_t>(rng() % 2000);
    q.date_to = q.date_from + static_cast<int32_t>(rng() % 800);
  }
  q.k = 1 + rng() % 30;
  q.exact_count = rng() % 3 == 0;
  return q;
}

void ExpectSame(const SearchResult& got, const SearchResult& want, const Query& q, int iter, const char* what) {
  ASSERT_EQ(got.hits.size(), want.hits.size()) << what << " query " << iter;
  for (size_t i = 0; i < got.hits.size(); i++) {
    EXPECT_EQ(got.hits[i].id, want.hits[i].id) << what << " query " << iter << " rank " << i;
    EXPECT_NEAR(got.hits[i].score, want.hits[i].score, 1e-9 * std::max(1.0, std::fabs(want.hits[i].score)))
        << what << " query " << iter << " rank " << i;
  }
  if (q.exact_count) {
    EXPECT_EQ(got.total, want.total) << what << " query " << iter;
  }
}

TEST(DifferentialTest, BlockMaxEqualsExhaustive) {
  std::mt19937 rng(20261127);
  Snapshot snap;
  snap.segments.push_back({RandomSegment(rng, 1800, 1, CodecId::kStreamVByte), nullptr});
  snap.segments.push_back({RandomSegment(rng, 700, 100000, CodecId::kBitPack), nullptr});
  snap.segments.push_back({RandomSegment(rng, 300, 200000, CodecId::kStreamVByte), nullptr});
  // Deletions in the second segment.
  auto del = std::make_shared<DeletionBitmap>((700 + 63) / 64, 0);
  for (int d = 0; d < 700; d += 3) (*del)[d / 64] |= 1ull << (d % 64);
  snap.segments[1].deleted = del;

  // Shared by every query: a later query may find an earlier one's bitmap.
  auto shared_cache = std::make_shared<FilterCache>(600);
  uint64_t candidates = 0, skipped = 0;
  for (int iter = 0; iter < kQueries; iter++) {
    Query q = RandomQuery(rng);
    SearchStats stats;
    Result<SearchResult> fast = Search(snap, q, {}, &stats);
    Result<SearchResult> slow = SearchExhaustive(snap, q);
    ASSERT_TRUE(fast.ok()) << fast.status().ToString();
    ASSERT_TRUE(slow.ok()) << slow.status().ToString();
    ExpectSame(*fast, *slow, q, iter, "block-max");
    SearchOptions no_prune;
    no_prune.prune = false;
    Result<SearchResult> full = Search(snap, q, no_prune);
    ASSERT_TRUE(full.ok());
    ExpectSame(*full, *slow, q, iter, "unpruned");
    // Small filter windows: a filter-only query crosses many of them.
    SearchOptions small_windows;
    small_windows.filter_window = 1 + rng() % 100;
    Result<SearchResult> windowed = Search(snap, q, small_windows);
    ASSERT_TRUE(windowed.ok());
    ExpectSame(*windowed, *slow, q, iter, "small filter windows");
    // With a filter cache (a tiny budget: entries come and go), twice:
    // built, then reused or rebuilt after eviction.
    Snapshot cached = snap;
    cached.filter_cache = shared_cache;
    for (int round = 0; round < 2; round++) {
      Result<SearchResult> c = Search(cached, q);
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      ExpectSame(*c, *slow, q, iter, round ? "filter cache, again" : "filter cache");
    }
    candidates += stats.candidates;
    skipped += stats.windows_skipped;
    if (HasFailure()) break;
  }
  // Pruning must actually happen on these lists, or the test proves little.
  EXPECT_GT(skipped, 0u);
  // The cached path ran: bitmaps were found again.
  EXPECT_GT(shared_cache->hits(), 0u);
  RecordProperty("candidates", std::to_string(candidates));
}

}  // namespace
}  // namespace annals::index
