// CSV (RFC 4180): a header row naming the columns, then one article per
// record; quoted fields may span lines and escape '"' as '""'.
//
// Leniency, deliberately: a '"' inside an unquoted field is kept literally
// (common in the wild: 5" screen), CRLF and LF both end records, blank lines
// between records are ignored. Errors that lose the record boundary or the
// field meaning are reported: text after a closing quote, a quoted field
// still open at end of file, a row whose field count differs from the header.
#include <string>
#include <vector>

#include "read/field_names.h"
#include "read/formats.h"

namespace annals {

namespace {

struct CsvRow {
  std::vector<std::string> fields;
  uint64_t line = 0;   // line where the row starts
  std::string error;   // "" if well-formed
  bool fatal = false;  // the record boundary is lost: stop reading the file
};

// Reads the next non-blank row. Returns false at end of input.
Result<bool> NextRow(LineInput* in, size_t max_bytes, CsvRow* row) {
  row->fields.clear();
  row->error.clear();
  row->fatal = false;
  std::string_view line;
  for (;;) {  // skip blank lines
    auto next = in->ReadLine(&line);
    if (!next.ok()) return next.status();
    if (*next == LineInput::Next::kEof) return false;
    row->line = in->line_no();
    if (*next == LineInput::Next::kTooLong) {
      row->error = "line longer than " + SizeText(max_bytes);
      return true;
    }
    if (!line.empty()) break;
  }
  std::string field;
  bool in_quotes = false;
  bool field_start = true;
  bool after_quote = false;  // just closed a quoted field
  size_t bytes = 0;
  for (;;) {
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (in_quotes) {
        if (c == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field.push_back('"');
            ++i;
          } else {
            in_quotes = false;
            after_quote = true;
          }
        } else {
          field.push_back(c);
        }
        continue;
      }
      if (c == ',') {
        row->fields.push_back(std::move(field));
        field.clear();
        field_start = true;
        after_quote = false;
        continue;
      }
      if (c == '"' && field_start) {
        in_quotes = true;
        field_start = false;
        continue;
      }
      if (after_quote && row->error.empty()) {
        row->error = "malformed CSV: unexpected '" + std::string(1, c) + "' after the closing quote of field " +
                     std::to_string(row->fields.size() + 1) + " (quotes inside a quoted field must be doubled)";
      }
      field_start = false;
      field.push_back(c);
    }
    if (!in_quotes) break;
    // A quoted field continues on the next line.
    bytes += line.size() + 1;
    if (bytes > max_bytes) {
      row->error = "malformed CSV: quoted field opened at line " + std::to_string(row->line) + " runs past " +
                   SizeText(max_bytes) + " (unbalanced quote?); rest of the file skipped";
      row->fatal = true;
      return true;
    }
    auto next = in->ReadLine(&line);
    if (!next.ok()) return next.status();
    if (*next == LineInput::Next::kEof) {
      row->error = "malformed CSV: quoted field opened at line " + std::to_string(row->line) +
                   " is not closed before the end of the file";
      row->fatal = true;
      row->fields.push_back(std::move(field));
      return true;
    }
    if (*next == LineInput::Next::kTooLong) {
      row->error = "line " + std::to_string(in->line_no()) + " longer than " + SizeText(max_bytes) +
                   " inside a quoted field; rest of the file skipped";
      row->fatal = true;
      return true;
    }
    field.push_back('\n');
  }
  row->fields.push_back(std::move(field));
  return true;
}

}  // namespace

Status ReadCsvFormat(LineInput* in, RecordSink* sink) {
  const size_t max_bytes = sink->options().max_record_bytes;
  CsvRow row;
  auto got = NextRow(in, max_bytes, &row);
  if (!got.ok()) return got.status();
  if (!*got) return Status::Ok();
  if (!row.error.empty()) {
    sink->SkipFile(row.line, "CSV header: " + row.error + "; file skipped");
    return Status::Ok();
  }
  // Column → field, keeping the preferred alias when several name one field.
  std::vector<Field> columns(row.fields.size(), Field::kUnknown);
  std::vector<int> best(8, 1 << 20);
  std::vector<int> chosen(8, -1);
  for (size_t c = 0; c < row.fields.size(); ++c) {
    std::string_view name = TrimAscii(row.fields[c]);
    if (c == 0 && name.substr(0, 3) == "\xEF\xBB\xBF") name.remove_prefix(3);
    const Field f = FieldFromName(name);
    if (f == Field::kUnknown) continue;
    const int rank = FieldAliasRank(name);
    if (rank < best[static_cast<int>(f)]) {
      best[static_cast<int>(f)] = rank;
      chosen[static_cast<int>(f)] = static_cast<int>(c);
    }
  }
  for (int f = 0; f < 8; ++f)
    if (chosen[f] >= 0) columns[chosen[f]] = static_cast<Field>(f);
  if (chosen[static_cast<int>(Field::kText)] < 0 && chosen[static_cast<int>(Field::kTitle)] < 0) {
    sink->SkipFile(row.line, "CSV header names no text (text, body, content) or title column; file skipped");
    return Status::Ok();
  }
  const size_t width = columns.size();
  for (;;) {
    got = NextRow(in, max_bytes, &row);
    if (!got.ok()) return got.status();
    if (!*got) break;
    if (!row.error.empty()) {
      sink->Skip(row.line, row.error);
      if (row.fatal) break;
      continue;
    }
    if (row.fields.size() != width) {
      sink->Skip(row.line, "malformed CSV: expected " + std::to_string(width) + " fields as in the header, found " +
                               std::to_string(row.fields.size()));
      continue;
    }
    RawRecord r;
    for (size_t c = 0; c < width; ++c) {
      switch (columns[c]) {
        case Field::kId: r.id = std::move(row.fields[c]); break;
        case Field::kDate: r.date = std::move(row.fields[c]); break;
        case Field::kTitle: r.title = std::move(row.fields[c]); break;
        case Field::kText: r.text = std::move(row.fields[c]); break;
        case Field::kUrl: r.url = std::move(row.fields[c]); break;
        case Field::kSource: r.source = std::move(row.fields[c]); break;
        case Field::kLanguage: r.language = std::move(row.fields[c]); break;
        case Field::kUnknown: break;
      }
    }
    if (!sink->Deliver(std::move(r), row.line)) break;
  }
  return Status::Ok();
}

}  // namespace annals
