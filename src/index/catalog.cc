// Catalog encoding and FileCatalogStore (catalog.h).
#include "index/catalog.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace annals::index {

std::string EncodeCatalog(const CatalogState& s) {
  std::string out = "annals-index-catalog 1\ngeneration " + std::to_string(s.generation) + "\n";
  for (const CatalogEntry& e : s.segments) {
    out += "segment " + e.segment + " " + (e.deletions.empty() ? "-" : e.deletions) + " " +
           std::to_string(e.num_docs) + " " + std::to_string(e.num_deleted) + "\n";
  }
  return out;
}

Result<CatalogState> DecodeCatalog(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string line;
  CatalogState s;
  int line_no = 0;
  auto bad = [&](const std::string& what) {
    return Status::Corruption("index catalog line " + std::to_string(line_no) + ": " + what);
  };
  while (std::getline(in, line)) {
    line_no++;
    std::istringstream ls(line);
    std::string word;
    ls >> word;
    if (line_no == 1) {
      int version = 0;
      if (word != "annals-index-catalog" || !(ls >> version)) return bad("not an index catalog");
      if (version != 1) return Status::Unsupported("index catalog version " + std::to_string(version));
    } else if (word == "generation") {
      if (!(ls >> s.generation)) return bad("bad generation");
    } else if (word == "segment") {
      CatalogEntry e;
      if (!(ls >> e.segment >> e.deletions >> e.num_docs >> e.num_deleted)) return bad("bad segment line");
      if (e.deletions == "-") e.deletions.clear();
      if (e.segment.find('/') != std::string::npos || e.deletions.find('/') != std::string::npos) {
        return bad("file names must not contain '/'");
      }
      s.segments.push_back(std::move(e));
    } else if (!word.empty()) {
      return bad("unknown record '" + word + "'");
    }
  }
  if (line_no == 0) return bad("empty catalog");
  return s;
}

Result<std::optional<CatalogState>> FileCatalogStore::Load() {
  std::ifstream in(dir_ + "/CATALOG", std::ios::binary);
  if (!in) return std::optional<CatalogState>();
  std::stringstream ss;
  ss << in.rdbuf();
  Result<CatalogState> s = DecodeCatalog(ss.str());
  if (!s.ok()) return Status(s.status());
  return std::optional<CatalogState>(std::move(*s));
}

Status FileCatalogStore::Commit(const CatalogState& state) {
  std::string tmp = dir_ + "/CATALOG.tmp", path = dir_ + "/CATALOG";
  std::string bytes = EncodeCatalog(state);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(tmp + ": " + std::strerror(errno));
  bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) return Status::IoError(path + ": " + std::strerror(errno));
  int dfd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::Ok();
}

}  // namespace annals::index
