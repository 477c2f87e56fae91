// Schema creation and migrations. Version 1 is the first schema; append a
// migration (never edit a shipped one) and bump kSchemaVersion to change it.
#include "store/schema.h"

#include <string>
#include <vector>

namespace annals {

namespace {

// Migration i takes user_version i to i+1.
const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> kMigrations = {
      // 0 -> 1: the first schema.
      R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sources(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,             -- date-ordered key, see docs/schema.md
  ext_id TEXT NOT NULL UNIQUE,        -- the article id of the input
  content_hash INTEGER NOT NULL,      -- StableHash64 of date, title, text, source, url, language
  date TEXT,                          -- publication date as known: YYYY-MM-DD, YYYY-MM or YYYY
  date_precision INTEGER NOT NULL,    -- 0 missing, 1 year, 2 month, 3 day
  day INTEGER,                        -- first day of date, days since 1970-01-01
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  source_id INTEGER REFERENCES sources(id),
  url TEXT,
  language TEXT,
  origin TEXT,                        -- file:line it was read from
  ingested_at INTEGER NOT NULL,       -- unix seconds
  n_entities INTEGER NOT NULL,
  n_times INTEGER NOT NULL,
  n_counts INTEGER NOT NULL,
  n_quotes INTEGER NOT NULL
);
CREATE INDEX articles_source ON articles(source_id);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2');
-- Rank by BM25 with the title weighted 4x (ORDER BY rank uses it).
INSERT INTO articles_fts(articles_fts, rank) VALUES('rank', 'bm25(4.0, 1.0)');
CREATE TABLE names(
  id INTEGER PRIMARY KEY,
  type INTEGER NOT NULL,              -- EntityType
  name TEXT NOT NULL,
  UNIQUE(type, name)
);
CREATE VIRTUAL TABLE names_fts USING fts5(
  name, content='names', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TABLE entities(
  article INTEGER NOT NULL,
  idx INTEGER NOT NULL,               -- index in the article's entity list
  name_id INTEGER NOT NULL REFERENCES names(id),
  type INTEGER NOT NULL,              -- EntityType
  mentions INTEGER NOT NULL,
  role TEXT,
  affiliation TEXT,
  PRIMARY KEY(article, idx)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name_id, article);
CREATE TABLE mentions(
  article INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  span_start INTEGER NOT NULL,        -- byte offsets into articles.text
  span_end INTEGER NOT NULL,
  type INTEGER NOT NULL,              -- EntityType
  entity INTEGER NOT NULL,            -- entities.idx, -1 if none
  PRIMARY KEY(article, idx)
) WITHOUT ROWID;
CREATE TABLE times(
  article INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  type INTEGER NOT NULL,              -- TimexType
  value TEXT NOT NULL,                -- TIMEX3 value
  range_begin TEXT,
  range_end TEXT,
  anchor INTEGER NOT NULL,            -- TimeAnchor
  mod TEXT,
  day_first INTEGER,                  -- days the value covers, NULL if not a calendar range
  day_last INTEGER,
  PRIMARY KEY(article, idx)
) WITHOUT ROWID;
CREATE TABLE event_dates(
  article INTEGER NOT NULL,
  rank INTEGER NOT NULL,              -- 0 = most important
  value TEXT NOT NULL,                -- TIMEX3 value
  from_count INTEGER NOT NULL,        -- 1: the date of a count, not in the pipeline's event_dates
  day_first INTEGER,
  day_last INTEGER,
  PRIMARY KEY(article, rank)
) WITHOUT ROWID;
CREATE INDEX event_dates_days ON event_dates(day_first, day_last, article);
CREATE TABLE counts(
  article INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  type INTEGER NOT NULL,              -- CountType
  number INTEGER NOT NULL,
  qualifier INTEGER NOT NULL,         -- CountQualifier
  victims TEXT,
  place TEXT,
  date TEXT,                          -- TIMEX3 value of the event date
  day_first INTEGER,
  day_last INTEGER,
  perpetrator TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  PRIMARY KEY(article, idx)
) WITHOUT ROWID;
CREATE INDEX counts_type_number ON counts(type, number, article);
CREATE TABLE quotes(
  article INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  kind INTEGER NOT NULL,              -- QuoteKind
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,                 -- the quoted words (copy of the span)
  cue TEXT,
  cue_start INTEGER,
  cue_end INTEGER,
  has_speaker INTEGER NOT NULL,       -- 0: no speaker mention at all
  speaker_name TEXT,                  -- canonical name, NULL if unresolved
  speaker_mention TEXT,
  speaker_mention_start INTEGER,
  speaker_mention_end INTEGER,
  speaker_type TEXT,
  speaker_role TEXT,
  speaker_entity INTEGER,             -- entities.idx, -1 if unresolved
  speaker_name_id INTEGER,            -- names.id of the resolved speaker
  PRIMARY KEY(article, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_name_id, article);
)sql",
      // 1 -> 2: names.articles, the number of articles whose entity list
      // names it (an article counts once even if its list repeats a name), so
      // the facets of the whole archive (the UI's first screen) read one row
      // per name instead of every entity row. StoreWriter keeps it exact: the
      // changes of a batch are summed in memory and applied in its
      // transaction (triggers cost 15% of ingest CPU here).
      R"sql(
ALTER TABLE names ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
UPDATE names SET articles = (SELECT count(DISTINCT article) FROM entities WHERE name_id = names.id);
)sql",
      // 2 -> 3: the catalog of annals' own text index (FILE.index/, docs/index-format.md).
      R"sql(
CREATE TABLE index_catalog(
  id INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
  generation INTEGER NOT NULL,            -- increases with every index commit
  catalog TEXT NOT NULL                   -- live segment files, index/catalog.h format
);
)sql",
  };
  return kMigrations;
}

}  // namespace

Status ConfigureConnection(SqliteDb* db, bool writer) {
  if (writer) {
    ANNALS_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode=WAL"));
    ANNALS_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous=NORMAL"));
    // Checkpoint every 64 MB of WAL rather than 4 MB: fewer copy-backs during
    // a bulk ingest (the WAL is reset once readers let it).
    ANNALS_RETURN_IF_ERROR(db->Exec("PRAGMA wal_autocheckpoint=16384"));
  } else {
    // Readers map up to 256 MB of the file: fewer copies on hot pages. Not
    // the writer: mapped pages count as its resident memory, which must stay
    // bounded whatever the archive size (ingest RSS target < 1 GB). (2 GB
    // saved ~10% of a rare-word request's CPU on the 1M archive, but every
    // connection maps the file itself and counts its pages: a server's RssFile
    // went from 1.0 to 5.4 GB with 16 connections; BENCHMARKS.md, issue 8.)
    ANNALS_RETURN_IF_ERROR(db->Exec("PRAGMA mmap_size=268435456"));
  }
  // The writer gets a 64 MB page cache (index b-tree pages of a bulk ingest);
  // readers 8 MB each: their reads come through the shared mapping, and a
  // server holds up to 16 of them, whose private caches would otherwise add
  // up to a gigabyte of heap (measured with bench/http_load.sh).
  ANNALS_RETURN_IF_ERROR(db->Exec(writer ? "PRAGMA cache_size=-65536" : "PRAGMA cache_size=-8192"));
  ANNALS_RETURN_IF_ERROR(db->Exec("PRAGMA temp_store=MEMORY"));
  return Status::Ok();
}

Status CheckSchemaVersion(SqliteDb* db) {
  auto v = db->QueryInt("PRAGMA user_version");
  if (!v.ok()) return v.status();
  if (*v == 0) return Status::InvalidArgument(db->path() + ": not an annals archive (no schema); run annals ingest");
  if (*v > kSchemaVersion || *v < kMinReadableSchemaVersion)
    return Status::Unsupported(db->path() + ": schema version " + std::to_string(*v) + ", this annals reads version " +
                               std::to_string(kSchemaVersion) + (*v < kSchemaVersion ? " (open it once with annals ingest to upgrade)" : ""));
  return Status::Ok();
}

Status MigrateSchema(SqliteDb* db) {
  auto v = db->QueryInt("PRAGMA user_version");
  if (!v.ok()) return v.status();
  int64_t version = *v;
  const auto& migrations = Migrations();
  if (version > static_cast<int64_t>(migrations.size()))
    return Status::Unsupported(db->path() + ": schema version " + std::to_string(version) +
                               " was written by a newer annals (this one knows up to " +
                               std::to_string(migrations.size()) + ")");
  if (version == 0) {
    // An empty file, or somebody else's database?
    auto tables = db->QueryInt("SELECT count(*) FROM sqlite_master");
    if (!tables.ok()) return tables.status();
    if (*tables > 0) return Status::InvalidArgument(db->path() + ": not an annals archive (has other tables)");
  }
  while (version < static_cast<int64_t>(migrations.size())) {
    ANNALS_RETURN_IF_ERROR(db->Exec("BEGIN IMMEDIATE"));
    // Re-read under the write lock: another process may have migrated meanwhile.
    auto again = db->QueryInt("PRAGMA user_version");
    if (!again.ok() || *again != version) {
      (void)db->Exec("ROLLBACK");
      if (!again.ok()) return again.status();
      version = *again;
      continue;
    }
    Status st = db->Exec(migrations[version]);
    if (st.ok()) st = db->Exec("PRAGMA user_version=" + std::to_string(version + 1));
    if (!st.ok()) {
      (void)db->Exec("ROLLBACK");
      return st;
    }
    ANNALS_RETURN_IF_ERROR(db->Exec("COMMIT"));
    ++version;
  }
  return Status::Ok();
}

}  // namespace annals
