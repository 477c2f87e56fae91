// Model file serialisation, validation and labelling.
#include "ner/model.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace annals::ner {

namespace {

constexpr char kMagic[8] = {'A', 'N', 'N', 'A', 'L', 'N', 'E', 'R'};
constexpr size_t kHeaderSize = 32;
constexpr size_t kSectionEntrySize = 24;

enum SectionId : uint32_t {
  kMeta = 1, kTransitions, kFeatKeys, kFeatVals, kRows, kClusterKeys, kClusterVals,
  kCasingKeys, kCasingVals, kGazKeys, kGazVals, kDescription,
};
constexpr uint32_t kNumSections = 12;

struct Meta {
  uint32_t num_tags;         // kNumTags
  uint32_t feature_version;  // kFeatureVersion
  uint32_t num_rows;         // weight rows
  uint32_t gaz_max_words;    // Lexicon::gazetteer_max_words
  float scale;               // weight scale
  uint32_t reserved;         // 0
};

void PutU32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU64(std::string* s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
uint32_t GetU32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
uint64_t GetU64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

uint32_t Crc(const char* p, size_t n) {
  uLong crc = crc32(0L, Z_NULL, 0);
  while (n > 0) {
    uInt chunk = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(p), chunk);
    p += chunk;
    n -= chunk;
  }
  return static_cast<uint32_t>(crc);
}

template <typename T>
std::string_view Bytes(const std::vector<T>& v) {
  return std::string_view(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

}  // namespace

std::string SerializeModel(const ModelData& d) {
  Meta meta{kNumTags, kFeatureVersion, static_cast<uint32_t>(d.rows.size() / kNumTags),
            d.lexicon.gazetteer_max_words, d.scale, 0};
  std::vector<std::pair<uint32_t, std::string_view>> sections = {
      {kMeta, std::string_view(reinterpret_cast<const char*>(&meta), sizeof(meta))},
      {kTransitions, Bytes(d.transitions)},
      {kFeatKeys, Bytes(d.features.keys)},
      {kFeatVals, Bytes(d.features.vals)},
      {kRows, Bytes(d.rows)},
      {kClusterKeys, Bytes(d.lexicon.clusters.keys)},
      {kClusterVals, Bytes(d.lexicon.clusters.vals)},
      {kCasingKeys, Bytes(d.lexicon.casing.keys)},
      {kCasingVals, Bytes(d.lexicon.casing.vals)},
      {kGazKeys, Bytes(d.lexicon.gazetteer.keys)},
      {kGazVals, Bytes(d.lexicon.gazetteer.vals)},
      {kDescription, d.description},
  };
  std::string out(kMagic, 8);
  PutU32(&out, kModelVersion);
  PutU32(&out, static_cast<uint32_t>(sections.size()));
  PutU64(&out, 0);  // file size, patched below
  PutU32(&out, 0);  // CRC, patched below
  PutU32(&out, 0);
  uint64_t offset = kHeaderSize + sections.size() * kSectionEntrySize;
  for (const auto& [id, bytes] : sections) {
    offset = (offset + 7) & ~uint64_t{7};
    PutU32(&out, id);
    PutU32(&out, 0);
    PutU64(&out, offset);
    PutU64(&out, bytes.size());
    offset += bytes.size();
  }
  for (const auto& [id, bytes] : sections) {
    while (out.size() % 8 != 0) out.push_back('\0');
    out.append(bytes);
  }
  uint64_t size = out.size();
  std::string tmp;
  PutU64(&tmp, size);
  std::memcpy(&out[16], tmp.data(), 8);
  uint32_t crc = Crc(out.data() + kHeaderSize, out.size() - kHeaderSize);
  tmp.clear();
  PutU32(&tmp, crc);
  std::memcpy(&out[24], tmp.data(), 4);
  return out;
}

Status WriteModelFile(const ModelData& data, const std::string& path) {
  std::string bytes = SerializeModel(data);
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::IoError(tmp + ": cannot create: " + std::strerror(errno));
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) return Status::IoError(tmp + ": write failed");
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status::IoError(path + ": cannot rename from " + tmp + ": " + std::strerror(errno));
  return Status::Ok();
}

Result<std::unique_ptr<NerModel>> NerModel::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(path + ": cannot open NER model: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::IoError(path + ": cannot stat NER model");
  }
  auto model = std::unique_ptr<NerModel>(new NerModel());
  model->size_ = static_cast<size_t>(st.st_size);
  if (model->size_ < kHeaderSize) {
    ::close(fd);
    return Status::Corruption(path + ": not an annals NER model (file too short: " +
                              std::to_string(model->size_) + " bytes)");
  }
  // Read, not mapped: the bytes go to memory on huge pages (huge_pages.h),
  // which a file mapping cannot have; Parse checks the CRC of every byte
  // anyway, so a mapping would not be lazier.
  model->file_.resize(model->size_);
  size_t done = 0;
  while (done < model->size_) {
    ssize_t got = ::pread(fd, model->file_.data() + done, model->size_ - done, static_cast<off_t>(done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      const std::string why = got < 0 ? std::strerror(errno) : "file shrank while reading";
      ::close(fd);
      return Status::IoError(path + ": cannot read NER model: " + why);
    }
    done += static_cast<size_t>(got);
  }
  ::close(fd);
  model->data_ = model->file_.data();
  Status s = model->Parse(path);
  if (!s.ok()) return s;
  return model;
}

Result<std::unique_ptr<NerModel>> NerModel::FromBytes(std::string bytes) {
  auto model = std::unique_ptr<NerModel>(new NerModel());
  model->owned_ = std::move(bytes);
  model->data_ = model->owned_.data();
  model->size_ = model->owned_.size();
  Status s = model->Parse("<memory>");
  if (!s.ok()) return s;
  return model;
}

NerModel::~NerModel() = default;

Status NerModel::Parse(std::string_view name_view) {
  std::string name(name_view);
  auto corrupt = [&](const std::string& what) { return Status::Corruption(name + ": NER model " + what); };
  if (size_ < kHeaderSize || std::memcmp(data_, kMagic, 8) != 0)
    return corrupt("has a bad magic number (not an annals NER model)");
  uint32_t version = GetU32(data_ + 8);
  if (version != kModelVersion)
    return Status::Unsupported(name + ": NER model version " + std::to_string(version) + ", this annals reads " +
                               std::to_string(kModelVersion));
  uint32_t nsec = GetU32(data_ + 12);
  uint64_t fsize = GetU64(data_ + 16);
  if (fsize != size_)
    return corrupt("is truncated or padded: header says " + std::to_string(fsize) + " bytes, file has " +
                   std::to_string(size_));
  if (GetU32(data_ + 28) != 0) return corrupt("header has a non-zero reserved field");
  if (nsec != kNumSections) return corrupt("has " + std::to_string(nsec) + " sections, expected " + std::to_string(kNumSections));
  if (kHeaderSize + nsec * kSectionEntrySize > size_) return corrupt("section table is truncated");
  if (Crc(data_ + kHeaderSize, size_ - kHeaderSize) != GetU32(data_ + 24)) return corrupt("checksum mismatch (damaged file)");
  std::string_view sec[kNumSections + 1];
  for (uint32_t i = 0; i < nsec; ++i) {
    const char* e = data_ + kHeaderSize + i * kSectionEntrySize;
    uint32_t id = GetU32(e);
    uint64_t off = GetU64(e + 8);
    uint64_t len = GetU64(e + 16);
    if (id != i + 1) return corrupt("section " + std::to_string(i) + " has id " + std::to_string(id));
    if (off % 8 != 0 || off > size_ || len > size_ - off) return corrupt("section " + std::to_string(id) + " lies outside the file");
    sec[id] = std::string_view(data_ + off, len);
  }
  if (sec[kMeta].size() != sizeof(Meta)) return corrupt("meta section has the wrong size");
  Meta meta;
  std::memcpy(&meta, sec[kMeta].data(), sizeof(Meta));
  if (meta.num_tags != kNumTags) return corrupt("has " + std::to_string(meta.num_tags) + " tags, expected 17");
  if (meta.feature_version != kFeatureVersion)
    return Status::Unsupported(name + ": NER model uses feature set " + std::to_string(meta.feature_version) +
                               ", this annals computes " + std::to_string(kFeatureVersion) + ": retrain it");
  if (sec[kTransitions].size() != sizeof(float) * kTransDim * kTransDim) return corrupt("transition table has the wrong size");
  trans_ = reinterpret_cast<const float*>(sec[kTransitions].data());
  num_rows_ = meta.num_rows;
  if (sec[kRows].size() != uint64_t{num_rows_} * kNumTags * sizeof(int16_t)) return corrupt("weight rows have the wrong size");
  rows_ = reinterpret_cast<const int16_t*>(sec[kRows].data());
  rows_split_.resize(size_t{num_rows_} * ScoringTables::kRowLanes);
  rows_last_.resize(num_rows_);
  for (size_t r = 0; r < num_rows_; ++r) {
    std::memcpy(rows_split_.data() + r * ScoringTables::kRowLanes, rows_ + r * kNumTags,
                sizeof(int16_t) * ScoringTables::kRowLanes);
    rows_last_[r] = rows_[r * kNumTags + ScoringTables::kRowLanes];
  }
  scale_ = meta.scale;
  if (!(scale_ > 0.0f) || !(scale_ < 1e30f)) return corrupt("has an invalid weight scale");
  for (int i = 0; i < kTransDim * kTransDim; ++i) {
    float t = trans_[i];
    if (t != t) return corrupt("transition table holds NaN");
  }
  decoder_.Reset(trans_);
  auto table = [&](uint32_t kid, uint32_t vid, const char* what, uint32_t max_val, HashTableView* out) -> Status {
    std::string_view k = sec[kid];
    std::string_view v = sec[vid];
    *out = HashTableView();
    if (k.empty() && v.empty()) return Status::Ok();
    size_t slots = k.size() / 4;
    if (k.size() != v.size() || k.size() % 4 != 0 || slots < 2 || (slots & (slots - 1)) != 0)
      return corrupt(std::string(what) + " table has a bad size");
    const uint32_t* keys = reinterpret_cast<const uint32_t*>(k.data());
    const uint32_t* vals = reinterpret_cast<const uint32_t*>(v.data());
    size_t empty = 0;
    for (size_t i = 0; i < slots; ++i) {
      if (keys[i] == 0) {
        ++empty;
      } else if (vals[i] == 0 || vals[i] > max_val) {
        return corrupt(std::string(what) + " table holds an invalid value at slot " + std::to_string(i));
      }
    }
    if (empty == 0) return corrupt(std::string(what) + " table is full");
    out->keys = keys;
    out->vals = vals;
    out->mask = static_cast<uint32_t>(slots - 1);
    return Status::Ok();
  };
  ANNALS_RETURN_IF_ERROR(table(kFeatKeys, kFeatVals, "feature", num_rows_, &features_));
  probe_filter_.Build(features_);
  {
    const std::vector<uint64_t> packed = Pack(features_);
    packed_features_.assign(packed.begin(), packed.end());
  }
  ANNALS_RETURN_IF_ERROR(table(kClusterKeys, kClusterVals, "cluster", 0xFFFFFFFFu, &lexicon_.clusters));
  ANNALS_RETURN_IF_ERROR(table(kCasingKeys, kCasingVals, "casing", kCaseAlwaysCap, &lexicon_.casing));
  ANNALS_RETURN_IF_ERROR(table(kGazKeys, kGazVals, "gazetteer", 15, &lexicon_.gazetteer));
  if (meta.gaz_max_words > 16) return corrupt("gazetteer phrase length is implausible");
  lexicon_.gazetteer_max_words = meta.gaz_max_words;
  description_ = sec[kDescription];
  extractor_ = FeatureExtractor(lexicon_);
  return Status::Ok();
}

void NerModel::Scores(const std::vector<std::string_view>& words, const DocContext* doc, LabelScratch* s,
                      std::vector<int32_t>* sums) const {
  s->scorer.Score(tables(), words, doc, sums);
}

void NerModel::ResolveWords(const std::string_view* words, size_t n, LabelScratch* s,
                            std::vector<uint32_t>* ids) const {
  s->scorer.Resolve(tables(), words, n, ids);
}

void NerModel::PrepareContext(const DocContext* doc, LabelScratch* s) const { s->scorer.PrepareMemos(*doc); }

void NerModel::LabelResolved(const uint32_t* ids, size_t n, const DocContext* doc, LabelScratch* s,
                             std::vector<uint8_t>* tags) const {
  tags->assign(n, kTagO);
  if (n == 0) return;
  s->scorer.ScoreIds(ids, n, doc, &s->sums);
  Decode(s->sums, n, tags);
}

void NerModel::ReferenceScores(const std::vector<std::string_view>& words, const DocContext* doc, LabelScratch* s,
                               std::vector<int32_t>* sums) const {
  const size_t n = words.size();
  sums->assign(n * kNumTags, 0);
  if (n == 0) return;
  extractor_.Extract(words, doc, &s->features);
  const std::vector<uint64_t>& keys = s->features.keys;
  // Straight from the file's tables, not the packed and split copies that
  // scoring uses: ner_scorer_test checks those against this.
  for (size_t i = 0; i < n; ++i) {
    int32_t* acc = sums->data() + i * kNumTags;
    for (uint32_t f = s->features.offsets[i]; f < s->features.offsets[i + 1]; ++f) {
      const uint32_t row = features_.Find(keys[f]);
      if (row == 0) continue;
      const int16_t* w = rows_ + static_cast<size_t>(row - 1) * kNumTags;
      for (int k = 0; k < kNumTags; ++k) acc[k] += w[k];
    }
  }
}

void NerModel::Decode(const std::vector<int32_t>& sums, size_t n, std::vector<uint8_t>* tags) const {
  decoder_.DecodeSums(sums.data(), n, scale_, tags->data());
}

void NerModel::Label(const std::vector<std::string_view>& words, const DocContext* doc, LabelScratch* s,
                     std::vector<uint8_t>* tags) const {
  const size_t n = words.size();
  tags->assign(n, kTagO);
  if (n == 0) return;
  s->scorer.Score(tables(), words, doc, &s->sums);
  Decode(s->sums, n, tags);
}

void NerModel::LabelReference(const std::vector<std::string_view>& words, const DocContext* doc, LabelScratch* s,
                              std::vector<uint8_t>* tags) const {
  const size_t n = words.size();
  tags->assign(n, kTagO);
  if (n == 0) return;
  ReferenceScores(words, doc, s, &s->sums);
  Decode(s->sums, n, tags);
}

}  // namespace annals::ner
