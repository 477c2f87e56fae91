// NerStage: the pipeline stage that finds named entities. It labels every
// sentence of doc->layout with the NER model, writes doc->mentions (byte
// offsets into doc->doc.text) and resolves them into doc->entities.
// Thread-safe: each Run() borrows a scratch (a LabelScratch, whose word
// cache makes labelling fast, and per-article buffers) from a small pool, so
// a thread keeps reusing warm caches and memory.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "facts/stage.h"
#include "ner/model.h"

namespace annals::ner {

// A word as the labeller sees it: a token, or part of one (a possessive
// "'s"/"’s" glued to a name is split off, as in the CoNLL training data).
struct WordSpan {
  uint32_t start = 0;  // byte offset
  uint32_t end = 0;    // byte offset past the word
};

// The words of tokens [begin, end) of `layout`, possessives split off.
void SentenceWords(std::string_view text, const TextLayout& layout, uint32_t begin, uint32_t end,
                   std::vector<WordSpan>* out);

class NerStage : public Stage {
 public:
  explicit NerStage(std::shared_ptr<const NerModel> model) : model_(std::move(model)) {}
  // With reference_path, labels through NerModel::LabelReference and
  // DocContext::Add: slow, the definition the normal path must match
  // (ner_scorer_test compares the two on real text).
  NerStage(std::shared_ptr<const NerModel> model, bool reference_path)
      : model_(std::move(model)), reference_(reference_path) {}
  std::string_view name() const override { return "ner"; }
  void Run(AnnotatedDoc* doc) const override;

 private:
  // A Run's working memory: the labeller's scratch and the per-article
  // buffers, kept between articles so they are not allocated anew each time.
  struct Scratch {
    LabelScratch label;                          // word cache, sums, document context
    std::vector<WordSpan> spans;                 // every word of the article
    std::vector<WordSpan> sentence;              // one sentence's words
    std::vector<uint32_t> piece_ends;            // end of each labelled piece in spans
    std::vector<std::string_view> views;         // the text of each word
    std::vector<uint32_t> ids;                   // word cache id of each word
    std::vector<DocWord> doc_words;              // one piece's DocContext summaries
    std::vector<std::string_view> piece_views;   // one piece's words
    std::vector<uint8_t> tags;                   // one piece's tags
    std::vector<uint8_t> all_tags;               // every word's tag
  };
  std::unique_ptr<Scratch> Borrow() const;
  void Return(std::unique_ptr<Scratch> s) const;

  std::shared_ptr<const NerModel> model_;
  bool reference_ = false;                            // label through the reference path
  mutable std::mutex mu_;                             // guards pool_
  mutable std::vector<std::unique_ptr<Scratch>> pool_;  // idle scratches (one per thread at most)
};

// Where `annals extract` finds the NER model when --ner-model is not given:
// $ANNALS_NER_MODEL; else ner.model next to the executable, then
// ../share/annals/ner.model relative to it; else the source tree's
// models/ner.model (compiled in). Returns the first that exists, or a
// NotFound status listing the places tried.
Result<std::string> DefaultModelPath();

}  // namespace annals::ner
