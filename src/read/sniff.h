// Format sniffing: which reader a file needs, from its name first and its
// content second, and whether it is text at all.
#pragma once

#include <string>
#include <string_view>

#include "read/reader.h"

namespace annals {

// The format named by a path's extension, ignoring a trailing .gz/.zst:
// .txt → plain; .jsonl .ndjson .json → jsonl; .csv → csv; .sgm .sgml → sgml;
// anything else → kAuto (sniff the content). Case-insensitive.
InputFormat FormatFromName(std::string_view path);

// True for the files a folder walk reads: a known extension (above),
// optionally followed by .gz or .zst, and not named like documentation
// (README*, LICENSE*, LICENCE*, COPYING*, CHANGELOG*, NOTICE*).
bool IsArticleFileName(std::string_view path);

// The format the first bytes of (decompressed) content look like: '{' →
// jsonl; "<!DOCTYPE lewis" or "<REUTERS" → sgml; "date " → plain; a first
// line of comma-separated names including a text or title column → csv;
// otherwise plain (any text is an article). A UTF-8 BOM and leading
// whitespace are skipped.
InputFormat SniffFormat(std::string_view head);

// "" if `head` (the first KiB of a file) looks like text; otherwise why not,
// e.g. "binary file (NUL bytes)".
std::string NotTextReason(std::string_view head);

}  // namespace annals
