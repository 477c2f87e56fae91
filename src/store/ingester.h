// Ingester: the writing half of `annals ingest`. It takes annotated articles
// in input order, groups them into transactions (at most batch_articles
// articles or batch_seconds per transaction, whichever comes first) and keeps
// the counts of the final summary.
//
// Crash safety comes from the transactions: every article of a committed
// batch is fully stored (row, facts, FTS entry), none of an uncommitted one
// is; a re-run finds the committed articles unchanged (content hash) and adds
// the rest.
//
// Thread-compatible: used by one thread (the ingest writer thread).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "facts/annotated_doc.h"
#include "store/store_writer.h"

namespace annals {

struct IngestOptions {
  // Each commit has a fixed cost (COMMIT with FTS5's flush and the WAL
  // pages rewritten: ~12 ms CPU; an index segment, later merged), so
  // batches are large; a kill loses at most one batch's work.
  int batch_articles = 5000;   // commit after this many written articles
  double batch_seconds = 5.0;  // ... or after this long, so a kill loses little work
  // ... or once the batch's titles and texts reach this many bytes: the
  // writer holds a batch's index entries (their text) and fact rows until
  // the commit, so this bounds its memory whatever the article sizes.
  uint64_t batch_bytes = 64ull << 20;
  // The clock for ingested_at (unix seconds); passed in, so tests control it.
  std::function<int64_t()> now;
};

struct IngestStats {
  uint64_t added = 0;      // new articles
  uint64_t unchanged = 0;  // already stored with the same content
  uint64_t updated = 0;    // same id, new content: replaced with their facts
  uint64_t batches = 0;    // committed transactions
};

class Ingester {
 public:
  // Opens (creating or migrating) the archive at `path`.
  static Result<std::unique_ptr<Ingester>> Open(const std::string& path, IngestOptions options);
  // Rolls back an unfinished batch (a caller that did not call Finish()).
  ~Ingester() = default;

  // True if `doc` is stored with the same content already: the caller may
  // count it with SkipUnchanged() and skip extraction.
  Result<bool> IsUnchanged(const Document& doc);
  void SkipUnchanged() { ++stats_.unchanged; }

  // Stores one article; commits the batch when it is full (articles or
  // bytes) or old enough.
  Status Add(const AnnotatedDoc& doc);

  // Commits the open batch.
  Status Finish();

  const IngestStats& stats() const { return stats_; }
  // The writer's per-phase CPU time (`annals ingest --profile`).
  WriteProfile* profile() { return writer_->profile(); }

 private:
  Ingester(std::unique_ptr<StoreWriter> w, IngestOptions o) : writer_(std::move(w)), options_(std::move(o)) {}
  std::unique_ptr<StoreWriter> writer_;
  IngestOptions options_;
  IngestStats stats_;
  int in_batch_ = 0;
  uint64_t batch_bytes_ = 0;  // titles and texts written in the open batch
  std::chrono::steady_clock::time_point batch_start_;
};

}  // namespace annals
