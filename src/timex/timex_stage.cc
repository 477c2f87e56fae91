// The timex pipeline stage: TagTimes + EventDates on one AnnotatedDoc.
#include "timex/timex_stage.h"

#include "timex/temporal_tagger.h"

namespace annals {

namespace {

class TimexStage final : public Stage {
 public:
  std::string_view name() const override { return "timex"; }
  void Run(AnnotatedDoc* doc) const override {
    doc->times.clear();
    TagTimes(doc->doc.text, doc->doc.date, TimexOptions{}, &doc->times);
    doc->event_dates = EventDates(doc->times, doc->doc.date);
  }
};

}  // namespace

std::unique_ptr<Stage> MakeTimexStage() { return std::make_unique<TimexStage>(); }

}  // namespace annals
