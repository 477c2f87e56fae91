// The index entries ingest builds in memory (StoreWriter::Put, from the
// values it binds) equal what ReadIndexDoc reads back from the rows (annals
// reindex): the two paths must never disagree about what is indexed.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/pipeline.h"
#include "store/index_doc.h"
#include "store/store_writer.h"

namespace annals {
namespace {

std::string TempDb(const char* name) {
  auto p = std::filesystem::temp_directory_path() / (std::string("annals_index_doc_test_") + name + ".db");
  std::filesystem::remove(p);
  std::filesystem::remove(p.string() + "-wal");
  std::filesystem::remove(p.string() + "-shm");
  std::filesystem::remove_all(p.string() + ".index");
  return p.string();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void ExpectSame(const StoredIndexDoc& got, const StoredIndexDoc& want) {
  EXPECT_EQ(got.key, want.key);
  EXPECT_EQ(got.day, want.day) << got.key;
  EXPECT_EQ(got.title, want.title) << got.key;
  EXPECT_EQ(got.text, want.text) << got.key;
  EXPECT_EQ(got.keywords, want.keywords) << got.key;
  EXPECT_EQ(got.numbers, want.numbers) << got.key;
  EXPECT_EQ(got.facets, want.facets) << got.key;
  EXPECT_EQ(got.inexact_events, want.inexact_events) << got.key;
}

// Articles with every kind of fact: the seed article whole, each of its
// sentences and each two neighbouring ones as articles of their own (extracted by the real pipeline), on
// different days, undated, from different sources.
std::vector<AnnotatedDoc> Corpus() {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  if (!pipeline.ok()) return {};
  const std::string seed = ReadFile(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt");
  const size_t body = seed.find("\n\n");
  std::vector<std::string> texts{seed.substr(body + 2)};
  // Each sentence (roughly: cut after a period before a space or line end),
  // and each with the next one.
  std::vector<std::string> sentences;
  for (size_t at = body + 2; at < seed.size();) {
    size_t end = at;
    while (end < seed.size() && !(seed[end] == '.' && (end + 1 == seed.size() || seed[end + 1] == ' ' || seed[end + 1] == '\n')))
      ++end;
    end = std::min(end + 1, seed.size());
    if (end > at + 20) sentences.push_back(seed.substr(at, end - at));
    at = end + 1;
  }
  for (size_t i = 0; i < sentences.size(); ++i) {
    texts.push_back(sentences[i]);
    if (i + 1 < sentences.size()) texts.push_back(sentences[i] + " " + sentences[i + 1]);
  }
  const char* kDates[] = {"2025-01-17", "1990-01-20", "", "1990", "2025-01", "1990-01-20"};
  const char* kSources[] = {"Azertac", "", "Reuters", "azertac"};
  std::vector<AnnotatedDoc> out;
  for (size_t i = 0; i < texts.size(); ++i) {
    AnnotatedDoc ad;
    ad.doc.id = "p" + std::to_string(i);
    const char* date = kDates[i % 6];
    if (*date) ad.doc.date = *ParseIsoDate(date);
    ad.doc.title = i % 3 == 0 ? "Black January remembered in Baku" : "";
    ad.doc.text = texts[i];
    ad.doc.source = kSources[i % 4];
    (*pipeline)->Annotate(&ad);
    out.push_back(std::move(ad));
  }
  return out;
}

TEST(IndexDocTest, InMemoryEntriesEqualTheRowsReadBack) {
  std::vector<AnnotatedDoc> docs = Corpus();
  ASSERT_GE(docs.size(), 8u);
  size_t entities = 0, quotes = 0, counts = 0, events = 0;
  for (const AnnotatedDoc& d : docs) {
    entities += d.entities.size();
    quotes += d.quotes.size();
    counts += d.counts.size();
    events += d.event_dates.size();
  }
  // The corpus exercises every part of an entry.
  EXPECT_GT(entities, 20u);
  EXPECT_GT(quotes, 5u);
  EXPECT_GT(counts, 0u);
  EXPECT_GT(events, 5u);

  // A hand-made article for the paths the extractors rarely take: a speaker
  // outside the entity list (by name, typed and untyped), a speaker without a
  // name, a quote without a speaker, a negative count, a count date that is
  // no event date, a value without a day range.
  AnnotatedDoc odd;
  odd.doc.id = "odd";
  odd.doc.date = *ParseIsoDate("2001-09");
  odd.doc.title = "Odd facts";
  odd.doc.text = "Ann Lee said \"no\". Officials said \"yes\". \"Maybe,\" someone said. Minus five.";
  odd.entities.push_back(Entity{"Ann Lee", EntityType::kPerson, 1, "", ""});
  odd.entities.push_back(Entity{"Acme Corp", EntityType::kOrg, 1, "", ""});
  Quote q;
  q.start = 13;
  q.end = 17;
  q.speaker = Speaker{"Officials of Acme", "Officials", 0, 9, "ORG", "", -1};
  odd.quotes.push_back(q);
  q.speaker = Speaker{"Bob Roe", "Bob Roe", 0, 7, "", "", 7};
  odd.quotes.push_back(q);
  q.speaker = Speaker{"", "someone", 0, 7, "", "", -1};
  odd.quotes.push_back(q);
  q.speaker.reset();
  odd.quotes.push_back(q);
  Count c;
  c.number = -5;
  c.date = "2001-09-11";
  odd.counts.push_back(c);
  c.type = CountType::kWound;
  c.number = 12;
  c.date = "";
  odd.counts.push_back(c);
  odd.event_dates = {"2001-09", "PAST_REF", "2001-09"};
  docs.push_back(odd);

  auto w = StoreWriter::Open(TempDb("same"));
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_TRUE((*w)->Begin().ok());
  for (const AnnotatedDoc& d : docs) ASSERT_TRUE((*w)->Put(d, 1).ok());
  // Replaced within the batch: only the new version's entry remains.
  AnnotatedDoc changed = docs[1];
  changed.doc.text += " Changed.";
  ASSERT_EQ(*(*w)->Put(changed, 2), PutOutcome::kUpdated);
  // Compared with the rows once committed: the fact rows wait for the
  // commit (PendingFactRows).
  const std::vector<StoredIndexDoc> pending = (*w)->pending_index_docs();
  ASSERT_EQ(pending.size(), docs.size());
  ASSERT_TRUE((*w)->Commit().ok());
  size_t name_codes = 0, source_codes = 0;
  for (const StoredIndexDoc& got : pending) {
    auto want = ReadIndexDoc((*w)->db(), got.key);
    ASSERT_TRUE(want.ok()) << want.status().ToString();
    ExpectSame(got, *want);
    // Each facet code names a row of its kind: a PERSON / ORG / LOCATION
    // name of that type, or the article's source.
    EXPECT_TRUE(std::is_sorted(got.facets.begin(), got.facets.end()));
    for (uint64_t code : got.facets) {
      const int64_t id = static_cast<int64_t>(code >> 2);
      const uint64_t tag = code & 3;
      auto type = (*w)->db()->QueryInt(tag == kSourceFacetTag
                                           ? "SELECT count(*) FROM articles WHERE id = " + std::to_string(got.key) +
                                                 " AND source_id = " + std::to_string(id)
                                           : "SELECT type FROM names WHERE id = " + std::to_string(id));
      ASSERT_TRUE(type.ok()) << type.status().ToString();
      EXPECT_EQ(*type, tag == kSourceFacetTag ? 1 : static_cast<int64_t>(tag)) << got.key << " code " << code;
      (tag == kSourceFacetTag ? source_codes : name_codes)++;
    }
  }
  EXPECT_GT(name_codes, 20u);
  EXPECT_GT(source_codes, 5u);
}

}  // namespace
}  // namespace annals
