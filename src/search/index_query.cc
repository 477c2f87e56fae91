// PlanIndexQuery: query tree -> index::Query + conjuncts left to SQLite.
#include "search/index_query.h"

#include <algorithm>
#include <climits>

#include "index/analyzer.h"
#include "index/segment_builder.h"
#include "store/day_range.h"
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

}  // namespace

std::optional<IndexPlan> PlanIndexQuery(Query* query) {
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
  int texts = 0, ors = 0;
  for (const QueryNode* n : conj) {
    index::Clause c;
    std::string s;
    if (TextClause(*n, &c) || TitleWord(*n, &s)) {
      ++texts;
    } else if (n->kind == QueryNodeKind::kText) {
      return std::nullopt;  // prefix of several words, title phrase, no words: FTS5
    } else if (n->kind == QueryNodeKind::kOr) {
      bool all_text = true;
      for (const auto& ch : n->children) all_text = all_text && TextClause(*ch, &c);
      if (all_text) ++ors;
    }
  }
  // Ranked text is needed (else date order, SQL), and one OR alone.
  if (texts + ors == 0 || (ors > 0 && (ors > 1 || texts > 0))) return std::nullopt;

  IndexPlan plan;
  index::Query& q = plan.query;
  q.mode = ors ? index::MatchMode::kAny : index::MatchMode::kAll;
  std::vector<std::unique_ptr<QueryNode>> nodes;
  Flatten(std::move(query->root), &nodes);
  auto mark = [&](const index::Clause& c) {
    if (c.kind == index::ClauseKind::kPrefix) plan.mark_prefixes.push_back(c.terms[0]);
    else plan.mark_terms.insert(plan.mark_terms.end(), c.terms.begin(), c.terms.end());
  };
  for (auto& n : nodes) {
    index::Clause c;
    std::string s;
    if (TextClause(*n, &c)) {
      mark(c);
      q.clauses.push_back(std::move(c));
      continue;
    }
    if (TitleWord(*n, &s)) {
      // Scored as a body word (the title is body text too), required in the title.
      q.require.push_back(index::TitleTerm(s));
      plan.mark_terms.push_back(s);
      q.clauses.push_back(index::Clause{index::ClauseKind::kTerm, {s}});
      continue;
    }
    if (n->kind == QueryNodeKind::kOr) {
      bool all_text = true;
      for (const auto& ch : n->children) all_text = all_text && TextClause(*ch, &c);
      if (all_text) {
        for (const auto& ch : n->children) {
          index::Clause cc;
          TextClause(*ch, &cc);
          mark(cc);
          q.clauses.push_back(std::move(cc));
        }
        continue;
      }
      plan.allow.push_back(std::move(n));
      continue;
    }
    if (n->kind == QueryNodeKind::kNot) {
      const QueryNode& ch = *n->children[0];
      if (TextClause(ch, &c) && c.kind == index::ClauseKind::kTerm) {
        q.exclude.push_back(c.terms[0]);
      } else if (TitleWord(ch, &s)) {
        q.exclude.push_back(index::TitleTerm(s));
      } else if (FilterTerm(ch, &s)) {
        q.exclude.push_back(s);
      } else {
        plan.deny.push_back(std::move(n->children[0]));
      }
      continue;
    }
    if (n->kind == QueryNodeKind::kFilter) {
      if (FilterTerm(*n, &s)) {
        q.require.push_back(s);
        continue;
      }
      if (n->filter == FilterKind::kDate) {
        // As the SQL path: the day buckets of the keys (clamped), never undated.
        const int32_t from = n->day_first <= INT32_MIN
                                 ? INT32_MIN + 1
                                 : static_cast<int32_t>(DayBucket(n->day_first) - kDayBias);
        const int32_t to =
            n->day_last >= INT32_MAX ? INT32_MAX : static_cast<int32_t>(DayBucket(n->day_last) - kDayBias);
        q.date_from = std::max({q.date_from, from, INT32_MIN + 1});
        q.date_to = std::min(q.date_to, to);
        continue;
      }
      if (n->filter == FilterKind::kCount && (n->op == CompareOp::kGe || n->op == CompareOp::kGt)) {
        index::NumericFilter f;
        f.field = CountNumericField(n->count_type);
        f.min = n->op == CompareOp::kGe ? n->number : n->number + 1;
        q.numeric.push_back(std::move(f));
        continue;
      }
    }
    plan.allow.push_back(std::move(n));
  }
  return plan;
}

}  // namespace annals
