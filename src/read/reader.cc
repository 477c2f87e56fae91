// ReadInputs, first version: the seed's plain format only, files and folders.
// The readers work extends it to JSONL, CSV, SGML, compression and stdin.
#include "read/reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace annals {

namespace fs = std::filesystem;

bool ParseInputFormat(std::string_view name, InputFormat* out) {
  if (name == "auto") *out = InputFormat::kAuto;
  else if (name == "plain") *out = InputFormat::kPlain;
  else if (name == "jsonl") *out = InputFormat::kJsonl;
  else if (name == "csv") *out = InputFormat::kCsv;
  else if (name == "sgml") *out = InputFormat::kSgml;
  else return false;
  return true;
}

std::string ReadProblem::ToString() const {
  return file + ":" + std::to_string(line) + ": " + what;
}

namespace {

void ReadPlain(const std::string& path, std::string content, const ReadOptions& opt, ReadStats* st) {
  ++st->read;
  auto problem = [&](uint64_t line, std::string what, bool skipped) {
    if (opt.on_problem) opt.on_problem(ReadProblem{path, line, std::move(what), skipped});
  };
  const size_t fixes = RepairUtf8(&content);
  size_t i = 0;
  uint64_t line = 1;
  while (i < content.size() && (content[i] == ' ' || content[i] == '\t' || content[i] == '\n' || content[i] == '\r')) {
    if (content[i] == '\n') ++line;
    ++i;
  }
  size_t eol = content.find('\n', i);
  if (eol == std::string::npos) eol = content.size();
  std::string_view header(content.data() + i, eol - i);
  if (header.substr(0, 5) != "date ") {
    ++st->skipped;
    problem(line, "expected a first line 'date YYYY-MM-DD <title>'", true);
    return;
  }
  header.remove_prefix(5);
  const size_t sp = header.find(' ');
  auto date = ParseIsoDate(header.substr(0, sp));
  if (!date.ok()) {
    ++st->skipped;
    problem(line, date.status().message(), true);
    return;
  }
  Document d;
  d.date = *date;
  if (sp != std::string_view::npos) d.title = std::string(header.substr(sp + 1));
  while (!d.title.empty() && (d.title.back() == '\r' || d.title.back() == ' ')) d.title.pop_back();
  size_t body = std::min(eol + 1, content.size());
  while (body < content.size() && (content[body] == '\n' || content[body] == '\r')) ++body;
  d.text = content.substr(body);
  d.id = ContentId(d.title, d.text);
  d.origin = path + ":" + std::to_string(line);
  if (fixes > 0) {
    ++st->repaired;
    problem(line, "invalid UTF-8 repaired (" + std::to_string(fixes) + " sequences)", false);
  }
  ++st->ok;
  if (opt.on_document) opt.on_document(std::move(d));
}

Status ReadFile(const std::string& path, const ReadOptions& opt, ReadStats* st) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  ++st->files;
  std::string content = ss.str();
  st->bytes += content.size();
  ReadPlain(path, std::move(content), opt, st);
  return Status::Ok();
}

}  // namespace

Status ReadInputs(const std::vector<std::string>& paths, const ReadOptions& opt, ReadStats* st) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file()) files.push_back(it->path().string());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) ANNALS_RETURN_IF_ERROR(ReadFile(f, opt, st));
    } else {
      ANNALS_RETURN_IF_ERROR(ReadFile(p, opt, st));
    }
  }
  return Status::Ok();
}

}  // namespace annals
