// Averaged structured perceptron training over precomputed feature rows.
#include "ner/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "ner/ner_eval.h"
#include "ner/viterbi.h"

namespace annals::ner {

namespace {

// A sentence as the trainer sees it: feature rows per token and gold tags.
struct Example {
  std::vector<int32_t> rows;       // feature row ids, token after token (-1: unknown)
  std::vector<uint32_t> offsets;   // n+1 offsets into rows
  std::vector<uint8_t> gold;       // BILOU tags
  std::vector<Span> gold_spans;    // for scoring
};

// SplitMix64: a tiny PRNG with a fixed definition (std::shuffle is not
// specified bit-for-bit across standard libraries).
struct SplitMix {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
};

void Score(const Example& ex, const float* w, std::vector<float>* emit) {
  size_t n = ex.gold.size();
  emit->assign(n * kNumTags, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* e = &(*emit)[i * kNumTags];
    for (uint32_t f = ex.offsets[i]; f < ex.offsets[i + 1]; ++f) {
      int32_t r = ex.rows[f];
      if (r < 0) continue;
      const float* row = w + static_cast<size_t>(r) * kNumTags;
      for (int t = 0; t < kNumTags; ++t) e[t] += row[t];
    }
  }
}

}  // namespace

Result<ModelData> TrainNer(const std::vector<ConllDocument>& train, const std::vector<ConllDocument>& dev,
                           const LexiconData& lexicon_data, const TrainOptions& opt, TrainReport* report) {
  auto log = [&](const std::string& s) {
    if (opt.progress) opt.progress(s);
  };
  auto t0 = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  Lexicon lexicon = lexicon_data.View();
  FeatureExtractor fx(lexicon);

  // 1. Features of every sentence, as keys; count them.
  struct KeyedSentence {
    SentenceFeatures f;
    const ConllSentence* s;
  };
  auto extract = [&](const std::vector<ConllDocument>& docs) {
    std::vector<KeyedSentence> out;
    std::vector<std::string_view> words;
    for (const ConllDocument& d : docs) {
      DocContext ctx;
      for (const ConllSentence& s : d.sentences) {
        words.assign(s.words.begin(), s.words.end());
        ctx.Add(words);
      }
      for (const ConllSentence& s : d.sentences) {
        words.assign(s.words.begin(), s.words.end());
        KeyedSentence ks;
        ks.s = &s;
        fx.Extract(words, &ctx, &ks.f);
        out.push_back(std::move(ks));
      }
    }
    return out;
  };
  std::vector<KeyedSentence> train_keys = extract(train);
  std::vector<KeyedSentence> dev_keys = extract(dev);
  if (train_keys.empty()) return Status::InvalidArgument("training data has no sentences");

  std::unordered_map<uint64_t, uint32_t> counts;
  for (const auto& ks : train_keys)
    for (uint64_t k : ks.f.keys) ++counts[k];
  // Row ids in sorted key order: reproducible regardless of hash-map order.
  std::vector<uint64_t> kept;
  for (const auto& [k, c] : counts)
    if (static_cast<int>(c) >= opt.min_count) kept.push_back(k);
  std::sort(kept.begin(), kept.end());
  std::unordered_map<uint64_t, int32_t> row_of;
  row_of.reserve(kept.size() * 2);
  for (size_t i = 0; i < kept.size(); ++i) row_of[kept[i]] = static_cast<int32_t>(i);
  counts.clear();
  const size_t nrows = kept.size();
  log("features: " + std::to_string(nrows) + " (min count " + std::to_string(opt.min_count) + "), " +
      std::to_string(train_keys.size()) + " training sentences, " + std::to_string(dev_keys.size()) + " dev sentences");

  auto to_examples = [&](std::vector<KeyedSentence>& keyed) {
    std::vector<Example> out;
    out.reserve(keyed.size());
    for (auto& ks : keyed) {
      Example ex;
      ex.offsets = ks.f.offsets;
      ex.rows.reserve(ks.f.keys.size());
      for (uint64_t k : ks.f.keys) {
        auto it = row_of.find(k);
        ex.rows.push_back(it == row_of.end() ? -1 : it->second);
      }
      ex.gold_spans = SpansFromIob(ks.s->tags);
      ex.gold = BilouFromSpans(ex.gold_spans, ks.s->words.size());
      out.push_back(std::move(ex));
      ks.f = SentenceFeatures();
    }
    return out;
  };
  std::vector<Example> train_ex = to_examples(train_keys);
  std::vector<Example> dev_ex = to_examples(dev_keys);

  // 2. Perceptron with lazy averaging: avg = w - u / c.
  std::vector<float> w(nrows * kNumTags, 0.0f);
  std::vector<double> u(nrows * kNumTags, 0.0);
  std::vector<float> tw(kTransDim * kTransDim, 0.0f);
  std::vector<double> tu(kTransDim * kTransDim, 0.0);
  std::vector<float> avg(nrows * kNumTags), tavg(kTransDim * kTransDim);
  std::vector<float> best_w, best_t;
  double best_f1 = -1.0;
  int best_epoch = 0;
  double c = 1.0;
  SplitMix rng{opt.seed};
  std::vector<size_t> order(train_ex.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<float> emit;
  std::vector<uint8_t> pred;

  for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);
    size_t mistakes = 0;
    for (size_t idx : order) {
      const Example& ex = train_ex[idx];
      const size_t n = ex.gold.size();
      Score(ex, w.data(), &emit);
      pred.assign(n, 0);
      Viterbi(emit.data(), n, tw.data(), pred.data());
      if (pred != ex.gold) {
        ++mistakes;
        for (size_t i = 0; i < n; ++i) {
          if (pred[i] == ex.gold[i]) continue;
          for (uint32_t f = ex.offsets[i]; f < ex.offsets[i + 1]; ++f) {
            int32_t r = ex.rows[f];
            if (r < 0) continue;
            size_t base = static_cast<size_t>(r) * kNumTags;
            w[base + ex.gold[i]] += 1.0f;
            u[base + ex.gold[i]] += c;
            w[base + pred[i]] -= 1.0f;
            u[base + pred[i]] -= c;
          }
        }
        for (size_t i = 0; i <= n; ++i) {
          int ga = i == 0 ? kNumTags : ex.gold[i - 1], gb = i == n ? kNumTags : ex.gold[i];
          int pa = i == 0 ? kNumTags : pred[i - 1], pb = i == n ? kNumTags : pred[i];
          if (ga == pa && gb == pb) continue;
          tw[ga * kTransDim + gb] += 1.0f;
          tu[ga * kTransDim + gb] += c;
          tw[pa * kTransDim + pb] -= 1.0f;
          tu[pa * kTransDim + pb] -= c;
        }
      }
      c += 1.0;
    }
    for (size_t i = 0; i < w.size(); ++i) avg[i] = static_cast<float>(w[i] - u[i] / c);
    for (size_t i = 0; i < tw.size(); ++i) tavg[i] = static_cast<float>(tw[i] - tu[i] / c);
    // Dev F1 with the averaged weights.
    NerScorer scorer;
    for (const Example& ex : dev_ex) {
      Score(ex, avg.data(), &emit);
      pred.assign(ex.gold.size(), 0);
      Viterbi(emit.data(), ex.gold.size(), tavg.data(), pred.data());
      scorer.Add(ex.gold_spans, SpansFromBilou(pred));
    }
    double f1 = dev_ex.empty() ? 0.0 : scorer.overall().F1();
    char buf[200];
    std::snprintf(buf, sizeof(buf), "epoch %d: %zu/%zu sentences wrong, dev P %.4f R %.4f F1 %.4f (%.1fs)", epoch,
                  mistakes, train_ex.size(), scorer.overall().Precision(), scorer.overall().Recall(), f1, seconds());
    log(buf);
    if (dev_ex.empty() || f1 > best_f1) {
      best_f1 = f1;
      best_epoch = epoch;
      best_w = avg;
      best_t = tavg;
    }
  }

  // 3. Quantise the kept epoch's weights to int16 and drop all-zero rows.
  float maxabs = 0.0f;
  for (float x : best_w) maxabs = std::max(maxabs, std::fabs(x));
  ModelData model;
  model.scale = maxabs > 0.0f ? maxabs / 32767.0f : 1.0f;
  model.transitions = best_t;
  model.lexicon = lexicon_data;
  model.description = opt.description;
  HashTableBuilder table;
  std::vector<int16_t> q(kNumTags);
  for (size_t r = 0; r < nrows; ++r) {
    bool any = false;
    for (int t = 0; t < kNumTags; ++t) {
      long v = std::lround(best_w[r * kNumTags + t] / model.scale);
      q[t] = static_cast<int16_t>(std::clamp(v, -32767L, 32767L));
      any |= q[t] != 0;
    }
    if (!any) continue;
    model.rows.insert(model.rows.end(), q.begin(), q.end());
    table.Put(kept[r], static_cast<uint32_t>(model.rows.size() / kNumTags));
  }
  table.Build(false, &model.features.keys, &model.features.vals);
  if (report != nullptr) {
    report->best_epoch = best_epoch;
    report->best_f1 = best_f1;
    report->features = nrows;
    report->kept_rows = model.rows.size() / kNumTags;
  }
  log("kept epoch " + std::to_string(best_epoch) + "; " + std::to_string(model.rows.size() / kNumTags) +
      " non-zero weight rows of " + std::to_string(nrows));
  return model;
}

}  // namespace annals::ner
