// CompileQuery: query tree -> FTS5 expression + parameterised SQL conditions.
#include "search/query_compiler.h"

#include <climits>

#include "store/day_range.h"

namespace annals {

namespace {

class Compiler {
 public:
  Compiler(const std::string& key, int first_param, CompiledQuery* out)
      : key_(key), next_param_(first_param), out_(out) {}

  void Run(const QueryNode& root) {
    std::vector<const QueryNode*> conjuncts;
    if (root.kind == QueryNodeKind::kAnd) {
      for (const auto& c : root.children) conjuncts.push_back(c.get());
    } else {
      conjuncts.push_back(&root);
    }
    // Positive FTS-expressible conjuncts drive; negated pure-text ones join
    // the FTS expression as "NOT"; everything else is a condition.
    std::vector<std::string> positive, negative;
    std::vector<const QueryNode*> rest;
    for (const QueryNode* c : conjuncts) {
      std::string e;
      if (FtsExpr(*c, &e)) {
        positive.push_back(e);
        continue;
      }
      rest.push_back(c);
    }
    if (!positive.empty()) {
      std::vector<const QueryNode*> rest2;
      for (const QueryNode* c : rest) {
        std::string e;
        if (c->kind == QueryNodeKind::kNot && FtsExpr(*c->children[0], &e)) negative.push_back(e);
        else rest2.push_back(c);
      }
      rest = rest2;
      std::string fts = Join(positive, " AND ");
      for (const std::string& n : negative) fts = "(" + fts + ") NOT " + n;
      out_->fts = fts;
      fts_driven_ = true;
    }
    std::vector<std::string> conds;
    for (const QueryNode* c : rest) conds.push_back(Cond(*c));
    out_->where = Join(conds, " AND ");
    CollectFacts(root, false);
  }

 private:
  static std::string Join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i) out += sep;
      out += parts[i];
    }
    return parts.size() > 1 ? "(" + out + ")" : out;
  }

  std::string Param(SqlParam p) {
    out_->params.push_back(std::move(p));
    return "?" + std::to_string(next_param_++);
  }

  // Writes an FTS5 expression for `n` if it contains only text and can stand
  // alone in FTS5 (FTS5 has no unary NOT: a NOT needs a positive sibling).
  bool FtsExpr(const QueryNode& n, std::string* out) {
    switch (n.kind) {
      case QueryNodeKind::kText: {
        std::string e = FtsString(n.text);
        if (n.prefix) e += " *";
        if (n.title_only) e = "title : " + e;
        *out = e;
        return true;
      }
      case QueryNodeKind::kOr: {
        std::vector<std::string> parts;
        for (const auto& c : n.children) {
          std::string e;
          if (!FtsExpr(*c, &e)) return false;
          parts.push_back(e);
        }
        *out = Join(parts, " OR ");
        return true;
      }
      case QueryNodeKind::kAnd: {
        std::vector<std::string> pos, neg;
        for (const auto& c : n.children) {
          std::string e;
          if (FtsExpr(*c, &e)) pos.push_back(e);
          else if (c->kind == QueryNodeKind::kNot && FtsExpr(*c->children[0], &e)) neg.push_back(e);
          else return false;
        }
        if (pos.empty()) return false;
        std::string e = Join(pos, " AND ");
        for (const std::string& x : neg) e = "(" + e + ") NOT " + x;
        *out = e;
        return true;
      }
      case QueryNodeKind::kNot:
      case QueryNodeKind::kFilter: return false;
    }
    return false;
  }

  std::string NameMatch(const std::string& name) {
    // Every word of the name must occur in the entity's name, in order
    // (an FTS5 phrase over names_fts): person:aliyeva finds "Sabina Aliyeva".
    return Param(FtsString(name));
  }

  std::string Cond(const QueryNode& n) {
    switch (n.kind) {
      case QueryNodeKind::kText: {
        std::string e;
        FtsExpr(n, &e);
        return key_ + " IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + Param(e) + ")";
      }
      case QueryNodeKind::kAnd:
      case QueryNodeKind::kOr: {
        std::string e;
        if (FtsExpr(n, &e))
          return key_ + " IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + Param(e) + ")";
        std::vector<std::string> parts;
        for (const auto& c : n.children) parts.push_back(Cond(*c));
        return Join(parts, n.kind == QueryNodeKind::kAnd ? " AND " : " OR ");
      }
      case QueryNodeKind::kNot: return "NOT (" + Cond(*n.children[0]) + ")";
      case QueryNodeKind::kFilter: return FilterCond(n);
    }
    return "0";
  }

  std::string EntityCond(EntityType type, const std::string& name) {
    // Parameters are numbered in call order: call Param() in statement order.
    const std::string t = Param(static_cast<int64_t>(type));
    const std::string m = NameMatch(name);
    return key_ + " IN (SELECT e.article FROM entities e WHERE e.name_id IN (SELECT n.id FROM names n WHERE n.type = " +
           t + " AND n.id IN (SELECT rowid FROM names_fts WHERE names_fts MATCH " + m + ")))";
  }

  std::string FilterCond(const QueryNode& n) {
    switch (n.filter) {
      case FilterKind::kPerson: return EntityCond(EntityType::kPerson, n.value);
      case FilterKind::kOrg: return EntityCond(EntityType::kOrg, n.value);
      case FilterKind::kPlace: return EntityCond(EntityType::kLocation, n.value);
      case FilterKind::kSource:
        return key_ +
               " IN (SELECT s_a.id FROM articles s_a WHERE s_a.source_id IN (SELECT id FROM sources WHERE "
               "instr(lower(name), lower(" +
               Param(n.value) + ")) > 0))";
      case FilterKind::kSaid:
        return key_ +
               " IN (SELECT q.article FROM quotes q WHERE q.speaker_name_id IN (SELECT rowid FROM names_fts WHERE "
               "names_fts MATCH " +
               NameMatch(n.value) + "))";
      case FilterKind::kDate: {
        // Keys are date-ordered: a publication-day range is a key range.
        const int64_t lo = n.day_first <= INT32_MIN ? FirstKeyOfBucket(1) : FirstKeyOfBucket(DayBucket(n.day_first));
        const int64_t hi = n.day_last >= INT32_MAX ? INT64_MAX : LastKeyOfBucket(DayBucket(n.day_last));
        const std::string a = Param(lo);
        const std::string b = Param(hi);
        return "(" + key_ + " BETWEEN " + a + " AND " + b + ")";
      }
      case FilterKind::kEvent: {
        const std::string a = Param(n.day_last);
        const std::string b = Param(n.day_first);
        return key_ + " IN (SELECT ed.article FROM event_dates ed WHERE ed.day_first <= " + a +
               " AND ed.day_last >= " + b + ")";
      }
      case FilterKind::kHas: {
        // Driven by FTS: probe each matching article (EXISTS). Driven by the
        // articles table: start from the fact table's article column instead
        // of scanning every article row (the rows hold the text: slow).
        const char* table = n.has == HasWhat::kQuote   ? "quotes"
                            : n.has == HasWhat::kCount ? "counts"
                            : n.has == HasWhat::kEvent ? "event_dates"
                                                       : "entities";
        std::string type_cond;
        if (n.has == HasWhat::kPerson || n.has == HasWhat::kOrg || n.has == HasWhat::kPlace) {
          const EntityType t = n.has == HasWhat::kPerson ? EntityType::kPerson
                               : n.has == HasWhat::kOrg  ? EntityType::kOrg
                                                         : EntityType::kLocation;
          type_cond = " AND h.type = " + Param(static_cast<int64_t>(t));
        }
        if (fts_driven_)
          return std::string("EXISTS (SELECT 1 FROM ") + table + " h WHERE h.article = " + key_ + type_cond + ")";
        return key_ + " IN (SELECT h.article FROM " + table + " h WHERE 1" + type_cond + ")";
      }
      case FilterKind::kCount: {
        const std::string t = Param(static_cast<int64_t>(n.count_type));
        const std::string v = Param(n.number);
        return key_ + " IN (SELECT c.article FROM counts c WHERE c.type = " + t + " AND c.number " +
               CompareOpSql(n.op) + " " + v + ")";
      }
    }
    return "0";
  }

  void CollectFacts(const QueryNode& n, bool negated) {
    if (n.kind == QueryNodeKind::kNot) negated = !negated;
    if (n.kind == QueryNodeKind::kFilter && !negated) {
      if (n.filter == FilterKind::kSaid) out_->speakers.push_back(n.value);
      if (n.filter == FilterKind::kCount) out_->count_filters.push_back({n.count_type, n.op, n.number});
    }
    for (const auto& c : n.children) CollectFacts(*c, negated);
  }

  const std::string& key_;
  bool fts_driven_ = false;  // the FTS expression drives the query
  int next_param_;
  CompiledQuery* out_;
};

}  // namespace

const char* CompareOpSql(CompareOp op) {
  switch (op) {
    case CompareOp::kGe: return ">=";
    case CompareOp::kGt: return ">";
    case CompareOp::kLe: return "<=";
    case CompareOp::kLt: return "<";
    case CompareOp::kEq: return "=";
  }
  return "=";
}

std::string FtsString(std::string_view word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  out += "\"";
  return out;
}

CompiledQuery CompileQuery(const Query& query, const std::string& key, int first_param) {
  CompiledQuery out;
  if (!query.root) return out;
  Compiler(key, first_param, &out).Run(*query.root);
  return out;
}

}  // namespace annals
