// The archive's read commands: `annals search`, `show`, `quotes`, `counts`,
// `export` and `stats`. Each opens the archive read-only (search/archive.h),
// prints a table on a terminal and JSON with --json (search/json.h, the same
// JSON the HTTP API returns).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/json_writer.h"
#include "search/archive.h"
#include "search/json.h"
#include "search/query.h"

namespace annals {

namespace {

// ANSI styles, empty when colour is off.
struct Style {
  bool on = false;
  const char* Bold() const { return on ? "\033[1m" : ""; }
  const char* Dim() const { return on ? "\033[2m" : ""; }
  const char* Hit() const { return on ? "\033[1;33m" : ""; }
  const char* Person() const { return on ? "\033[36m" : ""; }
  const char* Org() const { return on ? "\033[35m" : ""; }
  const char* Place() const { return on ? "\033[32m" : ""; }
  const char* Time() const { return on ? "\033[33m" : ""; }
  const char* Count() const { return on ? "\033[1;31m" : ""; }
  const char* Quote() const { return on ? "\033[3;34m" : ""; }
  const char* Reset() const { return on ? "\033[0m" : ""; }
};

struct CommonArgs {
  std::string db;
  bool json = false;
  std::string color = "auto";
};

void AddCommon(CLI::App* cmd, CommonArgs* a) {
  cmd->add_option("--db", a->db, "The archive (SQLite file)")->required();
  cmd->add_flag("--json", a->json, "JSON output (the HTTP API's format)");
  cmd->add_option("--color", a->color, "auto, always or never");
}

Style StyleFor(const CommonArgs& a) {
  Style s;
  s.on = a.color == "always" || (a.color == "auto" && isatty(STDOUT_FILENO));
  return s;
}

// One-shot commands check the text index's structure, not the crc32 of
// every byte (ArchiveOptions::verify_index_checksums): `annals stats` does.
Result<std::unique_ptr<Archive>> OpenArchive(const std::string& path, bool verify_index_checksums = false) {
  ArchiveOptions o;
  o.connections = 1;
  o.verify_index_checksums = verify_index_checksums;
  return Archive::Open(path, o);
}

void PrintJson(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
}

// Query errors are printed with a caret under the position.
int QueryError(const Status& st, const std::string& query) {
  int code = ReportError(st);
  const int pos = QueryErrorPosition(st);
  if (pos > 0) {
    std::fprintf(stderr, "  %s\n  %*s^\n", query.c_str(), pos - 1, "");
  }
  return code;
}

std::string Truncate(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// A quote's words as shown: direct quotes and fragments in quotation
// marks, indirect speech (a paraphrase, not the speaker's words) without
// them, labelled.
std::string Shown(std::string_view kind, const std::string& text, size_t n) {
  if (kind == "indirect") return "(indirect) " + Truncate(text, n);
  return "“" + Truncate(text, n) + "”";
}

std::string Highlighted(const std::string& text, const std::vector<Highlight>& hl, const Style& st) {
  std::string out;
  size_t at = 0;
  for (const Highlight& h : hl) {
    if (h.start < at || h.end > text.size()) continue;
    out += text.substr(at, h.start - at);
    if (st.on) out += st.Hit() + text.substr(h.start, h.end - h.start) + st.Reset();
    else out += "[" + text.substr(h.start, h.end - h.start) + "]";
    at = h.end;
  }
  out += text.substr(at);
  return out;
}

// ---- search ----

struct SearchArgs : CommonArgs {
  std::string query;
  int limit = 20;
  int offset = 0;
  std::string sort = "relevance";
  bool facets = false;
  std::string timeline;
  bool no_snippets = false;
  bool fts5 = false;  // rank with FTS5, not the text index
};

void PrintFacet(const char* title, const std::vector<FacetValue>& v, const Style& st) {
  std::printf("%s%s%s:", st.Bold(), title, st.Reset());
  if (v.empty()) std::printf(" -");
  for (size_t i = 0; i < v.size(); ++i)
    std::printf("%s %s (%lld)", i ? "," : "", v[i].name.c_str(), static_cast<long long>(v[i].articles));
  std::printf("\n");
}

int RunSearch(const SearchArgs& a) {
  SearchOptions o;
  o.limit = a.limit;
  o.offset = a.offset;
  o.snippets = !a.no_snippets;
  if (a.sort == "relevance") o.sort = SortOrder::kRelevance;
  else if (a.sort == "recency") o.sort = SortOrder::kRecency;
  else if (a.sort == "oldest") o.sort = SortOrder::kOldest;
  else return ReportError(Status::InvalidArgument("--sort: expected relevance, recency or oldest"));
  Period period = Period::kMonth;
  if (!a.timeline.empty() && !ParsePeriod(a.timeline, &period))
    return ReportError(Status::InvalidArgument("--timeline: expected day, week, month or year"));
  auto archive = OpenArchive(a.db);
  if (!archive.ok()) return ReportError(archive.status());
  o.use_index = !a.fts5;
  auto r = (*archive)->Search(a.query, o);
  if (!r.ok()) return QueryError(r.status(), a.query);
  if (!r->notice.empty()) std::fprintf(stderr, "annals: note: %s\n", r->notice.c_str());
  std::optional<Facets> facets;
  if (a.facets) {
    auto f = (*archive)->GetFacets(a.query, 10);
    if (!f.ok()) return ReportError(f.status());
    facets = std::move(*f);
  }
  std::optional<Timeline> timeline;
  if (!a.timeline.empty()) {
    auto t = (*archive)->GetTimeline(a.query, period);
    if (!t.ok()) return ReportError(t.status());
    timeline = std::move(*t);
  }
  if (a.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("search");
    WriteSearchResultJson(*r, &w);
    if (facets) {
      w.Key("facets");
      WriteFacetsJson(*facets, &w);
    }
    if (timeline) {
      w.Key("timeline");
      WriteTimelineJson(*timeline, &w);
    }
    w.EndObject();
    PrintJson(out);
    return kExitOk;
  }
  const Style st = StyleFor(a);
  std::printf("%s%lld articles%s (%.1f ms)%s\n", st.Dim(), static_cast<long long>(r->total), st.Reset(),
              r->elapsed_ms, r->ranked ? ", by relevance" : ", by date");
  int n = a.offset;
  for (const SearchHit& h : r->hits) {
    ++n;
    std::printf("%s%3d%s  %-10s  %s%s%s  %s%s%s\n", st.Dim(), n, st.Reset(), h.date.empty() ? "-" : h.date.c_str(),
                st.Bold(), Truncate(h.title.empty() ? "(no title)" : h.title, 90).c_str(), st.Reset(), st.Dim(),
                h.id.c_str(), st.Reset());
    if (!h.snippet.empty()) std::printf("     %s\n", Highlighted(h.snippet, h.snippet_highlights, st).c_str());
    for (const QuoteRow& q : h.quotes)
      std::printf("     %s%s%s — %s\n", st.Quote(), Shown(q.kind, q.text, 200).c_str(), st.Reset(), q.speaker.c_str());
    for (const CountRow& c : h.counts)
      std::printf("     %s%s %lld%s %s%s%s\n", st.Count(), c.type.c_str(), static_cast<long long>(c.number),
                  st.Reset(), c.victims.c_str(), c.event_date.empty() ? "" : " @", c.event_date.c_str());
  }
  if (facets) {
    std::printf("\n");
    PrintFacet("people", facets->people, st);
    PrintFacet("organisations", facets->orgs, st);
    PrintFacet("places", facets->places, st);
    PrintFacet("sources", facets->sources, st);
  }
  if (timeline) {
    std::printf("\n");
    int64_t max = 1;
    for (const auto& b : timeline->buckets) max = std::max(max, b.articles);
    for (const auto& b : timeline->buckets) {
      const int bar = static_cast<int>(b.articles * 40 / max);
      std::printf("%-10s %6lld %s\n", b.period.c_str(), static_cast<long long>(b.articles),
                  std::string(std::max(bar, 1), '#').c_str());
    }
    if (timeline->undated > 0) std::printf("%-10s %6lld\n", "undated", static_cast<long long>(timeline->undated));
  }
  return kExitOk;
}

// ---- show ----

struct ShowArgs : CommonArgs {
  std::string id;
};

int RunShow(const ShowArgs& a) {
  auto archive = OpenArchive(a.db);
  if (!archive.ok()) return ReportError(archive.status());
  auto v = (*archive)->GetArticle(a.id);
  if (!v.ok()) return ReportError(v.status());
  if (a.json) {
    std::string out;
    JsonWriter w(&out);
    WriteArticleJson(*v, &w);
    PrintJson(out);
    return kExitOk;
  }
  const Style st = StyleFor(a);
  const AnnotatedDoc& d = v->doc;
  const std::string& text = d.doc.text;
  std::printf("%s%s%s\n%s%s  %s  %s  id %s%s\n\n", st.Bold(), d.doc.title.c_str(), st.Reset(), st.Dim(),
              d.doc.date.ToIso().c_str(), d.doc.source.c_str(), d.doc.url.c_str(), d.doc.id.c_str(), st.Reset());
  // Paint the text: one style per byte, later layers over earlier ones.
  std::vector<const char*> paint(text.size(), nullptr);
  auto layer = [&](uint32_t s, uint32_t e, const char* style) {
    for (uint32_t i = s; i < e && i < paint.size(); ++i) paint[i] = style;
  };
  for (const Quote& q : d.quotes) layer(q.start, q.end, st.Quote());
  for (const TimeExpr& t : d.times) layer(t.start, t.end, st.Time());
  for (const EntityMention& m : d.mentions)
    layer(m.start, m.end, m.type == EntityType::kPerson ? st.Person() : m.type == EntityType::kOrg ? st.Org() : st.Place());
  for (const Count& c : d.counts) layer(c.start, c.end, st.Count());
  std::string out;
  const char* cur = nullptr;
  for (size_t i = 0; i < text.size(); ++i) {
    if (st.on && paint[i] != cur) {
      out += st.Reset();
      if (paint[i]) out += paint[i];
      cur = paint[i];
    }
    out.push_back(text[i]);
  }
  if (st.on) out += st.Reset();
  std::printf("%s\n\n", out.c_str());
  std::printf("%sEntities%s\n", st.Bold(), st.Reset());
  for (const Entity& e : d.entities)
    std::printf("  %-8s %s%s%s%s\n", std::string(EntityTypeName(e.type)).c_str(), e.canonical.c_str(),
                e.role.empty() ? "" : " (", e.role.c_str(), e.role.empty() ? "" : ")");
  std::printf("%sTimes%s\n", st.Bold(), st.Reset());
  for (const TimeExpr& t : d.times)
    std::printf("  %-24s %s\n", text.substr(t.start, t.end - t.start).c_str(), t.value.c_str());
  if (!d.event_dates.empty()) {
    std::printf("  event dates:");
    for (const auto& e : d.event_dates) std::printf(" %s", e.c_str());
    std::printf("\n");
  }
  std::printf("%sCounts%s\n", st.Bold(), st.Reset());
  for (const Count& c : d.counts)
    std::printf("  %-9s %lld %s%s%s%s%s\n", std::string(CountTypeName(c.type)).c_str(), static_cast<long long>(c.number),
                c.victims.c_str(), c.place.empty() ? "" : " in ", c.place.c_str(), c.date.empty() ? "" : " on ",
                c.date.c_str());
  std::printf("%sQuotes%s\n", st.Bold(), st.Reset());
  for (const Quote& q : d.quotes)
    std::printf("  %s — %s\n", Shown(QuoteKindName(q.kind), text.substr(q.start, q.end - q.start), 160).c_str(),
                q.speaker && !q.speaker->name.empty() ? q.speaker->name.c_str() : "(unknown)");
  return kExitOk;
}

// ---- quotes, counts ----

struct ListArgs : CommonArgs {
  std::string query;
  int limit = 100;
  int offset = 0;
  // counts only: as the API's /api/counts (docs/api.md)
  std::string sort = "article";
  bool ascending = false;
  std::string type;
  int64_t min = 0;
  bool descending = false;
};

int RunQuotes(const ListArgs& a) {
  auto archive = OpenArchive(a.db);
  if (!archive.ok()) return ReportError(archive.status());
  auto r = (*archive)->ListQuotes(a.query, ListOptions{a.offset, a.limit});
  if (!r.ok()) return QueryError(r.status(), a.query);
  if (a.json) {
    std::string out;
    JsonWriter w(&out);
    WriteQuotesJson(*r, &w);
    PrintJson(out);
    return kExitOk;
  }
  const Style st = StyleFor(a);
  for (const QuoteRow& q : *r)
    std::printf("%-10s %s%-24s%s %s%s%s  %s%s%s\n", q.date.c_str(), st.Bold(),
                q.speaker.empty() ? "(unknown)" : q.speaker.c_str(), st.Reset(), st.Quote(),
                Shown(q.kind, q.text, 160).c_str(), st.Reset(), st.Dim(), q.article_id.c_str(), st.Reset());
  return kExitOk;
}

int RunCounts(const ListArgs& a) {
  CountListOptions co;
  co.offset = a.offset;
  co.limit = a.limit;
  co.type = a.type;
  co.min_number = a.min;
  if (!ParseCountOrder(a.sort, &co.order)) {
    return ReportError(
        Status::InvalidArgument("--sort: expected article, number, type, place, event_date or published"));
  }
  // Article order reads oldest first unless --desc; the others, like the
  // incidents page, largest first unless --asc.
  co.descending = co.order == CountOrder::kArticle ? a.descending : !a.ascending;
  auto archive = OpenArchive(a.db);
  if (!archive.ok()) return ReportError(archive.status());
  auto r = (*archive)->ListCounts(a.query, co);
  if (!r.ok()) return QueryError(r.status(), a.query);
  if (a.json) {
    std::string out;
    JsonWriter w(&out);
    WriteCountsJson(*r, &w);
    PrintJson(out);
    return kExitOk;
  }
  const Style st = StyleFor(a);
  for (const CountRow& c : *r)
    std::printf("%-10s %s%-9s %8lld%s %-12s %-30s %-14s %-16s %s%s%s\n", c.date.c_str(), st.Count(), c.type.c_str(),
                static_cast<long long>(c.number), st.Reset(), c.qualifier.c_str(), Truncate(c.victims, 30).c_str(),
                Truncate(c.place, 14).c_str(), c.event_date.c_str(), st.Dim(), c.article_id.c_str(), st.Reset());
  return kExitOk;
}

// ---- export, stats ----

struct ExportArgs {
  std::string db;
  std::string query;
  std::string format = "jsonl";
};

int RunExport(const ExportArgs& a) {
  ExportFormat f;
  if (!ParseExportFormat(a.format, &f))
    return ReportError(Status::InvalidArgument("--format: expected jsonl, csv or gkg"));
  auto archive = OpenArchive(a.db);
  if (!archive.ok()) return ReportError(archive.status());
  Status st = (*archive)->Export(a.query, f, [](std::string_view chunk) {
    std::fwrite(chunk.data(), 1, chunk.size(), stdout);
  });
  std::fflush(stdout);
  if (!st.ok()) return QueryError(st, a.query);
  return kExitOk;
}

int RunStats(const CommonArgs& a) {
  auto archive = OpenArchive(a.db, /*verify_index_checksums=*/true);
  if (!archive.ok()) return ReportError(archive.status());
  auto s = (*archive)->Stats();
  if (!s.ok()) return ReportError(s.status());
  auto index = (*archive)->CheckIndex();
  if (!index.ok()) return ReportError(index.status());
  if (a.json) {
    std::string out;
    JsonWriter w(&out);
    WriteStatsJson(*s, &w);
    PrintJson(out);
    return kExitOk;
  }
  auto line = [](const char* k, int64_t v) { std::printf("%-16s %lld\n", k, static_cast<long long>(v)); };
  line("schema version", s->schema_version);
  line("articles", s->articles);
  line("undated", s->undated);
  std::printf("%-16s %s .. %s\n", "dates", s->first_date.c_str(), s->last_date.c_str());
  line("sources", s->sources);
  line("entities", s->entities);
  line("distinct names", s->names);
  line("mentions", s->mentions);
  line("times", s->times);
  line("counts", s->counts);
  line("quotes", s->quotes);
  std::printf("%-16s %.1f MB\n", "file size", s->file_bytes / 1e6);
  if (index->usable) {
    std::printf("%-16s %d segments, %lld documents, checksums %s\n", "text index", index->segments,
                static_cast<long long>(index->documents), index->checksums_verified ? "ok" : "not checked");
    if (index->segments_without_facets > 0) {
      std::printf("%-16s %d segments predate facet codes: facets and timelines are counted from the rows "
                  "(slow on a large archive); run: annals reindex --db %s\n",
                  "", index->segments_without_facets, a.db.c_str());
    }
  } else {
    std::printf("%-16s not used: %s\n", "text index", index->problem.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddSearchCommands(CLI::App* app, int* exit_code) {
  {
    auto a = std::make_shared<SearchArgs>();
    CLI::App* cmd = app->add_subcommand("search", "Search an archive (query language: docs/query-language.md)");
    cmd->add_option("query", a->query, "The query, e.g. 'baku date:1990-01' or 'said:\"Sabina Aliyeva\"'")->required();
    AddCommon(cmd, a.get());
    cmd->add_option("-n,--limit", a->limit, "Hits to show (default 20)");
    cmd->add_option("--offset", a->offset, "Hits to skip");
    cmd->add_option("--sort", a->sort, "relevance (default), recency or oldest");
    cmd->add_flag("--facets", a->facets, "Top people, organisations, places and sources of all matches");
    cmd->add_option("--timeline", a->timeline, "Matches per day, week, month or year");
    cmd->add_flag("--no-snippets", a->no_snippets, "No text snippets");
    cmd->add_flag("--fts5", a->fts5, "Rank with SQLite FTS5 instead of annals' text index (comparison)");
    cmd->callback([a, exit_code] { *exit_code = RunSearch(*a); });
  }
  {
    auto a = std::make_shared<ShowArgs>();
    CLI::App* cmd = app->add_subcommand("show", "Show one article with all its facts");
    cmd->add_option("id", a->id, "Article id (as in search results)")->required();
    AddCommon(cmd, a.get());
    cmd->callback([a, exit_code] { *exit_code = RunShow(*a); });
  }
  for (const char* name : {"quotes", "counts"}) {
    auto a = std::make_shared<ListArgs>();
    const bool quotes = std::string(name) == "quotes";
    CLI::App* cmd = app->add_subcommand(
        name, quotes ? "List the quotes of matching articles (said:NAME: that speaker's)"
                     : "List the victim counts of matching articles (killed>=N: those counts)");
    cmd->add_option("query", a->query, "A search query (default: everything)");
    AddCommon(cmd, a.get());
    cmd->add_option("-n,--limit", a->limit, "Rows to show (default 100)");
    cmd->add_option("--offset", a->offset, "Rows to skip");
    if (!quotes) {
      cmd->add_option("--sort", a->sort,
                      "article (default: oldest article first), number, type, place, event_date or published "
                      "(largest first)");
      cmd->add_flag("--asc", a->ascending, "With --sort other than article: smallest first");
      cmd->add_flag("--desc", a->descending, "With --sort article: newest article first");
      cmd->add_option("--type", a->type, "Only counts of this type: KILL, WOUND, ARREST, ...");
      cmd->add_option("--min", a->min, "Only counts of at least this number");
    }
    cmd->callback([a, exit_code, quotes] { *exit_code = quotes ? RunQuotes(*a) : RunCounts(*a); });
  }
  {
    auto a = std::make_shared<ExportArgs>();
    CLI::App* cmd = app->add_subcommand("export", "Export matching articles and facts: jsonl, csv or gkg");
    cmd->add_option("query", a->query, "A search query (default: everything)");
    cmd->add_option("--db", a->db, "The archive (SQLite file)")->required();
    cmd->add_option("--format", a->format, "jsonl (default), csv or gkg (GDELT GKG 2.1 columns)");
    cmd->callback([a, exit_code] { *exit_code = RunExport(*a); });
  }
  {
    auto a = std::make_shared<CommonArgs>();
    CLI::App* cmd = app->add_subcommand("stats", "Sizes and date range of an archive");
    AddCommon(cmd, a.get());
    cmd->callback([a, exit_code] { *exit_code = RunStats(*a); });
  }
}

}  // namespace annals
