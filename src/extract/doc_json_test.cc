// Tests of the extract JSONL record: the per-fact objects, written straight
// into the line (doc_json.cc), must be byte for byte what JsonWriter writes,
// and their strings escaped exactly as AppendJsonEscaped does, whatever
// bytes they hold and wherever they fall in the 8-byte blocks of the fast
// path.
#include "extract/doc_json.h"

#include <gtest/gtest.h>

#include <string>

#include "core/json_writer.h"

namespace annals {
namespace {

// The mention object JsonWriter writes (the extract's format before the
// fast path).
std::string MentionJson(std::string_view text, const EntityMention& m, const std::string& canonical) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("text", text);
  w.Field("type", EntityTypeName(m.type));
  w.Field("start", m.start);
  w.Field("end", m.end);
  w.Field("canonical", canonical);
  w.EndObject();
  return out;
}

TEST(DocJson, StringsEscapeAsJsonWriterForEveryByteAndAlignment) {
  // Each byte value (control characters, '"', '\\', DEL, UTF-8 bytes) at
  // every offset of a 8-byte block, amid plain letters, in texts of
  // lengths around the block size.
  for (int b = 0; b < 256; ++b) {
    for (size_t len = 1; len <= 19; ++len) {
      for (size_t at = 0; at < len; ++at) {
        AnnotatedDoc d;
        d.doc.id = "x";
        std::string text(len, 'a');
        text[at] = static_cast<char>(b);
        d.doc.text = text;
        EntityMention m;
        m.start = 0;
        m.end = static_cast<uint32_t>(len);
        m.type = EntityType::kPerson;
        m.entity = 0;
        d.mentions.push_back(m);
        Entity e;
        e.canonical = text + "\"\\" + text;
        e.type = EntityType::kPerson;
        e.mentions = 1;
        d.entities.push_back(e);
        std::string line;
        AppendDocJson(d, DocJsonOptions{}, &line);
        const std::string want = "\"entities\":[" + MentionJson(text, m, e.canonical) + "]";
        ASSERT_NE(line.find(want), std::string::npos) << "byte " << b << " at " << at << " of " << len;
      }
    }
  }
}

TEST(DocJson, FactObjectsMatchJsonWriter) {
  AnnotatedDoc d;
  d.doc.id = "7";
  d.doc.text = "Aliyeva said \"it was\tcold\" on Monday.";
  d.mentions.push_back({0, 7, EntityType::kPerson, 0});
  d.entities.push_back({"Sabina Aliyeva", EntityType::kPerson, 1, "minister", "Azerbaijan"});
  TimeExpr t;
  t.start = 30;
  t.end = 36;
  t.value = "2025-01-20";
  t.range_begin = "2025-01-20";
  t.range_end = "2025-01-21";
  t.mod = "START";
  t.anchor = TimeAnchor::kNarrative;
  d.times.push_back(t);
  Quote q;
  q.kind = QuoteKind::kDirect;
  q.start = 14;
  q.end = 25;
  q.cue = "said";
  q.cue_start = 8;
  q.cue_end = 12;
  Speaker s;
  s.name = "Sabina Aliyeva";
  s.mention = "Aliyeva";
  s.mention_start = 0;
  s.mention_end = 7;
  s.type = "PERSON";
  q.speaker = s;
  d.quotes.push_back(q);
  Quote bare;  // no cue, no speaker: nulls
  bare.kind = QuoteKind::kFragment;
  bare.start = 14;
  bare.end = 16;
  d.quotes.push_back(bare);
  std::string line;
  AppendDocJson(d, DocJsonOptions{}, &line);

  std::string want;
  JsonWriter w(&want);
  w.BeginObject();  // (for the separators; its '{' is dropped below)
  w.Key("entity_list");
  w.BeginArray();
  w.BeginObject();
  w.Field("name", "Sabina Aliyeva");
  w.Field("type", "PERSON");
  w.Field("mentions", 1);
  w.Field("role", "minister");
  w.Field("affiliation", "Azerbaijan");
  w.EndObject();
  w.EndArray();
  w.Key("times");
  w.BeginArray();
  w.BeginObject();
  w.Field("text", "Monday");
  w.Field("start", 30);
  w.Field("end", 36);
  w.Field("type", "DATE");
  w.Field("value", "2025-01-20");
  w.Key("range");
  w.BeginObject();
  w.Field("begin", "2025-01-20");
  w.Field("end", "2025-01-21");
  w.EndObject();
  w.Field("mod", "START");
  w.Field("anchor", "narrative");
  w.EndObject();
  w.EndArray();
  want.erase(0, 1);
  EXPECT_NE(line.find(want), std::string::npos) << line << "\n" << want;

  std::string quotes;
  JsonWriter qw(&quotes);
  qw.Key("quotes");
  qw.BeginArray();
  qw.BeginObject();
  qw.Field("kind", "direct");
  qw.Field("text", "it was\tcold");
  qw.Field("start", 14);
  qw.Field("end", 25);
  qw.Field("cue", "said");
  qw.Field("cue_start", 8);
  qw.Field("cue_end", 12);
  qw.Key("speaker");
  qw.BeginObject();
  qw.Field("name", "Sabina Aliyeva");
  qw.Field("mention", "Aliyeva");
  qw.Field("mention_start", 0);
  qw.Field("mention_end", 7);
  qw.Field("type", "PERSON");
  qw.Key("role");
  qw.Null();
  qw.EndObject();
  qw.EndObject();
  qw.BeginObject();
  qw.Field("kind", "fragment");
  qw.Field("text", "it");
  qw.Field("start", 14);
  qw.Field("end", 16);
  qw.Key("cue");
  qw.Null();
  qw.Key("speaker");
  qw.Null();
  qw.EndObject();
  qw.EndArray();
  EXPECT_NE(line.find(quotes), std::string::npos) << line;
}

}  // namespace
}  // namespace annals
