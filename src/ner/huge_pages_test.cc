// HugePageAllocator: small and large allocations hold what is written to
// them; large ones are 2 MB-aligned (the condition for huge pages), small
// ones come from operator new.
#include "ner/huge_pages.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace annals::ner {
namespace {

template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

TEST(HugePages, LargeAllocationsAreAlignedAndHoldTheirData) {
  HugeVector<int32_t> v(3'000'000);  // 12 MB: not a multiple of 2 MB
  EXPECT_EQ(reinterpret_cast<uintptr_t>(v.data()) % kHugePage, 0u);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int32_t>(i * 7);
  for (size_t i = 0; i < v.size(); i += 9973) EXPECT_EQ(v[i], static_cast<int32_t>(i * 7));
  EXPECT_EQ(v.back(), static_cast<int32_t>((v.size() - 1) * 7));
}

TEST(HugePages, SmallAllocationsAndGrowth) {
  HugeVector<uint64_t> v;
  for (uint64_t i = 0; i < 400'000; ++i) v.push_back(i * i);  // crosses kHugePageMin while growing
  for (uint64_t i = 0; i < v.size(); i += 1013) EXPECT_EQ(v[i], i * i);
  HugeVector<char> small(100, 'x');
  EXPECT_EQ(small[99], 'x');
  HugeVector<uint64_t> moved = std::move(v);
  EXPECT_EQ(moved[399'999], uint64_t{399'999} * 399'999);
}

}  // namespace
}  // namespace annals::ner
