// IndexDirectory (index_directory.h).
#include "index/index_directory.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>
#include <unordered_map>

namespace annals::index {
namespace {

// Deletion file: "ANNDEL1\n" + uint32 num_docs + uint32 crc32(bitmap) + bitmap words.
constexpr char kDelMagic[8] = {'A', 'N', 'N', 'D', 'E', 'L', '1', '\n'};

Status WriteFileDurably(const std::string& path, const std::string& bytes) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(tmp + ": " + std::strerror(errno));
  bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) return Status::IoError(path + ": " + std::strerror(errno));
  return Status::Ok();
}

Status WriteDeletions(const std::string& path, uint32_t num_docs, const DeletionBitmap& bits) {
  std::string out(kDelMagic, 8);
  uint32_t crc = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(bits.data()), static_cast<uInt>(bits.size() * 8)));
  out.append(reinterpret_cast<const char*>(&num_docs), 4);
  out.append(reinterpret_cast<const char*>(&crc), 4);
  out.append(reinterpret_cast<const char*>(bits.data()), bits.size() * 8);
  return WriteFileDurably(path, out);
}

Result<std::shared_ptr<const DeletionBitmap>> ReadDeletions(const std::string& path, uint32_t num_docs) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Corruption(path + ": deletion file missing: " + std::strerror(errno));
  std::string bytes;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) bytes.append(buf, static_cast<size_t>(n));
  ::close(fd);
  size_t words = (num_docs + 63) / 64;
  if (bytes.size() != 16 + words * 8 || std::memcmp(bytes.data(), kDelMagic, 8) != 0) {
    return Status::Corruption(path + ": bad deletion file");
  }
  uint32_t nd, crc;
  std::memcpy(&nd, bytes.data() + 8, 4);
  std::memcpy(&crc, bytes.data() + 12, 4);
  auto bits = std::make_shared<DeletionBitmap>(words);
  std::memcpy(bits->data(), bytes.data() + 16, words * 8);
  uint32_t got = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(bits->data()), static_cast<uInt>(words * 8)));
  if (nd != num_docs || got != crc) return Status::Corruption(path + ": deletion file damaged");
  return std::shared_ptr<const DeletionBitmap>(std::move(bits));
}

}  // namespace

Result<std::unique_ptr<IndexDirectory>> IndexDirectory::Open(std::string dir, CatalogStore* catalog,
                                                             DirectoryOptions opts) {
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return Status::IoError(dir + ": " + std::strerror(errno));
  }
  std::unique_ptr<IndexDirectory> d(new IndexDirectory(dir, catalog, opts));
  {
    const std::string lock_path = dir + "/LOCK";
    d->lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (d->lock_fd_ < 0) return Status::IoError(lock_path + ": " + std::strerror(errno));
    for (int waited = 0; ::flock(d->lock_fd_, LOCK_EX | LOCK_NB) != 0; waited += 20) {
      if (errno != EWOULDBLOCK || waited >= opts.lock_wait_ms) {
        return Status::IoError(lock_path + ": another process is writing this index (" +
                               std::string(std::strerror(errno)) + ")");
      }
      ::usleep(20000);
    }
  }
  if (opts.fresh) {
    // Start empty, at a generation above every file already there, so new
    // names never collide with the files of the state being replaced.
    uint64_t gen = 0;
    Result<std::optional<CatalogState>> st = catalog->Load();
    if (st.ok() && st->has_value()) gen = (*st)->generation;
    if (DIR* dd = ::opendir(dir.c_str())) {
      while (dirent* ent = ::readdir(dd)) {
        unsigned long long g = 0;
        if (std::sscanf(ent->d_name, "seg_%llu_", &g) == 1 || std::sscanf(ent->d_name, "del_%llu_", &g) == 1)
          gen = std::max<uint64_t>(gen, g);
      }
      ::closedir(dd);
    }
    d->state_.generation = gen;
    d->snap_ = std::make_shared<Snapshot>();
    d->file_counter_ = gen * 1000;
    return d;
  }
  Result<std::optional<CatalogState>> st = catalog->Load();
  if (!st.ok()) return st.status();
  d->state_ = st->value_or(CatalogState{});
  Result<std::shared_ptr<const Snapshot>> snap = d->Load(d->state_);
  if (!snap.ok()) return snap.status();
  d->snap_ = *snap;
  d->RemoveStrays(d->state_);
  d->file_counter_ = d->state_.generation * 1000;
  return d;
}

IndexDirectory::~IndexDirectory() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

std::shared_ptr<const Snapshot> IndexDirectory::snapshot() const {
  std::lock_guard<std::mutex> lock(mu_);
  return snap_;
}

Result<std::shared_ptr<const Snapshot>> IndexDirectory::Load(const CatalogState& state) {
  std::shared_ptr<const Snapshot> old = snapshot();
  return LoadSnapshot(dir_, state, old.get(), opts_.verify_checksums);
}

Result<std::shared_ptr<const Snapshot>> LoadSnapshot(const std::string& dir_, const CatalogState& state,
                                                    const Snapshot* old, bool verify_checksums) {
  auto snap = std::make_shared<Snapshot>();
  snap->generation = state.generation;
  for (const CatalogEntry& e : state.segments) {
    SnapshotSegment sg;
    // Reuse already-mapped segments.
    if (old) {
      for (const auto& o : old->segments) {
        if (o.segment->name() == dir_ + "/" + e.segment) sg.segment = o.segment;
      }
    }
    if (!sg.segment) {
      Result<std::shared_ptr<const Segment>> s =
          Segment::Open(dir_ + "/" + e.segment, OpenOptions{verify_checksums});
      if (!s.ok()) return s.status();
      sg.segment = *s;
    }
    if (sg.segment->num_docs() != e.num_docs) {
      return Status::Corruption(dir_ + "/" + e.segment + ": document count differs from the catalog");
    }
    if (!e.deletions.empty()) {
      Result<std::shared_ptr<const DeletionBitmap>> del = ReadDeletions(dir_ + "/" + e.deletions, e.num_docs);
      if (!del.ok()) return del.status();
      sg.deleted = *del;
    }
    snap->segments.push_back(std::move(sg));
  }
  return std::shared_ptr<const Snapshot>(std::move(snap));
}

void IndexDirectory::RemoveStrays(const CatalogState& state) {
  std::set<std::string> keep{"CATALOG", "LOCK"};
  for (const CatalogEntry& e : state.segments) {
    keep.insert(e.segment);
    if (!e.deletions.empty()) keep.insert(e.deletions);
  }
  DIR* d = ::opendir(dir_.c_str());
  if (!d) return;
  std::vector<std::string> remove;
  while (dirent* ent = ::readdir(d)) {
    std::string name = ent->d_name;
    bool ours = name.rfind("seg_", 0) == 0 || name.rfind("del_", 0) == 0 || name == "CATALOG.tmp";
    if (ours && !keep.count(name)) remove.push_back(name);
  }
  ::closedir(d);
  for (const std::string& n : remove) ::unlink((dir_ + "/" + n).c_str());
}

std::string IndexDirectory::NewFileName(const char* kind) {
  // Unique across restarts: the generation about to be committed, then a counter.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s_%010llu_%04llu", kind, static_cast<unsigned long long>(state_.generation + 1),
                static_cast<unsigned long long>(++file_counter_ % 10000));
  return buf;
}

Result<CatalogState> IndexDirectory::PrepareBatch(SegmentBuilder* batch, const std::vector<uint64_t>& delete_ids) {
  CatalogState next = state_;
  next.generation++;
  std::shared_ptr<const Snapshot> snap = snapshot();
  if (!delete_ids.empty()) {
    std::unordered_map<uint64_t, bool> wanted;
    for (uint64_t id : delete_ids) wanted[id] = true;
    for (size_t i = 0; i < snap->segments.size(); i++) {
      const SnapshotSegment& sg = snap->segments[i];
      const Segment& seg = *sg.segment;
      DeletionBitmap bits = sg.deleted ? *sg.deleted : DeletionBitmap((seg.num_docs() + 63) / 64, 0);
      uint32_t added = 0;
      for (uint32_t d = 0; d < seg.num_docs(); d++) {
        if (wanted.count(seg.ext_id(d)) && !sg.IsDeleted(d)) {
          bits[d >> 6] |= 1ull << (d & 63);
          added++;
        }
      }
      if (added == 0) continue;
      std::string name = NewFileName("del") + ".del";
      ANNALS_RETURN_IF_ERROR(WriteDeletions(dir_ + "/" + name, seg.num_docs(), bits));
      next.segments[i].deletions = name;
      next.segments[i].num_deleted += added;
    }
  }
  if (batch && batch->num_docs() > 0) {
    std::string name = NewFileName("seg") + ".ais";
    uint32_t n = static_cast<uint32_t>(batch->num_docs());
    ANNALS_RETURN_IF_ERROR(batch->Write(dir_ + "/" + name));
    next.segments.push_back(CatalogEntry{name, "", n, 0});
  }
  return next;
}

Result<CatalogEntry> IndexDirectory::PrepareSegment(SegmentBuilder* batch) {
  if (!batch || batch->num_docs() == 0) return Status::InvalidArgument("PrepareSegment: empty batch");
  std::string name = NewFileName("seg") + ".ais";
  uint32_t n = static_cast<uint32_t>(batch->num_docs());
  ANNALS_RETURN_IF_ERROR(batch->Write(dir_ + "/" + name));
  return CatalogEntry{name, "", n, 0};
}

Status IndexDirectory::Publish(const CatalogState& committed) {
  Result<std::shared_ptr<const Snapshot>> snap = Load(committed);
  if (!snap.ok()) return snap.status();
  {
    std::lock_guard<std::mutex> lock(mu_);
    snap_ = *snap;
  }
  state_ = committed;
  RemoveStrays(state_);
  return Status::Ok();
}

Status IndexDirectory::Commit(SegmentBuilder* batch, const std::vector<uint64_t>& delete_ids) {
  Result<CatalogState> next = PrepareBatch(batch, delete_ids);
  if (!next.ok()) return next.status();
  ANNALS_RETURN_IF_ERROR(catalog_->Commit(*next));
  return Publish(*next);
}

Result<int> IndexDirectory::MaybeMerge() {
  std::shared_ptr<const Snapshot> snap = snapshot();
  std::vector<uint64_t> live, total;
  for (const CatalogEntry& e : state_.segments) {
    live.push_back(e.num_docs - e.num_deleted);
    total.push_back(e.num_docs);
  }
  std::vector<std::vector<size_t>> groups = PickMerges(live, total, opts_.merge);
  if (groups.empty()) return 0;
  CatalogState next;
  next.generation = state_.generation + 1;
  std::vector<bool> merged(state_.segments.size(), false);
  std::vector<CatalogEntry> added;
  for (const auto& g : groups) {
    std::vector<SnapshotSegment> parts;
    uint64_t n = 0;
    for (size_t i : g) {
      parts.push_back(snap->segments[i]);
      merged[i] = true;
      n += live[i];
    }
    std::string name = NewFileName("seg") + ".ais";
    ANNALS_RETURN_IF_ERROR(MergeSegments(parts, opts_.codec, dir_ + "/" + name));
    if (n > 0) added.push_back(CatalogEntry{name, "", static_cast<uint32_t>(n), 0});
  }
  for (size_t i = 0; i < state_.segments.size(); i++) {
    if (!merged[i]) next.segments.push_back(state_.segments[i]);
  }
  for (auto& e : added) next.segments.push_back(e);
  ANNALS_RETURN_IF_ERROR(catalog_->Commit(next));
  ANNALS_RETURN_IF_ERROR(Publish(next));
  return static_cast<int>(groups.size());
}

}  // namespace annals::index
