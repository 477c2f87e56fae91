// Throughput of the text core, one thread: Tokenize alone and AnalyzeText
// (tokenize + paragraphs + sentences) on the seed article and on every
// Reuters-21578 <BODY> (read from ../shared/data when present; the bodies are
// cut out crudely here, entities left as they are). A plain scalar
// tokenize-and-hash loop is the reference point for what one core can do.
// Run: build/src/text/text_bench [--benchmark_filter=Reuters]
#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace annals {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::vector<std::string>& SeedDocs() {
  static const std::vector<std::string> docs = [] {
    std::string all = ReadFile(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt");
    const size_t p = all.find("\n\n");
    return std::vector<std::string>{p == std::string::npos ? all : all.substr(p + 2)};
  }();
  return docs;
}

const std::vector<std::string>& ReutersDocs() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    const std::filesystem::path dir = std::filesystem::path(ANNALS_SHARED_DATA) / "corpus/reuters21578";
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
      if (e.path().extension() == ".sgm") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const std::string sgm = ReadFile(f.string());
      size_t pos = 0;
      while ((pos = sgm.find("<BODY>", pos)) != std::string::npos) {
        const size_t end = sgm.find("</BODY>", pos);
        if (end == std::string::npos) break;
        out.push_back(sgm.substr(pos + 6, end - pos - 6));
        pos = end;
      }
    }
    return out;
  }();
  return docs;
}

size_t TotalBytes(const std::vector<std::string>& docs) {
  size_t n = 0;
  for (const auto& d : docs) n += d.size();
  return n;
}

void Report(benchmark::State& state, const std::vector<std::string>& docs, size_t tokens_per_pass) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(docs)));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens_per_pass) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(docs.size());
}

void RunTokenize(benchmark::State& state, const std::vector<std::string>& docs) {
  if (docs.empty()) {
    state.SkipWithError("corpus not found (../shared/data/corpus/reuters21578)");
    return;
  }
  std::vector<Token> tokens;
  size_t count = 0;
  for (auto _ : state) {
    count = 0;
    for (const auto& d : docs) {
      Tokenize(d, &tokens);
      count += tokens.size();
    }
    benchmark::DoNotOptimize(tokens.data());
  }
  Report(state, docs, count);
}

void RunAnalyze(benchmark::State& state, const std::vector<std::string>& docs) {
  if (docs.empty()) {
    state.SkipWithError("corpus not found (../shared/data/corpus/reuters21578)");
    return;
  }
  TextLayout layout;
  size_t count = 0;
  for (auto _ : state) {
    count = 0;
    for (const auto& d : docs) {
      AnalyzeText(d, &layout);
      count += layout.tokens.size();
    }
    benchmark::DoNotOptimize(layout.sentences.data());
  }
  Report(state, docs, count);
}

// Reference: split on non-alphanumeric ASCII and hash each token (FNV-1a).
void RunHashBaseline(benchmark::State& state, const std::vector<std::string>& docs) {
  if (docs.empty()) {
    state.SkipWithError("corpus not found");
    return;
  }
  size_t count = 0;
  for (auto _ : state) {
    uint64_t acc = 0;
    count = 0;
    for (const auto& d : docs) {
      uint64_t h = 1469598103934665603ull;
      bool in = false;
      for (unsigned char c : d) {
        const bool alnum = static_cast<unsigned>((c | 0x20) - 'a') < 26u || static_cast<unsigned>(c - '0') < 10u || c >= 0x80;
        if (alnum) {
          h = (h ^ c) * 1099511628211ull;
          in = true;
        } else if (in) {
          acc += h;
          ++count;
          h = 1469598103934665603ull;
          in = false;
        }
      }
      if (in) ++count, acc += h;
    }
    benchmark::DoNotOptimize(acc);
  }
  Report(state, docs, count);
}

void BM_TokenizeSeed(benchmark::State& s) { RunTokenize(s, SeedDocs()); }
void BM_AnalyzeSeed(benchmark::State& s) { RunAnalyze(s, SeedDocs()); }
void BM_HashBaselineReuters(benchmark::State& s) { RunHashBaseline(s, ReutersDocs()); }
void BM_TokenizeReuters(benchmark::State& s) { RunTokenize(s, ReutersDocs()); }
void BM_AnalyzeReuters(benchmark::State& s) { RunAnalyze(s, ReutersDocs()); }
BENCHMARK(BM_TokenizeSeed);
BENCHMARK(BM_AnalyzeSeed);
BENCHMARK(BM_HashBaselineReuters)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TokenizeReuters)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeReuters)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals

BENCHMARK_MAIN();
