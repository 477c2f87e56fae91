// Streaming decompression of .gz (zlib) and .zst (libzstd) input, chosen by
// the magic bytes at the start of the data (never by the file name alone, so
// a misnamed file still reads). Memory: one fixed input buffer per source.
#pragma once

#include <memory>
#include <string_view>

#include "read/byte_source.h"

namespace annals {

enum class Compression { kNone, kGzip, kZstd };

// The compression whose magic number starts `head` (gzip 1F 8B, zstd
// 28 B5 2F FD); kNone otherwise.
Compression DetectCompression(std::string_view head);
// "gzip", "zstd" or "none".
std::string_view CompressionName(Compression c);

// Wraps `inner` so that reads return decompressed bytes. `head` holds bytes
// already taken from `inner` (e.g. by sniffing) that come first; it is copied.
// Corrupt or truncated data makes Read() return a Corruption status naming
// the codec ("gzip: invalid block type", "zstd: truncated data").
std::unique_ptr<ByteSource> NewDecompressor(Compression c, std::unique_ptr<ByteSource> inner, std::string_view head);

}  // namespace annals
