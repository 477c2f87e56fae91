// Content ids for documents that come without one.
#include "core/document.h"

#include <cstdio>

namespace annals {

uint64_t StableHash64(std::string_view data, uint64_t h) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string ContentId(std::string_view title, std::string_view text) {
  uint64_t h = StableHash64(title);
  h = StableHash64("\n", h);
  h = StableHash64(text, h);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace annals
