// File, stdin and in-memory byte sources.
#include "read/byte_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>

namespace annals {

namespace {

// A POSIX file descriptor; read(2) directly, since LineInput does its own
// buffering (no double copy through stdio).
class FdSource : public ByteSource {
 public:
  FdSource(int fd, std::string path, bool owned) : fd_(fd), path_(std::move(path)), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  Result<size_t> Read(char* buf, size_t cap) override {
    for (;;) {
      const ssize_t n = ::read(fd_, buf, cap);
      if (n >= 0) {
        raw_ += static_cast<uint64_t>(n);
        return static_cast<size_t>(n);
      }
      if (errno == EINTR) continue;
      return Status::IoError(path_ + ": read failed: " + std::strerror(errno));
    }
  }
  uint64_t raw_bytes() const override { return raw_; }

 private:
  int fd_;
  std::string path_;
  bool owned_;
  uint64_t raw_ = 0;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  Result<size_t> Read(char* buf, size_t cap) override {
    const size_t n = std::min(cap, data_.size() - pos_);
    if (n > 0) std::memcpy(buf, data_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  uint64_t raw_bytes() const override { return pos_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string_view head, std::unique_ptr<ByteSource> inner) : head_(head), inner_(std::move(inner)) {}
  Result<size_t> Read(char* buf, size_t cap) override {
    if (pos_ < head_.size()) {
      const size_t n = std::min(cap, head_.size() - pos_);
      std::memcpy(buf, head_.data() + pos_, n);
      pos_ += n;
      return n;
    }
    return inner_->Read(buf, cap);
  }
  uint64_t raw_bytes() const override { return inner_->raw_bytes(); }

 private:
  std::string head_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> inner_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteSource>(new FdSource(STDIN_FILENO, "-", false));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound(path + ": no such file or folder");
    return Status::IoError(path + ": cannot open: " + std::strerror(err));
  }
#ifdef POSIX_FADV_SEQUENTIAL
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return std::unique_ptr<ByteSource>(new FdSource(fd, path, true));
}

std::unique_ptr<ByteSource> NewMemorySource(std::string_view data) {
  return std::make_unique<MemorySource>(data);
}

std::unique_ptr<ByteSource> NewPrefixedSource(std::string_view head, std::unique_ptr<ByteSource> inner) {
  return std::make_unique<PrefixedSource>(head, std::move(inner));
}

}  // namespace annals
