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

#include "core/status.h"
#include "facts/annotated_doc.h"
#include "store/sqlite_db.h"

namespace annals {

// What Put() did with an article.
enum class PutOutcome { kAdded, kUnchanged, kUpdated };

// The hash that decides whether an article changed: StableHash64 over its
// date, title, text, source, url and language (not its origin or facts).
uint64_t ContentHash(const Document& doc);

class StoreWriter {
 public:
  // Opens (creating if needed) the archive at `path` and migrates its schema.
  static Result<std::unique_ptr<StoreWriter>> Open(const std::string& path);
  ~StoreWriter();

  // The stored content hash of the article with input id `id`, or nullopt if
  // it is not stored. Lets ingest skip extraction for unchanged articles.
  Result<std::optional<uint64_t>> StoredHash(std::string_view id);

  // Starts a write transaction (BEGIN IMMEDIATE: waits for other writers).
  Status Begin();
  // Commits the transaction started by Begin().
  Status Commit();
  // Rolls back the open transaction, if any.
  void Rollback();
  bool in_transaction() const { return in_tx_; }

  // Stores `doc` (inside Begin/Commit). `ingested_at` is the clock reading
  // (unix seconds) recorded with a new or replaced article.
  Result<PutOutcome> Put(const AnnotatedDoc& doc, int64_t ingested_at);

  SqliteDb* db() { return db_.get(); }

 private:
  explicit StoreWriter(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  Status DeleteArticle(int64_t key);
  Result<int64_t> NextKey(const Date& date);
  Result<int64_t> SourceId(std::string_view name);
  Result<int64_t> NameId(EntityType type, std::string_view name);
  Status InsertFacts(int64_t key, const AnnotatedDoc& doc);
  // Adds `delta` to names.articles (at Commit) for each distinct id.
  void CountNames(std::vector<int64_t> name_ids, int delta);
  Status ApplyNameCounts();

  std::unique_ptr<SqliteDb> db_;
  bool in_tx_ = false;
  std::unordered_map<int64_t, int64_t> name_articles_delta_;  // names.id → change in this transaction
};

}  // namespace annals
