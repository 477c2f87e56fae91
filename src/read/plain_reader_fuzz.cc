// libFuzzer target: the plain reader on arbitrary bytes (see fuzz_check.h).
#include "read/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::FuzzOneReader(data, size, "a.txt", annals::InputFormat::kPlain);
  return 0;
}
