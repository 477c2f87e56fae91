// libFuzzer target for the segment reader. An input starting with the
// segment magic is read as a whole segment file; any other input is a list of
// edits (a truncation length, then (offset, byte) pairs) applied to a valid
// segment built at start-up (Stream VByte or bit-packed, by the last byte), which reaches the block decoders far more often
// than random bytes would. The checksum is not verified, so damaged
// structures reach every check behind it. Any crash, sanitizer report or
// hang is a bug; returned errors are fine.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "index/count.h"
#include "index/search.h"
#include "index/segment.h"
#include "index/segment_builder.h"

namespace {

using namespace annals::index;  // NOLINT: a fuzz target, one file
using annals::Result;

std::string BuildSeed(CodecId codec) {
  SegmentBuilder b(codec);
  const char* words[] = {"police", "killed", "protesters", "Baku", "army", "said", "river", "storm"};
  uint32_t x = 1;
  std::string texts[300];
  std::vector<uint64_t> facets[300];
  for (uint64_t i = 0; i < 300; i++) {
    for (uint64_t k = 0; k < i % 5; k++) facets[i].push_back((i * 37 + k * 1000003) % 5000);
    for (int k = 0; k < 12; k++) {
      x = x * 1103515245 + 12345;
      texts[i] += std::string(words[(x >> 16) % 8]) + " ";
    }
    IndexDoc d;
    d.id = i + 1;
    d.date = static_cast<int32_t>(i / 3);
    d.body = texts[i];
    d.keywords = {{"has", "quote"}};
    d.numbers = {{"killed", static_cast<int64_t>(i % 9)}};
    d.facets = &facets[i];
    (void)b.Add(d);
  }
  Result<std::string> r = b.WriteToString();
  return r.ok() ? *r : std::string();
}

void Exercise(std::string bytes) {
  Result<std::shared_ptr<const Segment>> seg = Segment::FromBytes(std::move(bytes), "fuzz", OpenOptions{false});
  if (!seg.ok()) return;
  const Segment& s = **seg;
  std::vector<uint32_t> pos;
  for (uint32_t i = 0; i < s.num_terms() && i < 64; i++) {
    Result<TermRef> ref = s.Find(s.TermAt(i));
    if (!ref.ok() || !ref->entry) continue;
    PostingsCursor c(&s, *ref);
    for (uint32_t d = c.doc(); d != kEndDoc; d = c.Next()) (void)c.Positions(&pos);
  }
  // Every numeric doc value (format 2 unpacks them from bit-packed columns).
  int64_t sum = 0;
  for (size_t f = 0; f < s.numeric_names().size(); f++) {
    for (uint32_t d = 0; d < s.num_docs(); d++) sum += s.Numeric(static_cast<int>(f), d) & 1;
  }
  // Every facet code (format 3: varints at per-doc offsets).
  for (uint32_t d = 0; d < s.num_docs(); d++) (void)s.ForEachFacet(d, [&](uint64_t c) { sum += c & 1; });
  (void)sum;
  Snapshot snap;
  snap.segments.push_back({*seg, nullptr});
  for (const char* text : {"police army", "\"killed protesters\"", "pol* has:quote killed>=3"}) {
    Result<Query> q = ParseSimple(text);
    if (q.ok()) (void)Search(snap, *q);
    if (q.ok()) (void)Count(snap, *q);
    if (q.ok()) (void)CollectMatches(snap, *q, [](size_t, const DocBitmap&) { return annals::Status::Ok(); });
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string seeds[2] = {BuildSeed(CodecId::kStreamVByte), BuildSeed(CodecId::kBitPack)};
  if (size >= 8 && std::memcmp(data, kSegmentMagic, 8) == 0) {
    Exercise(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
  }
  std::string bytes = seeds[size > 0 ? data[size - 1] & 1 : 0];
  size_t i = 0;
  if (size >= 4) {
    uint32_t cut;
    std::memcpy(&cut, data, 4);
    if (cut % 4 == 0) bytes.resize(cut % (bytes.size() + 1));
    i = 4;
  }
  for (; i + 4 <= size && !bytes.empty(); i += 4) {
    uint32_t off = (uint32_t{data[i]} | uint32_t{data[i + 1]} << 8 | uint32_t{data[i + 2]} << 16) % bytes.size();
    bytes[off] = static_cast<char>(data[i + 3]);
  }
  Exercise(std::move(bytes));
  return 0;
}
