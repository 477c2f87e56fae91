// Block-max MaxScore top-k search (search.h): per-segment scorer trees over
// PostingsCursors, the filter chain, and the OR / AND / filter-only loops.
#include "index/search.h"

#include <algorithm>
#include <memory>
#include <queue>

#include "index/count.h"
#include "index/filter_cache.h"
#include "index/filter_eval.h"
#include "index/phrase_align.h"
#include "index/query_plan.h"

namespace annals::index {
namespace {

// A scored iterator over one clause (or part of one) in one segment.
class Scorer {
 public:
  virtual ~Scorer() = default;
  virtual uint32_t doc() const = 0;
  // First matching doc >= target.
  virtual uint32_t NextGeq(uint32_t target) = 0;
  // Score at doc().
  virtual double Score() = 0;
  // Upper bound of Score() for docs in [target, *end], where *end >= target
  // is where the bound stops holding; kEndDoc with bound 0 past the end.
  virtual double BlockMax(uint32_t target, uint32_t* end) = 0;
  // Two-phase matching (as Lucene's TwoPhaseIterator): doc() may be only a
  // candidate whose Score() is already exact; Confirm() does the expensive
  // check (phrase positions), called only for documents that can still make
  // the top k. Once per doc.
  virtual bool Confirm() { return true; }
  // Upper bound of Score() at doc() that reads no 4-byte document length (a
  // load that misses the cache for sparse candidates: a third of an AND
  // query's CPU at 1M articles) but the 1-byte length floor
  // (length_floor.h); a candidate whose bound cannot reach the top k is
  // passed over unscored. Only valid while doc() != kEndDoc.
  virtual double CandidateBound() = 0;
  // A looser bound than CandidateBound() from the tf and the block's
  // impacts alone — no per-doc memory — tried first.
  virtual double TfBound() { return CandidateBound(); }
  // Rough number of matches (AND ordering).
  virtual uint64_t cost() const = 0;
  virtual Status status() const = 0;
};

class TermScorer final : public Scorer {
 public:
  TermScorer(const Segment* seg, TermRef ref, const TermWeight& w) : seg_(seg), cur_(seg, ref), w_(w) {}
  uint32_t doc() const override { return cur_.doc(); }
  uint32_t NextGeq(uint32_t t) override { return cur_.NextGeq(t); }
  double Score() override { return w_.Score(cur_.tf(), seg_->length(cur_.doc())); }
  double CandidateBound() override {
    return w_.Bound(std::min<uint32_t>(cur_.tf(), 65535), seg_->length_floor(cur_.doc()));
  }
  double TfBound() override { return BoundForTf(cur_.block_meta(cur_.block()), cur_.tf()); }
  // CandidateBound() at posting (doc, tf) of the scan in RunOneTerm.
  double FloorBound(uint32_t doc, uint32_t tf) const {
    return w_.Bound(std::min<uint32_t>(tf, 65535), seg_->length_floor(doc));
  }
  void PrefetchFloor(uint32_t doc) const { seg_->PrefetchLengthFloor(doc); }
  // Bound of the score of a posting with this tf in block `m`: the block's
  // impacts dominate each of its postings (segment_format.h: some impact has
  // tf >= the posting's and length <= the posting's), so a posting with tf t
  // is at least as long as the shortest impact whose tf is >= t.
  double BoundForTf(const BlockMeta& m, uint32_t tf) const {
    const uint32_t t = std::min<uint32_t>(tf, 65535);
    const uint32_t n = std::min<uint32_t>(m.num_impacts, kMaxImpacts);
    uint32_t len = UINT32_MAX;
    for (uint32_t i = 0; i < n; i++) {
      if (m.impact_tf[i] >= t) len = std::min<uint32_t>(len, m.impact_len[i]);
    }
    if (len == UINT32_MAX) return w_.Bound(65535, 0);  // no impact covers it: the loosest valid bound
    return w_.Bound(t, len);
  }
  double BlockMax(uint32_t target, uint32_t* end) override {
    uint32_t b = cur_.BlockFor(target);
    if (b == PostingsCursor::kNoBlock) {
      *end = kEndDoc;
      return 0;
    }
    const BlockMeta& m = cur_.block_meta(b);
    *end = m.last_doc;
    double best = 0;
    uint32_t n = std::min<uint32_t>(m.num_impacts, kMaxImpacts);
    if (n == 0) return w_.Bound(65535, 0);  // no impacts stored: the loosest valid bound
    for (uint32_t i = 0; i < n; i++) best = std::max(best, w_.Bound(m.impact_tf[i], m.impact_len[i]));
    return best;
  }
  uint64_t cost() const override { return cur_.df(); }
  Status status() const override { return cur_.status(); }
  PostingsCursor& cursor() { return cur_; }

 private:
  const Segment* seg_;
  PostingsCursor cur_;
  TermWeight w_;
};

// Terms at consecutive positions; scores as the sum of its terms.
class PhraseScorer final : public Scorer {
 public:
  explicit PhraseScorer(std::vector<std::unique_ptr<TermScorer>> t) : terms_(std::move(t)) { doc_ = Align(0); }
  uint32_t doc() const override { return doc_; }
  uint32_t NextGeq(uint32_t target) override {
    if (doc_ >= target) return doc_;
    doc_ = Align(target);
    return doc_;
  }
  double Score() override {
    double s = 0;
    for (auto& t : terms_) s += t->Score();
    return s;
  }
  double CandidateBound() override {
    double s = 0;
    for (auto& t : terms_) s += t->CandidateBound();
    return s;
  }
  double TfBound() override {
    double s = 0;
    for (auto& t : terms_) s += t->TfBound();
    return s;
  }
  double BlockMax(uint32_t target, uint32_t* end) override {
    double s = 0;
    *end = kEndDoc;
    for (auto& t : terms_) {
      uint32_t e;
      s += t->BlockMax(target, &e);
      *end = std::min(*end, e);
    }
    return s;
  }
  uint64_t cost() const override {
    uint64_t c = UINT64_MAX;
    for (auto& t : terms_) c = std::min(c, t->cost());
    return c;
  }
  Status status() const override {
    if (!status_.ok()) return status_;
    for (auto& t : terms_) {
      Status s = t->status();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  // A candidate holding every term: positions are checked by Confirm().
  uint32_t Align(uint32_t target) { return internal::AlignAll(terms_, target); }

 public:
  bool Confirm() override { return doc_ != kEndDoc && internal::InSequence(terms_, &pos_, &status_); }
  // For RunPair, which moves the terms' cursors itself: the terms, and
  // Confirm() with every term's cursor on the same doc.
  size_t num_terms() const { return terms_.size(); }
  TermScorer& term(size_t i) { return *terms_[i]; }
  bool ConfirmTerms() { return internal::InSequence(terms_, &pos_, &status_); }

 private:
  std::vector<std::unique_ptr<TermScorer>> terms_;
  std::vector<std::vector<uint32_t>> pos_;
  uint32_t doc_ = kEndDoc;
  Status status_;
};

// Union of a prefix's expansions; scores the sum of those present.
class UnionScorer final : public Scorer {
 public:
  explicit UnionScorer(std::vector<std::unique_ptr<TermScorer>> t) : terms_(std::move(t)) { Recompute(); }
  uint32_t doc() const override { return doc_; }
  uint32_t NextGeq(uint32_t target) override {
    if (doc_ >= target) return doc_;
    for (auto& t : terms_) t->NextGeq(target);
    Recompute();
    return doc_;
  }
  double Score() override { return SumOfPresent<&TermScorer::Score>(); }
  double CandidateBound() override { return SumOfPresent<&TermScorer::CandidateBound>(); }
  double TfBound() override { return SumOfPresent<&TermScorer::TfBound>(); }
  double BlockMax(uint32_t target, uint32_t* end) override {
    double s = 0;
    *end = kEndDoc;
    for (auto& t : terms_) {
      uint32_t e;
      s += t->BlockMax(target, &e);
      *end = std::min(*end, e);
    }
    return s;
  }
  uint64_t cost() const override {
    uint64_t c = 0;
    for (auto& t : terms_) c += t->cost();
    return c;
  }
  Status status() const override {
    for (auto& t : terms_) {
      Status s = t->status();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  // Sum of `f` over the expansions positioned on the current doc.
  template <double (TermScorer::*f)()>
  double SumOfPresent() {
    double s = 0;
    for (auto& t : terms_) {
      if (t->doc() == doc_) s += ((*t).*f)();
    }
    return s;
  }
  void Recompute() {
    doc_ = kEndDoc;
    for (auto& t : terms_) doc_ = std::min(doc_, t->doc());
  }
  std::vector<std::unique_ptr<TermScorer>> terms_;
  uint32_t doc_ = kEndDoc;
};

// Matches nothing (a term absent from the segment).
class EmptyScorer final : public Scorer {
 public:
  uint32_t doc() const override { return kEndDoc; }
  uint32_t NextGeq(uint32_t) override { return kEndDoc; }
  double Score() override { return 0; }
  double CandidateBound() override { return 0; }
  double BlockMax(uint32_t, uint32_t* end) override {
    *end = kEndDoc;
    return 0;
  }
  uint64_t cost() const override { return 0; }
  Status status() const override { return Status::Ok(); }
};

Result<std::unique_ptr<TermScorer>> MakeTerm(const Segment& seg, const PlannedTerm& t) {
  Result<TermRef> r = seg.Find(t.term);
  if (!r.ok()) return r.status();
  if (!r->entry) return std::unique_ptr<TermScorer>();
  return std::make_unique<TermScorer>(&seg, *r, t.weight);
}

Result<std::unique_ptr<Scorer>> MakeScorer(const Segment& seg, const PlannedClause& c) {
  std::vector<std::unique_ptr<TermScorer>> parts;
  for (const PlannedTerm& t : c.terms) {
    Result<std::unique_ptr<TermScorer>> r = MakeTerm(seg, t);
    if (!r.ok()) return r.status();
    if (!*r) {
      if (c.kind == ClauseKind::kPrefix) continue;  // this expansion is elsewhere
      return std::unique_ptr<Scorer>(std::make_unique<EmptyScorer>());
    }
    parts.push_back(std::move(*r));
  }
  if (parts.empty()) return std::unique_ptr<Scorer>(std::make_unique<EmptyScorer>());
  if (c.kind == ClauseKind::kPhrase && parts.size() > 1) {
    if (!parts[0]->cursor().has_positions()) {
      return Status::InvalidArgument("phrase over terms without positions");
    }
    return std::unique_ptr<Scorer>(std::make_unique<PhraseScorer>(std::move(parts)));
  }
  if (parts.size() == 1) return std::unique_ptr<Scorer>(std::move(parts[0]));
  if (c.kind == ClauseKind::kPhrase) return std::unique_ptr<Scorer>(std::move(parts[0]));
  return std::unique_ptr<Scorer>(std::make_unique<UnionScorer>(std::move(parts)));
}

// True if `f` is a term, a numeric range or an AND of them (nested ANDs
// included): its leaves into *leaves.
bool LeafConjunction(const Filter& f, std::vector<const Filter*>* leaves) {
  if (f.kind == FilterKind::kTerm || f.kind == FilterKind::kNumeric) {
    leaves->push_back(&f);
    return true;
  }
  if (f.kind != FilterKind::kAnd || f.children.empty()) return false;
  for (const Filter& c : f.children) {
    if (!LeafConjunction(c, leaves)) return false;
  }
  return true;
}

// A filter tree is evaluated into a bitmap (and cached, with a FilterCache)
// rather than checked per candidate when the ranked words bring at least
// this share of a segment's docs as candidates (1/16): each check costs a
// cursor step or a column read, the bitmap a walk of the filter's postings
// or one column (killed>=1 beside a common word at 1M articles: 4.1 ms of
// per-candidate checks, BENCHMARKS.md).
constexpr uint64_t kBitmapCandidateShare = 16;

// Required / excluded terms, numeric filters and deletions for one segment.
class Filters {
 public:
  // filter_only: the query ranks no words. Without term cursors its filter
  // tree is then left to RunFiltersOnly (lazy_filter()), which evaluates it
  // a window at a time from the newest doc down (Check() does not test it).
  // `cache` (may be null) holds filter bitmaps of segment `si` of the
  // snapshot under `key` (FilterToString(q.filter), "" for no filter);
  // `candidates` is about how many postings the ranked words bring here
  // (their df).
  Status Init(const SnapshotSegment& sg, size_t si, FilterCache* cache, const std::string& key, uint64_t candidates,
              const Query& q, bool* empty, bool filter_only) {
    seg_ = &sg;
    *empty = false;
    for (const std::string& t : q.require) ANNALS_RETURN_IF_ERROR(Require(t, empty));
    for (const std::string& t : q.exclude) {
      Result<TermRef> r = sg.segment->Find(t);
      if (!r.ok()) return r.status();
      if (r->entry) exclude_.emplace_back(sg.segment.get(), *r);
    }
    for (const NumericFilter& f : q.numeric) RequireRange(f.field, f.min, f.max, empty);
    if (q.accept) accept_ = &q.accept;
    std::vector<const Filter*> leaves;
    if (filter_only && require_.empty() && exclude_.empty()) {
      lazy_filter_ = &q.filter;
    } else if (cache && !key.empty() && (bitmap_ = cache->Find(key, si))) {
      // A bitmap built for an earlier query over this snapshot.
      if (bitmap_->NextSet(0) >= bitmap_->num_docs) *empty = true;  // (a popcount of it all was 2 % of a request)
    } else if (LeafConjunction(q.filter, &leaves) &&
               (!cache || candidates < sg.segment->num_docs() / kBitmapCandidateShare)) {
      // has:quote, killed>=1, person:x AND has:count...: required cursors,
      // which only decode the blocks the ranked words' candidates reach, and
      // per-candidate range checks, instead of a bitmap over every posting
      // or every doc (~440k postings for has:quote, 1M values for killed>=1
      // at 1M articles) — unless the ranked words bring so many candidates
      // that a bitmap, kept for the next queries (FilterCache), is cheaper.
      for (const Filter* leaf : leaves) {
        if (leaf->kind == FilterKind::kNumeric) RequireRange(leaf->field, leaf->min, leaf->max, empty);
        else ANNALS_RETURN_IF_ERROR(Require(leaf->term, empty));
      }
    } else if (!q.filter.is_all()) {
      Result<DocBitmap> b = EvalFilter(sg, q.filter);
      if (!b.ok()) return b.status();
      if (b->NextSet(0) >= b->num_docs) *empty = true;
      bitmap_ = std::make_shared<const DocBitmap>(std::move(*b));
      if (cache) cache->Insert(key, si, bitmap_);
    }
    // Drive with the rarest required term.
    std::sort(require_.begin(), require_.end(),
              [](const PostingsCursor& a, const PostingsCursor& b) { return a.df() < b.df(); });
    return Status::Ok();
  }
  bool has_require() const { return !require_.empty(); }
  // The filter tree's docs when evaluated whole (or cached), else null:
  // Check() rejects every doc outside it.
  const DocBitmap* bitmap() const { return bitmap_.get(); }
  const Filter* lazy_filter() const { return lazy_filter_; }
  // Required or excluded term cursors: Check() must then move forward only.
  bool has_cursors() const { return !require_.empty() || !exclude_.empty(); }
  // The smallest doc >= d that might pass (d itself if it passes).
  uint32_t Check(uint32_t d) {
    if (bitmap_ && !bitmap_->Test(d)) {
      const uint32_t x = bitmap_->NextSet(d);
      return x >= bitmap_->num_docs ? kEndDoc : x;
    }
    for (auto& c : require_) {
      uint32_t x = c.NextGeq(d);
      if (x != d) return x;
    }
    for (auto& c : exclude_) {
      if (c.NextGeq(d) == d) return d + 1;
    }
    for (const auto& n : numeric_) {
      int64_t v = seg_->segment->Numeric(n.field, d);
      if (v == kNumericMissing || v < n.min || v > n.max) return d + 1;
    }
    if (seg_->IsDeleted(d)) return d + 1;
    if (accept_ && !(*accept_)(seg_->segment->ext_id(d))) return d + 1;
    return d;
  }
  Status status() const {
    for (auto& c : require_) {
      if (!c.status().ok()) return c.status();
    }
    for (auto& c : exclude_) {
      if (!c.status().ok()) return c.status();
    }
    return Status::Ok();
  }

 private:
  // A doc must hold `term` (a segment without it matches nothing).
  Status Require(const std::string& term, bool* empty) {
    Result<TermRef> r = seg_->segment->Find(term);
    if (!r.ok()) return r.status();
    if (!r->entry) *empty = true;
    require_.emplace_back(seg_->segment.get(), *r);
    return Status::Ok();
  }
  // A doc's numeric `field` must lie in [min, max] (a segment without the
  // field matches nothing).
  void RequireRange(const std::string& field, int64_t min, int64_t max, bool* empty) {
    const int idx = seg_->segment->NumericField(field);
    if (idx < 0) *empty = true;
    numeric_.push_back({idx, min, max});
  }

  struct Num {
    int field;
    int64_t min, max;
  };
  const SnapshotSegment* seg_ = nullptr;
  std::vector<PostingsCursor> require_;
  std::vector<PostingsCursor> exclude_;
  std::vector<Num> numeric_;
  const std::function<bool(uint64_t)>* accept_ = nullptr;
  std::shared_ptr<const DocBitmap> bitmap_;  // the filter tree's docs, if evaluated whole (or cached)
  const Filter* lazy_filter_ = nullptr;
};

// The k best hits so far; worst on top.
class TopK {
 public:
  explicit TopK(size_t k) : k_(k) {}
  bool full() const { return k_ > 0 && heap_.size() >= k_; }
  // Scores strictly below this cannot enter (ties may, by date and id).
  double threshold() const { return full() ? heap_.front().score : -1e300; }
  void Push(const Hit& h) {
    if (k_ == 0) return;
    if (heap_.size() < k_) {
      heap_.push_back(h);
      std::push_heap(heap_.begin(), heap_.end(), BetterHit);
    } else if (BetterHit(h, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), BetterHit);
      heap_.back() = h;
      std::push_heap(heap_.begin(), heap_.end(), BetterHit);
    }
  }
  std::vector<Hit> Take() {
    std::sort(heap_.begin(), heap_.end(), BetterHit);
    return std::move(heap_);
  }

 private:
  size_t k_;
  std::vector<Hit> heap_;  // a heap under BetterHit: front is the worst
};

struct SegmentRun {
  const SnapshotSegment* sg;
  uint32_t seg_index;
  uint32_t lo, hi;  // inclusive doc range from the date filter
  std::vector<std::unique_ptr<Scorer>> scorers;  // clause order
  Filters filters;
  bool prune;
  SearchStats* stats;
  uint32_t filter_window;  // SearchOptions::filter_window
};

Hit MakeHit(const SegmentRun& r, uint32_t d, double score) {
  return Hit{r.sg->segment->ext_id(d), r.sg->segment->date(d), score, r.seg_index, d};
}

// One ranked word (most API queries): a scan of its blocks that skips a
// block on its impacts and, inside a decoded block, each posting whose tf
// alone cannot reach the threshold — without its length, the filters or a
// score (a common word's postings at 1M articles: most hold it once or twice,
// below the top 20's). The same hits as RunAny's: it pushes every posting
// that could enter the top k, with the same score.
void RunOneTerm(SegmentRun& r, TermScorer& s, TopK& top) {
  PostingsCursor& c = s.cursor();
  constexpr uint32_t kTfTable = 16;  // tfs above are rare: bounded one by one
  bool need[kTfTable + 1] = {};
  uint32_t d = r.lo;
  while (d <= r.hi) {
    const uint32_t b = c.BlockFor(d);
    if (b == PostingsCursor::kNoBlock) break;
    const BlockMeta& m = c.block_meta(b);
    double theta = r.prune ? top.threshold() : -1e300;
    if (theta > -1e300) {
      uint32_t end;
      if (s.BlockMax(d, &end) < theta) {
        if (r.stats) r.stats->windows_skipped++;
        if (m.last_doc >= r.hi) break;
        d = m.last_doc + 1;
        continue;
      }
    }
    if (c.NextGeq(d) > r.hi) break;  // decodes block b (or fails: doc() = kEndDoc)
    const BlockMeta& mb = c.block_meta(c.block());  // block b
    const uint32_t* docs = c.block_docs();
    const uint32_t* tfs = c.block_tfs();
    const uint32_t cnt = c.block_count();
    const DocBitmap* bitmap = r.filters.bitmap();
    // Pass 1: the postings whose tf (and the filter's bitmap) let them reach
    // the threshold, their length floors prefetched — read one at a time
    // they were a cache miss each, 8 % of a common word's request.
    uint32_t sel[kBlockSize];
    uint32_t ns = 0;
    // The postings up to r.hi (the block's docs rise).
    uint32_t end = cnt;
    const bool past_hi = mb.last_doc > r.hi;
    if (past_hi) {
      end = c.block_pos();
      while (end < cnt && docs[end] <= r.hi) end++;
    }
    if (theta > -1e300) {
      for (uint32_t t = 1; t <= kTfTable; t++) need[t] = s.BoundForTf(mb, t) >= theta;
      // Without branches on the tests: which postings pass is data no
      // predictor learns, and the mispredictions were most of this loop's
      // time under a filter (killed>=1: every block is decoded there). A
      // filter's bitmap (killed>=1, has:quote) is a cheaper test than the
      // length floor's table, and rules out more.
      auto select = [&](auto in_filter) {
        for (uint32_t i = c.block_pos(); i < end; i++) {
          const uint32_t tf = tfs[i];
          bool pass = tf <= kTfTable ? need[tf] : s.BoundForTf(mb, tf) >= theta;
          pass &= in_filter(docs[i]);
          sel[ns] = i;
          ns += pass;
        }
      };
      if (bitmap) select([bitmap](uint32_t doc) { return bitmap->Test(doc); });
      else select([](uint32_t) { return true; });
      for (uint32_t k = 0; k < ns; k++) s.PrefetchFloor(docs[sel[k]]);
    } else {
      for (uint32_t i = c.block_pos(); i < end; i++) sel[ns++] = i;
    }
    // Pass 2: the length floor's bound at the current threshold, then the
    // filters and the score.
    uint32_t next = d;  // the filters' next possible doc
    for (uint32_t k = 0; k < ns; k++) {
      const uint32_t i = sel[k];
      const uint32_t doc = docs[i];
      if (doc < next) continue;
      if (theta > -1e300 && s.FloorBound(doc, tfs[i]) < theta) continue;
      const uint32_t f = r.filters.Check(doc);
      if (f != doc) {
        next = f;
        continue;
      }
      c.MoveInBlock(i);
      if (r.stats) r.stats->candidates++;
      top.Push(MakeHit(r, doc, s.Score()));
      if (r.prune) theta = top.threshold();
    }
    if (past_hi) return;
    if (mb.last_doc >= r.hi) break;
    d = std::max(next, mb.last_doc + 1);
  }
}

// AND of two words (the API's commonest query of several): RunConjunctive's
// answer, computed a block of the rarer word at a time. Its postings whose tf
// bound and the commoner word's block bound cannot reach the threshold are
// passed over before the commoner cursor moves; the length floors of the
// rest are prefetched together, then each is bounded by its floor and the
// commoner word's block bound, intersected, bounded by both floors, checked
// and scored (the sum in clause order, as RunConjunctive). With `phrase`,
// the two words of a phrase: a doc that can enter the top k is confirmed by
// positions before it is pushed (as RunAny's second phase).
void RunPair(SegmentRun& r, TermScorer& first, TermScorer& second, TopK& top, PhraseScorer* phrase = nullptr) {
  const bool first_leads = first.cost() <= second.cost();
  TermScorer& lead = first_leads ? first : second;
  TermScorer& other = first_leads ? second : first;
  PostingsCursor& c = lead.cursor();
  constexpr uint32_t kTfTable = 16;
  double lead_bound[kTfTable + 1] = {};
  double other_bound = 0;
  uint32_t other_end = 0;
  bool other_valid = false;
  uint32_t sel[kBlockSize];
  double sel_other[kBlockSize];  // the commoner word's block bound at sel's docs
  uint32_t d = r.lo;
  while (d <= r.hi) {
    if (c.NextGeq(d) > r.hi) break;  // decodes the block holding d (or fails: doc() = kEndDoc)
    const BlockMeta& mb = c.block_meta(c.block());
    const uint32_t* docs = c.block_docs();
    const uint32_t* tfs = c.block_tfs();
    const uint32_t cnt = c.block_count();
    double theta = r.prune ? top.threshold() : -1e300;
    if (theta > -1e300) {
      for (uint32_t t = 1; t <= kTfTable; t++) lead_bound[t] = lead.BoundForTf(mb, t);
    }
    uint32_t ns = 0;
    bool past_hi = false;
    for (uint32_t i = c.block_pos(); i < cnt; i++) {
      const uint32_t doc = docs[i];
      if (doc > r.hi) {
        past_hi = true;
        break;
      }
      if (theta > -1e300) {
        if (!other_valid || doc > other_end) {
          other_bound = other.BlockMax(doc, &other_end);
          other_valid = true;
        }
        const uint32_t tf = tfs[i];
        const double lb = tf <= kTfTable ? lead_bound[tf] : lead.BoundForTf(mb, tf);
        if (lb + other_bound < theta) continue;
        lead.PrefetchFloor(doc);
      }
      sel_other[ns] = theta > -1e300 ? other_bound : 1e300;  // none yet: no test below
      sel[ns++] = i;
    }
    uint32_t next = d;  // the filters' next possible doc
    for (uint32_t k = 0; k < ns; k++) {
      const uint32_t i = sel[k];
      const uint32_t doc = docs[i];
      if (doc < next) continue;
      // The rarer word's length floor and the commoner's block bound before
      // the commoner's cursor moves to the doc: that move decodes a block of
      // the commoner word per candidate, and the floor rules out most of
      // them (3-5x fewer moves on the 1M archive's AND pairs).
      if (r.prune && lead.FloorBound(doc, tfs[i]) + sel_other[k] < top.threshold()) continue;
      const uint32_t x = other.NextGeq(doc);
      if (x == kEndDoc) return;
      if (x != doc) continue;
      const uint32_t f = r.filters.Check(doc);
      if (f != doc) {
        next = f;
        continue;
      }
      c.MoveInBlock(i);
      if (r.prune && top.full() && lead.CandidateBound() + other.CandidateBound() < top.threshold()) continue;
      if (r.stats) r.stats->candidates++;
      double score = 0;
      score += first.Score();
      score += second.Score();
      if (r.prune && score < top.threshold()) continue;
      if (phrase && !phrase->ConfirmTerms()) continue;  // positions: only for a doc that can enter
      top.Push(MakeHit(r, doc, score));
    }
    if (past_hi || mb.last_doc >= r.hi) break;
    d = std::max(next, mb.last_doc + 1);
  }
}

// OR: windowed block-max MaxScore.
void RunAny(SegmentRun& r, TopK& top) {
  const size_t n = r.scorers.size();
  std::vector<double> wmax(n), contrib(n);
  std::vector<char> matched(n);
  std::vector<uint32_t> order(n);
  size_t n_non = 0;  // order[0..n_non) are non-essential in this window
  uint32_t doc = r.lo;
  while (doc <= r.hi) {
    // New window starting at `doc`.
    uint32_t wend = r.hi;
    for (size_t i = 0; i < n; i++) {
      uint32_t e;
      wmax[i] = r.scorers[i]->BlockMax(doc, &e);
      wend = std::min(wend, e);
      order[i] = static_cast<uint32_t>(i);
    }
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return wmax[a] < wmax[b]; });
    double theta = r.prune ? top.threshold() : -1e300;
    double non_sum = 0;
    n_non = 0;
    while (n_non < n && non_sum + wmax[order[n_non]] < theta) non_sum += wmax[order[n_non++]];
    if (n_non == n) {
      if (r.stats) r.stats->windows_skipped++;
      if (wend >= r.hi) break;
      doc = wend + 1;
      continue;
    }
    for (size_t j = n_non; j < n; j++) r.scorers[order[j]]->NextGeq(doc);
    // Candidates inside the window.
    while (true) {
      uint32_t cand = kEndDoc;
      for (size_t j = n_non; j < n; j++) cand = std::min(cand, r.scorers[order[j]]->doc());
      if (cand > wend) break;
      uint32_t f = r.filters.Check(cand);
      if (f != cand) {
        for (size_t j = n_non; j < n; j++) r.scorers[order[j]]->NextGeq(f);
        if (f > wend) break;
        continue;
      }
      if (r.prune && top.full()) {
        // The essential clauses' tf bounds plus the others' block bounds:
        // below the threshold, the candidate is passed over unscored.
        // (Tf bounds first: no per-doc memory.)
        double bound = non_sum;
        for (size_t j = n_non; j < n; j++) {
          Scorer* s = r.scorers[order[j]].get();
          if (s->doc() == cand) bound += s->TfBound();
        }
        if (bound >= top.threshold()) {
          bound = non_sum;
          for (size_t j = n_non; j < n; j++) {
            Scorer* s = r.scorers[order[j]].get();
            if (s->doc() == cand) bound += s->CandidateBound();
          }
        }
        if (bound < top.threshold()) {
          for (size_t j = n_non; j < n; j++) {
            Scorer* s = r.scorers[order[j]].get();
            if (s->doc() == cand) s->NextGeq(cand + 1);
          }
          continue;
        }
      }
      if (r.stats) r.stats->candidates++;
      double partial = 0;
      std::fill(contrib.begin(), contrib.end(), 0.0);
      std::fill(matched.begin(), matched.end(), 0);
      for (size_t j = n_non; j < n; j++) {
        Scorer* s = r.scorers[order[j]].get();
        if (s->doc() == cand) {
          contrib[order[j]] = s->Score();
          matched[order[j]] = 1;
          partial += contrib[order[j]];
        }
      }
      double rest = non_sum;
      bool pruned = false;
      for (size_t j = n_non; j-- > 0;) {
        if (partial + rest < theta) {
          pruned = true;
          break;
        }
        Scorer* s = r.scorers[order[j]].get();
        if (s->NextGeq(cand) == cand) {
          contrib[order[j]] = s->Score();
          matched[order[j]] = 1;
          partial += contrib[order[j]];
        }
        rest -= wmax[order[j]];
      }
      // Second phase: only a document that can still enter the top k pays
      // for phrase positions.
      if (!pruned && partial >= theta) {
        bool any = false;
        for (size_t i = 0; i < n; i++) {
          if (matched[i] && !r.scorers[i]->Confirm()) {
            matched[i] = 0;
            contrib[i] = 0.0;
          }
          any = any || matched[i];
        }
        if (any) {
          double score = 0;
          for (size_t i = 0; i < n; i++) score += contrib[i];  // clause order: exact sums
          top.Push(MakeHit(r, cand, score));
        }
      }
      for (size_t j = n_non; j < n; j++) {
        Scorer* s = r.scorers[order[j]].get();
        if (s->doc() == cand) s->NextGeq(cand + 1);
      }
      // A raised threshold may make this window's partition too generous;
      // that costs time, never correctness. Re-partition at the next window.
    }
    if (wend >= r.hi) break;
    doc = wend + 1;
  }
}

// AND: leapfrog with block-max window skipping.
void RunConjunctive(SegmentRun& r, TopK& top) {
  const size_t n = r.scorers.size();
  std::vector<uint32_t> order(n);
  for (size_t i = 0; i < n; i++) order[i] = static_cast<uint32_t>(i);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return r.scorers[a]->cost() < r.scorers[b]->cost(); });
  uint32_t t = r.lo;
  uint32_t wend = 0;
  double wbound = 0;
  bool have_window = false;
  // Block bounds of the clauses after the rarest, each valid up to its end.
  std::vector<double> other_bound(n);
  std::vector<uint32_t> other_end(n);
  std::vector<char> other_valid(n);
  while (t <= r.hi) {
    if (r.prune && top.full()) {
      if (!have_window || t > wend) {
        wbound = 0;
        wend = kEndDoc;
        for (size_t i = 0; i < n; i++) {
          uint32_t e;
          wbound += r.scorers[i]->BlockMax(t, &e);
          wend = std::min(wend, e);
        }
        have_window = true;
      }
      if (wbound < top.threshold()) {
        if (r.stats) r.stats->windows_skipped++;
        if (wend >= r.hi) break;
        t = wend + 1;
        continue;
      }
    }
    uint32_t d = r.scorers[order[0]]->NextGeq(t);
    if (d > r.hi) break;
    if (r.prune && n > 1 && top.full()) {
      // The rarest clause's tf bound plus the others' block bounds at d:
      // most docs of the rarer word cannot reach the top k whatever the
      // commoner one holds there, and are passed over before its cursor
      // moves — its blocks are decoded only where a candidate might count.
      double others = 0;
      for (size_t j = 1; j < n; j++) {
        if (!other_valid[j] || d > other_end[j]) {
          other_bound[j] = r.scorers[order[j]]->BlockMax(d, &other_end[j]);
          other_valid[j] = 1;
        }
        others += other_bound[j];
      }
      const double b = others + r.scorers[order[0]]->CandidateBound();
      if (b < top.threshold()) {
        t = d + 1;
        continue;
      }
    }
    bool all = true;
    for (size_t j = 1; j < n; j++) {
      uint32_t x = r.scorers[order[j]]->NextGeq(d);
      if (x != d) {
        t = x;
        all = false;
        break;
      }
    }
    if (!all) {
      if (t == kEndDoc) break;
      continue;
    }
    uint32_t f = r.filters.Check(d);
    if (f != d) {
      if (f == kEndDoc) break;
      t = f;
      continue;
    }
    t = d + 1;
    if (r.prune && top.full()) {
      // Most intersected docs of a common pair hold each word once or twice:
      // their tf bounds rule them out without reading their lengths.
      // (The looser TfBound first rules out too few here to pay: +10 %.)
      double bound = 0;
      for (size_t i = 0; i < n; i++) bound += r.scorers[i]->CandidateBound();
      if (bound < top.threshold()) continue;
    }
    if (r.stats) r.stats->candidates++;
    double score = 0;
    for (size_t i = 0; i < n; i++) score += r.scorers[i]->Score();
    if (r.prune && score < top.threshold()) continue;  // cannot enter: skip the positions
    bool confirmed = true;
    for (size_t i = 0; i < n && confirmed; i++) confirmed = r.scorers[i]->Confirm();
    if (!confirmed) continue;
    top.Push(MakeHit(r, d, score));
  }
}

// No clauses: every doc passing the filters, score 0. Hits of equal score
// rank newer first and docids are in (date, id) order, so the segment is
// walked from its last doc down and stops after k hits.
Status RunFiltersOnly(SegmentRun& r, TopK& top, size_t k) {
  if (r.filters.has_cursors()) {
    // Term cursors only move forward: scan up.
    uint32_t d = r.lo;
    while (d <= r.hi && d < r.sg->segment->num_docs()) {
      uint32_t f = r.filters.Check(d);
      if (f != d) {
        d = f;
        continue;
      }
      top.Push(MakeHit(r, d, 0.0));
      d++;
    }
    return Status::Ok();
  }
  // Windows of 4096 docs (filter_window), then 4x larger, from the newest
  // doc down: a common filter (has:quote) finds its k newest in the first
  // one instead of decoding all its postings; a rare one ends up evaluating
  // it all.
  const Filter* f = r.filters.lazy_filter();  // set whenever there are no cursors (Init)
  size_t pushed = 0;
  uint32_t hi = r.hi;
  uint64_t width = std::max<uint32_t>(r.filter_window, 1);
  while (true) {
    const uint32_t lo = hi - r.lo + 1 > width ? static_cast<uint32_t>(hi - width + 1) : r.lo;
    Result<DocBitmap> b = EvalFilterWindow(*r.sg->segment, *f, lo, hi);
    if (!b.ok()) return b.status();
    for (uint32_t i = b->PrevSet(hi - lo); i != UINT32_MAX; i = i == 0 ? UINT32_MAX : b->PrevSet(i - 1)) {
      const uint32_t d = lo + i;
      if (r.filters.Check(d) != d) continue;
      top.Push(MakeHit(r, d, 0.0));
      if (++pushed >= k) return Status::Ok();
    }
    if (lo == r.lo) return Status::Ok();
    hi = lo - 1;
    width *= 4;
  }
}

// Runs the top-k search over every segment.
Status RunPass(const Snapshot& snap, const Plan& plan, const SearchOptions& opts, TopK& top, SearchStats* stats) {
  const Query& q = *plan.query;
  // The filter's cache key, once per query rather than per segment.
  const std::string filter_key =
      snap.filter_cache && !q.filter.is_all() ? FilterToString(q.filter) : std::string();
  for (uint32_t si = 0; si < snap.segments.size(); si++) {
    const SnapshotSegment& sg = snap.segments[si];
    const Segment& seg = *sg.segment;
    if (seg.num_docs() == 0) continue;
    SegmentRun r{&sg, si, 0, 0, {}, {}, opts.prune, stats, opts.filter_window};
    r.lo = q.date_from == INT32_MIN ? 0 : seg.FirstDocOnOrAfter(q.date_from);
    uint32_t end = q.date_to == INT32_MAX ? seg.num_docs() : seg.FirstDocOnOrAfter(q.date_to + 1);
    if (r.lo >= end) continue;
    r.hi = end - 1;
    uint64_t candidates = 0;
    for (const PlannedClause& c : plan.clauses) {
      Result<std::unique_ptr<Scorer>> s = MakeScorer(seg, c);
      if (!s.ok()) return s.status();
      // AND: the rarest clause bounds the candidates; OR: all of them.
      const uint64_t cost = (*s)->cost();
      candidates = r.scorers.empty() ? cost : q.mode == MatchMode::kAll ? std::min(candidates, cost) : candidates + cost;
      r.scorers.push_back(std::move(*s));
    }
    bool empty = false;
    ANNALS_RETURN_IF_ERROR(r.filters.Init(sg, si, snap.filter_cache.get(), filter_key, candidates, q, &empty,
                                          /*filter_only=*/plan.clauses.empty()));
    if (empty) continue;
    if (r.scorers.empty()) {
      ANNALS_RETURN_IF_ERROR(RunFiltersOnly(r, top, q.k));
    } else if (r.scorers.size() == 1 && dynamic_cast<TermScorer*>(r.scorers[0].get())) {
      RunOneTerm(r, static_cast<TermScorer&>(*r.scorers[0]), top);
    } else if (q.mode == MatchMode::kAll && r.scorers.size() == 2 &&
               dynamic_cast<TermScorer*>(r.scorers[0].get()) && dynamic_cast<TermScorer*>(r.scorers[1].get())) {
      RunPair(r, static_cast<TermScorer&>(*r.scorers[0]), static_cast<TermScorer&>(*r.scorers[1]), top);
    } else if (auto* phrase = r.scorers.size() == 1 ? dynamic_cast<PhraseScorer*>(r.scorers[0].get()) : nullptr;
               phrase && phrase->num_terms() == 2) {
      // A two-word phrase alone (the UI's quoted titles): an AND pair whose
      // docs must also hold the words in sequence. The leapfrog of
      // RunAny/RunConjunctive decoded a block of the commoner word for every
      // doc of the rarer one.
      RunPair(r, phrase->term(0), phrase->term(1), top, phrase);
    } else if (q.mode == MatchMode::kAll) {
      RunConjunctive(r, top);
    } else {
      RunAny(r, top);
    }
    for (auto& s : r.scorers) ANNALS_RETURN_IF_ERROR(s->status());
    ANNALS_RETURN_IF_ERROR(r.filters.status());
  }
  return Status::Ok();
}

}  // namespace

Result<SearchResult> Search(const Snapshot& snap, const Query& q, const SearchOptions& opts, SearchStats* stats) {
  Result<Plan> plan = PlanQuery(snap, q, opts.bm25);
  if (!plan.ok()) return plan.status();
  SearchResult out;
  TopK top(q.k);
  ANNALS_RETURN_IF_ERROR(RunPass(snap, *plan, opts, top, stats));
  out.hits = top.Take();
  if (q.exact_count) {
    Result<uint64_t> n = Count(snap, q);
    if (!n.ok()) return n.status();
    out.total = *n;
  }
  return out;
}

}  // namespace annals::index
