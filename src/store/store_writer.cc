// StoreWriter: article rows, their facts and the FTS index, kept in step.
#include "store/store_writer.h"

#include <algorithm>

#include "index/index_directory.h"
#include "store/day_range.h"
#include "store/index_doc.h"
#include "store/schema.h"
#include "store/sqlite_catalog.h"
#include "store/write_profile.h"

namespace annals {

namespace {

std::string_view Slice(const std::string& text, uint32_t start, uint32_t end) {
  if (start > end || end > text.size()) return {};
  return std::string_view(text).substr(start, end - start);
}

}  // namespace

uint64_t ContentHash(const Document& d) {
  uint64_t h = StableHash64(d.date.ToIso());
  for (std::string_view part : {std::string_view(d.title), std::string_view(d.text), std::string_view(d.source),
                                std::string_view(d.url), std::string_view(d.language)}) {
    h = StableHash64("\x1f", h);
    h = StableHash64(part, h);
  }
  return h;
}

Result<std::unique_ptr<StoreWriter>> StoreWriter::Open(const std::string& path, StoreOptions options) {
  SqliteOpenOptions o;
  auto db = SqliteDb::Open(path, o);
  if (!db.ok()) return db.status();
  ANNALS_RETURN_IF_ERROR(ConfigureConnection(db->get(), /*writer=*/true));
  ANNALS_RETURN_IF_ERROR(MigrateSchema(db->get()));
  std::unique_ptr<StoreWriter> w(new StoreWriter(std::move(*db)));
  ANNALS_RETURN_IF_ERROR(w->OpenIndex(path, options));
  return w;
}

StoreWriter::StoreWriter(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

Status StoreWriter::OpenIndex(const std::string& path, const StoreOptions& options) {
  // A commit must be durable before Publish removes the files of the state
  // it replaces: with synchronous=NORMAL a power loss could bring back an
  // older catalog naming deleted files. One extra fsync per batch.
  ANNALS_RETURN_IF_ERROR(db_->Exec("PRAGMA synchronous=FULL"));
  catalog_ = std::make_unique<SqliteCatalogStore>(db_.get());
  auto stored = catalog_->Load();
  const bool missing = stored.ok() && !stored->has_value();
  index::DirectoryOptions o;
  // A rebuild, or a first index over an archive written before it existed:
  // start empty and fill it from the rows.
  o.fresh = options.rebuild_index || missing || !stored.ok();
  if (!stored.ok() && !options.rebuild_index) {
    return Status::Corruption(path + ": text index catalog unreadable (" + stored.status().message() +
                                              "); run: annals reindex --db " + path);
  }
  auto dir = index::IndexDirectory::Open(IndexDirFor(path), catalog_.get(), o);
  if (!dir.ok()) {
    return Status::Corruption(dir.status().message() + "; the text index of " + path +
                                           " is damaged or missing, run: annals reindex --db " + path);
  }
  index_ = std::move(*dir);
  if (o.fresh) {
    auto n = RebuildIndex();
    if (!n.ok()) return n.status();
  }
  return Status::Ok();
}

Result<int64_t> StoreWriter::RebuildIndex() {
  ANNALS_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  in_tx_ = true;
  std::vector<int64_t> keys;
  {
    auto s = db_->Prepare("SELECT id FROM articles ORDER BY id");
    if (!s.ok()) {
      Rollback();
      return s.status();
    }
    Status st;
    while ((*s)->Step(&st)) keys.push_back((*s)->Int(0));
    (*s)->Reset();
    if (!st.ok()) {
      Rollback();
      return st;
    }
  }
  // Segments of up to kRebuildSegmentDocs articles bound the builder's
  // memory; the merge policy then combines them.
  constexpr size_t kRebuildSegmentDocs = 50000;
  index::CatalogState next;
  next.generation = index_->state().generation + 1;
  Status st;
  for (size_t at = 0; at < keys.size() && st.ok(); at += kRebuildSegmentDocs) {
    index::SegmentBuilder b;
    for (size_t i = at; i < std::min(keys.size(), at + kRebuildSegmentDocs) && st.ok(); ++i) {
      auto d = ReadIndexDoc(db_.get(), keys[i]);
      if (!d.ok()) st = d.status();
      else st = b.Add(d->View());
    }
    if (!st.ok()) break;
    auto e = index_->PrepareSegment(&b);
    if (!e.ok()) st = e.status();
    else next.segments.push_back(*e);
  }
  if (st.ok()) st = catalog_->Commit(next);
  if (st.ok()) st = Commit();  // nothing batched: commits the catalog row
  if (!st.ok()) {
    Rollback();
    return st;
  }
  ANNALS_RETURN_IF_ERROR(index_->Publish(next));
  while (true) {
    auto m = index_->MaybeMerge();
    if (!m.ok()) return m.status();
    if (*m == 0) break;
  }
  return static_cast<int64_t>(keys.size());
}

StoreWriter::~StoreWriter() { Rollback(); }

Status StoreWriter::Begin() {
  ANNALS_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  in_tx_ = true;
  batch_added_.clear();
  batch_deleted_.clear();
  batch_fts_.clear();
  batch_names_fts_.clear();
  batch_facts_.Clear();
  return Status::Ok();
}

namespace {

// Runs `sql`, an INSERT INTO an FTS5 table that reads the rows of the JSON
// array ?1, for `keys` in ascending order, 1000 keys per statement, and
// clears them. Few statements, because FTS5 writes its pending terms out as
// a new segment at every statement savepoint and whenever a rowid is not
// above the transaction's last: one statement per article (or keys in date
// order, not input order) cost a flush per row. Not one for the whole
// batch: a statement's journal keeps the pages it changes in memory
// (temp_store=MEMORY), and a 5000-article batch's FTS5 flushes and merges
// raised the peak RSS of a 100k ingest by ~40 MB.
Status InsertFtsRows(SqliteDb* db, const char* sql, std::vector<int64_t>* keys) {
  if (keys->empty()) return Status::Ok();
  constexpr size_t kKeysPerStatement = 1000;
  std::sort(keys->begin(), keys->end());
  ANNALS_ASSIGN_STMT(s, db, sql);
  for (size_t at = 0; at < keys->size(); at += kKeysPerStatement) {
    s->Reset();
    s->BindIntArray(1, keys->data() + at, std::min(kKeysPerStatement, keys->size() - at));
    ANNALS_RETURN_IF_ERROR(s->Run());
  }
  keys->clear();
  return Status::Ok();
}

}  // namespace

Status StoreWriter::InsertPendingFts() {
  ANNALS_RETURN_IF_ERROR(InsertFtsRows(db_.get(),
                                       "INSERT INTO articles_fts(rowid, title, text) SELECT a.id, a.title, a.text "
                                       "FROM json_each(?1) AS j JOIN articles AS a ON a.id = j.value",
                                       &batch_fts_));
  return InsertFtsRows(db_.get(),
                       "INSERT INTO names_fts(rowid, name) SELECT n.id, n.name "
                       "FROM json_each(?1) AS j JOIN names AS n ON n.id = j.value",
                       &batch_names_fts_);
}

Status StoreWriter::Commit() {
  PhaseScope top(&profile_, WritePhase::kOther);
  {
    PhaseScope p(&profile_, WritePhase::kFts);
    ANNALS_RETURN_IF_ERROR(InsertPendingFts());
  }
  {
    PhaseScope p(&profile_, WritePhase::kFacts);
    ANNALS_RETURN_IF_ERROR(batch_facts_.Insert(db_.get()));
  }
  {
    PhaseScope p(&profile_, WritePhase::kNameCounts);
    ANNALS_RETURN_IF_ERROR(ApplyNameCounts());
  }
  // The batch's index segment and deletions: files first (invisible until
  // named), then the catalog row inside this transaction.
  std::optional<index::CatalogState> next;
  if (index_ && (!batch_added_.empty() || !batch_deleted_.empty())) {
    index::SegmentBuilder b;
    for (const StoredIndexDoc& d : batch_added_) {
      PhaseScope add(&profile_, WritePhase::kIndexAdd);
      ANNALS_RETURN_IF_ERROR(b.Add(d.View()));
    }
    PhaseScope p(&profile_, WritePhase::kIndexWrite);
    std::vector<uint64_t> deleted(batch_deleted_.begin(), batch_deleted_.end());
    auto state = index_->PrepareBatch(&b, deleted);
    if (!state.ok()) return state.status();
    ANNALS_RETURN_IF_ERROR(catalog_->Commit(*state));
    next = std::move(*state);
  }
  {
    PhaseScope p(&profile_, WritePhase::kCommit);
    ANNALS_RETURN_IF_ERROR(db_->Exec("COMMIT"));
  }
  in_tx_ = false;
  batch_added_.clear();
  batch_deleted_.clear();
  if (next) {
    {
      PhaseScope p(&profile_, WritePhase::kPublish);
      ANNALS_RETURN_IF_ERROR(index_->Publish(*next));
    }
    PhaseScope p(&profile_, WritePhase::kMerge);
    auto m = index_->MaybeMerge();
    if (!m.ok()) return m.status();
  }
  return Status::Ok();
}

void StoreWriter::Rollback() {
  if (in_tx_) (void)db_->Exec("ROLLBACK");
  in_tx_ = false;
  name_ids_.clear();  // may hold ids of names the rollback removed
  batch_added_.clear();
  batch_deleted_.clear();
  batch_fts_.clear();
  batch_names_fts_.clear();
  batch_facts_.Clear();
  name_articles_delta_.clear();
}

void StoreWriter::CountNames(std::vector<int64_t> name_ids, int delta) {
  std::sort(name_ids.begin(), name_ids.end());
  name_ids.erase(std::unique(name_ids.begin(), name_ids.end()), name_ids.end());
  for (int64_t id : name_ids)
    if (id >= 0) name_articles_delta_[id] += delta;
}

Status StoreWriter::ApplyNameCounts() {
  ANNALS_ASSIGN_STMT(s, db_, "UPDATE names SET articles = articles + ?2 WHERE id = ?1");
  for (const auto& [id, delta] : name_articles_delta_) {
    if (delta == 0) continue;
    s->Reset();
    s->BindInt(1, id);
    s->BindInt(2, delta);
    ANNALS_RETURN_IF_ERROR(s->Run());
  }
  name_articles_delta_.clear();
  return Status::Ok();
}

Result<std::optional<uint64_t>> StoreWriter::StoredHash(std::string_view id) {
  PhaseScope p(&profile_, WritePhase::kLookup);
  ANNALS_ASSIGN_STMT(s, db_, "SELECT content_hash FROM articles WHERE ext_id = ?1");
  s->BindText(1, id);
  Status st;
  std::optional<uint64_t> out;
  if (s->Step(&st)) out = static_cast<uint64_t>(s->Int(0));
  s->Reset();
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> StoreWriter::NextKey(const Date& date) {
  PhaseScope p(&profile_, WritePhase::kKey);
  DayRange r;
  const int64_t bucket = DateDayRange(date, &r) ? DayBucket(r.first) : 0;
  ANNALS_ASSIGN_STMT(s, db_, "SELECT max(id) FROM articles WHERE id BETWEEN ?1 AND ?2");
  s->BindInt(1, FirstKeyOfBucket(bucket));
  s->BindInt(2, LastKeyOfBucket(bucket));
  Status st;
  int64_t key = FirstKeyOfBucket(bucket);
  if (s->Step(&st) && !s->IsNull(0)) key = s->Int(0) + 1;
  s->Reset();
  if (!st.ok()) return st;
  if (key > LastKeyOfBucket(bucket))
    return Status::Unsupported("more than 16 million articles on " + date.ToIso());
  return key;
}

Result<int64_t> StoreWriter::SourceId(std::string_view name) {
  PhaseScope p(&profile_, WritePhase::kSource);
  ANNALS_ASSIGN_STMT(sel, db_, "SELECT id FROM sources WHERE name = ?1");
  sel->BindText(1, name);
  Status st;
  if (sel->Step(&st)) {
    int64_t id = sel->Int(0);
    sel->Reset();
    return id;
  }
  sel->Reset();
  if (!st.ok()) return st;
  ANNALS_ASSIGN_STMT(ins, db_, "INSERT INTO sources(name) VALUES(?1)");
  ins->BindText(1, name);
  ANNALS_RETURN_IF_ERROR(ins->Run());
  return db_->LastInsertRowid();
}

Result<int64_t> StoreWriter::NameId(EntityType type, std::string_view name) {
  PhaseScope p(&profile_, WritePhase::kNames);
  name_key_.assign(1, static_cast<char>(type));
  name_key_.append(name);
  if (auto it = name_ids_.find(name_key_); it != name_ids_.end()) return it->second;
  // Bounded: past the limit the cache starts over (a miss only costs the SELECT).
  if (name_ids_.size() >= kNameCacheEntries) name_ids_.clear();
  ANNALS_ASSIGN_STMT(sel, db_, "SELECT id FROM names WHERE type = ?1 AND name = ?2");
  sel->BindInt(1, static_cast<int>(type));
  sel->BindText(2, name);
  Status st;
  if (sel->Step(&st)) {
    int64_t id = sel->Int(0);
    sel->Reset();
    name_ids_.emplace(name_key_, id);
    return id;
  }
  sel->Reset();
  if (!st.ok()) return st;
  ANNALS_ASSIGN_STMT(ins, db_, "INSERT INTO names(type, name) VALUES(?1, ?2)");
  ins->BindInt(1, static_cast<int>(type));
  ins->BindText(2, name);
  ANNALS_RETURN_IF_ERROR(ins->Run());
  const int64_t id = db_->LastInsertRowid();
  batch_names_fts_.push_back(id);
  name_ids_.emplace(name_key_, id);
  return id;
}

Status StoreWriter::DeleteArticle(int64_t key) {
  PhaseScope p(&profile_, WritePhase::kDelete);
  // An article Put in this transaction has its fact rows still pending.
  if (std::vector<int64_t> pending_ids; batch_facts_.Remove(key, &pending_ids)) {
    CountNames(std::move(pending_ids), -1);
  } else {
    ANNALS_ASSIGN_STMT(old, db_, "SELECT name_id FROM entities WHERE article = ?1");
    old->BindInt(1, key);
    std::vector<int64_t> ids;
    Status st;
    while (old->Step(&st)) ids.push_back(old->Int(0));
    old->Reset();
    if (!st.ok()) return st;
    CountNames(std::move(ids), -1);
  }
  // The external-content FTS index needs the old values to remove them;
  // an article Put in this transaction is not in it yet.
  if (auto it = std::find(batch_fts_.begin(), batch_fts_.end(), key); it != batch_fts_.end()) {
    batch_fts_.erase(it);
  } else {
    ANNALS_ASSIGN_STMT(fts, db_,
                       "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                       "SELECT 'delete', id, title, text FROM articles WHERE id = ?1");
    fts->BindInt(1, key);
    ANNALS_RETURN_IF_ERROR(fts->Run());
  }
  static const char* kTables[] = {"entities", "mentions", "times", "event_dates", "counts", "quotes"};
  for (const char* t : kTables) {
    ANNALS_ASSIGN_STMT(del, db_, std::string("DELETE FROM ") + t + " WHERE article = ?1");
    del->BindInt(1, key);
    ANNALS_RETURN_IF_ERROR(del->Run());
  }
  ANNALS_ASSIGN_STMT(del, db_, "DELETE FROM articles WHERE id = ?1");
  del->BindInt(1, key);
  return del->Run();
}

Result<PutOutcome> StoreWriter::Put(const AnnotatedDoc& ad, int64_t ingested_at) {
  PhaseScope top(&profile_, WritePhase::kOther);
  const Document& d = ad.doc;
  const uint64_t hash = ContentHash(d);
  PutOutcome outcome = PutOutcome::kAdded;
  {
    PhaseScope p(&profile_, WritePhase::kLookup);
    ANNALS_ASSIGN_STMT(s, db_, "SELECT id, content_hash FROM articles WHERE ext_id = ?1");
    s->BindText(1, d.id);
    Status st;
    std::optional<int64_t> old_key;
    uint64_t old_hash = 0;
    if (s->Step(&st)) {
      old_key = s->Int(0);
      old_hash = static_cast<uint64_t>(s->Int(1));
    }
    s->Reset();
    if (!st.ok()) return st;
    if (old_key) {
      if (old_hash == hash) return PutOutcome::kUnchanged;
      PhaseScope other(&profile_, WritePhase::kOther);
      ANNALS_RETURN_IF_ERROR(DeleteArticle(*old_key));
      // Replaced: out of the index too (from an earlier segment, or from
      // this batch if it was written in it).
      batch_added_.erase(std::remove_if(batch_added_.begin(), batch_added_.end(),
                                        [&](const StoredIndexDoc& doc) { return doc.key == *old_key; }),
                         batch_added_.end());
      batch_deleted_.push_back(*old_key);
      outcome = PutOutcome::kUpdated;
    }
  }
  auto key = NextKey(d.date);
  if (!key.ok()) return key.status();
  std::optional<int64_t> source_id;
  if (!d.source.empty()) {
    auto sid = SourceId(d.source);
    if (!sid.ok()) return sid.status();
    source_id = *sid;
  }
  PhaseScope article(&profile_, WritePhase::kArticle);
  ANNALS_ASSIGN_STMT(ins, db_,
                     "INSERT INTO articles(id, ext_id, content_hash, date, date_precision, day, title, text, "
                     "source_id, url, language, origin, ingested_at, n_entities, n_times, n_counts, n_quotes) "
                     "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)");
  ins->BindInt(1, *key);
  ins->BindText(2, d.id);
  ins->BindInt(3, static_cast<int64_t>(hash));
  ins->BindTextOrNull(4, d.date.ToIso());
  ins->BindInt(5, static_cast<int>(d.date.precision));
  DayRange r;
  if (DateDayRange(d.date, &r)) ins->BindInt(6, r.first);
  else ins->BindNull(6);
  ins->BindText(7, d.title);
  ins->BindText(8, d.text);
  if (source_id) ins->BindInt(9, *source_id);
  else ins->BindNull(9);
  ins->BindTextOrNull(10, d.url);
  ins->BindTextOrNull(11, d.language);
  ins->BindTextOrNull(12, d.origin);
  ins->BindInt(13, ingested_at);
  ins->BindInt(14, static_cast<int64_t>(ad.entities.size()));
  ins->BindInt(15, static_cast<int64_t>(ad.times.size()));
  ins->BindInt(16, static_cast<int64_t>(ad.counts.size()));
  ins->BindInt(17, static_cast<int64_t>(ad.quotes.size()));
  ANNALS_RETURN_IF_ERROR(ins->Run());
  batch_fts_.push_back(*key);
  IndexFacts facts;
  facts.source_id = source_id;
  {
    PhaseScope p(&profile_, WritePhase::kFacts);
    auto rows = CollectFacts(*key, ad, &facts);
    if (!rows.ok()) return rows.status();
    batch_facts_.Add(std::move(*rows));
  }
  if (index_) {
    // The index entry from the values of the rows Commit will write, as
    // ReadIndexDoc reads them back.
    PhaseScope p(&profile_, WritePhase::kIndexDoc);
    batch_added_.push_back(MakeIndexDoc(*key, d.title, d.text, facts));
  }
  return outcome;
}

Result<ArticleFactRows> StoreWriter::CollectFacts(int64_t key, const AnnotatedDoc& ad, IndexFacts* facts) {
  const std::string& text = ad.doc.text;
  ArticleFactRows rows;
  rows.key = key;
  rows.entities = ad.entities;
  rows.entity_name_ids.assign(ad.entities.size(), -1);
  for (size_t i = 0; i < ad.entities.size(); ++i) {
    const Entity& e = ad.entities[i];
    auto nid = NameId(e.type, e.canonical);
    if (!nid.ok()) return nid.status();
    rows.entity_name_ids[i] = *nid;
    facts->entities.emplace_back(e.type, e.canonical);
    facts->entity_name_ids.push_back(*nid);
  }
  CountNames(rows.entity_name_ids, +1);
  rows.mentions = ad.mentions;
  rows.times = ad.times;
  auto add_event_date = [&](std::string_view v, bool from_count) {
    std::optional<DayRange> days;
    if (DayRange r; TimexDayRange(v, &r)) days = r;
    facts->event_days.push_back(days);
    rows.event_dates.push_back(ArticleFactRows::EventDate{std::string(v), from_count, days});
  };
  for (const std::string& v : ad.event_dates) add_event_date(v, false);
  // Count dates become event dates too, so event: finds incidents even when
  // the pipeline did not rank their date among the article's event dates.
  for (const Count& c : ad.counts) {
    if (c.date.empty()) continue;
    bool dup = false;
    for (const ArticleFactRows::EventDate& d : rows.event_dates) dup = dup || d.value == c.date;
    if (!dup) add_event_date(c.date, true);
  }
  rows.counts = ad.counts;
  for (const Count& c : ad.counts) facts->counts.emplace_back(c.type, c.number);
  rows.quotes = ad.quotes;
  for (const Quote& q : ad.quotes) {
    rows.quote_texts.emplace_back(Slice(text, q.start, q.end));
    int64_t nid = -1;
    if (!q.speaker) {
      facts->speakers.emplace_back();
    } else if (const Speaker& sp = *q.speaker; sp.entity >= 0 && static_cast<size_t>(sp.entity) < ad.entities.size()) {
      nid = rows.entity_name_ids[sp.entity];
      facts->speakers.emplace_back(ad.entities[sp.entity].canonical);
    } else if (!sp.name.empty()) {
      auto type = ParseEntityType(sp.type);
      auto r = NameId(type ? *type : EntityType::kPerson, sp.name);
      if (!r.ok()) return r.status();
      nid = *r;
      facts->speakers.emplace_back(sp.name);
    } else {
      facts->speakers.emplace_back();
    }
    rows.speaker_name_ids.push_back(nid);
  }
  return rows;
}

}  // namespace annals
