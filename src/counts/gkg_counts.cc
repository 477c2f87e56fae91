// FormatGkgCounts: one V2.1COUNTS entry per count.
#include "counts/gkg_counts.h"

#include <algorithm>

namespace annals {

namespace {

// Appends `s` with the GKG delimiters '#' and ';' (and line breaks) blanked.
void AppendClean(std::string_view s, std::string* out) {
  for (char c : s) out->push_back(c == '#' || c == ';' || c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
}

// The object counted, GDELT style: the victims' head phrase without its
// apposition ("innocent people, including women, ..." → "innocent people").
std::string_view ObjectOf(std::string_view victims) {
  const size_t comma = victims.find(',');
  return comma == std::string_view::npos ? victims : victims.substr(0, comma);
}

}  // namespace

std::string FormatGkgCounts(std::string_view text, const std::vector<Count>& counts) {
  std::string out;
  // Character offsets: walk the text once, counting code points (bytes that
  // are not UTF-8 continuation bytes) up to each count's start.
  size_t byte = 0, chars = 0;
  for (const Count& c : counts) {
    size_t target = std::min<size_t>(c.start, text.size());
    if (target < byte) {  // counts out of text order: recount from the start
      byte = 0;
      chars = 0;
    }
    for (; byte < target; ++byte)
      if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) ++chars;
    if (!out.empty()) out.push_back(';');
    out += CountTypeName(c.type);
    out.push_back('#');
    out += std::to_string(c.number);
    out.push_back('#');
    AppendClean(ObjectOf(c.victims), &out);
    out += "#0#";
    AppendClean(c.place, &out);
    out += "######";
    out += std::to_string(chars);
  }
  return out;
}

}  // namespace annals
