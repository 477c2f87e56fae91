// Readers: turn input files (plain seed format, JSONL, CSV, Reuters SGML,
// optionally .gz/.zst compressed, folders, stdin) into Documents.
//
// Bad input never crashes and never vanishes silently: every skipped record
// and every repaired text is reported through ReadOptions::on_problem with
// file:line and counted in ReadStats. Readers stream: memory is bounded by one
// record (plus the decompression buffer), not by the file.
//
// The pieces, one concern per file: byte_source (files, stdin, memory),
// decompress (.gz, .zst), line_input (buffered lines with line numbers),
// sniff (format by extension, then by content), record_sink (the common
// record semantics: ids, dates, UTF-8 repair, counting), and one reader per
// format (plain_reader, jsonl_reader, csv_reader, sgml_reader).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace annals {

enum class InputFormat { kAuto, kPlain, kJsonl, kCsv, kSgml };
// "auto", "plain", "jsonl", "csv", "sgml"; returns false for an unknown name.
bool ParseInputFormat(std::string_view name, InputFormat* out);
// The inverse of ParseInputFormat ("plain" ...).
std::string_view InputFormatName(InputFormat format);

struct ReadStats {
  uint64_t files = 0;      // files opened (stdin counts as one)
  uint64_t read = 0;       // records seen (ok + skipped)
  uint64_t ok = 0;         // documents delivered
  uint64_t repaired = 0;   // delivered documents whose UTF-8 was repaired
  uint64_t skipped = 0;    // records not delivered (malformed, invalid date, ...)
  uint64_t bytes = 0;      // input bytes consumed (uncompressed)
  uint64_t bad_files = 0;  // files not read as a whole: empty, binary, unknown format, corrupt compression
  uint64_t ignored = 0;    // files inside walked folders that are not article files (README.md, *.dtd ...)
  uint64_t disk_bytes = 0;  // bytes consumed from disk (compressed size for .gz/.zst): progress so far
};

// One problem with the input, located as precisely as known.
struct ReadProblem {
  std::string file;   // path as given ("-" for stdin)
  uint64_t line = 0;  // 1-based line where the record starts, 0 if about the whole file
  std::string what;   // "malformed JSON: ...", "invalid date '2025-02-30': February 2025 has 28 days"
  bool skipped = true;  // false: a repair (the document was still delivered)
  // "file:line: what" (or "file: what" when line is 0) — the form printed on stderr.
  std::string ToString() const;
};

// Progress of a ReadInputs call, for a progress bar.
struct ReadProgress {
  uint64_t disk_bytes = 0;   // bytes read from disk so far (all files)
  uint64_t total_bytes = 0;  // size on disk of all inputs (stdin not included; 0 if unknown)
  uint64_t documents = 0;    // documents delivered so far
};

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // force a format (--format)
  // Called for every document, in input order; return false to stop reading.
  std::function<bool(Document&&)> on_document;
  // Called for every problem (may be null).
  std::function<void(const ReadProblem&)> on_problem;
  // Called about every megabyte of input and once at the end (may be null).
  std::function<void(const ReadProgress&)> on_progress;
  // A record (a line, a CSV row, an SGML element, a plain file) larger than
  // this is skipped and reported, so that memory stays bounded.
  size_t max_record_bytes = 64u << 20;
};

// Reads every path in order ("-" is stdin; folders are walked recursively in
// sorted order and only their article files are read: .txt .jsonl .ndjson
// .json .csv .sgm .sgml, each optionally .gz/.zst, except README*/LICENSE*
// and the like; other files are counted in ReadStats::ignored). A path named explicitly is read whatever its name, its
// format sniffed from the content. Returns a non-ok Status only for a failure
// that stops reading altogether (a path that does not exist or cannot be
// opened; checked for every path before anything is read); record- and
// file-level problems go to on_problem and the stats.
Status ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options, ReadStats* stats);

// Reads `data` as if it were the content of a file called `name` (its
// extension picks the format unless options.format says otherwise; .gz/.zst
// content is decompressed). The in-memory entry point for tests and fuzzers.
Status ReadBytes(std::string_view data, std::string_view name, const ReadOptions& options, ReadStats* stats);

}  // namespace annals
