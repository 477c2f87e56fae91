// store_query_bench: query latency of an annals archive through the Archive
// API (what `annals search` and the HTTP API call). Builds a realistic query
// set from the archive itself — common, mid-frequency and rare words (by
// document frequency from an fts5vocab table), phrases (word pairs taken
// from stored texts), AND pairs, date-filtered words, fact filters — then runs
// every query once to warm up and `reps` times timed, single-threaded, and
// prints median and p99 per class and overall, through annals' text index and
// through FTS5 side by side (top 20 with snippets, no total
// count), then facets and timelines. Both wall time and the thread's CPU time
// are reported: on a shared, overloaded machine wall time measures the queue
// for a core, CPU time what the query costs (warm cache: little I/O wait).
//
// usage: store_query_bench DB [QUERIES_PER_CLASS=40] [REPS=3]
#include <algorithm>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "search/archive.h"
#include "store/sqlite_db.h"

namespace {

using Clock = std::chrono::steady_clock;

double ThreadCpuMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Timing {
  std::vector<double> wall, cpu;
  void Add(const Timing& o) {
    wall.insert(wall.end(), o.wall.begin(), o.wall.end());
    cpu.insert(cpu.end(), o.cpu.begin(), o.cpu.end());
  }
};

std::vector<std::string> Column(annals::SqliteDb* db, const std::string& sql) {
  std::vector<std::string> out;
  auto s = db->Prepare(sql);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
    std::exit(1);
  }
  annals::Status st;
  while ((*s)->Step(&st)) out.push_back((*s)->Str(0));
  (*s)->Reset();
  return out;
}

bool Alpha(const std::string& w) {
  if (w.size() < 3) return false;
  for (char c : w)
    if (c < 'a' || c > 'z') return false;
  return true;
}

struct Stats {
  double median = 0, p99 = 0, max = 0;
};

Stats Summarize(std::vector<double> v) {
  Stats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.median = v[v.size() / 2];
  s.p99 = v[std::min(v.size() - 1, static_cast<size_t>(v.size() * 0.99))];
  s.max = v.back();
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: store_query_bench DB [QUERIES_PER_CLASS] [REPS]\n");
    return 2;
  }
  const std::string path = argv[1];
  const int per_class = argc > 2 ? std::atoi(argv[2]) : 40;
  const int reps = argc > 3 ? std::atoi(argv[3]) : 3;
  // STORE_QUERY_BENCH_INDEX_ONLY=1 skips the FTS5 side of the searches (its
  // fact filters take minutes at 1M articles) to look at the index's own
  // tail quickly; facets and timelines still run on both sides.
  const char* index_only_env = std::getenv("STORE_QUERY_BENCH_INDEX_ONLY");
  const bool index_only = index_only_env && std::string(index_only_env) == "1";
  // STORE_QUERY_BENCH_ONLY=TEXT times only the queries containing TEXT (for
  // profiling one slow query: run it with many REPS under perf).
  const char* only_env = std::getenv("STORE_QUERY_BENCH_ONLY");
  const std::string only = only_env ? only_env : "";
  // STORE_QUERY_BENCH_SEED=N draws another query set (default 42), to see
  // how much a figure owes to one sample.
  const char* seed_env = std::getenv("STORE_QUERY_BENCH_SEED");
  std::mt19937 rng(seed_env ? static_cast<uint32_t>(std::strtoul(seed_env, nullptr, 10)) : 42u);

  // The query set, from the archive's own vocabulary.
  annals::SqliteOpenOptions oo;
  oo.read_only = true;
  auto db = annals::SqliteDb::Open(path, oo);
  if (!db.ok()) return 1;
  (void)(*db)->Exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, row)");
  auto n_articles = (*db)->QueryInt("SELECT count(*) FROM articles");
  const int64_t n = *n_articles;
  std::vector<std::string> vocab = Column(db->get(), "SELECT term FROM temp.vocab ORDER BY doc DESC LIMIT 20000");
  std::vector<std::string> rare =
      Column(db->get(), "SELECT term FROM temp.vocab WHERE doc BETWEEN 3 AND " + std::to_string(std::max<int64_t>(30, n / 20000)) +
                            " ORDER BY term LIMIT 20000");
  vocab.erase(std::remove_if(vocab.begin(), vocab.end(), [](const std::string& w) { return !Alpha(w); }), vocab.end());
  rare.erase(std::remove_if(rare.begin(), rare.end(), [](const std::string& w) { return !Alpha(w); }), rare.end());
  std::vector<std::string> common(vocab.begin() + 20, vocab.begin() + std::min<size_t>(vocab.size(), 200));
  std::vector<std::string> mid(vocab.begin() + std::min<size_t>(vocab.size(), 1000),
                               vocab.begin() + std::min<size_t>(vocab.size(), 8000));
  // Phrases: adjacent word pairs from stored texts of articles drawn by the
  // seeded generator (not SQLite's random()), so that every run of the tool
  // on one archive times the same phrases.
  std::vector<std::string> texts;
  const int64_t min_key = *(*db)->QueryInt("SELECT coalesce(min(id), 0) FROM articles");
  const int64_t max_key = *(*db)->QueryInt("SELECT coalesce(max(id), 0) FROM articles");
  for (int i = 0; i < per_class * 3 && n > 0; ++i) {
    const int64_t key = min_key + static_cast<int64_t>(rng() % static_cast<uint64_t>(max_key - min_key + 1));
    std::vector<std::string> t = Column(
        db->get(), "SELECT substr(text, 1, 600) FROM articles WHERE id >= " + std::to_string(key) + " ORDER BY id LIMIT 1");
    texts.insert(texts.end(), t.begin(), t.end());
  }
  std::vector<std::string> people = Column(db->get(),
      "SELECT n.name FROM names n WHERE n.type = 0 AND n.id IN (SELECT name_id FROM entities GROUP BY name_id "
      "ORDER BY count(*) DESC LIMIT 200)");
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::map<std::string, std::vector<std::string>> classes;
  for (int i = 0; i < per_class; ++i) {
    if (!common.empty()) classes["1 common word"].push_back(pick(common));
    if (!mid.empty()) classes["2 mid word"].push_back(pick(mid));
    if (!rare.empty()) classes["3 rare word"].push_back(pick(rare));
    if (!mid.empty()) classes["5 AND (2 words)"].push_back(pick(mid) + " " + pick(common));
    if (!common.empty())
      classes["6 date-filtered"].push_back(pick(common) + " date:" + std::to_string(1990 + rng() % 36) + "-0" +
                                           std::to_string(1 + rng() % 9));
  }
  for (const std::string& t : texts) {
    std::vector<std::string> words;
    std::string w;
    for (char c : t) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) w.push_back(c);
      else {
        if (w.size() > 2) words.push_back(w);
        w.clear();
      }
    }
    if (words.size() < 6) continue;
    const size_t k = rng() % (words.size() - 2);
    classes["4 phrase"].push_back("\"" + words[k] + " " + words[k + 1] + "\"");
    if (classes["4 phrase"].size() >= static_cast<size_t>(per_class)) break;
  }
  const char* facts[] = {"killed>=10", "has:quote", "wounded>=5 date:2000..2010", "has:count", "arrested>=2"};
  for (int i = 0; i < per_class; ++i) {
    std::string q = facts[i % 5];
    if (i % 2 == 0 && !common.empty()) q = pick(common) + " " + q;
    if (i % 5 == 4 && !people.empty()) q = "person:\"" + pick(people) + "\"";
    classes["7 fact filter"].push_back(q);
  }

  auto archive = annals::Archive::Open(path, annals::ArchiveOptions{1});
  if (!archive.ok()) {
    std::fprintf(stderr, "%s\n", archive.status().ToString().c_str());
    return 1;
  }
  annals::SearchOptions so;
  so.limit = 20;
  so.snippets = true;
  so.count_total = false;
  annals::SearchOptions fts = so;  // the same search ranked by FTS5
  fts.use_index = false;
  std::printf("archive: %s, %lld articles; %d timed runs per query, single thread, warm cache\n", path.c_str(),
              static_cast<long long>(n), reps);
  std::printf("Every class runs through annals' text index (the default; 'index' = queries it answered)\n"
              "and through FTS5 (SearchOptions::use_index = false): same queries, same process. Times in ms.\n");
  std::printf("%-18s %7s %5s | %8s %8s %8s %8s | %8s %8s %8s %8s | %s\n", "class", "queries", "index", "wall med",
              "wall p99", "cpu med", "cpu p99", "wall med", "wall p99", "cpu med", "cpu p99", "FTS5/index CPU med, p99");
  Timing all, all_fts;
  size_t total_queries = 0, all_by_index = 0;
  auto time_it = [&](auto&& fn) {
    fn();  // warm-up
    Timing t;
    for (int r = 0; r < reps; ++r) {
      const double c0 = ThreadCpuMs();
      const auto t0 = Clock::now();
      fn();
      t.wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      t.cpu.push_back(ThreadCpuMs() - c0);
    }
    return t;
  };
  auto print = [](const char* name, size_t queries, size_t by_index, const Timing& t, const Timing& f) {
    Stats w = Summarize(t.wall), c = Summarize(t.cpu), fw = Summarize(f.wall), fc = Summarize(f.cpu);
    std::printf("%-18s %7zu %5zu | %8.2f %8.2f %8.2f %8.2f | %8.2f %8.2f %8.2f %8.2f | %6.1fx %6.1fx\n", name, queries,
                by_index, w.median, w.p99, c.median, c.p99, fw.median, fw.p99, fc.median, fc.p99,
                fc.median / std::max(c.median, 1e-6), fc.p99 / std::max(c.p99, 1e-6));
  };
  struct Slow {
    double cpu;
    std::string cls, query;
  };
  std::vector<Slow> slow;  // each query's slowest timed run through the index
  for (const auto& [name, queries] : classes) {
    Timing lat, lat_fts;
    size_t by_index = 0;
    for (const std::string& q : queries) {
      if (!only.empty() && q.find(only) == std::string::npos) continue;
      auto r = (*archive)->Search(q, so);
      if (!r.ok()) std::fprintf(stderr, "query %s: %s\n", q.c_str(), r.status().ToString().c_str());
      else by_index += r->engine == "index";
      Timing t = time_it([&] { (void)(*archive)->Search(q, so); });
      slow.push_back({*std::max_element(t.cpu.begin(), t.cpu.end()), name, q});
      lat.Add(t);
      if (!index_only) lat_fts.Add(time_it([&] { (void)(*archive)->Search(q, fts); }));
    }
    all.Add(lat);
    all_fts.Add(lat_fts);
    all_by_index += by_index;
    total_queries += lat.cpu.size() / static_cast<size_t>(std::max(reps, 1));
    if (lat.cpu.empty()) continue;  // STORE_QUERY_BENCH_ONLY matched none of this class
    print(name.c_str(), lat.cpu.size() / static_cast<size_t>(std::max(reps, 1)), by_index, lat, lat_fts);
  }
  if (all.cpu.empty()) return 0;
  print("ALL search", total_queries, all_by_index, all, all_fts);
  std::sort(slow.begin(), slow.end(), [](const Slow& a, const Slow& b) { return a.cpu > b.cpu; });
  std::printf("slowest through the index (CPU ms of the slowest timed run):\n");
  for (size_t i = 0; i < std::min<size_t>(slow.size(), 8); ++i)
    std::printf("  %8.2f  %-16s %s\n", slow[i].cpu, slow[i].cls.c_str(), slow[i].query.c_str());
  // Facets and timelines over the common-word and fact-filter queries.
  std::vector<std::string> fq;
  for (int i = 0; i < per_class / 2; ++i) {
    fq.push_back(classes["1 common word"][i]);
    fq.push_back(classes["3 rare word"].empty() ? classes["2 mid word"][i] : classes["3 rare word"][i]);
  }
  // Facets and timelines over the text index's match set (the default) and
  // over SQLite's rows (what archives whose index predates facet codes, or
  // queries the index cannot answer, get), from a second archive handle.
  annals::ArchiveOptions rows_options{1};
  rows_options.match_sets_from_index = false;
  auto rows = annals::Archive::Open(path, rows_options);
  if (!rows.ok()) {
    std::fprintf(stderr, "%s\n", rows.status().ToString().c_str());
    return 1;
  }
  Timing fl, fl_rows, tl, tl_rows, cl, cl_fts;
  for (const std::string& q : fq) {
    fl.Add(time_it([&] { (void)(*archive)->GetFacets(q, 10); }));
    fl_rows.Add(time_it([&] { (void)(*rows)->GetFacets(q, 10); }));
    tl.Add(time_it([&] { (void)(*archive)->GetTimeline(q, annals::Period::kMonth); }));
    tl_rows.Add(time_it([&] { (void)(*rows)->GetTimeline(q, annals::Period::kMonth); }));
    annals::SearchOptions co = so;
    co.count_total = true;
    co.offset = 20;  // forces the counting pass
    cl.Add(time_it([&] { (void)(*archive)->Search(q, co); }));
    co.use_index = false;
    if (!index_only) cl_fts.Add(time_it([&] { (void)(*archive)->Search(q, co); }));
  }
  std::printf("(facets and timelines: left over the index's match set, right over SQLite rows\n"
              " (FTS5 for the words); an index without facet codes gives the right side on both)\n");
  print("facets", fq.size(), fq.size(), fl, fl_rows);
  print("timeline (month)", fq.size(), fq.size(), tl, tl_rows);
  if (!index_only) print("search + total", fq.size(), fq.size(), cl, cl_fts);
  // The incidents page (`/api/counts`): a page of 100 counts by number,
  // largest first, and their total, for the same queries and the whole
  // archive; left from the index's matching keys, right from SQLite's rows
  // (skipped with STORE_QUERY_BENCH_INDEX_ONLY: seconds per query at 1M).
  Timing il, il_rows;
  std::vector<std::string> iq = fq;
  iq.push_back("");
  annals::CountListOptions by_number;
  by_number.order = annals::CountOrder::kNumber;
  by_number.descending = true;
  for (const std::string& q : iq) {
    il.Add(time_it([&] {
      (void)(*archive)->ListCounts(q, by_number);
      (void)(*archive)->CountCounts(q, by_number);
    }));
    if (!index_only) {
      il_rows.Add(time_it([&] {
        (void)(*rows)->ListCounts(q, by_number);
        (void)(*rows)->CountCounts(q, by_number);
      }));
    }
  }
  print("counts by number", iq.size(), iq.size(), il, il_rows);
  // Entity pages (`/api/entity`): the whole archive's 10 most mentioned
  // people, organisations and places (the heaviest pages) and those of the
  // rare queries' facets (typical ones).
  std::vector<std::pair<std::string, std::string>> names;
  auto add_names = [&](const annals::Facets& f) {
    for (const auto& [list, type] : {std::pair{&f.people, "PERSON"}, std::pair{&f.orgs, "ORG"},
                                     std::pair{&f.places, "LOCATION"}})
      for (const annals::FacetValue& v : *list) names.emplace_back(v.name, type);
  };
  if (auto f = (*archive)->GetFacets("", 10); f.ok()) add_names(*f);
  for (size_t i = 1; i < fq.size(); i += 2)
    if (auto f = (*archive)->GetFacets(fq[i], 2); f.ok()) add_names(*f);
  Timing en;
  for (const auto& [name, type] : names) en.Add(time_it([&] { (void)(*archive)->GetEntity(name, type, 100); }));
  const Stats ew = Summarize(en.wall), ec = Summarize(en.cpu);
  std::printf("%-18s %7zu %5s | %8.2f %8.2f %8.2f %8.2f | (max CPU %.2f)\n", "entity page", names.size(), "-",
              ew.median, ew.p99, ec.median, ec.p99, ec.max);
  return 0;
}
