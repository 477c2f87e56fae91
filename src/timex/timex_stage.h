// TimexStage: the pipeline stage that tags an article's time expressions
// (doc->times) against its publication date and ranks its event dates
// (doc->event_dates). Stateless, so one instance serves every thread.
#pragma once

#include <memory>

#include "facts/stage.h"

namespace annals {

std::unique_ptr<Stage> MakeTimexStage();

}  // namespace annals
