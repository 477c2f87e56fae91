// Readers: turn input files (plain seed format, JSONL, CSV, Reuters SGML,
// optionally .gz/.zst compressed, folders, stdin) into Documents.
//
// Bad input never crashes and never vanishes silently: every skipped record
// and every repaired text is reported through ReadObserver with file:line and
// counted in ReadStats. Readers stream: memory is bounded by one record
// (plus the decompression buffer), not by the file.
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

struct ReadStats {
  uint64_t files = 0;     // files opened
  uint64_t read = 0;      // records seen (ok + skipped)
  uint64_t ok = 0;        // documents delivered
  uint64_t repaired = 0;  // delivered documents whose UTF-8 was repaired
  uint64_t skipped = 0;   // records not delivered (malformed, invalid date, empty ...)
  uint64_t bytes = 0;     // input bytes consumed (uncompressed)
};

// One problem with the input, located as precisely as known.
struct ReadProblem {
  std::string file;   // path as given ("-" for stdin)
  uint64_t line = 0;  // 1-based line where the record starts, 0 if unknown
  std::string what;   // "malformed JSON: expected ',' or '}'", "invalid date '2025-02-30': ..."
  bool skipped = true;  // false: a repair (the document was still delivered)
  // "file:line: what" — the form printed on stderr.
  std::string ToString() const;
};

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // force a format (--format)
  // Called for every document, in input order; return false to stop reading.
  std::function<bool(Document&&)> on_document;
  // Called for every problem (may be null).
  std::function<void(const ReadProblem&)> on_problem;
};

// Reads every path in order ("-" is stdin; folders are walked recursively in
// sorted order). Returns a non-ok Status only for a failure that stops
// reading altogether (unreadable path); record-level problems go to
// on_problem and the stats.
Status ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options, ReadStats* stats);

}  // namespace annals
