// Test helpers for the NER module: a tiny model trained on synthetic data,
// so that tests of the model format and the stage need no shared data, and
// the shipped model loaded once per test binary.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "ner/conll.h"
#include "ner/model.h"
#include "ner/trainer.h"

namespace annals::ner::testing {

// A few CoNLL documents with PER/LOC/ORG names in fixed contexts.
inline std::string TinyConll() {
  std::string s;
  const char* people[] = {"Sabina Aliyeva", "Heydar Aliyev", "John Smith", "Maria Silva"};
  const char* places[] = {"Baku", "Moscow", "Armenia", "Paris"};
  const char* orgs[] = {"Reuters", "Gazprom", "UNICEF", "Siemens"};
  for (int d = 0; d < 6; ++d) {
    s += "-DOCSTART- -X- -X- O\n\n";
    for (int i = 0; i < 4; ++i) {
      std::string p = people[(i + d) % 4];
      size_t sp = p.find(' ');
      s += p.substr(0, sp) + " B-PER\n" + p.substr(sp + 1) + " I-PER\nvisited O\n" + places[(i + d + 1) % 4] +
           " B-LOC\nfor O\n" + orgs[(i + d) % 4] + " B-ORG\n. O\n\n";
    }
  }
  return s;
}

// Trains a model on TinyConll() (a fraction of a second).
inline ModelData TinyModelData() {
  auto docs = ParseConll(TinyConll(), "tiny");
  TrainOptions opt;
  opt.epochs = 3;
  auto m = TrainNer(*docs, *docs, LexiconData(), opt, nullptr);
  return std::move(*m);
}

// models/ner.model, loaded once (nullptr, with a test failure, if it cannot be).
inline std::shared_ptr<const NerModel> ShippedModel() {
  static std::shared_ptr<const NerModel> model = [] {
    auto m = NerModel::Open(std::string(ANNALS_SOURCE_DIR) + "/models/ner.model");
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return m.ok() ? std::shared_ptr<const NerModel>(std::move(*m)) : nullptr;
  }();
  return model;
}

}  // namespace annals::ner::testing
