// IndexDocs from the store: what annals' own text index (src/index) holds
// for one stored article. MakeIndexDoc is the one definition of it, over the
// article's facts as its rows hold them (IndexFacts); ReadIndexDoc gathers
// those from the SQLite rows (`annals reindex`), StoreWriter::Put from the
// values it has just bound to the same rows (ingest, which then never reads
// its own writes back). store_index_doc_test holds the two to the same
// result, so reindex and ingest can never disagree about what is indexed.
//
// Per article the index holds (docs/index-format.md, "Store mapping"):
//   id       the article key (articles.id, date-ordered)
//   date     its publication day (DayOfKey; kUndatedDay if undated)
//   title, body  the title and text (analyzed like articles_fts)
//   person:/org:/place:  every run of consecutive words of each entity's
//            canonical name ("sabina", "aliyeva", "sabina aliyeva"), so the
//            term for a query name's words is present exactly when names_fts
//            would match the name as a phrase (person:aliyeva)
//   said:    the same for each quote's speaker name
//   source:  the source id (source:NAME resolves names to ids in SQLite)
//   has:     quote, count, event, person, org, place when the article has one
//   numbers  "count:KILL" = the largest number of its KILL counts, etc., so
//            killed>=N is "max >= N"; "count:-KILL" = minus the smallest, so
//            killed<=N is "-min >= -N"
//   countv:   each number of its counts with its type, "countv:kill 12" (killed=N)
//   event:/eventin:  the event-date overlap terms of each of its event
//            intervals, and numbers "event:last" / "event:-first" for
//            open-ended periods (event_terms.h)
//   facets   facet codes (FacetCode): every PERSON / ORG / LOCATION
//            name id of its entities and its source id, so that a query's
//            facets are counted from the index's match set
//   index:content2  on every doc whose terms above are complete: the
//            content version. A segment where not every doc has it was
//            built by older code (or holds an event interval the terms
//            cannot express); search then resolves count, event: and
//            source: filters in SQLite and asks for `annals reindex`.
#pragma once

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "facts/facts.h"
#include "index/segment_builder.h"
#include "store/day_range.h"
#include "store/sqlite_db.h"

namespace annals {

// The index date of an undated article: before every real day, and outside
// every date filter (filters clamp their lower bound above it).
inline constexpr int32_t kUndatedDay = INT32_MIN;

// The content version marker: keyword {kIndexContentField, kIndexContentVersion}.
inline constexpr const char* kIndexContentField = "index";
inline constexpr const char* kIndexContentVersion = "content2";

// The numeric field a count type is indexed under: "count:KILL" (max number).
std::string CountNumericField(CountType type);
// "count:-KILL": minus the smallest number of the type.
std::string CountNegMinField(CountType type);
// The keyword field of count numbers ("countv") and a number's value in it
// ("KILL 12"; negative numbers "KILL m12", which the keyword analyzer keeps
// apart): the term is "countv:kill 12".
inline constexpr const char* kCountValueField = "countv";
std::string CountValueWord(CountType type, int64_t number);

// The facet codes the store gives the index (index/segment_format.h): a
// name id times 4 plus its entity type (0 PERSON, 1 ORG, 2 LOCATION), a
// source id times 4 plus 3.
inline constexpr uint64_t kSourceFacetTag = 3;
inline uint64_t NameFacetCode(int64_t name_id, EntityType type) {
  return static_cast<uint64_t>(name_id) << 2 | static_cast<uint64_t>(type);
}
inline uint64_t SourceFacetCode(int64_t source_id) { return static_cast<uint64_t>(source_id) << 2 | kSourceFacetTag; }

// An article as the index needs it, owning its strings.
struct StoredIndexDoc {
  int64_t key = 0;                                            // articles.id
  int32_t day = kUndatedDay;                                  // publication day
  std::string title;                                          // articles.title
  std::string text;                                           // articles.text
  std::vector<std::pair<std::string, std::string>> keywords;  // {field, value}, see above
  std::vector<std::pair<std::string, int64_t>> numbers;       // {field, value}
  std::vector<uint64_t> facets;                               // FacetCode values
  bool inexact_events = false;  // an event row with day_first > day_last: no content marker
  // A view for SegmentBuilder::Add (valid while *this lives).
  index::IndexDoc View() const;
};

// An article's facts as its rows hold them, in row order (by idx / rank).
struct IndexFacts {
  std::optional<int64_t> source_id;                          // articles.source_id
  std::vector<std::pair<EntityType, std::string>> entities;  // per entities row: type, its names.name
  std::vector<int64_t> entity_name_ids;                      // per entities row: its names.id
  std::vector<std::optional<std::string>> speakers;  // per quotes row: names.name of speaker_name_id, if set
  std::vector<std::pair<CountType, int64_t>> counts;  // per counts row: type, number
  std::vector<std::optional<DayRange>> event_days;    // per event_dates row: day_first..day_last, unless NULL
};

// The index entry of article `key` (its title, text and facts).
StoredIndexDoc MakeIndexDoc(int64_t key, std::string title, std::string text, const IndexFacts& facts);

// Reads the article with key `key` and its facts. NotFound if absent.
Result<StoredIndexDoc> ReadIndexDoc(SqliteDb* db, int64_t key);

// Every run of consecutive words of `name` (unicode61 words, unstemmed,
// folded), each joined by single spaces; empty if it has no words.
std::vector<std::string> NameWordRuns(std::string_view name);

}  // namespace annals
