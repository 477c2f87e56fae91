// make_store_corpus: writes the benchmark corpus of the store/search
// benchmark (bench/store_bench.sh) as JSONL on stdout: N articles made from
// real news text (Reuters-21578, the GVA articles, the Wikinews sample, read
// with annals' own readers), each a copy of a source article with a unique
// id, its sentences after the first shuffled, and a publication date drawn
// uniformly from 1990-01-01..2025-12-31. Deterministic for a given seed.
// The output is never committed (restricted text); it lives in bench/out/.
//
// usage: make_store_corpus N SEED INPUT... > corpus.jsonl
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/json_writer.h"
#include "read/reader.h"

namespace {

struct Source {
  std::string title;
  std::string source;
  std::vector<std::string> sentences;
};

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && (text[i + 1] == ' ' || text[i + 1] == '\n')) {
      out.push_back(text.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: make_store_corpus N SEED INPUT...\n");
    return 2;
  }
  const long n = std::atol(argv[1]);
  const unsigned seed = static_cast<unsigned>(std::atol(argv[2]));
  std::vector<std::string> inputs(argv + 3, argv + argc);
  std::vector<Source> sources;
  annals::ReadOptions ro;
  ro.on_document = [&](annals::Document&& d) {
    if (d.text.size() < 200) return true;
    Source s;
    s.title = d.title;
    s.source = d.source;
    s.sentences = Sentences(d.text);
    sources.push_back(std::move(s));
    return true;
  };
  annals::ReadStats stats;
  annals::Status st = annals::ReadInputs(inputs, ro, &stats);
  if (!st.ok() || sources.empty()) {
    std::fprintf(stderr, "make_store_corpus: %s (%zu sources)\n", st.ToString().c_str(), sources.size());
    return 1;
  }
  std::fprintf(stderr, "make_store_corpus: %zu source articles, writing %ld\n", sources.size(), n);
  std::mt19937_64 rng(seed);
  const int64_t first = annals::DaysFromCivil(1990, 1, 1), last = annals::DaysFromCivil(2025, 12, 31);
  std::uniform_int_distribution<int64_t> day(first, last);
  const char* kSources[] = {"Reuters", "Wire Service", "Local News", "Wikinews", "Daily Courier", "Evening Post"};
  std::string line;
  std::vector<std::string> sent;
  for (long i = 0; i < n; ++i) {
    const Source& s = sources[static_cast<size_t>(i) % sources.size()];
    sent = s.sentences;
    if (sent.size() > 2) std::shuffle(sent.begin() + 1, sent.end(), rng);
    std::string text;
    for (const std::string& x : sent) {
      if (!text.empty()) text += ' ';
      text += x;
    }
    line.clear();
    annals::JsonWriter w(&line);
    w.BeginObject();
    w.Field("id", "b" + std::to_string(i));
    w.Field("date", annals::CivilFromDays(day(rng)).ToIso());
    w.Field("title", s.title);
    w.Field("source", s.source.empty() ? kSources[rng() % 6] : s.source);
    w.Field("text", text);
    w.EndObject();
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}
