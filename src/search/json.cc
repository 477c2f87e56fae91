// JSON serialisation of Archive results.
#include "search/json.h"

#include "extract/doc_json.h"
#include "search/query.h"

namespace annals {

namespace {

void Names(const char* key, const std::vector<FacetValue>& v, JsonWriter* w) {
  w->Key(key);
  w->BeginArray();
  for (const FacetValue& f : v) {
    w->BeginObject();
    w->Field("name", f.name);
    w->Field("articles", f.articles);
    w->EndObject();
  }
  w->EndArray();
}

const char* PeriodName(Period p) {
  switch (p) {
    case Period::kDay: return "day";
    case Period::kWeek: return "week";
    case Period::kMonth: return "month";
    case Period::kYear: return "year";
  }
  return "month";
}

}  // namespace

void WriteQuoteJson(const QuoteRow& q, JsonWriter* w) {
  w->BeginObject();
  w->Field("article_id", q.article_id);
  w->Field("date", q.date);
  w->Field("title", q.title);
  w->Field("index", q.index);
  w->Field("kind", q.kind);
  w->Field("text", q.text);
  w->Field("start", q.start);
  w->Field("end", q.end);
  w->Field("cue", q.cue);
  // The speaker as in the extract record (docs/output-format.md): name null
  // when the quote could not be attributed, the raw mention kept.
  w->Key("speaker");
  w->BeginObject();
  w->Key("name");
  if (q.speaker.empty()) w->Null();
  else w->String(q.speaker);
  w->Field("mention", q.speaker_mention);
  w->Field("role", q.speaker_role);
  w->EndObject();
  w->EndObject();
}

void WriteCountJson(const CountRow& c, JsonWriter* w) {
  w->BeginObject();
  w->Field("article_id", c.article_id);
  w->Field("published", c.date);
  w->Field("title", c.title);
  w->Field("index", c.index);
  w->Field("type", c.type);
  w->Field("number", c.number);
  w->Field("qualifier", c.qualifier);
  w->Field("victims", c.victims);
  w->Field("place", c.place);
  w->Field("date", c.event_date);  // the event's date, as in the extract record
  w->Field("perpetrator", c.perpetrator);
  w->Field("text", c.evidence);
  w->Field("start", c.start);
  w->Field("end", c.end);
  w->EndObject();
}

void WriteQuotesJson(const std::vector<QuoteRow>& v, JsonWriter* w) {
  w->BeginArray();
  for (const QuoteRow& q : v) WriteQuoteJson(q, w);
  w->EndArray();
}

void WriteCountsJson(const std::vector<CountRow>& v, JsonWriter* w) {
  w->BeginArray();
  for (const CountRow& c : v) WriteCountJson(c, w);
  w->EndArray();
}

void WriteSearchResultJson(const SearchResult& r, JsonWriter* w) {
  w->BeginObject();
  w->Field("query", r.query);
  w->Field("total", r.total);
  // Only a lower bound is labelled: the CLI counts exactly, and its output stays as it was.
  if (!r.total_exact) w->Field("total_exact", false);
  w->Field("ranked", r.ranked);
  w->Field("engine", r.engine);
  if (!r.notice.empty()) w->Field("notice", r.notice);
  w->Field("elapsed_ms", r.elapsed_ms);
  w->Key("hits");
  w->BeginArray();
  for (const SearchHit& h : r.hits) {
    w->BeginObject();
    w->Field("id", h.id);
    w->Field("date", h.date);
    w->Field("title", h.title);
    w->Field("source", h.source);
    w->Field("url", h.url);
    w->Field("score", h.score);
    w->Field("snippet", h.snippet);
    w->Key("highlights");
    w->BeginArray();
    for (const Highlight& x : h.snippet_highlights) {
      w->BeginArray();
      w->Int(x.start);
      w->Int(x.end);
      w->EndArray();
    }
    w->EndArray();
    if (!h.quotes.empty()) {
      w->Key("quotes");
      WriteQuotesJson(h.quotes, w);
    }
    if (!h.counts.empty()) {
      w->Key("counts");
      WriteCountsJson(h.counts, w);
    }
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

void WriteFacetsJson(const Facets& f, JsonWriter* w) {
  w->BeginObject();
  Names("people", f.people, w);
  Names("orgs", f.orgs, w);
  Names("places", f.places, w);
  Names("sources", f.sources, w);
  w->EndObject();
}

void WriteTimelineJson(const Timeline& t, JsonWriter* w) {
  w->BeginObject();
  w->Field("period", PeriodName(t.period));
  w->Field("undated", t.undated);
  w->Key("buckets");
  w->BeginArray();
  for (const TimelineBucket& b : t.buckets) {
    w->BeginObject();
    w->Field("period", b.period);
    w->Field("first_day", b.first_day);
    w->Field("articles", b.articles);
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

void WriteArticleJson(const ArticleView& a, JsonWriter* w) {
  std::string record;
  DocJsonOptions o;
  o.with_text = true;
  AppendDocJson(a.doc, o, &record);
  // Splice key and ingested_at into the extract record: drop its closing '}'.
  if (!record.empty() && record.back() == '}') record.pop_back();
  record += ",\"key\":" + std::to_string(a.key) + ",\"ingested_at\":" + std::to_string(a.ingested_at) + "}";
  w->Raw(record);
}

void WriteEntityJson(const EntityView& e, JsonWriter* w) {
  w->BeginObject();
  w->Field("name", e.name);
  w->Field("type", e.type);
  w->Field("articles", e.articles);
  w->Key("roles");
  w->BeginArray();
  for (const std::string& r : e.roles) w->String(r);
  w->EndArray();
  w->Key("mentions_by_month");
  w->BeginArray();
  for (const EntityMonth& m : e.mentions_by_month) {
    w->BeginObject();
    w->Field("month", m.month);
    w->Field("articles", m.articles);
    w->EndObject();
  }
  w->EndArray();
  w->Key("quotes");
  WriteQuotesJson(e.quotes, w);
  Names("co_occurring", e.co_occurring, w);
  w->EndObject();
}

void WriteStatsJson(const ArchiveStats& s, JsonWriter* w) {
  w->BeginObject();
  w->Field("schema_version", s.schema_version);
  w->Field("articles", s.articles);
  w->Field("sources", s.sources);
  w->Field("entities", s.entities);
  w->Field("names", s.names);
  w->Field("mentions", s.mentions);
  w->Field("times", s.times);
  w->Field("counts", s.counts);
  w->Field("quotes", s.quotes);
  w->Field("first_date", s.first_date);
  w->Field("last_date", s.last_date);
  w->Field("undated", s.undated);
  w->Field("file_bytes", s.file_bytes);
  w->EndObject();
}

void WriteErrorJson(const Status& status, JsonWriter* w) {
  w->BeginObject();
  w->Field("error", status.message());
  const int pos = QueryErrorPosition(status);
  if (pos > 0) w->Field("position", pos);
  w->EndObject();
}

}  // namespace annals
