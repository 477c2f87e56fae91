// Throughput of the input side on one core over all of Reuters-21578
// (../shared/data/corpus/reuters21578, 22 SGML files, 27 MB): the readers
// alone, the readers plus AnalyzeText (tokenize + paragraphs + sentences) —
// the work `annals extract` does before any extractor — and AnalyzeText alone
// on the texts the reader produced. MB/s counts SGML file bytes for the read
// benchmarks and article-text bytes for AnalyzeText alone.
// Run: build/bench/read_text_bench   (make bench runs it via bench/run-all.sh)
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "read/reader.h"
#include "text/sentence_splitter.h"

namespace annals {
namespace {

const std::string kCorpus = std::string(ANNALS_SHARED_DATA) + "/corpus/reuters21578";

bool HaveCorpus(benchmark::State& state) {
  if (std::filesystem::exists(kCorpus)) return true;
  state.SkipWithError(("corpus not found: " + kCorpus).c_str());
  return false;
}

void Report(benchmark::State& state, uint64_t bytes, uint64_t text_bytes, uint64_t docs, uint64_t tokens) {
  const double it = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.counters["text_bytes/s"] = benchmark::Counter(it * text_bytes, benchmark::Counter::kIsRate);
  state.counters["docs/s"] = benchmark::Counter(it * docs, benchmark::Counter::kIsRate);
  if (tokens > 0) state.counters["tokens/s"] = benchmark::Counter(it * tokens, benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(docs);
}

// ReadInputs over the corpus folder; documents are counted and dropped.
void BM_ReadReuters(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  uint64_t bytes = 0, text = 0, docs = 0;
  for (auto _ : state) {
    ReadOptions opt;
    text = docs = 0;
    opt.on_document = [&](Document&& d) {
      text += d.text.size();
      ++docs;
      return true;
    };
    ReadStats st;
    if (!ReadInputs({kCorpus}, opt, &st).ok()) state.SkipWithError("read failed");
    bytes = st.disk_bytes;
  }
  Report(state, bytes, text, docs, 0);
}
BENCHMARK(BM_ReadReuters)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Read + AnalyzeText on every document, one thread: what extract does before the extractors.
void BM_ReadAnalyzeReuters(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  uint64_t bytes = 0, text = 0, docs = 0, tokens = 0;
  TextLayout layout;
  for (auto _ : state) {
    ReadOptions opt;
    text = docs = tokens = 0;
    opt.on_document = [&](Document&& d) {
      AnalyzeText(d.text, &layout);
      tokens += layout.tokens.size();
      text += d.text.size();
      ++docs;
      return true;
    };
    ReadStats st;
    if (!ReadInputs({kCorpus}, opt, &st).ok()) state.SkipWithError("read failed");
    bytes = st.disk_bytes;
  }
  Report(state, bytes, text, docs, tokens);
}
BENCHMARK(BM_ReadAnalyzeReuters)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// AnalyzeText alone over the reader's texts (held in memory).
void BM_AnalyzeReutersTexts(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    ReadOptions opt;
    opt.on_document = [&](Document&& d) {
      out.push_back(std::move(d.text));
      return true;
    };
    ReadStats st;
    (void)ReadInputs({kCorpus}, opt, &st);
    return out;
  }();
  uint64_t text = 0, tokens = 0;
  TextLayout layout;
  for (auto _ : state) {
    text = tokens = 0;
    for (const std::string& t : texts) {
      AnalyzeText(t, &layout);
      tokens += layout.tokens.size();
      text += t.size();
    }
  }
  Report(state, text, text, texts.size(), tokens);
}
BENCHMARK(BM_AnalyzeReutersTexts)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace annals

BENCHMARK_MAIN();
