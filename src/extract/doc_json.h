// The `annals extract` JSONL record of one annotated article: the format of
// docs/output-format.md (schema version kOutputSchemaVersion).
#pragma once

#include <string>

#include "facts/annotated_doc.h"

namespace annals {

inline constexpr int kOutputSchemaVersion = 1;

struct DocJsonOptions {
  bool with_text = false;       // include "text"
  bool with_sentences = false;  // include "sentences"
  bool with_tokens = false;     // include "tokens" (debugging)
};

// Appends one JSON object (no trailing newline) describing `doc` to `out`.
void AppendDocJson(const AnnotatedDoc& doc, const DocJsonOptions& options, std::string* out);

}  // namespace annals
