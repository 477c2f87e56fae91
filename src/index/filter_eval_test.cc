// EvalFilter tests: random filter trees over random segments (sizes around
// the 64-bit word boundaries, with and without deletions, empty ones)
// against a reference that evaluates each filter on the source documents
// directly; DocBitmap's scans against brute force.
#include "index/filter_eval.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "index/random_corpus_testing.h"
#include "index/segment_builder.h"

namespace annals::index {
namespace {

struct SrcDoc {
  uint64_t id;
  int32_t date;
  std::vector<std::pair<std::string, std::string>> keywords;
  std::vector<std::pair<std::string, int64_t>> numbers;
};

std::vector<SrcDoc> RandomDocs(std::mt19937& rng, uint32_t n) {
  std::vector<SrcDoc> docs;
  for (uint32_t i = 0; i < n; i++) {
    SrcDoc d{5000 + i * 13 % 100003, static_cast<int32_t>(rng() % 50), {}, {}};
    for (const char* v : {"a", "b", "c"}) {
      if (rng() % 3 == 0) d.keywords.emplace_back("k", v);
    }
    if (rng() % 2) d.numbers.emplace_back("n", static_cast<int64_t>(rng() % 21) - 10);
    docs.push_back(std::move(d));
  }
  return docs;
}

std::shared_ptr<const Segment> BuildSegment(const std::vector<SrcDoc>& docs) {
  SegmentBuilder b;
  for (const SrcDoc& s : docs) {
    IndexDoc d;
    d.id = s.id;
    d.date = s.date;
    d.title = "t";
    d.body = "body";
    d.keywords = s.keywords;
    d.numbers = s.numbers;
    EXPECT_TRUE(b.Add(d).ok());
  }
  return test_corpus::InMemorySegment(b, "f");
}

bool Reference(const SrcDoc& d, const Filter& f) {
  switch (f.kind) {
    case FilterKind::kAll: return true;
    case FilterKind::kNone: return false;
    case FilterKind::kTerm:
      for (const auto& [k, v] : d.keywords) {
        if (KeywordTerm(k, v) == f.term) return true;
      }
      return false;
    case FilterKind::kNumeric:
      for (const auto& [k, v] : d.numbers) {
        if (k == f.field) return v >= f.min && v <= f.max;
      }
      return false;
    case FilterKind::kDays: return d.date >= f.day_from && d.date <= f.day_to;
    case FilterKind::kAnd:
      for (const Filter& c : f.children) {
        if (!Reference(d, c)) return false;
      }
      return true;
    case FilterKind::kOr:
      for (const Filter& c : f.children) {
        if (Reference(d, c)) return true;
      }
      return false;
    case FilterKind::kNot: return !Reference(d, f.children[0]);
  }
  return false;
}

Filter RandomFilter(std::mt19937& rng, int depth) {
  const int k = static_cast<int>(rng() % (depth > 2 ? 4 : 8));
  switch (k) {
    case 0: return Filter::Term(KeywordTerm("k", std::string(1, static_cast<char>('a' + rng() % 4))));  // "d" absent
    case 1: {
      const int64_t lo = static_cast<int64_t>(rng() % 25) - 12;
      return Filter::Numeric(rng() % 5 ? "n" : "missing", lo, lo + static_cast<int64_t>(rng() % 8));
    }
    case 2: {
      const int32_t lo = static_cast<int32_t>(rng() % 55) - 2;
      return Filter::Days(rng() % 4 ? lo : INT32_MIN, rng() % 4 ? lo + static_cast<int32_t>(rng() % 20) : INT32_MAX);
    }
    case 3: return rng() % 2 ? Filter::All() : Filter::None();
    case 4: return Filter::Not(RandomFilter(rng, depth + 1));
    default: {
      std::vector<Filter> cs;
      const int n = 1 + static_cast<int>(rng() % 3);
      for (int i = 0; i < n; i++) cs.push_back(RandomFilter(rng, depth + 1));
      Filter f;
      f.kind = k == 5 ? FilterKind::kAnd : FilterKind::kOr;
      f.children = std::move(cs);
      return f;
    }
  }
}

TEST(EvalFilterTest, MatchesReferenceOnRandomTreesSegmentsAndDeletions) {
  std::mt19937 rng(7);
  int nonempty = 0;
  for (uint32_t n : {1u, 2u, 63u, 64u, 65u, 127u, 128u, 129u, 300u}) {
    std::vector<SrcDoc> docs = RandomDocs(rng, n);
    auto seg = BuildSegment(docs);
    ASSERT_TRUE(seg);
    ASSERT_EQ(seg->num_docs(), n);
    std::map<uint64_t, const SrcDoc*> by_id;
    for (const SrcDoc& d : docs) by_id[d.id] = &d;
    for (bool with_deletions : {false, true}) {
      DeletionBitmap del((n + 63) / 64, 0);
      if (with_deletions) {
        for (uint32_t d = 0; d < n; d++) {
          if (rng() % 4 == 0 || d == n - 1) del[d >> 6] |= uint64_t{1} << (d & 63);
        }
      }
      for (int t = 0; t < 200; t++) {
        const Filter f = RandomFilter(rng, 0);
        Result<DocBitmap> b = EvalFilter(*seg, f, with_deletions ? &del : nullptr);
        ASSERT_TRUE(b.ok()) << b.status().message();
        ASSERT_EQ(b->num_docs, n);
        uint64_t expected = 0;
        for (uint32_t d = 0; d < n; d++) {
          const bool deleted = with_deletions && ((del[d >> 6] >> (d & 63)) & 1);
          const bool want = !deleted && Reference(*by_id.at(seg->ext_id(d)), f);
          ASSERT_EQ(b->Test(d), want) << FilterToString(f) << " doc " << d << " of " << n;
          expected += want;
        }
        EXPECT_EQ(b->Count(), expected) << FilterToString(f);
        nonempty += expected > 0;
      }
    }
  }
  EXPECT_GT(nonempty, 1000);  // the trees are not all trivially empty
}

TEST(EvalFilterTest, EmptySegmentGivesEmptyBitmaps) {
  SegmentBuilder b;
  Result<std::string> bytes = b.WriteToString();
  if (!bytes.ok()) GTEST_SKIP() << "the builder refuses empty segments: " << bytes.status().message();
  auto seg = Segment::FromBytes(std::move(*bytes), "empty");
  ASSERT_TRUE(seg.ok()) << seg.status().message();
  for (const Filter& f : {Filter::All(), Filter::Not(Filter::Term("k:a")), Filter::Days(INT32_MIN, INT32_MAX)}) {
    Result<DocBitmap> r = EvalFilter(**seg, f);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->Count(), 0u);
    EXPECT_EQ(r->NextSet(0), 0u);
    EXPECT_EQ(r->PrevSet(5), UINT32_MAX);
  }
}

TEST(DocBitmapTest, ScansMatchBruteForce) {
  std::mt19937 rng(5);
  for (uint32_t n : {0u, 1u, 63u, 64u, 65u, 200u}) {
    DocBitmap b(n);
    std::vector<bool> ref(n);
    for (uint32_t d = 0; d < n; d++) {
      if (rng() % 5 == 0) {
        b.Set(d);
        ref[d] = true;
      }
    }
    DocBitmap inv = b;
    inv.Invert();
    EXPECT_EQ(inv.Count() + b.Count(), n);
    for (uint32_t d = 0; d <= n + 1; d++) {
      uint32_t next = n, prev = UINT32_MAX;
      for (uint32_t x = d; x < n; x++) {
        if (ref[x]) {
          next = x;
          break;
        }
      }
      for (uint32_t x = std::min(d, n ? n - 1 : 0) + 1; n && x-- > 0;) {
        if (ref[x]) {
          prev = x;
          break;
        }
      }
      EXPECT_EQ(b.NextSet(d), next) << n << " " << d;
      EXPECT_EQ(b.PrevSet(d), prev) << n << " " << d;
      for (uint32_t hi = d; hi < n; hi += 7) {
        uint64_t c = 0;
        for (uint32_t x = d; x <= hi; x++) c += ref[x];
        EXPECT_EQ(b.CountRange(d, hi), c);
      }
    }
  }
}

}  // namespace
}  // namespace annals::index
