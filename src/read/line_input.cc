// Buffered line reading with line numbers and a bound on line length.
#include "read/line_input.h"

#include <algorithm>
#include <cstring>

namespace annals {

namespace {
// The buffer starts small (most inputs in tests and fuzzing are tiny) and
// doubles on each refill up to kChunk, so big files are read 256 KiB a time.
constexpr size_t kFirstChunk = 16 * 1024;
constexpr size_t kChunk = 256 * 1024;
}

LineInput::LineInput(std::unique_ptr<ByteSource> source, size_t max_line)
    : source_(std::move(source)), max_line_(std::max<size_t>(max_line, 1)) {}

Result<bool> LineInput::Refill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(buf_.get(), buf_.get() + pos_, len_ - pos_);
    len_ -= pos_;
    pos_ = 0;
  }
  if (cap_ < kChunk || cap_ - len_ < kChunk / 2) {
    // Grow geometrically; a line is bounded by max_line_ so this is too.
    const size_t cap = cap_ == 0 ? kFirstChunk : cap_ < kChunk ? cap_ * 2 : std::max(cap_ * 2, len_ + kChunk / 2);
    std::unique_ptr<char[]> bigger(new char[cap]);
    if (len_ > 0) std::memcpy(bigger.get(), buf_.get(), len_);
    buf_ = std::move(bigger);
    cap_ = cap;
  }
  auto n = source_->Read(buf_.get() + len_, cap_ - len_);
  if (!n.ok()) return n.status();
  if (*n == 0) {
    eof_ = true;
    return false;
  }
  len_ += *n;
  total_in_ += *n;
  return true;
}

Result<std::string_view> LineInput::Peek(size_t n) {
  while (len_ - pos_ < n && !eof_) {
    auto more = Refill();
    if (!more.ok()) return more.status();
  }
  return std::string_view(buf_.get() + pos_, std::min(n, len_ - pos_));
}

Result<LineInput::Next> LineInput::ReadLine(std::string_view* line) {
  bool discarding = false;  // inside a line longer than max_line_
  size_t scan = pos_;       // where to look for '\n' next (bytes before have none)
  for (;;) {
    const char* base = buf_.get();
    const void* nl = len_ > scan ? std::memchr(base + scan, '\n', len_ - scan) : nullptr;
    if (nl != nullptr) {
      const size_t end = static_cast<size_t>(static_cast<const char*>(nl) - base);
      ++line_no_;
      if (discarding || end - pos_ > max_line_) {
        pos_ = end + 1;
        *line = {};
        return Next::kTooLong;
      }
      size_t stop = end;
      if (stop > pos_ && base[stop - 1] == '\r') --stop;
      *line = std::string_view(base + pos_, stop - pos_);
      pos_ = end + 1;
      return Next::kLine;
    }
    if (eof_) {
      if (pos_ == len_) {
        if (discarding) {
          ++line_no_;
          *line = {};
          return Next::kTooLong;
        }
        return Next::kEof;
      }
      ++line_no_;
      if (discarding || len_ - pos_ > max_line_) {
        pos_ = len_;
        *line = {};
        return Next::kTooLong;
      }
      size_t stop = len_;
      if (base[stop - 1] == '\r') --stop;
      *line = std::string_view(base + pos_, stop - pos_);
      pos_ = len_;
      return Next::kLine;
    }
    if (len_ - pos_ > max_line_) {
      discarding = true;  // drop what we have; keep scanning for the end
      pos_ = len_;
    }
    const size_t scanned = len_ - pos_;
    auto more = Refill();
    if (!more.ok()) return more.status();
    scan = pos_ + scanned;
  }
}

Result<bool> LineInput::ReadRest(std::string* out, size_t max) {
  size_t taken = 0;
  for (;;) {
    const size_t n = len_ - pos_;
    if (taken + n > max) return false;
    out->append(buf_.get() + pos_, n);
    taken += n;
    pos_ = len_;
    auto more = Refill();
    if (!more.ok()) return more.status();
    if (!*more) return true;
  }
}

}  // namespace annals
