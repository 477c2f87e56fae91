// Pipeline: the ordered list of extraction stages run on every article:
// text analysis, then entities, time expressions, victim counts, quotations.
// Thread-safe after creation: Annotate() may run on many threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "facts/annotated_doc.h"
#include "facts/stage.h"

namespace annals {

struct PipelineOptions {
  std::string ner_model;  // path of the NER model; "" = the shipped default
  bool entities = true;   // run the named-entity stage
  bool times = true;      // run the time-expression stage
  bool counts = true;     // run the victim-count stage
  bool quotes = true;     // run the quotation stage
};

class Pipeline {
 public:
  // Builds the stages; fails if a model cannot be loaded.
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);

  // Analyses doc->doc.text and runs every stage in order.
  void Annotate(AnnotatedDoc* doc) const;

  // Stage names in order, for diagnostics.
  std::vector<std::string> StageNames() const;
  // The stages after text analysis, in order (benchmarks time them one by one).
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace annals
