// Pipeline construction: the one place that knows which stages exist.
#include "extract/pipeline.h"

#include "counts/counts_stage.h"
#include "ner/ner_stage.h"
#include "quotes/quote_stage.h"
#include "text/sentence_splitter.h"
#include "timex/timex_stage.h"

namespace annals {

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  // Stages are added here as the extractors land (ner, timex, counts, quotes).
  if (options.entities) {
    std::string path = options.ner_model;
    if (path.empty()) {
      auto found = ner::DefaultModelPath();
      if (!found.ok()) return found.status();
      path = *found;
    }
    auto model = ner::NerModel::Open(path);
    if (!model.ok()) return model.status();
    p->stages_.push_back(std::make_unique<ner::NerStage>(std::shared_ptr<const ner::NerModel>(std::move(*model))));
  }
  if (options.times) p->stages_.push_back(MakeTimexStage());
  if (options.counts) p->stages_.push_back(MakeCountsStage());
  // Quotes run last: they read the entities and attach roles to them.
  if (options.quotes) p->stages_.push_back(NewQuoteStage());
  return p;
}

void Pipeline::Annotate(AnnotatedDoc* doc) const {
  AnalyzeText(doc->doc.text, &doc->layout);
  for (const auto& s : stages_) s->Run(doc);
}

std::vector<std::string> Pipeline::StageNames() const {
  std::vector<std::string> names{"text"};
  for (const auto& s : stages_) names.emplace_back(s->name());
  return names;
}

}  // namespace annals
