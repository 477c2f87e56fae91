// Stage: one step of the extraction pipeline. A stage adds annotations to an
// AnnotatedDoc. Run() must be thread-safe: one Stage object serves all worker
// threads, so per-call state lives on the stack or in the document.
#pragma once

#include <string_view>

#include "facts/annotated_doc.h"

namespace annals {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual void Run(AnnotatedDoc* doc) const = 0;
};

}  // namespace annals
