// libFuzzer target: the whole input side on arbitrary bytes — compression
// detection and gzip/zstd decompression, empty/binary detection and format
// sniffing (the name "-" gives no extension hint, as for stdin).
#include "read/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::FuzzOneReader(data, size, "-", annals::InputFormat::kAuto);
  return 0;
}
