// Pins the exact bytes SegmentBuilder writes for a fixed, varied corpus, so
// that changes meant to make building faster provably change nothing in the
// output. The expected hashes were recorded from the builder before any such
// change; a deliberate format change updates them (and the format version).
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "index/merge.h"
#include "index/segment_builder.h"

namespace annals::index {
namespace {

uint64_t Fnv1a(const std::string& bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// 600 documents from a small vocabulary with inflections (stems shared by
// several forms), capitals, digits, non-ASCII letters and diacritics, titles,
// keyword fields and numeric values; dates out of order. With parts > 1,
// document i goes to segment i % parts (returned in order).
std::vector<std::string> BuildCorpusSegments(CodecId codec, size_t parts, bool version1 = false) {
  static const char* kWords[] = {
      "police",  "Police", "POLICE", "policing", "killed",  "killing", "kills",   "Baku",   "Bakı",
      "São",     "Paulo",  "naïve",  "café",     "Zürich",  "people",  "peoples", "said",   "says",
      "saying",  "1990",   "20",     "January",  "tragedy", "tragic",  "army",    "armies", "Азербайджан",
      "Москва",  "ombudsperson",     "détenus",  "running", "runner",  "ran",     "the",    "a",
      "of",      "in",     "and",    "relational", "generalizations", "happily", "x1", "b2b"};
  const size_t nw = sizeof(kWords) / sizeof(kWords[0]);
  std::vector<SegmentBuilder> b;
  for (size_t p = 0; p < parts; p++) {
    b.emplace_back(codec);
    if (version1) b.back().WriteVersion1ForTesting();
  }
  uint32_t x = 12345;
  auto next = [&] {
    x = x * 1103515245u + 12345u;
    return (x >> 16) & 0x7fff;
  };
  std::vector<std::string> titles(600), bodies(600);
  for (uint64_t i = 0; i < 600; i++) {
    for (int k = 0; k < 4; k++) titles[i] += std::string(kWords[next() % nw]) + " ";
    const int len = 5 + static_cast<int>(next() % 60);
    for (int k = 0; k < len; k++) {
      bodies[i] += kWords[next() % nw];
      bodies[i] += (next() % 7 == 0) ? ", " : " ";
    }
    IndexDoc d;
    d.id = 1000 + i * 7;
    d.date = 7000 + static_cast<int32_t>(next() % 900);
    d.title = titles[i];
    d.body = bodies[i];
    if (i % 3 == 0) d.keywords.push_back({"person", i % 2 ? "Sabina Aliyeva" : "SABINA  aliyeva"});
    if (i % 5 == 0) d.keywords.push_back({"has", "quote"});
    if (i % 4 == 0) d.numbers.push_back({"killed", static_cast<int64_t>(next() % 200)});
    if (i % 9 == 0) d.numbers.push_back({"wounded", static_cast<int64_t>(next() % 50)});
    EXPECT_TRUE(b[i % parts].Add(d).ok());
  }
  std::vector<std::string> out;
  for (SegmentBuilder& sb : b) {
    auto bytes = sb.WriteToString();
    EXPECT_TRUE(bytes.ok());
    out.push_back(bytes.ok() ? *bytes : std::string());
  }
  return out;
}

std::string BuildCorpusSegment(CodecId codec, bool version1 = false) {
  return BuildCorpusSegments(codec, 1, version1)[0];
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The corpus in three segments, every 5th document of the second deleted,
// merged into one file with each section kept in memory up to `spill_bytes`.
std::string MergedCorpus(size_t spill_bytes, bool version1_parts = false) {
  const std::string dir = ::testing::TempDir() + "/annals_merge_bytes_" + std::to_string(spill_bytes);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::vector<SnapshotSegment> parts;
  std::vector<std::string> bytes = BuildCorpusSegments(CodecId::kBitPack, 3, version1_parts);
  for (size_t p = 0; p < bytes.size(); p++) {
    auto seg = Segment::FromBytes(bytes[p], "part" + std::to_string(p));
    EXPECT_TRUE(seg.ok());
    if (!seg.ok()) return "";
    SnapshotSegment sg{*seg, nullptr};
    if (p == 1) {
      auto del = std::make_shared<DeletionBitmap>(((*seg)->num_docs() + 63) / 64, 0);
      for (uint32_t d = 0; d < (*seg)->num_docs(); d += 5) (*del)[d >> 6] |= 1ull << (d & 63);
      sg.deleted = del;
    }
    parts.push_back(sg);
  }
  const std::string path = dir + "/merged.ais";
  Status st = MergeSegments(parts, CodecId::kBitPack, path, spill_bytes);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::string out = ReadAll(path);
  std::filesystem::remove(path);
  // Spilled sections leave no file behind.
  EXPECT_TRUE(std::filesystem::is_empty(dir)) << dir;
  std::filesystem::remove_all(dir);
  return out;
}

// Format version 2 (bit-packed numeric columns) changed the bytes; written as
// version 1 they are still those recorded before: everything but the numeric
// section and the version is untouched.
TEST(SegmentBytesTest, Version1BytesAreThoseRecordedBefore) {
  const std::string bp = BuildCorpusSegment(CodecId::kBitPack, /*version1=*/true);
  EXPECT_EQ(Fnv1a(bp), 0x4a20dee3cd57d87fULL) << "size " << bp.size() << " hash 0x" << std::hex << Fnv1a(bp);
  const std::string svb = BuildCorpusSegment(CodecId::kStreamVByte, /*version1=*/true);
  EXPECT_EQ(Fnv1a(svb), 0x6a2589705a95089cULL) << "size " << svb.size() << " hash 0x" << std::hex << Fnv1a(svb);
}

TEST(SegmentBytesTest, BitPackSegmentBytesAreUnchanged) {
  const std::string bytes = BuildCorpusSegment(CodecId::kBitPack);
  EXPECT_EQ(Fnv1a(bytes), 0x0a315683775e568aULL) << "size " << bytes.size() << " hash 0x" << std::hex << Fnv1a(bytes);
}

TEST(SegmentBytesTest, StreamVByteSegmentBytesAreUnchanged) {
  const std::string bytes = BuildCorpusSegment(CodecId::kStreamVByte);
  EXPECT_EQ(Fnv1a(bytes), 0xb641f6f76f04f5b8ULL) << "size " << bytes.size() << " hash 0x" << std::hex << Fnv1a(bytes);
}

// Merging writes the same bytes as before its output streamed through
// temporary files (hash recorded from the in-memory merge, then again for
// format version 2), whether it spills nothing or spills all the time.
TEST(SegmentBytesTest, MergedSegmentBytesAreUnchanged) {
  const std::string in_memory = MergedCorpus(SIZE_MAX);
  EXPECT_EQ(Fnv1a(in_memory), 0x1de0f690ecbc1535ULL) << "size " << in_memory.size() << " hash 0x" << std::hex << Fnv1a(in_memory);
  const std::string spilled = MergedCorpus(64);
  EXPECT_EQ(spilled.size(), in_memory.size());
  EXPECT_TRUE(spilled == in_memory);
  // Parts written by older annals (version 1) merge into the same file: the
  // reader gives their numeric values as it gives version 2's.
  EXPECT_TRUE(MergedCorpus(SIZE_MAX, /*version1_parts=*/true) == in_memory);
}

// Building twice gives the same bytes (no dependence on addresses or time).
TEST(SegmentBytesTest, Deterministic) {
  EXPECT_EQ(BuildCorpusSegment(CodecId::kBitPack), BuildCorpusSegment(CodecId::kBitPack));
}

}  // namespace
}  // namespace annals::index
