// The victim-count stage of the extraction pipeline: fills AnnotatedDoc::counts.
// Runs after the entity and time stages, whose output it uses for places and
// dates. Thread-safe: holds no state.
#pragma once

#include <memory>

#include "facts/stage.h"

namespace annals {

// A stage running ExtractCounts() on each document.
std::unique_ptr<Stage> MakeCountsStage();

}  // namespace annals
