// libFuzzer target: the count stage on arbitrary text (with LOCATION mentions
// and time expressions placed from the input, to exercise place and date
// resolution). Checks the invariants every count must hold: spans inside the
// text, a valid sentence index, non-negative figures.
#include <cstddef>
#include <cstdint>
#include <string>

#include "counts/counts.h"
#include "counts/gkg_counts.h"
#include "text/sentence_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::AnnotatedDoc d;
  d.doc.text.assign(reinterpret_cast<const char*>(data), size);
  annals::AnalyzeText(d.doc.text, &d.layout);
  // Every 7th token a LOCATION, every 11th a dated time expression.
  for (size_t i = 0; i < d.layout.tokens.size(); ++i) {
    const annals::Token& t = d.layout.tokens[i];
    if (i % 7 == 3) {
      annals::EntityMention m;
      m.start = t.start;
      m.end = t.end;
      m.type = annals::EntityType::kLocation;
      m.entity = (i % 2 == 0) ? -1 : 0;
      d.mentions.push_back(m);
    }
    if (i % 11 == 5) {
      annals::TimeExpr te;
      te.start = t.start;
      te.end = t.end;
      te.value = (i % 3 == 0) ? "1990-01-19" : "2014";
      d.times.push_back(te);
    }
  }
  if (!d.mentions.empty()) d.entities.push_back({"Baku", annals::EntityType::kLocation, 1, "", ""});
  std::vector<annals::Count> counts;
  annals::ExtractCounts(d, &counts);
  for (const annals::Count& c : counts) {
    if (c.start > c.end || c.end > d.doc.text.size()) __builtin_trap();
    if (c.sentence >= d.layout.sentences.size()) __builtin_trap();
    if (c.number < 0) __builtin_trap();
  }
  const std::string gkg = annals::FormatGkgCounts(d.doc.text, counts);
  (void)gkg;
  return 0;
}
