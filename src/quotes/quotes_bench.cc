// Throughput of the quotation stage alone on Reuters-21578 bodies: the text
// layout (tokens, sentences, paragraphs) is computed once outside the timed
// loop, as the pipeline does before its stages; only ExtractQuotes is timed.
// Bodies come from a crude <BODY>…</BODY> cut of the .sgm files (entities
// such as &lt; are left as they are: the stage does not care).
// Run: build/src/quotes/quotes_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "quotes/quote_stage.h"
#include "text/sentence_splitter.h"

namespace {

std::vector<annals::AnnotatedDoc>& Corpus() {
  static std::vector<annals::AnnotatedDoc> docs = [] {
    std::vector<annals::AnnotatedDoc> out;
    for (int f = 0; f <= 21; ++f) {
      char name[64];
      std::snprintf(name, sizeof name, "/corpus/reuters21578/reut2-%03d.sgm", f);
      std::ifstream in(std::string(ANNALS_SHARED_DATA) + name, std::ios::binary);
      if (!in) continue;
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string all = ss.str();
      size_t pos = 0;
      while ((pos = all.find("<BODY>", pos)) != std::string::npos) {
        const size_t end = all.find("</BODY>", pos);
        if (end == std::string::npos) break;
        annals::AnnotatedDoc d;
        d.doc.text = all.substr(pos + 6, end - pos - 6);
        annals::AnalyzeText(d.doc.text, &d.layout);
        out.push_back(std::move(d));
        pos = end;
      }
    }
    return out;
  }();
  return docs;
}

void BM_QuotesReuters(benchmark::State& state) {
  auto& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("Reuters-21578 not found under ANNALS_SHARED_DATA/corpus/reuters21578");
    return;
  }
  size_t bytes = 0;
  size_t quotes = 0;
  for (auto _ : state) {
    for (auto& d : docs) {
      annals::ExtractQuotes(&d);
      bytes += d.doc.text.size();
      quotes += d.quotes.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["quotes_per_pass"] =
      static_cast<double>(quotes) / static_cast<double>(state.iterations() ? state.iterations() : 1);
}
BENCHMARK(BM_QuotesReuters)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// 100,000 straight and curly quote marks in a row: must stay linear.
void BM_QuotesMarkRun(benchmark::State& state) {
  annals::AnnotatedDoc d;
  for (int i = 0; i < 100000; ++i) d.doc.text += (i % 3 == 0) ? "\"" : (i % 3 == 1 ? "\xE2\x80\x9C" : "'");
  annals::AnalyzeText(d.doc.text, &d.layout);
  for (auto _ : state) annals::ExtractQuotes(&d);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * d.doc.text.size()));
}
BENCHMARK(BM_QuotesMarkRun)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
