// Tests of the model file format: round trip, mmap loading, and that every
// kind of damage (truncation, bit flips, wrong magic or version) gives a
// clear Status instead of a crash.
#include "ner/model.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "ner/test_util.h"

namespace annals::ner {
namespace {

std::vector<std::string_view> Words(const std::vector<std::string>& w) { return {w.begin(), w.end()}; }

class ModelFileTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { bytes_ = new std::string(SerializeModel(testing::TinyModelData())); }
  static void TearDownTestSuite() { delete bytes_; }
  static std::string* bytes_;
};
std::string* ModelFileTest::bytes_ = nullptr;

TEST_F(ModelFileTest, RoundTripLabels) {
  auto m = NerModel::FromBytes(*bytes_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  std::vector<std::string> w = {"John", "Smith", "visited", "Moscow", "for", "Gazprom", "."};
  LabelScratch s;
  std::vector<uint8_t> tags;
  (*m)->Label(Words(w), nullptr, &s, &tags);
  ASSERT_EQ(tags.size(), w.size());
  std::vector<Span> expected = {{0, 2, EntityType::kPerson}, {3, 4, EntityType::kLocation}, {5, 6, EntityType::kOrg}};
  EXPECT_EQ(SpansFromBilou(tags), expected);
  // Empty sentence.
  (*m)->Label({}, nullptr, &s, &tags);
  EXPECT_TRUE(tags.empty());
}

TEST_F(ModelFileTest, SerializationIsDeterministic) {
  EXPECT_EQ(SerializeModel(testing::TinyModelData()), *bytes_);
}

TEST_F(ModelFileTest, OpenMapsAFile) {
  std::string path = (std::filesystem::temp_directory_path() / ("ner_model_test_" + std::to_string(::getpid()))).string();
  {
    std::ofstream f(path, std::ios::binary);
    f.write(bytes_->data(), static_cast<std::streamsize>(bytes_->size()));
  }
  auto m = NerModel::Open(path);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->file_size(), bytes_->size());
  std::filesystem::remove(path);
}

TEST_F(ModelFileTest, MissingFileIsNotFound) {
  auto m = NerModel::Open("/nonexistent/ner.model");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kNotFound);
  EXPECT_NE(m.status().message().find("/nonexistent/ner.model"), std::string::npos);
}

TEST_F(ModelFileTest, EveryTruncationIsCorruption) {
  const std::string& b = *bytes_;
  // Every prefix shorter than the file (stepping to keep the test fast).
  size_t step = std::max<size_t>(1, b.size() / 3000);
  for (size_t len = 0; len < b.size(); len += (len < 256 ? 1 : step)) {
    auto m = NerModel::FromBytes(b.substr(0, len));
    ASSERT_FALSE(m.ok()) << "length " << len;
    EXPECT_EQ(m.status().code(), Status::Code::kCorruption) << "length " << len << ": " << m.status().ToString();
  }
  auto padded = NerModel::FromBytes(b + "x");
  EXPECT_FALSE(padded.ok());
}

TEST_F(ModelFileTest, BitFlipsAreDetected) {
  const std::string& b = *bytes_;
  size_t step = std::max<size_t>(1, b.size() / 2000);
  for (size_t pos = 0; pos < b.size(); pos += step) {
    std::string c = b;
    c[pos] = static_cast<char>(c[pos] ^ 0x10);
    auto m = NerModel::FromBytes(std::move(c));
    EXPECT_FALSE(m.ok()) << "flip at " << pos;
  }
}

TEST_F(ModelFileTest, WrongMagicAndVersion) {
  std::string c = *bytes_;
  c[0] = 'X';
  auto m = NerModel::FromBytes(c);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("magic"), std::string::npos);
  c = *bytes_;
  c[8] = 99;  // version
  m = NerModel::FromBytes(c);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(m.status().message().find("version 99"), std::string::npos);
}

TEST_F(ModelFileTest, GarbageWithValidHeaderIsRejected) {
  // A file whose checksum is right but whose tables are inconsistent: a
  // feature row index past the end. Built by editing the data, not the bytes.
  ModelData d = testing::TinyModelData();
  for (size_t i = 0; i < d.features.keys.size(); ++i)
    if (d.features.keys[i] != 0) {
      d.features.vals[i] = 1u << 30;
      break;
    }
  auto m = NerModel::FromBytes(SerializeModel(d));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kCorruption);
  // A full hash table (no empty slot) would make lookups loop forever.
  d = testing::TinyModelData();
  d.lexicon.casing.keys.assign(4, 7);
  d.lexicon.casing.vals.assign(4, 1);
  m = NerModel::FromBytes(SerializeModel(d));
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("full"), std::string::npos);
}

}  // namespace
}  // namespace annals::ner
