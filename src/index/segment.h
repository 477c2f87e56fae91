// Segment: a read-only, memory-mapped index segment (segment_format.h), and
// PostingsCursor, the iterator over one term's postings that every query
// engine is built on.
//
// Open() checks the header, section bounds, per-doc arrays and (by default)
// the crc32 of the whole file, so a damaged file is refused up front with a
// Corruption status naming the file. Everything read later is still
// bounds-checked, so even an unverified damaged file yields an error, never a
// crash. A Segment is immutable and safe to share between threads; cursors
// are per thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "index/codec.h"
#include "index/length_floor.h"
#include "index/segment_format.h"

namespace annals::index {

inline constexpr uint32_t kEndDoc = UINT32_MAX;  // a cursor past its last posting

struct OpenOptions {
  bool verify_checksum = true;  // crc32 over the whole file at open
};

// One term as found in a segment's dictionary.
struct TermRef {
  const TermEntry* entry = nullptr;  // nullptr: term absent
  uint32_t df() const { return entry ? entry->df : 0; }
};

class Segment {
 public:
  ~Segment();
  Segment(const Segment&) = delete;
  Segment& operator=(const Segment&) = delete;

  // Maps and validates the file at `path`.
  static Result<std::shared_ptr<const Segment>> Open(const std::string& path, OpenOptions opts = {});
  // Validates an in-memory copy (tests and the fuzz target). `name` is used
  // in error messages.
  static Result<std::shared_ptr<const Segment>> FromBytes(std::string bytes, std::string name,
                                                         OpenOptions opts = {});

  const std::string& name() const { return name_; }
  uint32_t num_docs() const { return header_.num_docs; }
  uint64_t total_tokens() const { return header_.total_tokens; }
  uint64_t file_bytes() const { return size_; }
  const BlockCodec* codec() const { return codec_; }

  uint64_t ext_id(uint32_t doc) const { return ext_ids_[doc]; }
  int32_t date(uint32_t doc) const { return dates_[doc]; }
  uint32_t length(uint32_t doc) const { return lens_[doc]; }
  // A lower bound of length(doc) from one byte a doc (length_floor.h).
  uint32_t length_floor(uint32_t doc) const { return LengthFloor(len_floors_[doc]); }
  void PrefetchLengthFloor(uint32_t doc) const { __builtin_prefetch(len_floors_.data() + doc); }
  // The first doc with date >= `day` (num_docs() if none).
  uint32_t FirstDocOnOrAfter(int32_t day) const;

  // Index of a numeric field, or -1.
  int NumericField(std::string_view name) const;
  // Value of numeric field `field` (0 .. numeric_names().size()-1) for
  // `doc`, or kNumericMissing.
  int64_t Numeric(int field, uint32_t doc) const {
    if (numeric_) return numeric_[static_cast<size_t>(field) * num_docs() + doc];  // version 1
    const NumericColumn& c = columns_[static_cast<size_t>(field)];
    if (c.bits == 0) return kNumericMissing;
    const uint64_t bit = uint64_t{doc} * c.bits;
    const unsigned shift = bit & 63;
    uint64_t lo;
    std::memcpy(&lo, c.words + (bit >> 6) * 8, 8);
    uint64_t v = lo >> shift;
    if (shift + c.bits > 64) {
      uint64_t hi;
      std::memcpy(&hi, c.words + ((bit >> 6) + 1) * 8, 8);
      v |= hi << (64 - shift);
    }
    v &= c.missing;
    if (v == c.missing) return kNumericMissing;
    return static_cast<int64_t>(static_cast<uint64_t>(c.base) + v);
  }
  const std::vector<std::string>& numeric_names() const { return numeric_names_; }

  // Whether the segment holds its documents' facet codes (format 3).
  bool has_facets() const { return facet_offsets_ != nullptr; }
  // Calls f(code) for each facet code of `doc`, ascending. False (after the
  // codes decoded so far) if the doc's bytes are damaged, or without facets.
  template <typename F>
  bool ForEachFacet(uint32_t doc, F&& f) const {
    if (!facet_offsets_) return false;
    uint32_t lo, hi;
    std::memcpy(&lo, facet_offsets_ + size_t{doc} * 4, 4);
    std::memcpy(&hi, facet_offsets_ + size_t{doc} * 4 + 4, 4);
    const uint8_t* p = facet_values_ + lo;
    const uint8_t* end = facet_values_ + hi;  // offsets checked at open: lo <= hi <= size
    uint64_t code = 0;
    while (p < end) {
      uint64_t gap = 0;
      for (unsigned shift = 0;; shift += 7) {
        if (p == end || shift > 63) return false;
        const uint8_t b = *p++;
        gap |= uint64_t{b & 0x7fu} << shift;
        if (b < 0x80) break;
      }
      code += gap;
      f(code);
    }
    return true;
  }

  // Looks a term up (binary search). A dictionary entry that points outside
  // its sections is Corruption.
  Result<TermRef> Find(std::string_view term) const;
  uint32_t num_terms() const { return header_.num_terms; }
  // The i-th term of the dictionary (sorted order).
  std::string_view TermAt(uint32_t i) const;
  const TermEntry& EntryAt(uint32_t i) const { return terms_[i]; }
  // Indexes [first, last) of the terms starting with `prefix`.
  std::pair<uint32_t, uint32_t> PrefixRange(std::string_view prefix) const;
  // Drops the mapped file's pages from this process's resident memory
  // (they stay in the page cache; the next access maps them again). For
  // whole-file passes: the checksum at open, merges.
  void ReleasePages() const;
  // Checks that an entry's blocks, data and positions lie inside the file.
  Status ValidateEntry(const TermEntry& e) const;

  const BlockMeta* blocks() const { return blocks_; }
  const uint8_t* data() const { return data_; }
  uint64_t data_size() const { return header_.sections[kData].size; }
  const uint8_t* positions() const { return positions_; }
  uint64_t positions_size() const { return header_.sections[kPositions].size; }
  uint64_t blocks_bytes() const { return header_.sections[kBlocks].size + header_.sections[kStrings].size; }

 private:
  Segment() = default;
  Status Init(const OpenOptions& opts);

  std::string name_;
  std::string owned_;           // FromBytes: the bytes
  void* map_ = nullptr;         // Open: the mapping
  size_t size_ = 0;
  const uint8_t* base_ = nullptr;
  SegmentHeader header_{};
  const BlockCodec* codec_ = nullptr;
  const TermEntry* terms_ = nullptr;
  const char* strings_ = nullptr;
  const BlockMeta* blocks_ = nullptr;
  const uint8_t* data_ = nullptr;
  const uint8_t* positions_ = nullptr;
  const uint64_t* ext_ids_ = nullptr;
  const int32_t* dates_ = nullptr;
  const uint32_t* lens_ = nullptr;
  std::vector<uint8_t> len_floors_;  // LengthFloorCode of each length
  const int64_t* numeric_ = nullptr;  // version 1 segments' raw columns
  struct NumericColumn {              // version 2: segment_format.h
    int64_t base;
    uint32_t bits;
    uint64_t missing;                 // the all-ones code of `bits` bits (also the mask)
    const uint8_t* words;
  };
  std::vector<NumericColumn> columns_;
  std::vector<std::string> numeric_names_;
  const uint8_t* facet_offsets_ = nullptr;  // version 3: uint32[num_docs + 1], unaligned reads
  const uint8_t* facet_values_ = nullptr;
};

// Iterates one term's postings in doc order, decoding one block at a time
// and skipping whole blocks through their metadata. Any inconsistency found
// while decoding sets status() and ends the cursor (doc() == kEndDoc).
class PostingsCursor {
 public:
  PostingsCursor() = default;
  // `ref` must come from seg.Find() (already validated).
  PostingsCursor(const Segment* seg, TermRef ref);

  uint32_t doc() const { return doc_; }
  uint32_t tf() const { return tfs_[pos_]; }
  uint32_t df() const { return entry_ ? entry_->df : 0; }
  bool has_positions() const { return entry_ && (entry_->flags & kTermHasPositions); }
  // Moves to the first posting with doc >= target; returns doc().
  uint32_t NextGeq(uint32_t target);
  uint32_t Next() { return NextGeq(doc_ + 1); }
  // Positions of the current posting (decodes only its slice of the block's
  // positions).
  Status Positions(std::vector<uint32_t>* out);

  // Block metadata, for score bounds: the block that holds the first
  // posting >= target (kNoBlock if none).
  static constexpr uint32_t kNoBlock = UINT32_MAX;
  uint32_t BlockFor(uint32_t target) const;
  const BlockMeta& block_meta(uint32_t b) const { return seg_->blocks()[entry_->first_block + b]; }
  uint32_t num_blocks() const { return entry_ ? entry_->num_blocks : 0; }
  const Status& status() const { return status_; }

  // The loaded block's postings, for scans that pass over most of them
  // unscored (a posting whose tf cannot reach the top k): its index
  // (kNoBlock before the first load), posting count, the current posting's
  // index in it, doc ids and tfs. MoveInBlock(i), i >= the current index and
  // < the count, makes posting i the current one.
  uint32_t block() const { return block_; }
  uint32_t block_count() const { return count_; }
  uint32_t block_pos() const { return pos_; }
  const uint32_t* block_docs() const { return docs_; }
  const uint32_t* block_tfs() const { return tfs_; }
  void MoveInBlock(uint32_t i) {
    pos_ = i;
    doc_ = docs_[i];
  }

 private:
  bool LoadBlock(uint32_t b);
  void Fail(Status st);

  const Segment* seg_ = nullptr;
  const TermEntry* entry_ = nullptr;
  uint32_t block_ = kNoBlock;  // loaded block
  uint32_t count_ = 0;         // postings in it
  uint32_t pos_ = 0;           // index of the current posting in it
  uint32_t doc_ = kEndDoc;
  uint32_t docs_[kBlockSize];
  uint32_t tfs_[kBlockSize];
  bool positions_loaded_ = false;  // pos_start_ and block_pos_bytes_ hold this block's
  uint32_t block_pos_bytes_ = 0;
  uint32_t pos_start_[kBlockSize + 1];
  Status status_;
};

}  // namespace annals::index
