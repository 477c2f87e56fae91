// Pipeline construction: the one place that knows which stages exist.
#include "extract/pipeline.h"

#include "quotes/quote_stage.h"
#include "text/sentence_splitter.h"

namespace annals {

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  // Stages are added here as the extractors land (ner, timex, counts, quotes).
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
