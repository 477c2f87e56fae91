// Serialises an AnnotatedDoc as one line of extract JSONL.
#include "extract/doc_json.h"

#include <string_view>

#include "core/json_writer.h"

namespace annals {

namespace {

std::string_view Slice(const std::string& text, uint32_t start, uint32_t end) {
  if (start > end || end > text.size()) return {};
  return std::string_view(text).substr(start, end - start);
}

std::string_view PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMissing: break;
  }
  return "missing";
}

void WriteEntities(const AnnotatedDoc& d, JsonWriter* w) {
  w->Key("entities");
  w->BeginArray();
  for (const EntityMention& m : d.mentions) {
    w->BeginObject();
    w->Field("text", Slice(d.doc.text, m.start, m.end));
    w->Field("type", EntityTypeName(m.type));
    w->Field("start", m.start);
    w->Field("end", m.end);
    if (m.entity >= 0 && static_cast<size_t>(m.entity) < d.entities.size())
      w->Field("canonical", d.entities[m.entity].canonical);
    w->EndObject();
  }
  w->EndArray();
  w->Key("entity_list");
  w->BeginArray();
  for (const Entity& e : d.entities) {
    w->BeginObject();
    w->Field("name", e.canonical);
    w->Field("type", EntityTypeName(e.type));
    w->Field("mentions", e.mentions);
    if (!e.role.empty()) w->Field("role", e.role);
    if (!e.affiliation.empty()) w->Field("affiliation", e.affiliation);
    w->EndObject();
  }
  w->EndArray();
}

void WriteTimes(const AnnotatedDoc& d, JsonWriter* w) {
  w->Key("times");
  w->BeginArray();
  for (const TimeExpr& t : d.times) {
    w->BeginObject();
    w->Field("text", Slice(d.doc.text, t.start, t.end));
    w->Field("start", t.start);
    w->Field("end", t.end);
    w->Field("type", TimexTypeName(t.type));
    w->Field("value", t.value);
    if (!t.range_begin.empty() || !t.range_end.empty()) {
      w->Key("range");
      w->BeginObject();
      w->Field("begin", t.range_begin);
      w->Field("end", t.range_end);
      w->EndObject();
    }
    if (!t.mod.empty()) w->Field("mod", t.mod);
    w->Field("anchor", TimeAnchorName(t.anchor));
    w->EndObject();
  }
  w->EndArray();
  w->Key("event_dates");
  w->BeginArray();
  for (const std::string& v : d.event_dates) w->String(v);
  w->EndArray();
}

void OptionalString(JsonWriter* w, std::string_view key, const std::string& v) {
  w->Key(key);
  if (v.empty()) w->Null();
  else w->String(v);
}

void WriteCounts(const AnnotatedDoc& d, JsonWriter* w) {
  w->Key("counts");
  w->BeginArray();
  for (const Count& c : d.counts) {
    w->BeginObject();
    w->Field("type", CountTypeName(c.type));
    w->Field("number", c.number);
    w->Field("qualifier", CountQualifierName(c.qualifier));
    OptionalString(w, "victims", c.victims);
    OptionalString(w, "place", c.place);
    OptionalString(w, "date", c.date);
    OptionalString(w, "perpetrator", c.perpetrator);
    w->Field("text", Slice(d.doc.text, c.start, c.end));
    w->Field("start", c.start);
    w->Field("end", c.end);
    w->Field("sentence", c.sentence);
    w->Field("incident", c.incident);
    w->EndObject();
  }
  w->EndArray();
}

void WriteQuotes(const AnnotatedDoc& d, JsonWriter* w) {
  w->Key("quotes");
  w->BeginArray();
  for (const Quote& q : d.quotes) {
    w->BeginObject();
    w->Field("kind", QuoteKindName(q.kind));
    w->Field("text", Slice(d.doc.text, q.start, q.end));
    w->Field("start", q.start);
    w->Field("end", q.end);
    OptionalString(w, "cue", q.cue);
    if (!q.cue.empty()) {
      w->Field("cue_start", q.cue_start);
      w->Field("cue_end", q.cue_end);
    }
    w->Key("speaker");
    if (!q.speaker) {
      w->Null();
    } else {
      const Speaker& s = *q.speaker;
      w->BeginObject();
      OptionalString(w, "name", s.name);
      w->Field("mention", s.mention);
      w->Field("mention_start", s.mention_start);
      w->Field("mention_end", s.mention_end);
      OptionalString(w, "type", s.type);
      OptionalString(w, "role", s.role);
      w->EndObject();
    }
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace

void AppendDocJson(const AnnotatedDoc& d, const DocJsonOptions& opt, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("schema", kOutputSchemaVersion);
  w.Field("id", d.doc.id);
  w.Key("date");
  if (d.doc.date.precision == DatePrecision::kMissing) w.Null();
  else w.String(d.doc.date.ToIso());
  w.Field("date_precision", PrecisionName(d.doc.date.precision));
  w.Field("title", d.doc.title);
  w.Field("source", d.doc.source);
  w.Field("url", d.doc.url);
  if (!d.doc.language.empty()) w.Field("language", d.doc.language);
  if (opt.with_text) w.Field("text", d.doc.text);
  if (opt.with_sentences) {
    w.Key("sentences");
    w.BeginArray();
    for (const Sentence& s : d.layout.sentences) {
      w.BeginObject();
      w.Field("start", s.start);
      w.Field("end", s.end);
      w.EndObject();
    }
    w.EndArray();
  }
  if (opt.with_tokens) {
    w.Key("tokens");
    w.BeginArray();
    for (const Token& t : d.layout.tokens) {
      w.BeginArray();
      w.Int(t.start);
      w.Int(t.end);
      w.EndArray();
    }
    w.EndArray();
  }
  WriteEntities(d, &w);
  WriteTimes(d, &w);
  WriteCounts(d, &w);
  WriteQuotes(d, &w);
  w.EndObject();
}

}  // namespace annals
