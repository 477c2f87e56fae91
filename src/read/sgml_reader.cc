// Reuters-21578 SGML (reut2-*.sgm): one article per <REUTERS ...> element.
// The id is the NEWID attribute, the date <DATE> ("26-FEB-1987 15:01:01.79"),
// the title <TITLE>, the text <BODY>; elements without a BODY (TYPE="UNPROC"
// tables) take the <TEXT> content minus its TITLE/DATELINE/AUTHOR. TYPE="BRIEF"
// stories are headlines only: their "Blah blah blah." placeholder is dropped.
// Character references (&lt; &amp; &#3; ...) are decoded; the teletype control
// characters they encode (&#2; &#3; &#5; ...) are dropped.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/utf8.h"
#include "core/whitespace.h"
#include "read/formats.h"

namespace annals {

namespace {

constexpr std::string_view kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                        "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

// Decodes SGML character references; drops control characters except
// tab and newline. Unknown references are kept as written.
std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    // Copy the run of ordinary bytes in one go (this loop is the reader's hot path).
    size_t j = i;
    while (j < s.size()) {
      const unsigned char u = static_cast<unsigned char>(s[j]);
      if (u == '&' || u == 0x7F || (u < 0x20 && u != '\t' && u != '\n')) break;
      ++j;
    }
    out.append(s.data() + i, j - i);
    i = j;
    if (i >= s.size()) break;
    if (s[i] != '&') {  // a raw control character: dropped
      ++i;
      continue;
    }
    const size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      ++i;
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "lt") out.push_back('<');
    else if (name == "gt") out.push_back('>');
    else if (name == "amp") out.push_back('&');
    else if (name == "quot") out.push_back('"');
    else if (name == "apos") out.push_back('\'');
    else if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      const unsigned long cp = digits.empty() ? 0 : std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (digits.empty() || end == nullptr || *end != '\0' || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out.append(s.substr(i, semi - i + 1));
      } else if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0)) {
        // teletype control codes: not text
      } else {
        AppendUtf8(static_cast<char32_t>(cp), &out);
      }
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi + 1;
  }
  return out;
}


// An element <NAME ...>inner</NAME> inside `s`.
struct Element {
  size_t open = 0;         // offset of '<' of the opening tag
  std::string_view tag;    // the opening tag, "<TEXT TYPE=\"BRIEF\">"
  std::string_view inner;  // content between the tags
  size_t close_end = 0;    // offset just past the closing tag
};

// Finds the first element `name` at or after `from`. nullopt if there is no
// opening tag; sets *unclosed if there is one without its closing tag.
std::optional<Element> FindElement(std::string_view s, std::string_view name, bool* unclosed, size_t from = 0) {
  const std::string open = "<" + std::string(name);
  size_t at = from;
  for (;;) {
    at = s.find(open, at);
    if (at == std::string_view::npos) return std::nullopt;
    const size_t after = at + open.size();
    if (after < s.size() && (s[after] == '>' || s[after] == ' ')) break;
    at = after;
  }
  const size_t gt = s.find('>', at);
  if (gt == std::string_view::npos) {
    *unclosed = true;
    return std::nullopt;
  }
  const std::string close = "</" + std::string(name) + ">";
  const size_t end = s.find(close, gt + 1);
  if (end == std::string_view::npos) {
    *unclosed = true;
    return std::nullopt;
  }
  return Element{at, s.substr(at, gt + 1 - at), s.substr(gt + 1, end - gt - 1), end + close.size()};
}

// The value of attribute `name` in an opening tag, "" if absent.
std::string_view Attribute(std::string_view tag, std::string_view name) {
  size_t at = 0;
  for (;;) {
    at = tag.find(name, at);
    if (at == std::string_view::npos) return {};
    const bool word_start = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
    const size_t eq = at + name.size();
    if (word_start && eq + 1 < tag.size() && tag[eq] == '=') {
      if (tag[eq + 1] == '"') {
        const size_t q = tag.find('"', eq + 2);
        if (q == std::string_view::npos) return {};
        return tag.substr(eq + 2, q - eq - 2);
      }
      const size_t stop = tag.find_first_of(" >\t\n", eq + 1);
      return tag.substr(eq + 1, (stop == std::string_view::npos ? tag.size() : stop) - eq - 1);
    }
    at = eq;
  }
}

// Parses "26-FEB-1987 15:01:01.79" (the time is ignored). Returns "" or why not.
std::string ParseReutersDate(std::string_view s, Date* out) {
  s = TrimAscii(s);
  const size_t d1 = s.find('-');
  const size_t d2 = d1 == std::string_view::npos ? d1 : s.find('-', d1 + 1);
  if (d1 == std::string_view::npos || d2 == std::string_view::npos || d1 == 0 || d1 > 2 || d2 - d1 != 4 ||
      d2 + 5 > s.size())
    return "expected DD-MON-YYYY";
  int day = 0;
  for (size_t i = 0; i < d1; ++i) {
    if (s[i] < '0' || s[i] > '9') return "expected DD-MON-YYYY";
    day = day * 10 + (s[i] - '0');
  }
  int month = 0;
  for (int m = 0; m < 12; ++m)
    if (s.substr(d1 + 1, 3) == kMonths[m]) month = m + 1;
  if (month == 0) return "unknown month '" + std::string(s.substr(d1 + 1, 3)) + "'";
  int year = 0;
  for (size_t i = d2 + 1; i < d2 + 5; ++i) {
    if (s[i] < '0' || s[i] > '9') return "expected a 4-digit year";
    year = year * 10 + (s[i] - '0');
  }
  if (d2 + 5 < s.size() && s[d2 + 5] != ' ' && s[d2 + 5] != '\t') return "unexpected text after the year";
  char iso[48];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  auto date = ParseIsoDate(iso);  // one place decides what a valid day is, and how to say it is not
  if (!date.ok()) {
    const std::string m = date.status().message();
    const size_t at = m.find("is not a date: ");
    return at == std::string::npos ? m : m.substr(at + 15);
  }
  *out = *date;
  return "";
}

void TrimInPlace(std::string* s) {
  const std::string_view t = TrimAscii(*s);
  if (t.size() == s->size()) return;
  const size_t start = static_cast<size_t>(t.data() - s->data());
  const size_t size = t.size();
  s->erase(0, start);
  s->resize(size);
}

uint64_t LineOf(std::string_view elem, size_t offset, uint64_t first_line) {
  uint64_t line = first_line;
  for (size_t i = 0; i < offset && i < elem.size(); ++i)
    if (elem[i] == '\n') ++line;
  return line;
}

// Parses one <REUTERS>...</REUTERS> element that starts at `line`.
void ParseElement(std::string_view elem, uint64_t line, RecordSink* sink) {
  bool unclosed = false;
  const size_t gt = elem.find('>');
  const std::string_view open = elem.substr(0, gt + 1);
  RawRecord r;
  r.id = std::string(Attribute(open, "NEWID"));
  r.source = "Reuters";
  r.language = "en";
  // Each element is looked up once; an opening tag without its closing tag
  // makes the whole story malformed (its extent is unknown).
  std::optional<Element> found[3];
  const std::string_view kNames[3] = {"DATE", "TEXT", "TITLE"};
  for (int k = 0; k < 3; ++k) {
    unclosed = false;
    found[k] = FindElement(elem, kNames[k], &unclosed);
    if (unclosed) {
      sink->Skip(line, "malformed SGML: <" + std::string(kNames[k]) + "> without </" + std::string(kNames[k]) + ">");
      return;
    }
  }
  const std::optional<Element>& date = found[0];
  const std::optional<Element>& text = found[1];
  std::optional<Element> body = FindElement(text ? text->inner : elem, "BODY", &unclosed);
  if (unclosed) {
    sink->Skip(line, "malformed SGML: <BODY> without </BODY>");
    return;
  }
  if (date) {
    const std::string when = DecodeEntities(date->inner);
    const std::string why = ParseReutersDate(when, &r.parsed_date);
    if (!why.empty()) {
      sink->Skip(LineOf(elem, date->open, line), "invalid date '" + CollapseWhitespace(when) + "': " + why);
      return;
    }
    r.date_parsed = true;
  }
  if (found[2]) r.title = CollapseWhitespace(DecodeEntities(found[2]->inner));
  if (body) {
    r.text = DecodeEntities(body->inner);
    TrimInPlace(&r.text);
  } else if (text && Attribute(text->tag, "TYPE") != "BRIEF") {
    // No BODY: the TEXT content without its headline elements.
    std::string rest(text->inner);
    for (std::string_view name : {"TITLE", "DATELINE", "AUTHOR"}) {
      bool open_only = false;
      if (auto e = FindElement(rest, name, &open_only)) rest.erase(e->open, e->close_end - e->open);
    }
    r.text = DecodeEntities(rest);
    TrimInPlace(&r.text);
  }
  sink->Deliver(std::move(r), line);
}

}  // namespace

Status ReadSgmlFormat(LineInput* in, RecordSink* sink) {
  const size_t max_bytes = sink->options().max_record_bytes;
  std::string elem;        // the element being collected
  uint64_t start = 0;      // its first line; 0: outside any element
  bool oversized = false;  // the element outgrew max_bytes: skip to its end
  bool reported_stray = false;
  std::string_view line;
  for (;;) {
    auto next = in->ReadLine(&line);
    if (!next.ok()) return next.status();
    if (*next == LineInput::Next::kEof) break;
    const uint64_t n = in->line_no();
    if (*next == LineInput::Next::kTooLong) {
      if (start > 0) oversized = true;
      else sink->Report(n, "line longer than " + SizeText(max_bytes) + " outside <REUTERS>: ignored");
      continue;
    }
    const std::string_view trimmed = TrimAscii(line);
    if (trimmed.substr(0, 8) == "<REUTERS" && (trimmed.size() == 8 || trimmed[8] == ' ' || trimmed[8] == '>')) {
      if (start > 0) sink->Skip(start, "malformed SGML: <REUTERS> element not closed before line " + std::to_string(n));
      elem.clear();
      start = n;
      oversized = false;
      reported_stray = false;
    }
    if (start == 0) {
      if (trimmed.empty() || trimmed.substr(0, 2) == "<!") continue;  // blank, DOCTYPE, comments
      if (!reported_stray) sink->Report(n, "malformed SGML: text outside a <REUTERS> element: ignored");
      reported_stray = true;
      continue;
    }
    if (!oversized) {
      elem.append(line);
      elem.push_back('\n');
      if (elem.size() > max_bytes) {
        oversized = true;
        elem.clear();
      }
    }
    if (line.find("</REUTERS>") != std::string_view::npos) {
      if (oversized) {
        sink->Skip(start, "<REUTERS> element larger than " + SizeText(max_bytes) + ": skipped");
      } else {
        ParseElement(elem, start, sink);
        if (sink->stopped()) return Status::Ok();
      }
      elem.clear();
      start = 0;
      oversized = false;
    }
  }
  if (start > 0) sink->Skip(start, "malformed SGML: <REUTERS> element not closed at the end of the file");
  return Status::Ok();
}

}  // namespace annals
