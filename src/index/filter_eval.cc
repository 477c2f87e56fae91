// EvalFilter (filter_eval.h) and FilterToString (filter.h).
#include "index/filter_eval.h"

#include <algorithm>
#include <bit>

namespace annals::index {

DocBitmap::DocBitmap(uint32_t n, bool all) : num_docs(n), words((static_cast<size_t>(n) + 63) / 64, all ? ~uint64_t{0} : 0) {
  if (all && (n & 63)) words.back() = (uint64_t{1} << (n & 63)) - 1;
}

uint32_t DocBitmap::NextSet(uint32_t d) const {
  if (d >= num_docs) return num_docs;
  size_t w = d >> 6;
  uint64_t x = words[w] & (~uint64_t{0} << (d & 63));
  while (true) {
    if (x) return static_cast<uint32_t>(w * 64 + static_cast<size_t>(std::countr_zero(x)));
    if (++w >= words.size()) return num_docs;
    x = words[w];
  }
}

uint32_t DocBitmap::PrevSet(uint32_t d) const {
  if (num_docs == 0) return UINT32_MAX;
  if (d >= num_docs) d = num_docs - 1;
  size_t w = d >> 6;
  const unsigned b = d & 63;
  uint64_t x = words[w] & (b == 63 ? ~uint64_t{0} : (uint64_t{1} << (b + 1)) - 1);
  while (true) {
    if (x) return static_cast<uint32_t>(w * 64 + 63 - static_cast<size_t>(std::countl_zero(x)));
    if (w == 0) return UINT32_MAX;
    x = words[--w];
  }
}

uint64_t DocBitmap::CountRange(uint32_t lo, uint32_t hi) const {
  if (num_docs == 0 || lo > hi || lo >= num_docs) return 0;
  if (hi >= num_docs) hi = num_docs - 1;
  const size_t wl = lo >> 6, wh = hi >> 6;
  const uint64_t ml = ~uint64_t{0} << (lo & 63);
  const uint64_t mh = (hi & 63) == 63 ? ~uint64_t{0} : (uint64_t{1} << ((hi & 63) + 1)) - 1;
  if (wl == wh) return static_cast<uint64_t>(std::popcount(words[wl] & ml & mh));
  uint64_t n = static_cast<uint64_t>(std::popcount(words[wl] & ml)) + static_cast<uint64_t>(std::popcount(words[wh] & mh));
  for (size_t w = wl + 1; w < wh; w++) n += static_cast<uint64_t>(std::popcount(words[w]));
  return n;
}

void DocBitmap::And(const DocBitmap& o) {
  for (size_t i = 0; i < words.size(); i++) words[i] &= i < o.words.size() ? o.words[i] : 0;
}

void DocBitmap::Or(const DocBitmap& o) {
  for (size_t i = 0; i < words.size() && i < o.words.size(); i++) words[i] |= o.words[i];
}

void DocBitmap::Invert() {
  for (auto& w : words) w = ~w;
  if (num_docs & 63) words.back() &= (uint64_t{1} << (num_docs & 63)) - 1;
}

namespace {

// Bit i of the result = doc lo + i matches, for the docs in [lo, hi].
Result<DocBitmap> Eval(const Segment& seg, const Filter& f, uint32_t lo, uint32_t hi) {
  const uint32_t n = hi - lo + 1;
  switch (f.kind) {
    case FilterKind::kAll: return DocBitmap(n, true);
    case FilterKind::kNone: return DocBitmap(n, false);
    case FilterKind::kTerm: {
      DocBitmap b(n);
      Result<TermRef> r = seg.Find(f.term);
      if (!r.ok()) return r.status();
      if (!r->entry) return b;
      PostingsCursor c(&seg, *r);
      for (uint32_t d = c.NextGeq(lo); d != kEndDoc && d <= hi; d = c.Next()) {
        if (d >= seg.num_docs()) return Status::Corruption(seg.name() + ": posting of '" + f.term + "' past the last doc");
        b.Set(d - lo);
      }
      if (!c.status().ok()) return c.status();
      return b;
    }
    case FilterKind::kNumeric: {
      DocBitmap b(n);
      const int field = seg.NumericField(f.field);
      if (field < 0) return b;
      for (uint32_t d = lo; d <= hi; d++) {
        const int64_t v = seg.Numeric(field, d);
        if (v != kNumericMissing && v >= f.min && v <= f.max) b.Set(d - lo);
      }
      return b;
    }
    case FilterKind::kDays: {
      DocBitmap b(n);
      // Docids are in publication-day order: the range is a docid range.
      const uint32_t from = std::max(lo, f.day_from == INT32_MIN ? 0 : seg.FirstDocOnOrAfter(f.day_from));
      const uint32_t end = f.day_to == INT32_MAX ? seg.num_docs() : seg.FirstDocOnOrAfter(f.day_to + 1);
      const uint32_t to = static_cast<uint32_t>(std::min<uint64_t>(uint64_t{hi} + 1, end));
      for (uint32_t d = from; d < to; d++) b.Set(d - lo);
      return b;
    }
    case FilterKind::kAnd:
    case FilterKind::kOr: {
      if (f.children.empty()) return DocBitmap(n, f.kind == FilterKind::kAnd);
      Result<DocBitmap> acc = Eval(seg, f.children[0], lo, hi);
      if (!acc.ok()) return acc;
      for (size_t i = 1; i < f.children.size(); i++) {
        Result<DocBitmap> c = Eval(seg, f.children[i], lo, hi);
        if (!c.ok()) return c;
        if (f.kind == FilterKind::kAnd) acc->And(*c);
        else acc->Or(*c);
      }
      return acc;
    }
    case FilterKind::kNot: {
      if (f.children.size() != 1) return Status::InvalidArgument("a NOT filter needs exactly one child");
      Result<DocBitmap> c = Eval(seg, f.children[0], lo, hi);
      if (!c.ok()) return c;
      c->Invert();
      return c;
    }
  }
  return Status::InvalidArgument("unknown filter kind");
}

}  // namespace

Result<DocBitmap> EvalFilter(const Segment& seg, const Filter& f, const DeletionBitmap* deleted) {
  if (seg.num_docs() == 0) return DocBitmap(0);
  Result<DocBitmap> b = Eval(seg, f, 0, seg.num_docs() - 1);
  if (!b.ok()) return b;
  if (deleted) {
    for (size_t i = 0; i < b->words.size() && i < deleted->size(); i++) b->words[i] &= ~(*deleted)[i];
  }
  return b;
}

Result<DocBitmap> EvalFilterWindow(const Segment& seg, const Filter& f, uint32_t lo, uint32_t hi) {
  if (lo > hi || hi >= seg.num_docs()) return Status::InvalidArgument("filter window outside the segment");
  return Eval(seg, f, lo, hi);
}

std::string FilterToString(const Filter& f) {
  switch (f.kind) {
    case FilterKind::kAll: return "all";
    case FilterKind::kNone: return "none";
    case FilterKind::kTerm: return "\"" + f.term + "\"";
    case FilterKind::kNumeric: {
      auto v = [](int64_t x, bool lo) {
        if (lo && x == std::numeric_limits<int64_t>::min() + 1) return std::string("min");
        if (!lo && x == std::numeric_limits<int64_t>::max()) return std::string("max");
        return std::to_string(x);
      };
      return f.field + "[" + v(f.min, true) + "," + v(f.max, false) + "]";
    }
    case FilterKind::kDays: {
      auto v = [](int32_t x) {
        if (x == INT32_MIN) return std::string("min");
        if (x == INT32_MAX) return std::string("max");
        return std::to_string(x);
      };
      return "days[" + v(f.day_from) + "," + v(f.day_to) + "]";
    }
    case FilterKind::kAnd:
    case FilterKind::kOr:
    case FilterKind::kNot: {
      std::string s = f.kind == FilterKind::kAnd ? "(and" : f.kind == FilterKind::kOr ? "(or" : "(not";
      for (const Filter& c : f.children) s += " " + FilterToString(c);
      return s + ")";
    }
  }
  return "?";
}

}  // namespace annals::index
