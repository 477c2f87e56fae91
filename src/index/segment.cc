// Segment and PostingsCursor (segment.h): mapping, validation, dictionary
// lookups and block decoding.
#include "index/segment.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace annals::index {
namespace {

uint32_t Crc32(const uint8_t* p, size_t n) {
  uLong crc = crc32(0L, Z_NULL, 0);
  while (n > 0) {
    uInt chunk = n > (1u << 30) ? (1u << 30) : static_cast<uInt>(n);
    crc = crc32(crc, p, chunk);
    p += chunk;
    n -= chunk;
  }
  return static_cast<uint32_t>(crc);
}

}  // namespace

Segment::~Segment() {
  if (map_) ::munmap(map_, size_);
}

Result<std::shared_ptr<const Segment>> Segment::Open(const std::string& path, OpenOptions opts) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return errno == ENOENT ? Status::NotFound(path + ": no such segment")
                           : Status::IoError(path + ": " + std::strerror(errno));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::IoError(path + ": fstat: " + std::strerror(errno));
  }
  std::shared_ptr<Segment> seg(new Segment());
  seg->name_ = path;
  seg->size_ = static_cast<size_t>(st.st_size);
  if (seg->size_ < sizeof(SegmentHeader) + sizeof(SegmentFooter)) {
    ::close(fd);
    return Status::Corruption(path + ": truncated segment (" + std::to_string(seg->size_) + " bytes)");
  }
  void* m = ::mmap(nullptr, seg->size_, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (m == MAP_FAILED) return Status::IoError(path + ": mmap: " + std::strerror(errno));
  seg->map_ = m;
  seg->base_ = static_cast<const uint8_t*>(m);
  Status s = seg->Init(opts);
  if (!s.ok()) return s;
  return std::shared_ptr<const Segment>(std::move(seg));
}

Result<std::shared_ptr<const Segment>> Segment::FromBytes(std::string bytes, std::string name, OpenOptions opts) {
  std::shared_ptr<Segment> seg(new Segment());
  seg->name_ = std::move(name);
  seg->owned_ = std::move(bytes);
  // Over-allocate so that sections start 8-byte aligned in memory as on disk
  // (std::string data is at least 8-aligned on the platforms we build on).
  seg->size_ = seg->owned_.size();
  seg->base_ = reinterpret_cast<const uint8_t*>(seg->owned_.data());
  if (seg->size_ < sizeof(SegmentHeader) + sizeof(SegmentFooter)) {
    return Status::Corruption(seg->name_ + ": truncated segment (" + std::to_string(seg->size_) + " bytes)");
  }
  Status s = seg->Init(opts);
  if (!s.ok()) return s;
  return std::shared_ptr<const Segment>(std::move(seg));
}

void Segment::ReleasePages() const {
  // Clean pages of a read-only file mapping: the next access faults them
  // back in from the page cache.
  if (map_) ::madvise(map_, size_, MADV_DONTNEED);
}

Status Segment::Init(const OpenOptions& opts) {
  auto bad = [&](const std::string& what) { return Status::Corruption(name_ + ": " + what); };
  std::memcpy(&header_, base_, sizeof(header_));
  if (std::memcmp(header_.magic, kSegmentMagic, 8) != 0) return bad("not an annals index segment (bad magic)");
  if (header_.version < kOldestSegmentVersion || header_.version > kSegmentVersion) {
    return Status::Unsupported(name_ + ": segment format version " + std::to_string(header_.version) +
                               " (this build reads " + std::to_string(kOldestSegmentVersion) + " to " +
                               std::to_string(kSegmentVersion) + ")");
  }
  SegmentFooter footer;
  std::memcpy(&footer, base_ + size_ - sizeof(footer), sizeof(footer));
  if (std::memcmp(footer.magic, kFooterMagic, 8) != 0) return bad("truncated segment (no footer)");
  if (opts.verify_checksum) {
    if (Crc32(base_, size_ - sizeof(footer)) != footer.crc32) return bad("checksum mismatch (file damaged)");
    // The check read every page: unmap them from this process again, or a
    // freshly merged segment counts wholly in the writer's resident memory.
    ReleasePages();
  }
  codec_ = CodecFor(static_cast<CodecId>(header_.codec));
  if (!codec_) return bad("unknown codec " + std::to_string(header_.codec));
  const uint64_t limit = size_ - sizeof(SegmentFooter);
  const uint64_t first = sizeof(SegmentHeader) + (header_.version >= 3 ? sizeof(FacetSections) : 0);
  if (first > limit) return bad("truncated segment");
  auto in_bounds = [&](const SectionRef& s) {
    return s.offset % 8 == 0 && s.offset >= first && s.offset <= limit && s.size <= limit - s.offset;
  };
  for (uint32_t i = 0; i < kNumSections; i++) {
    if (!in_bounds(header_.sections[i])) return bad("section " + std::to_string(i) + " out of bounds");
  }
  FacetSections facets{};
  if (header_.version >= 3) {
    std::memcpy(&facets, base_ + sizeof(SegmentHeader), sizeof facets);
    if (!in_bounds(facets.offsets) || !in_bounds(facets.values)) return bad("facet sections out of bounds");
    if (facets.offsets.size != (uint64_t{header_.num_docs} + 1) * 4) return bad("facet offsets section has the wrong size");
  }
  auto expect = [&](SectionId id, uint64_t want, const char* what) -> Status {
    if (header_.sections[id].size != want) return bad(std::string(what) + " section has the wrong size");
    return Status::Ok();
  };
  const uint64_t n = header_.num_docs;
  ANNALS_RETURN_IF_ERROR(expect(kTerms, uint64_t{header_.num_terms} * sizeof(TermEntry), "terms"));
  ANNALS_RETURN_IF_ERROR(expect(kBlocks, uint64_t{header_.num_blocks} * sizeof(BlockMeta), "blocks"));
  ANNALS_RETURN_IF_ERROR(expect(kDocIds, n * 8, "doc ids"));
  ANNALS_RETURN_IF_ERROR(expect(kDocDates, n * 4, "doc dates"));
  ANNALS_RETURN_IF_ERROR(expect(kDocLens, n * 4, "doc lengths"));
  if (header_.version == 1) {
    ANNALS_RETURN_IF_ERROR(expect(kNumericValues, uint64_t{header_.num_numeric} * n * 8, "numeric values"));
  }
  if (n >= kEndDoc) return bad("too many documents");
  auto at = [&](SectionId id) { return base_ + header_.sections[id].offset; };
  terms_ = reinterpret_cast<const TermEntry*>(at(kTerms));
  strings_ = reinterpret_cast<const char*>(at(kStrings));
  blocks_ = reinterpret_cast<const BlockMeta*>(at(kBlocks));
  data_ = at(kData);
  positions_ = at(kPositions);
  ext_ids_ = reinterpret_cast<const uint64_t*>(at(kDocIds));
  dates_ = reinterpret_cast<const int32_t*>(at(kDocDates));
  lens_ = reinterpret_cast<const uint32_t*>(at(kDocLens));
  if (header_.version == 1) {
    numeric_ = reinterpret_cast<const int64_t*>(at(kNumericValues));
  } else {
    const uint8_t* p = at(kNumericValues);
    uint64_t left = header_.sections[kNumericValues].size;
    for (uint32_t f = 0; f < header_.num_numeric; f++) {
      NumericColumnHeader c;
      if (left < sizeof c) return bad("numeric values section too short");
      std::memcpy(&c, p, sizeof c);
      p += sizeof c;
      left -= sizeof c;
      if (c.bits > 64) return bad("numeric column wider than 64 bits");
      const uint64_t bytes = 8 * NumericColumnWords(n, c.bits);
      if (left < bytes) return bad("numeric values section too short");
      columns_.push_back(NumericColumn{c.base, c.bits, c.bits == 64 ? ~uint64_t{0} : (uint64_t{1} << c.bits) - 1, p});
      p += bytes;
      left -= bytes;
    }
    if (left != 0) return bad("numeric values section has the wrong size");
  }
  uint64_t total = 0;
  len_floors_.resize(n);
  for (uint64_t d = 0; d < n; d++) {
    if (d > 0 && dates_[d] < dates_[d - 1]) return bad("documents not in date order");
    total += lens_[d];
    len_floors_[d] = LengthFloorCode(lens_[d]);
  }
  if (total != header_.total_tokens) return bad("document lengths do not add up");
  if (header_.version >= 3) {
    // Offsets from 0 up to the values' size, never decreasing: a doc's
    // bytes are then always inside the section (ForEachFacet).
    const uint8_t* off = base_ + facets.offsets.offset;
    uint32_t prev = 0;
    for (uint64_t d = 0; d <= n; d++) {
      uint32_t o;
      std::memcpy(&o, off + d * 4, 4);
      if ((d == 0 && o != 0) || o < prev) return bad("facet offsets out of order");
      prev = o;
    }
    if (prev != facets.values.size) return bad("facet offsets do not match the facet values");
    facet_offsets_ = off;
    facet_values_ = base_ + facets.values.offset;
  }
  // Numeric field names.
  const uint8_t* p = at(kNumericNames);
  const uint8_t* end = p + header_.sections[kNumericNames].size;
  for (uint32_t f = 0; f < header_.num_numeric; f++) {
    uint16_t len;
    if (end - p < 2) return bad("numeric field names truncated");
    std::memcpy(&len, p, 2);
    p += 2;
    if (end - p < len) return bad("numeric field names truncated");
    numeric_names_.emplace_back(reinterpret_cast<const char*>(p), len);
    p += len;
  }
  return Status::Ok();
}

uint32_t Segment::FirstDocOnOrAfter(int32_t day) const {
  return static_cast<uint32_t>(std::lower_bound(dates_, dates_ + num_docs(), day) - dates_);
}

int Segment::NumericField(std::string_view name) const {
  for (size_t i = 0; i < numeric_names_.size(); i++) {
    if (numeric_names_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string_view Segment::TermAt(uint32_t i) const {
  const TermEntry& e = terms_[i];
  uint64_t ssize = header_.sections[kStrings].size;
  if (e.str_off > ssize || e.str_len > ssize - e.str_off) return {};
  return std::string_view(strings_ + e.str_off, e.str_len);
}

Status Segment::ValidateEntry(const TermEntry& e) const {
  auto bad = [&](const char* what) { return Status::Corruption(name_ + ": term entry: " + what); };
  if (e.df == 0 || e.df > num_docs()) return bad("document frequency out of range");
  if (e.num_blocks != (e.df + kBlockSize - 1) / kBlockSize) return bad("block count does not match df");
  if (e.first_block > header_.num_blocks || e.num_blocks > header_.num_blocks - e.first_block) {
    return bad("blocks out of bounds");
  }
  if (e.data_off > data_size() || e.data_bytes > data_size() - e.data_off) return bad("postings out of bounds");
  if (e.pos_off > positions_size() || e.pos_bytes > positions_size() - e.pos_off) {
    return bad("positions out of bounds");
  }
  return Status::Ok();
}

Result<TermRef> Segment::Find(std::string_view term) const {
  uint32_t lo = 0, hi = header_.num_terms;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (TermAt(mid) < term) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < header_.num_terms && TermAt(lo) == term) {
    ANNALS_RETURN_IF_ERROR(ValidateEntry(terms_[lo]));
    return TermRef{&terms_[lo]};
  }
  return TermRef{};
}

std::pair<uint32_t, uint32_t> Segment::PrefixRange(std::string_view prefix) const {
  uint32_t lo = 0, hi = header_.num_terms;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (TermAt(mid) < prefix) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  uint32_t end = lo;
  while (end < header_.num_terms && TermAt(end).substr(0, prefix.size()) == prefix) end++;
  return {lo, end};
}

// ---- PostingsCursor ----

PostingsCursor::PostingsCursor(const Segment* seg, TermRef ref) : seg_(seg), entry_(ref.entry) {
  if (!entry_) return;
  LoadBlock(0);
}

void PostingsCursor::Fail(Status st) {
  if (status_.ok()) status_ = std::move(st);
  doc_ = kEndDoc;
  block_ = entry_ ? entry_->num_blocks : 0;
}

bool PostingsCursor::LoadBlock(uint32_t b) {
  if (b >= entry_->num_blocks) {
    doc_ = kEndDoc;
    block_ = entry_->num_blocks;
    return false;
  }
  const BlockMeta& m = block_meta(b);
  uint32_t expect = (b + 1 < entry_->num_blocks) ? kBlockSize : entry_->df - kBlockSize * b;
  uint32_t cnt = uint32_t{m.count_minus_1} + 1;
  if (cnt != expect) {
    Fail(Status::Corruption(seg_->name() + ": block size does not match df"));
    return false;
  }
  uint32_t end_off = (b + 1 < entry_->num_blocks) ? block_meta(b + 1).data_off : entry_->data_bytes;
  if (m.data_off > end_off || end_off > entry_->data_bytes || m.docs_bytes > end_off - m.data_off) {
    Fail(Status::Corruption(seg_->name() + ": block offsets out of order"));
    return false;
  }
  const uint8_t* p = seg_->data() + entry_->data_off + m.data_off;
  size_t avail = end_off - m.data_off;
  Result<size_t> r = seg_->codec()->Decode(p, m.docs_bytes, cnt, docs_);
  if (!r.ok()) {
    Fail(Status::Corruption(seg_->name() + ": " + r.status().message()));
    return false;
  }
  Result<size_t> r2 = seg_->codec()->Decode(p + m.docs_bytes, avail - m.docs_bytes, cnt, tfs_);
  if (!r2.ok()) {
    Fail(Status::Corruption(seg_->name() + ": " + r2.status().message()));
    return false;
  }
  // Gaps to ids, with the checks that make a wrong answer impossible.
  uint64_t prev = b == 0 ? 0 : uint64_t{block_meta(b - 1).last_doc} + 1;
  for (uint32_t i = 0; i < cnt; i++) {
    uint64_t d = prev + docs_[i];
    if (d >= seg_->num_docs() || tfs_[i] == UINT32_MAX) {
      Fail(Status::Corruption(seg_->name() + ": posting out of range"));
      return false;
    }
    docs_[i] = static_cast<uint32_t>(d);
    tfs_[i] += 1;
    prev = d + 1;
  }
  if (docs_[cnt - 1] != m.last_doc) {
    Fail(Status::Corruption(seg_->name() + ": block does not end at its last doc"));
    return false;
  }
  block_ = b;
  count_ = cnt;
  pos_ = 0;
  doc_ = docs_[0];
  positions_loaded_ = false;
  return true;
}

uint32_t PostingsCursor::BlockFor(uint32_t target) const {
  if (!entry_) return kNoBlock;
  uint32_t b = block_ < entry_->num_blocks ? block_ : 0;
  if (b < entry_->num_blocks && block_meta(b).last_doc >= target) {
    // Might be an earlier block only if target is behind the cursor.
    if (b == 0 || block_meta(b - 1).last_doc < target) return b;
    b = 0;
  }
  // Gallop then binary search over block last_docs.
  uint32_t lo = b, step = 1, hi = b;
  while (hi < entry_->num_blocks && block_meta(hi).last_doc < target) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > entry_->num_blocks) hi = entry_->num_blocks;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (block_meta(mid).last_doc < target) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < entry_->num_blocks ? lo : kNoBlock;
}

uint32_t PostingsCursor::NextGeq(uint32_t target) {
  if (doc_ >= target || doc_ == kEndDoc) return doc_;
  if (block_meta(block_).last_doc < target) {
    uint32_t b = BlockFor(target);
    if (b == kNoBlock) {
      doc_ = kEndDoc;
      block_ = entry_->num_blocks;
      return doc_;
    }
    if (!LoadBlock(b)) return doc_;
  }
  while (docs_[pos_] < target) pos_++;  // the block's last doc is >= target
  doc_ = docs_[pos_];
  return doc_;
}

Status PostingsCursor::Positions(std::vector<uint32_t>* out) {
  out->clear();
  if (!status_.ok()) return status_;
  if (!has_positions() || doc_ == kEndDoc) return Status::Ok();
  if (!positions_loaded_) {
    // Where each posting's positions start in the block's codec run; only
    // the current posting's slice is decoded (a phrase check confirms a few
    // documents of a block, and common words carry thousands of positions
    // per block).
    uint64_t total = 0;
    for (uint32_t i = 0; i < count_; i++) {
      pos_start_[i] = static_cast<uint32_t>(total);
      total += tfs_[i];
      if (total > kMaxBlockPositions) {
        Fail(Status::Corruption(seg_->name() + ": too many positions in a block"));
        return status_;
      }
    }
    pos_start_[count_] = static_cast<uint32_t>(total);
    const BlockMeta& m = block_meta(block_);
    uint32_t end_off = (block_ + 1 < entry_->num_blocks) ? block_meta(block_ + 1).pos_off : entry_->pos_bytes;
    if (m.pos_off > end_off || end_off > entry_->pos_bytes) {
      Fail(Status::Corruption(seg_->name() + ": position offsets out of order"));
      return status_;
    }
    block_pos_bytes_ = end_off - m.pos_off;
    positions_loaded_ = true;
  }
  const uint32_t first = pos_start_[pos_], n = pos_start_[pos_ + 1] - first;
  out->resize(n);
  Status st = seg_->codec()->DecodeSlice(seg_->positions() + entry_->pos_off + block_meta(block_).pos_off,
                                         block_pos_bytes_, pos_start_[count_], first, n, out->data());
  if (!st.ok()) {
    Fail(Status::Corruption(seg_->name() + ": " + st.message()));
    return status_;
  }
  // Gaps to positions.
  uint64_t acc = 0;
  for (uint32_t& p : *out) {
    acc += p;
    if (acc > UINT32_MAX) {
      Fail(Status::Corruption(seg_->name() + ": position overflow"));
      return status_;
    }
    p = static_cast<uint32_t>(acc);
  }
  return Status::Ok();
}

}  // namespace annals::index
