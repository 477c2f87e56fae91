// The on-disk layout of one immutable index segment (docs/index-format.md
// tells the same story for humans). All integers little-endian; every section
// starts 8-byte aligned. Version 3 = version 2 + facet values; version 2 is
// still written when the documents' facet values are not known (every
// document of a segment must carry them, or none); version 1 differs from 2
// only in kNumericValues. All three are read; the values below are frozen.
//
//   SegmentHeader
//   FacetSections  (version 3 only: two more section refs, kept out of the
//                  header so that versions 1 and 2 keep its layout)
//   sections (any order; offsets and sizes in the header):
//     kTerms         TermEntry[num_terms], sorted by term bytes
//     kStrings       the term bytes, concatenated
//     kBlocks        BlockMeta[num_blocks]; a term's blocks are contiguous
//     kData          per block: doc-id gaps then tf-1 values, each one codec run
//     kPositions     per block: position gaps of all its postings, one codec run
//     kDocIds        uint64 external id per doc (the store's article id)
//     kDocDates      int32 days since 1970-01-01 per doc, non-decreasing
//     kDocLens       uint32 tokens in the body text per doc (BM25 length)
//     kNumericNames  per numeric field: uint16 length + name bytes
//     kNumericValues per numeric field, in kNumericNames order: a
//                    NumericColumnHeader, then NumericColumnWords(num_docs,
//                    bits) uint64 words of bit-packed codes, doc d's at bits
//                    [d * bits, (d + 1) * bits): the value minus `base`, or
//                    all ones (missing). (Version 1: int64[num_numeric]
//                    [num_docs], kNumericMissing if absent — 160 bytes per
//                    doc at 20 fields, most of them missing.)
//     facet offsets  (version 3) uint32[num_docs + 1]: doc d's facet values
//                    are bytes [off[d], off[d + 1]) of the facet values
//     facet values   (version 3) per doc: its distinct facet codes,
//                    ascending, as LEB128 varints of the gaps (the first
//                    code itself). A code is opaque to the index; the store
//                    uses name id * 4 + entity type, source id * 4 + 3
//                    (store/index_doc.h), so a query's facets are counted
//                    from its match set without SQLite.
//   SegmentFooter (16 bytes): crc32 of everything before it, magic
//
// Doc ids are local to the segment, 0..num_docs-1, assigned in (date,
// external id) order, so a date range is a doc-id range.
#pragma once

#include <cstdint>
#include <limits>

namespace annals::index {

inline constexpr char kSegmentMagic[8] = {'A', 'N', 'N', 'S', 'E', 'G', 0, 1};
inline constexpr char kFooterMagic[8] = {'A', 'N', 'N', 'E', 'N', 'D', 0, 1};
inline constexpr uint32_t kSegmentVersion = 3;     // the newest written (2 without facet values)
inline constexpr uint32_t kOldestSegmentVersion = 1;  // the oldest readers read
inline constexpr uint32_t kBlockSize = 128;  // postings per block
inline constexpr uint32_t kMaxImpacts = 4;   // (tf, length) pairs per block
inline constexpr int64_t kNumericMissing = std::numeric_limits<int64_t>::min();
// Positions per block beyond this are treated as corruption (a doc would need
// millions of occurrences of one term).
inline constexpr uint32_t kMaxBlockPositions = 1u << 24;

enum SectionId : uint32_t {
  kTerms = 0,
  kStrings,
  kBlocks,
  kData,
  kPositions,
  kDocIds,
  kDocDates,
  kDocLens,
  kNumericNames,
  kNumericValues,
  kNumSections,
};

struct SectionRef {
  uint64_t offset;  // from the start of the file, multiple of 8
  uint64_t size;    // bytes
};

struct SegmentHeader {
  char magic[8];          // kSegmentMagic
  uint32_t version;       // kSegmentVersion
  uint32_t codec;         // CodecId of the kData and kPositions runs
  uint32_t num_docs;      // documents in this segment
  uint32_t num_terms;     // entries in kTerms
  uint32_t num_blocks;    // entries in kBlocks
  uint32_t num_numeric;   // numeric doc-value fields
  uint64_t total_tokens;  // sum of kDocLens (BM25 average length)
  SectionRef sections[kNumSections];
};
static_assert(sizeof(SegmentHeader) == 200);

// Version 3: right after the header.
struct FacetSections {
  SectionRef offsets;  // uint32[num_docs + 1]
  SectionRef values;   // varint gaps
};
static_assert(sizeof(FacetSections) == 32);

struct SegmentFooter {
  uint32_t crc32;    // zlib crc32 of bytes [0, file_size - 16)
  uint32_t reserved; // 0
  char magic[8];     // kFooterMagic
};
static_assert(sizeof(SegmentFooter) == 16);

// Version 2: one numeric doc-value column.
struct NumericColumnHeader {
  int64_t base;       // the smallest value present (0 if none)
  uint32_t bits;      // code width, 0..64; 0 = every doc missing (no words)
  uint32_t reserved;  // 0
};
static_assert(sizeof(NumericColumnHeader) == 16);

// Words of a column of `bits`-bit codes for `num_docs` docs, one more than
// the codes fill so that a code read as two words never reads past them.
inline uint64_t NumericColumnWords(uint64_t num_docs, uint32_t bits) {
  return bits == 0 ? 0 : (num_docs * bits + 63) / 64 + 1;
}

enum TermFlags : uint16_t {
  kTermHasPositions = 1,  // body terms; field and fact terms have none
};

struct TermEntry {
  uint64_t data_off;     // start of the term's blocks in kData
  uint64_t pos_off;      // start of its positions in kPositions
  uint32_t str_off;      // term bytes in kStrings
  uint32_t df;           // documents containing the term
  uint32_t first_block;  // index of its first BlockMeta
  uint32_t num_blocks;   // ceil(df / kBlockSize)
  uint32_t data_bytes;   // bytes in kData
  uint32_t pos_bytes;    // bytes in kPositions (0 without positions)
  uint16_t str_len;      // term length in bytes
  uint16_t flags;        // TermFlags
  uint32_t reserved;     // 0
};
static_assert(sizeof(TermEntry) == 48);

// Per block of up to 128 postings: where it is, and what it can score.
// The impacts are (tf, doc length) pairs such that every posting in the block
// has tf <= some pair's tf and length >= that pair's length; BM25 is
// increasing in tf and decreasing in length, so the best pair bounds the
// block's score whatever the collection statistics. tf 65535 means "at least
// 65535" (bounded by k1+1); lengths saturate downwards, which keeps the bound.
struct BlockMeta {
  uint32_t last_doc;            // largest doc id in the block
  uint32_t data_off;            // from the term's data_off
  uint32_t pos_off;             // from the term's pos_off
  uint16_t docs_bytes;          // encoded doc gaps; the tfs follow
  uint8_t count_minus_1;        // postings in the block - 1
  uint8_t num_impacts;          // 1..kMaxImpacts
  uint16_t impact_tf[kMaxImpacts];   // see above
  uint16_t impact_len[kMaxImpacts];  // see above
};
static_assert(sizeof(BlockMeta) == 32);

}  // namespace annals::index
