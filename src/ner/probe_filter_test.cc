// ProbeFilter: never says "absent" for a key the table's Find answers
// (fingerprint collisions and wrapped runs included), and rejects most
// keys the table does not hold.
#include "ner/probe_filter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace annals::ner {
namespace {

// A deterministic key stream.
uint64_t KeyAt(uint64_t i) { return Mix64(i * 0x9E3779B97F4A7C15ULL + 12345); }

void CheckTable(size_t stored, size_t probes) {
  HashTableBuilder b;
  for (size_t i = 0; i < stored; ++i) b.Put(KeyAt(i), static_cast<uint32_t>(i + 1));
  HashTableData data;
  b.Build(false, &data.keys, &data.vals);
  const HashTableView t = data.View();
  ProbeFilter f;
  f.Build(t);
  size_t absent = 0, passed_absent = 0, hits = 0;
  for (size_t i = 0; i < probes; ++i) {
    const uint64_t key = KeyAt(i);  // the first `stored` are in the table
    const bool may = f.MayHit(key);
    if (t.Find(key) != 0) {
      ++hits;
      ASSERT_TRUE(may) << "key " << i << " of " << stored;
    } else {
      ++absent;
      passed_absent += may ? 1 : 0;
    }
  }
  EXPECT_GE(hits, stored);
  if (absent > 1000) {
    EXPECT_LT(passed_absent * 5, absent) << "the filter should reject most absent keys";
  }
}

TEST(ProbeFilter, NoFalseAbsentAndFewFalseMaybe) {
  CheckTable(100'000, 400'000);
  CheckTable(3, 5'000);
  CheckTable(1, 10);
}

TEST(ProbeFilter, FingerprintCollisionsStillPass) {
  // Keys whose slot bits differ but whose fingerprints collide with stored
  // keys can "hit" in Find: the filter must let them through too.
  HashTableBuilder b;
  for (uint64_t i = 0; i < 2000; ++i) b.Put(KeyAt(i), 1);
  HashTableData data;
  b.Build(false, &data.keys, &data.vals);
  const HashTableView t = data.View();
  ProbeFilter f;
  f.Build(t);
  size_t found = 0;
  for (uint64_t i = 0; i < 300; ++i) {
    // Same fingerprint (high 32 bits), every home slot in the table.
    for (uint32_t low = 0; low <= t.mask; ++low) {
      const uint64_t key = (KeyAt(i) & 0xFFFFFFFF00000000ULL) | low;
      if (t.Find(key) != 0) {
        ++found;
        ASSERT_TRUE(f.MayHit(key)) << i << " " << low;
      }
    }
  }
  EXPECT_GT(found, 300u);  // every stored key's own home, and runs reaching it
}

TEST(ProbeFilter, KeysWithZeroHighBitsPassLikeFingerprintOne) {
  // Find maps a key's high 32 bits of 0 to fingerprint 1, so a key with
  // high bits 0 finds an entry stored with high bits 1; the filter, which
  // tests the high bits themselves, must let it through.
  HashTableBuilder b;
  for (uint64_t i = 0; i < 1000; ++i) b.Put(KeyAt(i), 1);
  const uint64_t stored = (uint64_t{1} << 32) | 0x1234;
  b.Put(stored, 7);
  HashTableData data;
  b.Build(false, &data.keys, &data.vals);
  const HashTableView t = data.View();
  ProbeFilter f;
  f.Build(t);
  const uint64_t zero_high = 0x1234;
  ASSERT_NE(t.Find(zero_high), 0u);
  EXPECT_TRUE(f.MayHit(zero_high));
  EXPECT_TRUE(f.MayHit(stored));
}

TEST(ProbeFilter, EmptyTable) {
  ProbeFilter f;
  f.Build(HashTableView{});
  EXPECT_FALSE(f.MayHit(KeyAt(1)));
}

}  // namespace
}  // namespace annals::ner
