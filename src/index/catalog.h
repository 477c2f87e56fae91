// Catalog: the list of live segments (and each one's deletion file) that
// defines an index state. It is small, versioned text, so the store can keep
// it in a SQLite row written in the same transaction as the ingest batch the
// segments index: after a crash SQLite holds either the old or the new
// catalog, and IndexDirectory::Open deletes every file the catalog does not
// name. FileCatalogStore keeps it in a file instead (standalone use, tests).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace annals::index {

struct CatalogEntry {
  std::string segment;    // file name inside the index directory
  std::string deletions;  // deletion bitmap file name, "" if none
  uint32_t num_docs = 0;  // documents in the segment
  uint32_t num_deleted = 0;  // of which deleted
};

struct CatalogState {
  uint64_t generation = 0;            // increases with every commit
  std::vector<CatalogEntry> segments; // search order
};

// "annals-index-catalog 1\ngeneration N\nsegment NAME DELETIONS|- DOCS DELETED\n..."
std::string EncodeCatalog(const CatalogState& state);
Result<CatalogState> DecodeCatalog(std::string_view text);

// Where the catalog lives. Commit must be atomic (all or nothing).
class CatalogStore {
 public:
  virtual ~CatalogStore() = default;
  // The committed state, or nullopt for a new index.
  virtual Result<std::optional<CatalogState>> Load() = 0;
  virtual Status Commit(const CatalogState& state) = 0;
};

// Keeps the catalog in <dir>/CATALOG (temp file, fsync, rename, fsync dir).
class FileCatalogStore final : public CatalogStore {
 public:
  explicit FileCatalogStore(std::string dir) : dir_(std::move(dir)) {}
  Result<std::optional<CatalogState>> Load() override;
  Status Commit(const CatalogState& state) override;

 private:
  std::string dir_;
};

}  // namespace annals::index
