// Shared body of the reader fuzz targets: feed bytes through ReadBytes (an
// in-memory source, no disk) and check the invariants every reader promises
// on any input: no crash, delivered text is valid UTF-8, dates are real
// days, every document has an id, and the counts add up.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/utf8.h"
#include "read/reader.h"

namespace annals {

inline void FuzzOneReader(const uint8_t* data, size_t size, std::string_view name, InputFormat format) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadOptions opt;
  opt.format = format;
  // Half the inputs get a tiny record limit so the "too long" paths run too.
  opt.max_record_bytes = (size > 0 && (data[0] & 1)) ? 64 : (1u << 20);
  uint64_t docs = 0;
  opt.on_document = [&](Document&& d) {
    ++docs;
    if (!IsValidUtf8(d.text) || !IsValidUtf8(d.title) || !IsValidUtf8(d.id) || !IsValidUtf8(d.url) ||
        !IsValidUtf8(d.source) || !IsValidUtf8(d.language))
      std::abort();
    if (d.id.empty()) std::abort();
    if (d.date.has_day() && !IsValidDate(d.date.year, d.date.month, d.date.day)) std::abort();
    if (d.title.empty() && d.text.find_first_not_of(" \t\r\n") == std::string::npos) std::abort();
    return true;
  };
  uint64_t problems = 0;
  opt.on_problem = [&](const ReadProblem& p) {
    ++problems;
    if (p.what.empty()) std::abort();
  };
  ReadStats st;
  if (!ReadBytes(bytes, name, opt, &st).ok()) std::abort();
  if (st.read != st.ok + st.skipped || st.ok != docs || st.repaired > st.ok) std::abort();
  if (problems < st.skipped + st.repaired) std::abort();  // nothing skipped or repaired silently
}

}  // namespace annals
