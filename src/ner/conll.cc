// CoNLL reader.
#include "ner/conll.h"

#include <fstream>
#include <sstream>

namespace annals::ner {

Result<std::vector<ConllDocument>> ParseConll(std::string_view text, std::string_view name) {
  std::vector<ConllDocument> docs(1);
  ConllSentence sent;
  auto flush_sentence = [&] {
    if (!sent.words.empty()) docs.back().sentences.push_back(std::move(sent));
    sent = ConllSentence();
  };
  size_t pos = 0;
  size_t line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Split on spaces and tabs.
    std::vector<std::string_view> cols;
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) cols.push_back(line.substr(i, j - i));
      i = j;
    }
    if (cols.empty()) {
      flush_sentence();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      flush_sentence();
      if (!docs.back().sentences.empty()) docs.emplace_back();
      continue;
    }
    if (cols.size() < 2)
      return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line_no) +
                                     ": expected 'word ... tag', found one column");
    sent.words.emplace_back(cols.front());
    sent.tags.emplace_back(cols.back());
  }
  flush_sentence();
  if (docs.back().sentences.empty() && docs.size() > 1) docs.pop_back();
  return docs;
}

Result<std::vector<ConllDocument>> ReadConll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open CoNLL file");
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  return ParseConll(ss.str(), path);
}

size_t CountTokens(const std::vector<ConllDocument>& docs) {
  size_t n = 0;
  for (const auto& d : docs)
    for (const auto& s : d.sentences) n += s.words.size();
  return n;
}

}  // namespace annals::ner
