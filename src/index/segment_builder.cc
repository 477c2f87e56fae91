// SegmentBuilder (segment_builder.h): buffers analyzed documents as term-id
// streams, then inverts them in date order into a SegmentWriter.
#include "index/segment_builder.h"

#include <algorithm>
#include <numeric>

#include "index/analyzer.h"
#include "index/porter_stemmer.h"
#include "index/segment_format.h"
#include "index/segment_writer.h"

namespace annals::index {

std::string KeywordTerm(std::string_view field, std::string_view value) {
  std::string t(field);
  t.push_back(':');
  t += NormalizeKeyword(value);
  return t;
}

std::string TitleTerm(std::string_view stem) {
  std::string t = "title:";
  t.append(stem);
  return t;
}

SegmentBuilder::SegmentBuilder(CodecId codec) : codec_(codec) {}

void SegmentBuilder::Clear() {
  folded_slots_.clear();
  folded_.clear();
  slots_.clear();
  hashes_.clear();
  terms_.clear();
  positional_.clear();
  docs_.clear();
  tokens_.clear();
  fields_.clear();
  numeric_names_.clear();
  numeric_by_doc_.clear();
  facets_.clear();
  docs_with_facets_ = 0;
  text_bytes_ = 0;
}

uint32_t SegmentBuilder::TermId(std::string_view term, bool positional) {
  // Open addressing with linear probing: the build spends most of its time
  // here, and std::unordered_map<std::string> costs a node per lookup miss.
  if (slots_.empty() || (terms_.size() + 1) * 2 > slots_.size()) {
    std::vector<uint32_t> grown(slots_.empty() ? 1024 : slots_.size() * 2, 0);
    size_t mask = grown.size() - 1;
    for (uint32_t id = 0; id < terms_.size(); id++) {
      size_t i = hashes_[id] & mask;
      while (grown[i]) i = (i + 1) & mask;
      grown[i] = id + 1;
    }
    slots_.swap(grown);
  }
  uint64_t h = std::hash<std::string_view>()(term);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t s = slots_[i];
    if (s == 0) {
      uint32_t id = static_cast<uint32_t>(terms_.size());
      slots_[i] = id + 1;
      terms_.emplace_back(term);
      hashes_.push_back(h);
      positional_.push_back(positional);
      return id;
    }
    if (hashes_[s - 1] == h && terms_[s - 1] == term) return s - 1;
  }
}

uint32_t SegmentBuilder::FoldedTermId(std::string_view folded, bool title) {
  if (folded_slots_.empty() || (folded_.size() + 1) * 2 > folded_slots_.size()) {
    std::vector<uint32_t> grown(folded_slots_.empty() ? 1024 : folded_slots_.size() * 2, 0);
    const size_t mask = grown.size() - 1;
    for (uint32_t k = 0; k < folded_.size(); k++) {
      size_t i = folded_[k].hash & mask;
      while (grown[i]) i = (i + 1) & mask;
      grown[i] = k + 1;
    }
    folded_slots_.swap(grown);
  }
  const uint64_t h = std::hash<std::string_view>()(folded);
  const size_t mask = folded_slots_.size() - 1;
  size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    const uint32_t s = folded_slots_[i];
    if (s == 0) break;
    FoldedForm& f = folded_[s - 1];
    if (f.hash == h && f.folded == folded) {
      if (!title) return f.body;
      if (f.title == kNoTerm) {
        PorterStem(folded, &stemmed_);
        f.title = TermId(TitleTerm(stemmed_), false);
      }
      return f.title;
    }
  }
  // A new form: stem it once; its body term comes first, as when every
  // token was stemmed (a title token adds its body term, then its title term).
  PorterStem(folded, &stemmed_);
  FoldedForm f{std::string(folded), h, TermId(stemmed_, true), kNoTerm};
  if (title) f.title = TermId(TitleTerm(stemmed_), false);
  folded_slots_[i] = static_cast<uint32_t>(folded_.size() + 1);
  folded_.push_back(std::move(f));
  return title ? folded_.back().title : folded_.back().body;
}

Status SegmentBuilder::Add(const IndexDoc& doc) {
  Doc d{doc.id, doc.date, static_cast<uint32_t>(tokens_.size()), 0, static_cast<uint32_t>(fields_.size()), 0,
        facets_.size(), facets_.size()};
  if (doc.facets) {
    facets_.insert(facets_.end(), doc.facets->begin(), doc.facets->end());
    d.fac_end = facets_.size();
    docs_with_facets_++;
  }
  text_bytes_ += doc.title.size() + doc.body.size();
  // Unstemmed tokens (Analyze with stem = false gives the folded form that
  // stemming would start from); FoldedTermId stems each form once.
  Analyze(doc.title, false, [&](const AnalyzedToken& t) {
    tokens_.push_back(FoldedTermId(t.term, false));
    fields_.push_back(FoldedTermId(t.term, true));
  });
  Analyze(doc.body, false, [&](const AnalyzedToken& t) { tokens_.push_back(FoldedTermId(t.term, false)); });
  for (const auto& [field, value] : doc.keywords) {
    if (field.empty() || field.find(':') != std::string::npos) {
      return Status::InvalidArgument("keyword field name '" + field + "' must be non-empty and have no ':'");
    }
    fields_.push_back(TermId(KeywordTerm(field, value), false));
  }
  d.tok_end = static_cast<uint32_t>(tokens_.size());
  d.fld_end = static_cast<uint32_t>(fields_.size());
  std::vector<int64_t> nums(numeric_names_.size(), kNumericMissing);
  for (const auto& [field, value] : doc.numbers) {
    auto it = std::find(numeric_names_.begin(), numeric_names_.end(), field);
    size_t f = static_cast<size_t>(it - numeric_names_.begin());
    if (it == numeric_names_.end()) {
      numeric_names_.push_back(field);
      for (auto& v : numeric_by_doc_) v.push_back(kNumericMissing);
      nums.push_back(kNumericMissing);
    }
    if (value == kNumericMissing) continue;
    nums[f] = std::max(nums[f], value);
  }
  numeric_by_doc_.push_back(std::move(nums));
  docs_.push_back(d);
  return Status::Ok();
}

template <typename Sink>
Status SegmentBuilder::Emit(Sink&& sink, const std::string& spill_dir) {
  // Local doc ids in (date, id) order.
  std::vector<uint32_t> order(docs_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return docs_[a].date != docs_[b].date ? docs_[a].date < docs_[b].date : docs_[a].id < docs_[b].id;
  });
  {
    std::vector<uint64_t> ids;
    for (const Doc& d : docs_) ids.push_back(d.id);
    std::sort(ids.begin(), ids.end());
    auto dup = std::adjacent_find(ids.begin(), ids.end());
    if (dup != ids.end()) {
      return Status::InvalidArgument("document id " + std::to_string(*dup) + " added twice to one segment");
    }
  }
  std::vector<DocMeta> metas(docs_.size());
  std::vector<int64_t> numeric(numeric_names_.size() * docs_.size(), kNumericMissing);
  for (uint32_t nd = 0; nd < order.size(); nd++) {
    const Doc& d = docs_[order[nd]];
    metas[nd] = DocMeta{d.id, d.date, d.tok_end - d.tok_begin};
    const auto& nums = numeric_by_doc_[order[nd]];
    for (size_t f = 0; f < nums.size(); f++) numeric[f * docs_.size() + nd] = nums[f];
  }
  // Invert: per term, docs / tfs / positions in new doc order, in flat
  // arrays at per-term offsets (two passes over the documents: count, then
  // fill; no allocation per term). One pass per document in token order, no
  // per-document sort: a term's positions in one document arrive ascending,
  // and last_doc tells a term's first occurrence in the document (a new
  // posting) from a repeat (tf + 1). Body terms (stems: letters and digits
  // only) and field terms ("title:", "person:", ...) are never the same term.
  const size_t nt = terms_.size();
  std::vector<uint32_t> last_doc(nt, UINT32_MAX);
  std::vector<uint64_t> doc_at(nt + 1, 0), pos_at(nt + 1, 0);  // counts, then offsets
  for (uint32_t nd = 0; nd < order.size(); nd++) {
    const Doc& d = docs_[order[nd]];
    for (uint32_t i = d.tok_begin; i < d.tok_end; i++) {
      const uint32_t t = tokens_[i];
      pos_at[t + 1]++;
      if (last_doc[t] != nd) {
        last_doc[t] = nd;
        doc_at[t + 1]++;
      }
    }
    for (uint32_t i = d.fld_begin; i < d.fld_end; i++) {
      const uint32_t t = fields_[i];
      if (last_doc[t] != nd) {
        last_doc[t] = nd;
        doc_at[t + 1]++;
      }
    }
  }
  for (size_t t = 0; t < nt; t++) {
    doc_at[t + 1] += doc_at[t];
    pos_at[t + 1] += pos_at[t];
  }
  const std::vector<uint64_t> doc_begin = doc_at, pos_begin = pos_at;
  std::vector<uint32_t> all_docs(doc_at[nt]), all_tfs(doc_at[nt]), all_pos(pos_at[nt]);
  std::fill(last_doc.begin(), last_doc.end(), UINT32_MAX);
  auto occur = [&](uint32_t t, uint32_t nd) {
    if (last_doc[t] != nd) {
      last_doc[t] = nd;
      all_docs[doc_at[t]] = nd;
      all_tfs[doc_at[t]] = 1;
      doc_at[t]++;
    } else {
      all_tfs[doc_at[t] - 1]++;
    }
  };
  for (uint32_t nd = 0; nd < order.size(); nd++) {
    const Doc& d = docs_[order[nd]];
    for (uint32_t i = d.tok_begin; i < d.tok_end; i++) {
      occur(tokens_[i], nd);
      all_pos[pos_at[tokens_[i]]++] = i - d.tok_begin;
    }
    for (uint32_t i = d.fld_begin; i < d.fld_end; i++) occur(fields_[i], nd);
  }
  std::vector<uint32_t> by_term(nt);
  std::iota(by_term.begin(), by_term.end(), 0);
  std::sort(by_term.begin(), by_term.end(), [&](uint32_t a, uint32_t b) { return terms_[a] < terms_[b]; });
  SegmentWriter w(codec_, std::move(metas), numeric_names_, std::move(numeric));
  if (version1_) w.WriteVersion1ForTesting();
  if (!docs_.empty() && docs_with_facets_ == docs_.size()) {
    std::vector<uint64_t> codes, begin{0};
    codes.reserve(facets_.size());
    for (uint32_t nd = 0; nd < order.size(); nd++) {
      const Doc& d = docs_[order[nd]];
      codes.insert(codes.end(), facets_.begin() + static_cast<ptrdiff_t>(d.fac_begin),
                   facets_.begin() + static_cast<ptrdiff_t>(d.fac_end));
      begin.push_back(codes.size());
    }
    ANNALS_RETURN_IF_ERROR(w.SetFacets(std::move(codes), std::move(begin)));
  }
  if (!spill_dir.empty()) w.SpillTo(spill_dir, kSpillBytes);
  for (uint32_t t : by_term) {
    ANNALS_RETURN_IF_ERROR(w.AddTerm(terms_[t], all_docs.data() + doc_begin[t], all_tfs.data() + doc_begin[t],
                                     positional_[t] ? all_pos.data() + pos_begin[t] : nullptr,
                                     static_cast<uint32_t>(doc_begin[t + 1] - doc_begin[t])));
  }
  return sink(w);
}

Status SegmentBuilder::Write(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return Emit([&](SegmentWriter& w) { return w.Finish(path); }, slash == std::string::npos ? "." : path.substr(0, slash));
}

Result<std::string> SegmentBuilder::WriteToString() {
  std::string out;
  Status st = Emit(
      [&](SegmentWriter& w) -> Status {
        Result<std::string> r = w.FinishToString();
        if (!r.ok()) return r.status();
        out = std::move(*r);
        return Status::Ok();
      },
      "");
  if (!st.ok()) return st;
  return out;
}

}  // namespace annals::index
