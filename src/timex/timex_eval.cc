// TempEval-3 style scoring and the TBAQ split.
#include "timex/timex_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "timex/temporal_tagger.h"

namespace annals {

namespace {

// A few words either side of [b, e), on one line.
std::string Context(const std::string& text, uint32_t b, uint32_t e) {
  const uint32_t cb = b > 60 ? b - 60 : 0;
  const uint32_t ce = std::min<uint32_t>(static_cast<uint32_t>(text.size()), e + 60);
  std::string ctx = text.substr(cb, ce - cb);
  std::replace(ctx.begin(), ctx.end(), '\n', ' ');
  return ctx;
}

}  // namespace

void ScoreTimexDoc(const TimemlDoc& doc, const std::vector<TimeExpr>& sys, TimexScores* acc,
                   std::vector<TimexError>* errors) {
  acc->docs += 1;
  acc->gold += doc.timexes.size();
  acc->system += sys.size();
  acc->text_bytes += doc.text.size();
  std::vector<bool> gold_used(doc.timexes.size(), false);
  auto slice = [&](uint32_t b, uint32_t e) { return doc.text.substr(b, e - b); };
  for (const TimeExpr& s : sys) {
    // Best gold partner: identical extent first, else the first overlapping unused one.
    int best = -1;
    for (size_t g = 0; g < doc.timexes.size(); ++g) {
      const TimemlTimex& t = doc.timexes[g];
      if (gold_used[g] || t.end <= s.start || t.start >= s.end) continue;
      if (t.start == s.start && t.end == s.end) {
        best = static_cast<int>(g);
        break;
      }
      if (best < 0) best = static_cast<int>(g);
    }
    if (best < 0) {
      if (errors)
        errors->push_back({doc.name, "spurious", "",
                           slice(s.start, s.end) + " | " + std::string(TimexTypeName(s.type)) +
                               " " + s.value + " | ... " + Context(doc.text, s.start, s.end) + " ..."});
      continue;
    }
    gold_used[best] = true;
    const TimemlTimex& g = doc.timexes[best];
    acc->relaxed += 1;
    const bool exact = g.start == s.start && g.end == s.end;
    if (exact) acc->strict += 1;
    const bool type_ok = g.type == TimexTypeName(s.type);
    const bool value_ok = g.value == s.value;
    acc->type_ok += type_ok;
    acc->value_ok += value_ok;
    if (errors && (!exact || !type_ok || !value_ok)) {
      const char* kind = !value_ok ? "value" : !type_ok ? "type" : "extent";
      errors->push_back({doc.name, kind, slice(g.start, g.end) + " | " + g.type + " " + g.value,
                         slice(s.start, s.end) + " | " + std::string(TimexTypeName(s.type)) +
                             " " + s.value + " | DCT " + doc.dct.ToIso() + " | ... " +
                             Context(doc.text, g.start, g.end) + " ..."});
    }
  }
  if (errors) {
    for (size_t g = 0; g < doc.timexes.size(); ++g) {
      if (gold_used[g]) continue;
      const TimemlTimex& t = doc.timexes[g];
      errors->push_back({doc.name, "missed", slice(t.start, t.end) + " | " + t.type + " " + t.value,
                         "... " + Context(doc.text, t.start, t.end) + " ..."});
    }
  }
}

Result<std::vector<std::string>> ListTimemlFiles(const std::string& dir, TbaqSplit split) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": not a directory");
  std::vector<std::string> rel;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    if (it->path().extension() != ".tml") continue;
    rel.push_back(fs::relative(it->path(), dir).generic_string());
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  std::sort(rel.begin(), rel.end());
  // The same file under two folders (TBAQ's testpipeline/ repeats a
  // TimeBank file) is scored once: the first by sorted path.
  std::vector<std::string> unique;
  std::vector<std::string> seen;
  for (const std::string& r : rel) {
    const std::string base = fs::path(r).filename().string();
    if (std::find(seen.begin(), seen.end(), base) != seen.end()) continue;
    seen.push_back(base);
    unique.push_back(r);
  }
  rel.swap(unique);
  std::vector<std::string> out;
  for (size_t i = 0; i < rel.size(); ++i) {
    const bool dev = i % 5 == 4;
    if (split == TbaqSplit::kAll || (split == TbaqSplit::kDev) == dev)
      out.push_back((fs::path(dir) / rel[i]).string());
  }
  return out;
}

Result<TimexScores> EvaluateTimexDir(const std::string& dir, TbaqSplit split,
                                     std::vector<TimexError>* errors) {
  auto files = ListTimemlFiles(dir, split);
  if (!files.ok()) return files.status();
  TimexScores acc;
  TimexOptions opt;
  opt.merge_ranges = false;  // TimeML annotates each end of a range
  for (const std::string& path : *files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    auto doc = ParseTimeml(ss.str(), path);
    if (!doc.ok()) return doc.status();
    std::vector<TimeExpr> sys;
    TagTimes(doc->text, doc->dct, opt, &sys);
    ScoreTimexDoc(*doc, sys, &acc, errors);
  }
  return acc;
}

}  // namespace annals
