// TimeML (.tml) reading for evaluation: the document creation time (the
// TIMEX3 with functionInDocument="CREATION_TIME"), the plain text of the
// <TEXT> element with every tag stripped and entities decoded, and the gold
// TIMEX3 annotations as byte spans into that text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace annals {

struct TimemlTimex {
  uint32_t start = 0;  // byte offset into TimemlDoc::text
  uint32_t end = 0;    // byte offset past the expression
  std::string type;    // DATE, TIME, DURATION, SET
  std::string value;   // TIMEX3 value
  std::string mod;     // TIMEX3 mod, "" if none
};

struct TimemlDoc {
  std::string name;                   // file name, for messages
  Date dct;                           // document creation time (day precision)
  std::string text;                   // <TEXT> content, tags stripped
  std::vector<TimemlTimex> timexes;   // gold annotations in text order
};

// Parses one TimeML document. Errors name `name` and the byte offset of the
// problem (missing <TEXT>, unterminated tag, no creation time).
Result<TimemlDoc> ParseTimeml(std::string_view xml, std::string_view name);

}  // namespace annals
