// Progress: a one-line progress display on a terminal (stderr), redrawn at
// most every 200 ms, for long-running commands such as `annals ingest`.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace annals {

class Progress {
 public:
  // `enabled` false makes every call a no-op (stderr is not a terminal);
  // `total_bytes` 0 means the input size is unknown (no percentage, no ETA).
  Progress(bool enabled, uint64_t total_bytes);

  // Reports `articles` processed so far, `bytes` of input consumed.
  void Update(uint64_t articles, uint64_t bytes, bool force = false);
  // Clears the line (before the final summary).
  void Done();

 private:
  bool enabled_;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  bool drawn_ = false;
};

// "1:02:03" / "2:03" from seconds.
std::string FormatDuration(double seconds);

}  // namespace annals
