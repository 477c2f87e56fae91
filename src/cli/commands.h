// The annals subcommands. Each Add*Command registers one subcommand (its
// flags and its callback) on the CLI11 app; main.cc calls them all. A command
// reports failure by returning an exit code from its callback via ExitWith().
#pragma once

#include <CLI/CLI.hpp>

#include "core/status.h"

namespace annals {

// Exit codes (documented in the README): 0 ok, 1 input problems under
// --strict or a failed check, 2 usage error, 3 I/O or internal failure.
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;

// Prints "annals: <status>" on stderr and maps the status to an exit code:
// the one place where errors become exit codes.
int ReportError(const Status& status);

void AddExtractCommand(CLI::App* app, int* exit_code);
void AddIngestCommand(CLI::App* app, int* exit_code);
void AddSearchCommands(CLI::App* app, int* exit_code);  // search, show, quotes, counts, export, stats
// `annals reindex --db FILE` (cmd_reindex.cc).
void AddReindexCommand(CLI::App* app, int* exit_code);
void AddServeCommand(CLI::App* app, int* exit_code);    // serve (cmd_serve.cc)
// `annals train ner`, `annals train ner-lexicon` (on the train parent) and `annals eval ner`.
void AddTrainNerCommand(CLI::App* train, int* exit_code);
void AddEvalNerCommand(CLI::App* eval, int* exit_code);
// `annals eval timex DIR` (registered on the `eval` parent).
void AddEvalTimexCommand(CLI::App* eval, int* exit_code);
// `annals eval counts` (cmd_eval_counts.cc), registered on the `eval` parent.
void AddEvalCountsCommand(CLI::App* eval, int* exit_code);
// `annals eval quotes DIR` (registered on the `eval` parent).
void AddEvalQuotesCommand(CLI::App* eval, int* exit_code);

}  // namespace annals
