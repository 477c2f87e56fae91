// Reuters SGML title/body extraction.
#include "ner/sgml_text.h"

#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace annals::ner {

namespace {

std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      if (s.substr(i, 4) == "&lt;") { out += '<'; i += 3; continue; }
      if (s.substr(i, 4) == "&gt;") { out += '>'; i += 3; continue; }
      if (s.substr(i, 5) == "&amp;") { out += '&'; i += 4; continue; }
      if (s.substr(i, 2) == "&#") {  // numeric entity: dropped (control characters in Reuters)
        size_t semi = s.find(';', i);
        if (semi != std::string_view::npos && semi - i < 8) { i = semi; continue; }
      }
    }
    out += s[i];
  }
  return out;
}

}  // namespace

void ExtractSgmlTexts(std::string_view sgml, std::vector<std::string>* out) {
  size_t pos = 0;
  while (true) {
    size_t t = sgml.find("<TITLE>", pos);
    size_t b = sgml.find("<BODY>", pos);
    size_t start = std::min(t, b);
    if (start == std::string_view::npos) break;
    bool is_title = start == t;
    std::string_view open = is_title ? "<TITLE>" : "<BODY>";
    std::string_view close = is_title ? "</TITLE>" : "</BODY>";
    size_t from = start + open.size();
    size_t end = sgml.find(close, from);
    if (end == std::string_view::npos) break;
    std::string text = Unescape(sgml.substr(from, end - from));
    RepairUtf8(&text);
    out->push_back(std::move(text));
    pos = end + close.size();
  }
}

Status ReadSgmlTexts(const std::string& path, std::vector<std::string>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  ExtractSgmlTexts(ss.str(), out);
  return Status::Ok();
}

}  // namespace annals::ner
