// PlanIndexQuery: query tree -> index::Query + conjuncts left to SQLite.
#include "search/index_query.h"

#include <algorithm>
#include <climits>
#include <limits>
#include <utility>

#include "index/analyzer.h"
#include "index/segment_builder.h"
#include "store/day_range.h"
#include "store/event_terms.h"
#include "store/index_doc.h"

namespace annals {

namespace {

// The clause a plain text node (not title-only) stands for; false if the
// index cannot express it exactly as FTS5 does.
bool TextClause(const QueryNode& n, index::Clause* out) {
  if (n.kind != QueryNodeKind::kText || n.title_only) return false;
  if (n.prefix) {
    // FTS5 runs a prefix through the porter tokenizer too: "running*" is
    // every term starting with "run".
    std::vector<std::string> t = index::AnalyzeToTerms(n.text, /*stem=*/true);
    if (t.size() != 1) return false;
    out->kind = index::ClauseKind::kPrefix;
    out->terms = std::move(t);
    return true;
  }
  std::vector<std::string> t = index::AnalyzeToTerms(n.text, /*stem=*/true);
  if (t.empty()) return false;
  out->kind = t.size() == 1 ? index::ClauseKind::kTerm : index::ClauseKind::kPhrase;
  out->terms = std::move(t);
  return true;
}

// The single stemmed term of a title:word node; false otherwise.
bool TitleWord(const QueryNode& n, std::string* stem) {
  if (n.kind != QueryNodeKind::kText || !n.title_only || n.prefix) return false;
  std::vector<std::string> t = index::AnalyzeToTerms(n.text, /*stem=*/true);
  if (t.size() != 1) return false;
  *stem = t[0];
  return true;
}

const char* HasName(HasWhat h) {
  switch (h) {
    case HasWhat::kQuote: return "quote";
    case HasWhat::kCount: return "count";
    case HasWhat::kPerson: return "person";
    case HasWhat::kOrg: return "org";
    case HasWhat::kPlace: return "place";
    case HasWhat::kEvent: return "event";
  }
  return "";
}

// The keyword term an unscored filter node is exactly, if any.
bool FilterTerm(const QueryNode& n, std::string* term) {
  if (n.kind != QueryNodeKind::kFilter) return false;
  const char* field = nullptr;
  switch (n.filter) {
    case FilterKind::kHas: *term = index::KeywordTerm("has", HasName(n.has)); return true;
    case FilterKind::kPerson: field = "person"; break;
    case FilterKind::kOrg: field = "org"; break;
    case FilterKind::kPlace: field = "place"; break;
    case FilterKind::kSaid: field = "said"; break;
    default: return false;
  }
  // names_fts matches the value's words as a phrase: the indexed word runs.
  std::vector<std::string> words = index::AnalyzeToTerms(n.value, /*stem=*/false);
  if (words.empty()) return false;
  std::string run;
  for (size_t i = 0; i < words.size(); ++i) run += (i ? " " : "") + words[i];
  *term = index::KeywordTerm(field, run);
  return true;
}

void Flatten(std::unique_ptr<QueryNode> n, std::vector<std::unique_ptr<QueryNode>>* out) {
  if (n->kind == QueryNodeKind::kAnd) {
    for (auto& c : n->children) Flatten(std::move(c), out);
  } else {
    out->push_back(std::move(n));
  }
}

// The publication-day range of a date node as the SQL path reads it: the
// day buckets of the keys (clamped), never undated.
std::pair<int32_t, int32_t> DateDays(const QueryNode& n) {
  const int32_t from =
      n.day_first <= INT32_MIN ? INT32_MIN + 1 : static_cast<int32_t>(DayBucket(n.day_first) - kDayBias);
  const int32_t to = n.day_last >= INT32_MAX ? INT32_MAX : static_cast<int32_t>(DayBucket(n.day_last) - kDayBias);
  return {std::max(from, INT32_MIN + 1), to};
}

bool LowerCount(const QueryNode& n, const IndexPlanContext& ctx, index::Filter* out, bool* needs_reindex) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  const int64_t v = n.number;
  switch (n.op) {
    case CompareOp::kGe:
    case CompareOp::kGt: {
      // Some count of the type >= v: its largest one is.
      if (n.op == CompareOp::kGt && v == kMax) {
        *out = index::Filter::None();
        return true;
      }
      *out = index::Filter::Numeric(CountNumericField(n.count_type), n.op == CompareOp::kGe ? v : v + 1, kMax);
      return true;
    }
    case CompareOp::kLe:
    case CompareOp::kLt: {
      if (!ctx.content2) {
        *needs_reindex = true;
        return false;
      }
      // Some count <= v: its smallest one is; the index holds minus it.
      const int64_t le = n.op == CompareOp::kLe ? v : (v == kMin ? kMin : v - 1);
      if (n.op == CompareOp::kLt && v == kMin) {
        *out = index::Filter::None();
        return true;
      }
      if (le <= kMin + 1) return false;  // -le would not fit
      *out = index::Filter::Numeric(CountNegMinField(n.count_type), -le, kMax);
      return true;
    }
    case CompareOp::kEq:
      if (!ctx.content2) {
        *needs_reindex = true;
        return false;
      }
      *out = index::Filter::Term(index::KeywordTerm(kCountValueField, CountValueWord(n.count_type, v)));
      return true;
  }
  return false;
}

bool LowerEvent(const QueryNode& n, const IndexPlanContext& ctx, index::Filter* out, bool* needs_reindex) {
  if (!ctx.content2) {
    *needs_reindex = true;
    return false;
  }
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  const bool open_lo = n.day_first <= INT32_MIN, open_hi = n.day_last >= INT32_MAX;
  if (open_lo && open_hi) {
    *out = index::Filter::Numeric(kEventLastMax, std::numeric_limits<int64_t>::min() + 1, kMax);
  } else if (open_lo) {
    *out = index::Filter::Numeric(kEventFirstNegMin, -n.day_last, kMax);  // min(first) <= last
  } else if (open_hi) {
    *out = index::Filter::Numeric(kEventLastMax, n.day_first, kMax);  // max(last) >= first
  } else {
    std::vector<index::Filter> terms;
    for (const auto& [field, value] : EventQueryTerms(n.day_first, n.day_last)) {
      terms.push_back(index::Filter::Term(index::KeywordTerm(field, value)));
    }
    *out = index::Filter::Combine(index::FilterKind::kOr, std::move(terms));
  }
  return true;
}

}  // namespace

std::vector<std::string> SourceValues(const Query& query) {
  std::vector<std::string> out;
  std::vector<const QueryNode*> stack;
  if (query.root) stack.push_back(query.root.get());
  while (!stack.empty()) {
    const QueryNode* n = stack.back();
    stack.pop_back();
    if (n->kind == QueryNodeKind::kFilter && n->filter == FilterKind::kSource) out.push_back(n->value);
    for (const auto& c : n->children) stack.push_back(c.get());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool LowerFilter(const QueryNode& n, const IndexPlanContext& ctx, index::Filter* out, bool* needs_reindex) {
  switch (n.kind) {
    case QueryNodeKind::kText: {
      std::string s;
      if (TitleWord(n, &s)) {
        *out = index::Filter::Term(index::TitleTerm(s));
        return true;
      }
      index::Clause c;
      if (TextClause(n, &c) && c.kind == index::ClauseKind::kTerm) {
        *out = index::Filter::Term(c.terms[0]);
        return true;
      }
      return false;  // phrases and prefixes need positions or expansion
    }
    case QueryNodeKind::kAnd:
    case QueryNodeKind::kOr: {
      std::vector<index::Filter> cs;
      for (const auto& ch : n.children) {
        index::Filter f;
        if (!LowerFilter(*ch, ctx, &f, needs_reindex)) return false;
        cs.push_back(std::move(f));
      }
      *out = index::Filter::Combine(n.kind == QueryNodeKind::kAnd ? index::FilterKind::kAnd : index::FilterKind::kOr,
                                    std::move(cs));
      return true;
    }
    case QueryNodeKind::kNot: {
      index::Filter f;
      if (!LowerFilter(*n.children[0], ctx, &f, needs_reindex)) return false;
      *out = index::Filter::Not(std::move(f));
      return true;
    }
    case QueryNodeKind::kFilter: break;
  }
  std::string term;
  if (FilterTerm(n, &term)) {
    *out = index::Filter::Term(std::move(term));
    return true;
  }
  switch (n.filter) {
    case FilterKind::kDate: {
      const auto [from, to] = DateDays(n);
      *out = index::Filter::Days(from, to);
      return true;
    }
    case FilterKind::kCount: return LowerCount(n, ctx, out, needs_reindex);
    case FilterKind::kEvent: return LowerEvent(n, ctx, out, needs_reindex);
    case FilterKind::kSource: {
      auto it = ctx.source_ids.find(n.value);
      if (it == ctx.source_ids.end()) return false;
      std::vector<index::Filter> ids;
      for (int64_t id : it->second) ids.push_back(index::Filter::Term(index::KeywordTerm("source", std::to_string(id))));
      *out = index::Filter::Combine(index::FilterKind::kOr, std::move(ids));
      return true;
    }
    default: return false;  // a name with no words: names_fts decides
  }
}

std::optional<IndexPlan> PlanIndexQuery(Query* query, const IndexPlanContext& ctx, bool* needs_reindex) {
  bool reindex_scratch = false;
  if (!needs_reindex) needs_reindex = &reindex_scratch;
  if (!query->root) return std::nullopt;
  // Decide before consuming anything.
  std::vector<const QueryNode*> conj;
  {
    std::vector<const QueryNode*> stack{query->root.get()};
    while (!stack.empty()) {
      const QueryNode* n = stack.back();
      stack.pop_back();
      if (n->kind == QueryNodeKind::kAnd) {
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(it->get());
      } else {
        conj.push_back(n);
      }
    }
  }
  auto all_text_or = [](const QueryNode& n) {
    if (n.kind != QueryNodeKind::kOr) return false;
    index::Clause c;
    for (const auto& ch : n.children) {
      if (!TextClause(*ch, &c)) return false;
    }
    return true;
  };
  int texts = 0, ors = 0;
  for (const QueryNode* n : conj) {
    index::Clause c;
    std::string s;
    if (TextClause(*n, &c) || TitleWord(*n, &s)) {
      ++texts;
    } else if (n->kind == QueryNodeKind::kText) {
      return std::nullopt;  // prefix of several words, title phrase, no words: FTS5
    } else if (all_text_or(*n)) {
      ++ors;
    }
  }
  // One OR of words alone, or words ANDed (and filters).
  if (ors > 1 || (ors > 0 && texts > 0)) return std::nullopt;
  const bool filter_only = texts + ors == 0;
  if (filter_only) {
    // Filters alone: only if the index answers every one of them.
    for (const QueryNode* n : conj) {
      index::Filter f;
      if (!LowerFilter(*n, ctx, &f, needs_reindex)) return std::nullopt;
    }
  }

  IndexPlan plan;
  plan.filter_only = filter_only;
  index::Query& q = plan.query;
  q.mode = ors ? index::MatchMode::kAny : index::MatchMode::kAll;
  std::vector<std::unique_ptr<QueryNode>> nodes;
  Flatten(std::move(query->root), &nodes);
  auto mark = [&](const index::Clause& c) {
    if (c.kind == index::ClauseKind::kPrefix) plan.mark_prefixes.push_back(c.terms[0]);
    else plan.mark_terms.insert(plan.mark_terms.end(), c.terms.begin(), c.terms.end());
  };
  std::vector<index::Filter> filters;
  for (auto& n : nodes) {
    index::Clause c;
    std::string s;
    if (!filter_only && TextClause(*n, &c)) {
      mark(c);
      q.clauses.push_back(std::move(c));
      continue;
    }
    if (!filter_only && TitleWord(*n, &s)) {
      // Scored as a body word (the title is body text too), required in the title.
      filters.push_back(index::Filter::Term(index::TitleTerm(s)));
      plan.mark_terms.push_back(s);
      q.clauses.push_back(index::Clause{index::ClauseKind::kTerm, {s}});
      continue;
    }
    if (!filter_only && all_text_or(*n)) {
      for (const auto& ch : n->children) {
        index::Clause cc;
        TextClause(*ch, &cc);
        mark(cc);
        q.clauses.push_back(std::move(cc));
      }
      continue;
    }
    if (n->kind == QueryNodeKind::kFilter && n->filter == FilterKind::kDate) {
      // A top-level date range also bounds each segment's docid range.
      const auto [from, to] = DateDays(*n);
      q.date_from = std::max(q.date_from, from);
      q.date_to = std::min(q.date_to, to);
      continue;
    }
    index::Filter f;
    if (LowerFilter(*n, ctx, &f, needs_reindex)) {
      filters.push_back(std::move(f));
      continue;
    }
    if (n->kind == QueryNodeKind::kNot) {
      plan.deny.push_back(std::move(n->children[0]));
    } else {
      plan.allow.push_back(std::move(n));
    }
  }
  q.filter = index::Filter::Combine(index::FilterKind::kAnd, std::move(filters));
  return plan;
}

}  // namespace annals
