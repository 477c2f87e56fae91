// Test helpers for the readers: read a string as if it were a file and
// collect what came out (documents, problems as "file:line: what", stats).
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "read/reader.h"

namespace annals {

struct ReadResult {
  std::vector<Document> docs;         // delivered, in order
  std::vector<std::string> problems;  // ReadProblem::ToString(), in order
  ReadStats stats;
};

inline ReadResult ReadString(std::string_view data, std::string_view name,
                             InputFormat format = InputFormat::kAuto, size_t max_record = 64u << 20) {
  ReadResult r;
  ReadOptions opt;
  opt.format = format;
  opt.max_record_bytes = max_record;
  opt.on_document = [&](Document&& d) {
    r.docs.push_back(std::move(d));
    return true;
  };
  opt.on_problem = [&](const ReadProblem& p) { r.problems.push_back(p.ToString()); };
  Status st = ReadBytes(data, name, opt, &r.stats);
  (void)st;  // ReadBytes reports everything through on_problem
  return r;
}

// gzip-compresses `s` (as `gzip` would).
inline std::string Gzip(std::string_view s) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, s.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// zstd-compresses `s` (as `zstd` would).
inline std::string Zstd(std::string_view s) {
  std::string out(ZSTD_compressBound(s.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), s.data(), s.size(), 3));
  return out;
}

}  // namespace annals
