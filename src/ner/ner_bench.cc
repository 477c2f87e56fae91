// NER throughput, one thread, with the shipped model on Reuters-21578 bodies
// (../shared/data; skipped when absent):
//   NerStage       — the NER stage alone on analysed text (tokens/s is the
//                    issue's "NER inference" figure);
//   AnalyzeAndNer  — text analysis + NER, bytes/s (the NER part of extract);
//   ModelOpen      — mapping and validating the model file.
// Run: build/src/ner/ner_bench
#include <benchmark/benchmark.h>

#include <filesystem>

#include "ner/ner_stage.h"
#include "ner/sgml_text.h"
#include "text/sentence_splitter.h"

namespace annals::ner {
namespace {

constexpr size_t kMaxDocs = 3000;  // ~330k tokens: an iteration stays under a second

const std::vector<std::string>& ReutersTexts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::filesystem::path dir = std::filesystem::path(ANNALS_SHARED_DATA) / "corpus/reuters21578";
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
      if (e.path().extension() == ".sgm") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (out.size() >= kMaxDocs) break;
      (void)ReadSgmlTexts(f.string(), &out);
    }
    if (out.size() > kMaxDocs) out.resize(kMaxDocs);
    return out;
  }();
  return texts;
}

std::shared_ptr<const NerModel> Model() {
  static std::shared_ptr<const NerModel> model = []() -> std::shared_ptr<const NerModel> {
    auto path = DefaultModelPath();
    if (!path.ok()) return nullptr;
    auto m = NerModel::Open(*path);
    if (!m.ok()) return nullptr;
    return std::shared_ptr<const NerModel>(std::move(*m));
  }();
  return model;
}

void BM_NerStage(benchmark::State& state) {
  const auto& texts = ReutersTexts();
  if (texts.empty() || Model() == nullptr) {
    state.SkipWithError("Reuters-21578 or the NER model not found");
    return;
  }
  std::vector<AnnotatedDoc> docs(texts.size());
  size_t tokens = 0, bytes = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    docs[i].doc.text = texts[i];
    AnalyzeText(docs[i].doc.text, &docs[i].layout);
    tokens += docs[i].layout.tokens.size();
    bytes += texts[i].size();
  }
  NerStage stage(Model());
  for (auto _ : state) {
    for (auto& d : docs) stage.Run(&d);
    benchmark::DoNotOptimize(docs.back().mentions.data());
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens) * static_cast<double>(state.iterations()),
                                                  benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_NerStage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_AnalyzeAndNer(benchmark::State& state) {
  const auto& texts = ReutersTexts();
  if (texts.empty() || Model() == nullptr) {
    state.SkipWithError("Reuters-21578 or the NER model not found");
    return;
  }
  size_t bytes = 0, tokens = 0;
  NerStage stage(Model());
  for (auto _ : state) {
    tokens = 0;
    for (const auto& t : texts) {
      AnnotatedDoc d;
      d.doc.text = t;
      AnalyzeText(d.doc.text, &d.layout);
      stage.Run(&d);
      tokens += d.layout.tokens.size();
      benchmark::DoNotOptimize(d.mentions.data());
    }
  }
  for (const auto& t : texts) bytes += t.size();
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens) * static_cast<double>(state.iterations()),
                                                  benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_AnalyzeAndNer)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_ModelOpen(benchmark::State& state) {
  auto path = DefaultModelPath();
  if (!path.ok()) {
    state.SkipWithError("no NER model");
    return;
  }
  for (auto _ : state) {
    auto m = NerModel::Open(*path);
    benchmark::DoNotOptimize(m.ok());
  }
}
BENCHMARK(BM_ModelOpen)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals::ner

BENCHMARK_MAIN();
