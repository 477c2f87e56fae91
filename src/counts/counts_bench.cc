// Benchmark of the count stage alone (ExtractCounts) on Reuters-21578: the
// <BODY> of every story is cut out crudely, analysed into tokens and
// sentences once, outside the timed loop. Bytes/s is body text per second on
// one core. Skips when ../shared/data is absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "counts/counts.h"
#include "text/sentence_splitter.h"

namespace {

std::vector<annals::AnnotatedDoc>* LoadReuters() {
  static std::vector<annals::AnnotatedDoc>* docs = [] {
    auto* out = new std::vector<annals::AnnotatedDoc>();
    const std::filesystem::path dir = std::string(ANNALS_SHARED_DATA) + "/corpus/reuters21578";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
      if (e.path().extension() == ".sgm") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string s = ss.str();
      for (size_t p = s.find("<BODY>"); p != std::string::npos; p = s.find("<BODY>", p)) {
        p += 6;
        const size_t e = s.find("</BODY>", p);
        if (e == std::string::npos) break;
        annals::AnnotatedDoc d;
        d.doc.text = s.substr(p, e - p);
        annals::AnalyzeText(d.doc.text, &d.layout);
        out->push_back(std::move(d));
        p = e;
      }
    }
    return out;
  }();
  return docs;
}

void BM_CountsReuters(benchmark::State& state) {
  auto* docs = LoadReuters();
  if (docs->empty()) {
    state.SkipWithError("Reuters-21578 not found under ANNALS_SHARED_DATA/corpus/reuters21578");
    return;
  }
  size_t bytes = 0, found = 0;
  std::vector<annals::Count> counts;
  for (auto _ : state) {
    for (const auto& d : *docs) {
      annals::ExtractCounts(d, &counts);
      found += counts.size();
      bytes += d.doc.text.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs"] = static_cast<double>(docs->size());
  state.counters["counts_per_pass"] =
      static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_CountsReuters)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
