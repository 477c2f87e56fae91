// Tests for UTF-8 validation, repair and decoding.
#include "core/utf8.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

struct RepairCase {
  std::string input;
  std::string expected;
  size_t fixes;
};

TEST(Utf8Test, RepairTable) {
  const std::string fffd = "\xEF\xBF\xBD";
  const RepairCase cases[] = {
      {"plain ascii", "plain ascii", 0},
      {"Aliyeva \xE2\x80\x99s", "Aliyeva \xE2\x80\x99s", 0},  // ’
      {"a\xFFz", "a" + fffd + "z", 1},
      {"a\xC3", "a" + fffd, 1},                          // truncated 2-byte
      {"\xE2\x80", fffd, 1},                              // truncated 3-byte: one maximal subpart
      {"\xC0\xAF", fffd + fffd, 2},                       // overlong: each byte invalid
      {"\xED\xA0\x80", fffd + fffd + fffd, 3},            // surrogate
      {"\xF0\x9F\x98\x80 ok", "\xF0\x9F\x98\x80 ok", 0},  // emoji
  };
  for (const auto& c : cases) {
    std::string s = c.input;
    EXPECT_EQ(RepairUtf8(&s), c.fixes) << c.input;
    EXPECT_EQ(s, c.expected);
    EXPECT_TRUE(IsValidUtf8(s));
  }
}

TEST(Utf8Test, DecodeAndEncode) {
  const std::string s = "S\xC3\xA3o \xE2\x80\x9C";
  int len = 0;
  EXPECT_EQ(DecodeUtf8(s, 1, &len), U'\u00e3');
  EXPECT_EQ(len, 2);
  EXPECT_EQ(DecodeUtf8(s, 5, &len), U'\u201c');
  EXPECT_EQ(len, 3);
  std::string out;
  for (char32_t cp : {U'S', U'\u00e3', U'\u201c', U'\U0001F600'}) AppendUtf8(cp, &out);
  EXPECT_EQ(out, "S\xC3\xA3\xE2\x80\x9C\xF0\x9F\x98\x80");
}

TEST(Utf8Test, RandomBytesAlwaysRepairToValid) {
  uint32_t x = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    for (int i = 0; i < 40; ++i) {
      x = x * 1664525u + 1013904223u;
      s.push_back(static_cast<char>(x >> 24));
    }
    RepairUtf8(&s);
    EXPECT_TRUE(IsValidUtf8(s));
  }
}

}  // namespace
}  // namespace annals
