// End-to-end tests of the NER commands through the real annals binary:
// train → eval on a tiny corpus, and clear errors for bad model files.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "ner/test_util.h"

namespace annals::ner {
namespace {

struct RunResult {
  int code = -1;       // exit code
  std::string output;  // stdout and stderr
};

RunResult RunAnnals(const std::string& args) {
  std::string cmd = std::string(ANNALS_BINARY) + " " + args + " 2>&1";
  RunResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), p)) > 0) r.output.append(buf, n);
  int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class NerE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("ner_e2e_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "tiny.conll") << testing::TinyConll();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string P(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(NerE2eTest, TrainThenEval) {
  RunResult t = RunAnnals("train ner --train " + P("tiny.conll") + " --dev " + P("tiny.conll") + " --out " +
                          P("m.model") + " --epochs 2 --seed 3");
  ASSERT_EQ(t.code, 0) << t.output;
  EXPECT_NE(t.output.find("epoch 2"), std::string::npos) << t.output;
  RunResult e = RunAnnals("eval ner " + P("m.model") + " " + P("tiny.conll"));
  ASSERT_EQ(e.code, 0) << e.output;
  EXPECT_NE(e.output.find("overall"), std::string::npos) << e.output;
  EXPECT_NE(e.output.find("PER"), std::string::npos) << e.output;
  // Same seed, same bytes.
  RunResult t2 = RunAnnals("train ner --train " + P("tiny.conll") + " --dev " + P("tiny.conll") + " --out " +
                           P("m2.model") + " --epochs 2 --seed 3");
  ASSERT_EQ(t2.code, 0) << t2.output;
  std::ifstream a(P("m.model"), std::ios::binary), b(P("m2.model"), std::ios::binary);
  std::string sa((std::istreambuf_iterator<char>(a)), {}), sb((std::istreambuf_iterator<char>(b)), {});
  EXPECT_EQ(sa, sb);
}

TEST_F(NerE2eTest, DamagedModelIsAClearError) {
  std::ofstream(P("bad.model")) << "not a model at all, just text";
  RunResult e = RunAnnals("eval ner " + P("bad.model") + " " + P("tiny.conll"));
  EXPECT_EQ(e.code, 3) << e.output;
  EXPECT_NE(e.output.find("bad.model"), std::string::npos) << e.output;
  EXPECT_NE(e.output.find("corruption"), std::string::npos) << e.output;
  RunResult x = RunAnnals("extract --ner-model " + P("missing.model") + " " + std::string(ANNALS_TESTDATA) +
                          "/000_f3cc60b7aedefe5f.txt");
  EXPECT_NE(x.code, 0) << x.output;
  EXPECT_NE(x.output.find("missing.model"), std::string::npos) << x.output;
}

TEST_F(NerE2eTest, BadConllLineIsReportedWithItsLine) {
  std::ofstream(P("bad.conll")) << "Baku B-LOC\noops\n";
  RunResult t = RunAnnals("train ner --train " + P("bad.conll") + " --out " + P("x.model"));
  EXPECT_NE(t.code, 0);
  EXPECT_NE(t.output.find("bad.conll:2:"), std::string::npos) << t.output;
}

TEST_F(NerE2eTest, ExtractEmitsEntitiesForTheSeed) {
  RunResult x = RunAnnals("extract -q " + std::string(ANNALS_TESTDATA) + "/000_f3cc60b7aedefe5f.txt");
  ASSERT_EQ(x.code, 0) << x.output;
  EXPECT_NE(x.output.find("\"canonical\":\"Sabina Aliyeva\""), std::string::npos) << x.output.substr(0, 2000);
}

}  // namespace
}  // namespace annals::ner
