// Tests of the NER hashes: their values are part of the model file format
// (a model built with one HashBytes is refused or, worse, mislabels with
// another), so they are pinned here to the values of the first
// implementation (byte-at-a-time, before the word-load speed-up).
#include "ner/hash.h"

#include <gtest/gtest.h>

namespace annals::ner {
namespace {

TEST(HashBytes, ValuesArePinned) {
  struct Case {
    const char* input;
    uint64_t expected;
  };
  const Case cases[] = {
      {"", 0x400af467097ee691ULL},
      {"a", 0x8fc739247d353106ULL},
      {"Baku", 0xd68eacbacc783784ULL},
      {"News.Az", 0x768e6e686ceeb0a3ULL},
      {"12345678", 0x1eff8b8f76024198ULL},
      {"Aliyeva’s", 0xf6192d73f409fb3fULL},
      {"sabina aliyeva", 0xaf96106e2d4b7c36ULL},
      {"São Paulo Futebol Clube", 0x3e7a99aad2d5653aULL},
  };
  for (const Case& c : cases) EXPECT_EQ(HashBytes(c.input), c.expected) << c.input;
}

TEST(HashBytes, EveryTailLength) {
  // 0..23 bytes covers every tail length after 0, 1 and 2 full words; each
  // hash differs from its neighbours' (no byte ignored).
  std::string s;
  uint64_t prev = HashBytes(s);
  for (int n = 1; n < 24; ++n) {
    s.push_back(static_cast<char>('a' + n));
    uint64_t h = HashBytes(s);
    EXPECT_NE(h, prev) << n;
    std::string flipped = s;
    flipped[static_cast<size_t>(n - 1)] ^= 1;
    EXPECT_NE(HashBytes(flipped), h) << n;
    prev = h;
  }
}

// The first implementation, byte at a time (what the pinned values came from).
uint64_t ReferenceHashBytes(std::string_view s) {
  uint64_t h = 0x243F6A8885A308D3ULL ^ (s.size() * 0x9E3779B97F4A7C15ULL);
  size_t i = 0;
  auto load = [&](size_t at, size_t len) {
    uint64_t c = 0;
    for (size_t k = len; k > 0; --k) c = (c << 8) | static_cast<unsigned char>(s[at + k - 1]);
    return c;
  };
  for (; i + 8 <= s.size(); i += 8) h = Mix64(h ^ load(i, 8)) + 0x9E3779B97F4A7C15ULL;
  return Mix64(h ^ load(i, s.size() - i) ^ 0x5bd1e995ULL);
}

TEST(HashBytes, EqualsByteAtATimeForEveryLength) {
  // Every tail length (the tail is read with overlapping loads), bytes of
  // all values, at every offset in a buffer.
  std::string buf;
  for (int k = 0; k < 64; ++k) buf.push_back(static_cast<char>(k * 37 + 200));
  for (size_t at = 0; at < 8; ++at)
    for (size_t n = 0; at + n <= 40; ++n) {
      const std::string_view s = std::string_view(buf).substr(at, n);
      EXPECT_EQ(HashBytes(s), ReferenceHashBytes(s)) << at << " " << n;
    }
}

}  // namespace
}  // namespace annals::ner
