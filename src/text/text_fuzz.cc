// libFuzzer target for the text core: AnalyzeText on arbitrary bytes must not
// crash (ASan/UBSan) and must satisfy every layout invariant (layout_check.h).
// Build: CC=clang CXX=clang++ cmake -DANNALS_FUZZ=ON ...; run: ./text_fuzz -max_total_time=60
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "text/layout_check.h"
#include "text/sentence_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  annals::TextLayout layout;
  annals::AnalyzeText(text, &layout);
  const annals::Status st = annals::CheckTextLayout(text, layout);
  if (!st.ok()) {
    std::fprintf(stderr, "layout invariant broken: %s\n", st.ToString().c_str());
    std::abort();
  }
  return 0;
}
