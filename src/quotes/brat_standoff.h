// Brat standoff (.ann) reader for attribution corpora such as PolNeAR: text
// spans (T lines: "T3<TAB>Content 120 211;215 230<TAB>text") and attribution
// events (E lines: "E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1", with
// "Content2:T9" for a second content span of the same attribution).
// Other line kinds (A, R, #, notes) are skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace annals {

using SpanSet = std::vector<std::pair<uint32_t, uint32_t>>;  // [start, end) pieces, in order

struct BratAttribution {
  SpanSet content;  // the attributed material: the Content pieces, then those of Content2, …
  SpanSet cue;      // the reporting words
  SpanSet source;   // the speaker; empty for "Attribution-no-source"
};

// Parses the .ann text `ann` (named `file` in messages). Fails with
// "file:line: what" on a malformed T or E line or a dangling reference.
Result<std::vector<BratAttribution>> ParseBratAttributions(std::string_view ann, std::string_view file);

}  // namespace annals

namespace annals {

// Brat offsets count Unicode code points; annals spans count bytes. Rewrites
// every span of `atts` from code-point to byte offsets of the UTF-8 `text`
// (offsets past the end clamp to the text size).
void CodePointSpansToBytes(std::string_view text, std::vector<BratAttribution>* atts);

}  // namespace annals
