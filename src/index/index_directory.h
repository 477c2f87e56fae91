// IndexDirectory: a folder of segment files plus a catalog — the multi-segment
// index. Writers add one segment per ingest batch and delete documents
// through per-segment deletion bitmaps; readers take a Snapshot (a
// reference-counted, immutable view) and search it without locks while the
// writer moves on. Files are never modified: a new state writes new files
// and then commits a new catalog; files of old states are removed once no
// longer named (they stay mapped for snapshots still using them).
//
// Crash safety: Prepare* writes and fsyncs new files but changes nothing
// visible; the CatalogStore commit is the single atomic switch; Open()
// removes any file the committed catalog does not name. A store that keeps
// the catalog in SQLite calls PrepareBatch, commits the returned CatalogState
// in its ingest transaction, then Publish.
//
// Thread-safety: snapshot() may be called from any thread; the write methods
// must be called from one thread at a time.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "index/catalog.h"
#include "index/merge.h"
#include "index/segment_builder.h"
#include "index/snapshot.h"

namespace annals::index {

struct DirectoryOptions {
  CodecId codec = CodecId::kBitPack;  // for new and merged segments (see SegmentBuilder)
  MergePolicy merge;                      // see merge.h
  bool verify_checksums = true;           // crc32 every segment at open
  int lock_wait_ms = 30000;               // how long Open waits for another writer's lock
  bool fresh = false;  // rebuild: start from an empty state, ignoring the stored catalog
                      // (its files stay until the first Publish, so a crash keeps them)
};

// Loads the snapshot `state` names from `dir` without touching any file
// (readers in other processes use this; only the writer removes files).
// Segments already mapped in `reuse` (may be null) are shared, not reopened.
// A missing or damaged file is an error naming it.
Result<std::shared_ptr<const Snapshot>> LoadSnapshot(const std::string& dir, const CatalogState& state,
                                                    const Snapshot* reuse, bool verify_checksums = true);

class IndexDirectory {
 public:
  // Opens (or creates) the index in `dir` at the state `catalog` holds and
  // deletes stray files. `catalog` must outlive the directory.
  // Only one IndexDirectory may have a folder open at a time (it removes
  // files the committed catalog does not name, which would include another
  // writer's uncommitted segments): Open holds an exclusive lock on
  // <dir>/LOCK, waiting up to `lock_wait_ms` for another writer to finish.
  static Result<std::unique_ptr<IndexDirectory>> Open(std::string dir, CatalogStore* catalog,
                                                      DirectoryOptions opts = {});
  ~IndexDirectory();

  // The current state. Cheap; hold it for as long as a search runs.
  std::shared_ptr<const Snapshot> snapshot() const;

  // Phase 1 of a batch: writes a segment for `batch` (may be empty) and
  // deletion bitmaps for `delete_ids` (store article ids; a replaced article
  // is deleted and re-added). Returns the state to commit.
  Result<CatalogState> PrepareBatch(SegmentBuilder* batch, const std::vector<uint64_t>& delete_ids);
  // Phase 2, after the state was committed to the CatalogStore by the
  // caller: makes it the live snapshot and removes unreferenced files.
  Status Publish(const CatalogState& committed);
  // Prepare, commit to the CatalogStore, publish.
  Status Commit(SegmentBuilder* batch, const std::vector<uint64_t>& delete_ids);
  // Runs the merge policy once and commits its merges; returns how many.
  Result<int> MaybeMerge();
  // Writes one segment for `batch` (non-empty) and returns its entry,
  // without changing any state: for callers composing a whole new state
  // (a rebuild), which they then commit and Publish.
  Result<CatalogEntry> PrepareSegment(SegmentBuilder* batch);
  // The last published state.
  const CatalogState& state() const { return state_; }
  const std::string& dir() const { return dir_; }

 private:
  IndexDirectory(std::string dir, CatalogStore* catalog, DirectoryOptions opts)
      : dir_(std::move(dir)), catalog_(catalog), opts_(opts) {}
  Result<std::shared_ptr<const Snapshot>> Load(const CatalogState& state);
  void RemoveStrays(const CatalogState& state);
  std::string NewFileName(const char* kind);

  std::string dir_;
  CatalogStore* catalog_;
  DirectoryOptions opts_;
  CatalogState state_;
  mutable std::mutex mu_;  // guards snap_
  std::shared_ptr<const Snapshot> snap_;
  uint64_t file_counter_ = 0;
  int lock_fd_ = -1;  // LOCK file held (flock) while the directory is open for writing
};

}  // namespace annals::index
