// StoreWriter: writes annotated articles and their facts into an annals
// archive, the one writer of a database file.
//
// Idempotence: each article is keyed by its input id (Document::id) and a
// content hash. Put() of an article already stored with the same hash changes
// nothing; with a different hash it replaces the article and all its facts.
// Atomicity: Put() calls between Begin() and Commit() form one SQLite
// transaction; a crash (kill -9, power loss) at any point leaves the database
// as of the last Commit(), so re-running the same ingest completes it with no
// loss and no duplicates.
//
// Thread-compatible: one thread uses a StoreWriter (ingest's writer thread).
// Readers in other threads or processes may read the file meanwhile (WAL).
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "facts/annotated_doc.h"
#include "store/fact_rows.h"
#include "store/index_doc.h"
#include "store/sqlite_db.h"
#include "store/write_profile.h"

namespace annals::index {
class IndexDirectory;
}

namespace annals {

class SqliteCatalogStore;

struct StoreOptions {
  // Rebuild the text index from the SQLite rows at open (annals reindex),
  // whatever state it is in.
  bool rebuild_index = false;
};

// What Put() did with an article.
enum class PutOutcome { kAdded, kUnchanged, kUpdated };

// The hash that decides whether an article changed: StableHash64 over its
// date, title, text, source, url and language (not its origin or facts).
uint64_t ContentHash(const Document& doc);

class StoreWriter {
 public:
  // Opens (creating if needed) the archive at `path` and migrates its schema.
  // Also opens the text index next to it (IndexDirFor(path)), building it
  // from the rows when the archive has none yet (a new file, or one written
  // before the index existed). A damaged index is an error that says to run
  // `annals reindex`.
  static Result<std::unique_ptr<StoreWriter>> Open(const std::string& path, StoreOptions options = {});
  ~StoreWriter();

  // The stored content hash of the article with input id `id`, or nullopt if
  // it is not stored. Lets ingest skip extraction for unchanged articles.
  Result<std::optional<uint64_t>> StoredHash(std::string_view id);

  // Starts a write transaction (BEGIN IMMEDIATE: waits for other writers).
  Status Begin();
  // Commits the transaction started by Begin(), with the batch's text-index
  // segment: the segment file is written first, its catalog row in the same
  // transaction, and the new index state is published after COMMIT.
  Status Commit();
  // Rolls back the open transaction, if any.
  void Rollback();
  bool in_transaction() const { return in_tx_; }

  // Stores `doc` (inside Begin/Commit). `ingested_at` is the clock reading
  // (unix seconds) recorded with a new or replaced article.
  Result<PutOutcome> Put(const AnnotatedDoc& doc, int64_t ingested_at);

  SqliteDb* db() { return db_.get(); }
  // The index entries of the articles Put in the open transaction, built
  // from the values written (what Commit adds to the batch's segment).
  const std::vector<StoredIndexDoc>& pending_index_docs() const { return batch_added_; }
  // Per-phase CPU time of this writer (off unless enabled).
  WriteProfile* profile() { return &profile_; }

  // Rebuilds the whole text index from the articles table in one
  // transaction (the old index stays live until it commits). Returns the
  // number of articles indexed.
  Result<int64_t> RebuildIndex();

 private:
  explicit StoreWriter(std::unique_ptr<SqliteDb> db);
  Status OpenIndex(const std::string& path, const StoreOptions& options);
  Status DeleteArticle(int64_t key);
  Result<int64_t> NextKey(const Date& date);
  Result<int64_t> SourceId(std::string_view name);
  Result<int64_t> NameId(EntityType type, std::string_view name);
  // The fact rows of article `key` (looking up or adding the names they
  // refer to); also fills `facts` (but its source_id) with their values.
  Result<ArticleFactRows> CollectFacts(int64_t key, const AnnotatedDoc& doc, IndexFacts* facts);
  // Adds `delta` to names.articles (at Commit) for each distinct id.
  void CountNames(std::vector<int64_t> name_ids, int delta);
  Status ApplyNameCounts();
  // Inserts batch_fts_ into articles_fts and batch_names_fts_ into names_fts.
  Status InsertPendingFts();

  std::unique_ptr<SqliteDb> db_;
  bool in_tx_ = false;
  std::unordered_map<int64_t, int64_t> name_articles_delta_;  // names.id → change in this transaction
  std::unique_ptr<SqliteCatalogStore> catalog_;   // the index catalog row
  std::unique_ptr<index::IndexDirectory> index_;  // the text index
  std::vector<StoredIndexDoc> batch_added_;  // index entries of the articles written in the open transaction
  std::vector<int64_t> batch_deleted_;  // keys deleted in it (replaced articles)
  // Keys of the articles and ids of the names written in the open
  // transaction, not yet in articles_fts / names_fts: Commit inserts them
  // in key order, 1000 per statement (see InsertFtsRows).
  std::vector<int64_t> batch_fts_;
  std::vector<int64_t> batch_names_fts_;
  // Fact rows of the articles written in the open transaction: Commit
  // inserts them table by table in key order (fact_rows.h).
  PendingFactRows batch_facts_;
  WriteProfile profile_;
  // names.id by type byte + name, for the names this writer has looked up
  // or inserted: most entities of an article name someone named before.
  // Valid because this writer is the archive's only one (the index LOCK);
  // cleared on rollback.
  std::unordered_map<std::string, int64_t> name_ids_;
  std::string name_key_;  // scratch key
  static constexpr size_t kNameCacheEntries = 200000;
};

}  // namespace annals
