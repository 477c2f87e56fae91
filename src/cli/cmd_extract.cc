// `annals extract [INPUT...]`: read articles, run the extraction pipeline on
// all cores and write one JSON object per article to stdout, in input order.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "core/ordered_work_queue.h"
#include "extract/doc_json.h"
#include "extract/pipeline.h"
#include "read/reader.h"

namespace annals {

namespace {

// The stderr summary line, e.g. "annals extract: 22 files, 21578 records read,
// 21577 ok, 1 repaired, 1 skipped, 0 bad files, 1 other file ignored".
std::string ExtractSummary(const ReadStats& s) {
  auto n = [](uint64_t v) { return std::to_string(v); };
  return "annals extract: " + n(s.files) + (s.files == 1 ? " file, " : " files, ") + n(s.read) + (s.read == 1 ? " record read, " : " records read, ") +
         n(s.ok) + " ok, " + n(s.repaired) + " repaired, " + n(s.skipped) + " skipped, " + n(s.bad_files) +
         (s.bad_files == 1 ? " bad file, " : " bad files, ") + n(s.ignored) +
         (s.ignored == 1 ? " other file ignored" : " other files ignored");
}

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string format = "auto";
  int threads = 0;
  bool strict = false;
  bool with_text = false;
  bool sentences = false;
  bool tokens = false;
  bool quiet = false;
  std::string ner_model;
};

// A batch of articles: the unit handed to worker threads (amortises locking).
struct Batch {
  std::vector<Document> docs;
};

int RunExtract(const ExtractArgs& a) {
  InputFormat format;
  if (!ParseInputFormat(a.format, &format))
    return ReportError(Status::InvalidArgument("--format: unknown format '" + a.format + "'"));
  PipelineOptions popt;
  popt.ner_model = a.ner_model;
  auto pipeline = Pipeline::Create(popt);
  if (!pipeline.ok()) return ReportError(pipeline.status());
  const Pipeline& pipe = **pipeline;

  DocJsonOptions jopt;
  jopt.with_text = a.with_text;
  jopt.with_sentences = a.sentences;
  jopt.with_tokens = a.tokens;

  int threads = a.threads > 0 ? a.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;
  uint64_t problems = 0;

  OrderedWorkQueue<Batch, std::string> queue(
      threads, static_cast<size_t>(threads) * 4,
      [&](Batch& b) {
        std::string out;
        for (Document& d : b.docs) {
          AnnotatedDoc ad;
          ad.doc = std::move(d);
          pipe.Annotate(&ad);
          AppendDocJson(ad, jopt, &out);
          out.push_back('\n');
        }
        return out;
      },
      [](std::string&& out) { std::fwrite(out.data(), 1, out.size(), stdout); });

  Batch batch;
  size_t batch_bytes = 0;
  ReadOptions ropt;
  ropt.format = format;
  ropt.on_document = [&](Document&& d) {
    batch_bytes += d.text.size();
    batch.docs.push_back(std::move(d));
    if (batch.docs.size() >= 64 || batch_bytes >= (1u << 20)) {
      queue.Push(std::move(batch));
      batch = Batch();
      batch_bytes = 0;
    }
    return true;
  };
  ropt.on_problem = [&](const ReadProblem& p) {
    ++problems;
    std::fprintf(stderr, "%s\n", p.ToString().c_str());
  };
  std::vector<std::string> inputs = a.inputs;
  if (inputs.empty()) {
    if (isatty(STDIN_FILENO))
      return ReportError(Status::InvalidArgument("no input: give files or folders, or pipe articles into stdin ('-')"));
    inputs.push_back("-");
  }
  ReadStats stats;
  Status st = ReadInputs(inputs, ropt, &stats);
  if (!batch.docs.empty()) queue.Push(std::move(batch));
  queue.Finish();
  std::fflush(stdout);
  if (!st.ok()) return ReportError(st);
  if (!a.quiet) std::fprintf(stderr, "%s\n", ExtractSummary(stats).c_str());
  if (a.strict && problems > 0) {
    std::fprintf(stderr, "annals extract: --strict: %llu input problem%s\n", static_cast<unsigned long long>(problems),
                 problems == 1 ? "" : "s");
    return kExitProblems;
  }
  return kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app->add_subcommand("extract", "Extract facts from articles; one JSON object per article on stdout");
  cmd->add_option("inputs", args->inputs, "Files or folders ('-' or nothing: stdin)");
  cmd->add_option("--format", args->format, "Force the input format: auto, plain, jsonl, csv, sgml")
      ->check(CLI::IsMember({"auto", "plain", "jsonl", "csv", "sgml"}));
  cmd->add_option("--threads", args->threads, "Worker threads (default: all cores)");
  cmd->add_flag("--strict", args->strict, "Exit 1 on any input problem (skipped record, repair, bad file)");
  cmd->add_flag("--with-text", args->with_text, "Include the article text");
  cmd->add_flag("--sentences", args->sentences, "Include sentence spans");
  cmd->add_flag("--tokens", args->tokens, "Include token spans (debugging)");
  cmd->add_flag("-q,--quiet", args->quiet, "No summary on stderr");
  cmd->add_option("--ner-model", args->ner_model, "NER model file (default: the shipped model)");
  cmd->callback([args, exit_code] { *exit_code = RunExtract(*args); });
}

}  // namespace annals
