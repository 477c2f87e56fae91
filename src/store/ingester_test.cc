// Ingester's batching: a transaction ends at its article count, its bytes
// or its age, whichever comes first.
#include "store/ingester.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace annals {
namespace {

std::string TempDb(const char* name) {
  auto p = std::filesystem::temp_directory_path() / (std::string("annals_ingester_test_") + name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
  std::filesystem::remove_all(p.string() + ".index");
  return p.string();
}

AnnotatedDoc Doc(int i, size_t text_bytes) {
  AnnotatedDoc ad;
  ad.doc.id = "d" + std::to_string(i);
  ad.doc.title = "T";
  ad.doc.text = std::string(text_bytes - 1, 'x') + ".";
  return ad;
}

IngestStats Ingest(const char* name, IngestOptions o, int n, size_t text_bytes) {
  o.now = [] { return int64_t{1}; };
  auto ing = Ingester::Open(TempDb(name), o);
  EXPECT_TRUE(ing.ok()) << ing.status().ToString();
  if (!ing.ok()) return {};
  for (int i = 0; i < n; ++i) EXPECT_TRUE((*ing)->Add(Doc(i, text_bytes)).ok());
  EXPECT_TRUE((*ing)->Finish().ok());
  return (*ing)->stats();
}

TEST(IngesterTest, BatchEndsAtItsArticleCount) {
  IngestOptions o;
  o.batch_articles = 4;
  o.batch_seconds = 1e9;
  const IngestStats s = Ingest("count", o, 10, 100);
  EXPECT_EQ(s.added, 10u);
  EXPECT_EQ(s.batches, 3u);  // 4 + 4 + 2
}

TEST(IngesterTest, BatchEndsAtItsBytes) {
  IngestOptions o;
  o.batch_articles = 1000;
  o.batch_seconds = 1e9;
  o.batch_bytes = 1000;
  // 401 bytes of title and text each: the third article passes 1000.
  const IngestStats s = Ingest("bytes", o, 10, 400);
  EXPECT_EQ(s.added, 10u);
  EXPECT_EQ(s.batches, 4u);  // 3 + 3 + 3 + 1
}

}  // namespace
}  // namespace annals
