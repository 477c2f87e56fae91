// LineInput: buffered, line-at-a-time reading over a ByteSource, counting line
// numbers for messages. Memory is bounded by `max_line`: a longer line is
// skipped to its end and reported (kTooLong) instead of being buffered.
// Lines are returned as views into the buffer (no copy); a view stays valid
// until the next call. Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "read/byte_source.h"

namespace annals {

class LineInput {
 public:
  enum class Next { kLine, kEof, kTooLong };

  LineInput(std::unique_ptr<ByteSource> source, size_t max_line);

  // The first `n` bytes not yet consumed (fewer at end of input), without
  // consuming them: for sniffing formats.
  Result<std::string_view> Peek(size_t n);

  // Reads the next line into *line, without its "\n" or "\r\n". A last line
  // without a newline is returned too. kTooLong: the line exceeded max_line
  // and was skipped (line_no() is its number; *line is empty).
  Result<Next> ReadLine(std::string_view* line);

  // Appends everything not yet consumed to *out, up to `max` bytes. Returns
  // false (and stops, *out partial) if there is more than `max`.
  Result<bool> ReadRest(std::string* out, size_t max);

  uint64_t line_no() const { return line_no_; }  // 1-based number of the last line returned
  uint64_t bytes() const { return total_in_ - (len_ - pos_); }  // bytes consumed (decompressed)
  uint64_t raw_bytes() const { return source_->raw_bytes(); }   // bytes taken from disk/memory

 private:
  // Reads one more chunk after compacting the buffer; false at end of input.
  Result<bool> Refill();

  std::unique_ptr<ByteSource> source_;
  size_t max_line_;
  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0;
  size_t pos_ = 0;  // first unconsumed byte
  size_t len_ = 0;  // bytes valid in buf_
  bool eof_ = false;
  uint64_t line_no_ = 0;
  uint64_t total_in_ = 0;
};

}  // namespace annals
