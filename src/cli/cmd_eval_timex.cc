// `annals eval timex DIR`: scores the temporal tagger on TimeML files (e.g.
// TBAQ-cleaned) with the TempEval-3 measures; --split picks the fixed dev or
// train part (see timex_eval.h), --errors lists every disagreement, and
// --min-* make it a regression check (exit 1 when a figure is below).
#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "timex/timex_eval.h"

namespace annals {

namespace {

struct EvalTimexArgs {
  std::string dir;
  std::string split = "dev";
  bool errors = false;
  double min_strict = 0, min_relaxed = 0, min_value = 0;
};

int RunEvalTimex(const EvalTimexArgs& a) {
  TbaqSplit split;
  if (a.split == "dev") split = TbaqSplit::kDev;
  else if (a.split == "train") split = TbaqSplit::kTrain;
  else if (a.split == "all") split = TbaqSplit::kAll;
  else return ReportError(Status::InvalidArgument("--split: expected dev, train or all, got '" + a.split + "'"));
  std::vector<TimexError> errors;
  const auto t0 = std::chrono::steady_clock::now();
  auto r = EvaluateTimexDir(a.dir, split, a.errors ? &errors : nullptr);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!r.ok()) return ReportError(r.status());
  const TimexScores& s = *r;
  for (const TimexError& e : errors)
    std::printf("%-8s %s\n         gold:   %s\n         system: %s\n", e.kind.c_str(), e.doc.c_str(),
                e.gold.c_str(), e.system.c_str());
  std::printf("split %s: %llu docs, %llu gold timexes, %llu system timexes (%.2f s)\n",
              a.split.c_str(), static_cast<unsigned long long>(s.docs),
              static_cast<unsigned long long>(s.gold), static_cast<unsigned long long>(s.system), secs);
  std::printf("strict   P %.4f  R %.4f  F1 %.4f\n", s.StrictP(), s.StrictR(), s.StrictF1());
  std::printf("relaxed  P %.4f  R %.4f  F1 %.4f\n", s.RelaxedP(), s.RelaxedR(), s.RelaxedF1());
  std::printf("type     accuracy %.4f  F1 %.4f\n", s.TypeAccuracy(), s.TypeF1());
  std::printf("value    accuracy %.4f  F1 %.4f\n", s.ValueAccuracy(), s.ValueF1());
  if (s.StrictF1() < a.min_strict || s.RelaxedF1() < a.min_relaxed || s.ValueF1() < a.min_value) {
    std::fprintf(stderr, "annals: timex figures below the required minimum\n");
    return kExitProblems;
  }
  return kExitOk;
}

}  // namespace

void AddEvalTimexCommand(CLI::App* eval, int* exit_code) {
  auto args = std::make_shared<EvalTimexArgs>();
  CLI::App* cmd = eval->add_subcommand(
      "timex", "Score the temporal tagger on TimeML .tml files (TempEval-3 measures)");
  cmd->add_option("DIR", args->dir, "Folder of .tml files (searched recursively)")->required();
  cmd->add_option("--split", args->split, "dev (every 5th file by sorted path), train, or all")
      ->capture_default_str();
  cmd->add_flag("--errors", args->errors, "List every missed, spurious or mis-valued timex");
  cmd->add_option("--min-strict-f1", args->min_strict, "Fail (exit 1) below this strict F1");
  cmd->add_option("--min-relaxed-f1", args->min_relaxed, "Fail (exit 1) below this relaxed F1");
  cmd->add_option("--min-value-f1", args->min_value, "Fail (exit 1) below this value F1");
  cmd->callback([args, exit_code] { *exit_code = RunEvalTimex(*args); });
}

}  // namespace annals
