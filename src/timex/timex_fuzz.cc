// libFuzzer target for the temporal tagger: any bytes as article text, with
// a publication date taken from the first bytes. Checks the output
// invariants (spans inside the text, ordered, disjoint, non-empty, values
// non-empty) on top of the sanitizers' memory checks.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "timex/temporal_tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::Date pub;
  if (size >= 2) {
    // Byte 0 picks the precision, byte 1 the day offset from 1990-01-01.
    pub = annals::CivilFromDays(annals::DaysFromCivil(1990, 1, 1) + data[1] * 97);
    pub.precision = static_cast<annals::DatePrecision>(data[0] % 4);
    if (pub.precision != annals::DatePrecision::kDay) pub.day = 0;
    if (pub.precision == annals::DatePrecision::kYear || pub.precision == annals::DatePrecision::kMissing)
      pub.month = 0;
    if (pub.precision == annals::DatePrecision::kMissing) pub.year = 0;
  }
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool merge : {true, false}) {
    std::vector<annals::TimeExpr> out;
    annals::TimexOptions opt;
    opt.merge_ranges = merge;
    annals::TagTimes(text, pub, opt, &out);
    uint32_t prev_end = 0;
    for (const annals::TimeExpr& t : out) {
      if (t.start >= t.end || t.end > size || t.start < prev_end || t.value.empty()) std::abort();
      prev_end = t.end;
    }
    (void)annals::EventDates(out, pub);
  }
  return 0;
}
