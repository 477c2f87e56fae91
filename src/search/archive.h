// Archive: the read side of an annals archive, the library behind `annals
// search/show/quotes/counts/export/stats` and the HTTP API. It answers
// queries in the query language (query.h) with plain structs; json.h turns
// them into the JSON both `--json` and the HTTP API return.
//
// Thread-safety: an Archive is safe for concurrent use from many threads
// without external synchronisation. It holds a pool of read-only SQLite
// connections (ArchiveOptions::connections); a call takes one for its
// duration, waiting if all are busy. Readers see the last committed state
// and never block, nor are blocked by, a concurrent `annals ingest` (WAL).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "facts/annotated_doc.h"
#include "store/sqlite_db.h"

namespace annals {

struct ArchiveOptions {
  int connections = 4;       // read connections in the pool (>= 1)
  int query_timeout_ms = 0;  // abandon a call after this long (0: no limit); the call
                             // then fails with "query interrupted: over the N ms limit"
  // Check the crc32 of every byte of each text-index segment when it is
  // first loaded. false: check only each segment's structure (header,
  // footer, section bounds, per-document arrays; every later read stays
  // bounds-checked, docs/index-format.md) — for one-shot CLI reads, where
  // the crc pass over ~1 GB of index at 1M articles was 0.25 s of a 0.3 s
  // `annals search`. `annals serve`, `annals stats` and the writers keep it.
  bool verify_index_checksums = true;
  // Count facets and timelines over the text index's match set (docs/api.md)
  // when the index can answer the query and every segment keeps facet codes;
  // false: always from SQLite's rows (tests compare the two).
  bool match_sets_from_index = true;
  // Count lists in another order than the articles' (and their totals)
  // join the rows of up to this many matching articles; past it they walk
  // every count row in order (archive.cc, PageCountsOfKeys). Tests set 0
  // to exercise the walk on a small archive.
  size_t count_keys_by_join = 4096;
};

enum class SortOrder : uint8_t {
  kRelevance,  // BM25 (title weighted 4x); date order when the query has no words
  kRecency,    // newest first
  kOldest,     // oldest first
};

struct SearchOptions {
  int offset = 0;          // hits to skip (paging)
  int limit = 20;          // hits to return (capped at 1000)
  SortOrder sort = SortOrder::kRelevance;
  bool snippets = true;    // compute a snippet per hit
  int snippet_tokens = 24; // snippet length in tokens
  bool count_total = true; // count every match when the page does not hold them all (a second,
                           // unscored pass: index::Count, or count(*) on the FTS5 path)
  // With count_total, false lets the total be a lower bound when counting
  // every match would cost more than the page (SearchResult::total_exact
  // says which it is): then it is the number of matches found, which is one
  // more than the page ends at when a next page exists. Exact regardless
  // when the page holds every match, and on the text index for one word
  // (its df from block metadata, also within a date range). On a 1M-article
  // archive the exact total of a phrase or a filtered query cost as much as
  // the page itself (positions of every candidate, the filter's bitmaps
  // built twice). The HTTP API asks for this unless told `total=exact`; the
  // CLI always counts exactly.
  bool exact_total = true;
  // Rank with annals' own text index (src/index) when the archive has one
  // and the query suits it (search/index_query.h); false: always FTS5.
  bool use_index = true;
};

// A byte range [start, end) of a string to highlight.
struct Highlight {
  uint32_t start = 0;  // byte offset into the string it refers to
  uint32_t end = 0;
};

// One quote as listed by ListQuotes and attached to search hits.
struct QuoteRow {
  std::string article_id;  // articles.ext_id
  std::string date;        // publication date (ISO, "" if unknown)
  std::string title;       // article title
  int index = 0;           // position in the article's quote list
  std::string kind;        // "direct", "fragment", "indirect"
  std::string text;        // the quoted words
  uint32_t start = 0;      // byte span in the article text
  uint32_t end = 0;
  std::string cue;         // reporting verb, "" if none
  std::string speaker;     // canonical speaker name, "" if unresolved
  std::string speaker_mention;  // words used for the speaker, "" if none
  std::string speaker_role;     // role in the article, "" if none
};

// One count as listed by ListCounts and attached to search hits.
struct CountRow {
  std::string article_id;
  std::string date;         // publication date
  std::string title;
  int index = 0;            // position in the article's count list
  std::string type;         // "KILL", "WOUND", ...
  int64_t number = 0;
  std::string qualifier;    // "exact", "at_least", "at_most", "approximate"
  std::string victims;      // "" if none
  std::string place;        // "" if none
  std::string event_date;   // TIMEX3 value, "" if unknown
  std::string perpetrator;  // "" if none
  std::string evidence;     // the text of the evidence span
  uint32_t start = 0;       // evidence span in the article text
  uint32_t end = 0;
};

struct SearchHit {
  std::string id;          // articles.ext_id, for GetArticle
  std::string date;        // publication date (ISO with its precision), "" if unknown
  std::string title;
  std::string source;      // "" if unknown
  std::string url;         // "" if unknown
  double score = 0;        // BM25 (higher is better); 0 when not ranked by text
  std::string snippet;     // text excerpt, "…" where cut; "" if snippets are off
  std::vector<Highlight> snippet_highlights;  // matched words in `snippet`
  std::vector<QuoteRow> quotes;  // for said: queries, the quotes by that speaker
  std::vector<CountRow> counts;  // for count queries (killed>=N), the matching counts
};

struct SearchResult {
  std::string query;             // as given
  int64_t total = -1;            // all matching articles; -1 if not counted
  bool total_exact = true;       // false: `total` is a lower bound (SearchOptions::exact_total)
  bool ranked = false;           // true if ordered by BM25
  std::vector<SearchHit> hits;   // the requested page
  double elapsed_ms = 0;         // time spent in Search
  std::string engine;            // "index" (annals' text index), "fts5" or "sql" (no ranked text)
  std::string notice;            // why the index was not used when it should have been, "" if none
};

struct FacetValue {
  std::string name;   // entity or source name
  int64_t articles = 0;  // matching articles that mention it
};

struct Facets {
  std::vector<FacetValue> people;
  std::vector<FacetValue> orgs;
  std::vector<FacetValue> places;
  std::vector<FacetValue> sources;
};

enum class Period : uint8_t { kDay, kWeek, kMonth, kYear };
// "day", "week", "month", "year"; false for anything else.
bool ParsePeriod(std::string_view name, Period* out);

struct TimelineBucket {
  std::string period;  // "1990-01-19", "1990-W03", "1990-01", "1990"
  std::string first_day;  // first day of the period, ISO
  int64_t articles = 0;
};

struct Timeline {
  Period period = Period::kMonth;
  std::vector<TimelineBucket> buckets;  // ascending; only periods with matches
  int64_t undated = 0;                  // matching articles without a date
};

struct ArticleView {
  int64_t key = 0;          // internal date-ordered key
  int64_t ingested_at = 0;  // unix seconds
  AnnotatedDoc doc;         // the article and every fact, spans into doc.doc.text
};

struct EntityMonth {
  std::string month;   // "1990-01"
  int64_t articles = 0;
};

struct EntityView {
  std::string name;                        // canonical name
  std::string type;                        // "PERSON", ...
  int64_t articles = 0;                    // articles mentioning it
  std::vector<std::string> roles;          // roles seen, most frequent first
  std::vector<EntityMonth> mentions_by_month;  // ascending
  std::vector<QuoteRow> quotes;            // its quotes, in date order (capped by limit)
  std::vector<FacetValue> co_occurring;    // entities in the same articles, most frequent first
};

struct ListOptions {
  int offset = 0;
  int limit = 100;  // capped at 10000
};

// How ListCounts orders its rows; ties go to article then position.
enum class CountOrder : uint8_t { kArticle, kNumber, kType, kPlace, kEventDate, kPublished };
// "number", "type", "place", "event_date", "published" (and "article").
bool ParseCountOrder(std::string_view name, CountOrder* out);

struct CountListOptions {
  int offset = 0;
  int limit = 100;             // capped at 10000
  std::string type;            // only counts of this type ("KILL"...); "" = any
  int64_t min_number = 0;      // only counts >= this
  CountOrder order = CountOrder::kArticle;
  bool descending = false;
};

struct ArchiveStats {
  int schema_version = 0;
  int64_t articles = 0;
  int64_t sources = 0;
  int64_t entities = 0;     // per-article entities
  int64_t names = 0;        // distinct entity names
  int64_t mentions = 0;
  int64_t times = 0;
  int64_t counts = 0;
  int64_t quotes = 0;
  std::string first_date;   // earliest publication date, "" if none
  std::string last_date;
  int64_t undated = 0;      // articles without a publication date
  int64_t file_bytes = 0;   // database file size (without the WAL)
};

// The text index as Archive::CheckIndex found it.
struct IndexHealth {
  bool usable = false;     // searches run on it (else on FTS5)
  std::string problem;     // why not, and what to run
  int segments = 0;
  int64_t documents = 0;   // in all segments, deleted ones included until merged
  // Segments written before annals kept facet codes (format 3): while any
  // is live, facets and timelines are counted from SQLite's rows.
  int segments_without_facets = 0;
  bool checksums_verified = false;  // every segment's crc32 checked on loading
};

enum class ExportFormat : uint8_t { kJsonl, kCsv, kGkg };
bool ParseExportFormat(std::string_view name, ExportFormat* out);

namespace index {
struct Snapshot;
}
struct IndexPlan;
struct CompiledQuery;

class Archive {
 public:
  // Opens the archive at `path` read-only. NotFound if it does not exist;
  // an error if it is not an annals archive of this schema version.
  static Result<std::unique_ptr<Archive>> Open(const std::string& path, const ArchiveOptions& options = {});
  // Loads the text index's current snapshot (checking every segment's crc32
  // if the archive was opened with verify_index_checksums) and says whether
  // searches can use it.
  Result<IndexHealth> CheckIndex() const;
  ~Archive();

  // Articles matching `query`, ranked; a malformed query is InvalidArgument
  // "query:POS: ..." (see QueryErrorPosition).
  Result<SearchResult> Search(std::string_view query, const SearchOptions& options) const;
  // Top `top_n` people, organisations, places and sources over all matches.
  Result<Facets> GetFacets(std::string_view query, int top_n = 10) const;
  // Matching articles per period of publication.
  Result<Timeline> GetTimeline(std::string_view query, Period period) const;
  // One article by id with all its facts; NotFound if absent.
  Result<ArticleView> GetArticle(std::string_view id) const;
  // An entity by name (exact canonical name, case-insensitive; `type` ""
  // for any type, else "PERSON", "ORG", ...). NotFound if never mentioned.
  Result<EntityView> GetEntity(std::string_view name, std::string_view type, int limit = 50) const;
  // Quotes of the matching articles, in date order; with said: only that
  // speaker's quotes.
  Result<std::vector<QuoteRow>> ListQuotes(std::string_view query, const ListOptions& options) const;
  // Counts of the matching articles, in date order; with count filters
  // (killed>=100) only the counts that satisfy one.
  Result<std::vector<CountRow>> ListCounts(std::string_view query, const ListOptions& options) const;
  // The same with a type and minimum filter and an order, done in SQL so that
  // a page of a large archive costs one index walk, not a sort in memory.
  // An unknown `type` is InvalidArgument.
  Result<std::vector<CountRow>> ListCounts(std::string_view query, const CountListOptions& options) const;
  // How many rows ListCounts(query, options) would give without paging.
  Result<int64_t> CountCounts(std::string_view query, const CountListOptions& options) const;
  // Streams every matching article (date order) in `format` to `sink`, one
  // chunk per call: JSONL (docs/output-format.md with text), CSV (one row per
  // article, header first) or GKG 2.1 tab-separated (header first).
  Status Export(std::string_view query, ExportFormat format,
                const std::function<void(std::string_view)>& sink) const;
  Result<ArchiveStats> Stats() const;

 private:
  class Lease;
  struct IndexQuery;
  Archive() = default;
  // `query` lowered to the text index inside `db`'s open read transaction
  // (snapshot, plan, and the keys SQLite checked for what the index cannot
  // express); null in *out when the archive or the query is not for the
  // index, with the reason in *notice if it is a problem.
  Status PlanWithIndex(SqliteDb* db, std::string_view query, std::string* notice,
                       std::unique_ptr<IndexQuery>* out) const;
  // The keys of the articles matching `query` (compiled: `c`) AND the
  // filter `fact` ("has:quote"), ascending, from the text index; nullopt
  // when the index cannot answer. Inside `db`'s read transaction.
  Result<std::optional<std::vector<int64_t>>> KeysWithFact(SqliteDb* db, std::string_view query,
                                                           const CompiledQuery& c, const char* fact) const;
  // Search through the text index; false in *used when the query (or the
  // archive) is for FTS5, with the reason in out->notice if it is a problem.
  Status SearchWithIndex(std::string_view query, const SearchOptions& o, SearchResult* out, bool* used) const;
  // The index snapshot the catalog row read in `db`'s open transaction names;
  // *content2: whether every doc of it carries the content version marker
  // (IndexPlanContext::content2), known once per snapshot.
  Result<std::shared_ptr<const index::Snapshot>> IndexSnapshot(SqliteDb* db, std::string* notice,
                                                               bool* content2) const;
  std::unique_ptr<SqliteDb> Acquire() const;
  void Release(std::unique_ptr<SqliteDb> db) const;

  std::string path_;
  int timeout_ms_ = 0;
  bool name_counts_ = false;  // names.articles exists (schema >= 2)
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  mutable std::vector<std::unique_ptr<SqliteDb>> free_;
  std::string index_dir_;                       // IndexDirFor(path)
  bool verify_index_checksums_ = true;
  mutable std::mutex index_mu_;                 // guards index_snap_, index_content2_
  mutable std::shared_ptr<const index::Snapshot> index_snap_;  // last loaded, for reuse
  mutable bool index_content2_ = false;         // every doc of index_snap_ has the content2 marker
  mutable std::atomic<bool> has_catalog_{false};  // index_catalog seen (a table is never dropped)
  // What the whole archive (the empty query) gives, which the UI asks on
  // every first screen and which costs a scan of every article on a large
  // archive: valid while the index catalog's generation is `generation`
  // (every ingest commit advances it in the same transaction as its rows).
  struct WholeArchiveCache {
    uint64_t generation = 0;
    std::optional<ArchiveStats> stats;
    std::map<int, Facets> facets;          // by top_n
    std::map<Period, Timeline> timelines;  // by period
  };
  // The cache for `generation`, emptied first if it holds an older one.
  // Call with cache_mu_ held.
  WholeArchiveCache& CacheAt(uint64_t generation) const;
  mutable std::mutex cache_mu_;  // guards cache_
  mutable WholeArchiveCache cache_;
  bool match_sets_from_index_ = true;
  size_t count_keys_by_join_ = 4096;
};

}  // namespace annals
