// Segment format tests: codec round trips, builder → reader round trip of
// every posting, and damaged files: truncation and bit flips give a clear
// Corruption status, never a crash (ASan runs these too).
#include "index/segment.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "index/analyzer.h"
#include "index/search.h"
#include "index/segment_builder.h"
#include "index/segment_writer.h"

namespace annals::index {
namespace {

TEST(CodecTest, RoundTripBothCodecs) {
  std::mt19937 rng(3);
  for (CodecId id : {CodecId::kStreamVByte, CodecId::kBitPack}) {
    const BlockCodec* c = CodecFor(id);
    for (uint32_t n : {1u, 2u, 5u, 127u, 128u}) {
      for (int bits = 0; bits <= 32; bits++) {  // bit-packing decodes each width with its own code
        std::vector<uint32_t> in(n), out(n);
        for (auto& v : in) v = bits == 0 ? 0 : (bits == 32 ? rng() : rng() % (1u << bits));
        std::vector<uint8_t> buf(c->MaxEncodedBytes(n) + kCodecSlack);
        size_t len = c->Encode(in.data(), n, buf.data());
        Result<size_t> r = c->Decode(buf.data(), len, n, out.data());
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(*r, len);
        EXPECT_EQ(in, out);
        if (len > 1) {
          EXPECT_FALSE(c->Decode(buf.data(), len - 1, n, out.data()).ok()) << "truncated must fail";
        }
      }
    }
  }
  EXPECT_EQ(CodecFor(static_cast<CodecId>(99)), nullptr);
}

// A slice equals the same values of a full decode, across run boundaries
// (bit-packing runs are 128 values, each with its own width), and a slice
// whose runs do not fit in the input is Corruption.
TEST(CodecTest, SlicesEqualTheFullDecode) {
  std::mt19937 rng(5);
  for (CodecId id : {CodecId::kStreamVByte, CodecId::kBitPack}) {
    const BlockCodec* c = CodecFor(id);
    for (uint32_t n : {1u, 128u, 129u, 300u, 777u}) {
      std::vector<uint32_t> in(n), all(n);
      // Runs of different widths: small gaps, then some large ones.
      for (uint32_t i = 0; i < n; i++) in[i] = (i / 128) % 2 ? rng() % 100000 : rng() % 8;
      std::vector<uint8_t> buf(c->MaxEncodedBytes(n) + kCodecSlack);
      const size_t len = c->Encode(in.data(), n, buf.data());
      for (int k = 0; k < 200; k++) {
        const uint32_t from = rng() % n, count = rng() % (n - from + 1);
        std::vector<uint32_t> got(count + 1, 12345);
        ASSERT_TRUE(c->DecodeSlice(buf.data(), len, n, from, count, got.data()).ok());
        EXPECT_TRUE(std::equal(got.begin(), got.begin() + count, in.begin() + from)) << from << "+" << count;
        EXPECT_EQ(got[count], 12345u) << "wrote past the slice";
      }
      std::vector<uint32_t> one(1);
      EXPECT_FALSE(c->DecodeSlice(buf.data(), len, n, n, 1, one.data()).ok()) << "past n";
      EXPECT_FALSE(c->DecodeSlice(buf.data(), len / 2, n, n - 1, 1, one.data()).ok()) << "truncated";
    }
  }
}

// Numeric columns: bit-packed (version 2) they read back exactly what was
// written, extremes included, as the raw version 1 columns do; a column
// with no value at all takes no words.
TEST(SegmentTest, NumericColumnsRoundTripInBothVersions) {
  std::mt19937 rng(9);
  const uint32_t n = 777;
  std::vector<DocMeta> docs(n);
  for (uint32_t d = 0; d < n; d++) docs[d] = DocMeta{1000 + d, static_cast<int32_t>(d / 10), 1};
  const std::vector<std::string> names = {"wide", "constant", "negative", "empty", "small"};
  std::vector<int64_t> values(names.size() * n, kNumericMissing);
  for (uint32_t d = 0; d < n; d++) {
    const int64_t extremes[] = {INT64_MAX, INT64_MIN + 1, 0, -1, static_cast<int64_t>(rng())};
    if (rng() % 3) values[0 * n + d] = extremes[rng() % 5];
    if (rng() % 2) values[1 * n + d] = 5;
    if (rng() % 4) values[2 * n + d] = -static_cast<int64_t>(rng() % 120000000);
    if (rng() % 10 == 0) values[4 * n + d] = static_cast<int64_t>(rng() % 200);
  }
  std::vector<size_t> sizes;
  for (bool version1 : {false, true}) {
    SegmentWriter w(CodecId::kBitPack, docs, names, values);
    if (version1) w.WriteVersion1ForTesting();
    ASSERT_TRUE(w.AddTerm("x", std::vector<uint32_t>{0}.data(), std::vector<uint32_t>{1}.data(), nullptr, 1).ok());
    Result<std::string> bytes = w.FinishToString();
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    sizes.push_back(bytes->size());
    auto seg = Segment::FromBytes(*bytes, version1 ? "v1" : "v2");
    ASSERT_TRUE(seg.ok()) << seg.status().ToString();
    for (size_t f = 0; f < names.size(); f++) {
      ASSERT_EQ((*seg)->NumericField(names[f]), static_cast<int>(f));
      for (uint32_t d = 0; d < n; d++) {
        ASSERT_EQ((*seg)->Numeric(static_cast<int>(f), d), values[f * n + d]) << names[f] << " doc " << d;
      }
    }
  }
  EXPECT_LT(sizes[0] + 15000, sizes[1]) << "version 2 columns are packed";
}

struct TestDoc {
  uint64_t id;
  int32_t date;
  std::string text;
};

std::vector<TestDoc> SomeDocs() {
  std::mt19937 rng(11);
  const char* words[] = {"police", "killed", "protesters", "in", "Baku", "on", "Saturday", "the", "army", "said"};
  std::vector<TestDoc> docs;
  for (uint64_t i = 0; i < 700; i++) {
    TestDoc d{1000 + i * 7 % 701, static_cast<int32_t>(rng() % 300), ""};
    int n = 1 + static_cast<int>(rng() % 30);
    for (int k = 0; k < n; k++) d.text += std::string(words[rng() % 10]) + " ";
    docs.push_back(d);
  }
  return docs;
}

std::string Build(const std::vector<TestDoc>& docs, CodecId codec) {
  SegmentBuilder b(codec);
  for (const TestDoc& d : docs) {
    IndexDoc doc;
    doc.id = d.id;
    doc.date = d.date;
    doc.body = d.text;
    doc.keywords = {{"has", d.id % 3 ? "quote" : "count"}};
    doc.numbers = {{"killed", static_cast<int64_t>(d.id % 17)}};
    EXPECT_TRUE(b.Add(doc).ok());
  }
  Result<std::string> r = b.WriteToString();
  EXPECT_TRUE(r.ok());
  return *r;
}

TEST(SegmentTest, EveryPostingRoundTrips) {
  std::vector<TestDoc> docs = SomeDocs();
  // Expected: docs in (date, id) order; term -> (local doc -> positions).
  std::vector<TestDoc> sorted = docs;
  std::sort(sorted.begin(), sorted.end(), [](const TestDoc& a, const TestDoc& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  std::map<std::string, std::map<uint32_t, std::vector<uint32_t>>> want;
  for (uint32_t d = 0; d < sorted.size(); d++) {
    std::vector<std::string> terms = AnalyzeToTerms(sorted[d].text);
    for (uint32_t p = 0; p < terms.size(); p++) want[terms[p]][d].push_back(p);
  }
  for (CodecId codec : {CodecId::kStreamVByte, CodecId::kBitPack}) {
    Result<std::shared_ptr<const Segment>> seg = Segment::FromBytes(Build(docs, codec), "rt");
    ASSERT_TRUE(seg.ok()) << seg.status().ToString();
    const Segment& s = **seg;
    ASSERT_EQ(s.num_docs(), docs.size());
    for (uint32_t d = 0; d < s.num_docs(); d++) {
      EXPECT_EQ(s.ext_id(d), sorted[d].id);
      EXPECT_EQ(s.date(d), sorted[d].date);
      EXPECT_EQ(s.Numeric(s.NumericField("killed"), d), static_cast<int64_t>(sorted[d].id % 17));
    }
    for (const auto& [term, postings] : want) {
      Result<TermRef> ref = s.Find(term);
      ASSERT_TRUE(ref.ok() && ref->entry) << term;
      PostingsCursor c(&s, *ref);
      auto it = postings.begin();
      std::vector<uint32_t> pos;
      for (uint32_t d = c.doc(); d != kEndDoc; d = c.Next(), ++it) {
        ASSERT_NE(it, postings.end());
        EXPECT_EQ(d, it->first);
        EXPECT_EQ(c.tf(), it->second.size());
        ASSERT_TRUE(c.Positions(&pos).ok());
        EXPECT_EQ(pos, it->second);
      }
      EXPECT_EQ(it, postings.end());
      // Skipping lands on the same postings.
      PostingsCursor skip(&s, *ref);
      for (const auto& [d, p] : postings) EXPECT_EQ(skip.NextGeq(d), d);
    }
    Result<TermRef> quote = s.Find("has:quote");
    ASSERT_TRUE(quote.ok() && quote->entry);
    EXPECT_FALSE(s.Find("absent").value().entry);
  }
}

TEST(SegmentTest, DateRangeIsDocRange) {
  Result<std::shared_ptr<const Segment>> seg = Segment::FromBytes(Build(SomeDocs(), CodecId::kStreamVByte), "d");
  ASSERT_TRUE(seg.ok());
  uint32_t first = (*seg)->FirstDocOnOrAfter(100);
  for (uint32_t d = 0; d < (*seg)->num_docs(); d++) EXPECT_EQ((*seg)->date(d) >= 100, d >= first);
}

// Opens, then touches everything a search can touch; must not crash.
Status OpenAndReadAll(std::string bytes, bool verify) {
  Result<std::shared_ptr<const Segment>> seg = Segment::FromBytes(std::move(bytes), "damaged", OpenOptions{verify});
  if (!seg.ok()) return seg.status();
  const Segment& s = **seg;
  std::vector<uint32_t> pos;
  for (uint32_t i = 0; i < s.num_terms(); i++) {
    Result<TermRef> ref = s.Find(s.TermAt(i));
    if (!ref.ok()) return ref.status();
    if (!ref->entry) continue;
    PostingsCursor c(&s, *ref);
    for (uint32_t d = c.doc(); d != kEndDoc; d = c.Next()) {
      (void)c.Positions(&pos);
    }
    if (!c.status().ok()) return c.status();
  }
  Snapshot snap;
  snap.segments.push_back({*seg, nullptr});
  Result<Query> q = ParseSimple("police \"killed protesters\" bak* has:quote killed>=3");
  Result<SearchResult> r = Search(snap, *q);
  if (!r.ok()) return r.status();
  return Status::Ok();
}

TEST(SegmentTest, TruncationIsCorruption) {
  std::string bytes = Build(SomeDocs(), CodecId::kStreamVByte);
  ASSERT_TRUE(OpenAndReadAll(bytes, true).ok());
  for (size_t len = 0; len < bytes.size(); len += 1 + len / 8) {
    Status st = OpenAndReadAll(bytes.substr(0, len), true);
    EXPECT_EQ(st.code(), Status::Code::kCorruption) << len << ": " << st.ToString();
    EXPECT_NE(st.message().find("damaged"), std::string::npos) << st.message();  // names the segment
  }
}

TEST(SegmentTest, BitFlipsAreDetectedByTheChecksum) {
  std::string bytes = Build(SomeDocs(), CodecId::kBitPack);
  std::mt19937 rng(5);
  for (int i = 0; i < 300; i++) {
    std::string bad = bytes;
    size_t at = rng() % bad.size();
    bad[at] = static_cast<char>(bad[at] ^ (1 << (rng() % 8)));
    Status st = OpenAndReadAll(bad, true);
    EXPECT_FALSE(st.ok()) << "flip at " << at;
  }
}

TEST(SegmentTest, DamageWithoutChecksumNeverCrashes) {
  std::string bytes = Build(SomeDocs(), CodecId::kStreamVByte);
  std::mt19937 rng(6);
  for (int i = 0; i < 300; i++) {
    std::string bad = bytes;
    for (int k = 0; k < 4; k++) bad[rng() % bad.size()] = static_cast<char>(rng());
    (void)OpenAndReadAll(bad, false);  // any status; ASan/UBSan check the rest
  }
}

TEST(SegmentTest, OpenFromFileAndErrors) {
  std::string path = (std::filesystem::temp_directory_path() / ("annals_seg_" + std::to_string(::getpid()))).string();
  SegmentBuilder b;
  IndexDoc d;
  d.id = 1;
  d.body = "hello world";
  ASSERT_TRUE(b.Add(d).ok());
  ASSERT_TRUE(b.Write(path).ok());
  Result<std::shared_ptr<const Segment>> seg = Segment::Open(path);
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  EXPECT_EQ((*seg)->num_docs(), 1u);
  std::filesystem::resize_file(path, 100);
  Result<std::shared_ptr<const Segment>> bad = Segment::Open(path);
  EXPECT_EQ(bad.status().code(), Status::Code::kCorruption);
  EXPECT_NE(bad.status().message().find(path), std::string::npos);
  std::filesystem::remove(path);
  EXPECT_EQ(Segment::Open(path).status().code(), Status::Code::kNotFound);
  IndexDoc dup;
  dup.id = 1;
  ASSERT_TRUE(b.Add(dup).ok());
  EXPECT_EQ(b.WriteToString().status().code(), Status::Code::kInvalidArgument);  // id 1 twice
}

}  // namespace
}  // namespace annals::index
