// Bit masks of a text's bytes, 64 to a word, for the snippet scanners
// (index_snippet.cc): finding the next byte of a class with a count of
// trailing zeros instead of a byte loop that mispredicts at every token's
// end — the byte loops were most of a rare word's snippet time at 1M
// articles (perf).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annals {

// Bit j of word w stands for byte 64 w + j of the text scanned.
struct ByteMasks {
  std::vector<uint64_t> alnum;   // an ASCII letter or digit (index::internal::IsAsciiAlnum)
  std::vector<uint64_t> nonsep;  // alnum, or a byte >= 0x80: not an ASCII separator
  size_t n = 0;                  // bytes scanned; bits at n and beyond are 0

  void Build(const unsigned char* p, size_t len) {
    n = len;
    const size_t words = (len + 63) / 64;
    alnum.assign(words, 0);
    nonsep.assign(words, 0);
    size_t i = 0;
#if defined(__SSE2__)
    // Signed byte compares: bytes >= 0x80 are negative, so neither range
    // takes them.
    const __m128i before_0 = _mm_set1_epi8('0' - 1), after_9 = _mm_set1_epi8('9' + 1);
    const __m128i before_a = _mm_set1_epi8('a' - 1), after_z = _mm_set1_epi8('z' + 1);
    const __m128i case_bit = _mm_set1_epi8(0x20);
    for (; i + 16 <= len; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i lower = _mm_or_si128(v, case_bit);
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, before_0), _mm_cmpgt_epi8(after_9, v));
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, before_a), _mm_cmpgt_epi8(after_z, lower));
      const uint64_t a = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(digit, letter)));
      const uint64_t h = static_cast<uint32_t>(_mm_movemask_epi8(v));
      alnum[i >> 6] |= a << (i & 63);
      nonsep[i >> 6] |= (a | h) << (i & 63);
    }
#endif
    for (; i < len; ++i) {
      const unsigned char c = p[i];
      const bool a = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (a) alnum[i >> 6] |= uint64_t{1} << (i & 63);
      if (a || c >= 0x80) nonsep[i >> 6] |= uint64_t{1} << (i & 63);
    }
  }

  // The first byte >= i that is not an ASCII separator, or n.
  size_t NextNonSeparator(size_t i) const { return Next(nonsep, i, 0); }
  // The first byte >= i that is not an ASCII letter or digit, or n.
  size_t NextNonAlnum(size_t i) const { return Next(alnum, i, ~uint64_t{0}); }

 private:
  // The first bit >= i set in (m ^ flip), capped at n.
  size_t Next(const std::vector<uint64_t>& m, size_t i, uint64_t flip) const {
    if (i >= n) return n;
    size_t w = i >> 6;
    uint64_t bits = (m[w] ^ flip) & (~uint64_t{0} << (i & 63));
    while (bits == 0) {
      if (++w >= m.size()) return n;
      bits = m[w] ^ flip;
    }
    const size_t j = (w << 6) + static_cast<size_t>(__builtin_ctzll(bits));
    return j < n ? j : n;
  }
};

}  // namespace annals
