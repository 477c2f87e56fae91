// Training the NER labeller: an averaged structured perceptron (Collins
// 2002) over BILOU tags with Viterbi decoding, the weights of every epoch
// averaged, the epoch with the best dev F1 kept. Deterministic: the same
// data, lexicon, options and seed give a byte-identical model.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "ner/conll.h"
#include "ner/lexicon.h"
#include "ner/model.h"

namespace annals::ner {

struct TrainOptions {
  int epochs = 10;          // passes over the training data
  uint64_t seed = 1;        // shuffling order of sentences
  int min_count = 1;        // features seen fewer times in training are dropped
  std::string description;  // stored in the model (command line, data)
  std::function<void(const std::string&)> progress;  // one line per event, may be null
};

struct TrainReport {
  int best_epoch = 0;      // 1-based epoch kept
  double best_f1 = 0.0;    // its dev F1 (float weights, before quantisation)
  size_t features = 0;     // features in the dictionary
  size_t kept_rows = 0;    // non-zero weight rows written
};

// Trains on `train`, picks the epoch by F1 on `dev` (if empty: the last
// epoch), and returns the model. `lexicon` is copied into the model.
Result<ModelData> TrainNer(const std::vector<ConllDocument>& train, const std::vector<ConllDocument>& dev,
                           const LexiconData& lexicon, const TrainOptions& options, TrainReport* report);

}  // namespace annals::ner
