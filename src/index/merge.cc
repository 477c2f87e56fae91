// PickMerges and MergeSegments (merge.h).
#include "index/merge.h"

#include <algorithm>
#include <cmath>
#include <map>
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

Status MergeSegments(const std::vector<SnapshotSegment>& parts, CodecId codec, const std::string& path,
                     size_t spill_bytes) {
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
  SegmentWriter w(codec, std::move(metas), names, std::move(numeric));
  // Facet codes carry over only if every part has them (a part from older
  // code lacks them; the output must then lack them too, not claim none).
  bool facets = !docs.empty();
  for (const auto& part : parts) facets = facets && part.segment->has_facets();
  if (facets) {
    std::vector<uint64_t> codes, begin{0};
    for (const Src& s : docs) {
      if (!parts[s.part].segment->ForEachFacet(s.doc, [&](uint64_t c) { codes.push_back(c); })) {
        return Status::Corruption(parts[s.part].segment->name() + ": damaged facet values");
      }
      begin.push_back(codes.size());
    }
    ANNALS_RETURN_IF_ERROR(w.SetFacets(std::move(codes), std::move(begin)));
  }
  // The output's sections go to temporary files beyond spill_bytes each:
  // merging the largest segments must not hold their size in memory.
  const size_t slash = path.find_last_of('/');
  w.SpillTo(slash == std::string::npos ? "." : path.substr(0, slash), spill_bytes);
  // The union of the parts' dictionaries in byte order, walking each sorted
  // dictionary once (next_term[p]: the part's first term not yet merged).
  std::vector<uint32_t> next_term(parts.size(), 0);
  std::vector<TermRef> refs(parts.size());
  // Per term: the postings of every part, remapped, as flat arrays (no
  // allocation per posting), then ordered by new doc id.
  std::vector<uint32_t> p_doc, p_tf, p_pos_begin, flat_pos, order, pos;
  std::vector<uint32_t> d_out, tf_out, pos_out;
  std::string term;
  uint64_t read_bytes = 0;  // postings read since the parts' pages were last released
  constexpr uint64_t kMergeReleaseBytes = uint64_t{64} << 20;
  while (true) {
    bool any = false;
    for (uint32_t p = 0; p < parts.size(); p++) {
      if (next_term[p] >= parts[p].segment->num_terms()) continue;
      std::string_view t = parts[p].segment->TermAt(next_term[p]);
      if (!any || t < term) term.assign(t);
      any = true;
    }
    if (!any) break;
    for (uint32_t p = 0; p < parts.size(); p++) {
      refs[p] = TermRef{};
      const Segment& seg = *parts[p].segment;
      if (next_term[p] >= seg.num_terms() || seg.TermAt(next_term[p]) != term) continue;
      ANNALS_RETURN_IF_ERROR(seg.ValidateEntry(seg.EntryAt(next_term[p])));
      refs[p] = TermRef{&seg.EntryAt(next_term[p])};
      ++next_term[p];
    }
    p_doc.clear();
    p_tf.clear();
    p_pos_begin.clear();
    flat_pos.clear();
    bool positional = false;
    // The parts are read once, front to back: keep only about
    // kMergeReleaseBytes of their mapped pages resident.
    for (uint32_t p = 0; p < parts.size(); p++) {
      if (refs[p].entry) read_bytes += refs[p].entry->data_bytes + refs[p].entry->pos_bytes;
    }
    if (read_bytes > kMergeReleaseBytes) {
      for (const auto& part : parts) part.segment->ReleasePages();
      read_bytes = 0;
    }
    for (uint32_t p = 0; p < parts.size(); p++) {
      if (!refs[p].entry) continue;
      PostingsCursor c(parts[p].segment.get(), refs[p]);
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
