// Block codecs for postings: a block of up to 128 unsigned 32-bit integers
// (doc-id gaps, term frequencies minus one, position gaps) to bytes and back.
// Two implementations behind one interface so they can be measured against
// each other (index_bench): Stream VByte (libstreamvbyte, SIMD decode) and
// binary packing (one bit width per block). The codec id is stored in each
// segment header: frozen values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/status.h"

namespace annals::index {

// Bytes a decoder may read past the end of an encoded block (SIMD loads);
// the segment format guarantees this much readable slack after every block.
inline constexpr size_t kCodecSlack = 16;

enum class CodecId : uint32_t {
  kStreamVByte = 1,  // libstreamvbyte 1-4 bytes per value + 2-bit keys
  kBitPack = 2,      // 1 byte bit width + packed little-endian bit stream
};

class BlockCodec {
 public:
  virtual ~BlockCodec() = default;
  virtual CodecId id() const = 0;
  // Upper bound on Encode's output for n values.
  virtual size_t MaxEncodedBytes(uint32_t n) const = 0;
  // Encodes in[0..n) to out (at least MaxEncodedBytes(n) bytes); returns the
  // number of bytes written.
  virtual size_t Encode(const uint32_t* in, uint32_t n, uint8_t* out) const = 0;
  // Decodes n values from in[0..avail) into out[0..n). Never reads beyond
  // in + avail + kCodecSlack; returns the bytes consumed, or Corruption if
  // the encoded length does not fit in `avail`.
  virtual Result<size_t> Decode(const uint8_t* in, size_t avail, uint32_t n, uint32_t* out) const = 0;
  // Decodes only values [from, from + count) of an n-value encoding into
  // out[0..count): a phrase check needs one posting's positions, not the
  // whole block's. Never reads beyond in + avail + kCodecSlack; Corruption
  // if the encoding up to the slice does not fit in `avail`. This default
  // decodes everything (allocating); codecs that can skip override it.
  virtual Status DecodeSlice(const uint8_t* in, size_t avail, uint32_t n, uint32_t from, uint32_t count,
                             uint32_t* out) const;
};

// The codec for `id`, or nullptr for an unknown id. The returned objects are
// stateless singletons, safe to share between threads.
const BlockCodec* CodecFor(CodecId id);

}  // namespace annals::index
