// SegmentBuilder: the seam between the store and the index. The store (or a
// reindex, or a test) hands it one IndexDoc per article of an ingest batch;
// Write() analyzes nothing more, sorts the documents by publication date and
// writes one immutable segment.
//
// Terms in a segment:
//   body   "stem"                  title + body text, positions kept (BM25,
//                                  phrases); the title counts as body text too
//   title  "title:stem"            title words (filter)
//   fields "person:sabina aliyeva" keyword fields: person, place, org, source,
//                                  said (speaker), has (quote, count, ...)
// Numeric doc values ("killed" -> 100) answer killed>=N style filters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"
#include "index/codec.h"

namespace annals::index {

// One article as the index needs it.
struct IndexDoc {
  uint64_t id = 0;           // the store's article id (unique in a batch)
  int32_t date = 0;          // publication day: days since 1970-01-01
  std::string_view title;    // article title
  std::string_view body;     // article text
  std::vector<std::pair<std::string, std::string>> keywords;  // {field, value}, e.g. {"person", "Sabina Aliyeva"}, {"has", "quote"}
  std::vector<std::pair<std::string, int64_t>> numbers;       // {field, value}, e.g. {"killed", 100}; max kept per field
  // Its facet codes (segment_format.h; any order, repeats allowed), or
  // nullptr if unknown: a segment keeps facet codes only when every one of
  // its documents gave them (an empty list is known: no facets).
  const std::vector<uint64_t>* facets = nullptr;
};

// The term a keyword field value is indexed under: "person:sabina aliyeva".
std::string KeywordTerm(std::string_view field, std::string_view value);
// The term a title word is indexed under ("title:" + stem).
std::string TitleTerm(std::string_view stem);

class SegmentBuilder {
 public:
  // Bit-packing is the default: smaller and faster to build than Stream
  // VByte on news text (BENCHMARKS.md, index_bench).
  explicit SegmentBuilder(CodecId codec = CodecId::kBitPack);

  // Analyzes and buffers one document. The views in `doc` are not kept.
  Status Add(const IndexDoc& doc);
  size_t num_docs() const { return docs_.size(); }
  // Bytes of title + body text added so far (build throughput figures).
  uint64_t text_bytes() const { return text_bytes_; }

  // Writes the segment to `path` (atomically: temp file + rename) or to a
  // string. The builder may be reused afterwards only via Clear().
  Status Write(const std::string& path);
  Result<std::string> WriteToString();
  void Clear();
  // See SegmentWriter::WriteVersion1ForTesting.
  void WriteVersion1ForTesting() { version1_ = true; }

 private:
  struct Doc {
    uint64_t id;
    int32_t date;
    uint32_t tok_begin, tok_end;  // body token term ids in tokens_
    uint32_t fld_begin, fld_end;  // field term ids in fields_
    uint64_t fac_begin, fac_end;  // facet codes in facets_
  };
  uint32_t TermId(std::string_view term, bool positional);
  // The body term id of a folded (unstemmed) token, and with `title` its
  // "title:" term id: stemming and the term lookup run once per distinct
  // folded form of the segment, not once per occurrence (Zipf: most tokens
  // repeat a form seen before). Same ids in the same order as stemming every
  // token (SegmentBytesTest).
  uint32_t FoldedTermId(std::string_view folded, bool title);
  // Inverts the documents into a SegmentWriter (spilling beyond kSpillBytes
  // per section to `spill_dir`, unless "") and hands it to sink.
  template <typename Sink>
  Status Emit(Sink&& sink, const std::string& spill_dir);
  // A batch's sections stay in memory; a rebuild's 50,000-document segments
  // spill (SegmentWriter::SpillTo).
  static constexpr size_t kSpillBytes = size_t{8} << 20;

  CodecId codec_;
  bool version1_ = false;
  std::vector<uint32_t> slots_;      // open-addressing table: term id + 1, 0 = empty
  std::vector<uint64_t> hashes_;     // by term id
  std::vector<std::string> terms_;   // by term id
  std::vector<bool> positional_;     // by term id
  struct FoldedForm {
    std::string folded;
    uint64_t hash;
    uint32_t body;   // body term id
    uint32_t title;  // "title:" term id, kNoTerm until a title uses the form
  };
  static constexpr uint32_t kNoTerm = UINT32_MAX;
  std::vector<uint32_t> folded_slots_;  // open-addressing table: index in folded_ + 1
  std::vector<FoldedForm> folded_;
  std::string stemmed_;                 // scratch
  std::vector<Doc> docs_;
  std::vector<uint32_t> tokens_;     // body term ids, doc after doc
  std::vector<uint32_t> fields_;     // field term ids, doc after doc (repeats = tf)
  std::vector<std::string> numeric_names_;
  std::vector<std::vector<int64_t>> numeric_by_doc_;  // per doc: value per numeric name (or missing)
  std::vector<uint64_t> facets_;     // facet codes, doc after doc
  size_t docs_with_facets_ = 0;
  uint64_t text_bytes_ = 0;
};

}  // namespace annals::index
