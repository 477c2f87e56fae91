// Streaming JSON output.
#include "core/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace annals {

void AppendJsonEscaped(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::BeginObject() {
  Separate();
  out_->push_back('{');
  first_.push_back(true);
}
void JsonWriter::EndObject() {
  out_->push_back('}');
  first_.pop_back();
}
void JsonWriter::BeginArray() {
  Separate();
  out_->push_back('[');
  first_.push_back(true);
}
void JsonWriter::EndArray() {
  out_->push_back(']');
  first_.pop_back();
}
void JsonWriter::Key(std::string_view key) {
  Separate();
  out_->push_back('"');
  AppendJsonEscaped(key, out_);
  out_->append("\":");
  after_key_ = true;
}
void JsonWriter::String(std::string_view v) {
  Separate();
  out_->push_back('"');
  AppendJsonEscaped(v, out_);
  out_->push_back('"');
}
void JsonWriter::Int(int64_t v) {
  Separate();
  // to_chars writes the same digits as "%lld" at a fraction of snprintf's
  // cost (Int was the JSON writer's most expensive call).
  char buf[24];
  const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}
void JsonWriter::Double(double v) {
  Separate();
  if (!std::isfinite(v)) {
    out_->append("null");
    return;
  }
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.6g", v);
  out_->append(buf, n);
}
void JsonWriter::Bool(bool v) {
  Separate();
  out_->append(v ? "true" : "false");
}
void JsonWriter::Null() {
  Separate();
  out_->append("null");
}
void JsonWriter::Raw(std::string_view json) {
  Separate();
  out_->append(json);
}

}  // namespace annals
