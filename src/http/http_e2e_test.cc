// End-to-end tests of the JSON API: the real `annals` binary ingests the seed
// and a few fixtures into a real SQLite file, `annals serve` listens on a free
// loopback port, and an HTTP client checks every endpoint, its errors and its
// limits.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>

namespace annals {
namespace {

namespace fs = std::filesystem;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("annals_http_e2e_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "test.db").string();
    const std::string seed = std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt";
    std::ofstream(dir_ / "more.jsonl")
        << R"({"id":"a1","date":"2020-03-02","title":"Flood in Dhaka","text":"Floods killed 12 people in Dhaka on Monday, police said."})"
        << "\n"
        << R"({"id":"a2","date":"2019-07-15","title":"Protest in Paris","text":"Police detained 30 protesters in Paris. \"We will return,\" said organiser Marie Dupont."})"
        << "\n";
    const std::string cmd = std::string(ANNALS_BINARY) + " ingest --db " + db_ + " " + seed + " " +
                            (dir_ / "more.jsonl").string() + " > " + (dir_ / "ingest.log").string() + " 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << "ingest failed, see " << (dir_ / "ingest.log");
    StartServer();
  }

  static void StartServer() {
    const std::string log = (dir_ / "serve.log").string();
    pid_ = fork();
    if (pid_ == 0) {
      FILE* f = std::freopen(log.c_str(), "w", stdout);
      (void)f;
      execl(ANNALS_BINARY, "annals", "serve", "--db", db_.c_str(), "--port", "0", static_cast<char*>(nullptr));
      _exit(127);
    }
    // The server prints its URL once it listens.
    const std::regex url_re(R"(http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::ifstream in(log);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::smatch m;
      if (std::regex_search(text, m, url_re)) port_ = std::stoi(m[1]);
    }
    ASSERT_NE(port_, 0) << "annals serve did not start";
  }

  static void TearDownTestSuite() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  httplib::Result Get(const std::string& path) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c.Get(path);
  }

  static fs::path dir_;
  static std::string db_;
  static pid_t pid_;
  static int port_;
};

fs::path ApiTest::dir_;
std::string ApiTest::db_;
pid_t ApiTest::pid_ = 0;
int ApiTest::port_ = 0;

TEST_F(ApiTest, ServesTheUi) {
  auto r = Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<title>annals</title>"), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Type").find("text/html"), std::string::npos);
  auto js = Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_NE(js->get_header_value("Content-Type").find("javascript"), std::string::npos);
  auto missing = Get("/nope.txt");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(ApiTest, SearchFindsTheSeedWithSnippet) {
  auto r = Get("/api/search?q=Baku");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("\"total\":1"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("\"engine\":\"index\""), std::string::npos) << r->body;
  EXPECT_EQ(r->body.find("\"notice\""), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("<mark>Baku</mark>"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("20 January Tragedy"), std::string::npos);
}

TEST_F(ApiTest, MalformedQueryIs400WithPosition) {
  auto r = Get("/api/search?q=%28Baku");  // "(Baku"
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("\"error\""), std::string::npos);
  EXPECT_NE(r->body.find("\"position\""), std::string::npos) << r->body;
}

TEST_F(ApiTest, BadParametersAre400) {
  auto r = Get("/api/search?q=Baku&limit=abc");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  auto t = Get("/api/timeline?by=fortnight");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->status, 400);
  auto c = Get("/api/counts?type=EATEN");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, 400);
}

TEST_F(ApiTest, PageSizeIsCapped) {
  auto r = Get("/api/search?q=&limit=100000");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

TEST_F(ApiTest, ArticleWithFacts) {
  auto s = Get("/api/search?q=Baku");
  ASSERT_TRUE(s);
  std::smatch m;
  const std::string body = s->body;
  ASSERT_TRUE(std::regex_search(body, m, std::regex(R"re("id":"([^"]+)")re")));
  auto a = Get("/api/articles/" + m[1].str());
  ASSERT_TRUE(a);
  ASSERT_EQ(a->status, 200);
  EXPECT_NE(a->body.find("\"text\":"), std::string::npos);
  EXPECT_NE(a->body.find("\"quotes\":["), std::string::npos);
  auto missing = Get("/api/articles/does-not-exist");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("\"error\""), std::string::npos);
}

TEST_F(ApiTest, FacetsTimelineStats) {
  auto f = Get("/api/facets?q=");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->status, 200);
  EXPECT_NE(f->body.find("\"places\""), std::string::npos);
  auto t = Get("/api/timeline?q=&by=year");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->status, 200);
  EXPECT_NE(t->body.find("\"period\":\"2025\""), std::string::npos) << t->body;
  auto st = Get("/api/stats");
  ASSERT_TRUE(st);
  EXPECT_EQ(st->status, 200);
  EXPECT_NE(st->body.find("\"articles\":3"), std::string::npos) << st->body;
}

TEST_F(ApiTest, ExportFormats) {
  for (const char* fmt : {"jsonl", "csv", "gkg"}) {
    auto r = Get(std::string("/api/export?q=&format=") + fmt);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << fmt;
    EXPECT_FALSE(r->body.empty()) << fmt;
  }
  auto bad = Get("/api/export?format=xml");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

// The seed through the API: seven quotes by Sabina Aliyeva, KILL 150.
TEST_F(ApiTest, SeedQuotesAndCounts) {
  auto q = Get("/api/quotes?speaker=Sabina%20Aliyeva&limit=100");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->status, 200) << q->body;
  size_t direct = 0;
  for (size_t p = q->body.find("\"kind\":\"direct\""); p != std::string::npos;
       p = q->body.find("\"kind\":\"direct\"", p + 1))
    ++direct;
  EXPECT_EQ(direct, 7u) << q->body;
  auto c = Get("/api/counts?type=KILL&min=100");
  ASSERT_TRUE(c);
  ASSERT_EQ(c->status, 200);
  EXPECT_NE(c->body.find("\"number\":150"), std::string::npos) << c->body;
  auto e = Get("/api/entity?name=Sabina%20Aliyeva&type=PERSON");
  ASSERT_TRUE(e);
  ASSERT_EQ(e->status, 200) << e->body;
  EXPECT_NE(e->body.find("\"quotes\":[{"), std::string::npos);
}

// Counts are filtered, sorted and paged by the database; `total` is the
// whole filtered set, not the page.
TEST_F(ApiTest, CountsSortFilterAndPage) {
  auto top = Get("/api/counts?limit=1");
  ASSERT_TRUE(top);
  ASSERT_EQ(top->status, 200) << top->body;
  EXPECT_NE(top->body.find("\"number\":841"), std::string::npos) << top->body;  // largest first
  auto arrests = Get("/api/counts?type=ARREST&order=asc");
  ASSERT_TRUE(arrests);
  ASSERT_EQ(arrests->status, 200) << arrests->body;
  const size_t p30 = arrests->body.find("\"number\":30,");
  const size_t p841 = arrests->body.find("\"number\":841,");
  ASSERT_NE(p30, std::string::npos) << arrests->body;
  ASSERT_NE(p841, std::string::npos) << arrests->body;
  EXPECT_LT(p30, p841);
  EXPECT_NE(arrests->body.find("\"total\":2,"), std::string::npos) << arrests->body;
  auto second = Get("/api/counts?type=ARREST&order=asc&offset=1&limit=1");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body.find("\"number\":30,"), std::string::npos) << second->body;
  EXPECT_NE(second->body.find("\"number\":841,"), std::string::npos) << second->body;
  EXPECT_NE(second->body.find("\"total\":2,"), std::string::npos) << second->body;
  for (const char* bad : {"/api/counts?sort=victims", "/api/counts?order=sideways", "/api/counts?type=EATEN"}) {
    auto r = Get(bad);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << bad << ": " << r->body;
  }
}

// The total of /api/search: exact for one word and whenever the page holds
// every match; otherwise, unless total=exact, a lower bound labelled
// "total_exact":false that reaches past the page (a next page exists).
TEST_F(ApiTest, TotalIsALabelledBoundUnlessExactIsAsked) {
  auto total_of = [](const httplib::Result& r, bool* exact) {
    std::smatch m;
    const std::string body = r->body;
    EXPECT_TRUE(std::regex_search(body, m, std::regex(R"re("total":(\d+),"total_exact":(true|false))re"))) << body;
    *exact = m.size() > 2 && m[2] == "true";
    return m.size() > 1 ? std::stol(m[1]) : -1L;
  };
  bool exact = false;
  auto bounded = Get("/api/search?q=police%20OR%20Paris&limit=1");
  ASSERT_TRUE(bounded);
  ASSERT_EQ(bounded->status, 200) << bounded->body;
  const long bound = total_of(bounded, &exact);
  EXPECT_FALSE(exact) << bounded->body;
  EXPECT_EQ(bound, 2);  // the page's one hit and one more
  auto counted = Get("/api/search?q=police%20OR%20Paris&limit=1&total=exact");
  ASSERT_TRUE(counted);
  ASSERT_EQ(counted->status, 200) << counted->body;
  const long total = total_of(counted, &exact);
  EXPECT_TRUE(exact) << counted->body;
  EXPECT_GE(total, bound);
  auto all = Get("/api/search?q=police%20OR%20Paris&limit=100");
  ASSERT_TRUE(all);
  EXPECT_EQ(total_of(all, &exact), total);
  EXPECT_TRUE(exact) << all->body;  // the page holds every match
  long ids = 0;
  for (size_t p = all->body.find("\"id\":"); p != std::string::npos; p = all->body.find("\"id\":", p + 1)) ++ids;
  EXPECT_EQ(ids, total) << all->body;
  auto word = Get("/api/search?q=police&limit=1");  // one word: its df, exact for free
  ASSERT_TRUE(word);
  EXPECT_GE(total_of(word, &exact), 2);
  EXPECT_TRUE(exact) << word->body;
  auto bad = Get("/api/search?q=police&total=roughly");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400) << bad->body;
}

TEST_F(ApiTest, UnknownApiPathIsJson404) {
  auto r = Get("/api/nothing");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("\"error\""), std::string::npos);
}

TEST_F(ApiTest, ConcurrentRequests) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      httplib::Client c("127.0.0.1", port_);
      for (int i = 0; i < 20; ++i) {
        auto r = c.Get("/api/search?q=police");
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 160);
}

}  // namespace
}  // namespace annals
