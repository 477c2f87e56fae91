// PendingFactRows: a batch's fact rows, inserted per table in key order.
#include "store/fact_rows.h"

#include <algorithm>

#include "store/day_range.h"

namespace annals {

namespace {

void BindDays(SqliteStmt* s, int col, std::string_view value) {
  DayRange r;
  if (TimexDayRange(value, &r)) {
    s->BindInt(col, r.first);
    s->BindInt(col + 1, r.last);
  } else {
    s->BindNull(col);
    s->BindNull(col + 1);
  }
}

using Rows = std::vector<ArticleFactRows>;

Status InsertEntities(SqliteDb* db, const Rows& rows) {
  ANNALS_ASSIGN_STMT(s, db,
                     "INSERT INTO entities(article, idx, name_id, type, mentions, role, affiliation) "
                     "VALUES(?1,?2,?3,?4,?5,?6,?7)");
  for (const ArticleFactRows& a : rows) {
    for (size_t i = 0; i < a.entities.size(); ++i) {
      const Entity& e = a.entities[i];
      s->BindInt(1, a.key);
      s->BindInt(2, static_cast<int64_t>(i));
      s->BindInt(3, a.entity_name_ids[i]);
      s->BindInt(4, static_cast<int>(e.type));
      s->BindInt(5, e.mentions);
      s->BindTextOrNull(6, e.role);
      s->BindTextOrNull(7, e.affiliation);
      ANNALS_RETURN_IF_ERROR(s->Run());
    }
  }
  return Status::Ok();
}

Status InsertMentions(SqliteDb* db, const Rows& rows) {
  ANNALS_ASSIGN_STMT(s, db,
                     "INSERT INTO mentions(article, idx, span_start, span_end, type, entity) VALUES(?1,?2,?3,?4,?5,?6)");
  for (const ArticleFactRows& a : rows) {
    for (size_t i = 0; i < a.mentions.size(); ++i) {
      const EntityMention& m = a.mentions[i];
      s->BindInt(1, a.key);
      s->BindInt(2, static_cast<int64_t>(i));
      s->BindInt(3, m.start);
      s->BindInt(4, m.end);
      s->BindInt(5, static_cast<int>(m.type));
      s->BindInt(6, m.entity);
      ANNALS_RETURN_IF_ERROR(s->Run());
    }
  }
  return Status::Ok();
}

Status InsertTimes(SqliteDb* db, const Rows& rows) {
  ANNALS_ASSIGN_STMT(s, db,
                     "INSERT INTO times(article, idx, span_start, span_end, type, value, range_begin, range_end, "
                     "anchor, mod, day_first, day_last) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
  for (const ArticleFactRows& a : rows) {
    for (size_t i = 0; i < a.times.size(); ++i) {
      const TimeExpr& t = a.times[i];
      s->BindInt(1, a.key);
      s->BindInt(2, static_cast<int64_t>(i));
      s->BindInt(3, t.start);
      s->BindInt(4, t.end);
      s->BindInt(5, static_cast<int>(t.type));
      s->BindText(6, t.value);
      s->BindTextOrNull(7, t.range_begin);
      s->BindTextOrNull(8, t.range_end);
      s->BindInt(9, static_cast<int>(t.anchor));
      s->BindTextOrNull(10, t.mod);
      DayRange first, last;
      if (!t.range_begin.empty() && TimexDayRange(t.range_begin, &first) && TimexDayRange(t.range_end, &last)) {
        s->BindInt(11, first.first);
        s->BindInt(12, last.last);
      } else if (t.type == TimexType::kDate || t.type == TimexType::kTime) {
        BindDays(s, 11, t.value);
      } else {
        s->BindNull(11);
        s->BindNull(12);
      }
      ANNALS_RETURN_IF_ERROR(s->Run());
    }
  }
  return Status::Ok();
}

Status InsertEventDates(SqliteDb* db, const Rows& rows) {
  ANNALS_ASSIGN_STMT(s, db,
                     "INSERT INTO event_dates(article, rank, value, from_count, day_first, day_last) "
                     "VALUES(?1,?2,?3,?4,?5,?6)");
  for (const ArticleFactRows& a : rows) {
    for (size_t i = 0; i < a.event_dates.size(); ++i) {
      const ArticleFactRows::EventDate& d = a.event_dates[i];
      s->BindInt(1, a.key);
      s->BindInt(2, static_cast<int64_t>(i));
      s->BindText(3, d.value);
      s->BindInt(4, d.from_count ? 1 : 0);
      if (d.days) {
        s->BindInt(5, d.days->first);
        s->BindInt(6, d.days->last);
      } else {
        s->BindNull(5);
        s->BindNull(6);
      }
      ANNALS_RETURN_IF_ERROR(s->Run());
    }
  }
  return Status::Ok();
}

Status InsertCounts(SqliteDb* db, const Rows& rows) {
  ANNALS_ASSIGN_STMT(s, db,
                     "INSERT INTO counts(article, idx, type, number, qualifier, victims, place, date, day_first, "
                     "day_last, perpetrator, span_start, span_end, sentence) "
                     "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
  for (const ArticleFactRows& a : rows) {
    for (size_t i = 0; i < a.counts.size(); ++i) {
      const Count& c = a.counts[i];
      s->BindInt(1, a.key);
      s->BindInt(2, static_cast<int64_t>(i));
      s->BindInt(3, static_cast<int>(c.type));
      s->BindInt(4, c.number);
      s->BindInt(5, static_cast<int>(c.qualifier));
      s->BindTextOrNull(6, c.victims);
      s->BindTextOrNull(7, c.place);
      s->BindTextOrNull(8, c.date);
      BindDays(s, 9, c.date);
      s->BindTextOrNull(11, c.perpetrator);
      s->BindInt(12, c.start);
      s->BindInt(13, c.end);
      s->BindInt(14, c.sentence);
      ANNALS_RETURN_IF_ERROR(s->Run());
    }
  }
  return Status::Ok();
}

Status InsertQuotes(SqliteDb* db, const Rows& rows) {
  ANNALS_ASSIGN_STMT(s, db,
                     "INSERT INTO quotes(article, idx, kind, span_start, span_end, text, cue, cue_start, cue_end, "
                     "has_speaker, speaker_name, speaker_mention, speaker_mention_start, speaker_mention_end, "
                     "speaker_type, speaker_role, speaker_entity, speaker_name_id) "
                     "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)");
  for (const ArticleFactRows& a : rows) {
    for (size_t i = 0; i < a.quotes.size(); ++i) {
      const Quote& q = a.quotes[i];
      // Every parameter is bound for every row: Run() resets the statement
      // but keeps the previous row's bindings.
      s->BindInt(1, a.key);
      s->BindInt(2, static_cast<int64_t>(i));
      s->BindInt(3, static_cast<int>(q.kind));
      s->BindInt(4, q.start);
      s->BindInt(5, q.end);
      s->BindText(6, a.quote_texts[i]);
      s->BindTextOrNull(7, q.cue);
      s->BindInt(8, q.cue_start);
      s->BindInt(9, q.cue_end);
      s->BindInt(10, q.speaker ? 1 : 0);
      if (q.speaker) {
        const Speaker& sp = *q.speaker;
        s->BindTextOrNull(11, sp.name);
        s->BindText(12, sp.mention);
        s->BindInt(13, sp.mention_start);
        s->BindInt(14, sp.mention_end);
        s->BindTextOrNull(15, sp.type);
        s->BindTextOrNull(16, sp.role);
        s->BindInt(17, sp.entity);
      } else {
        for (int col = 11; col <= 17; ++col) s->BindNull(col);
      }
      if (a.speaker_name_ids[i] >= 0) s->BindInt(18, a.speaker_name_ids[i]);
      else s->BindNull(18);
      ANNALS_RETURN_IF_ERROR(s->Run());
    }
  }
  return Status::Ok();
}

}  // namespace

bool PendingFactRows::Remove(int64_t key, std::vector<int64_t>* name_ids) {
  auto it = std::find_if(pending_.begin(), pending_.end(), [&](const ArticleFactRows& a) { return a.key == key; });
  if (it == pending_.end()) return false;
  name_ids->insert(name_ids->end(), it->entity_name_ids.begin(), it->entity_name_ids.end());
  pending_.erase(it);
  return true;
}

Status PendingFactRows::Insert(SqliteDb* db) {
  std::sort(pending_.begin(), pending_.end(),
            [](const ArticleFactRows& a, const ArticleFactRows& b) { return a.key < b.key; });
  ANNALS_RETURN_IF_ERROR(InsertEntities(db, pending_));
  ANNALS_RETURN_IF_ERROR(InsertMentions(db, pending_));
  ANNALS_RETURN_IF_ERROR(InsertTimes(db, pending_));
  ANNALS_RETURN_IF_ERROR(InsertEventDates(db, pending_));
  ANNALS_RETURN_IF_ERROR(InsertCounts(db, pending_));
  ANNALS_RETURN_IF_ERROR(InsertQuotes(db, pending_));
  pending_.clear();
  return Status::Ok();
}

}  // namespace annals
