// ByteSource: where a reader's bytes come from — a file, stdin, memory, or a
// decompressor wrapped around another source. Readers never touch files
// directly, so tests and fuzzers feed them from memory (LevelDB's Env idea).
// Not thread-safe; one source per reading thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace annals {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `cap` bytes into `buf`. Returns the number read; 0 means end
  // of input. An error (I/O, corrupt compressed data) is final.
  virtual Result<size_t> Read(char* buf, size_t cap) = 0;
  // Bytes taken from the underlying file or memory so far (the compressed
  // size for a decompressor): what a progress bar counts.
  virtual uint64_t raw_bytes() const = 0;
};

// Opens `path` for reading ("-" is stdin). NotFound/IoError if it cannot be opened.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);

// A source over `data`, which must outlive the source.
std::unique_ptr<ByteSource> NewMemorySource(std::string_view data);

// A source that yields a copy of `head`, then the rest of `inner` (used after
// sniffing took the first bytes of a file).
std::unique_ptr<ByteSource> NewPrefixedSource(std::string_view head, std::unique_ptr<ByteSource> inner);

}  // namespace annals
