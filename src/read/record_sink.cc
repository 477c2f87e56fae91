// Record validation, repair, ids and counting shared by all readers.
#include "read/record_sink.h"

#include "core/utf8.h"

namespace annals {

std::string_view TrimAscii(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string SizeText(size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string InvalidDateMessage(std::string_view given, const Status& status) {
  // ParseIsoDate says "'<s>' is not a date: <why>"; keep the why.
  std::string_view why = status.message();
  const size_t at = why.find("is not a date: ");
  if (at != std::string_view::npos) why.remove_prefix(at + 15);
  std::string shown(given.substr(0, 80));
  RepairUtf8(&shown);
  return "invalid date '" + shown + "': " + std::string(why);
}

RecordSink::RecordSink(std::string file, const ReadOptions& options, ReadStats* stats)
    : file_(std::move(file)), options_(options), stats_(stats) {}

void RecordSink::Report(uint64_t line, std::string what, bool skipped) {
  if (options_.on_problem) options_.on_problem(ReadProblem{file_, line, std::move(what), skipped});
}

void RecordSink::SkipFile(uint64_t line, std::string what) {
  ++stats_->bad_files;
  Report(line, std::move(what), true);
}

void RecordSink::Skip(uint64_t line, std::string what) {
  ++stats_->read;
  ++stats_->skipped;
  Report(line, std::move(what), true);
}

bool RecordSink::Deliver(RawRecord&& r, uint64_t line) {
  if (stopped_) return false;
  Document d;
  if (r.date_parsed) {
    d.date = r.parsed_date;
  } else {
    const std::string_view given = TrimAscii(r.date);
    if (!given.empty()) {
      auto date = ParseIsoDate(given);
      if (!date.ok()) {
        Skip(line, InvalidDateMessage(given, date.status()));
        return true;
      }
      d.date = *date;
    }
  }
  size_t fixes = r.repairs;
  for (std::string* s : {&r.id, &r.title, &r.text, &r.source, &r.url, &r.language}) fixes += RepairUtf8(s);
  d.title = std::string(TrimAscii(r.title));
  d.text = std::move(r.text);
  if (d.title.empty() && TrimAscii(d.text).empty()) {
    Skip(line, "empty record: no title and no text");
    return true;
  }
  d.id = std::string(TrimAscii(r.id));
  if (d.id.empty()) d.id = ContentId(d.title, d.text);
  d.source = std::string(TrimAscii(r.source));
  d.url = std::string(TrimAscii(r.url));
  d.language = std::string(TrimAscii(r.language));
  d.origin = file_ + ":" + std::to_string(line);
  ++stats_->read;
  ++stats_->ok;
  if (fixes > 0) {
    ++stats_->repaired;
    Report(line,
           "invalid UTF-8 repaired (" + std::to_string(fixes) + (fixes == 1 ? " sequence" : " sequences") +
               " replaced by U+FFFD)",
           false);
  }
  if (options_.on_document && !options_.on_document(std::move(d))) stopped_ = true;
  if (tick_) tick_();
  return !stopped_;
}

}  // namespace annals
