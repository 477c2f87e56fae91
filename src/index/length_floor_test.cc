// LengthFloorCode: its floor never exceeds the length (the score bounds built
// on it must hold) and is the tightest the table allows.
#include "index/length_floor.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace annals::index {
namespace {

void ExpectTightFloor(uint32_t len) {
  const uint8_t c = LengthFloorCode(len);
  ASSERT_LE(LengthFloor(c), len) << len;
  if (c < 255) {
    ASSERT_GT(LengthFloor(static_cast<uint8_t>(c + 1)), len) << len;
  }
}

TEST(LengthFloorTest, FloorIsTheLargestNotAboveTheLength) {
  for (uint32_t len = 0; len < 200000; len++) ExpectTightFloor(len);
  for (uint64_t len = 200000; len <= UINT32_MAX; len = len * 17 / 16 + 1) ExpectTightFloor(static_cast<uint32_t>(len));
  ExpectTightFloor(UINT32_MAX);
}

TEST(LengthFloorTest, TableIsExactBelow64AndStrictlyIncreasing) {
  for (uint32_t i = 0; i < 64; i++) EXPECT_EQ(LengthFloor(static_cast<uint8_t>(i)), i);
  for (int i = 1; i < 256; i++) EXPECT_LT(kLengthFloors.v[i - 1], kLengthFloors.v[i]);
  // Steps stay under 7 %: the bound is at most that much loose in the length.
  for (int i = 65; i < 256; i++) EXPECT_LE(kLengthFloors.v[i], kLengthFloors.v[i - 1] * 1.07 + 1) << i;
}

}  // namespace
}  // namespace annals::index
