// NerStage: the pipeline stage that finds named entities. It labels every
// sentence of doc->layout with the NER model, writes doc->mentions (byte
// offsets into doc->doc.text) and resolves them into doc->entities.
// Thread-safe: Run() keeps its buffers on the stack; the model is shared.
#pragma once

#include <memory>
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
  std::string_view name() const override { return "ner"; }
  void Run(AnnotatedDoc* doc) const override;

 private:
  std::shared_ptr<const NerModel> model_;
};

// Where `annals extract` finds the NER model when --ner-model is not given:
// $ANNALS_NER_MODEL; else ner.model next to the executable, then
// ../share/annals/ner.model relative to it; else the source tree's
// models/ner.model (compiled in). Returns the first that exists, or a
// NotFound status listing the places tried.
Result<std::string> DefaultModelPath();

}  // namespace annals::ner
