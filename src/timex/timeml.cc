// TimeML reader: a small hand-written scanner for the TBAQ flavour of
// TimeML (well-formed XML, no CDATA, attributes in double quotes).
#include "timex/timeml.h"

namespace annals {

namespace {

// Value of attribute `name` inside a start tag's text, "" if absent.
std::string Attr(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool word_start = pos == 0 || tag[pos - 1] == ' ' || tag[pos - 1] == '\t' ||
                            tag[pos - 1] == '\n';
    const size_t eq = pos + name.size();
    if (word_start && eq + 1 < tag.size() && tag[eq] == '=' && tag[eq + 1] == '"') {
      const size_t close = tag.find('"', eq + 2);
      if (close == std::string_view::npos) return "";
      return std::string(tag.substr(eq + 2, close - eq - 2));
    }
    pos = eq;
  }
  return "";
}

// Appends `raw` to `out` with the five XML entities decoded.
void AppendDecoded(std::string_view raw, std::string* out) {
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEnt[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (const auto& [ent, ch] : kEnt) {
        if (raw.substr(i, ent.size()) == ent) {
          out->push_back(ch);
          i += ent.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out->push_back(raw[i]);
  }
}

}  // namespace

Result<TimemlDoc> ParseTimeml(std::string_view xml, std::string_view name) {
  TimemlDoc doc;
  doc.name = std::string(name);
  const std::string where = std::string(name) + ": ";
  // Creation time.
  const size_t ct = xml.find("functionInDocument=\"CREATION_TIME\"");
  if (ct == std::string_view::npos)
    return Status::InvalidArgument(where + "no TIMEX3 with functionInDocument=\"CREATION_TIME\"");
  const size_t tag_start = xml.rfind('<', ct);
  const size_t tag_end = xml.find('>', ct);
  if (tag_start == std::string_view::npos || tag_end == std::string_view::npos)
    return Status::InvalidArgument(where + "malformed creation-time tag at byte " + std::to_string(ct));
  const std::string dct_value = Attr(xml.substr(tag_start, tag_end - tag_start), "value");
  auto dct = ParseIsoDate(dct_value.substr(0, 10));
  if (!dct.ok())
    return Status::InvalidArgument(where + "creation time '" + dct_value + "': " + dct.status().message());
  doc.dct = *dct;
  // Text.
  const size_t open = xml.find("<TEXT>");
  const size_t close = xml.find("</TEXT>");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return Status::InvalidArgument(where + "no <TEXT>...</TEXT> element");
  const std::string_view body = xml.substr(open + 6, close - open - 6);
  size_t i = 0;
  bool in_timex = false;
  TimemlTimex cur;
  while (i < body.size()) {
    const size_t lt = body.find('<', i);
    const size_t stop = lt == std::string_view::npos ? body.size() : lt;
    AppendDecoded(body.substr(i, stop - i), &doc.text);
    if (lt == std::string_view::npos) break;
    const size_t gt = body.find('>', lt);
    if (gt == std::string_view::npos)
      return Status::InvalidArgument(where + "unterminated tag at byte " +
                                     std::to_string(open + 6 + lt));
    const std::string_view tag = body.substr(lt + 1, gt - lt - 1);
    if (tag.substr(0, 6) == "TIMEX3") {
      if (in_timex)
        return Status::InvalidArgument(where + "nested TIMEX3 at byte " + std::to_string(open + 6 + lt));
      in_timex = true;
      cur = TimemlTimex();
      cur.start = static_cast<uint32_t>(doc.text.size());
      cur.type = Attr(tag, "type");
      cur.value = Attr(tag, "value");
      cur.mod = Attr(tag, "mod");
    } else if (tag == "/TIMEX3") {
      if (!in_timex)
        return Status::InvalidArgument(where + "</TIMEX3> without <TIMEX3> at byte " +
                                       std::to_string(open + 6 + lt));
      in_timex = false;
      cur.end = static_cast<uint32_t>(doc.text.size());
      // Gold spans sometimes carry surrounding spaces; trim them.
      while (cur.start < cur.end && doc.text[cur.start] == ' ') ++cur.start;
      while (cur.end > cur.start && doc.text[cur.end - 1] == ' ') --cur.end;
      doc.timexes.push_back(cur);
    }
    i = gt + 1;
  }
  if (in_timex) return Status::InvalidArgument(where + "unterminated TIMEX3 in <TEXT>");
  return doc;
}

}  // namespace annals
