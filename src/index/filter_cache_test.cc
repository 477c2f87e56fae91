// FilterCache: lookups by (filter, segment), the byte budget, least
// recently used out first, and oversized bitmaps not kept.
#include "index/filter_cache.h"

#include <gtest/gtest.h>

namespace annals::index {
namespace {

std::shared_ptr<const DocBitmap> Bitmap(uint32_t docs, uint32_t set) {
  auto b = std::make_shared<DocBitmap>(docs);
  b->Set(set);
  return b;
}

TEST(FilterCacheTest, FindsByFilterAndSegment) {
  FilterCache c;
  EXPECT_EQ(c.Find("has:quote", 0), nullptr);
  c.Insert("has:quote", 0, Bitmap(640, 5));
  c.Insert("has:quote", 1, Bitmap(640, 7));
  ASSERT_NE(c.Find("has:quote", 0), nullptr);
  EXPECT_TRUE(c.Find("has:quote", 0)->Test(5));
  EXPECT_TRUE(c.Find("has:quote", 1)->Test(7));
  EXPECT_EQ(c.Find("has:quote", 2), nullptr);
  EXPECT_EQ(c.Find("has:count", 0), nullptr);
  EXPECT_EQ(c.hits(), 3u);
}

TEST(FilterCacheTest, EvictsLeastRecentlyUsedBeyondItsBudget) {
  const size_t one = Bitmap(6400, 0)->words.size() * 8 + sizeof(DocBitmap);
  FilterCache c(3 * one);
  c.Insert("a", 0, Bitmap(6400, 1));
  c.Insert("b", 0, Bitmap(6400, 2));
  c.Insert("c", 0, Bitmap(6400, 3));
  EXPECT_EQ(c.bytes(), 3 * one);
  ASSERT_NE(c.Find("a", 0), nullptr);  // "b" is now the least recently used
  c.Insert("d", 0, Bitmap(6400, 4));
  EXPECT_EQ(c.bytes(), 3 * one);
  EXPECT_EQ(c.Find("b", 0), nullptr);
  EXPECT_NE(c.Find("a", 0), nullptr);
  EXPECT_NE(c.Find("c", 0), nullptr);
  EXPECT_NE(c.Find("d", 0), nullptr);
  // A bitmap larger than the whole budget is not kept (and evicts nothing).
  c.Insert("huge", 0, Bitmap(64000, 1));
  EXPECT_EQ(c.Find("huge", 0), nullptr);
  EXPECT_NE(c.Find("a", 0), nullptr);
  // A bitmap a reader still holds outlives its eviction.
  auto held = c.Find("a", 0);
  c.Insert("e", 0, Bitmap(6400, 5));
  c.Insert("f", 0, Bitmap(6400, 6));
  c.Insert("g", 0, Bitmap(6400, 7));
  EXPECT_EQ(c.Find("a", 0), nullptr);
  EXPECT_TRUE(held->Test(1));
}

}  // namespace
}  // namespace annals::index
