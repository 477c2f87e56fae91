// `annals eval quotes DIR`: scores the quotation stage, run inside the full
// pipeline (Pipeline::Create: every stage, NER included), on a PolNeAR-style
// brat corpus: DIR/text/NAME.txt with DIR/attributions/NAME_ANNOTATOR.ann
// (the first annotator's file in name order when several annotated it).
// Prints content P/R/F1 and speaker accuracy for direct quotations and for
// all attributions (definitions in quotes/attribution_eval.h).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "extract/pipeline.h"
#include "quotes/attribution_eval.h"
#include "quotes/brat_standoff.h"

namespace annals {

namespace {

namespace fs = std::filesystem;

struct EvalQuotesArgs {
  std::string dir;
  bool errors = false;  // print missed and spurious direct quotations
  bool all_errors = false;
  std::string dump;  // write every article's predicted quotations as JSONL here
  int limit = 0;
};

Result<std::string> ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + p.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Clip(std::string_view s, size_t n = 100) {
  std::string r(s.substr(0, n));
  for (char& c : r)
    if (c == '\n') c = ' ';
  return r;
}

void PrintErrors(const AnnotatedDoc& d, const std::vector<BratAttribution>& gold, bool direct_only) {
  const std::string_view t = d.doc.text;
  for (const BratAttribution& g : gold) {
    if (direct_only && !IsDirectContent(t, g.content)) continue;
    const auto [a, b] = g.content[0];
    bool hit = false;
    for (const Quote& q : d.quotes)
      if ((!direct_only || q.kind == QuoteKind::kDirect) && q.start < b && q.end > a) hit = true;
    std::string src;
    for (const auto& [x, y] : g.source) src += std::string(t.substr(x, y - x)) + " ";
    if (!hit) std::printf("  MISS [%s] %s\n", src.c_str(), Clip(t.substr(a, b - a)).c_str());
  }
  for (const Quote& q : d.quotes) {
    if (direct_only && q.kind != QuoteKind::kDirect) continue;
    bool hit = false;
    const BratAttribution* gg = nullptr;
    for (const BratAttribution& g : gold)
      for (const auto& [a, b] : g.content)
        if (q.start < b && q.end > a) hit = true, gg = &g;
    const std::string who = q.speaker ? q.speaker->mention : "-";
    if (hit && gg && direct_only) {
      uint64_t ov = 0, gl = 0;
      for (const auto& [a, b] : gg->content) {
        gl += b - a;
        const uint32_t lo = std::max(a, q.start), hi = std::min(b, q.end);
        if (hi > lo) ov += hi - lo;
      }
      if (!IsDirectContent(t, gg->content) || ov * 2 < std::max<uint64_t>(gl, q.end - q.start))
        std::printf("  PARTIAL gold%s(%llu) pred(%u) gold=[%s]\n", IsDirectContent(t, gg->content) ? "" : "-indirect",
                    static_cast<unsigned long long>(gl), q.end - q.start,
                    Clip(t.substr(gg->content[0].first, gg->content[0].second - gg->content[0].first), 120).c_str());
    }
    if (!hit) {
      std::printf("  SPURIOUS %s [%s|%s] %s\n", std::string(QuoteKindName(q.kind)).c_str(), q.cue.c_str(),
                  who.c_str(), Clip(t.substr(q.start, q.end - q.start)).c_str());
    } else if (gg && !gg->source.empty()) {
      std::string src;
      for (const auto& [x, y] : gg->source) src += std::string(t.substr(x, y - x));
      bool ok = q.speaker && q.speaker->mention_start < gg->source[0].second &&
                q.speaker->mention_end > gg->source[0].first;
      if (!ok)
        std::printf("  SPEAKER gold=[%s] pred=[%s] cue=%s %s\n", src.c_str(), who.c_str(), q.cue.c_str(),
                    Clip(t.substr(q.start, q.end - q.start), 60).c_str());
    }
  }
}

void PrintScore(const char* what, const AttributionScore& s) {
  std::printf("%-14s gold %6llu  predicted %6llu  matched %6llu  P %.3f  R %.3f  F1 %.3f  speaker %.3f (%llu/%llu)\n",
              what, static_cast<unsigned long long>(s.gold), static_cast<unsigned long long>(s.predicted),
              static_cast<unsigned long long>(s.matched), s.Precision(), s.Recall(), s.F1(), s.SpeakerAccuracy(),
              static_cast<unsigned long long>(s.speaker_correct), static_cast<unsigned long long>(s.speaker_scored));
}

int RunEvalQuotes(const EvalQuotesArgs& a) {
  const fs::path text_dir = fs::path(a.dir) / "text";
  const fs::path ann_dir = fs::path(a.dir) / "attributions";
  std::error_code ec;
  if (!fs::is_directory(text_dir, ec) || !fs::is_directory(ann_dir, ec))
    return ReportError(Status::NotFound(a.dir + ": expected text/ and attributions/ folders (PolNeAR layout)"));
  // NAME → first .ann file (annotator files are NAME_XXXX.ann).
  std::map<std::string, fs::path> ann_of;
  std::vector<fs::path> anns;
  for (const auto& e : fs::directory_iterator(ann_dir, ec))
    if (e.path().extension() == ".ann") anns.push_back(e.path());
  std::sort(anns.begin(), anns.end());
  for (const fs::path& p : anns) {
    const std::string stem = p.stem().string();
    const size_t us = stem.rfind('_');
    if (us == std::string::npos) continue;
    ann_of.emplace(stem.substr(0, us), p);
  }
  std::vector<fs::path> texts;
  for (const auto& e : fs::directory_iterator(text_dir, ec))
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  std::sort(texts.begin(), texts.end());

  PipelineOptions popt;
  auto pipeline = Pipeline::Create(popt);
  if (!pipeline.ok()) return ReportError(pipeline.status());
  DocScore total;
  int docs = 0;
  FILE* dump = a.dump.empty() ? nullptr : std::fopen(a.dump.c_str(), "w");
  if (!a.dump.empty() && !dump) return ReportError(Status::IoError("cannot write " + a.dump));
  for (const fs::path& tp : texts) {
    auto it = ann_of.find(tp.stem().string());
    if (it == ann_of.end()) continue;
    auto text = ReadFile(tp);
    if (!text.ok()) return ReportError(text.status());
    auto ann = ReadFile(it->second);
    if (!ann.ok()) return ReportError(ann.status());
    auto gold = ParseBratAttributions(*ann, it->second.string());
    if (!gold.ok()) return ReportError(gold.status());
    AnnotatedDoc d;
    d.doc.id = tp.stem().string();
    d.doc.text = std::move(*text);
    (*pipeline)->Annotate(&d);
    CodePointSpansToBytes(d.doc.text, &*gold);
    const DocScore s = ScoreAttributions(d, *gold);
    total.direct.Add(s.direct);
    total.all.Add(s.all);
    if (a.errors || a.all_errors) {
      std::printf("%s\n", d.doc.id.c_str());
      PrintErrors(d, *gold, !a.all_errors);
    }
    if (dump) {
      std::fprintf(dump, "{\"id\":\"%s\",\"quotes\":[", d.doc.id.c_str());
      for (size_t i = 0; i < d.quotes.size(); ++i) {
        const Quote& q = d.quotes[i];
        std::fprintf(dump, "%s[\"%s\",%u,%u,%u,%u,%d,%d]", i ? "," : "", std::string(QuoteKindName(q.kind)).c_str(),
                     q.start, q.end, q.cue_start, q.cue_end, q.speaker ? int(q.speaker->mention_start) : -1,
                     q.speaker ? int(q.speaker->mention_end) : -1);
      }
      std::fprintf(dump, "]}\n");
    }
    if (++docs == a.limit) break;
  }
  if (dump) std::fclose(dump);
  std::printf("annals eval quotes %s: %d documents, stages:", a.dir.c_str(), docs);
  for (const std::string& n : (*pipeline)->StageNames()) std::printf(" %s", n.c_str());
  std::printf("\n");
  PrintScore("direct", total.direct);
  PrintScore("all", total.all);
  return kExitOk;
}

}  // namespace

void AddEvalQuotesCommand(CLI::App* eval, int* exit_code) {
  auto args = std::make_shared<EvalQuotesArgs>();
  CLI::App* cmd = eval->add_subcommand("quotes", "Score quotations and speakers on a PolNeAR brat folder");
  cmd->add_option("dir", args->dir, "Folder with text/ and attributions/ (e.g. ../shared/data/quotes/polnear/dev)")
      ->required();
  cmd->add_flag("--errors", args->errors, "Print missed, spurious and mis-attributed direct quotations");
  cmd->add_flag("--all-errors", args->all_errors, "Print missed and spurious attributions of every kind");
  cmd->add_option("--limit", args->limit, "Stop after this many documents (0: all)");
  cmd->add_option("--dump", args->dump, "Write each article's predicted quotations (byte spans) as JSONL to this file");
  cmd->callback([args, exit_code] { *exit_code = RunEvalQuotes(*args); });
}

}  // namespace annals
