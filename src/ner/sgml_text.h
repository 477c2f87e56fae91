// Pulls the <TITLE> and <BODY> texts out of Reuters-21578 SGML files, for
// learning the lexicon and for benchmarks. Not a general reader (that is
// src/read): no attributes, no nesting beyond what Reuters uses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace annals::ner {

// Appends the titles and bodies of `sgml` (entities &lt; &gt; &amp; decoded,
// invalid UTF-8 repaired) to `out`, one string each.
void ExtractSgmlTexts(std::string_view sgml, std::vector<std::string>* out);

// Reads a file and calls ExtractSgmlTexts on it.
Status ReadSgmlTexts(const std::string& path, std::vector<std::string>* out);

}  // namespace annals::ner
