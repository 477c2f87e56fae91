// JSONL: one article per line, parsed with simdjson's DOM parser (it fully
// validates each line, so a malformed line is always caught and reported).
#include <simdjson.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "read/field_names.h"
#include "read/formats.h"

namespace annals {

namespace {

std::string_view TypeName(simdjson::dom::element_type t) {
  switch (t) {
    case simdjson::dom::element_type::ARRAY: return "an array";
    case simdjson::dom::element_type::OBJECT: return "an object";
    case simdjson::dom::element_type::BOOL: return "a boolean";
    case simdjson::dom::element_type::NULL_VALUE: return "null";
    case simdjson::dom::element_type::STRING: return "a string";
    default: return "a number";
  }
}

// Fills `r` from one parsed line. Returns "" or what is wrong.
std::string FillRecord(simdjson::dom::element root, RawRecord* r) {
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS)
    return "expected a JSON object (one article per line), found " + std::string(TypeName(root.type()));
  int rank[8];
  for (int& x : rank) x = 1 << 20;
  for (auto [key, value] : obj) {
    const Field f = FieldFromName(key);
    if (f == Field::kUnknown) continue;
    const int k = FieldAliasRank(key);
    if (k >= rank[static_cast<int>(f)]) continue;  // a preferred alias was already seen
    std::string text;
    switch (value.type()) {
      case simdjson::dom::element_type::STRING: text = std::string(value.get_string().value_unsafe()); break;
      case simdjson::dom::element_type::INT64:
      case simdjson::dom::element_type::UINT64:
      case simdjson::dom::element_type::DOUBLE: text = simdjson::minify(value); break;  // e.g. numeric ids
      case simdjson::dom::element_type::NULL_VALUE: continue;                           // as if absent
      default:
        return "field '" + std::string(key) + "' must be a string, found " + std::string(TypeName(value.type()));
    }
    rank[static_cast<int>(f)] = k;
    switch (f) {
      case Field::kId: r->id = std::move(text); break;
      case Field::kDate: r->date = std::move(text); break;
      case Field::kTitle: r->title = std::move(text); break;
      case Field::kText: r->text = std::move(text); break;
      case Field::kUrl: r->url = std::move(text); break;
      case Field::kSource: r->source = std::move(text); break;
      case Field::kLanguage: r->language = std::move(text); break;
      case Field::kUnknown: break;
    }
  }
  return "";
}

}  // namespace

Status ReadJsonlFormat(LineInput* in, RecordSink* sink) {
  simdjson::dom::parser parser;
  std::vector<char> padded;  // one line plus simdjson's padding, reused
  std::string repaired;
  bool first = true;
  for (;;) {
    std::string_view line;
    auto next = in->ReadLine(&line);
    if (!next.ok()) return next.status();
    if (*next == LineInput::Next::kEof) break;
    const uint64_t n = in->line_no();
    if (*next == LineInput::Next::kTooLong) {
      sink->Skip(n, "line longer than " + SizeText(sink->options().max_record_bytes) + ": skipped");
      continue;
    }
    if (first && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    const std::string_view trimmed = TrimAscii(line);
    if (trimmed.empty()) continue;  // blank lines separate nothing: not records
    if (first && trimmed.front() == '[') {
      sink->SkipFile(n, "a JSON array, not JSON Lines: expected one JSON object per line; file skipped");
      return Status::Ok();
    }
    first = false;
    size_t fixes = 0;
    if (!IsValidUtf8(line)) {
      // simdjson rejects invalid UTF-8; repair first so the article survives.
      repaired.assign(line);
      fixes = RepairUtf8(&repaired);
      line = repaired;
    }
    if (padded.size() < line.size() + simdjson::SIMDJSON_PADDING) padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded.data(), line.data(), line.size());
    simdjson::dom::element root;
    const auto err = parser.parse(reinterpret_cast<const uint8_t*>(padded.data()), line.size(), false).get(root);
    if (err != simdjson::SUCCESS) {
      sink->Skip(n, std::string("malformed JSON: ") + simdjson::error_message(err));
      continue;
    }
    RawRecord r;
    const std::string what = FillRecord(root, &r);
    if (!what.empty()) {
      sink->Skip(n, what);
      continue;
    }
    r.repairs = fixes;
    if (!sink->Deliver(std::move(r), n)) break;
  }
  return Status::Ok();
}

}  // namespace annals
