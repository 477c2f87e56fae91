// WriteProfile: where the store writer's thread spends its CPU time, phase by
// phase (`annals ingest --profile`). Ingest is bounded by its single writer
// thread, so this is the breakdown that says what to make cheaper; a
// sampling profiler cannot name SQLite's statements (its library is
// stripped), this can.
//
// Phases nest: entering one pauses the enclosing one, so each second is
// charged to exactly one phase (exclusive times; the sum is the writer's
// time). Disabled (the default), a PhaseScope costs one branch.
//
// Thread-compatible: one profile per writer thread.
#pragma once

#include <cstdint>
#include <string>

namespace annals {

enum class WritePhase : int {
  kOther = 0,    // the writer's own code between phases
  kLookup,       // SELECT of the article by input id (unchanged? replaced?)
  kDelete,       // deleting a replaced article's rows
  kKey,          // the next date-ordered key
  kSource,       // sources row
  kArticle,      // INSERT INTO articles
  kFts,          // INSERT INTO articles_fts (FTS5 tokenizes here)
  kFacts,        // entity, mention, time, event-date, count and quote rows
  kNames,        // names / names_fts lookups and inserts
  kNameCounts,   // names.articles updates at commit
  kIndexDoc,     // what the text index holds per article (index_doc.h)
  kIndexAdd,     // SegmentBuilder::Add: analyzing title and text
  kIndexWrite,   // writing the batch's segment (and deletion bitmaps)
  kCommit,       // SQLite COMMIT (FTS5 flushes its pending terms here)
  kPublish,      // loading the new index state
  kMerge,        // index segment merges
  kNumPhases
};

// The phase's name in the --profile report.
const char* WritePhaseName(WritePhase p);

class WriteProfile {
 public:
  bool enabled() const { return enabled_; }
  void Enable() { enabled_ = true; }
  // Exclusive thread CPU seconds of `p` so far.
  double seconds(WritePhase p) const { return seconds_[static_cast<int>(p)]; }
  // One line per phase with time, share and per-article cost.
  std::string Report(uint64_t articles) const;

 private:
  friend class PhaseScope;
  static double ThreadCpuSeconds();
  void Switch(WritePhase to);

  bool enabled_ = false;
  // kNumPhases: outside the writer (time not counted).
  WritePhase current_ = WritePhase::kNumPhases;
  double since_ = 0;  // thread CPU time when current_ was entered
  double seconds_[static_cast<int>(WritePhase::kNumPhases)] = {};
};

// Charges the thread CPU time until it goes out of scope to `phase`. The
// writer's entry points open a kOther scope; time outside every scope (the
// caller's) is not counted.
class PhaseScope {
 public:
  PhaseScope(WriteProfile* profile, WritePhase phase) : profile_(profile->enabled() ? profile : nullptr) {
    if (profile_) {
      saved_ = profile_->current_;
      profile_->Switch(phase);
    }
  }
  ~PhaseScope() {
    if (profile_) profile_->Switch(saved_);
  }
  PhaseScope(const PhaseScope&) = delete;
  PhaseScope& operator=(const PhaseScope&) = delete;

 private:
  WriteProfile* profile_;
  WritePhase saved_ = WritePhase::kNumPhases;
};

}  // namespace annals
