// SqliteCatalogStore: keeps annals' text-index catalog (the list of live
// segment files, index/catalog.h) in the archive's index_catalog table, so
// that an ingest batch and the index segments that hold it commit in one
// SQLite transaction: after a crash the database names either the old or
// the new segments, never a half-written state (docs/schema.md).
#pragma once

#include <optional>
#include <string>

#include "index/catalog.h"
#include "store/sqlite_db.h"

namespace annals {

class SqliteCatalogStore final : public index::CatalogStore {
 public:
  explicit SqliteCatalogStore(SqliteDb* db) : db_(db) {}
  // The stored catalog; nullopt if the archive has none (no index yet).
  Result<std::optional<index::CatalogState>> Load() override;
  // Writes the catalog row: part of the open transaction if there is one
  // (ingest), else a transaction of its own (merges).
  Status Commit(const index::CatalogState& state) override;

 private:
  SqliteDb* db_;
};

// Where the index of the archive at `db_path` lives: "FILE.db.index".
inline std::string IndexDirFor(const std::string& db_path) { return db_path + ".index"; }

// Reads the catalog with any connection (readers); nullopt if none.
Result<std::optional<index::CatalogState>> ReadIndexCatalog(SqliteDb* db);

}  // namespace annals
