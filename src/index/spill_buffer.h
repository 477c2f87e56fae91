// SpillBuffer: an append-only byte sequence kept in memory up to a limit and
// moved, beyond it, to an anonymous temporary file (unlinked from the start,
// so a crash leaves nothing behind). SegmentWriter keeps each section of the
// segment it writes in one, so that merging large segments needs memory for
// its buffers only, not for its whole output (peak RSS bounded whatever the
// archive size).
//
// Thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/status.h"

namespace annals::index {

class SpillBuffer {
 public:
  SpillBuffer() = default;
  ~SpillBuffer();
  SpillBuffer(const SpillBuffer&) = delete;
  SpillBuffer& operator=(const SpillBuffer&) = delete;

  // From now on, moves the buffered bytes to a temporary file in `dir`
  // whenever more than `limit` bytes are buffered. Without this call every
  // byte stays in memory.
  void SpillTo(std::string dir, size_t limit);

  // Bytes appended so far (in memory and in the file).
  uint64_t size() const { return flushed_ + buf_.size(); }
  void Append(const void* p, size_t n);
  // Room for up to `n` bytes at the end, valid until Commit(k), which keeps
  // the first k <= n of them (encoders that need slack past their output).
  uint8_t* Reserve(size_t n);
  void Commit(size_t k);

  // Calls out(data, n) over every byte in order, reading the spilled part
  // back in chunks; stops at the first error (out's, or a write error of
  // an earlier spill).
  template <typename Out>
  Status ForEachChunk(Out&& out) const;

 private:
  void MaybeSpill();
  Status ReadAt(uint64_t offset, char* p, size_t n) const;

  std::string buf_;       // the bytes after the first flushed_ ones
  uint64_t flushed_ = 0;  // bytes in the file
  std::string dir_;       // where to spill; "" = never
  size_t limit_ = 0;
  size_t reserved_at_ = 0;  // buf_ size before Reserve
  int fd_ = -1;
  Status status_;  // first spill error
};

template <typename Out>
Status SpillBuffer::ForEachChunk(Out&& out) const {
  if (!status_.ok()) return status_;
  std::string chunk;
  constexpr size_t kChunk = 1 << 20;
  for (uint64_t at = 0; at < flushed_;) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(kChunk, flushed_ - at));
    chunk.resize(n);
    ANNALS_RETURN_IF_ERROR(ReadAt(at, chunk.data(), n));
    ANNALS_RETURN_IF_ERROR(out(chunk.data(), n));
    at += n;
  }
  if (!buf_.empty()) ANNALS_RETURN_IF_ERROR(out(buf_.data(), buf_.size()));
  return Status::Ok();
}

}  // namespace annals::index
