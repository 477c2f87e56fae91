// The /api/ routes: parameter parsing, Archive calls, JSON responses, and the
// one place where a Status becomes an HTTP status.
#include "http/api_routes.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>

#include "core/json_writer.h"
#include "extract/doc_json.h"
#include "http/snippet_html.h"
#include "search/json.h"

namespace annals {

namespace {

using Clock = std::chrono::steady_clock;

// Maps a Status to an HTTP status and a JSON error body. Query errors carry
// "query:POS: ..." messages; the position is returned separately so the UI
// can point at it.
void SendError(const Status& st, httplib::Response* res) {
  res->status = HttpStatusFor(st);
  if (res->status == 503) res->set_header("Retry-After", "1");
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("error");
  w.BeginObject();
  w.Field("message", st.message());
  const std::string& m = st.message();
  if (m.rfind("query:", 0) == 0) {
    const long pos = std::strtol(m.c_str() + 6, nullptr, 10);
    w.Field("position", static_cast<int64_t>(pos > 0 ? pos - 1 : 0));
  }
  w.EndObject();
  w.EndObject();
  res->set_content(body, "application/json");
}

void SendJson(std::string body, httplib::Response* res) {
  res->set_header("Cache-Control", "no-store");
  res->set_content(std::move(body), "application/json");
}

// Integer query parameter in [lo, hi]; `def` when absent. Bad input → 400.
Result<int> IntParam(const httplib::Request& req, const char* name, int def, int lo, int hi) {
  if (!req.has_param(name) || req.get_param_value(name).empty()) return def;
  const std::string v = req.get_param_value(name);
  char* end = nullptr;
  const long x = std::strtol(v.c_str(), &end, 10);
  if (end == v.c_str() || *end != '\0') return Status::InvalidArgument(std::string(name) + ": not a number: " + v);
  return static_cast<int>(std::clamp<long>(x, lo, hi));
}

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

void WriteFacet(const char* key, const std::vector<FacetValue>& values, JsonWriter* w) {
  w->Key(key);
  w->BeginArray();
  for (const FacetValue& v : values) {
    w->BeginObject();
    w->Field("name", v.name);
    w->Field("count", v.articles);
    w->EndObject();
  }
  w->EndArray();
}

double MsSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

}  // namespace

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return 200;
    case Status::Code::kInvalidArgument:
    case Status::Code::kUnsupported: return 400;
    case Status::Code::kNotFound: return 404;
    case Status::Code::kTimedOut: return 503;
    default: return 500;
  }
}

void RegisterApiRoutes(httplib::Server* server, const Archive* archive, const ApiLimits& limits) {
  const Archive& ar = *archive;

  server->Get("/api/search", [&ar, limits](const httplib::Request& req, httplib::Response& res) {
    const auto t0 = Clock::now();
    auto offset = IntParam(req, "offset", 0, 0, 1000000);
    auto limit = IntParam(req, "limit", 20, 1, limits.max_page);
    if (!offset.ok()) return SendError(offset.status(), &res);
    if (!limit.ok()) return SendError(limit.status(), &res);
    SearchOptions opt;
    opt.offset = *offset;
    opt.limit = *limit;
    const std::string sort = Param(req, "sort");
    if (sort == "recency" || sort == "newest") opt.sort = SortOrder::kRecency;
    else if (sort == "oldest") opt.sort = SortOrder::kOldest;
    else if (!sort.empty() && sort != "relevance")
      return SendError(Status::InvalidArgument("sort: expected relevance, recency or oldest"), &res);
    // The total is a labelled lower bound unless asked for exactly: an exact
    // one cost as much CPU as the page itself for phrases and filtered
    // queries on the 1M-article archive (BENCHMARKS.md, HTTP API under load).
    const std::string total = Param(req, "total");
    if (total == "exact") opt.exact_total = true;
    else if (total.empty() || total == "fast") opt.exact_total = false;
    else return SendError(Status::InvalidArgument("total: expected fast or exact"), &res);
    auto r = ar.Search(Param(req, "q"), opt);
    if (!r.ok()) return SendError(r.status(), &res);
    std::string body, snippet;
    body.reserve(16 << 10);  // a page of 20 hits: ~8 KB, grown by copies otherwise
    JsonWriter w(&body);
    w.BeginObject();
    w.Field("query", r->query);
    w.Field("total", r->total);
    w.Field("total_exact", r->total_exact);
    w.Field("ranked", r->ranked);
    w.Field("engine", r->engine);
    if (!r->notice.empty()) w.Field("notice", r->notice);
    w.Key("hits");
    w.BeginArray();
    for (const SearchHit& h : r->hits) {
      w.BeginObject();
      w.Field("id", h.id);
      w.Field("title", h.title);
      w.Field("date", h.date);
      w.Field("source", h.source);
      w.Field("url", h.url);
      w.Field("score", h.score);
      w.Key("snippet");
      snippet.clear();
      AppendSnippetHtmlJson(h.snippet, h.snippet_highlights, &snippet);
      w.Raw(snippet);
      w.EndObject();
    }
    w.EndArray();
    w.Field("took_ms", MsSince(t0));
    w.EndObject();
    SendJson(std::move(body), &res);
  });

  server->Get("/api/facets", [&ar, limits](const httplib::Request& req, httplib::Response& res) {
    auto f = ar.GetFacets(Param(req, "q"), limits.facet_top);
    if (!f.ok()) return SendError(f.status(), &res);
    std::string body;
    JsonWriter w(&body);
    w.BeginObject();
    WriteFacet("persons", f->people, &w);
    WriteFacet("orgs", f->orgs, &w);
    WriteFacet("places", f->places, &w);
    WriteFacet("sources", f->sources, &w);
    w.EndObject();
    SendJson(std::move(body), &res);
  });

  server->Get("/api/timeline", [&ar](const httplib::Request& req, httplib::Response& res) {
    Period period = Period::kMonth;
    const std::string by = Param(req, "by");
    if (!by.empty() && !ParsePeriod(by, &period))
      return SendError(Status::InvalidArgument("by: expected day, week, month or year"), &res);
    auto t = ar.GetTimeline(Param(req, "q"), period);
    if (!t.ok()) return SendError(t.status(), &res);
    std::string body;
    JsonWriter w(&body);
    w.BeginObject();
    w.Field("by", by.empty() ? "month" : by);
    w.Key("buckets");
    w.BeginArray();
    for (const TimelineBucket& b : t->buckets) {
      w.BeginObject();
      w.Field("period", b.period);
      w.Field("first_day", b.first_day);
      w.Field("count", b.articles);
      w.EndObject();
    }
    w.EndArray();
    w.Field("undated", t->undated);
    w.EndObject();
    SendJson(std::move(body), &res);
  });

  server->Get(R"(/api/articles/([^/]+))", [&ar](const httplib::Request& req, httplib::Response& res) {
    auto a = ar.GetArticle(req.matches[1].str());
    if (!a.ok()) return SendError(a.status(), &res);
    std::string body;
    DocJsonOptions opt;
    opt.with_text = true;
    opt.with_sentences = true;
    AppendDocJson(a->doc, opt, &body);
    SendJson(std::move(body), &res);
  });

  server->Get("/api/entity", [&ar](const httplib::Request& req, httplib::Response& res) {
    std::string type = Param(req, "type");
    if (type == "ANY") type.clear();
    auto e = ar.GetEntity(Param(req, "name"), type, 200);
    if (!e.ok()) return SendError(e.status(), &res);
    std::string body;
    JsonWriter w(&body);
    w.BeginObject();
    w.Field("name", e->name);
    w.Field("type", e->type);
    w.Field("article_count", e->articles);
    w.Key("roles");
    w.BeginArray();
    for (const std::string& r : e->roles) w.String(r);
    w.EndArray();
    w.Key("timeline");
    w.BeginArray();
    for (const EntityMonth& m : e->mentions_by_month) {
      w.BeginObject();
      w.Field("period", m.month);
      w.Field("count", m.articles);
      w.EndObject();
    }
    w.EndArray();
    w.Key("quotes");
    w.BeginArray();
    for (const QuoteRow& q : e->quotes) WriteQuoteJson(q, &w);
    w.EndArray();
    WriteFacet("cooccurring", e->co_occurring, &w);
    w.EndObject();
    SendJson(std::move(body), &res);
  });

  server->Get("/api/quotes", [&ar, limits](const httplib::Request& req, httplib::Response& res) {
    auto offset = IntParam(req, "offset", 0, 0, 1000000);
    auto limit = IntParam(req, "limit", 50, 1, limits.max_page);
    if (!offset.ok()) return SendError(offset.status(), &res);
    if (!limit.ok()) return SendError(limit.status(), &res);
    std::string q = Param(req, "q");
    const std::string speaker = Param(req, "speaker");
    if (!speaker.empty()) {
      std::string quoted;
      for (char c : speaker)
        if (c != '"') quoted.push_back(c);
      q = (q.empty() ? "" : "(" + q + ") ") + "said:\"" + quoted + "\"";
    }
    ListOptions lo;
    lo.offset = *offset;
    lo.limit = *limit + 1;  // one more tells whether there is a next page
    auto rows = ar.ListQuotes(q, lo);
    if (!rows.ok()) return SendError(rows.status(), &res);
    const bool more = static_cast<int>(rows->size()) > *limit;
    if (more) rows->pop_back();
    std::string body;
    JsonWriter w(&body);
    w.BeginObject();
    w.Key("quotes");
    w.BeginArray();
    for (const QuoteRow& r : *rows) WriteQuoteJson(r, &w);
    w.EndArray();
    w.Field("more", more);
    w.EndObject();
    SendJson(std::move(body), &res);
  });

  server->Get("/api/counts", [&ar, limits](const httplib::Request& req, httplib::Response& res) {
    auto offset = IntParam(req, "offset", 0, 0, 1000000);
    auto limit = IntParam(req, "limit", 100, 1, std::max(limits.max_page, 500));
    auto min = IntParam(req, "min", 0, 0, 2000000000);
    if (!offset.ok()) return SendError(offset.status(), &res);
    if (!limit.ok()) return SendError(limit.status(), &res);
    if (!min.ok()) return SendError(min.status(), &res);
    CountListOptions co;
    co.offset = *offset;
    co.limit = *limit;
    co.min_number = *min;
    co.type = Param(req, "type");
    if (!co.type.empty() && !ParseCountType(co.type))
      return SendError(Status::InvalidArgument("type: unknown count type '" + co.type + "'"), &res);
    const std::string sort = Param(req, "sort").empty() ? "number" : Param(req, "sort");
    if (sort == "article" || !ParseCountOrder(sort, &co.order))
      return SendError(Status::InvalidArgument("sort: expected number, type, place, event_date or published"), &res);
    const std::string order = Param(req, "order");
    if (!order.empty() && order != "asc" && order != "desc")
      return SendError(Status::InvalidArgument("order: expected asc or desc"), &res);
    co.descending = order != "asc";
    auto rows = ar.ListCounts(Param(req, "q"), co);
    if (!rows.ok()) return SendError(rows.status(), &res);
    auto total = ar.CountCounts(Param(req, "q"), co);
    if (!total.ok()) return SendError(total.status(), &res);
    std::string body;
    JsonWriter w(&body);
    w.BeginObject();
    w.Field("total", *total);
    w.Key("counts");
    w.BeginArray();
    for (const CountRow& c : *rows) WriteCountJson(c, &w);
    w.EndArray();
    w.EndObject();
    SendJson(std::move(body), &res);
  });

  server->Get("/api/export", [&ar](const httplib::Request& req, httplib::Response& res) {
    ExportFormat fmt = ExportFormat::kJsonl;
    const std::string name = Param(req, "format").empty() ? "jsonl" : Param(req, "format");
    if (!ParseExportFormat(name, &fmt))
      return SendError(Status::InvalidArgument("format: expected jsonl, csv or gkg"), &res);
    // Exports are built in memory per request: bounded by the archive's own
    // Export streaming into this buffer; large archives should use the CLI.
    std::string body;
    Status st = ar.Export(Param(req, "q"), fmt, [&body](std::string_view chunk) { body.append(chunk); });
    if (!st.ok()) return SendError(st, &res);
    const char* type = fmt == ExportFormat::kJsonl ? "application/x-ndjson"
                       : fmt == ExportFormat::kCsv ? "text/csv; charset=utf-8"
                                                   : "text/tab-separated-values; charset=utf-8";
    res.set_header("Content-Disposition", "attachment; filename=\"annals-export." + name + "\"");
    res.set_content(std::move(body), type);
  });

  server->Get("/api/stats", [&ar](const httplib::Request&, httplib::Response& res) {
    auto s = ar.Stats();
    if (!s.ok()) return SendError(s.status(), &res);
    std::string body;
    JsonWriter w(&body);
    w.BeginObject();
    w.Field("schema_version", s->schema_version);
    w.Field("articles", s->articles);
    w.Field("sources", s->sources);
    w.Field("entities", s->entities);
    w.Field("names", s->names);
    w.Field("mentions", s->mentions);
    w.Field("times", s->times);
    w.Field("counts", s->counts);
    w.Field("quotes", s->quotes);
    w.Field("first_date", s->first_date);
    w.Field("last_date", s->last_date);
    w.Field("undated", s->undated);
    w.EndObject();
    SendJson(std::move(body), &res);
  });
}

}  // namespace annals
