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

}  // namespace
}  // namespace annals::ner
