// Tests of the input side: compression, empty and binary files, format
// sniffing, folder walking, line reading limits, stopping early.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "read/byte_source.h"
#include "read/line_input.h"
#include "read/read_test_util.h"
#include "read/sniff.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

const std::string kJsonl = "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n";

TEST(InputTest, GzipAndZstdAreDecompressed) {
  for (const std::string& data : {Gzip(kJsonl), Zstd(kJsonl), Gzip(kJsonl) + Gzip(kJsonl)}) {
    const ReadResult r = ReadString(data, "f.jsonl.gz");
    EXPECT_GE(r.docs.size(), 2u);
    EXPECT_TRUE(r.problems.empty()) << r.problems[0];
    EXPECT_EQ(r.stats.bytes % kJsonl.size(), 0u);
  }
  // Magic bytes decide, not the name; the inner name decides the format.
  EXPECT_EQ(ReadString(Zstd(kJsonl), "f.jsonl.gz").docs.size(), 2u);
  EXPECT_EQ(ReadString(Gzip("title,text\nA,one\n"), "f.csv.gz").docs.size(), 1u);
}

TEST(InputTest, LargeCompressedInputStreams) {
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"some text here\"}\n";
  for (const std::string& data : {Gzip(big), Zstd(big)}) {
    const ReadResult r = ReadString(data, "-");
    EXPECT_EQ(r.docs.size(), 20000u);
    EXPECT_EQ(r.stats.bytes, big.size());
    EXPECT_TRUE(r.problems.empty());
  }
}

TEST(InputTest, CorruptAndTruncatedCompression) {
  std::string gz = Gzip(kJsonl + kJsonl + kJsonl);
  const ReadResult truncated = ReadString(gz.substr(0, gz.size() - 12), "f.jsonl.gz");
  ASSERT_FALSE(truncated.problems.empty());
  EXPECT_NE(truncated.problems.back().find("gzip: "), std::string::npos) << truncated.problems.back();
  EXPECT_EQ(truncated.stats.bad_files, 1u);
  std::string zst = Zstd(kJsonl);
  const ReadResult ztrunc = ReadString(zst.substr(0, zst.size() - 3), "f.jsonl.zst");
  ASSERT_FALSE(ztrunc.problems.empty());
  EXPECT_NE(ztrunc.problems.back().find("zstd: "), std::string::npos) << ztrunc.problems.back();
  std::string bad = gz;
  for (size_t i = 12; i < bad.size(); ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
  const ReadResult corrupt = ReadString(bad, "f.jsonl.gz");
  ASSERT_FALSE(corrupt.problems.empty());
  EXPECT_NE(corrupt.problems.back().find("gzip: "), std::string::npos) << corrupt.problems.back();
}

struct FileCase {
  const char* name;     // test label
  std::string data;     // file content
  std::string problem;  // the single problem expected
};

TEST(InputTest, EmptyAndBinaryFiles) {
  std::string elf = "\x7F" "ELF\x02\x01\x01";
  elf += std::string(64, '\0');
  std::string noise;
  for (int i = 0; i < 512; ++i) noise.push_back(static_cast<char>((i * 151 + 7) % 256 | 0x80));
  const FileCase cases[] = {
      {"empty", "", "f.txt: empty file: no articles"},
      {"whitespace", " \n\n\t\n", "f.txt: empty file (only whitespace): no articles"},
      {"empty gz", Gzip(""), "f.txt: empty file (after gzip decompression): no articles"},
      {"nul bytes", elf, "f.txt: binary file (contains NUL bytes): skipped"},
      {"not utf8", noise, "f.txt: binary file (not UTF-8 text): skipped"},
  };
  for (const FileCase& c : cases) {
    SCOPED_TRACE(c.name);
    const ReadResult r = ReadString(c.data, "f.txt");
    EXPECT_TRUE(r.docs.empty());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0], c.problem);
    EXPECT_EQ(r.stats.bad_files, 1u);
    EXPECT_EQ(r.stats.read, 0u);
  }
}

TEST(InputTest, LatinOneTextIsRepairedNotRejected) {
  // Mostly ASCII with a few Latin-1 letters: text, repaired.
  const ReadResult r = ReadString("date 2025-01-17 Caf\xE9\n\nA na\xEFve text about a caf\xE9.\n", "f.txt");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.stats.repaired, 1u);
}

struct SniffCase {
  std::string head;     // first bytes
  InputFormat format;   // expected
};

TEST(InputTest, SniffFormat) {
  const SniffCase cases[] = {
      {"{\"a\":1}\n", InputFormat::kJsonl},
      {"\xEF\xBB\xBF  {\"a\":1}", InputFormat::kJsonl},
      {"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n", InputFormat::kSgml},
      {"<REUTERS NEWID=\"1\">", InputFormat::kSgml},
      {"date 2025-01-17 T\n", InputFormat::kPlain},
      {"url,date,title,text\n", InputFormat::kCsv},
      {"\"id\",\"Body\"\r\n", InputFormat::kCsv},
      {"Hello, world.\nSome text.", InputFormat::kPlain},
      {"", InputFormat::kPlain},
  };
  for (const SniffCase& c : cases) EXPECT_EQ(SniffFormat(c.head), c.format) << c.head;
}

TEST(InputTest, FormatFromName) {
  EXPECT_EQ(FormatFromName("a/b.TXT"), InputFormat::kPlain);
  EXPECT_EQ(FormatFromName("x.jsonl.zst"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromName("x.ndjson"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromName("x.json.gz"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromName("x.csv"), InputFormat::kCsv);
  EXPECT_EQ(FormatFromName("reut2-000.sgm"), InputFormat::kSgml);
  EXPECT_EQ(FormatFromName("x.sgml.gz"), InputFormat::kSgml);
  EXPECT_EQ(FormatFromName("x.dtd"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromName("-"), InputFormat::kAuto);
  EXPECT_TRUE(IsArticleFileName("a/b.txt.gz"));
  EXPECT_FALSE(IsArticleFileName("corpus/README.txt"));
  EXPECT_FALSE(IsArticleFileName("corpus/lewis.dtd"));
  EXPECT_FALSE(IsArticleFileName("corpus/notes.md"));
}

TEST(InputTest, ForcedFormatWins) {
  // A .txt file that holds JSONL: --format jsonl reads it as JSONL.
  EXPECT_EQ(ReadString(kJsonl, "f.txt", InputFormat::kJsonl).docs.size(), 2u);
  EXPECT_EQ(ReadString(kJsonl, "f.txt").docs.size(), 1u);  // by name: one plain article
  EXPECT_EQ(ReadString(kJsonl, "-").docs.size(), 2u);      // stdin: sniffed
}

TEST(InputTest, LineInputLimitsAndNumbers) {
  const std::string data = "one\r\ntwo\n" + std::string(100, 'x') + "\nthree";
  LineInput in(NewMemorySource(data), 50);
  std::string_view line;
  std::vector<std::pair<int, std::string>> got;
  for (;;) {
    auto next = in.ReadLine(&line);
    ASSERT_TRUE(next.ok());
    if (*next == LineInput::Next::kEof) break;
    got.push_back({static_cast<int>(in.line_no()),
                   *next == LineInput::Next::kTooLong ? std::string("<too long>") : std::string(line)});
  }
  const std::vector<std::pair<int, std::string>> want = {{1, "one"}, {2, "two"}, {3, "<too long>"}, {4, "three"}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(in.bytes(), data.size());
}

TEST(InputTest, StopsWhenConsumerSaysSo) {
  ReadOptions opt;
  int seen = 0;
  opt.on_document = [&](Document&&) { return ++seen < 1; };
  ReadStats st;
  ASSERT_TRUE(ReadBytes(kJsonl, "f.jsonl", opt, &st).ok());
  EXPECT_EQ(seen, 1);
}

class FolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("annals_read_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& data) {
    std::ofstream(dir_ / rel, std::ios::binary) << data;
  }
  fs::path dir_;
};

TEST_F(FolderTest, WalksSortedKeepsArticleFilesCountsOthers) {
  Write("b.txt", "date 2025-01-02 B\n\nb");
  Write("a.txt", "date 2025-01-01 A\n\na");
  Write("sub/c.jsonl", "{\"id\":\"c\",\"text\":\"c\"}\n");
  Write("sub/d.csv.gz", Gzip("title,text\nD,d\n"));
  Write("README.txt", "not an article");
  Write("notes.md", "# notes");
  Write("lewis.dtd", "<!ELEMENT>");
  ReadOptions opt;
  std::vector<std::string> titles;
  std::vector<ReadProgress> progress;
  opt.on_document = [&](Document&& d) {
    titles.push_back(d.title.empty() ? d.id : d.title);
    return true;
  };
  opt.on_progress = [&](const ReadProgress& p) { progress.push_back(p); };
  ReadStats st;
  ASSERT_TRUE(ReadInputs({dir_.string()}, opt, &st).ok());
  EXPECT_EQ(titles, (std::vector<std::string>{"A", "B", "c", "D"}));
  EXPECT_EQ(st.files, 4u);
  EXPECT_EQ(st.ignored, 3u);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().disk_bytes, progress.back().total_bytes);
  EXPECT_EQ(progress.back().documents, 4u);
  // Named explicitly, a file of any name is read, its format sniffed.
  ReadStats st2;
  titles.clear();
  ASSERT_TRUE(ReadInputs({(dir_ / "notes.md").string()}, opt, &st2).ok());
  EXPECT_EQ(titles.size(), 1u);
  EXPECT_EQ(st2.ignored, 0u);
}

TEST_F(FolderTest, MissingPathFailsBeforeReadingAnything) {
  Write("a.txt", "date 2025-01-01 A\n\na");
  ReadOptions opt;
  int docs = 0;
  opt.on_document = [&](Document&&) { return ++docs > 0; };
  ReadStats st;
  const Status s = ReadInputs({(dir_ / "a.txt").string(), (dir_ / "missing.txt").string()}, opt, &st);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(docs, 0);
}

}  // namespace
}  // namespace annals
