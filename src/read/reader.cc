// ReadInputs: resolves paths (files, folders walked in sorted order, stdin),
// opens each input, undoes compression, rejects empty and binary files,
// picks the format and hands the lines to that format's reader.
#include "read/reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "read/decompress.h"
#include "read/formats.h"
#include "read/sniff.h"

namespace annals {

namespace fs = std::filesystem;

bool ParseInputFormat(std::string_view name, InputFormat* out) {
  if (name == "auto") *out = InputFormat::kAuto;
  else if (name == "plain") *out = InputFormat::kPlain;
  else if (name == "jsonl") *out = InputFormat::kJsonl;
  else if (name == "csv") *out = InputFormat::kCsv;
  else if (name == "sgml") *out = InputFormat::kSgml;
  else return false;
  return true;
}

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kPlain: return "plain";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kCsv: return "csv";
    case InputFormat::kSgml: return "sgml";
    case InputFormat::kAuto: break;
  }
  return "auto";
}

std::string ReadProblem::ToString() const {
  if (line == 0) return file + ": " + what;
  return file + ":" + std::to_string(line) + ": " + what;
}

namespace {

constexpr size_t kSniffBytes = 8192;
constexpr uint64_t kProgressEvery = 1u << 20;

// Progress bookkeeping across all the files of one ReadInputs call.
struct Progress {
  uint64_t total = 0;     // size on disk of all inputs
  uint64_t done = 0;      // disk bytes of the files already finished
  uint64_t next_at = 0;   // report when done + current passes this
};

// Reads one opened input. Returns false if the consumer asked to stop.
bool ReadSource(std::unique_ptr<ByteSource> raw, const std::string& name, const ReadOptions& opt, ReadStats* st,
                Progress* progress) {
  ++st->files;
  RecordSink sink(name, opt, st);
  auto file_problem = [&](uint64_t line, std::string what) {
    ++st->bad_files;
    sink.Report(line, std::move(what));
  };
  // The first bytes decide the compression; they are handed back in front.
  std::string head;
  char buf[4096];
  while (head.size() < 4) {
    auto n = raw->Read(buf, sizeof buf);
    if (!n.ok()) {
      file_problem(0, n.status().message());
      return true;
    }
    if (*n == 0) break;
    head.append(buf, *n);
  }
  const Compression comp = DetectCompression(head);
  std::unique_ptr<ByteSource> src = comp == Compression::kNone
                                        ? NewPrefixedSource(head, std::move(raw))
                                        : NewDecompressor(comp, std::move(raw), head);
  LineInput in(std::move(src), opt.max_record_bytes);
  const uint64_t disk_before = progress->done;
  sink.set_tick([&] {
    if (!opt.on_progress) return;
    const uint64_t now = disk_before + in.raw_bytes();
    if (now < progress->next_at) return;
    progress->next_at = now + kProgressEvery;
    opt.on_progress(ReadProgress{now, progress->total, st->ok});
  });
  auto finish = [&] {
    st->bytes += in.bytes();
    st->disk_bytes += in.raw_bytes();
    progress->done += in.raw_bytes();
  };
  auto sample = in.Peek(kSniffBytes);
  if (!sample.ok()) {
    file_problem(0, sample.status().message());
    finish();
    return true;
  }
  const std::string zipped = comp == Compression::kNone ? "" : " (after " + std::string(CompressionName(comp)) + " decompression)";
  if (sample->empty()) {
    file_problem(0, "empty file" + zipped + ": no articles");
    finish();
    return true;
  }
  if (sample->size() < kSniffBytes && TrimAscii(*sample).empty()) {
    file_problem(0, "empty file (only whitespace)" + zipped + ": no articles");
    finish();
    return true;
  }
  if (const std::string why = NotTextReason(*sample); !why.empty()) {
    file_problem(0, why);
    finish();
    return true;
  }
  InputFormat format = opt.format;
  if (format == InputFormat::kAuto) format = FormatFromName(name);
  if (format == InputFormat::kAuto) format = SniffFormat(*sample);
  Status status;
  switch (format) {
    case InputFormat::kJsonl: status = ReadJsonlFormat(&in, &sink); break;
    case InputFormat::kCsv: status = ReadCsvFormat(&in, &sink); break;
    case InputFormat::kSgml: status = ReadSgmlFormat(&in, &sink); break;
    case InputFormat::kPlain:
    case InputFormat::kAuto: status = ReadPlainFormat(&in, &sink); break;
  }
  if (!status.ok()) file_problem(in.line_no(), status.message() + "; rest of the file skipped");
  finish();
  return !sink.stopped();
}

struct InputFile {
  std::string path;
  uint64_t size = 0;
};

// Expands `paths` into the files to read, in order. Folders are walked
// recursively, in sorted order, keeping only article files.
Status Resolve(const std::vector<std::string>& paths, std::vector<InputFile>* files, ReadStats* st) {
  for (const std::string& p : paths) {
    if (p == "-") {
      files->push_back({p, 0});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      if (ec && ec != std::errc::no_such_file_or_directory) return Status::IoError(p + ": " + ec.message());
      return Status::NotFound(p + ": no such file or folder");
    }
    if (!fs::is_directory(status)) {
      const uintmax_t size = fs::is_regular_file(status) ? fs::file_size(p, ec) : 0;
      files->push_back({p, ec ? 0 : static_cast<uint64_t>(size)});
      continue;
    }
    std::vector<InputFile> found;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      std::error_code fec;
      if (!it->is_regular_file(fec)) continue;
      const std::string path = it->path().string();
      if (!IsArticleFileName(path)) {
        ++st->ignored;
        continue;
      }
      const uintmax_t size = it->file_size(fec);
      found.push_back({path, fec ? 0 : static_cast<uint64_t>(size)});
    }
    if (ec) return Status::IoError(p + ": cannot walk the folder: " + ec.message());
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    files->insert(files->end(), found.begin(), found.end());
  }
  return Status::Ok();
}

}  // namespace

Status ReadInputs(const std::vector<std::string>& paths, const ReadOptions& opt, ReadStats* st) {
  std::vector<InputFile> files;
  ANNALS_RETURN_IF_ERROR(Resolve(paths, &files, st));
  Progress progress;
  for (const InputFile& f : files) progress.total += f.size;
  for (const InputFile& f : files) {
    auto src = OpenFileSource(f.path);
    if (!src.ok()) return src.status();
    if (!ReadSource(std::move(*src), f.path, opt, st, &progress)) break;
  }
  if (opt.on_progress) opt.on_progress(ReadProgress{progress.done, progress.total, st->ok});
  return Status::Ok();
}

Status ReadBytes(std::string_view data, std::string_view name, const ReadOptions& opt, ReadStats* st) {
  Progress progress;
  progress.total = data.size();
  ReadSource(NewMemorySource(data), std::string(name), opt, st, &progress);
  return Status::Ok();
}

}  // namespace annals
