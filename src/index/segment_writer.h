// SegmentWriter: streams terms and their postings into one segment file
// (segment_format.h). Used by SegmentBuilder (new documents) and by
// MergeSegments (existing segments). Not thread-safe; one writer per file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "index/codec.h"
#include "index/segment_format.h"
#include "index/spill_buffer.h"

namespace annals::index {

// What the index keeps per document besides postings.
struct DocMeta {
  uint64_t ext_id = 0;  // the store's article id
  int32_t date = 0;     // publication day, days since 1970-01-01
  uint32_t length = 0;  // body tokens (BM25 document length)
};

class SegmentWriter {
 public:
  // `docs` in local doc-id order, already sorted by (date, ext_id).
  // `numeric_values` is name-major: numeric_values[f * docs.size() + doc].
  SegmentWriter(CodecId codec, std::vector<DocMeta> docs, std::vector<std::string> numeric_names,
                std::vector<int64_t> numeric_values);

  // Adds one term; terms must come in strictly increasing byte order.
  // docs[0..n) strictly increasing local ids, tfs[i] >= 1; `positions`
  // (nullptr for terms without positions) holds tfs[0] + tfs[1] + ...
  // increasing positions, doc by doc.
  Status AddTerm(std::string_view term, const uint32_t* docs, const uint32_t* tfs,
                 const uint32_t* positions, uint32_t n);

  // Gives every document its facet codes (segment_format.h): doc d's are
  // codes[begin[d] .. begin[d + 1]), any order, repeats allowed; `begin` has
  // docs.size() + 1 entries. The segment is then written as version 3;
  // without this call, as version 2. Call before Finish.
  Status SetFacets(std::vector<uint64_t> codes, std::vector<uint64_t> begin);

  // Keeps at most about `limit` bytes of each section in memory, the rest in
  // temporary files in `dir` (unnamed: nothing is left behind), until
  // Finish copies them into the segment. Call before the first AddTerm.
  // Same bytes either way; for merges, whose output can be far larger than
  // the memory ingest may use.
  void SpillTo(const std::string& dir, size_t limit);

  // Writes format version 1 instead (numeric columns as raw int64): only so
  // that tests can check today's reader on the files older annals wrote.
  void WriteVersion1ForTesting() { format_version_ = 1; }

  // Writes the file: to `path`.tmp, fsync, rename to `path`. The writer is
  // spent afterwards.
  Status Finish(const std::string& path);
  // The same bytes, in memory (tests, fuzz seeds).
  Result<std::string> FinishToString();

 private:
  void BuildImpacts(const uint32_t* docs, const uint32_t* tfs, uint32_t n, BlockMeta* meta) const;
  // Emits the segment's bytes in order through out(data, n).
  template <typename Out>
  Status Emit(Out&& out);

  const BlockCodec* codec_;
  uint32_t format_version_ = kSegmentVersion;
  std::vector<DocMeta> docs_;
  std::vector<std::string> numeric_names_;
  std::vector<int64_t> numeric_values_;
  bool has_facets_ = false;
  std::vector<uint32_t> facet_offsets_;  // version 3: the two facet sections
  std::string facet_values_;
  uint64_t total_tokens_ = 0;
  double avgdl_ = 1.0;
  std::string last_term_;
  bool any_term_ = false;
  // The sections built term by term (the others come from docs_ and the
  // numeric values at Finish).
  SpillBuffer terms_;      // TermEntry records
  SpillBuffer strings_;
  SpillBuffer blocks_;     // BlockMeta records
  SpillBuffer data_;
  SpillBuffer positions_;
  uint64_t num_terms() const { return terms_.size() / sizeof(TermEntry); }
  uint64_t num_blocks() const { return blocks_.size() / sizeof(BlockMeta); }
  std::vector<uint32_t> scratch_;
};

}  // namespace annals::index
