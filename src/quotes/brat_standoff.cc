// Brat standoff reader: see brat_standoff.h.
#include "quotes/brat_standoff.h"

#include <charconv>
#include <unordered_map>

namespace annals {

namespace {

bool ParseU32(std::string_view s, uint32_t* out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

struct TSpan {
  std::string type;
  SpanSet spans;
};

Status Bad(std::string_view file, size_t line, std::string_view what) {
  return Status::InvalidArgument(std::string(file) + ":" + std::to_string(line) + ": " + std::string(what));
}

}  // namespace

Result<std::vector<BratAttribution>> ParseBratAttributions(std::string_view ann, std::string_view file) {
  std::unordered_map<std::string, TSpan> spans;
  struct Event {
    size_t line;
    std::vector<std::pair<std::string, std::string>> args;  // role → T id
  };
  std::vector<Event> events;
  size_t pos = 0, line_no = 0;
  while (pos < ann.size()) {
    size_t nl = ann.find('\n', pos);
    if (nl == std::string_view::npos) nl = ann.size();
    std::string_view line = ann.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const size_t tab1 = line.find('\t');
    if (tab1 == std::string_view::npos) {
      // Span text may hold line breaks: such continuation lines have no tab.
      const bool looks_like_id = line.size() >= 2 && (line[0] == 'T' || line[0] == 'E') && line[1] >= '0' && line[1] <= '9';
      if (looks_like_id && line.find(' ') == std::string_view::npos) return Bad(file, line_no, "missing tab");
      continue;
    }
    const std::string_view id = line.substr(0, tab1);
    std::string_view rest = line.substr(tab1 + 1);
    if (id[0] == 'T') {
      const size_t tab2 = rest.find('\t');
      std::string_view head = tab2 == std::string_view::npos ? rest : rest.substr(0, tab2);
      const size_t sp = head.find(' ');
      if (sp == std::string_view::npos) return Bad(file, line_no, "span line without offsets");
      TSpan t;
      t.type = std::string(head.substr(0, sp));
      std::string_view offs = head.substr(sp + 1);
      while (!offs.empty()) {
        const size_t semi = offs.find(';');
        std::string_view piece = offs.substr(0, semi);
        const size_t s2 = piece.find(' ');
        uint32_t a = 0, b = 0;
        if (s2 == std::string_view::npos || !ParseU32(piece.substr(0, s2), &a) || !ParseU32(piece.substr(s2 + 1), &b) ||
            b < a)
          return Bad(file, line_no, "bad offsets '" + std::string(piece) + "'");
        t.spans.emplace_back(a, b);
        if (semi == std::string_view::npos) break;
        offs.remove_prefix(semi + 1);
      }
      spans[std::string(id)] = std::move(t);
    } else if (id[0] == 'E') {
      Event e{line_no, {}};
      while (!rest.empty()) {
        const size_t sp = rest.find(' ');
        std::string_view arg = rest.substr(0, sp);
        const size_t colon = arg.find(':');
        if (colon == std::string_view::npos) return Bad(file, line_no, "event argument without ':'");
        e.args.emplace_back(std::string(arg.substr(0, colon)), std::string(arg.substr(colon + 1)));
        if (sp == std::string_view::npos) break;
        rest.remove_prefix(sp + 1);
      }
      events.push_back(std::move(e));
    }
  }
  std::vector<BratAttribution> out;
  for (const Event& e : events) {
    if (e.args.empty() || e.args[0].first.rfind("Attribution", 0) != 0) continue;
    BratAttribution a;
    for (const auto& [role, tid] : e.args) {
      auto it = spans.find(tid);
      if (it == spans.end()) return Bad(file, e.line, "reference to unknown span " + tid);
      // "Content2" (64 events in PolNeAR train): a second piece of the same
      // attribution's content, e.g. a speaker's next quotation.
      if (role == "Content") a.content.insert(a.content.begin(), it->second.spans.begin(), it->second.spans.end());
      else if (role.rfind("Content", 0) == 0) a.content.insert(a.content.end(), it->second.spans.begin(), it->second.spans.end());
      else if (role == "Cue") a.cue = it->second.spans;
      else if (role == "Source") a.source = it->second.spans;
    }
    if (a.content.empty()) continue;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace annals

namespace annals {

void CodePointSpansToBytes(std::string_view text, std::vector<BratAttribution>* atts) {
  // byte_of[i] = byte offset of code point i; one entry past the end.
  std::vector<uint32_t> byte_of;
  byte_of.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_of.push_back(static_cast<uint32_t>(i));
  byte_of.push_back(static_cast<uint32_t>(text.size()));
  auto conv = [&](uint32_t cp) { return cp < byte_of.size() ? byte_of[cp] : static_cast<uint32_t>(text.size()); };
  for (BratAttribution& a : *atts)
    for (SpanSet* s : {&a.content, &a.cue, &a.source})
      for (auto& [x, y] : *s) {
        x = conv(x);
        y = conv(y);
      }
}

}  // namespace annals
