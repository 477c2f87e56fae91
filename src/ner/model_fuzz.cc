// libFuzzer target: NerModel::FromBytes on arbitrary bytes must return a
// Status or a usable model, never crash. Seeds: a real model file's prefix.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ner/model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto m = annals::ner::NerModel::FromBytes(std::string(reinterpret_cast<const char*>(data), size));
  if (m.ok()) {
    std::vector<std::string_view> words = {"Sabina", "Aliyeva", "visited", "Baku", "."};
    annals::ner::LabelScratch s;
    std::vector<uint8_t> tags;
    (*m)->Label(words, nullptr, &s, &tags);
  }
  return 0;
}
