// Test segments, in memory: any builder's (InMemorySegment), and random ones
// for the index's differential tests (differential_test.cc: top k against
// exhaustive scoring; count_test.cc: exact totals): Zipf-ish
// words w0..wN so that some lists span many blocks and most are rare, a
// family of words sharing the prefix "pa" for prefix queries, sentence
// breaks, three titled words, and person / has:quote / killed fields.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "index/filter.h"
#include "index/segment.h"
#include "index/segment_builder.h"

namespace annals::index::test_corpus {

inline const char* const kRandomPersons[] = {"Ann Lee", "Bo Diaz", "Cy Ng"};

inline std::string Word(int i) { return "w" + std::to_string(i); }

// The segment `b` builds, held in memory (test failures if it cannot be).
inline std::shared_ptr<const Segment> InMemorySegment(SegmentBuilder& b, std::string name) {
  Result<std::string> bytes = b.WriteToString();
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  Result<std::shared_ptr<const Segment>> seg = Segment::FromBytes(std::move(*bytes), std::move(name));
  EXPECT_TRUE(seg.ok()) << seg.status().ToString();
  return *seg;
}

struct RandomCorpus {
  int vocab = 60;       // words w0 .. w(vocab-1)
  double skew = 2.2;    // PickWord's exponent: higher, fewer common words
  int max_len = 60;     // a document has 1 .. max_len words,
  int long_one_in = 50; // except one in this many: long_min .. long_min+long_span-1
  int long_min = 300;
  int long_span = 400;

  int PickWord(std::mt19937& rng) const {
    std::uniform_real_distribution<double> u(0, 1);
    return static_cast<int>(std::pow(u(rng), skew) * vocab);
  }

  std::shared_ptr<const Segment> MakeSegment(std::mt19937& rng, int num_docs, uint64_t first_id, CodecId codec) const {
    SegmentBuilder b(codec);
    std::vector<std::string> titles(num_docs), bodies(num_docs);
    for (int d = 0; d < num_docs; d++) {
      int len = 1 + static_cast<int>(rng() % static_cast<unsigned>(max_len));
      if (rng() % static_cast<unsigned>(long_one_in) == 0) len = long_min + static_cast<int>(rng() % static_cast<unsigned>(long_span));
      for (int i = 0; i < len; i++) {
        int w = PickWord(rng);
        bodies[d] += (rng() % 9 == 0 ? "pa" + std::to_string(w % 7) : Word(w)) + (i % 11 == 10 ? ". " : " ");
      }
      for (int i = 0; i < 3; i++) titles[d] += Word(PickWord(rng)) + " ";
      IndexDoc doc;
      doc.id = first_id + static_cast<uint64_t>(d);
      doc.date = 7000 + static_cast<int32_t>(rng() % 2000);
      doc.title = titles[d];
      doc.body = bodies[d];
      if (rng() % 3 == 0) doc.keywords.push_back({"person", kRandomPersons[rng() % 3]});
      if (rng() % 4 == 0) doc.keywords.push_back({"has", "quote"});
      if (rng() % 2 == 0) doc.numbers.push_back({"killed", static_cast<int64_t>(rng() % 200)});
      EXPECT_TRUE(b.Add(doc).ok());
    }
    return InMemorySegment(b, "random");
  }

  // A random filter tree over this corpus's fields, up to `depth` levels of
  // AND / OR / NOT below the root.
  Filter RandomFilter(std::mt19937& rng, int depth) const {
    const int kind = static_cast<int>(rng() % (depth > 0 ? 9 : 6));
    switch (kind) {
      case 0: return Filter::Term(KeywordTerm("person", kRandomPersons[rng() % 3]));
      case 1: return Filter::Term(rng() % 5 == 0 ? "has:count" : "has:quote");  // has:count is absent
      case 2: return Filter::Term(TitleTerm(Word(PickWord(rng))));
      case 3: return Filter::Numeric("killed", static_cast<int64_t>(rng() % 150), INT64_MAX);
      case 4: {
        const int32_t from = 7000 + static_cast<int32_t>(rng() % 2000);
        return Filter::Days(from, from + static_cast<int32_t>(rng() % 1200));
      }
      case 5: return rng() % 2 ? Filter::All() : Filter::Term(Word(PickWord(rng)));
      case 6: return Filter::Not(RandomFilter(rng, depth - 1));
      default: {
        std::vector<Filter> cs;
        const int n = 1 + static_cast<int>(rng() % 3);
        for (int i = 0; i < n; i++) cs.push_back(RandomFilter(rng, depth - 1));
        return Filter::Combine(kind == 7 ? FilterKind::kAnd : FilterKind::kOr, std::move(cs));
      }
    }
  }
};

}  // namespace annals::index::test_corpus
