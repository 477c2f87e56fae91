// PlanQuery (query_plan.h).
#include "index/query_plan.h"

#include <set>

namespace annals::index {

Result<Plan> PlanQuery(const Snapshot& snap, const Query& q, const Bm25Params& params) {
  Plan plan;
  plan.query = &q;
  plan.stats = snap.Stats();
  auto df_of = [&](const std::string& term) -> Result<uint64_t> {
    uint64_t df = 0;
    for (const auto& sg : snap.segments) {
      Result<TermRef> r = sg.segment->Find(term);
      if (!r.ok()) return r.status();
      df += r->df();
    }
    return df;
  };
  for (size_t ci = 0; ci < q.clauses.size(); ci++) {
    const Clause& c = q.clauses[ci];
    PlannedClause pc;
    pc.kind = c.kind;
    std::vector<std::string> terms;
    if (c.kind == ClauseKind::kPrefix) {
      if (c.terms.size() != 1 || c.terms[0].empty()) {
        return Status::InvalidArgument("clause " + std::to_string(ci + 1) + ": a prefix needs one non-empty stem");
      }
      std::set<std::string> expansions;
      for (const auto& sg : snap.segments) {
        auto [lo, hi] = sg.segment->PrefixRange(c.terms[0]);
        for (uint32_t i = lo; i < hi; i++) {
          std::string_view t = sg.segment->TermAt(i);
          if (t.find(':') != std::string_view::npos) continue;  // field terms are not body words
          expansions.emplace(t);
          if (expansions.size() > kMaxPrefixExpansions) {
            return Status::InvalidArgument("prefix '" + c.terms[0] + "*' matches more than " +
                                           std::to_string(kMaxPrefixExpansions) + " terms; use a longer prefix");
          }
        }
      }
      terms.assign(expansions.begin(), expansions.end());
    } else {
      if (c.terms.empty()) return Status::InvalidArgument("clause " + std::to_string(ci + 1) + " has no terms");
      terms = c.terms;
    }
    for (std::string& t : terms) {
      Result<uint64_t> df = df_of(t);
      if (!df.ok()) return df.status();
      pc.terms.push_back(PlannedTerm{std::move(t), TermWeight::Make(params, plan.stats, *df)});
    }
    plan.clauses.push_back(std::move(pc));
  }
  return plan;
}

}  // namespace annals::index
