// annals: the command-line entry point. Subcommands live in cmd_*.cc.
#include <cstdio>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"annals: turn a news archive into a searchable, source-linked record"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "annals 0.1.0");
  int exit_code = annals::kExitOk;
  annals::AddExtractCommand(&app, &exit_code);
  annals::AddIngestCommand(&app, &exit_code);
  annals::AddSearchCommands(&app, &exit_code);
  annals::AddReindexCommand(&app, &exit_code);
  annals::AddServeCommand(&app, &exit_code);
  // `annals train <what>` and `annals eval <what>`: each extractor adds its own.
  CLI::App* train = app.add_subcommand("train", "Train a model (e.g. annals train ner)");
  train->require_subcommand(1);
  CLI::App* eval = app.add_subcommand("eval", "Evaluate an extractor on annotated data");
  eval->require_subcommand(1);
  annals::AddTrainNerCommand(train, &exit_code);
  annals::AddEvalNerCommand(eval, &exit_code);
  annals::AddEvalTimexCommand(eval, &exit_code);
  annals::AddEvalCountsCommand(eval, &exit_code);
  annals::AddEvalQuotesCommand(eval, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : annals::kExitUsage;
  }
  return exit_code;
}
