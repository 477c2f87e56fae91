// The seed's plain article format: "date YYYY-MM-DD <title>", blank line, body.
#include <string>

#include "read/formats.h"

namespace annals {

Status ReadPlainFormat(LineInput* in, RecordSink* sink) {
  // One article per file: the file is the record, bounded like any record.
  std::string content;
  auto whole = in->ReadRest(&content, sink->options().max_record_bytes);
  if (!whole.ok()) return whole.status();
  if (!*whole) {
    sink->Skip(1, "article larger than " + SizeText(sink->options().max_record_bytes) +
                      ": skipped (a plain file holds one article)");
    return Status::Ok();
  }
  size_t i = 0;
  if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // UTF-8 byte order mark
  uint64_t line = 1;
  while (i < content.size() && (content[i] == ' ' || content[i] == '\t' || content[i] == '\n' || content[i] == '\r')) {
    if (content[i] == '\n') ++line;
    ++i;
  }
  RawRecord r;
  if (content.compare(i, 5, "date ") != 0) {
    // No header: the whole text is the article, undated and untitled.
    r.text = content.substr(i);
    sink->Deliver(std::move(r), line);
    return Status::Ok();
  }
  size_t eol = content.find('\n', i);
  if (eol == std::string::npos) eol = content.size();
  std::string_view header(content.data() + i + 5, eol - i - 5);
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  const size_t sp = header.find_first_of(" \t");
  const std::string_view date = header.substr(0, sp);
  if (date.empty() || date == "\r") {
    sink->Skip(line, "expected a first line 'date YYYY-MM-DD <title>', found no date after 'date'");
    return Status::Ok();
  }
  r.date = std::string(date);
  if (sp != std::string_view::npos) r.title = std::string(header.substr(sp + 1));
  size_t body = eol < content.size() ? eol + 1 : content.size();
  while (body < content.size() && (content[body] == '\n' || content[body] == '\r')) ++body;
  r.text = content.substr(body);
  sink->Deliver(std::move(r), line);
  return Status::Ok();
}

}  // namespace annals
