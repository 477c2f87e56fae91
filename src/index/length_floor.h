// One byte per document standing for a lower bound of its length, so that a
// candidate's BM25 can be bounded (bm25.h: decreasing in length) from a
// table of 1 byte a doc — 1 MB at a million docs, which stays in cache —
// instead of reading the 4-byte length, a cache miss for each sparse
// candidate (most of TermScorer::Score's time on AND queries at 1M
// articles, perf). Lengths 0..63 are exact, longer ones fall to the next
// lower of 192 steps of ~6.7 % up to ~16M tokens.
#pragma once

#include <cmath>
#include <cstdint>

namespace annals::index {

struct LengthFloors {
  uint32_t v[256];  // strictly increasing
  constexpr LengthFloors() : v{} {
    for (uint32_t i = 0; i < 64; i++) v[i] = i;
    double x = 64;
    for (uint32_t i = 64; i < 256; i++) {
      x *= 1.067;
      const uint32_t y = static_cast<uint32_t>(x);
      v[i] = y > v[i - 1] ? y : v[i - 1] + 1;
    }
  }
};
inline constexpr LengthFloors kLengthFloors{};

// The largest code whose length is <= len.
inline uint8_t LengthFloorCode(uint32_t len) {
  if (len < 64) return static_cast<uint8_t>(len);
  // An estimate from the logarithm, then corrected to the exact code.
  int c = 63 + static_cast<int>(std::log(static_cast<double>(len) / 64.0) / std::log(1.067));
  c = c < 63 ? 63 : c > 255 ? 255 : c;
  while (c < 255 && kLengthFloors.v[c + 1] <= len) c++;
  while (kLengthFloors.v[c] > len) c--;
  return static_cast<uint8_t>(c);
}

inline uint32_t LengthFloor(uint8_t code) { return kLengthFloors.v[code]; }

}  // namespace annals::index
