// Loading one stored article back as an AnnotatedDoc (without the text
// layout, which is not stored): the inverse of StoreWriter::Put, used by
// `annals show`, export and the round-trip tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/status.h"
#include "facts/annotated_doc.h"
#include "store/sqlite_db.h"

namespace annals {

struct StoredArticle {
  int64_t key = 0;          // articles.id (date-ordered key)
  int64_t ingested_at = 0;  // unix seconds
  AnnotatedDoc doc;         // the article and all its facts; doc.layout is empty
};

// Loads the article with key `key`; NotFound if there is none.
Result<StoredArticle> LoadArticle(SqliteDb* db, int64_t key);

// The key of the article with input id `ext_id`, or nullopt.
Result<std::optional<int64_t>> FindArticleKey(SqliteDb* db, std::string_view ext_id);

}  // namespace annals
