// libFuzzer target: the CoNLL parser and the IOB span reader on arbitrary text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ner/conll.h"
#include "ner/tags.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto docs = annals::ner::ParseConll(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
  if (docs.ok())
    for (const auto& d : *docs)
      for (const auto& s : d.sentences) (void)annals::ner::SpansFromIob(s.tags);
  return 0;
}
