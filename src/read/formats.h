// The four format readers. Each reads records from `in` to its end and hands
// them to `sink` (which validates, counts and reports). A reader returns a
// non-ok Status only when the input itself fails (I/O error, corrupt
// compressed data); the caller reports that against the file and the line
// reached. Problems with the content are the sink's business.
#pragma once

#include "core/status.h"
#include "read/line_input.h"
#include "read/record_sink.h"

namespace annals {

// The seed format: one article per file; optional leading whitespace, a
// first line "date YYYY-MM-DD <title>", blank lines, then the body. A file
// without that first line is one article with no date and no title.
Status ReadPlainFormat(LineInput* in, RecordSink* sink);

// JSONL: one JSON object per line (field names and aliases: field_names.h).
Status ReadJsonlFormat(LineInput* in, RecordSink* sink);

// CSV (RFC 4180) with a header row naming the columns (same names as JSONL).
Status ReadCsvFormat(LineInput* in, RecordSink* sink);

// Reuters-21578 SGML: one article per <REUTERS> element.
Status ReadSgmlFormat(LineInput* in, RecordSink* sink);

}  // namespace annals
