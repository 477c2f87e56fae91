// RecordSink: the semantics every reader shares, in one place. A reader finds
// the fields of a record; the sink validates the date, repairs invalid UTF-8,
// gives the record its id, counts it and hands it on (or skips and reports
// it). Not thread-safe; one sink per file being read.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/document.h"
#include "read/reader.h"

namespace annals {

// A record as a reader found it, before validation.
struct RawRecord {
  std::string id;        // "" → ContentId(title, text)
  std::string date;      // as written ("2025-01-17", "2025-01-17T10:00:00Z"); "" → missing
  std::string title;     // headline
  std::string text;      // body
  std::string source;    // publisher
  std::string url;       // link
  std::string language;  // "en"
  size_t repairs = 0;        // invalid UTF-8 sequences the reader already replaced
  bool date_parsed = false;  // true: `parsed_date` holds the date (readers with their own date syntax)
  Date parsed_date;          // used when date_parsed
};

class RecordSink {
 public:
  // `file` names the input in messages; `options` and `stats` must outlive the sink.
  RecordSink(std::string file, const ReadOptions& options, ReadStats* stats);

  // Counts one record that starts at `line` and delivers it: an invalid date
  // skips it ("invalid date '2025-02-30': February 2025 has 28 days"); a
  // record with neither title nor text is skipped; invalid UTF-8 in any
  // field is replaced by U+FFFD and reported without skipping. Returns false
  // once the consumer has asked to stop reading.
  bool Deliver(RawRecord&& record, uint64_t line);

  // Counts one record that starts at `line` as read and skipped, reporting `what`.
  void Skip(uint64_t line, std::string what);

  // Reports that the rest of the file cannot be read as articles (a CSV
  // header without a text column, a JSON array); counts a bad file.
  void SkipFile(uint64_t line, std::string what);

  // Reports a problem that is not one record (a whole file, text between
  // records); counts nothing.
  void Report(uint64_t line, std::string what, bool skipped = true);

  // Called after each delivered document (progress reporting).
  void set_tick(std::function<void()> tick) { tick_ = std::move(tick); }

  bool stopped() const { return stopped_; }
  const std::string& file() const { return file_; }
  const ReadOptions& options() const { return options_; }

 private:
  std::string file_;
  const ReadOptions& options_;
  ReadStats* stats_;
  std::function<void()> tick_;
  bool stopped_ = false;
};

// "invalid date '<given>': <why>" from ParseIsoDate's error status.
std::string InvalidDateMessage(std::string_view given, const Status& status);

// "64 MiB", "12 KiB" or "1000 bytes": a size limit in messages.
std::string SizeText(size_t bytes);

// Trims ASCII whitespace (space, tab, CR, LF) from both ends.
std::string_view TrimAscii(std::string_view s);

}  // namespace annals
