// Document: one news article as read from an input, before any extraction.
// Thread-compatible plain data; readers fill it, the pipeline reads it.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"

namespace annals {

struct Document {
  std::string id;        // as given by the input, else ContentId() of title+text
  Date date;             // publication date with its precision (may be missing)
  std::string title;     // headline, "" if none
  std::string text;      // body, valid UTF-8 (readers repair it); spans index into it
  std::string source;    // publisher, "" if unknown
  std::string url;       // "" if unknown
  std::string language;  // ISO 639-1 ("en"), "" if unknown
  std::string origin;    // where it was read from, "file:line" (for messages only)
};

// A stable id from the content: 16 lowercase hex digits of a 64-bit hash of
// title, '\n' and text. The same article always gets the same id.
std::string ContentId(std::string_view title, std::string_view text);

// 64-bit FNV-1a: stable across platforms and releases (ids depend on it).
uint64_t StableHash64(std::string_view data, uint64_t seed = 0xcbf29ce484222325ULL);

}  // namespace annals
