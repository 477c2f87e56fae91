// Progress line: rate, throughput, percentage and ETA.
#include "cli/progress.h"

#include <cstdio>

namespace annals {

std::string FormatDuration(double seconds) {
  if (seconds < 0) seconds = 0;
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

Progress::Progress(bool enabled, uint64_t total_bytes)
    : enabled_(enabled), total_bytes_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::Update(uint64_t articles, uint64_t bytes, bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = secs > 0 ? articles / secs : 0;
  const double mbs = secs > 0 ? bytes / secs / 1e6 : 0;
  std::string line;
  char buf[160];
  std::snprintf(buf, sizeof buf, "\r%10llu articles  %8.0f/s  %6.1f MB/s  %s", static_cast<unsigned long long>(articles),
                rate, mbs, FormatDuration(secs).c_str());
  line = buf;
  if (total_bytes_ > 0 && bytes <= total_bytes_) {
    const double frac = static_cast<double>(bytes) / total_bytes_;
    const int width = 24;
    const int fill = static_cast<int>(frac * width);
    line += "  [";
    line.append(fill, '#');
    line.append(width - fill, ' ');
    std::snprintf(buf, sizeof buf, "] %3.0f%%", frac * 100);
    line += buf;
    if (frac > 0.001 && secs > 1) line += "  ETA " + FormatDuration(secs / frac - secs);
  }
  line += "\033[K";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Done() {
  if (enabled_ && drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
}

}  // namespace annals
