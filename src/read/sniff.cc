// Format and text/binary detection.
#include "read/sniff.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"
#include "read/field_names.h"

namespace annals {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The path's file name, lower-cased, without a trailing .gz/.zst.
std::string BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  std::string name = Lower(path);
  for (std::string_view z : {".gz", ".zst"})
    if (EndsWith(name, z)) {
      name.resize(name.size() - z.size());
      break;
    }
  return name;
}

}  // namespace

InputFormat FormatFromName(std::string_view path) {
  const std::string name = BaseName(path);
  if (EndsWith(name, ".txt")) return InputFormat::kPlain;
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson") || EndsWith(name, ".json")) return InputFormat::kJsonl;
  if (EndsWith(name, ".csv")) return InputFormat::kCsv;
  if (EndsWith(name, ".sgm") || EndsWith(name, ".sgml")) return InputFormat::kSgml;
  return InputFormat::kAuto;
}

bool IsArticleFileName(std::string_view path) {
  const std::string name = BaseName(path);
  // Documentation that travels with corpora (README.txt, LICENSE.txt) is not an article.
  for (std::string_view doc : {"readme", "license", "licence", "copying", "changelog", "notice"})
    if (name.compare(0, doc.size(), doc) == 0) return false;
  return FormatFromName(path) != InputFormat::kAuto;
}

InputFormat SniffFormat(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && (head.front() == ' ' || head.front() == '\t' || head.front() == '\r' || head.front() == '\n'))
    head.remove_prefix(1);
  if (head.empty()) return InputFormat::kPlain;
  if (head.front() == '{') return InputFormat::kJsonl;
  if (head.substr(0, 15) == "<!DOCTYPE lewis" || head.substr(0, 8) == "<REUTERS") return InputFormat::kSgml;
  if (head.substr(0, 5) == "date ") return InputFormat::kPlain;
  // CSV: the first line is a header naming a text or title column.
  std::string_view line = head.substr(0, head.find('\n'));
  if (line.find(',') != std::string_view::npos) {
    size_t start = 0;
    while (start <= line.size()) {
      size_t comma = line.find(',', start);
      if (comma == std::string_view::npos) comma = line.size();
      std::string_view name = line.substr(start, comma - start);
      while (!name.empty() && (name.back() == '\r' || name.back() == ' ' || name.back() == '"')) name.remove_suffix(1);
      while (!name.empty() && (name.front() == ' ' || name.front() == '"')) name.remove_prefix(1);
      const Field f = FieldFromName(name);
      if (f == Field::kText || f == Field::kTitle) return InputFormat::kCsv;
      start = comma + 1;
    }
  }
  return InputFormat::kPlain;
}

std::string NotTextReason(std::string_view head) {
  if (head.find('\0') != std::string_view::npos) return "binary file (contains NUL bytes): skipped";
  // Control characters other than tab, newlines, form feed and escape, and
  // invalid UTF-8, in more than 10% of the sample: not text either.
  size_t controls = 0;
  for (unsigned char c : head)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) ++controls;
  std::string copy(head);
  // The sample may end inside a multi-byte character: cut it there.
  size_t i = copy.size();
  while (i > 0 && copy.size() - i < 4 && (static_cast<unsigned char>(copy[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0) {
    const unsigned char lead = copy[i - 1];
    const size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (i - 1 + need > copy.size()) copy.resize(i - 1);
  }
  const size_t invalid = RepairUtf8(&copy);
  if ((controls + invalid) * 10 > head.size()) return "binary file (not UTF-8 text): skipped";
  return "";
}

}  // namespace annals
