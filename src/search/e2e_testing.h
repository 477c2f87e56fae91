// Helpers for the end-to-end tests of the annals binary (header-only, used by
// *_e2e_test.cc only): running a command and capturing its output, and
// writing a small synthetic corpus of plain-format articles.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/date.h"

namespace annals::testing {

struct CommandResult {
  int exit_code = -1;  // the process's exit status, or -1 if it did not exit normally
  std::string out;     // stdout
  std::string err;     // stderr
};

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Single-quotes `s` for /bin/sh.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  return out + "'";
}

// Runs the annals binary with `args` (each shell-quoted) in `dir`.
inline CommandResult RunAnnals(const std::vector<std::string>& args, const std::string& dir) {
  std::string cmd = "cd " + ShellQuote(dir) + " && " + ShellQuote(ANNALS_BINARY);
  for (const std::string& a : args) cmd += " " + ShellQuote(a);
  const std::string out = dir + "/.stdout", err = dir + "/.stderr";
  cmd += " >" + ShellQuote(out) + " 2>" + ShellQuote(err);
  const int rc = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  return r;
}

// A fresh empty temporary directory for one test.
inline std::string FreshDir(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() / ("annals_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p.string();
}

// Writes `n` plain-format articles (the seed's format: "date YYYY-MM-DD
// title", blank line, body) into `dir`, built from the seed article's
// paragraphs rotated per article, with dates spread over 1990-2025 and a few
// articles sharing a day. Returns the total bytes written.
inline uint64_t WriteSyntheticCorpus(const std::string& dir, int n) {
  const std::string seed = ReadAll(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt");
  std::string body = seed.substr(seed.find('\n') + 1);
  std::vector<std::string> paras;
  size_t at = 0;
  while (at < body.size()) {
    size_t end = body.find("\n\n", at);
    if (end == std::string::npos) end = body.size();
    std::string p = body.substr(at, end - at);
    if (p.find_first_not_of(" \n\r\t") != std::string::npos) paras.push_back(p);
    at = end + 2;
  }
  std::filesystem::create_directories(dir);
  uint64_t bytes = 0;
  for (int i = 0; i < n; ++i) {
    const Date d = CivilFromDays(DaysFromCivil(1990, 1, 1) + (static_cast<int64_t>(i) * 4969) % 12800 / 3 * 3);
    std::string text = "Report " + std::to_string(i) + " from the archive.\n\n";
    for (size_t k = 0; k < paras.size(); ++k) text += paras[(k + i) % paras.size()] + "\n\n";
    char name[64];
    std::snprintf(name, sizeof name, "/%05d.txt", i);
    std::ofstream f(dir + name, std::ios::binary);
    const std::string content = "date " + d.ToIso() + " Report " + std::to_string(i) + "\n\n" + text;
    f << content;
    bytes += content.size();
  }
  return bytes;
}

}  // namespace annals::testing
