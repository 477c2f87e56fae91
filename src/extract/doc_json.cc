// Serialises an AnnotatedDoc as one line of extract JSONL.
#include "extract/doc_json.h"

#include <charconv>
#include <cstdint>
#include <cstring>
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

// True if any of the 8 bytes of w needs a JSON escape: below 0x20, '"' or
// '\\' (the bytes AppendJsonEscaped rewrites). Exact for "none": the
// classic has-zero / has-less word tricks never miss such a byte.
inline bool AnyNeedsEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  const bool control = ((w - kOnes * 0x20) & ~w & kHigh) != 0;
  return control || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\'));
}

// AppendJsonEscaped, 8 bytes at a time where no byte needs escaping: the
// quotes' and mentions' texts are most of the JSONL (64 MB for Reuters),
// and the byte-at-a-time loop was 4% of the extract's instructions. An
// escape depends on its byte alone, so handing AppendJsonEscaped the words
// that need one gives exactly its bytes.
void AppendEscaped(std::string_view s, std::string* out) {
  const size_t n = s.size();
  size_t i = 0;
  size_t run = 0;  // start of the pending bytes that need no escape
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (!AnyNeedsEscape(w)) continue;
    out->append(s.data() + run, i - run);
    AppendJsonEscaped(s.substr(i, 8), out);
    run = i + 8;
  }
  // The last 0..7 bytes, usually clean too: then one append for all.
  bool clean = true;
  for (size_t k = i; k < n; ++k) {
    const unsigned char c = static_cast<unsigned char>(s[k]);
    clean &= c >= 0x20 && c != '"' && c != '\\';
  }
  if (clean) {
    out->append(s.data() + run, n - run);
    return;
  }
  out->append(s.data() + run, i - run);
  AppendJsonEscaped(s.substr(i), out);
}

// One JSON object of the per-fact arrays (mentions, entities, times,
// quotes), written straight into the output: its keys are plain literals
// that need no escaping, so they are appended as written instead of going
// through JsonWriter::Key's escaping and separator bookkeeping, which with
// the other per-field calls made JSON ~6% of `annals extract`. The bytes
// are exactly JsonWriter's (json_writer.cc): `{"key":value,...}`, values
// escaped by the same AppendJsonEscaped, integers by the same to_chars.
class FlatObject {
 public:
  // An element of the array `w` is writing into `out` (w writes the comma).
  FlatObject(JsonWriter* w, std::string* out) : out_(out) {
    w->Raw({});  // only the separator
    out_->push_back('{');
  }
  // An object as the value of a key just written with Key below.
  explicit FlatObject(std::string* out) : out_(out) { out_->push_back('{'); }
  ~FlatObject() { out_->push_back('}'); }
  FlatObject(const FlatObject&) = delete;
  FlatObject& operator=(const FlatObject&) = delete;

  // `key` must need no JSON escaping (a literal of letters and '_').
  void Key(std::string_view key) { Key(key, false); }
  // `,"key":`, and the opening quote of a string value if `open_quote`, as
  // one append (keys are short literals).
  void Key(std::string_view key, bool open_quote) {
    char buf[40];
    size_t n = 0;
    if (!first_) buf[n++] = ',';
    first_ = false;
    buf[n++] = '"';
    if (key.size() > sizeof buf - 5) {
      out_->append(buf, n);
      out_->append(key);
      out_->append(open_quote ? "\":\"" : "\":");
      return;
    }
    std::memcpy(buf + n, key.data(), key.size());
    n += key.size();
    buf[n++] = '"';
    buf[n++] = ':';
    if (open_quote) buf[n++] = '"';
    out_->append(buf, n);
  }
  void String(std::string_view key, std::string_view v) {
    Key(key, true);
    AppendEscaped(v, out_);
    out_->push_back('"');
  }
  void Int(std::string_view key, int64_t v) {
    Key(key);
    char buf[24];
    const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v);
    out_->append(buf, r.ptr);
  }
  // null for "" (as OptionalString).
  void OptionalString(std::string_view key, const std::string& v) {
    if (v.empty()) {
      Key(key);
      out_->append("null");
    } else {
      String(key, v);
    }
  }
  void Null(std::string_view key) {
    Key(key);
    out_->append("null");
  }

 private:
  std::string* out_;
  bool first_ = true;
};

void WriteEntities(const AnnotatedDoc& d, JsonWriter* w, std::string* out) {
  w->Key("entities");
  w->BeginArray();
  for (const EntityMention& m : d.mentions) {
    FlatObject o(w, out);
    o.String("text", Slice(d.doc.text, m.start, m.end));
    o.String("type", EntityTypeName(m.type));
    o.Int("start", m.start);
    o.Int("end", m.end);
    if (m.entity >= 0 && static_cast<size_t>(m.entity) < d.entities.size())
      o.String("canonical", d.entities[m.entity].canonical);
  }
  w->EndArray();
  w->Key("entity_list");
  w->BeginArray();
  for (const Entity& e : d.entities) {
    FlatObject o(w, out);
    o.String("name", e.canonical);
    o.String("type", EntityTypeName(e.type));
    o.Int("mentions", e.mentions);
    if (!e.role.empty()) o.String("role", e.role);
    if (!e.affiliation.empty()) o.String("affiliation", e.affiliation);
  }
  w->EndArray();
}

void WriteTimes(const AnnotatedDoc& d, JsonWriter* w, std::string* out) {
  w->Key("times");
  w->BeginArray();
  for (const TimeExpr& t : d.times) {
    FlatObject o(w, out);
    o.String("text", Slice(d.doc.text, t.start, t.end));
    o.Int("start", t.start);
    o.Int("end", t.end);
    o.String("type", TimexTypeName(t.type));
    o.String("value", t.value);
    if (!t.range_begin.empty() || !t.range_end.empty()) {
      o.Key("range");
      FlatObject r(out);
      r.String("begin", t.range_begin);
      r.String("end", t.range_end);
    }
    if (!t.mod.empty()) o.String("mod", t.mod);
    o.String("anchor", TimeAnchorName(t.anchor));
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

void WriteQuotes(const AnnotatedDoc& d, JsonWriter* w, std::string* out) {
  w->Key("quotes");
  w->BeginArray();
  for (const Quote& q : d.quotes) {
    FlatObject o(w, out);
    o.String("kind", QuoteKindName(q.kind));
    o.String("text", Slice(d.doc.text, q.start, q.end));
    o.Int("start", q.start);
    o.Int("end", q.end);
    o.OptionalString("cue", q.cue);
    if (!q.cue.empty()) {
      o.Int("cue_start", q.cue_start);
      o.Int("cue_end", q.cue_end);
    }
    if (!q.speaker) {
      o.Null("speaker");
    } else {
      const Speaker& s = *q.speaker;
      o.Key("speaker");
      FlatObject so(out);
      so.OptionalString("name", s.name);
      so.String("mention", s.mention);
      so.Int("mention_start", s.mention_start);
      so.Int("mention_end", s.mention_end);
      so.OptionalString("type", s.type);
      so.OptionalString("role", s.role);
    }
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
  WriteEntities(d, &w, out);
  WriteTimes(d, &w, out);
  WriteCounts(d, &w);
  WriteQuotes(d, &w, out);
  w.EndObject();
}

}  // namespace annals
