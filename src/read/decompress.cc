// Gzip and zstd streaming decompressors (zlib inflate, ZSTD_decompressStream).
#include "read/decompress.h"

#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <string>
#include <vector>

namespace annals {

Compression DetectCompression(std::string_view h) {
  if (h.size() >= 2 && static_cast<unsigned char>(h[0]) == 0x1F && static_cast<unsigned char>(h[1]) == 0x8B)
    return Compression::kGzip;
  if (h.size() >= 4 && static_cast<unsigned char>(h[0]) == 0x28 && static_cast<unsigned char>(h[1]) == 0xB5 &&
      static_cast<unsigned char>(h[2]) == 0x2F && static_cast<unsigned char>(h[3]) == 0xFD)
    return Compression::kZstd;
  return Compression::kNone;
}

std::string_view CompressionName(Compression c) {
  switch (c) {
    case Compression::kGzip: return "gzip";
    case Compression::kZstd: return "zstd";
    case Compression::kNone: break;
  }
  return "none";
}

namespace {

constexpr size_t kInBuf = 64 * 1024;

// Input plumbing shared by both codecs: `head` first, then `inner`.
class CompressedInput {
 public:
  CompressedInput(std::unique_ptr<ByteSource> inner, std::string_view head)
      : inner_(std::move(inner)), buf_(std::max(kInBuf, head.size())) {
    std::memcpy(buf_.data(), head.data(), head.size());
    len_ = head.size();
  }
  // Makes sure some input is available unless at end; returns false at end.
  Result<bool> Fill() {
    if (pos_ < len_) return true;
    if (eof_) return false;
    auto n = inner_->Read(buf_.data(), buf_.size());
    if (!n.ok()) return n.status();
    pos_ = 0;
    len_ = *n;
    if (len_ == 0) eof_ = true;
    return len_ > 0;
  }
  const char* data() const { return buf_.data() + pos_; }
  size_t avail() const { return len_ - pos_; }
  void Consume(size_t n) { pos_ += n; }
  uint64_t raw_bytes() const { return inner_->raw_bytes(); }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t len_ = 0;
  bool eof_ = false;
};

class GzipSource : public ByteSource {
 public:
  GzipSource(std::unique_ptr<ByteSource> inner, std::string_view head) : in_(std::move(inner), head) {
    std::memset(&zs_, 0, sizeof zs_);
    ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK;  // +32: gzip or zlib header
  }
  ~GzipSource() override { inflateEnd(&zs_); }

  Result<size_t> Read(char* buf, size_t cap) override {
    if (!ok_) return Status::Internal("gzip: cannot initialise zlib");
    const size_t room = std::min<size_t>(cap, 1u << 30);
    size_t produced = 0;
    while (produced == 0 && room > 0) {
      auto more = in_.Fill();
      if (!more.ok()) return more.status();
      if (!*more && !in_member_) return size_t{0};
      // At end of input inside a member, one more call flushes output that
      // did not fit last time; if nothing comes, the data was cut short.
      zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in_.data()));
      zs_.avail_in = static_cast<uInt>(std::min<size_t>(in_.avail(), 1u << 30));
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = static_cast<uInt>(room);
      const uInt in_before = zs_.avail_in;
      in_member_ = true;
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      in_.Consume(in_before - zs_.avail_in);
      produced = room - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        in_member_ = false;  // concatenated members (cat a.gz b.gz) continue after a reset
        inflateReset(&zs_);
      } else if (rc == Z_BUF_ERROR || rc == Z_OK) {
        if (!*more && produced == 0) return Status::Corruption("gzip: truncated data (unexpected end of file)");
      } else {
        return Status::Corruption(std::string("gzip: ") + (zs_.msg ? zs_.msg : "corrupt data"));
      }
    }
    return produced;
  }
  uint64_t raw_bytes() const override { return in_.raw_bytes(); }

 private:
  CompressedInput in_;
  z_stream zs_;
  bool ok_ = false;
  bool in_member_ = false;  // inside a gzip member that has not ended
};

class ZstdSource : public ByteSource {
 public:
  ZstdSource(std::unique_ptr<ByteSource> inner, std::string_view head)
      : in_(std::move(inner), head), ds_(ZSTD_createDStream()) {
    if (ds_ != nullptr) ZSTD_initDStream(ds_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }

  Result<size_t> Read(char* buf, size_t cap) override {
    if (ds_ == nullptr) return Status::Internal("zstd: cannot create a decompression stream");
    ZSTD_outBuffer out{buf, cap, 0};
    while (out.pos == 0 && cap > 0) {
      auto more = in_.Fill();
      if (!more.ok()) return more.status();
      if (!*more && pending_ == 0) return size_t{0};
      ZSTD_inBuffer in{in_.data(), in_.avail(), 0};
      const size_t rc = ZSTD_decompressStream(ds_, &out, &in);
      in_.Consume(in.pos);
      if (ZSTD_isError(rc)) return Status::Corruption(std::string("zstd: ") + ZSTD_getErrorName(rc));
      pending_ = rc;  // 0: a frame just ended and is fully flushed
      if (!*more && out.pos == 0) return Status::Corruption("zstd: truncated data (unexpected end of file)");
    }
    return out.pos;
  }
  uint64_t raw_bytes() const override { return in_.raw_bytes(); }

 private:
  CompressedInput in_;
  ZSTD_DStream* ds_;
  size_t pending_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> NewDecompressor(Compression c, std::unique_ptr<ByteSource> inner, std::string_view head) {
  switch (c) {
    case Compression::kGzip: return std::make_unique<GzipSource>(std::move(inner), head);
    case Compression::kZstd: return std::make_unique<ZstdSource>(std::move(inner), head);
    case Compression::kNone: break;
  }
  return NewPrefixedSource(head, std::move(inner));
}

}  // namespace annals
