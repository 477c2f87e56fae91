// FacetColumns: the whole archive's per-article facet values — the ids of
// the people, organisations and places each article names, and its source —
// held in memory, so that a query's facets are counted over its matching
// article keys without reading an entity row or an article row (which on a
// large archive is most of a facet request's time: BENCHMARKS.md, issue 8).
// Built once per index catalog generation by a long-running reader (`annals
// serve` at start-up); valid only for that generation, since every ingest
// commit advances it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/sqlite_db.h"

namespace annals {

class FacetColumns {
 public:
  // Reads every article key with its source and every entity row of type
  // PERSON, ORG or LOCATION from `db` (call inside the read transaction that
  // read `generation`).
  static Result<std::shared_ptr<const FacetColumns>> Load(SqliteDb* db, uint64_t generation);

  uint64_t generation() const { return generation_; }
  size_t articles() const { return keys_.size(); }

  // Per type (0 PERSON, 1 ORG, 2 LOCATION): (articles, name id) of every
  // name the articles with `keys` mention, each article counted once per
  // name; and (articles, source id) per source. Keys not in the archive are
  // ignored; a key given twice counts twice.
  struct Tally {
    std::vector<std::pair<int64_t, int64_t>> names[3];
    std::vector<std::pair<int64_t, int64_t>> sources;
  };
  void Count(const std::vector<int64_t>& keys, Tally* out) const;

  // A source's name ("" if unknown).
  const std::string& SourceName(int64_t id) const;

 private:
  uint64_t generation_ = 0;
  std::vector<int64_t> keys_;          // article keys, ascending
  std::vector<uint32_t> begin_;        // per article: first index in names_ (size articles + 1)
  std::vector<uint32_t> names_;        // name ids, distinct within an article
  std::vector<int64_t> source_;        // per article: source id, or -1
  std::vector<uint8_t> name_type_;     // by name id: 0..2, or 255 if not a facet name
  std::unordered_map<int64_t, std::string> source_names_;
};

}  // namespace annals
