// Stream VByte and bit-packing block codecs (codec.h).
#include "index/codec.h"

#include <streamvbyte.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>
#include <vector>

namespace annals::index {
namespace {

class StreamVByteCodec final : public BlockCodec {
 public:
  CodecId id() const override { return CodecId::kStreamVByte; }
  size_t MaxEncodedBytes(uint32_t n) const override { return streamvbyte_max_compressedbytes(n); }
  size_t Encode(const uint32_t* in, uint32_t n, uint8_t* out) const override {
    return streamvbyte_encode(in, n, out);
  }
  Result<size_t> Decode(const uint8_t* in, size_t avail, uint32_t n, uint32_t* out) const override {
    // The keys say how long the data is: check it fits before the library,
    // which trusts its input, reads it.
    size_t keys = (static_cast<size_t>(n) + 3) / 4;
    if (keys > avail) return Status::Corruption("stream-vbyte block keys past the end");
    size_t data = 0;
    for (uint32_t v = 0; v < n; v++) data += ((in[v >> 2] >> ((v & 3) * 2)) & 3) + 1;
    if (keys + data > avail) return Status::Corruption("stream-vbyte block data past the end");
    return streamvbyte_decode(in, out, n);
  }
};

// Runs of 128 values, each with its own bit width (one byte), so that one
// large value (a position gap in a long document) widens only its run.
class BitPackCodec final : public BlockCodec {
 public:
  static constexpr uint32_t kRun = 128;
  CodecId id() const override { return CodecId::kBitPack; }
  size_t MaxEncodedBytes(uint32_t n) const override { return (n / kRun + 1) * (1 + kRun * 4) + 8; }
  size_t Encode(const uint32_t* in, uint32_t n, uint8_t* out) const override {
    size_t pos = 0;
    for (uint32_t start = 0; start < n || (n == 0 && start == 0); start += kRun) {
      uint32_t cnt = std::min(kRun, n - start);
      pos += EncodeRun(in + start, cnt, out + pos);
      if (n == 0) break;
    }
    return pos;
  }
  Result<size_t> Decode(const uint8_t* in, size_t avail, uint32_t n, uint32_t* out) const override {
    size_t pos = 0;
    for (uint32_t start = 0; start < n || (n == 0 && start == 0); start += kRun) {
      uint32_t cnt = std::min(kRun, n - start);
      Result<size_t> r = DecodeRun(in + pos, avail - pos, cnt, out + start);
      if (!r.ok()) return r;
      pos += *r;
      if (n == 0) break;
    }
    return pos;
  }
  // Skips whole runs by their width byte (a run's length follows from its
  // width and count) and reads the slice's values at their bit offsets.
  Status DecodeSlice(const uint8_t* in, size_t avail, uint32_t n, uint32_t from, uint32_t count,
                     uint32_t* out) const override {
    if (from > n || count > n - from) return Status::Corruption("bit-packed slice out of range");
    size_t pos = 0;
    uint32_t start = 0;
    while (count > 0) {
      const uint32_t cnt = std::min(kRun, n - start);
      if (pos >= avail) return Status::Corruption("bit-packed block empty");
      const int bits = in[pos];
      if (bits > 32) return Status::Corruption("bit-packed block width > 32");
      const size_t bytes = (static_cast<size_t>(cnt) * bits + 7) / 8;
      if (1 + bytes > avail - pos) return Status::Corruption("bit-packed block past the end");
      if (from < start + cnt) {
        const uint32_t take = std::min(count, start + cnt - from);
        ReadValues(in + pos + 1, bits, from - start, take, out);
        out += take;
        from += take;
        count -= take;
      }
      pos += 1 + bytes;
      start += cnt;
    }
    return Status::Ok();
  }

 private:
  // Values [first, first + n) of a run's packed bit stream `p` of width
  // `bits` (the caller has checked the run's bytes are inside the input).
  static void ReadValues(const uint8_t* p, int bits, uint32_t first, uint32_t n, uint32_t* out) {
    if (bits == 0) {
      std::memset(out, 0, sizeof(uint32_t) * n);
      return;
    }
    const uint64_t mask = bits == 32 ? 0xFFFFFFFFull : ((1ull << bits) - 1);
    size_t bit = static_cast<size_t>(first) * bits;
    for (uint32_t i = 0; i < n; i++, bit += bits) {
      // Read 8 bytes at the value's byte offset (slack covers the overrun).
      uint64_t word;
      std::memcpy(&word, p + (bit >> 3), 8);
      out[i] = static_cast<uint32_t>((word >> (bit & 7)) & mask);
    }
  }
  // A whole run of width B from its first value: eight values fill B bytes,
  // so with B known the compiler turns each group's shifts and masks into
  // constants (BitPackCodec::Decode was 10-13 % of a search request's CPU
  // at 1M articles with the width a variable). Reads the same bytes as
  // ReadValues.
  template <int B>
  static void ReadRun(const uint8_t* p, uint32_t n, uint32_t* out) {
    if constexpr (B == 0) {
      std::memset(out, 0, sizeof(uint32_t) * n);
    } else {
      constexpr uint64_t kMask = B == 32 ? 0xFFFFFFFFull : ((1ull << B) - 1);
      uint32_t i = 0;
      for (; i + 8 <= n; i += 8) {
        const uint8_t* g = p + static_cast<size_t>(i / 8) * B;
        [&]<size_t... J>(std::index_sequence<J...>) {
          ((out[i + J] = static_cast<uint32_t>((Load64(g + (J * B) / 8) >> ((J * B) % 8)) & kMask)), ...);
        }(std::make_index_sequence<8>{});
      }
      if (i < n) ReadValues(p, B, i, n - i, out + i);
    }
  }
  static uint64_t Load64(const uint8_t* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  using RunReader = void (*)(const uint8_t*, uint32_t, uint32_t*);
  template <size_t... B>
  static constexpr std::array<RunReader, sizeof...(B)> MakeReaders(std::index_sequence<B...>) {
    return {&ReadRun<static_cast<int>(B)>...};
  }
  static RunReader ReaderFor(int bits) {
    static constexpr std::array<RunReader, 33> kReaders = MakeReaders(std::make_index_sequence<33>{});
    return kReaders[static_cast<size_t>(bits)];
  }

  static size_t EncodeRun(const uint32_t* in, uint32_t n, uint8_t* out) {
    uint32_t all = 0;
    for (uint32_t i = 0; i < n; i++) all |= in[i];
    int bits = all == 0 ? 0 : 32 - __builtin_clz(all);
    out[0] = static_cast<uint8_t>(bits);
    size_t pos = 1;
    uint64_t acc = 0;
    int have = 0;
    for (uint32_t i = 0; i < n && bits > 0; i++) {
      acc |= static_cast<uint64_t>(in[i]) << have;
      have += bits;
      while (have >= 8) {
        out[pos++] = static_cast<uint8_t>(acc);
        acc >>= 8;
        have -= 8;
      }
    }
    if (have > 0) out[pos++] = static_cast<uint8_t>(acc);
    return pos;
  }
  static Result<size_t> DecodeRun(const uint8_t* in, size_t avail, uint32_t n, uint32_t* out) {
    if (avail < 1) return Status::Corruption("bit-packed block empty");
    int bits = in[0];
    if (bits > 32) return Status::Corruption("bit-packed block width > 32");
    size_t bytes = (static_cast<size_t>(n) * bits + 7) / 8;
    if (1 + bytes > avail) return Status::Corruption("bit-packed block past the end");
    ReaderFor(bits)(in + 1, n, out);
    return 1 + bytes;
  }
};

}  // namespace

Status BlockCodec::DecodeSlice(const uint8_t* in, size_t avail, uint32_t n, uint32_t from, uint32_t count,
                               uint32_t* out) const {
  if (from > n || count > n - from) return Status::Corruption("slice out of range");
  std::vector<uint32_t> all(n);
  Result<size_t> r = Decode(in, avail, n, all.data());
  if (!r.ok()) return r.status();
  std::copy(all.begin() + from, all.begin() + from + count, out);
  return Status::Ok();
}

const BlockCodec* CodecFor(CodecId id) {
  static const StreamVByteCodec kSvb;
  static const BitPackCodec kBp;
  switch (id) {
    case CodecId::kStreamVByte:
      return &kSvb;
    case CodecId::kBitPack:
      return &kBp;
  }
  return nullptr;
}

}  // namespace annals::index
