// ReadIndexDoc: an article's index entry from its SQLite rows.
#include "store/index_doc.h"

#include <algorithm>

#include "index/analyzer.h"
#include "store/event_terms.h"

namespace annals {

std::string CountNumericField(CountType type) { return "count:" + std::string(CountTypeName(type)); }
std::string CountNegMinField(CountType type) { return "count:-" + std::string(CountTypeName(type)); }
std::string CountValueWord(CountType type, int64_t number) {
  return std::string(CountTypeName(type)) + " " +
         (number < 0 ? "m" + std::to_string(-static_cast<uint64_t>(number)) : std::to_string(number));
}

index::IndexDoc StoredIndexDoc::View() const {
  index::IndexDoc d;
  d.id = static_cast<uint64_t>(key);
  d.date = day;
  d.title = title;
  d.body = text;
  d.keywords = keywords;
  d.numbers = numbers;
  d.facets = &facets;
  return d;
}

std::vector<std::string> NameWordRuns(std::string_view name) {
  const std::vector<std::string> words = index::AnalyzeToTerms(name, /*stem=*/false);
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run;
    for (size_t j = i; j < words.size(); ++j) {
      if (j > i) run.push_back(' ');
      run += words[j];
      out.push_back(run);
    }
  }
  return out;
}

StoredIndexDoc MakeIndexDoc(int64_t key, std::string title, std::string text, const IndexFacts& facts) {
  StoredIndexDoc d;
  d.key = key;
  int64_t day = 0;
  if (DayOfKey(key, &day)) d.day = static_cast<int32_t>(day);  // buckets bound days to 28 bits
  d.title = std::move(title);
  d.text = std::move(text);
  if (facts.source_id) {
    d.keywords.emplace_back("source", std::to_string(*facts.source_id));
    d.facets.push_back(SourceFacetCode(*facts.source_id));
  }
  for (size_t i = 0; i < facts.entities.size() && i < facts.entity_name_ids.size(); ++i) {
    const EntityType type = facts.entities[i].first;
    if (type == EntityType::kPerson || type == EntityType::kOrg || type == EntityType::kLocation) {
      d.facets.push_back(NameFacetCode(facts.entity_name_ids[i], type));
    }
  }
  std::sort(d.facets.begin(), d.facets.end());
  d.facets.erase(std::unique(d.facets.begin(), d.facets.end()), d.facets.end());
  auto add_runs = [&](const char* field, std::string_view name) {
    for (std::string& r : NameWordRuns(name)) d.keywords.emplace_back(field, std::move(r));
  };
  {
    bool has[3] = {false, false, false};
    for (const auto& [type, name] : facts.entities) {
      const char* field = type == EntityType::kPerson ? "person"
                          : type == EntityType::kOrg  ? "org"
                          : type == EntityType::kLocation ? "place"
                                                          : nullptr;
      if (!field) continue;
      has[type == EntityType::kPerson ? 0 : type == EntityType::kOrg ? 1 : 2] = true;
      add_runs(field, name);
    }
    if (has[0]) d.keywords.emplace_back("has", "person");
    if (has[1]) d.keywords.emplace_back("has", "org");
    if (has[2]) d.keywords.emplace_back("has", "place");
  }
  // said: matches quotes by their speaker's name id (names_fts), whatever its type.
  for (const auto& speaker : facts.speakers)
    if (speaker) add_runs("said", *speaker);
  if (!facts.speakers.empty()) d.keywords.emplace_back("has", "quote");
  // Per type: the largest number (killed>=N), the smallest one negated
  // (killed<=N: the index keeps a field's max) and every number as a value
  // term (killed=N).
  for (const auto& [type, number] : facts.counts) {
    d.numbers.emplace_back(CountNumericField(type), number);
    d.numbers.emplace_back(CountNegMinField(type), number == INT64_MIN ? INT64_MAX : -number);
    d.keywords.emplace_back(kCountValueField, CountValueWord(type, number));
  }
  if (!facts.counts.empty()) d.keywords.emplace_back("has", "count");
  // event: overlap terms per interval (event_terms.h); has:event is any row,
  // as the SQL path's EXISTS.
  for (const auto& days : facts.event_days) {
    if (!days) continue;  // never overlaps a period in SQL either
    const int64_t first = days->first, last = days->last;
    if (first > last) {
      d.inexact_events = true;  // the SQL condition is not an overlap then
      continue;
    }
    for (auto& kv : EventIntervalTerms(first, last)) d.keywords.push_back(std::move(kv));
    d.numbers.emplace_back(kEventLastMax, last);
    d.numbers.emplace_back(kEventFirstNegMin, -first);
  }
  if (!facts.event_days.empty()) d.keywords.emplace_back("has", "event");
  if (!d.inexact_events) d.keywords.emplace_back(kIndexContentField, kIndexContentVersion);
  // Each keyword once (repeats would only raise an unscored tf).
  std::sort(d.keywords.begin(), d.keywords.end());
  d.keywords.erase(std::unique(d.keywords.begin(), d.keywords.end()), d.keywords.end());
  return d;
}

Result<StoredIndexDoc> ReadIndexDoc(SqliteDb* db, int64_t key) {
  std::string title, text;
  IndexFacts f;
  Status st;
  {
    auto s = db->Prepare("SELECT title, text, source_id FROM articles WHERE id = ?1");
    if (!s.ok()) return s.status();
    (*s)->BindInt(1, key);
    if (!(*s)->Step(&st)) {
      (*s)->Reset();
      if (!st.ok()) return st;
      return Status::NotFound("no article with key " + std::to_string(key));
    }
    title = (*s)->Str(0);
    text = (*s)->Str(1);
    if (!(*s)->IsNull(2)) f.source_id = (*s)->Int(2);
    (*s)->Reset();
  }
  {
    auto s = db->Prepare(
        "SELECT e.type, n.name, e.name_id FROM entities e JOIN names n ON n.id = e.name_id WHERE e.article = ?1");
    if (!s.ok()) return s.status();
    (*s)->BindInt(1, key);
    while ((*s)->Step(&st)) {
      f.entities.emplace_back(static_cast<EntityType>((*s)->Int(0)), (*s)->Str(1));
      f.entity_name_ids.push_back((*s)->Int(2));
    }
    (*s)->Reset();
    if (!st.ok()) return st;
  }
  {
    auto s = db->Prepare(
        "SELECT n.name FROM quotes q LEFT JOIN names n ON n.id = q.speaker_name_id WHERE q.article = ?1");
    if (!s.ok()) return s.status();
    (*s)->BindInt(1, key);
    while ((*s)->Step(&st)) {
      if ((*s)->IsNull(0)) f.speakers.emplace_back();
      else f.speakers.emplace_back((*s)->Str(0));
    }
    (*s)->Reset();
    if (!st.ok()) return st;
  }
  {
    auto s = db->Prepare("SELECT type, number FROM counts WHERE article = ?1");
    if (!s.ok()) return s.status();
    (*s)->BindInt(1, key);
    while ((*s)->Step(&st)) f.counts.emplace_back(static_cast<CountType>((*s)->Int(0)), (*s)->Int(1));
    (*s)->Reset();
    if (!st.ok()) return st;
  }
  {
    auto s = db->Prepare("SELECT day_first, day_last FROM event_dates WHERE article = ?1");
    if (!s.ok()) return s.status();
    (*s)->BindInt(1, key);
    while ((*s)->Step(&st)) {
      if ((*s)->IsNull(0) || (*s)->IsNull(1)) f.event_days.emplace_back();
      else f.event_days.emplace_back(DayRange{(*s)->Int(0), (*s)->Int(1)});
    }
    (*s)->Reset();
    if (!st.ok()) return st;
  }
  return MakeIndexDoc(key, std::move(title), std::move(text), f);
}

}  // namespace annals
