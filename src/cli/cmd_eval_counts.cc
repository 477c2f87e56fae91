// `annals eval counts [DIR]`: scores the victim counts of the full extraction
// pipeline against the Gun Violence Archive dev set (DIR/articles.jsonl with
// id, title, dct, content, incident_id; DIR/incidents.jsonl with n_killed,
// n_injured and participant_status, whose "Arrested" entries give the arrest
// figure). Per type (KILL, WOUND, ARREST) it reports the share of articles
// whose figure equals the incident's, and the share where annals reports a
// figure the incident contradicts by being larger (an over-count). GVA figures
// are per incident, so articles that never state a figure cap the first share
// below 100%: the `stated` column is the share of articles whose text states
// the gold figure by a lexical proxy (counts/count_stated.h), and
// `equal/stated` the share of those where annals' figure is the gold one.
// BENCHMARKS.md compares the proxy with the hand-checked samples.
#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "core/date.h"
#include "counts/count_stated.h"
#include "extract/pipeline.h"

namespace annals {

namespace {

struct EvalCountsArgs {
  std::string dir = "../shared/data/counts/gva-dev";
  int threads = 0;
  int errors = 0;       // print up to this many mismatches per type
  int sample = 0;       // print this many articles (every k-th) for hand-checking
  bool stated = false;  // print, per article, whether its text states the KILL / WOUND figure
};

struct Gold {
  int64_t killed = -1;
  int64_t injured = -1;
  int64_t arrested = 0;
};

struct Article {
  std::string id;
  std::string incident;
  Document doc;
};

// Reads one string field of a JSON object; "" when absent or not a string.
std::string Field(simdjson::ondemand::document& d, std::string_view key) {
  std::string_view v;
  if (d[key].get_string().get(v) != simdjson::SUCCESS) return "";
  return std::string(v);
}

int64_t ToInt(const std::string& s) {
  if (s.empty()) return -1;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Calls on_line(line, line_number) for each non-empty line of `path`.
template <typename F>
Status ForEachJsonLine(const std::string& path, F on_line) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string line;
  size_t n = 0;
  simdjson::ondemand::parser parser;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    simdjson::padded_string padded(line);
    simdjson::ondemand::document d;
    if (parser.iterate(padded).get(d) != simdjson::SUCCESS)
      return Status::InvalidArgument(path + ":" + std::to_string(n) + ": not JSON");
    Status st = on_line(d, n);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

// The article's figure of one type: the first count of that type of its main
// incident (Count::incident 0), or -1.
int64_t FigureOf(const AnnotatedDoc& ad, CountType type, const Count** which) {
  for (const Count& c : ad.counts)
    if (c.type == type && c.incident == 0) {
      *which = &c;
      return c.number;
    }
  *which = nullptr;
  return -1;
}

struct Tally {
  size_t articles = 0;   // articles with a gold figure
  size_t extracted = 0;  // annals gave a figure
  size_t equal = 0;
  size_t over = 0;       // annals figure > gold
  size_t under = 0;      // annals figure < gold
  size_t stated = 0;     // the text states the gold figure (count_stated.h; KILL and WOUND only)
  size_t stated_equal = 0;  // ... and annals' figure equals it
};

int RunEvalCounts(const EvalCountsArgs& a) {
  std::map<std::string, Gold> gold;
  Status st = ForEachJsonLine(a.dir + "/incidents.jsonl", [&](simdjson::ondemand::document& d, size_t n) {
    Gold g;
    const std::string id = Field(d, "incident_id");
    g.killed = ToInt(Field(d, "n_killed"));
    g.injured = ToInt(Field(d, "n_injured"));
    const std::string status = Field(d, "participant_status");
    for (size_t p = status.find("Arrested"); p != std::string::npos; p = status.find("Arrested", p + 1))
      ++g.arrested;
    if (id.empty())
      return Status::InvalidArgument(a.dir + "/incidents.jsonl:" + std::to_string(n) + ": no incident_id");
    gold[id] = g;
    return Status::Ok();
  });
  if (!st.ok()) return ReportError(st);
  std::vector<Article> articles;
  size_t no_incident = 0;
  st = ForEachJsonLine(a.dir + "/articles.jsonl", [&](simdjson::ondemand::document& d, size_t n) {
    Article art;
    art.id = Field(d, "id");
    art.doc.id = art.id;
    art.doc.title = Field(d, "title");
    auto date = ParseIsoDate(Field(d, "dct"));
    if (date.ok()) art.doc.date = *date;
    art.doc.text = Field(d, "content");
    art.incident = Field(d, "incident_id");
    art.doc.origin = a.dir + "/articles.jsonl:" + std::to_string(n);
    if (gold.find(art.incident) == gold.end()) {
      ++no_incident;  // the dev set holds some articles whose incident is not in it
      return Status::Ok();
    }
    articles.push_back(std::move(art));
    return Status::Ok();
  });
  if (!st.ok()) return ReportError(st);

  auto pipeline = Pipeline::Create(PipelineOptions{});
  if (!pipeline.ok()) return ReportError(pipeline.status());
  std::vector<AnnotatedDoc> done(articles.size());
  int threads = a.threads > 0 ? a.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(1, threads);
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (size_t i = next++; i < articles.size(); i = next++) {
        done[i].doc = articles[i].doc;
        (*pipeline)->Annotate(&done[i]);
      }
    });
  for (auto& t : pool) t.join();

  const CountType types[] = {CountType::kKill, CountType::kWound, CountType::kArrest};
  Tally tally[3];
  int shown[3] = {0, 0, 0};
  for (size_t i = 0; i < articles.size(); ++i) {
    const Gold& g = gold[articles[i].incident];
    const int64_t want[3] = {g.killed, g.injured, g.arrested};
    for (int k = 0; k < 3; ++k) {
      if (want[k] < 0) continue;
      Tally& t = tally[k];
      ++t.articles;
      const Count* c;
      const int64_t got = FigureOf(done[i], types[k], &c);
      const bool states = TextStatesFigure(done[i].doc.text, done[i].layout.tokens,
                                           done[i].layout.sentences, types[k], want[k]);
      if (states) {
        ++t.stated;
        if (got == want[k]) ++t.stated_equal;
      }
      if (a.stated && k < 2)
        std::printf("STATED %zu %s %s gold=%lld got=%lld states=%d\n", i, articles[i].id.c_str(),
                    std::string(CountTypeName(types[k])).c_str(), static_cast<long long>(want[k]),
                    static_cast<long long>(got), states ? 1 : 0);
      if (got < 0) continue;
      ++t.extracted;
      if (got == want[k]) ++t.equal;
      else if (got > want[k]) ++t.over;
      else ++t.under;
      if (got != want[k] && shown[k] < a.errors) {
        ++shown[k];
        const std::string& text = done[i].doc.text;
        // The evidence with the start of its sentence, on one line.
        const auto& sents = done[i].layout.sentences;
        const uint32_t from = c->sentence < sents.size() ? sents[c->sentence].start : c->start;
        std::string shown = text.substr(from, std::min<uint32_t>(c->end - from, 240));
        for (char& ch : shown)
          if (ch == '\n' || ch == '\r') ch = ' ';
        std::printf("MISMATCH %s %s gold=%lld got=%lld: %s\n", std::string(CountTypeName(types[k])).c_str(),
                    articles[i].id.c_str(), static_cast<long long>(want[k]), static_cast<long long>(got),
                    shown.c_str());
      }
    }
  }
  if (a.sample > 0) {
    const size_t step = std::max<size_t>(1, articles.size() / static_cast<size_t>(a.sample));
    for (size_t i = 0, shown_n = 0; i < articles.size() && shown_n < static_cast<size_t>(a.sample);
         i += step, ++shown_n) {
      const Gold& g = gold[articles[i].incident];
      std::printf("SAMPLE %s gold K=%lld W=%lld A=%lld annals", articles[i].id.c_str(),
                  static_cast<long long>(g.killed), static_cast<long long>(g.injured),
                  static_cast<long long>(g.arrested));
      for (const Count& c : done[i].counts)
        std::printf(" %s=%lld", std::string(CountTypeName(c.type)).c_str(), static_cast<long long>(c.number));
      std::printf("\n");
    }
  }
  std::printf("annals eval counts: %zu articles, %zu incidents (%s); %zu articles skipped: incident not in incidents.jsonl\n",
              articles.size(), gold.size(), a.dir.c_str(), no_incident);
  std::printf("%-7s %9s %10s %10s %10s %10s %14s %10s %14s\n", "type", "articles", "extracted", "equal",
              "over", "under", "equal/extr.", "stated", "equal/stated");
  for (int k = 0; k < 3; ++k) {
    const Tally& t = tally[k];
    auto pct = [&](size_t x, size_t of) { return of ? 100.0 * static_cast<double>(x) / static_cast<double>(of) : 0.0; };
    std::printf("%-7s %9zu %9.1f%% %9.1f%% %9.1f%% %9.1f%% %13.1f%%", std::string(CountTypeName(types[k])).c_str(),
                t.articles, pct(t.extracted, t.articles), pct(t.equal, t.articles), pct(t.over, t.articles),
                pct(t.under, t.articles), pct(t.equal, t.extracted));
    if (types[k] == CountType::kArrest)
      std::printf(" %10s %14s\n", "-", "-");  // the proxy knows no arrest wording
    else
      std::printf(" %9.1f%% %13.1f%%\n", pct(t.stated, t.articles), pct(t.stated_equal, t.stated));
  }
  return kExitOk;
}

}  // namespace

void AddEvalCountsCommand(CLI::App* eval, int* exit_code) {
  auto args = std::make_shared<EvalCountsArgs>();
  CLI::App* cmd = eval->add_subcommand("counts", "Score victim counts on the GVA dev set");
  cmd->add_option("dir", args->dir, "Folder with articles.jsonl and incidents.jsonl")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads (default: all cores)");
  cmd->add_option("--errors", args->errors, "Print up to N mismatching articles per type");
  cmd->add_option("--sample", args->sample, "Print N evenly spaced articles with gold and extracted figures");
  cmd->add_flag("--stated", args->stated,
                "Print per article whether its text states the KILL / WOUND figure (the 'stated' column)");
  cmd->callback([args, exit_code] { *exit_code = RunEvalCounts(*args); });
}

}  // namespace annals
