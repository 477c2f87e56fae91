// libFuzzer target: the jsonl reader on arbitrary bytes (see fuzz_check.h).
#include "read/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::FuzzOneReader(data, size, "a.jsonl", annals::InputFormat::kJsonl);
  return 0;
}
