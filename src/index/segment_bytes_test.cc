// Pins the exact bytes SegmentBuilder writes for a fixed, varied corpus, so
// that changes meant to make building faster provably change nothing in the
// output. The expected hashes were recorded from the builder before any such
// change; a deliberate format change updates them (and the format version).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

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
// keyword fields and numeric values; dates out of order.
std::string BuildCorpusSegment(CodecId codec) {
  static const char* kWords[] = {
      "police",  "Police", "POLICE", "policing", "killed",  "killing", "kills",   "Baku",   "Bakı",
      "São",     "Paulo",  "naïve",  "café",     "Zürich",  "people",  "peoples", "said",   "says",
      "saying",  "1990",   "20",     "January",  "tragedy", "tragic",  "army",    "armies", "Азербайджан",
      "Москва",  "ombudsperson",     "détenus",  "running", "runner",  "ran",     "the",    "a",
      "of",      "in",     "and",    "relational", "generalizations", "happily", "x1", "b2b"};
  const size_t nw = sizeof(kWords) / sizeof(kWords[0]);
  SegmentBuilder b(codec);
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
    EXPECT_TRUE(b.Add(d).ok());
  }
  auto bytes = b.WriteToString();
  EXPECT_TRUE(bytes.ok());
  return bytes.ok() ? *bytes : std::string();
}

TEST(SegmentBytesTest, BitPackSegmentBytesAreUnchanged) {
  const std::string bytes = BuildCorpusSegment(CodecId::kBitPack);
  EXPECT_EQ(Fnv1a(bytes), 0x4a20dee3cd57d87fULL) << "size " << bytes.size() << " hash 0x" << std::hex << Fnv1a(bytes);
}

TEST(SegmentBytesTest, StreamVByteSegmentBytesAreUnchanged) {
  const std::string bytes = BuildCorpusSegment(CodecId::kStreamVByte);
  EXPECT_EQ(Fnv1a(bytes), 0x6a2589705a95089cULL) << "size " << bytes.size() << " hash 0x" << std::hex << Fnv1a(bytes);
}

// Building twice gives the same bytes (no dependence on addresses or time).
TEST(SegmentBytesTest, Deterministic) {
  EXPECT_EQ(BuildCorpusSegment(CodecId::kBitPack), BuildCorpusSegment(CodecId::kBitPack));
}

}  // namespace
}  // namespace annals::index
