// libFuzzer target for the quotation stage: arbitrary bytes (unbalanced
// quotes, long runs of quote marks, invalid UTF-8) must never crash, and
// every quotation span must lie inside the text. Also checks the brat
// reader on the same bytes. Build: -DANNALS_FUZZ=ON with clang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "quotes/brat_standoff.h"
#include "quotes/quote_stage.h"
#include "text/sentence_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::AnnotatedDoc d;
  d.doc.text.assign(reinterpret_cast<const char*>(data), size);
  annals::AnalyzeText(d.doc.text, &d.layout);
  annals::ExtractQuotes(&d);
  for (const annals::Quote& q : d.quotes) {
    if (q.start > q.end || q.end > size) std::abort();
    if (q.speaker && (q.speaker->mention_start > q.speaker->mention_end || q.speaker->mention_end > size)) std::abort();
  }
  auto atts = annals::ParseBratAttributions(d.doc.text, "fuzz.ann");
  if (atts.ok()) annals::CodePointSpansToBytes(d.doc.text, &*atts);
  return 0;
}
