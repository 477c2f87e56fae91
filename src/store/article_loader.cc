// Reads an article row and its fact rows into an AnnotatedDoc.
#include "store/article_loader.h"

namespace annals {

namespace {

uint32_t U32(SqliteStmt* s, int col) { return static_cast<uint32_t>(s->Int(col)); }

}  // namespace

Result<std::optional<int64_t>> FindArticleKey(SqliteDb* db, std::string_view ext_id) {
  ANNALS_ASSIGN_STMT(s, db, "SELECT id FROM articles WHERE ext_id = ?1");
  s->BindText(1, ext_id);
  Status st;
  std::optional<int64_t> key;
  if (s->Step(&st)) key = s->Int(0);
  s->Reset();
  if (!st.ok()) return st;
  return key;
}

Result<StoredArticle> LoadArticle(SqliteDb* db, int64_t key) {
  StoredArticle out;
  out.key = key;
  AnnotatedDoc& ad = out.doc;
  Document& d = ad.doc;
  Status st;
  {
    ANNALS_ASSIGN_STMT(s, db,
                       "SELECT a.ext_id, a.date, a.title, a.text, s.name, a.url, a.language, a.origin, a.ingested_at "
                       "FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1");
    s->BindInt(1, key);
    if (!s->Step(&st)) {
      s->Reset();
      if (!st.ok()) return st;
      return Status::NotFound("no article with key " + std::to_string(key));
    }
    d.id = s->Str(0);
    if (!s->IsNull(1)) {
      auto date = ParseIsoDate(s->Text(1));
      if (!date.ok()) {
        s->Reset();
        return Status::Corruption("article " + d.id + ": stored date: " + date.status().message());
      }
      d.date = *date;
    }
    d.title = s->Str(2);
    d.text = s->Str(3);
    d.source = s->Str(4);
    d.url = s->Str(5);
    d.language = s->Str(6);
    d.origin = s->Str(7);
    out.ingested_at = s->Int(8);
    s->Reset();
  }
  {
    ANNALS_ASSIGN_STMT(s, db,
                       "SELECT n.name, e.type, e.mentions, e.role, e.affiliation FROM entities e "
                       "JOIN names n ON n.id = e.name_id WHERE e.article = ?1 ORDER BY e.idx");
    s->BindInt(1, key);
    while (s->Step(&st)) {
      Entity e;
      e.canonical = s->Str(0);
      e.type = static_cast<EntityType>(s->Int(1));
      e.mentions = U32(s, 2);
      e.role = s->Str(3);
      e.affiliation = s->Str(4);
      ad.entities.push_back(std::move(e));
    }
    s->Reset();
    if (!st.ok()) return st;
  }
  {
    ANNALS_ASSIGN_STMT(s, db,
                       "SELECT span_start, span_end, type, entity FROM mentions WHERE article = ?1 ORDER BY idx");
    s->BindInt(1, key);
    while (s->Step(&st)) {
      EntityMention m;
      m.start = U32(s, 0);
      m.end = U32(s, 1);
      m.type = static_cast<EntityType>(s->Int(2));
      m.entity = static_cast<int32_t>(s->Int(3));
      ad.mentions.push_back(m);
    }
    s->Reset();
    if (!st.ok()) return st;
  }
  {
    ANNALS_ASSIGN_STMT(s, db,
                       "SELECT span_start, span_end, type, value, range_begin, range_end, anchor, mod FROM times "
                       "WHERE article = ?1 ORDER BY idx");
    s->BindInt(1, key);
    while (s->Step(&st)) {
      TimeExpr t;
      t.start = U32(s, 0);
      t.end = U32(s, 1);
      t.type = static_cast<TimexType>(s->Int(2));
      t.value = s->Str(3);
      t.range_begin = s->Str(4);
      t.range_end = s->Str(5);
      t.anchor = static_cast<TimeAnchor>(s->Int(6));
      t.mod = s->Str(7);
      ad.times.push_back(std::move(t));
    }
    s->Reset();
    if (!st.ok()) return st;
  }
  {
    ANNALS_ASSIGN_STMT(s, db, "SELECT value FROM event_dates WHERE article = ?1 AND from_count = 0 ORDER BY rank");
    s->BindInt(1, key);
    while (s->Step(&st)) ad.event_dates.push_back(s->Str(0));
    s->Reset();
    if (!st.ok()) return st;
  }
  {
    ANNALS_ASSIGN_STMT(s, db,
                       "SELECT type, number, qualifier, victims, place, date, perpetrator, span_start, span_end, "
                       "sentence FROM counts WHERE article = ?1 ORDER BY idx");
    s->BindInt(1, key);
    while (s->Step(&st)) {
      Count c;
      c.type = static_cast<CountType>(s->Int(0));
      c.number = s->Int(1);
      c.qualifier = static_cast<CountQualifier>(s->Int(2));
      c.victims = s->Str(3);
      c.place = s->Str(4);
      c.date = s->Str(5);
      c.perpetrator = s->Str(6);
      c.start = U32(s, 7);
      c.end = U32(s, 8);
      c.sentence = U32(s, 9);
      ad.counts.push_back(std::move(c));
    }
    s->Reset();
    if (!st.ok()) return st;
  }
  {
    ANNALS_ASSIGN_STMT(s, db,
                       "SELECT kind, span_start, span_end, cue, cue_start, cue_end, has_speaker, speaker_name, "
                       "speaker_mention, speaker_mention_start, speaker_mention_end, speaker_type, speaker_role, "
                       "speaker_entity FROM quotes WHERE article = ?1 ORDER BY idx");
    s->BindInt(1, key);
    while (s->Step(&st)) {
      Quote q;
      q.kind = static_cast<QuoteKind>(s->Int(0));
      q.start = U32(s, 1);
      q.end = U32(s, 2);
      q.cue = s->Str(3);
      q.cue_start = U32(s, 4);
      q.cue_end = U32(s, 5);
      if (s->Int(6) != 0) {
        Speaker sp;
        sp.name = s->Str(7);
        sp.mention = s->Str(8);
        sp.mention_start = U32(s, 9);
        sp.mention_end = U32(s, 10);
        sp.type = s->Str(11);
        sp.role = s->Str(12);
        sp.entity = static_cast<int32_t>(s->Int(13));
        q.speaker = std::move(sp);
      }
      ad.quotes.push_back(std::move(q));
    }
    s->Reset();
    if (!st.ok()) return st;
  }
  return out;
}

}  // namespace annals
