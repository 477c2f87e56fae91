// libFuzzer target for the query parser and compiler: any bytes must give a
// tree or a positioned error, never a crash, and a parsed tree must compile
// to SQL whose placeholders match its parameters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "search/query.h"
#include "search/query_compiler.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view q(reinterpret_cast<const char*>(data), size);
  auto parsed = annals::ParseQuery(q);
  if (!parsed.ok()) {
    const int pos = annals::QueryErrorPosition(parsed.status());
    if (pos < 1 || static_cast<size_t>(pos) > q.size() + 1) std::abort();
    return 0;
  }
  (void)annals::QueryToString(*parsed);
  annals::CompiledQuery c = annals::CompileQuery(*parsed, "K", 2);
  // The highest placeholder must be the last parameter.
  const std::string last = "?" + std::to_string(1 + c.params.size());
  if (!c.params.empty() && c.where.find(last) == std::string::npos) std::abort();
  return 0;
}
