// NerModel: a trained NER labeller loaded from a model file, and the model
// file format.
//
// File format (little-endian, version 1; see docs/ner-model-format.md):
//   header (32 bytes): magic "ANNALNER", u32 version, u32 section count,
//                      u64 file size, u32 CRC-32 of bytes [32, file size), u32 0
//   section table: per section u32 id, u32 0, u64 offset, u64 size
//   sections, each 8-byte aligned: meta, transitions, feature table (keys,
//   values = row + 1), int16 weight rows (kNumTags per feature, times
//   `scale`), lexicon tables (clusters, casing, gazetteer), description.
// Loading reads the file into memory on huge pages (huge_pages.h) and validates every size, offset, index and
// the checksum: a damaged file gives a Corruption status, never a crash.
//
// Thread-safety: a loaded NerModel is immutable; Label() may run on many
// threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ner/features.h"
#include "ner/huge_pages.h"
#include "ner/lexicon.h"
#include "ner/scorer.h"
#include "ner/tags.h"
#include "ner/viterbi.h"

namespace annals::ner {

inline constexpr uint32_t kModelVersion = 1;

// Everything a model file holds, as owned data (what training produces).
struct ModelData {
  std::vector<float> transitions;  // kTransDim * kTransDim, see viterbi.h
  HashTableData features;          // feature key -> weight row index + 1
  std::vector<int16_t> rows;       // num_rows * kNumTags quantised weights
  float scale = 1.0f;              // weight = row value * scale
  LexiconData lexicon;             // clusters, casing, gazetteer
  std::string description;         // how it was trained (command, data, figures)
};

// The bytes of a model file for `data`.
std::string SerializeModel(const ModelData& data);
// Writes SerializeModel(data) to `path` (via a temporary file and rename).
Status WriteModelFile(const ModelData& data, const std::string& path);

// Per-thread scratch buffers for Label(), reused across calls to avoid
// allocation (a stage keeps one per document).
// The scorer's word cache lives here, so keeping one scratch per thread
// across articles is what makes labelling fast.
struct LabelScratch {
  EmissionScorer scorer;       // fast scoring with its word-type cache
  std::vector<int32_t> sums;   // n * kNumTags integer emission sums
  SentenceFeatures features;   // the sentence's feature keys (reference path)
  std::vector<uint32_t> rows;  // weight row + 1 of each feature key, 0 = unknown (reference path)
  DocContext doc;              // the article's context (NerStage), cleared and reused per article
};

class NerModel {
 public:
  // Maps and validates the model file at `path`.
  static Result<std::unique_ptr<NerModel>> Open(const std::string& path);
  // Validates a model held in memory (tests, training); takes ownership.
  static Result<std::unique_ptr<NerModel>> FromBytes(std::string bytes);
  ~NerModel();
  NerModel(const NerModel&) = delete;
  NerModel& operator=(const NerModel&) = delete;

  // Tags the words of one sentence (BILOU tag ids, one per word). `doc` is
  // the document's casing context, may be null.
  void Label(const std::vector<std::string_view>& words, const DocContext* doc, LabelScratch* scratch,
             std::vector<uint8_t>* tags) const;
  // The same through the reference path: every key of
  // FeatureExtractor::Extract probed on its own. Slow; the definition the
  // fast path must match (tests).
  void LabelReference(const std::vector<std::string_view>& words, const DocContext* doc, LabelScratch* scratch,
                      std::vector<uint8_t>* tags) const;
  // Integer emission sums (n * kNumTags, score = sum * scale): fast path and
  // reference path. Equal by construction; tests hold them to it.
  void Scores(const std::vector<std::string_view>& words, const DocContext* doc, LabelScratch* scratch,
              std::vector<int32_t>* sums) const;
  void ReferenceScores(const std::vector<std::string_view>& words, const DocContext* doc, LabelScratch* scratch,
                       std::vector<int32_t>* sums) const;
  // Labelling a whole document from one word resolution: ResolveWords maps
  // its words to the scratch's word-cache ids (scratch->scorer.doc_word(id)
  // then feeds DocContext::AddWords), LabelResolved tags one sentence of
  // them, exactly as Label would.
  void ResolveWords(const std::string_view* words, size_t n, LabelScratch* scratch, std::vector<uint32_t>* ids) const;
  void LabelResolved(const uint32_t* ids, size_t n, const DocContext* doc, LabelScratch* scratch,
                     std::vector<uint8_t>* tags) const;
  // Optional, between ResolveWords and LabelResolved once the document's
  // DocContext is complete: computes its context sums in batches
  // (EmissionScorer::PrepareMemos). Same tags with or without.
  void PrepareContext(const DocContext* doc, LabelScratch* scratch) const;

  const Lexicon& lexicon() const { return lexicon_; }
  std::string_view description() const { return description_; }
  size_t num_features() const { return num_rows_; }
  size_t file_size() const { return size_; }

 private:
  NerModel() = default;
  Status Parse(std::string_view name);
  ScoringTables tables() const {
    return ScoringTables{PackedTableView{packed_features_.empty() ? nullptr : packed_features_.data(), features_.mask},
                         rows_split_.data(), rows_last_.data(), &lexicon_, &probe_filter_};
  }
  void Decode(const std::vector<int32_t>& sums, size_t n, std::vector<uint8_t>* tags) const;

  std::string owned_;             // bytes when built with FromBytes
  // The file's bytes when opened from a file, on huge pages: the weights
  // (3.2 MB) and the gazetteer are probed at random.
  std::vector<char, HugePageAllocator<char>> file_;
  const char* data_ = nullptr;    // file bytes
  size_t size_ = 0;               // file size
  const float* trans_ = nullptr;  // kTransDim^2 transition scores
  ViterbiDecoder decoder_;        // trans_ laid out for decoding
  HashTableView features_;        // feature key -> row + 1
  std::vector<uint64_t, HugePageAllocator<uint64_t>> packed_features_;  // features_ packed for scoring (2 MB for the shipped model)
  const int16_t* rows_ = nullptr; // num_rows_ * kNumTags (in the file; the reference path reads these)
  // rows_ split for scoring (ScoringTables): lanes 0..15 of each row as 32
  // aligned bytes, and lane 16 of each row.
  std::vector<int16_t, HugePageAllocator<int16_t>> rows_split_;
  std::vector<int16_t> rows_last_;
  ProbeFilter probe_filter_;      // features_' keys that can hit (scoring skips the rest)
  uint32_t num_rows_ = 0;         // feature rows
  float scale_ = 1.0f;            // row value -> score
  Lexicon lexicon_;               // views into the file
  std::string_view description_;  // training description
  FeatureExtractor extractor_{Lexicon{}};  // rebuilt with lexicon_ after parsing
};

}  // namespace annals::ner
