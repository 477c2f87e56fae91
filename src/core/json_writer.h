// JsonWriter: a streaming JSON emitter for annals' outputs (extract JSONL, the
// HTTP API). Hand-written rather than nlohmann::json because output is written
// straight into one reused buffer, with no DOM per article: extract's output
// stage must keep up with the extractors (tens of MB/s). Parsing input JSON
// uses simdjson. Not thread-safe; one writer per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // Writes "key": inside an object; the next value call supplies the value.
  void Key(std::string_view key);
  void String(std::string_view v);  // escapes per RFC 8259; input must be UTF-8
  void Int(int64_t v);
  void Double(double v);
  void Bool(bool v);
  void Null();
  // Inserts already-serialised JSON as a value (caller guarantees validity).
  void Raw(std::string_view json);

  // Convenience: Key(k) then the value.
  void Field(std::string_view k, std::string_view v) { Key(k); String(v); }
  void Field(std::string_view k, const char* v) { Key(k); String(v); }
  void Field(std::string_view k, int64_t v) { Key(k); Int(v); }
  void Field(std::string_view k, int v) { Key(k); Int(v); }
  void Field(std::string_view k, uint32_t v) { Key(k); Int(v); }
  void Field(std::string_view k, uint64_t v) { Key(k); Int(static_cast<int64_t>(v)); }
  void Field(std::string_view k, double v) { Key(k); Double(v); }
  void Field(std::string_view k, bool v) { Key(k); Bool(v); }

 private:
  void Separate();
  std::string* out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends `s` JSON-escaped (without surrounding quotes) to `out`.
void AppendJsonEscaped(std::string_view s, std::string* out);

}  // namespace annals
