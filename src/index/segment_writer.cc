// SegmentWriter (segment_writer.h): encodes blocks, computes per-block impact
// bounds, lays out sections and seals the file with a crc32 footer.
#include "index/segment_writer.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "index/bm25.h"

namespace annals::index {
namespace {

template <typename T>
void AppendPod(std::string* s, const T* v, size_t count) {
  s->append(reinterpret_cast<const char*>(v), sizeof(T) * count);
}

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  size_t off = 0;
  while (off < bytes.size()) {
    ssize_t w = ::write(fd, bytes.data() + off, bytes.size() - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(path + ": write: " + std::strerror(errno));
    }
    off += static_cast<size_t>(w);
  }
  return Status::Ok();
}

}  // namespace

SegmentWriter::SegmentWriter(CodecId codec, std::vector<DocMeta> docs, std::vector<std::string> numeric_names,
                             std::vector<int64_t> numeric_values)
    : codec_(CodecFor(codec)),
      docs_(std::move(docs)),
      numeric_names_(std::move(numeric_names)),
      numeric_values_(std::move(numeric_values)) {
  for (const DocMeta& d : docs_) total_tokens_ += d.length;
  if (!docs_.empty() && total_tokens_ > 0) avgdl_ = static_cast<double>(total_tokens_) / docs_.size();
}

void SegmentWriter::BuildImpacts(const uint32_t* docs, const uint32_t* tfs, uint32_t n, BlockMeta* meta) const {
  // Pareto frontier of (tf up, length down), then merged down to
  // kMaxImpacts points, each merge replacing two neighbours by one that
  // dominates both (their larger tf, their smaller length).
  struct Pt {
    uint32_t tf, len;
  };
  // The frontier, tf decreasing: for each distinct tf from the largest down,
  // the shortest document with that tf, kept if shorter than every document
  // with a larger tf. Small tfs (nearly all of news text) are bucketed; a
  // block with a larger one is sorted instead. Both give the same points.
  Pt front[kBlockSize];
  size_t nfront = 0;
  constexpr uint32_t kBucketTf = 32;
  uint32_t max_tf = 0;
  for (uint32_t i = 0; i < n; i++) max_tf = std::max(max_tf, std::min<uint32_t>(tfs[i], 65535));
  if (max_tf <= kBucketTf) {
    uint32_t min_len[kBucketTf + 1];
    std::fill(min_len, min_len + max_tf + 1, UINT32_MAX);
    for (uint32_t i = 0; i < n; i++) {
      const uint32_t len = std::min<uint32_t>(docs_[docs[i]].length, 65535);
      min_len[tfs[i]] = std::min(min_len[tfs[i]], len);
    }
    uint32_t best_len = UINT32_MAX;
    for (uint32_t tf = max_tf; tf >= 1; tf--) {
      if (min_len[tf] < best_len) {
        front[nfront++] = {tf, min_len[tf]};
        best_len = min_len[tf];
      }
    }
  } else {
    Pt pts[kBlockSize];
    for (uint32_t i = 0; i < n; i++) {
      pts[i] = {std::min<uint32_t>(tfs[i], 65535), std::min<uint32_t>(docs_[docs[i]].length, 65535)};
    }
    std::sort(pts, pts + n, [](const Pt& a, const Pt& b) { return a.tf != b.tf ? a.tf > b.tf : a.len < b.len; });
    uint32_t best_len = UINT32_MAX;
    for (uint32_t i = 0; i < n; i++) {
      if (pts[i].len < best_len) {
        front[nfront++] = pts[i];
        best_len = pts[i].len;
      }
    }
  }
  // front: tf decreasing, len decreasing. Merge the neighbours whose
  // merged point raises the bound least (judged at this segment's avgdl).
  if (nfront > kMaxImpacts) {
    TermWeight w = TermWeight::Make(Bm25Params{}, CollectionStats{docs_.size(), total_tokens_}, 1);
    while (nfront > kMaxImpacts) {
      size_t best = 0;
      double best_cost = 1e300;
      for (size_t i = 0; i + 1 < nfront; i++) {
        double merged = w.Score(front[i].tf, front[i + 1].len);
        double cost = merged - std::max(w.Score(front[i].tf, front[i].len), w.Score(front[i + 1].tf, front[i + 1].len));
        if (cost < best_cost) {
          best_cost = cost;
          best = i;
        }
      }
      front[best].len = front[best + 1].len;
      std::copy(front + best + 2, front + nfront, front + best + 1);
      --nfront;
    }
  }
  meta->num_impacts = static_cast<uint8_t>(nfront);
  for (size_t i = 0; i < kMaxImpacts; i++) {
    meta->impact_tf[i] = i < nfront ? static_cast<uint16_t>(front[i].tf) : 0;
    meta->impact_len[i] = i < nfront ? static_cast<uint16_t>(front[i].len) : 0;
  }
}

Status SegmentWriter::AddTerm(std::string_view term, const uint32_t* docs, const uint32_t* tfs,
                              const uint32_t* positions, uint32_t n) {
  if (n == 0) return Status::Ok();
  if (term.size() > 65535) return Status::InvalidArgument("term longer than 65535 bytes");
  if (any_term_ && term <= std::string_view(last_term_)) {
    return Status::Internal("SegmentWriter: terms out of order at '" + std::string(term) + "'");
  }
  any_term_ = true;
  last_term_.assign(term);

  TermEntry e{};
  e.data_off = data_.size();
  e.pos_off = positions_.size();
  e.str_off = static_cast<uint32_t>(strings_.size());
  e.str_len = static_cast<uint16_t>(term.size());
  e.df = n;
  e.first_block = static_cast<uint32_t>(num_blocks());
  e.num_blocks = (n + kBlockSize - 1) / kBlockSize;
  e.flags = positions ? kTermHasPositions : 0;
  strings_.Append(term.data(), term.size());

  uint32_t buf[kBlockSize];
  size_t pos_index = 0;
  uint32_t prev = UINT32_MAX;  // "doc -1": first gap is the doc id itself
  for (uint32_t start = 0; start < n; start += kBlockSize) {
    uint32_t cnt = std::min(kBlockSize, n - start);
    BlockMeta m{};
    m.last_doc = docs[start + cnt - 1];
    m.data_off = static_cast<uint32_t>(data_.size() - e.data_off);
    m.pos_off = static_cast<uint32_t>(positions_.size() - e.pos_off);
    m.count_minus_1 = static_cast<uint8_t>(cnt - 1);
    for (uint32_t i = 0; i < cnt; i++) {
      uint32_t d = docs[start + i];
      if (d >= docs_.size() || (prev != UINT32_MAX && d <= prev) || tfs[start + i] == 0) {
        return Status::Internal("SegmentWriter: bad postings for '" + std::string(term) + "'");
      }
      buf[i] = d - (prev + 1);
      prev = d;
    }
    uint8_t* out = data_.Reserve(codec_->MaxEncodedBytes(cnt) + kCodecSlack);
    size_t nb = codec_->Encode(buf, cnt, out);
    m.docs_bytes = static_cast<uint16_t>(nb);
    for (uint32_t i = 0; i < cnt; i++) buf[i] = tfs[start + i] - 1;
    nb += codec_->Encode(buf, cnt, out + nb);
    data_.Commit(nb);
    BuildImpacts(docs + start, tfs + start, cnt, &m);
    if (positions) {
      uint64_t total = 0;
      for (uint32_t i = 0; i < cnt; i++) total += tfs[start + i];
      if (total > kMaxBlockPositions) return Status::InvalidArgument("too many positions in one block");
      scratch_.resize(total);
      size_t k = 0;
      for (uint32_t i = 0; i < cnt; i++) {
        uint32_t last = 0;
        for (uint32_t j = 0; j < tfs[start + i]; j++, k++) {
          uint32_t p = positions[pos_index++];
          scratch_[k] = j == 0 ? p : p - last;
          last = p;
        }
      }
      uint8_t* pout = positions_.Reserve(codec_->MaxEncodedBytes(static_cast<uint32_t>(total)) + kCodecSlack);
      positions_.Commit(codec_->Encode(scratch_.data(), static_cast<uint32_t>(total), pout));
    }
    blocks_.Append(&m, sizeof m);
  }
  uint64_t db = data_.size() - e.data_off, pb = positions_.size() - e.pos_off;
  if (db > UINT32_MAX || pb > UINT32_MAX) return Status::InvalidArgument("postings of one term over 4 GiB");
  e.data_bytes = static_cast<uint32_t>(db);
  e.pos_bytes = static_cast<uint32_t>(pb);
  terms_.Append(&e, sizeof e);
  return Status::Ok();
}

Status SegmentWriter::SetFacets(std::vector<uint64_t> codes, std::vector<uint64_t> begin) {
  if (begin.size() != docs_.size() + 1 || begin.front() != 0 || begin.back() != codes.size()) {
    return Status::Internal("SegmentWriter: facet ranges do not match the documents");
  }
  facet_offsets_.assign(1, 0);
  facet_values_.clear();
  for (size_t d = 0; d < docs_.size(); d++) {
    if (begin[d + 1] < begin[d]) return Status::Internal("SegmentWriter: facet ranges out of order");
    uint64_t* first = codes.data() + begin[d];
    uint64_t* last = codes.data() + begin[d + 1];
    std::sort(first, last);
    last = std::unique(first, last);
    uint64_t prev = 0;
    for (const uint64_t* c = first; c != last; ++c) {
      uint64_t gap = *c - prev;  // the first code itself, then gaps >= 1
      prev = *c;
      while (gap >= 0x80) {
        facet_values_.push_back(static_cast<char>((gap & 0x7f) | 0x80));
        gap >>= 7;
      }
      facet_values_.push_back(static_cast<char>(gap));
    }
    if (facet_values_.size() > UINT32_MAX) return Status::InvalidArgument("facet values of one segment over 4 GiB");
    facet_offsets_.push_back(static_cast<uint32_t>(facet_values_.size()));
  }
  has_facets_ = true;
  return Status::Ok();
}

void SegmentWriter::SpillTo(const std::string& dir, size_t limit) {
  for (SpillBuffer* b : {&terms_, &strings_, &blocks_, &data_, &positions_}) b->SpillTo(dir, limit);
}

template <typename Out>
Status SegmentWriter::Emit(Out&& out) {
  if (docs_.size() > UINT32_MAX - 1) return Status::InvalidArgument("too many documents in one segment");
  if (num_terms() > UINT32_MAX || num_blocks() > UINT32_MAX) return Status::InvalidArgument("too many terms in one segment");
  for (size_t i = 1; i < docs_.size(); i++) {
    if (docs_[i].date < docs_[i - 1].date) return Status::Internal("SegmentWriter: docs not in date order");
  }
  if (numeric_values_.size() != numeric_names_.size() * docs_.size()) {
    return Status::Internal("SegmentWriter: numeric values do not match names x docs");
  }
  const bool v3 = has_facets_ && format_version_ >= 3;
  SegmentHeader h{};
  std::memcpy(h.magic, kSegmentMagic, 8);
  h.version = v3 ? 3 : std::min<uint32_t>(format_version_, 2);
  h.codec = static_cast<uint32_t>(codec_->id());
  h.num_docs = static_cast<uint32_t>(docs_.size());
  h.num_terms = static_cast<uint32_t>(num_terms());
  h.num_blocks = static_cast<uint32_t>(num_blocks());
  h.num_numeric = static_cast<uint32_t>(numeric_names_.size());
  h.total_tokens = total_tokens_;

  // The small per-doc sections, built whole.
  std::string doc_ids, doc_dates, doc_lens, num_names;
  for (const DocMeta& d : docs_) AppendPod(&doc_ids, &d.ext_id, 1);
  for (const DocMeta& d : docs_) AppendPod(&doc_dates, &d.date, 1);
  for (const DocMeta& d : docs_) AppendPod(&doc_lens, &d.length, 1);
  for (const std::string& name : numeric_names_) {
    uint16_t len = static_cast<uint16_t>(std::min<size_t>(name.size(), 65535));
    AppendPod(&num_names, &len, 1);
    num_names.append(name.data(), len);
  }
  // Numeric columns (version 2): each field's code width from its value
  // range, so the section's size is known before it is encoded.
  const size_t n = docs_.size();
  std::vector<NumericColumnHeader> columns(numeric_names_.size());
  uint64_t numeric_bytes = 0;
  for (size_t f = 0; f < columns.size(); f++) {
    const int64_t* col = numeric_values_.data() + f * n;
    bool any = false;
    int64_t lo = 0, hi = 0;
    for (size_t d = 0; d < n; d++) {
      if (col[d] == kNumericMissing) continue;
      lo = any ? std::min(lo, col[d]) : col[d];
      hi = any ? std::max(hi, col[d]) : col[d];
      any = true;
    }
    columns[f] = NumericColumnHeader{any ? lo : 0, 0, 0};
    if (any) {
      // Codes 0 .. hi - lo, and all ones for missing: hi - lo + 1 must fit
      // (it does: kNumericMissing is never a value, so hi - lo < 2^64 - 1).
      const uint64_t top = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) + 1;
      columns[f].bits = static_cast<uint32_t>(64 - __builtin_clzll(top));
    }
    numeric_bytes += sizeof(NumericColumnHeader) + 8 * NumericColumnWords(n, columns[f].bits);
  }
  if (format_version_ == 1) numeric_bytes = numeric_values_.size() * sizeof(int64_t);
  // Every section at the next multiple of 8, in SectionId order; the header
  // (which names them all) goes first, so the layout is fixed before any
  // byte is written and the sections stream out of their buffers.
  const uint64_t sizes[kNumSections] = {
      terms_.size(),          strings_.size(), blocks_.size(), data_.size(),      positions_.size(),
      doc_ids.size(),         doc_dates.size(), doc_lens.size(), num_names.size(),
      numeric_bytes};
  uint64_t at = sizeof(SegmentHeader) + (v3 ? sizeof(FacetSections) : 0);
  for (uint32_t id = 0; id < kNumSections; id++) {
    at = (at + 7) / 8 * 8;
    h.sections[id] = {at, sizes[id]};
    at += sizes[id];
  }
  // Version 3's facet sections follow the others.
  FacetSections fs{};
  if (v3) {
    at = (at + 7) / 8 * 8;
    fs.offsets = {at, facet_offsets_.size() * sizeof(uint32_t)};
    at += fs.offsets.size;
    at = (at + 7) / 8 * 8;
    fs.values = {at, facet_values_.size()};
  }
  uLong crc = crc32(0L, Z_NULL, 0);
  uint64_t written = 0;
  auto emit = [&](const char* p, size_t n) -> Status {
    for (size_t done = 0; done < n;) {
      uInt chunk = static_cast<uInt>(std::min<size_t>(n - done, 1u << 30));
      crc = crc32(crc, reinterpret_cast<const Bytef*>(p + done), chunk);
      done += chunk;
    }
    written += n;
    return out(p, n);
  };
  static const char kZeros[8] = {};
  auto pad = [&]() -> Status { return written % 8 ? emit(kZeros, 8 - written % 8) : Status::Ok(); };
  ANNALS_RETURN_IF_ERROR(emit(reinterpret_cast<const char*>(&h), sizeof h));
  if (v3) ANNALS_RETURN_IF_ERROR(emit(reinterpret_cast<const char*>(&fs), sizeof fs));
  for (const SpillBuffer* b : {&terms_, &strings_, &blocks_, &data_, &positions_}) {
    ANNALS_RETURN_IF_ERROR(pad());
    ANNALS_RETURN_IF_ERROR(b->ForEachChunk(emit));
  }
  for (const std::string* b : {&doc_ids, &doc_dates, &doc_lens, &num_names}) {
    ANNALS_RETURN_IF_ERROR(pad());
    ANNALS_RETURN_IF_ERROR(emit(b->data(), b->size()));
  }
  ANNALS_RETURN_IF_ERROR(pad());
  if (format_version_ == 1) {
    ANNALS_RETURN_IF_ERROR(
        emit(reinterpret_cast<const char*>(numeric_values_.data()), numeric_values_.size() * sizeof(int64_t)));
  } else {
    std::vector<uint64_t> words;
    for (size_t f = 0; f < columns.size(); f++) {
      const NumericColumnHeader& c = columns[f];
      ANNALS_RETURN_IF_ERROR(emit(reinterpret_cast<const char*>(&c), sizeof c));
      words.assign(NumericColumnWords(n, c.bits), 0);
      if (c.bits == 0) continue;
      const uint64_t missing = c.bits == 64 ? ~uint64_t{0} : (uint64_t{1} << c.bits) - 1;
      const int64_t* col = numeric_values_.data() + f * n;
      for (size_t d = 0; d < n; d++) {
        const uint64_t code =
            col[d] == kNumericMissing ? missing : static_cast<uint64_t>(col[d]) - static_cast<uint64_t>(c.base);
        const uint64_t bit = static_cast<uint64_t>(d) * c.bits;
        const unsigned shift = bit & 63;
        words[bit >> 6] |= code << shift;
        if (shift + c.bits > 64) words[(bit >> 6) + 1] |= code >> (64 - shift);
      }
      ANNALS_RETURN_IF_ERROR(emit(reinterpret_cast<const char*>(words.data()), words.size() * 8));
    }
  }
  if (v3) {
    ANNALS_RETURN_IF_ERROR(pad());
    ANNALS_RETURN_IF_ERROR(
        emit(reinterpret_cast<const char*>(facet_offsets_.data()), facet_offsets_.size() * sizeof(uint32_t)));
    ANNALS_RETURN_IF_ERROR(pad());
    ANNALS_RETURN_IF_ERROR(emit(facet_values_.data(), facet_values_.size()));
  }
  ANNALS_RETURN_IF_ERROR(pad());
  SegmentFooter f{};
  std::memcpy(f.magic, kFooterMagic, 8);
  f.crc32 = static_cast<uint32_t>(crc);
  return out(reinterpret_cast<const char*>(&f), sizeof f);
}

Result<std::string> SegmentWriter::FinishToString() {
  std::string bytes;
  ANNALS_RETURN_IF_ERROR(Emit([&](const char* p, size_t n) {
    bytes.append(p, n);
    return Status::Ok();
  }));
  return bytes;
}

Status SegmentWriter::Finish(const std::string& path) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(tmp + ": " + std::strerror(errno));
  // Small writes gathered into 1 MB ones.
  std::string pending;
  auto flush = [&]() -> Status {
    Status st = WriteAll(fd, pending, tmp);
    pending.clear();
    return st;
  };
  Status st = Emit([&](const char* p, size_t n) -> Status {
    if (pending.size() + n > (1u << 20)) ANNALS_RETURN_IF_ERROR(flush());
    if (n >= (1u << 20)) return WriteAll(fd, std::string_view(p, n), tmp);
    pending.append(p, n);
    return Status::Ok();
  });
  if (st.ok()) st = flush();
  if (st.ok() && ::fsync(fd) != 0) st = Status::IoError(tmp + ": fsync: " + std::strerror(errno));
  ::close(fd);
  if (st.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) {
    st = Status::IoError(path + ": rename: " + std::strerror(errno));
  }
  if (!st.ok()) ::unlink(tmp.c_str());
  return st;
}

}  // namespace annals::index
