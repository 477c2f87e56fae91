// FilterCache (filter_cache.h).
#include "index/filter_cache.h"

namespace annals::index {
namespace {

size_t BitmapBytes(const DocBitmap& b) { return b.words.size() * sizeof(uint64_t) + sizeof(DocBitmap); }

}  // namespace

std::shared_ptr<const DocBitmap> FilterCache::Find(const std::string& key, size_t segment) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(Key(key, segment));
  if (it == entries_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  hits_++;
  return it->second.bitmap;
}

void FilterCache::Insert(const std::string& key, size_t segment, std::shared_ptr<const DocBitmap> bitmap) {
  const size_t bytes = BitmapBytes(*bitmap);
  if (bytes > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mu_);
  Key k(key, segment);
  if (entries_.count(k)) return;  // another thread built the same bitmap
  lru_.push_front(k);
  entries_.emplace(k, Entry{std::move(bitmap), lru_.begin()});
  bytes_ += bytes;
  while (bytes_ > max_bytes_) {
    auto victim = entries_.find(lru_.back());
    bytes_ -= BitmapBytes(*victim->second.bitmap);
    entries_.erase(victim);
    lru_.pop_back();
  }
}

size_t FilterCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

size_t FilterCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

}  // namespace annals::index
