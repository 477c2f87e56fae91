// SpillBuffer (spill_buffer.h).
#include "index/spill_buffer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace annals::index {

namespace {

// An unnamed file in `dir`: O_TMPFILE where the file system has it, else a
// named one unlinked at once (named seg_*, so that a crash in between leaves
// a stray the index directory removes when it next opens).
int OpenAnonymous(const std::string& dir) {
#ifdef O_TMPFILE
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
#endif
  std::string tmpl = dir + "/seg_spill_XXXXXX";
  int fd2 = ::mkstemp(tmpl.data());
  if (fd2 >= 0) ::unlink(tmpl.c_str());
  return fd2;
}

}  // namespace

SpillBuffer::~SpillBuffer() {
  if (fd_ >= 0) ::close(fd_);
}

void SpillBuffer::SpillTo(std::string dir, size_t limit) {
  dir_ = std::move(dir);
  limit_ = limit;
  MaybeSpill();
}

void SpillBuffer::Append(const void* p, size_t n) {
  buf_.append(static_cast<const char*>(p), n);
  MaybeSpill();
}

uint8_t* SpillBuffer::Reserve(size_t n) {
  reserved_at_ = buf_.size();
  buf_.resize(reserved_at_ + n);
  return reinterpret_cast<uint8_t*>(&buf_[reserved_at_]);
}

void SpillBuffer::Commit(size_t k) {
  buf_.resize(reserved_at_ + k);
  MaybeSpill();
}

void SpillBuffer::MaybeSpill() {
  if (dir_.empty() || buf_.size() <= limit_ || !status_.ok()) return;
  if (fd_ < 0) {
    fd_ = OpenAnonymous(dir_);
    if (fd_ < 0) {
      status_ = Status::IoError(dir_ + ": temporary file: " + std::strerror(errno));
      return;
    }
  }
  for (size_t off = 0; off < buf_.size();) {
    ssize_t w = ::pwrite(fd_, buf_.data() + off, buf_.size() - off, static_cast<off_t>(flushed_ + off));
    if (w < 0) {
      if (errno == EINTR) continue;
      status_ = Status::IoError(dir_ + ": temporary file: write: " + std::strerror(errno));
      return;
    }
    off += static_cast<size_t>(w);
  }
  flushed_ += buf_.size();
  buf_.clear();
}

Status SpillBuffer::ReadAt(uint64_t offset, char* p, size_t n) const {
  while (n > 0) {
    ssize_t r = ::pread(fd_, p, n, static_cast<off_t>(offset));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return Status::IoError(dir_ + ": temporary file: read: " + (r < 0 ? std::strerror(errno) : "short"));
    p += r;
    n -= static_cast<size_t>(r);
    offset += static_cast<uint64_t>(r);
  }
  return Status::Ok();
}

}  // namespace annals::index
