// Stable 64-bit hashing for NER features and lexicon keys, and the compact
// open-addressing table (32-bit fingerprint -> 32-bit value) that model files
// store. Hash values are part of the model file format: never change them
// without bumping the model version.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace annals::ner {

// A strong 64-bit finaliser (MurmurHash3 fmix64).
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Hash of a byte string; independent of the machine's byte order (bytes
// are read as little-endian 64-bit words; on a little-endian machine that is
// a plain load).
// Always inlined: it hashes every word and phrase, and with the tail loads
// GCC stopped inlining it on its own.
[[gnu::always_inline]] inline uint64_t HashBytes(std::string_view s, uint64_t seed = 0x243F6A8885A308D3ULL) {
  uint64_t h = seed ^ (s.size() * 0x9E3779B97F4A7C15ULL);
  size_t i = 0;
  auto load = [&](size_t at, size_t len) {
    uint64_t c = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&c, s.data() + at, len);
    } else {
      for (size_t k = len; k > 0; --k) c = (c << 8) | static_cast<unsigned char>(s[at + k - 1]);
    }
    return c;
  };
  for (; i + 8 <= s.size(); i += 8) h = Mix64(h ^ load(i, 8)) + 0x9E3779B97F4A7C15ULL;
  // The last 0..7 bytes as one little-endian value, zero-extended: a
  // memcpy of a variable length is a library call (it showed in profiles
  // of every word hashed), so two overlapping fixed loads, or three bytes.
  const size_t rest = s.size() - i;
  uint64_t tail = 0;
  if (rest >= 4) {
    tail = load(i, 4) | (load(i + rest - 4, 4) << (8 * (rest - 4)));
  } else if (rest > 0) {
    const auto byte = [&](size_t k) { return static_cast<uint64_t>(static_cast<unsigned char>(s[i + k])); };
    tail = byte(0) | (byte(rest / 2) << (8 * (rest / 2))) | (byte(rest - 1) << (8 * (rest - 1)));
  }
  return Mix64(h ^ tail ^ 0x5bd1e995ULL);
}

// Combines a feature template id with one or two value hashes.
inline uint64_t FeatureKey(uint32_t tmpl, uint64_t a) {
  return Mix64(a ^ (static_cast<uint64_t>(tmpl) * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL));
}
// FeatureKey(tmpl, a, b) from FeatureKey(tmpl, a) (which callers may cache).
inline uint64_t CombineKey(uint64_t key_a, uint64_t b) { return Mix64(key_a ^ (b * 0xC2B2AE3D27D4EB4FULL)); }
inline uint64_t FeatureKey(uint32_t tmpl, uint64_t a, uint64_t b) { return CombineKey(FeatureKey(tmpl, a), b); }

// Read-only view of an open-addressing table with linear probing. `keys`
// holds 32-bit fingerprints (0 = empty slot), `vals` the values; both have
// mask+1 entries. Values are never 0, so Find() returns 0 for "absent".
struct HashTableView {
  const uint32_t* keys = nullptr;  // fingerprints, 0 = empty
  const uint32_t* vals = nullptr;  // values (non-zero)
  uint32_t mask = 0;               // slots - 1 (slots is a power of two); 0 with keys==nullptr: empty

  static uint32_t Fingerprint(uint64_t h) {
    uint32_t fp = static_cast<uint32_t>(h >> 32);
    return fp == 0 ? 1 : fp;
  }
  uint32_t Find(uint64_t h) const {
    if (keys == nullptr) return 0;
    uint32_t fp = Fingerprint(h);
    for (uint32_t i = static_cast<uint32_t>(h) & mask;; i = (i + 1) & mask) {
      uint32_t k = keys[i];
      if (k == fp) return vals[i];
      if (k == 0) return 0;
    }
  }
};

// A HashTableView with each slot's fingerprint and value side by side in
// one 64-bit word (value << 32 | fingerprint): a probe touches one cache
// line instead of two. Same probe sequence, same answers (Pack()).
struct PackedTableView {
  const uint64_t* slots = nullptr;  // value << 32 | fingerprint, 0 = empty
  uint32_t mask = 0;                // slots - 1

  uint32_t Find(uint64_t h) const {
    if (slots == nullptr) return 0;
    uint32_t fp = HashTableView::Fingerprint(h);
    for (uint32_t i = static_cast<uint32_t>(h) & mask;; i = (i + 1) & mask) {
      uint64_t s = slots[i];
      uint32_t k = static_cast<uint32_t>(s);
      if (k == fp) return static_cast<uint32_t>(s >> 32);
      if (k == 0) return 0;
    }
  }
};

// The packed slots of `t` (empty if t is empty).
inline std::vector<uint64_t> Pack(const HashTableView& t) {
  std::vector<uint64_t> out;
  if (t.keys == nullptr) return out;
  out.resize(size_t{t.mask} + 1);
  for (size_t i = 0; i < out.size(); ++i) out[i] = (uint64_t{t.vals[i]} << 32) | t.keys[i];
  return out;
}

// Builds the storage of a HashTableView. Deterministic: the layout depends
// only on the set of (key, value) pairs, not on insertion order.
class HashTableBuilder {
 public:
  // Adds the value for hash `h` (value must be non-zero).
  void Put(uint64_t h, uint32_t value) { entries_.emplace_back(h, value); }
  size_t size() const { return entries_.size(); }
  // Lays out the table with load factor <= 0.5 into keys/vals. Values of
  // the same key (or of keys whose fingerprints meet in one probe chain) are
  // OR-ed with `merge_or`, else the first (smallest key) wins.
  void Build(bool merge_or, std::vector<uint32_t>* keys, std::vector<uint32_t>* vals) const;

 private:
  std::vector<std::pair<uint64_t, uint32_t>> entries_;  // unsorted, may hold duplicates until Build
};

// A table's storage plus its view.
struct HashTableData {
  std::vector<uint32_t> keys;  // fingerprints
  std::vector<uint32_t> vals;  // values
  HashTableView View() const {
    HashTableView v;
    if (!keys.empty()) {
      v.keys = keys.data();
      v.vals = vals.data();
      v.mask = static_cast<uint32_t>(keys.size() - 1);
    }
    return v;
  }
};

}  // namespace annals::ner
