// Tests of the GKG 2.1 V2.1COUNTS formatter: field layout, delimiter
// cleaning and character (not byte) offsets.
#include "counts/gkg_counts.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace annals {
namespace {

TEST(GkgCountsTest, LayoutAndOffsets) {
  // "é" is two bytes: the second count's offset is in characters.
  const std::string text = "é 150 people were killed; 744 injured";
  Count kill;
  kill.type = CountType::kKill;
  kill.number = 150;
  kill.victims = "innocent people, including women";
  kill.place = "Baku";
  kill.start = 3;
  Count wound;
  wound.type = CountType::kWound;
  wound.number = 744;
  wound.victims = "people#1;x";
  wound.start = 27;
  EXPECT_EQ(FormatGkgCounts(text, {kill, wound}),
            "KILL#150#innocent people#0#Baku######2;WOUND#744#people 1 x#0#######26");
}

TEST(GkgCountsTest, EmptyAndOutOfOrder) {
  EXPECT_EQ(FormatGkgCounts("text", {}), "");
  Count a, b;
  a.start = 3;
  b.start = 1;
  EXPECT_EQ(FormatGkgCounts("abcd", {a, b}), "KILL#0##0#######3;KILL#0##0#######1");
}

TEST(GkgCountsTest, EveryEntryHasElevenFields) {
  Count c;
  c.type = CountType::kArrest;
  c.number = 841;
  c.victims = "individuals";
  const std::string s = FormatGkgCounts("841 individuals were detained", {c});
  EXPECT_EQ(std::count(s.begin(), s.end(), '#'), 10);
}

}  // namespace
}  // namespace annals
