// JSON forms of the Archive's results, shared by `annals ... --json` and the
// HTTP API (docs/query-language.md shows examples). Each function writes one
// JSON value with the given JsonWriter.
#pragma once

#include <vector>

#include "core/json_writer.h"
#include "search/archive.h"

namespace annals {

void WriteSearchResultJson(const SearchResult& r, JsonWriter* w);
void WriteFacetsJson(const Facets& f, JsonWriter* w);
void WriteTimelineJson(const Timeline& t, JsonWriter* w);
// The article in the `annals extract` record form (docs/output-format.md,
// with "text"), plus "key" and "ingested_at".
void WriteArticleJson(const ArticleView& a, JsonWriter* w);
void WriteEntityJson(const EntityView& e, JsonWriter* w);
void WriteQuoteJson(const QuoteRow& q, JsonWriter* w);
void WriteCountJson(const CountRow& c, JsonWriter* w);
void WriteQuotesJson(const std::vector<QuoteRow>& q, JsonWriter* w);  // an array
void WriteCountsJson(const std::vector<CountRow>& c, JsonWriter* w);  // an array
void WriteStatsJson(const ArchiveStats& s, JsonWriter* w);
// {"error": message, "position": N} (position only for query errors).
void WriteErrorJson(const Status& status, JsonWriter* w);

}  // namespace annals
