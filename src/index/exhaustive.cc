// SearchExhaustive (search.h): the reference engine. It shares only the
// query plan, the BM25 formula and block decoding with Search(); iteration,
// matching, phrase checks and filtering are written independently and as
// plainly as possible, so that the two can check each other.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "index/query_plan.h"
#include "index/search.h"

namespace annals::index {
namespace {

struct Occ {
  uint32_t tf;
  std::vector<uint32_t> positions;
};

// Every posting of `term` in `seg`: doc -> tf and positions.
Result<std::map<uint32_t, Occ>> ReadAll(const Segment& seg, const std::string& term, bool with_positions) {
  std::map<uint32_t, Occ> out;
  Result<TermRef> r = seg.Find(term);
  if (!r.ok()) return r.status();
  if (!r->entry) return out;
  PostingsCursor c(&seg, *r);
  for (uint32_t d = c.doc(); d != kEndDoc; d = c.Next()) {
    Occ o{c.tf(), {}};
    if (with_positions) ANNALS_RETURN_IF_ERROR(c.Positions(&o.positions));
    out.emplace(d, std::move(o));
  }
  ANNALS_RETURN_IF_ERROR(c.status());
  return out;
}

Result<std::set<uint32_t>> DocsOf(const Segment& seg, const std::string& term) {
  Result<std::map<uint32_t, Occ>> m = ReadAll(seg, term, false);
  if (!m.ok()) return m.status();
  std::set<uint32_t> s;
  for (const auto& [d, o] : *m) s.insert(d);
  return s;
}

// doc -> clause score for one clause in one segment.
Result<std::map<uint32_t, double>> ClauseScores(const Segment& seg, const PlannedClause& c) {
  std::map<uint32_t, double> out;
  bool phrase = c.kind == ClauseKind::kPhrase && c.terms.size() > 1;
  std::vector<std::map<uint32_t, Occ>> lists;
  for (const PlannedTerm& t : c.terms) {
    Result<std::map<uint32_t, Occ>> m = ReadAll(seg, t.term, phrase);
    if (!m.ok()) return m.status();
    lists.push_back(std::move(*m));
  }
  if (c.kind == ClauseKind::kPrefix) {
    std::set<uint32_t> docs;
    for (const auto& l : lists) {
      for (const auto& [d, o] : l) docs.insert(d);
    }
    for (uint32_t d : docs) {
      double s = 0;
      for (size_t i = 0; i < lists.size(); i++) {
        auto it = lists[i].find(d);
        if (it != lists[i].end()) s += c.terms[i].weight.Score(it->second.tf, seg.length(d));
      }
      out[d] = s;
    }
    return out;
  }
  if (lists.empty()) return out;
  for (const auto& [d, o0] : lists[0]) {
    bool all = true;
    for (size_t i = 1; i < lists.size() && all; i++) all = lists[i].count(d) > 0;
    if (!all) continue;
    if (phrase) {
      bool found = false;
      for (uint32_t p : o0.positions) {
        bool ok = true;
        for (size_t i = 1; i < lists.size() && ok; i++) {
          const auto& ps = lists[i].at(d).positions;
          ok = std::find(ps.begin(), ps.end(), p + i) != ps.end();
        }
        if (ok) {
          found = true;
          break;
        }
      }
      if (!found) continue;
    } else if (lists.size() > 1) {
      continue;  // a plain term clause has one term
    }
    double s = 0;
    for (size_t i = 0; i < lists.size(); i++) s += c.terms[i].weight.Score(lists[i].at(d).tf, seg.length(d));
    out[d] = s;
  }
  return out;
}

}  // namespace

Result<SearchResult> SearchExhaustive(const Snapshot& snap, const Query& q, const Bm25Params& bm25) {
  Result<Plan> plan = PlanQuery(snap, q, bm25);
  if (!plan.ok()) return plan.status();
  std::vector<Hit> all;
  SearchResult out;
  for (uint32_t si = 0; si < snap.segments.size(); si++) {
    const SnapshotSegment& sg = snap.segments[si];
    const Segment& seg = *sg.segment;
    std::vector<std::map<uint32_t, double>> clauses;
    for (const PlannedClause& c : plan->clauses) {
      Result<std::map<uint32_t, double>> m = ClauseScores(seg, c);
      if (!m.ok()) return m.status();
      clauses.push_back(std::move(*m));
    }
    std::vector<std::set<uint32_t>> require, exclude;
    for (const std::string& t : q.require) {
      Result<std::set<uint32_t>> s = DocsOf(seg, t);
      if (!s.ok()) return s.status();
      require.push_back(std::move(*s));
    }
    for (const std::string& t : q.exclude) {
      Result<std::set<uint32_t>> s = DocsOf(seg, t);
      if (!s.ok()) return s.status();
      exclude.push_back(std::move(*s));
    }
    // The filter tree, doc by doc (no bitmaps: a reference for filter_eval).
    std::map<std::string, std::set<uint32_t>> filter_terms;
    std::function<Result<bool>(const Filter&, uint32_t)> matches = [&](const Filter& f, uint32_t d) -> Result<bool> {
      switch (f.kind) {
        case FilterKind::kAll: return true;
        case FilterKind::kNone: return false;
        case FilterKind::kTerm: {
          auto it = filter_terms.find(f.term);
          if (it == filter_terms.end()) {
            Result<std::set<uint32_t>> s = DocsOf(seg, f.term);
            if (!s.ok()) return s.status();
            it = filter_terms.emplace(f.term, std::move(*s)).first;
          }
          return it->second.count(d) > 0;
        }
        case FilterKind::kNumeric: {
          int idx = seg.NumericField(f.field);
          int64_t v = idx < 0 ? kNumericMissing : seg.Numeric(idx, d);
          return v != kNumericMissing && v >= f.min && v <= f.max;
        }
        case FilterKind::kDays: return seg.date(d) >= f.day_from && seg.date(d) <= f.day_to;
        case FilterKind::kAnd:
        case FilterKind::kOr: {
          const bool is_and = f.kind == FilterKind::kAnd;
          for (const Filter& c : f.children) {
            Result<bool> m = matches(c, d);
            if (!m.ok()) return m;
            if (*m != is_and) return !is_and;
          }
          return is_and;
        }
        case FilterKind::kNot: {
          Result<bool> m = matches(f.children.at(0), d);
          if (!m.ok()) return m;
          return !*m;
        }
      }
      return false;
    };
    for (uint32_t d = 0; d < seg.num_docs(); d++) {
      {
        Result<bool> m = matches(q.filter, d);
        if (!m.ok()) return m.status();
        if (!*m) continue;
      }
      if (seg.date(d) < q.date_from || seg.date(d) > q.date_to) continue;
      if (sg.IsDeleted(d)) continue;
      bool ok = true;
      for (const auto& s : require) ok = ok && s.count(d);
      for (const auto& s : exclude) ok = ok && !s.count(d);
      for (const NumericFilter& f : q.numeric) {
        int idx = seg.NumericField(f.field);
        int64_t v = idx < 0 ? kNumericMissing : seg.Numeric(idx, d);
        ok = ok && v != kNumericMissing && v >= f.min && v <= f.max;
      }
      ok = ok && (!q.accept || q.accept(seg.ext_id(d)));
      if (!ok) continue;
      size_t matched = 0;
      double score = 0;
      for (const auto& m : clauses) {
        auto it = m.find(d);
        if (it != m.end()) matched++;
        score += it != m.end() ? it->second : 0.0;
      }
      if (!clauses.empty()) {
        if (q.mode == MatchMode::kAll ? matched < clauses.size() : matched == 0) continue;
      }
      all.push_back(Hit{seg.ext_id(d), seg.date(d), score, si, d});
    }
  }
  out.total = all.size();
  std::sort(all.begin(), all.end(), BetterHit);
  if (all.size() > q.k) all.resize(q.k);
  out.hits = std::move(all);
  return out;
}

}  // namespace annals::index
