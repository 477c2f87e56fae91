// WriteProfile (write_profile.h).
#include "store/write_profile.h"

#include <time.h>

#include <cstdio>

namespace annals {

const char* WritePhaseName(WritePhase p) {
  switch (p) {
    case WritePhase::kOther: return "other (writer code)";
    case WritePhase::kLookup: return "article lookup";
    case WritePhase::kDelete: return "delete replaced";
    case WritePhase::kKey: return "next key";
    case WritePhase::kSource: return "sources";
    case WritePhase::kArticle: return "articles insert";
    case WritePhase::kFts: return "articles_fts insert";
    case WritePhase::kFacts: return "fact rows";
    case WritePhase::kNames: return "names + names_fts";
    case WritePhase::kNameCounts: return "names.articles";
    case WritePhase::kIndexDoc: return "index doc";
    case WritePhase::kIndexAdd: return "index add";
    case WritePhase::kIndexWrite: return "index segment write";
    case WritePhase::kCommit: return "COMMIT";
    case WritePhase::kPublish: return "index publish";
    case WritePhase::kMerge: return "index merge";
    case WritePhase::kNumPhases: break;
  }
  return "?";
}

double WriteProfile::ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void WriteProfile::Switch(WritePhase to) {
  const double now = ThreadCpuSeconds();
  if (current_ != WritePhase::kNumPhases) seconds_[static_cast<int>(current_)] += now - since_;
  since_ = now;
  current_ = to;
}

std::string WriteProfile::Report(uint64_t articles) const {
  double total = 0;
  for (double s : seconds_) total += s;
  std::string out;
  char line[160];
  for (int i = 0; i < static_cast<int>(WritePhase::kNumPhases); ++i) {
    std::snprintf(line, sizeof line, "  %-22s %8.3f CPU-s %5.1f%% %8.1f us/article\n",
                  WritePhaseName(static_cast<WritePhase>(i)), seconds_[i], total > 0 ? 100 * seconds_[i] / total : 0.0,
                  articles > 0 ? 1e6 * seconds_[i] / static_cast<double>(articles) : 0.0);
    out += line;
  }
  std::snprintf(line, sizeof line, "  %-22s %8.3f CPU-s\n", "store writer total", total);
  out += line;
  return out;
}

}  // namespace annals
