// Memory on 2 MB pages for the NER's large, randomly probed tables (the
// model's weights and feature table, the scorer's word cache).
//
// Why: labelling probes ~25 MB of tables at random, a few cache lines per
// token. On 4 KB pages nearly every probe also misses the TLB (its reach is
// a few MB) and waits for a page walk; prefetches wait too. Linux gives
// anonymous memory transparent huge pages when asked (madvise
// MADV_HUGEPAGE; the default "madvise" mode of most distributions does
// nothing otherwise). Where the kernel refuses, the memory is ordinary
// memory: the advice changes speed only, never contents.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace annals::ner {

// Allocations of at least this size are made on huge pages.
inline constexpr size_t kHugePageMin = size_t{1} << 20;
inline constexpr size_t kHugePage = size_t{2} << 20;

// `bytes` of memory, 2 MB-aligned and advised onto huge pages when large.
// Release with FreeHugeCapable(p, bytes) with the same size.
inline void* AllocHugeCapable(size_t bytes) {
  if (bytes < kHugePageMin) return ::operator new(bytes);
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p == nullptr) throw std::bad_alloc();
  ::madvise(p, rounded, MADV_HUGEPAGE);  // advice only: failure leaves small pages
  return p;
}

inline void FreeHugeCapable(void* p, size_t bytes) {
  if (bytes < kHugePageMin) {
    ::operator delete(p);
  } else {
    std::free(p);
  }
}

// std::vector allocator over AllocHugeCapable.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocator conversion
  T* allocate(size_t n) { return static_cast<T*>(AllocHugeCapable(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { FreeHugeCapable(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace annals::ner
