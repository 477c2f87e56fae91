// CountsStage: the Stage adapter around ExtractCounts().
#include "counts/counts_stage.h"

#include "counts/counts.h"

namespace annals {

namespace {

class CountsStage : public Stage {
 public:
  std::string_view name() const override { return "counts"; }
  void Run(AnnotatedDoc* doc) const override { ExtractCounts(*doc, &doc->counts); }
};

}  // namespace

std::unique_ptr<Stage> MakeCountsStage() { return std::make_unique<CountsStage>(); }

}  // namespace annals
