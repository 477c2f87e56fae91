// Count and CollectMatches (count.h): exact match sets by doc ids and
// bitmaps, never by scores.
#include "index/count.h"

#include <algorithm>
#include <memory>
#include <optional>

#include "index/filter_eval.h"
#include "index/phrase_align.h"
#include "index/query_plan.h"

namespace annals::index {
namespace {

// A doc-id iterator over one clause in one segment.
class Matcher {
 public:
  virtual ~Matcher() = default;
  virtual uint32_t doc() const = 0;
  // First candidate >= target (kEndDoc past the end).
  virtual uint32_t NextGeq(uint32_t target) = 0;
  // Whether doc() really matches (phrases check positions here, once per doc).
  virtual bool Confirm() { return true; }
  // Rough number of candidates (AND ordering).
  virtual uint64_t cost() const = 0;
  virtual Status status() const = 0;
};

class TermMatcher final : public Matcher {
 public:
  TermMatcher(const Segment* seg, TermRef ref) : ref_(ref), cur_(seg, ref) {}
  uint32_t doc() const override { return cur_.doc(); }
  uint32_t NextGeq(uint32_t t) override { return cur_.NextGeq(t); }
  uint64_t cost() const override { return cur_.df(); }
  Status status() const override { return cur_.status(); }
  TermRef ref() const { return ref_; }
  PostingsCursor& cursor() { return cur_; }

 private:
  TermRef ref_;
  PostingsCursor cur_;
};

// Terms at consecutive positions: candidates have every term, Confirm()
// checks the positions.
class PhraseMatcher final : public Matcher {
 public:
  explicit PhraseMatcher(std::vector<std::unique_ptr<TermMatcher>> t) : terms_(std::move(t)) { doc_ = Align(0); }
  uint32_t doc() const override { return doc_; }
  uint32_t NextGeq(uint32_t target) override {
    if (doc_ >= target) return doc_;
    doc_ = Align(target);
    return doc_;
  }
  bool Confirm() override { return doc_ != kEndDoc && internal::InSequence(terms_, &pos_, &status_); }
  uint64_t cost() const override {
    uint64_t c = UINT64_MAX;
    for (const auto& t : terms_) c = std::min(c, t->cost());
    return c;
  }
  Status status() const override {
    if (!status_.ok()) return status_;
    for (const auto& t : terms_) {
      Status s = t->status();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  // The first doc >= target holding every term.
  uint32_t Align(uint32_t target) { return internal::AlignAll(terms_, target); }

  std::vector<std::unique_ptr<TermMatcher>> terms_;
  std::vector<std::vector<uint32_t>> pos_;
  uint32_t doc_ = kEndDoc;
  Status status_;
};

// A prefix's expansions present in this segment: any of them.
class UnionMatcher final : public Matcher {
 public:
  explicit UnionMatcher(std::vector<std::unique_ptr<TermMatcher>> t) : terms_(std::move(t)) { Recompute(); }
  uint32_t doc() const override { return doc_; }
  uint32_t NextGeq(uint32_t target) override {
    if (doc_ >= target) return doc_;
    for (auto& t : terms_) t->NextGeq(target);
    Recompute();
    return doc_;
  }
  uint64_t cost() const override {
    uint64_t c = 0;
    for (const auto& t : terms_) c += t->cost();
    return c;
  }
  Status status() const override {
    for (const auto& t : terms_) {
      Status s = t->status();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  void Recompute() {
    doc_ = kEndDoc;
    for (const auto& t : terms_) doc_ = std::min(doc_, t->doc());
  }
  std::vector<std::unique_ptr<TermMatcher>> terms_;
  uint32_t doc_ = kEndDoc;
};

// The clause in one segment, or nullptr when it matches nothing there. Same
// shapes and errors as the top-k engine's scorers (search.cc).
Result<std::unique_ptr<Matcher>> MakeMatcher(const Segment& seg, const PlannedClause& c) {
  std::vector<std::unique_ptr<TermMatcher>> parts;
  for (const PlannedTerm& t : c.terms) {
    Result<TermRef> r = seg.Find(t.term);
    if (!r.ok()) return r.status();
    if (!r->entry) {
      if (c.kind == ClauseKind::kPrefix) continue;  // this expansion is elsewhere
      return std::unique_ptr<Matcher>();
    }
    parts.push_back(std::make_unique<TermMatcher>(&seg, *r));
  }
  if (parts.empty()) return std::unique_ptr<Matcher>();
  if (c.kind == ClauseKind::kPhrase && parts.size() > 1) {
    if (!parts[0]->cursor().has_positions()) return Status::InvalidArgument("phrase over terms without positions");
    return std::unique_ptr<Matcher>(std::make_unique<PhraseMatcher>(std::move(parts)));
  }
  if (parts.size() == 1 || c.kind == ClauseKind::kPhrase) return std::unique_ptr<Matcher>(std::move(parts[0]));
  return std::unique_ptr<Matcher>(std::make_unique<UnionMatcher>(std::move(parts)));
}

// Postings of one term with doc in [lo, hi] allowed by `mask` (nullptr:
// every doc). A block whose whole doc span the mask allows counts from its
// metadata, one it allows nothing of is skipped; only the others are decoded.
Result<uint64_t> CountPostings(const Segment& seg, TermRef ref, const DocBitmap* mask, uint32_t lo, uint32_t hi) {
  const TermEntry& e = *ref.entry;
  if (!mask && lo == 0 && hi + 1 >= seg.num_docs()) return uint64_t{e.df};
  const BlockMeta* blocks = seg.blocks() + e.first_block;
  std::optional<PostingsCursor> cur;  // created on the first block that needs decoding
  uint64_t n = 0;
  uint32_t first = 0;  // no doc of block b lies below this
  for (uint32_t b = 0; b < e.num_blocks; first = blocks[b].last_doc + 1, b++) {
    const BlockMeta& m = blocks[b];
    if (m.last_doc < first || m.last_doc >= seg.num_docs()) {
      return Status::Corruption(seg.name() + ": block doc ids out of order");
    }
    const uint32_t cnt = b + 1 < e.num_blocks ? kBlockSize : e.df - kBlockSize * b;
    if (uint32_t{m.count_minus_1} + 1 != cnt) return Status::Corruption(seg.name() + ": block size does not match df");
    if (m.last_doc < lo) continue;
    if (first > hi) break;
    if (first >= lo && m.last_doc <= hi) {
      const uint64_t span = uint64_t{m.last_doc} - first + 1;
      const uint64_t allowed = mask ? mask->CountRange(first, m.last_doc) : span;
      if (allowed == span) {
        n += cnt;
        continue;
      }
      if (allowed == 0) continue;
    }
    if (!cur) cur.emplace(&seg, ref);
    const uint32_t end = std::min(m.last_doc, hi);
    for (uint32_t d = cur->NextGeq(std::max(first, lo)); d <= end; d = cur->Next()) {
      if (!mask || mask->Test(d)) n++;
    }
    if (!cur->status().ok()) return cur->status();
  }
  return n;
}

// The query's unscored filters as one tree: the filter tree, required and
// excluded terms, numeric filters (same meaning as the top-k engine's
// per-doc checks: an absent term or field matches nothing).
Filter AllFilters(const Query& q) {
  std::vector<Filter> fs{q.filter};
  for (const std::string& t : q.require) fs.push_back(Filter::Term(t));
  for (const std::string& t : q.exclude) fs.push_back(Filter::Not(Filter::Term(t)));
  for (const NumericFilter& f : q.numeric) fs.push_back(Filter::Numeric(f.field, f.min, f.max));
  return Filter::Combine(FilterKind::kAnd, std::move(fs));
}

// Matches in one segment's doc range [lo, hi]: counted, and with `out`
// also set in it (a bitmap over the segment's docs; counting from block
// metadata is then skipped, every match being needed).
class SegmentCount {
 public:
  SegmentCount(const SnapshotSegment& sg, const Query& q, uint32_t lo, uint32_t hi, DocBitmap* out = nullptr)
      : sg_(sg), seg_(*sg.segment), q_(q), lo_(lo), hi_(hi), out_(out) {}

  Result<uint64_t> Run(const Plan& plan, const Filter& filters) {
    if (!filters.is_all() || sg_.deleted) {
      Result<DocBitmap> b = EvalFilter(sg_, filters);
      if (!b.ok()) return b.status();
      if (b->CountRange(lo_, hi_) == 0) return uint64_t{0};
      mask_ = std::move(*b);
    }
    std::vector<std::unique_ptr<Matcher>> ms;
    for (const PlannedClause& c : plan.clauses) {
      Result<std::unique_ptr<Matcher>> m = MakeMatcher(seg_, c);
      if (!m.ok()) return m.status();
      if (!*m) {
        if (q_.mode == MatchMode::kAll) return uint64_t{0};
        continue;  // matches nothing here; the other clauses may
      }
      ms.push_back(std::move(*m));
    }
    if (plan.clauses.empty()) return FiltersOnly();
    Result<uint64_t> n = uint64_t{0};
    if (ms.empty()) {
      return n;
    } else if (ms.size() == 1 && !q_.accept && !out_ && dynamic_cast<TermMatcher*>(ms[0].get())) {
      n = CountPostings(seg_, static_cast<TermMatcher*>(ms[0].get())->ref(), mask(), lo_, hi_);
    } else if (q_.mode == MatchMode::kAll) {
      n = Intersect(ms);
    } else {
      n = Unite(ms);
    }
    for (const auto& m : ms) ANNALS_RETURN_IF_ERROR(m->status());
    return n;
  }

 private:
  const DocBitmap* mask() const { return mask_ ? &*mask_ : nullptr; }
  bool Allowed(uint32_t d) const { return !mask_ || mask_->Test(d); }
  // The first allowed doc >= d (kEndDoc if none).
  uint32_t NextAllowed(uint32_t d) const {
    if (!mask_) return d;
    const uint32_t x = mask_->NextSet(d);
    return x >= mask_->num_docs ? kEndDoc : x;
  }
  bool Accepted(uint32_t d) const { return !q_.accept || q_.accept(seg_.ext_id(d)); }
  // A match: counted, and recorded in out_.
  void Hit(uint32_t d, uint64_t* n) const {
    ++*n;
    if (out_) out_->Set(d);
  }

  uint64_t FiltersOnly() const {
    if (!q_.accept && !out_) return mask_ ? mask_->CountRange(lo_, hi_) : uint64_t{hi_} - lo_ + 1;
    uint64_t n = 0;
    for (uint32_t d = NextAllowed(lo_); d <= hi_; d = NextAllowed(d + 1)) {
      if (Accepted(d)) Hit(d, &n);
    }
    return n;
  }

  // OR: the allowed docs any clause matches, as a bitmap. Clauses without
  // positions go first, so that a phrase checks positions only for docs no
  // other clause has matched.
  uint64_t Unite(std::vector<std::unique_ptr<Matcher>>& ms) const {
    std::stable_partition(ms.begin(), ms.end(), [](const auto& m) { return !dynamic_cast<PhraseMatcher*>(m.get()); });
    DocBitmap hit(seg_.num_docs());
    for (auto& m : ms) {
      uint32_t d = m->NextGeq(lo_);
      while (d <= hi_) {
        if (!Allowed(d)) {
          const uint32_t x = NextAllowed(d);
          if (x > hi_) break;
          d = m->NextGeq(x);
          continue;
        }
        if (!hit.Test(d) && m->Confirm()) hit.Set(d);
        d = m->NextGeq(d + 1);
      }
    }
    if (!q_.accept && !out_) return hit.CountRange(lo_, hi_);
    uint64_t n = 0;
    for (uint32_t d = hit.NextSet(lo_); d <= hi_ && d < hit.num_docs; d = hit.NextSet(d + 1)) {
      if (Accepted(d)) Hit(d, &n);
    }
    return n;
  }

  // AND: leapfrog over the clauses, rarest first, and the mask.
  uint64_t Intersect(std::vector<std::unique_ptr<Matcher>>& ms) const {
    std::sort(ms.begin(), ms.end(), [](const auto& a, const auto& b) { return a->cost() < b->cost(); });
    uint64_t n = 0;
    uint32_t t = lo_;
    while (t <= hi_) {
      const uint32_t d = ms[0]->NextGeq(t);
      if (d > hi_) break;
      if (!Allowed(d)) {
        t = NextAllowed(d);
        continue;
      }
      t = d;
      for (size_t j = 1; j < ms.size() && t == d; j++) t = ms[j]->NextGeq(d);
      if (t != d) continue;  // t is the next candidate (kEndDoc ends the loop)
      t = d + 1;
      bool ok = true;
      for (size_t j = 0; j < ms.size() && ok; j++) ok = ms[j]->Confirm();
      if (ok && Accepted(d)) Hit(d, &n);
    }
    return n;
  }

  const SnapshotSegment& sg_;
  const Segment& seg_;
  const Query& q_;
  const uint32_t lo_, hi_;
  DocBitmap* const out_;
  std::optional<DocBitmap> mask_;  // allowed docs; none = every doc
};

// Count() and CollectMatches(): with `visit`, each segment's matches are
// collected into a bitmap and handed to it.
Result<uint64_t> CountOrCollect(const Snapshot& snap, const Query& q, const MatchVisitor* visit) {
  Result<Plan> plan = PlanQuery(snap, q, Bm25Params{});  // for the prefix expansions; weights unused
  if (!plan.ok()) return plan.status();
  const Filter filters = AllFilters(q);
  uint64_t total = 0;
  for (size_t i = 0; i < snap.segments.size(); i++) {
    const SnapshotSegment& sg = snap.segments[i];
    const Segment& seg = *sg.segment;
    if (seg.num_docs() == 0) continue;
    const uint32_t lo = q.date_from == INT32_MIN ? 0 : seg.FirstDocOnOrAfter(q.date_from);
    const uint32_t end = q.date_to == INT32_MAX ? seg.num_docs() : seg.FirstDocOnOrAfter(q.date_to + 1);
    if (lo >= end) continue;
    std::optional<DocBitmap> hits;
    if (visit) hits.emplace(seg.num_docs());
    Result<uint64_t> n = SegmentCount(sg, q, lo, end - 1, hits ? &*hits : nullptr).Run(*plan, filters);
    if (!n.ok()) return n.status();
    total += *n;
    if (visit && *n > 0) ANNALS_RETURN_IF_ERROR((*visit)(i, *hits));
  }
  return total;
}

}  // namespace

Result<uint64_t> Count(const Snapshot& snap, const Query& q) { return CountOrCollect(snap, q, nullptr); }

Result<uint64_t> CollectMatches(const Snapshot& snap, const Query& q, const MatchVisitor& visit) {
  return CountOrCollect(snap, q, &visit);
}

}  // namespace annals::index
