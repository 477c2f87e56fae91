// Snippet HTML (snippet_html.h).
#include "http/snippet_html.h"

#include "core/json_writer.h"

namespace annals {

namespace {

// Writes text[a, b) HTML-escaped through `put(run)` / `put_escape(entity)`:
// the runs between bytes that need escaping go out whole.
template <typename Escape>
void EscapeRange(std::string_view s, size_t a, size_t b, std::string* out, Escape&& escape_other) {
  b = std::min(b, s.size());
  size_t run = a;
  for (size_t i = a; i < b; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const char* entity = nullptr;
    switch (c) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      default:
        if (!escape_other(c)) continue;
    }
    out->append(s.data() + run, i - run);
    run = i + 1;
    if (entity) out->append(entity);
    else AppendJsonEscaped(s.substr(i, 1), out);
  }
  if (run < b) out->append(s.data() + run, b - run);
}

template <typename Escape>
void AppendHtml(std::string_view s, const std::vector<Highlight>& hl, std::string* out, Escape&& escape_other) {
  size_t pos = 0;
  for (const Highlight& h : hl) {
    if (h.start < pos || h.end > s.size() || h.start >= h.end) continue;
    EscapeRange(s, pos, h.start, out, escape_other);
    out->append("<mark>");
    EscapeRange(s, h.start, h.end, out, escape_other);
    out->append("</mark>");
    pos = h.end;
  }
  EscapeRange(s, pos, s.size(), out, escape_other);
}

}  // namespace

std::string SnippetHtml(std::string_view s, const std::vector<Highlight>& hl) {
  std::string out;
  AppendHtml(s, hl, &out, [](unsigned char) { return false; });
  return out;
}

void AppendSnippetHtmlJson(std::string_view s, const std::vector<Highlight>& hl, std::string* out) {
  // The HTML entities need no JSON escape; of the other bytes only those
  // AppendJsonEscaped escapes: a backslash and control characters.
  out->push_back('"');
  AppendHtml(s, hl, out, [](unsigned char c) { return c < 0x20 || c == '\\'; });
  out->push_back('"');
}

}  // namespace annals
