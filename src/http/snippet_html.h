// A search hit's snippet as the API sends it: its text HTML-escaped, the
// highlighted byte ranges inside <mark> ... </mark>.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "search/archive.h"

namespace annals {

// The snippet's HTML. Highlights out of order, out of range or empty are
// left out.
std::string SnippetHtml(std::string_view s, const std::vector<Highlight>& hl);

// Appends SnippetHtml(s, hl) as a JSON string (quotes included) to `out`:
// the bytes JsonWriter::String(SnippetHtml(s, hl)) writes, in one pass over
// the text and without the intermediate string (snippet_html_test).
void AppendSnippetHtmlJson(std::string_view s, const std::vector<Highlight>& hl, std::string* out);

}  // namespace annals
