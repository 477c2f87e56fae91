// PendingFactRows: the fact-table rows (entities, mentions, times,
// event_dates, counts, quotes) of the articles written in one transaction,
// held until the commit and then inserted table by table in key order.
//
// Why not insert each article's rows as it comes: keys follow publication
// dates, not input order, so one article after another lands on leaf pages
// scattered over every fact table and its secondary indexes, six tables in
// turn. Inserting a batch's rows of one table at a time, keys ascending,
// walks each B-tree once from left to right: the pages a batch touches are
// visited in order, while they are in the page cache, with one prepared
// statement per table kept hot.
//
// Thread-compatible, like StoreWriter, its only user.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "facts/facts.h"
#include "store/day_range.h"
#include "store/sqlite_db.h"

namespace annals {

// The fact rows of one article, as StoreWriter::Put resolved them.
struct ArticleFactRows {
  int64_t key = 0;
  std::vector<Entity> entities;
  std::vector<int64_t> entity_name_ids;  // per entity: names.id
  std::vector<EntityMention> mentions;
  std::vector<TimeExpr> times;
  // event_dates rows in rank order.
  struct EventDate {
    std::string value;              // TIMEX3 value
    bool from_count = false;        // a count's date, not one of the pipeline's event dates
    std::optional<DayRange> days;   // day_first..day_last, unless NULL
  };
  std::vector<EventDate> event_dates;
  std::vector<Count> counts;
  std::vector<Quote> quotes;
  std::vector<std::string> quote_texts;       // per quote: the quoted words (a copy of its span)
  std::vector<int64_t> speaker_name_ids;      // per quote: names.id of the speaker, -1 if none
};

class PendingFactRows {
 public:
  void Add(ArticleFactRows rows) { pending_.push_back(std::move(rows)); }

  // Drops the pending rows of article `key` (replaced in the batch that
  // wrote it) and appends its entities' name ids to `name_ids`. False if
  // none of its rows are pending.
  bool Remove(int64_t key, std::vector<int64_t>* name_ids);

  // Inserts every pending row, table by table, keys ascending, and clears.
  Status Insert(SqliteDb* db);

  void Clear() { pending_.clear(); }
  bool empty() const { return pending_.empty(); }

 private:
  std::vector<ArticleFactRows> pending_;
};

}  // namespace annals
