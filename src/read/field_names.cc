// The field alias table shared by the JSONL and CSV readers.
#include "read/field_names.h"

#include <cctype>

namespace annals {

namespace {

struct Alias {
  std::string_view name;
  Field field;
  int rank;
};

constexpr Alias kAliases[] = {
    {"id", Field::kId, 0},           {"date", Field::kDate, 0},        {"published", Field::kDate, 1},
    {"dct", Field::kDate, 2},        {"pubdate", Field::kDate, 3},     {"title", Field::kTitle, 0},
    {"text", Field::kText, 0},       {"body", Field::kText, 1},        {"content", Field::kText, 2},
    {"url", Field::kUrl, 0},         {"uri", Field::kUrl, 1},          {"source", Field::kSource, 0},
    {"publisher", Field::kSource, 1}, {"language", Field::kLanguage, 0}, {"lang", Field::kLanguage, 1},
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

const Alias* Find(std::string_view name) {
  for (const Alias& a : kAliases)
    if (EqualsIgnoreCase(a.name, name)) return &a;
  return nullptr;
}

}  // namespace

Field FieldFromName(std::string_view name) {
  const Alias* a = Find(name);
  return a ? a->field : Field::kUnknown;
}

int FieldAliasRank(std::string_view name) {
  const Alias* a = Find(name);
  return a ? a->rank : 99;
}

}  // namespace annals
