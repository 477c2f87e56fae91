// Throughput of the temporal tagger alone (scanner + rules + resolution) on
// Reuters-21578 article bodies (../shared/data/corpus/reuters21578; the
// <BODY> text is cut out crudely, entities left as they are). Reports bytes
// per second; the target is >= 50 MB/s per core. Skips when the data is
// absent. Also a synthetic adversarial input to watch for blow-ups.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "timex/temporal_tagger.h"

namespace {

struct Article {
  std::string text;
  annals::Date date;
};

const std::vector<Article>& Reuters() {
  static const std::vector<Article> docs = [] {
    std::vector<Article> out;
    const std::string dir = std::string(ANNALS_SHARED_DATA) + "/corpus/reuters21578";
    for (int i = 0; i < 22; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "/reut2-%03d.sgm", i);
      std::ifstream in(dir + name, std::ios::binary);
      if (!in) continue;
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string s = ss.str();
      size_t pos = 0;
      while ((pos = s.find("<BODY>", pos)) != std::string::npos) {
        const size_t end = s.find("</BODY>", pos);
        if (end == std::string::npos) break;
        Article a;
        a.text = s.substr(pos + 6, end - pos - 6);
        a.date = annals::Date{1987, 3, 1, annals::DatePrecision::kDay};
        out.push_back(std::move(a));
        pos = end;
      }
    }
    return out;
  }();
  return docs;
}

void BM_TagReuters(benchmark::State& state) {
  const auto& docs = Reuters();
  if (docs.empty()) {
    state.SkipWithError("Reuters-21578 not found under ANNALS_SHARED_DATA");
    return;
  }
  size_t bytes = 0, found = 0;
  std::vector<annals::TimeExpr> out;
  for (auto _ : state) {
    for (const Article& a : docs) {
      out.clear();
      annals::TagTimes(a.text, a.date, annals::TimexOptions{}, &out);
      bytes += a.text.size();
      found += out.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["timexes_per_doc"] =
      benchmark::Counter(static_cast<double>(found) / (docs.size() * state.iterations()));
}
BENCHMARK(BM_TagReuters)->Unit(benchmark::kMillisecond);

// Adversarial: repeated month names, long digit runs, number words.
void BM_TagAdversarial(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "January 19 to 20, 1990 March may May thirty-five ";
  text += std::string(10000, '7');
  size_t bytes = 0;
  std::vector<annals::TimeExpr> out;
  for (auto _ : state) {
    out.clear();
    annals::TagTimes(text, annals::Date{2025, 1, 17, annals::DatePrecision::kDay},
                     annals::TimexOptions{}, &out);
    bytes += text.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_TagAdversarial)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
