// index_bench: builds annals' index over a replicated news corpus
// (Reuters-21578 + GVA + Wikinews from ../shared/data, each article copied
// with shuffled sentences and a random 1990-2025 date) and measures build
// throughput, index size and top-20 latency per query class for block-max
// search vs exhaustive scoring vs SQLite FTS5 (same analyzer, same text, same
// queries, same run). Not a Google Benchmark: latency percentiles over a
// query set are what matter here.
//
//   build/src/index/index_bench [--docs N] [--queries-per-class Q] [--no-fts5]
//                               [--codec bitpack|svb|both] [--dir /tmp/x]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <time.h>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/utf8.h"
#include "index/analyzer.h"
#include "index/merge.h"
#include "index/search.h"
#include "index/segment_builder.h"

namespace {

using namespace annals::index;  // NOLINT: one-file benchmark
using annals::Result;
using annals::Status;
using Clock = std::chrono::steady_clock;

double Secs(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// CPU time of this thread, in ms: on a shared, overloaded machine wall-clock
// percentiles mostly measure the scheduler; this measures the engine.
double ThreadCpuMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Article {
  std::string title, body;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Between(const std::string& s, size_t from, size_t to, const char* open, const char* close) {
  size_t a = s.find(open, from);
  if (a == std::string::npos || a >= to) return "";
  a += std::strlen(open);
  size_t b = s.find(close, a);
  if (b == std::string::npos || b > to) return "";
  return s.substr(a, b - a);
}

void Unescape(std::string* s) {
  std::string out;
  for (size_t i = 0; i < s->size(); i++) {
    if ((*s)[i] == '&') {
      if (s->compare(i, 4, "&lt;") == 0) { out += '<'; i += 3; continue; }
      if (s->compare(i, 4, "&gt;") == 0) { out += '>'; i += 3; continue; }
      if (s->compare(i, 5, "&amp;") == 0) { out += '&'; i += 4; continue; }
    }
    out += (*s)[i];
  }
  annals::RepairUtf8(&out);
  *s = std::move(out);
}

void LoadReuters(const std::string& dir, std::vector<Article>* out) {
  for (int f = 0; f < 22; f++) {
    char name[64];
    std::snprintf(name, sizeof name, "/reut2-%03d.sgm", f);
    std::string s = ReadFile(dir + name);
    size_t pos = 0;
    while ((pos = s.find("<REUTERS", pos)) != std::string::npos) {
      size_t end = s.find("</REUTERS>", pos);
      if (end == std::string::npos) break;
      Article a{Between(s, pos, end, "<TITLE>", "</TITLE>"), Between(s, pos, end, "<BODY>", "</BODY>")};
      Unescape(&a.title);
      Unescape(&a.body);
      if (!a.body.empty()) out->push_back(std::move(a));
      pos = end;
    }
  }
}

// The value of "key": "..." in a JSON line, unescaped (enough for GVA).
std::string JsonString(const std::string& line, const char* key) {
  std::string pat = std::string("\"") + key + "\": \"";
  size_t i = line.find(pat);
  if (i == std::string::npos) return "";
  std::string out;
  for (i += pat.size(); i < line.size() && line[i] != '"'; i++) {
    if (line[i] != '\\' || i + 1 >= line.size()) {
      out += line[i];
      continue;
    }
    char c = line[++i];
    if (c == 'n') out += '\n';
    else if (c == 't') out += '\t';
    else if (c == 'u' && i + 4 < line.size()) {
      annals::AppendUtf8(static_cast<char32_t>(std::stoul(line.substr(i + 1, 4), nullptr, 16)), &out);
      i += 4;
    } else out += c;
  }
  annals::RepairUtf8(&out);
  return out;
}

void LoadGva(const std::string& path, std::vector<Article>* out) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    Article a{JsonString(line, "title"), JsonString(line, "content")};
    if (!a.body.empty()) out->push_back(std::move(a));
  }
}

void LoadWikinewsCsv(const std::string& path, std::vector<Article>* out) {
  std::string s = ReadFile(path);
  std::vector<std::string> fields;
  std::string cur;
  bool quoted = false, header = true;
  for (size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') { cur += '"'; i++; }
      else if (c == '"') quoted = false;
      else cur += c;
    } else if (c == '"') quoted = true;
    else if (c == ',') { fields.push_back(cur); cur.clear(); }
    else if (c == '\n') {
      fields.push_back(cur);
      cur.clear();
      if (!header && fields.size() >= 4) out->push_back({fields[2], fields[3]});
      header = false;
      fields.clear();
    } else if (c != '\r') cur += c;
  }
}

// A copy of `a` with its sentences shuffled.
std::string Shuffled(const std::string& body, std::mt19937& rng) {
  std::vector<std::string> sents;
  size_t start = 0;
  for (size_t i = 0; i + 1 < body.size(); i++) {
    if (body[i] == '.' && body[i + 1] == ' ') {
      sents.push_back(body.substr(start, i + 2 - start));
      start = i + 2;
    }
  }
  sents.push_back(body.substr(start));
  std::shuffle(sents.begin(), sents.end(), rng);
  std::string out;
  for (auto& s : sents) out += s;
  return out;
}

struct BenchDoc {
  uint64_t id;
  int32_t date;
  uint32_t base;  // index into the base articles
  std::string body;
};

struct QueryCase {
  std::string cls, text;
  bool all;
  int32_t from, to;  // date filter (days), or INT32_MIN/MAX
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  size_t want_docs = 200000, per_class = 40;
  bool fts5 = true;
  std::string codec_arg = "bitpack", dir = "/tmp/annals_index_bench";
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--docs" && i + 1 < argc) want_docs = std::stoul(argv[++i]);
    else if (a == "--queries-per-class" && i + 1 < argc) per_class = std::stoul(argv[++i]);
    else if (a == "--no-fts5") fts5 = false;
    else if (a == "--codec" && i + 1 < argc) codec_arg = argv[++i];
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else {
      std::fprintf(stderr, "usage: index_bench [--docs N] [--queries-per-class Q] [--no-fts5] [--codec bitpack|svb|both] [--dir D]\n");
      return 2;
    }
  }
  std::string data = ANNALS_SHARED_DATA;
  std::vector<Article> base;
  LoadReuters(data + "/corpus/reuters21578", &base);
  LoadGva(data + "/counts/gva-dev/articles.jsonl", &base);
  LoadWikinewsCsv(data + "/corpus/wikinews/wikinews_2019.csv", &base);
  LoadWikinewsCsv(data + "/corpus/wikinews/wikinews_2020.csv", &base);
  if (base.empty()) {
    std::fprintf(stderr, "no corpus under %s\n", data.c_str());
    return 1;
  }
  uint64_t base_bytes = 0;
  for (auto& a : base) base_bytes += a.title.size() + a.body.size();
  std::printf("base corpus: %zu articles, %.1f MB; replicating to %zu docs\n", base.size(), base_bytes / 1e6, want_docs);

  // Replicate: shuffled sentences, dates 1990-01-01 .. 2025-12-31, sorted by date
  // (ids in date order for FTS5's rowid ranges).
  std::mt19937 rng(42);
  const int32_t d0 = 7305, d1 = 20453;  // days for 1990-01-01 and 2025-12-31
  std::vector<BenchDoc> docs(want_docs);
  uint64_t text_bytes = 0;
  for (size_t i = 0; i < want_docs; i++) {
    uint32_t b = static_cast<uint32_t>(i % base.size());
    docs[i].base = b;
    docs[i].date = d0 + static_cast<int32_t>(rng() % static_cast<uint32_t>(d1 - d0 + 1));
    docs[i].body = i < base.size() ? base[b].body : Shuffled(base[b].body, rng);
    text_bytes += base[b].title.size() + docs[i].body.size();
  }
  std::sort(docs.begin(), docs.end(), [](const BenchDoc& a, const BenchDoc& b) { return a.date < b.date; });
  for (size_t i = 0; i < docs.size(); i++) docs[i].id = i + 1;
  std::printf("corpus: %zu docs, %.1f MB of title+body text\n", docs.size(), text_bytes / 1e6);

  // Queries from the vocabulary: surface words by document frequency.
  std::unordered_map<std::string, std::pair<std::string, uint32_t>> stem_df;  // stem -> (surface, df in base)
  for (const Article& a : base) {
    std::unordered_map<std::string, std::string> seen;
    Analyze(a.body, true, [&](const AnalyzedToken& t) {
      if (!seen.count(std::string(t.term))) {
        std::string surface = a.body.substr(t.begin, t.end - t.begin);
        seen.emplace(std::string(t.term), surface);
      }
    });
    for (auto& [stem, surface] : seen) {
      auto& e = stem_df[stem];
      if (e.first.empty()) e.first = surface;
      e.second++;
    }
  }
  auto words_in = [&](double lo, double hi) {
    std::vector<std::string> out;
    for (auto& [stem, e] : stem_df) {
      double f = static_cast<double>(e.second) / static_cast<double>(base.size());
      bool alpha = std::all_of(e.first.begin(), e.first.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
      if (f >= lo && f < hi && alpha && e.first.size() > 2) out.push_back(e.first);
    }
    std::sort(out.begin(), out.end());
    std::shuffle(out.begin(), out.end(), rng);
    return out;
  };
  std::vector<std::string> common = words_in(0.05, 0.5), mid = words_in(0.002, 0.02), rare = words_in(0.00005, 0.0004);
  std::vector<QueryCase> queries;
  for (size_t i = 0; i < per_class; i++) {
    queries.push_back({"common", common[i % common.size()], false, INT32_MIN, INT32_MAX});
    queries.push_back({"mid", mid[i % mid.size()], false, INT32_MIN, INT32_MAX});
    queries.push_back({"rare", rare[i % rare.size()], false, INT32_MIN, INT32_MAX});
    queries.push_back({"and", common[(i * 7 + 3) % common.size()] + " " + mid[(i * 5 + 1) % mid.size()], true, INT32_MIN, INT32_MAX});
    // A phrase: two adjacent alphabetic words from a random article.
    for (int tries = 0; tries < 100; tries++) {
      const std::string& body = base[rng() % base.size()].body;
      std::vector<std::string> w;
      Analyze(body, false, [&](const AnalyzedToken& t) { w.push_back(body.substr(t.begin, t.end - t.begin)); });
      if (w.size() < 10) continue;
      size_t k = rng() % (w.size() - 1);
      auto alpha = [](const std::string& s) {
        return s.size() > 2 && std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
      };
      if (!alpha(w[k]) || !alpha(w[k + 1])) continue;
      queries.push_back({"phrase", "\"" + w[k] + " " + w[k + 1] + "\"", false, INT32_MIN, INT32_MAX});
      break;
    }
    int32_t from = d0 + static_cast<int32_t>(rng() % static_cast<uint32_t>(d1 - d0 - 365));
    queries.push_back({"date", common[(i * 3 + 2) % common.size()], false, from, from + 365});
  }

  struct Engine {
    std::string name;
    std::map<std::string, std::vector<double>> ms;   // class -> wall-clock latencies
    std::map<std::string, std::vector<double>> cpu;  // class -> thread CPU time
  };
  std::vector<Engine> engines;
  std::vector<std::vector<double>> fts_scores(queries.size());
  std::vector<std::vector<double>> our_scores(queries.size());

  std::vector<CodecId> codecs;
  if (codec_arg == "svb" || codec_arg == "both") codecs.push_back(CodecId::kStreamVByte);
  if (codec_arg == "bitpack" || codec_arg == "both") codecs.push_back(CodecId::kBitPack);
  for (CodecId codec : codecs) {
    const char* cname = codec == CodecId::kStreamVByte ? "streamvbyte" : "bitpack";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    // Build: batches of 50k docs, one segment each (one thread).
    const size_t batch = 50000;
    auto t0 = Clock::now();
    std::clock_t c0 = std::clock();
    std::vector<std::string> seg_paths;
    for (size_t s = 0; s < docs.size(); s += batch) {
      SegmentBuilder b(codec);
      for (size_t i = s; i < std::min(docs.size(), s + batch); i++) {
        IndexDoc d;
        d.id = docs[i].id;
        d.date = docs[i].date;
        d.title = base[docs[i].base].title;
        d.body = docs[i].body;
        Status st = b.Add(d);
        if (!st.ok()) return 1;
      }
      seg_paths.push_back(dir + "/seg_" + std::to_string(s / batch) + ".ais");
      Status st = b.Write(seg_paths.back());
      if (!st.ok()) {
        std::fprintf(stderr, "%s\n", st.ToString().c_str());
        return 1;
      }
    }
    auto t1 = Clock::now();
    double build_cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    std::vector<SnapshotSegment> parts;
    for (auto& p : seg_paths) parts.push_back({*Segment::Open(p), nullptr});
    std::string merged = dir + "/merged.ais";
    Status st = MergeSegments(parts, codec, merged);
    if (!st.ok()) return 1;
    parts.clear();
    for (auto& p : seg_paths) std::filesystem::remove(p);
    auto t2 = Clock::now();
    uint64_t size = std::filesystem::file_size(merged);
    std::printf("[%s] build %.2f s wall, %.2f s CPU = %.1f MB/s per CPU-second (one thread, %zu segments); merge to one segment %.2f s; index %.1f MB (%.1f%% of text)\n",
                cname, Secs(t0, t1), build_cpu, text_bytes / 1e6 / build_cpu, seg_paths.size(), Secs(t1, t2), size / 1e6,
                100.0 * static_cast<double>(size) / static_cast<double>(text_bytes));
    Snapshot snap;
    snap.segments.push_back({*Segment::Open(merged), nullptr});
    {
      const Segment& s = *snap.segments[0].segment;
      std::printf("[%s] %u terms, %.1f MB dictionary + block metadata, %.1f MB doc ids + tfs, %.1f MB positions\n", cname,
                  s.num_terms(), (s.num_terms() * 48.0 + s.blocks_bytes()) / 1e6, s.data_size() / 1e6, s.positions_size() / 1e6);
    }
    // Modes: block-max top 20; the same engine without pruning; block-max
    // top 20 plus the exact total of matches (what the HTTP API asks for).
    const char* mode_names[] = {" block-max", " exhaustive", " + exact total"};
    for (int mode = 0; mode < 3; mode++) {
      Engine e{std::string(cname) + mode_names[mode], {}, {}};
      SearchOptions opts;
      opts.prune = mode != 1;
      for (int rep = 0; rep < 2; rep++) {  // first pass warms the page cache
        for (size_t qi = 0; qi < queries.size(); qi++) {
          const QueryCase& qc = queries[qi];
          auto a = Clock::now();
          double ca = ThreadCpuMs();
          Result<Query> q = ParseSimple(qc.text, qc.all ? MatchMode::kAll : MatchMode::kAny);
          if (!q.ok()) return 1;
          q->date_from = qc.from;
          q->date_to = qc.to;
          q->k = 20;
          q->exact_count = mode == 2;
          Result<SearchResult> r = Search(snap, *q, opts);
          auto b = Clock::now();
          double cb = ThreadCpuMs();
          if (!r.ok()) {
            std::fprintf(stderr, "%s: %s\n", qc.text.c_str(), r.status().ToString().c_str());
            return 1;
          }
          if (rep == 1) {
            e.ms[qc.cls].push_back(Secs(a, b) * 1e3);
            e.cpu[qc.cls].push_back(cb - ca);
          }
          if (rep == 1 && mode == 0 && codec == codecs[0]) {
            our_scores[qi].clear();
            for (const Hit& h : r->hits) our_scores[qi].push_back(h.score);
          }
        }
      }
      engines.push_back(std::move(e));
    }
  }

  if (fts5) {
    std::string db_path = dir + "/fts5.db";
    std::filesystem::remove(db_path);
    sqlite3* db = nullptr;
    sqlite3_open(db_path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                     "CREATE VIRTUAL TABLE t USING fts5(x, content='', tokenize='porter unicode61 remove_diacritics 2');",
                 nullptr, nullptr, nullptr);
    auto t0 = Clock::now();
    std::clock_t c0 = std::clock();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* ins;
    sqlite3_prepare_v2(db, "INSERT INTO t(rowid, x) VALUES (?, ?)", -1, &ins, nullptr);
    std::string text;
    for (const BenchDoc& d : docs) {
      text = base[d.base].title + "\n" + d.body;
      sqlite3_bind_int64(ins, 1, static_cast<sqlite3_int64>(d.id));
      sqlite3_bind_text(ins, 2, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
      sqlite3_step(ins);
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "INSERT INTO t(t) VALUES('optimize')", nullptr, nullptr, nullptr);
    auto t1 = Clock::now();
    double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    sqlite3_close(db);
    std::printf("[fts5] build+optimize %.2f s wall, %.2f s CPU = %.1f MB/s per CPU-second; index %.1f MB (contentless, detail=full)\n", Secs(t0, t1),
                cpu, text_bytes / 1e6 / cpu, std::filesystem::file_size(db_path) / 1e6);
    sqlite3_open(db_path.c_str(), &db);
    Engine e{"fts5", {}, {}};
    sqlite3_stmt* q;
    sqlite3_prepare_v2(db, "SELECT rowid, bm25(t) FROM t WHERE t MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rank LIMIT 20",
                       -1, &q, nullptr);
    for (int rep = 0; rep < 2; rep++) {
      for (size_t qi = 0; qi < queries.size(); qi++) {
        const QueryCase& qc = queries[qi];
        // Date filter as a rowid range (ids are in date order).
        int64_t lo = 1, hi = static_cast<int64_t>(docs.size());
        if (qc.from != INT32_MIN) {
          lo = std::lower_bound(docs.begin(), docs.end(), qc.from, [](const BenchDoc& d, int32_t v) { return d.date < v; }) - docs.begin() + 1;
          hi = std::upper_bound(docs.begin(), docs.end(), qc.to, [](int32_t v, const BenchDoc& d) { return v < d.date; }) - docs.begin();
        }
        std::string match = qc.text;
        if (!qc.all && match.find(' ') != std::string::npos && match[0] != '"') {
          // OR of words (not used by the classes above, kept for completeness).
          for (size_t p; (p = match.find(' ')) != std::string::npos;) match.replace(p, 1, " OR ");
        }
        auto a = Clock::now();
        double ca = ThreadCpuMs();
        sqlite3_bind_text(q, 1, match.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(q, 2, lo);
        sqlite3_bind_int64(q, 3, hi);
        std::vector<double> scores;
        while (sqlite3_step(q) == SQLITE_ROW) scores.push_back(-sqlite3_column_double(q, 1));
        sqlite3_reset(q);
        auto b = Clock::now();
        double cb = ThreadCpuMs();
        if (rep == 1) {
          e.ms[qc.cls].push_back(Secs(a, b) * 1e3);
          e.cpu[qc.cls].push_back(cb - ca);
          fts_scores[qi] = scores;
        }
      }
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    engines.push_back(std::move(e));
    // Ranking parity: the same top-20 score lists (ties may order ids differently).
    std::map<std::string, std::pair<int, int>> parity;  // class -> (same, all)
    for (size_t qi = 0; qi < queries.size(); qi++) {
      bool eq = fts_scores[qi].size() == our_scores[qi].size();
      for (size_t k = 0; eq && k < fts_scores[qi].size(); k++) {
        eq = std::fabs(fts_scores[qi][k] - our_scores[qi][k]) <= 1e-6 * std::max(1.0, std::fabs(fts_scores[qi][k]));
      }
      parity[queries[qi].cls].first += eq;
      parity[queries[qi].cls].second++;
    }
    std::printf("BM25 parity with FTS5 (same top-20 score lists):");
    for (auto& [cls, p] : parity) std::printf(" %s %d/%d", cls.c_str(), p.first, p.second);
    std::printf("\n");
  }

  const char* classes[] = {"common", "mid", "rare", "and", "phrase", "date"};
  for (int table = 0; table < 2; table++) {
    std::printf("\ntop-20 latency, ms (median / p99), %s, %zu queries per class, warm cache, one thread\n",
                table == 0 ? "wall clock" : "thread CPU time", per_class);
    std::printf("%-24s", "engine");
    for (const char* c : classes) std::printf(" %15s", c);
    std::printf(" %15s\n", "all");
    for (const Engine& e : engines) {
      const auto& m = table == 0 ? e.ms : e.cpu;
      std::printf("%-24s", e.name.c_str());
      std::vector<double> all;
      for (const char* c : classes) {
        auto it = m.find(c);
        std::vector<double> v = it == m.end() ? std::vector<double>{} : it->second;
        all.insert(all.end(), v.begin(), v.end());
        std::printf("   %5.2f / %5.2f", Percentile(v, 0.5), Percentile(v, 0.99));
      }
      std::printf("   %5.2f / %5.2f\n", Percentile(all, 0.5), Percentile(all, 0.99));
    }
  }
  std::filesystem::remove_all(dir);
  return 0;
}
