// TallyIndexFacets and MatchesPerDay (index_match_sets.h).
#include "search/index_match_sets.h"

#include <algorithm>
#include <map>

#include "index/count.h"

namespace annals {
namespace {

// Counts per 64-bit code in an open-addressing table (linear probing,
// grown at half full): a common word's matches carry ~10^6 codes on a
// 1M-article archive, and std::unordered_map's node per code costs several
// times more.
class CodeCounter {
 public:
  CodeCounter() { Resize(1u << 14); }
  void Add(uint64_t code) {
    size_t i = Slot(code);
    while (used_[i] && keys_[i] != code) i = (i + 1) & mask_;
    if (!used_[i]) {
      used_[i] = 1;
      keys_[i] = code;
      counts_[i] = 0;
      if (++size_ * 2 > keys_.size()) {
        Resize(keys_.size() * 2);
        i = Find(code);
      }
    }
    counts_[i]++;
  }
  template <typename F>
  void ForEach(F&& f) const {
    for (size_t i = 0; i < keys_.size(); i++)
      if (used_[i]) f(keys_[i], counts_[i]);
  }

 private:
  size_t Slot(uint64_t code) const { return static_cast<size_t>((code * 0x9E3779B97F4A7C15ULL) >> shift_); }
  size_t Find(uint64_t code) const {
    size_t i = Slot(code);
    while (keys_[i] != code || !used_[i]) i = (i + 1) & mask_;
    return i;
  }
  void Resize(size_t cap) {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<int64_t> counts = std::move(counts_);
    std::vector<uint8_t> used = std::move(used_);
    keys_.assign(cap, 0);
    counts_.assign(cap, 0);
    used_.assign(cap, 0);
    mask_ = cap - 1;
    shift_ = 64 - __builtin_ctzll(cap);
    for (size_t j = 0; j < keys.size(); j++) {
      if (!used[j]) continue;
      size_t i = Slot(keys[j]);
      while (used_[i]) i = (i + 1) & mask_;
      used_[i] = 1;
      keys_[i] = keys[j];
      counts_[i] = counts[j];
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<int64_t> counts_;
  std::vector<uint8_t> used_;
  size_t mask_ = 0, size_ = 0;
  unsigned shift_ = 64;
};

}  // namespace

Result<bool> TallyIndexFacets(const index::Snapshot& snap, const index::Query& q, FacetTally* out) {
  for (const index::SnapshotSegment& sg : snap.segments) {
    if (sg.segment->num_docs() > 0 && !sg.segment->has_facets()) return false;
  }
  CodeCounter counter;
  Result<uint64_t> n = index::CollectMatches(snap, q, [&](size_t i, const index::DocBitmap& hits) -> Status {
    const index::Segment& seg = *snap.segments[i].segment;
    for (uint32_t d = hits.NextSet(0); d < hits.num_docs; d = hits.NextSet(d + 1)) {
      if (!seg.ForEachFacet(d, [&](uint64_t code) { counter.Add(code); })) {
        return Status::Corruption(seg.name() + ": damaged facet values");
      }
    }
    return Status::Ok();
  });
  if (!n.ok()) return n.status();
  for (auto& v : out->by_tag) v.clear();
  counter.ForEach([&](uint64_t code, int64_t count) {
    out->by_tag[code & 3].emplace_back(count, static_cast<int64_t>(code >> 2));
  });
  return true;
}

Result<std::vector<int64_t>> MatchingKeys(const index::Snapshot& snap, const index::Query& q) {
  std::vector<int64_t> keys;
  Result<uint64_t> n = index::CollectMatches(snap, q, [&](size_t i, const index::DocBitmap& hits) -> Status {
    const index::Segment& seg = *snap.segments[i].segment;
    for (uint32_t d = hits.NextSet(0); d < hits.num_docs; d = hits.NextSet(d + 1)) {
      keys.push_back(static_cast<int64_t>(seg.ext_id(d)));
    }
    return Status::Ok();
  });
  if (!n.ok()) return n.status();
  // Each segment's keys come in date order; segments overlap in time.
  std::sort(keys.begin(), keys.end());
  return keys;
}

Result<std::vector<std::pair<int32_t, int64_t>>> MatchesPerDay(const index::Snapshot& snap, const index::Query& q) {
  // A segment's docs are in date order: its matches come in runs per day.
  std::map<int32_t, int64_t> days;
  Result<uint64_t> n = index::CollectMatches(snap, q, [&](size_t i, const index::DocBitmap& hits) -> Status {
    const index::Segment& seg = *snap.segments[i].segment;
    int64_t run = 0;
    int32_t day = 0;
    for (uint32_t d = hits.NextSet(0); d < hits.num_docs; d = hits.NextSet(d + 1)) {
      if (run > 0 && seg.date(d) != day) {
        days[day] += run;
        run = 0;
      }
      day = seg.date(d);
      run++;
    }
    if (run > 0) days[day] += run;
    return Status::Ok();
  });
  if (!n.ok()) return n.status();
  return std::vector<std::pair<int32_t, int64_t>>(days.begin(), days.end());
}

}  // namespace annals
