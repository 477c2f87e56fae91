// Where `annals extract` spends its time, one core, all of Reuters-21578
// (../shared/data/corpus/reuters21578; skipped when absent). The articles are
// read once (outside the timing); each iteration then runs, per article, what
// the extract worker runs — AnalyzeText, every pipeline stage in order, the
// JSONL record — and charges each step's thread CPU time to a counter:
//   <step>_MB/s  — article-text MB per CPU second of that step alone,
//   <step>_pct   — its share of the whole,
//   MB/s (bytes_per_second) — the whole per-article work (text bytes).
// The reader's own cost is BM_ReadReuters in read_text_bench; the end-to-end
// process figure (SGML bytes per CPU second) is bench/extract_reuters.sh.
// Run: build/bench/extract_stages_bench
#include <benchmark/benchmark.h>
#include <time.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extract/doc_json.h"
#include "extract/pipeline.h"
#include "read/reader.h"
#include "text/sentence_splitter.h"

namespace annals {
namespace {

const std::string kCorpus = std::string(ANNALS_SHARED_DATA) + "/corpus/reuters21578";

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

const std::vector<Document>& ReutersDocs() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    ReadOptions opt;
    opt.on_document = [&](Document&& d) {
      out.push_back(std::move(d));
      return true;
    };
    ReadStats st;
    if (!ReadInputs({kCorpus}, opt, &st).ok()) out.clear();
    return out;
  }();
  return docs;
}

void BM_ExtractStages(benchmark::State& state) {
  if (!std::filesystem::exists(kCorpus)) {
    state.SkipWithError(("corpus not found: " + kCorpus).c_str());
    return;
  }
  auto pipeline = Pipeline::Create(PipelineOptions());
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().ToString().c_str());
    return;
  }
  const Pipeline& pipe = **pipeline;
  const std::vector<Document>& docs = ReutersDocs();
  uint64_t text_bytes = 0;
  for (const Document& d : docs) text_bytes += d.text.size();
  std::vector<std::string> names = {"text"};
  for (const auto& s : pipe.stages()) names.emplace_back(s->name());
  names.emplace_back("json");
  std::vector<double> cpu(names.size(), 0.0);
  DocJsonOptions jopt;
  std::string out;
  for (auto _ : state) {
    for (const Document& d : docs) {
      AnnotatedDoc ad;
      ad.doc = d;
      double t0 = ThreadCpuSeconds();
      AnalyzeText(ad.doc.text, &ad.layout);
      double t1 = ThreadCpuSeconds();
      cpu[0] += t1 - t0;
      size_t k = 1;
      for (const auto& s : pipe.stages()) {
        s->Run(&ad);
        double t2 = ThreadCpuSeconds();
        cpu[k++] += t2 - t1;
        t1 = t2;
      }
      out.clear();
      AppendDocJson(ad, jopt, &out);
      cpu[k] += ThreadCpuSeconds() - t1;
      benchmark::DoNotOptimize(out.data());
    }
  }
  double total = 0;
  for (double c : cpu) total += c;
  const double mb = static_cast<double>(text_bytes) * static_cast<double>(state.iterations()) / 1e6;
  for (size_t i = 0; i < names.size(); ++i) {
    state.counters[names[i] + "_MB/s"] = cpu[i] > 0 ? mb / cpu[i] : 0.0;
    state.counters[names[i] + "_pct"] = total > 0 ? 100.0 * cpu[i] / total : 0.0;
  }
  state.counters["all_MB/s"] = total > 0 ? mb / total : 0.0;
  state.SetBytesProcessed(static_cast<int64_t>(text_bytes) * state.iterations());
}
BENCHMARK(BM_ExtractStages)->Unit(benchmark::kMillisecond)->Iterations(2)->MeasureProcessCPUTime();

}  // namespace
}  // namespace annals

BENCHMARK_MAIN();
