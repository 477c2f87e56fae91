// End-to-end tests of `annals extract` as a user runs it: real files with
// every kind of bad input (invalid UTF-8, malformed JSON, bad CSV quoting,
// bad SGML, invalid dates, empty and binary files), gz and zst input, stdin,
// folders, --format and --strict. Checks stdout records, stderr messages
// with file:line, the summary line and exit codes.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "read/read_test_util.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int code = -1;            // exit code
  std::string out;          // stdout
  std::string err;          // stderr
  std::vector<std::string> out_lines;
  std::vector<std::string> err_lines;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) out.push_back(line);
  return out;
}

class ExtractE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / (std::string("annals_e2e_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& rel) const { return (dir_ / "in" / rel).string(); }
  void Write(const std::string& rel, const std::string& data) {
    fs::create_directories(fs::path(Path(rel)).parent_path());
    std::ofstream(Path(rel), std::ios::binary) << data;
  }

  // Runs `annals extract <args>` from the input folder (so messages carry
  // short relative paths); `stdin_cmd` (if any) is piped in.
  RunResult Extract(const std::string& args, const std::string& stdin_cmd = "") {
    const fs::path out = dir_ / "stdout";
    const fs::path err = dir_ / "stderr";
    std::string cmd = "cd '" + (dir_ / "in").string() + "' && ";
    if (!stdin_cmd.empty()) cmd += stdin_cmd + " | ";
    cmd += std::string(ANNALS_BINARY) + " extract " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
    if (stdin_cmd.empty()) cmd += " </dev/null";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    r.out_lines = Lines(r.out);
    r.err_lines = Lines(r.err);
    return r;
  }

  fs::path dir_;
};

// The value of string field `key` in each output record.
std::vector<std::string> Field(const RunResult& r, const char* key) {
  std::vector<std::string> out;
  simdjson::dom::parser parser;
  for (const std::string& line : r.out_lines) {
    simdjson::dom::element e;
    EXPECT_EQ(parser.parse(line).get(e), simdjson::SUCCESS) << line;
    std::string_view v;
    if (e[key].get(v) == simdjson::SUCCESS) out.push_back(std::string(v));
    else out.push_back("<absent>");
  }
  return out;
}

bool Has(const std::vector<std::string>& lines, const std::string& want) {
  for (const std::string& l : lines)
    if (l == want) return true;
  return false;
}

TEST_F(ExtractE2eTest, FolderWithEveryKindOfBadInput) {
  Write("a_good.txt", "date 2025-01-17 Good plain\n\nA good article.\n");
  Write("b_bad_date.txt", "date 2025-02-30 Bad date\n\nText.\n");
  Write("c_articles.jsonl",
        "{\"id\":\"j1\",\"title\":\"J one\",\"text\":\"x\"}\n"
        "{\"id\":\"j2\",\"title\":\"J two\",\"text\":\"y\"\n"
        "{\"id\":\"j3\",\"title\":\"J three\",\"text\":\"caf\xE9\"}\n"
        "{\"id\":\"j4\",\"date\":\"2025-13-01\",\"text\":\"z\"}\n");
  Write("d_articles.csv", "id,title,text\nc1,C one,\"multi\nline\"\nc2,C two,\"bad\"quote\nc3,C three,fine\n");
  Write("e_reut2-000.sgm",
        "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
        "<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<TITLE>S ONE</TITLE>\n"
        "<BODY>Body &amp; more.\n&#3;</BODY></TEXT>\n</REUTERS>\n"
        "<REUTERS NEWID=\"2\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT><BODY>never closed\n"
        "<REUTERS NEWID=\"3\">\n<DATE>29-FEB-1987 10:00:00.00</DATE>\n<TEXT><TITLE>S THREE</TITLE></TEXT>\n"
        "</REUTERS>\n");
  Write("f_empty.txt", "");
  Write("g_binary.txt", std::string("\x7F" "ELF\0\0\0\x01", 8) + std::string(100, '\0'));
  Write("notes.md", "# not an article\n");
  Write("sub/h.json", "{\"id\":\"h1\",\"title\":\"H\",\"text\":\"nested\"}\n");

  const RunResult r = Extract(". --threads 2");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Field(r, "title"),
            (std::vector<std::string>{"Good plain", "J one", "J three", "C one", "C three", "S ONE", "H"}))
      << r.out;
  const std::vector<std::string> expected_err = {
      "./b_bad_date.txt:1: invalid date '2025-02-30': February 2025 has 28 days",
      "./c_articles.jsonl:2: malformed JSON: ",
      "./c_articles.jsonl:3: invalid UTF-8 repaired (1 sequence replaced by U+FFFD)",
      "./c_articles.jsonl:4: invalid date '2025-13-01': month must be 01..12",
      "./d_articles.csv:4: malformed CSV: unexpected 'q' after the closing quote of field 3",
      "./e_reut2-000.sgm:9: malformed SGML: <REUTERS> element not closed before line 12",
      "./e_reut2-000.sgm:13: invalid date '29-FEB-1987 10:00:00.00': February 1987 has 28 days",
      "./f_empty.txt: empty file: no articles",
      "./g_binary.txt: binary file (contains NUL bytes): skipped",
      "annals extract: 8 files, 13 records read, 7 ok, 1 repaired, 6 skipped, 2 bad files, 1 other file ignored",
  };
  ASSERT_EQ(r.err_lines.size(), expected_err.size()) << r.err;
  for (size_t i = 0; i < expected_err.size(); ++i)
    EXPECT_EQ(r.err_lines[i].substr(0, expected_err[i].size()), expected_err[i]) << r.err_lines[i];

  const RunResult strict = Extract(". --strict --threads 1");
  EXPECT_EQ(strict.code, 1);
  EXPECT_EQ(strict.out, r.out);  // --strict still writes what it could read
  EXPECT_TRUE(Has(strict.err_lines, "annals extract: --strict: 9 input problems")) << strict.err;
}

TEST_F(ExtractE2eTest, CleanInputPassesStrict) {
  Write("a.txt", "date 2025-01-17 Title\n\nBody.\n");
  const RunResult r = Extract("a.txt --strict");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Field(r, "date"), std::vector<std::string>{"2025-01-17"});
  EXPECT_EQ(r.err_lines,
            std::vector<std::string>{
                "annals extract: 1 file, 1 record read, 1 ok, 0 repaired, 0 skipped, 0 bad files, 0 other files ignored"});
}

TEST_F(ExtractE2eTest, RepairAloneFailsStrict) {
  Write("a.txt", "date 2025-01-17 Caf\xE9\n\nBody.\n");
  const RunResult r = Extract("a.txt --strict --with-text");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(Field(r, "title"), std::vector<std::string>{"Caf\xEF\xBF\xBD"});
  EXPECT_TRUE(Has(r.err_lines, "a.txt:1: invalid UTF-8 repaired (1 sequence replaced by U+FFFD)")) << r.err;
}

TEST_F(ExtractE2eTest, GzipAndZstdInput) {
  Write("a.jsonl.gz", Gzip("{\"id\":\"g1\",\"text\":\"x\"}\n{\"id\":\"g2\",\"text\":\"y\"}\n"));
  Write("b.csv.zst", Zstd("id,text\nz1,one\nz2,\"two\nlines\"\n"));
  Write("c.sgm.gz", Gzip("<REUTERS NEWID=\"77\">\n<TEXT><BODY>b</BODY></TEXT>\n</REUTERS>\n"));
  Write("d.txt.zst", Zstd("date 2020-02-29 Leap\n\nday\n"));
  const std::string broken = Gzip("{\"id\":\"t1\",\"text\":\"x\"}\n");
  Write("e.jsonl.gz", broken.substr(0, broken.size() - 10));
  const RunResult r = Extract("a.jsonl.gz b.csv.zst c.sgm.gz d.txt.zst e.jsonl.gz");
  EXPECT_EQ(r.code, 0) << r.err;
  const std::vector<std::string> ids = Field(r, "id");
  ASSERT_GE(ids.size(), 5u) << r.out;
  EXPECT_EQ(std::vector<std::string>(ids.begin(), ids.begin() + 5),
            (std::vector<std::string>{"g1", "g2", "z1", "z2", "77"}));
  EXPECT_EQ(Field(r, "title").back(), "Leap");
  bool truncated = false;
  for (const std::string& l : r.err_lines)
    truncated |= l.rfind("e.jsonl.gz:", 0) == 0 && l.find("gzip: truncated data") != std::string::npos;
  EXPECT_TRUE(truncated) << r.err;
}

TEST_F(ExtractE2eTest, StdinPlainAndCompressed) {
  Write("a.jsonl", "{\"id\":\"s1\",\"text\":\"x\"}\n{\"id\":\"s2\",\"text\":\"y\"}\n");
  Write("a.jsonl.zst", Zstd("{\"id\":\"s1\",\"text\":\"x\"}\n{\"id\":\"s2\",\"text\":\"y\"}\n"));
  Write("bad.jsonl", "{\"id\":\"s1\",\"text\":\"x\"}\nnot json\n");
  for (const std::string feed : {"cat a.jsonl", "cat a.jsonl.zst"}) {
    for (const std::string args : {"-", ""}) {
      SCOPED_TRACE(feed + " | annals extract " + args);
      const RunResult r = Extract(args, feed);
      EXPECT_EQ(r.code, 0) << r.err;
      EXPECT_EQ(Field(r, "id"), (std::vector<std::string>{"s1", "s2"}));
    }
  }
  const RunResult bad = Extract("- --strict", "cat bad.jsonl");
  EXPECT_EQ(bad.code, 1);
  ASSERT_FALSE(bad.err_lines.empty());
  EXPECT_EQ(bad.err_lines[0].rfind("-:2: malformed JSON: ", 0), 0u) << bad.err;
}

TEST_F(ExtractE2eTest, FormatFlag) {
  Write("looks_plain.txt", "{\"id\":\"f1\",\"text\":\"x\"}\n{\"id\":\"f2\",\"text\":\"y\"}\n");
  const RunResult forced = Extract("--format jsonl looks_plain.txt");
  EXPECT_EQ(forced.code, 0) << forced.err;
  EXPECT_EQ(Field(forced, "id"), (std::vector<std::string>{"f1", "f2"}));
  const RunResult by_name = Extract("looks_plain.txt");
  EXPECT_EQ(by_name.out_lines.size(), 1u);  // .txt: one plain article
  const RunResult unknown = Extract("--format xml looks_plain.txt");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_TRUE(unknown.out.empty());
}

TEST_F(ExtractE2eTest, MissingPathIsAUsageErrorBeforeAnyOutput) {
  Write("a.txt", "date 2025-01-17 Title\n\nBody.\n");
  const RunResult r = Extract("a.txt missing.jsonl");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_TRUE(Has(r.err_lines, "annals: not found: missing.jsonl: no such file or folder")) << r.err;
}

TEST_F(ExtractE2eTest, ManyRecordsKeepInputOrderAcrossThreads) {
  std::string jsonl;
  std::vector<std::string> want;
  for (int i = 0; i < 3000; ++i) {
    jsonl += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"Text number " + std::to_string(i) + ".\"}\n";
    want.push_back("r" + std::to_string(i));
  }
  Write("many.jsonl", jsonl);
  const RunResult r = Extract("many.jsonl --threads 3");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Field(r, "id"), want);
}

TEST_F(ExtractE2eTest, SeedArticle) {
  const RunResult r = Extract(std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt --strict");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Field(r, "date"), std::vector<std::string>{"2025-01-17"});
  EXPECT_EQ(Field(r, "date_precision"), std::vector<std::string>{"day"});
  ASSERT_EQ(Field(r, "title").size(), 1u);
  EXPECT_EQ(Field(r, "title")[0].rfind("Azerbaijan urges world community", 0), 0u);
}

}  // namespace
}  // namespace annals
