// `annals ingest INPUT... --db FILE`: read articles, run the extraction
// pipeline on all cores and store articles and facts in one SQLite archive.
// Reading and writing happen on the calling thread (the only writer); the
// pipeline runs on the worker threads of an OrderedWorkQueue, so articles are
// written in input order and memory stays bounded.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/progress.h"
#include "core/ordered_work_queue.h"
#include "extract/pipeline.h"
#include "read/reader.h"
#include "store/ingester.h"

namespace annals {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

// First Ctrl-C: stop reading, commit what is done, print the summary. A
// second one kills at once (still safe: the database is transactional).
void OnSignal(int sig) {
  g_interrupted = 1;
  std::signal(sig, SIG_DFL);
}

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db;
  std::string format = "auto";
  int threads = 0;
  int batch = 5000;
  bool quiet = false;
  bool progress = false;
  bool no_progress = false;
  bool profile = false;
  std::string ner_model;
};

struct Batch {
  std::vector<Document> docs;
};

// About the bytes an article took in its input (fields plus markup).
uint64_t ApproxInputBytes(const Document& d) {
  return d.title.size() + d.text.size() + d.source.size() + d.url.size() + d.id.size() + 50;
}

uint64_t InputSize(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  for (const std::string& p : inputs) {
    std::error_code ec;
    if (p == "-") return 0;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    } else {
      const auto n = fs::file_size(p, ec);
      if (!ec) total += n;
    }
  }
  return total;
}

// "invalid date '2025-02-30': ..." -> "invalid date": the reason, without specifics.
std::string ReasonOf(const std::string& what) {
  size_t cut = what.find_first_of(":'\"(");
  std::string r = what.substr(0, cut);
  while (!r.empty() && r.back() == ' ') r.pop_back();
  return r.empty() ? what : r;
}

double CpuSeconds(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// --profile: the process's CPU time split into extraction (the worker
// threads), the store writer's phases and reading (the rest of this thread).
// Call on the thread that read and wrote, after the workers have finished.
void PrintProfile(const WriteProfile& profile, uint64_t articles) {
  const double process = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  const double thread = CpuSeconds(CLOCK_THREAD_CPUTIME_ID);
  double writer = 0;
  for (int i = 0; i < static_cast<int>(WritePhase::kNumPhases); ++i) writer += profile.seconds(static_cast<WritePhase>(i));
  std::fprintf(stderr,
               "annals ingest --profile: %.3f CPU-s in all (user + sys)\n"
               "  %-22s %8.3f CPU-s (worker threads)\n"
               "  %-22s %8.3f CPU-s (reading thread outside the writer: open, read, parse, queue)\n"
               "store writer, per phase (exclusive thread CPU time):\n%s",
               process, "extraction", process - thread, "read + parse", thread - writer,
               profile.Report(articles).c_str());
}

int RunIngest(const IngestArgs& a) {
  InputFormat format;
  if (!ParseInputFormat(a.format, &format))
    return ReportError(Status::InvalidArgument("--format: unknown format '" + a.format + "'"));
  if (a.inputs.empty()) return ReportError(Status::InvalidArgument("ingest: no input given"));
  PipelineOptions popt;
  popt.ner_model = a.ner_model;
  auto pipeline = Pipeline::Create(popt);
  if (!pipeline.ok()) return ReportError(pipeline.status());
  const Pipeline& pipe = **pipeline;
  IngestOptions iopt;
  if (a.batch > 0) iopt.batch_articles = a.batch;
  auto ingester_or = Ingester::Open(a.db, iopt);
  if (!ingester_or.ok()) return ReportError(ingester_or.status());
  Ingester& ingester = **ingester_or;
  if (a.profile) ingester.profile()->Enable();

  int threads = a.threads > 0 ? a.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;
  const bool tty = !a.no_progress && (a.progress || isatty(STDERR_FILENO));
  Progress progress(tty, InputSize(a.inputs));
  g_interrupted = 0;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);

  Status write_error;
  uint64_t processed = 0;
  // Readers may report consumed bytes only per file; the article bytes seen
  // so far keep the rate and ETA moving within one big file.
  uint64_t doc_bytes = 0;
  ReadStats stats;
  auto bytes_done = [&] { return std::max<uint64_t>(stats.bytes, doc_bytes); };
  OrderedWorkQueue<Batch, std::vector<AnnotatedDoc>> queue(
      threads, static_cast<size_t>(threads) * 4,
      [&](Batch& b) {
        std::vector<AnnotatedDoc> out(b.docs.size());
        for (size_t i = 0; i < b.docs.size(); ++i) {
          out[i].doc = std::move(b.docs[i]);
          pipe.Annotate(&out[i]);
        }
        return out;
      },
      [&](std::vector<AnnotatedDoc>&& docs) {
        for (const AnnotatedDoc& d : docs) {
          if (!write_error.ok()) return;
          write_error = ingester.Add(d);
          doc_bytes += ApproxInputBytes(d.doc);
          ++processed;
        }
        progress.Update(processed, bytes_done());
      });

  Batch batch;
  size_t batch_bytes = 0;
  std::map<std::string, uint64_t> skipped_reasons;
  ReadOptions ropt;
  ropt.format = format;
  ropt.on_document = [&](Document&& d) {
    if (g_interrupted || !write_error.ok()) return false;
    // Unchanged articles skip extraction: a re-run after an interruption
    // quickly passes over what is already stored.
    auto unchanged = ingester.IsUnchanged(d);
    if (!unchanged.ok()) {
      write_error = unchanged.status();
      return false;
    }
    if (*unchanged) {
      doc_bytes += ApproxInputBytes(d);
      ingester.SkipUnchanged();
      ++processed;
      progress.Update(processed, bytes_done());
      return true;
    }
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
    if (p.skipped) ++skipped_reasons[ReasonOf(p.what)];
    progress.Done();
    if (!a.quiet) std::fprintf(stderr, "%s\n", p.ToString().c_str());
  };
  const auto start = std::chrono::steady_clock::now();
  Status read_status = ReadInputs(a.inputs, ropt, &stats);
  if (!batch.docs.empty() && write_error.ok() && !g_interrupted) queue.Push(std::move(batch));
  queue.Finish();
  if (write_error.ok()) write_error = ingester.Finish();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  progress.Update(processed, bytes_done(), /*force=*/true);
  progress.Done();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const IngestStats& is = ingester.stats();
  if (!a.quiet) {
    std::fprintf(stderr,
                 "annals ingest: %llu read, %llu added, %llu unchanged, %llu updated, %llu skipped "
                 "(%.1f MB in %.1f s, %.1f MB/s, %.0f articles/s)%s\n",
                 static_cast<unsigned long long>(stats.read), static_cast<unsigned long long>(is.added),
                 static_cast<unsigned long long>(is.unchanged), static_cast<unsigned long long>(is.updated),
                 static_cast<unsigned long long>(stats.skipped), stats.bytes / 1e6, secs,
                 secs > 0 ? stats.bytes / 1e6 / secs : 0.0, secs > 0 ? processed / secs : 0.0,
                 g_interrupted ? " — interrupted; run the same command again to finish" : "");
    for (const auto& [reason, n] : skipped_reasons)
      std::fprintf(stderr, "  skipped %llu: %s\n", static_cast<unsigned long long>(n), reason.c_str());
  }
  if (a.profile) PrintProfile(*ingester.profile(), processed);
  if (!write_error.ok()) return ReportError(write_error);
  if (!read_status.ok()) return ReportError(read_status);
  if (g_interrupted) return 130;
  return kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app->add_subcommand("ingest", "Extract facts from articles and store them in an archive");
  cmd->add_option("inputs", args->inputs, "Files or folders ('-': stdin)")->required();
  cmd->add_option("--db", args->db, "The archive (SQLite file; created if missing)")->required();
  cmd->add_option("--format", args->format, "Force the input format: auto, plain, jsonl, csv, sgml");
  cmd->add_option("--threads", args->threads, "Worker threads (default: all cores)");
  cmd->add_option("--batch", args->batch, "Articles per transaction (default 5000; at most 5 s each)");
  cmd->add_flag("--progress", args->progress, "Show the progress line even when stderr is not a terminal");
  cmd->add_flag("--no-progress", args->no_progress, "Never show the progress line");
  cmd->add_flag("--profile", args->profile, "Print where the CPU time went (extraction, reading, each store phase)");
  cmd->add_flag("-q,--quiet", args->quiet, "No summary and no per-record problems on stderr");
  cmd->add_option("--ner-model", args->ner_model, "NER model file (default: the shipped model)");
  cmd->callback([args, exit_code] { *exit_code = RunIngest(*args); });
}

}  // namespace annals
