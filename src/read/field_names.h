// The article fields JSONL keys and CSV columns may name, with their aliases.
// One table for both readers, so they accept exactly the same names.
#pragma once

#include <string_view>

namespace annals {

enum class Field { kUnknown, kId, kDate, kTitle, kText, kUrl, kSource, kLanguage };

// Case-insensitive: id; date published dct pubdate; title; text body content;
// url uri; source publisher; language lang. kUnknown for anything else.
Field FieldFromName(std::string_view name);

// Among aliases of one field, the lower rank wins when a record has several
// (text beats body beats content; date beats published ...).
int FieldAliasRank(std::string_view name);

}  // namespace annals
