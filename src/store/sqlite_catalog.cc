// SqliteCatalogStore: the index catalog in the index_catalog table.
#include "store/sqlite_catalog.h"

namespace annals {

Result<std::optional<index::CatalogState>> ReadIndexCatalog(SqliteDb* db) {
  auto s = db->Prepare("SELECT catalog FROM index_catalog WHERE id = 1");
  if (!s.ok()) return s.status();
  Status st;
  std::optional<index::CatalogState> out;
  if ((*s)->Step(&st)) {
    auto c = index::DecodeCatalog((*s)->Text(0));
    if (!c.ok()) {
      (*s)->Reset();
      return c.status();
    }
    out = std::move(*c);
  }
  (*s)->Reset();
  if (!st.ok()) return st;
  return out;
}

Result<std::optional<index::CatalogState>> SqliteCatalogStore::Load() { return ReadIndexCatalog(db_); }

Status SqliteCatalogStore::Commit(const index::CatalogState& state) {
  auto s = db_->Prepare("INSERT OR REPLACE INTO index_catalog(id, generation, catalog) VALUES(1, ?1, ?2)");
  if (!s.ok()) return s.status();
  (*s)->BindInt(1, static_cast<int64_t>(state.generation));
  (*s)->BindText(2, index::EncodeCatalog(state));
  return (*s)->Run();
}

}  // namespace annals
