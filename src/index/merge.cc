// PickMerges and MergeSegments (merge.h).
#include "index/merge.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "index/segment_writer.h"

namespace annals::index {

std::vector<std::vector<size_t>> PickMerges(const std::vector<uint64_t>& live, const std::vector<uint64_t>& total,
                                            const MergePolicy& p) {
  std::vector<std::vector<size_t>> out;
  std::map<int, std::vector<size_t>> tiers;
  for (size_t i = 0; i < live.size(); i++) {
    if (total[i] > 0 && static_cast<double>(total[i] - live[i]) > p.max_deleted_ratio * static_cast<double>(total[i])) {
      out.push_back({i});  // mostly deleted: rewrite alone
      continue;
    }
    double size = static_cast<double>(std::max<uint64_t>(live[i], 1));
    int tier = size <= static_cast<double>(p.min_docs)
                   ? 0
                   : 1 + static_cast<int>(std::floor(std::log(size / static_cast<double>(p.min_docs)) /
                                                     std::log(p.tier_factor)));
    tiers[tier].push_back(i);
  }
  for (auto& [tier, members] : tiers) {
    if (members.size() < p.segments_per_tier) continue;
    std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) { return live[a] < live[b]; });
    members.resize(p.segments_per_tier);
    std::sort(members.begin(), members.end());
    out.push_back(members);
  }
  return out;
}

Status MergeSegments(const std::vector<SnapshotSegment>& parts, CodecId codec, const std::string& path) {
  // New doc order over every live document: (date, ext id).
  struct Src {
    int32_t date;
    uint64_t id;
    uint32_t part, doc;
  };
  std::vector<Src> docs;
  for (uint32_t p = 0; p < parts.size(); p++) {
    const Segment& s = *parts[p].segment;
    for (uint32_t d = 0; d < s.num_docs(); d++) {
      if (!parts[p].IsDeleted(d)) docs.push_back({s.date(d), s.ext_id(d), p, d});
    }
  }
  std::sort(docs.begin(), docs.end(), [](const Src& a, const Src& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); });
  std::vector<std::vector<uint32_t>> remap(parts.size());
  for (uint32_t p = 0; p < parts.size(); p++) remap[p].assign(parts[p].segment->num_docs(), kEndDoc);
  std::vector<std::string> names;
  for (const auto& part : parts) {
    for (const std::string& n : part.segment->numeric_names()) {
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
  }
  std::vector<DocMeta> metas(docs.size());
  std::vector<int64_t> numeric(names.size() * docs.size(), kNumericMissing);
  for (uint32_t nd = 0; nd < docs.size(); nd++) {
    const Src& s = docs[nd];
    const Segment& seg = *parts[s.part].segment;
    remap[s.part][s.doc] = nd;
    metas[nd] = DocMeta{s.id, s.date, seg.length(s.doc)};
    for (size_t f = 0; f < names.size(); f++) {
      int idx = seg.NumericField(names[f]);
      if (idx >= 0) numeric[f * docs.size() + nd] = seg.Numeric(idx, s.doc);
    }
  }
  std::set<std::string> terms;
  for (const auto& part : parts) {
    for (uint32_t i = 0; i < part.segment->num_terms(); i++) terms.emplace(part.segment->TermAt(i));
  }
  SegmentWriter w(codec, std::move(metas), names, std::move(numeric));
  // Per term: the postings of every part, remapped, as flat arrays (no
  // allocation per posting), then ordered by new doc id.
  std::vector<uint32_t> p_doc, p_tf, p_pos_begin, flat_pos, order, pos;
  std::vector<uint32_t> d_out, tf_out, pos_out;
  for (const std::string& term : terms) {
    p_doc.clear();
    p_tf.clear();
    p_pos_begin.clear();
    flat_pos.clear();
    bool positional = false;
    for (uint32_t p = 0; p < parts.size(); p++) {
      Result<TermRef> r = parts[p].segment->Find(term);
      if (!r.ok()) return r.status();
      if (!r->entry) continue;
      PostingsCursor c(parts[p].segment.get(), *r);
      positional = c.has_positions();
      for (uint32_t d = c.doc(); d != kEndDoc; d = c.Next()) {
        uint32_t nd = remap[p][d];
        if (nd == kEndDoc) continue;
        p_doc.push_back(nd);
        p_tf.push_back(c.tf());
        p_pos_begin.push_back(static_cast<uint32_t>(flat_pos.size()));
        if (positional) {
          ANNALS_RETURN_IF_ERROR(c.Positions(&pos));
          flat_pos.insert(flat_pos.end(), pos.begin(), pos.end());
        }
      }
      ANNALS_RETURN_IF_ERROR(c.status());
    }
    if (p_doc.empty()) continue;
    order.resize(p_doc.size());
    for (uint32_t i = 0; i < order.size(); i++) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return p_doc[a] < p_doc[b]; });
    d_out.clear();
    tf_out.clear();
    pos_out.clear();
    for (uint32_t i : order) {
      d_out.push_back(p_doc[i]);
      tf_out.push_back(p_tf[i]);
      if (positional) pos_out.insert(pos_out.end(), flat_pos.begin() + p_pos_begin[i], flat_pos.begin() + p_pos_begin[i] + p_tf[i]);
    }
    ANNALS_RETURN_IF_ERROR(w.AddTerm(term, d_out.data(), tf_out.data(), positional ? pos_out.data() : nullptr,
                                     static_cast<uint32_t>(d_out.size())));
  }
  return w.Finish(path);
}

}  // namespace annals::index
