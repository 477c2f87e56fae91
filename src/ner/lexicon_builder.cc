// Lexicon learning: word clusters, casing statistics, gazetteers.
#include "ner/lexicon_builder.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "ner/features.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace annals::ner {

namespace {

constexpr uint32_t kBoundary = 0xFFFFFFFFu;  // sentence boundary marker in bigrams_
constexpr size_t kMaxGazetteerWords = 8;

// Sparse vector: sorted (dimension, value).
using Sparse = std::vector<std::pair<uint32_t, float>>;

float Dot(const Sparse& a, const std::vector<float>& dense) {
  float s = 0.0f;
  for (const auto& [d, v] : a) s += v * dense[d];
  return s;
}

}  // namespace

void LexiconBuilder::AddText(std::string_view text) {
  TextLayout layout;
  AnalyzeText(text, &layout);
  std::string low;
  for (const Sentence& s : layout.sentences) {
    uint32_t prev = kBoundary;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      std::string_view w = layout.tokens[i].text(text);
      ++tokens_;
      auto [it, inserted] = word_ids_.try_emplace(std::string(w), static_cast<uint32_t>(words_.size()));
      if (inserted) {
        words_.emplace_back(w);
        counts_.push_back(0);
      }
      uint32_t id = it->second;
      ++counts_[id];
      bigrams_.emplace_back(prev, id);
      prev = id;
      // Casing away from the sentence start, for words with letters.
      if (i > s.token_begin && layout.tokens[i].kind == TokenKind::kWord) {
        NormalizeWord(w, &low);
        auto& c = casing_[HashBytes(low)];
        if (IsCapitalized(w)) ++c.second;
        else ++c.first;
      }
    }
    bigrams_.emplace_back(prev, kBoundary);
  }
}

void LexiconBuilder::AddGazetteerName(std::string_view name, uint32_t type_mask) {
  std::vector<Token> toks;
  Tokenize(name, &toks);
  if (toks.empty() || toks.size() > kMaxGazetteerWords) return;
  std::string phrase, low;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i > 0) phrase.push_back(' ');
    NormalizeWord(toks[i].text(name), &low);
    phrase += low;
  }
  gazetteer_.Put(HashBytes(phrase), type_mask);
  gaz_max_words_ = std::max<uint32_t>(gaz_max_words_, static_cast<uint32_t>(toks.size()));
}

Status LexiconBuilder::AddGazetteerFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open gazetteer");
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos)
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ": expected 'TYPE<TAB>name'");
    std::string type = line.substr(0, tab);
    uint32_t mask = 0;
    if (type == "PER" || type == "PERSON") mask = 1;
    else if (type == "ORG") mask = 2;
    else if (type == "LOC" || type == "LOCATION") mask = 4;
    else if (type == "MISC") mask = 8;
    else return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ": unknown type '" + type + "'");
    AddGazetteerName(std::string_view(line).substr(tab + 1), mask);
  }
  return Status::Ok();
}

LexiconData LexiconBuilder::Build(const ClusterOptions& opt) const {
  auto log = [&](const std::string& s) {
    if (opt.progress) opt.progress(s);
  };
  LexiconData out;
  // Casing profiles.
  HashTableBuilder casing;
  for (const auto& [h, c] : casing_) {
    uint32_t total = c.first + c.second;
    if (total < 2) continue;
    uint32_t p;
    if (c.second == 0) p = kCaseAlwaysLower;
    else if (c.first == 0) p = kCaseAlwaysCap;
    else if (c.first * 10 >= total * 9) p = kCaseMostlyLower;
    else if (c.second * 10 >= total * 9) p = kCaseMostlyCap;
    else p = kCaseMixed;
    casing.Put(h, p);
  }
  casing.Build(false, &out.casing.keys, &out.casing.vals);
  gazetteer_.Build(true, &out.gazetteer.keys, &out.gazetteer.vals);
  out.gazetteer_max_words = gaz_max_words_;
  if (gazetteer_.size() == 0) {
    out.gazetteer.keys.clear();
    out.gazetteer.vals.clear();
  }
  if (words_.empty()) return out;

  // Vocabulary: most frequent words (ties by word, for determinism).
  std::vector<uint32_t> by_freq(words_.size());
  for (uint32_t i = 0; i < by_freq.size(); ++i) by_freq[i] = i;
  std::sort(by_freq.begin(), by_freq.end(), [&](uint32_t a, uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : words_[a] < words_[b];
  });
  std::vector<int32_t> vocab_index(words_.size(), -1), context_index(words_.size(), -1);
  std::vector<uint32_t> vocab;
  for (uint32_t id : by_freq) {
    if (static_cast<int>(counts_[id]) < opt.min_count || static_cast<int>(vocab.size()) >= opt.max_words) break;
    vocab_index[id] = static_cast<int32_t>(vocab.size());
    vocab.push_back(id);
  }
  for (int i = 0; i < opt.contexts && i < static_cast<int>(by_freq.size()); ++i) context_index[by_freq[i]] = i;
  const uint32_t nctx = static_cast<uint32_t>(opt.contexts) + 2;  // + "other" and "boundary"
  const uint32_t dims = 2 * nctx;
  auto ctx_dim = [&](uint32_t id) -> uint32_t {
    if (id == kBoundary) return nctx - 1;
    int32_t c = context_index[id];
    return c >= 0 ? static_cast<uint32_t>(c) : nctx - 2;
  };
  // Context counts: right neighbour in [0, nctx), left neighbour in [nctx, 2nctx).
  std::vector<std::unordered_map<uint32_t, float>> acc(vocab.size());
  for (const auto& [l, r] : bigrams_) {
    if (l != kBoundary && vocab_index[l] >= 0) acc[vocab_index[l]][ctx_dim(r)] += 1.0f;
    if (r != kBoundary && vocab_index[r] >= 0) acc[vocab_index[r]][nctx + ctx_dim(l)] += 1.0f;
  }
  // Hellinger-style vectors: sqrt of relative frequencies, L2-normalised.
  std::vector<Sparse> vec(vocab.size());
  for (size_t i = 0; i < vocab.size(); ++i) {
    Sparse s(acc[i].begin(), acc[i].end());
    std::sort(s.begin(), s.end());
    double norm = 0;
    for (auto& [d, v] : s) {
      v = std::sqrt(v);
      norm += static_cast<double>(v) * v;
    }
    float inv = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
    for (auto& [d, v] : s) v *= inv;
    vec[i] = std::move(s);
    acc[i].clear();
  }
  acc.clear();
  int depth = 0;
  while ((1 << depth) < opt.clusters && depth < 20) ++depth;
  log("clustering " + std::to_string(vocab.size()) + " words into " + std::to_string(1 << depth) + " leaves");

  // Top-down bisecting spherical 2-means. path[i] grows by one bit a level.
  std::vector<uint32_t> path(vocab.size(), 0), plen(vocab.size(), 0);
  std::vector<std::vector<uint32_t>> groups{std::vector<uint32_t>(vocab.size())};
  for (uint32_t i = 0; i < vocab.size(); ++i) groups[0][i] = i;
  std::vector<float> c0(dims), c1(dims);
  for (int level = 0; level < depth; ++level) {
    std::vector<std::vector<uint32_t>> next;
    for (auto& g : groups) {
      if (g.size() < 2) continue;
      // Seeds: the most frequent member (g is in frequency order) and the member least like it.
      std::fill(c0.begin(), c0.end(), 0.0f);
      for (const auto& [d, v] : vec[g[0]]) c0[d] = v;
      size_t far = 1;
      float far_sim = 2.0f;
      for (size_t k = 1; k < g.size(); ++k) {
        float s = Dot(vec[g[k]], c0);
        if (s < far_sim) {
          far_sim = s;
          far = k;
        }
      }
      std::fill(c1.begin(), c1.end(), 0.0f);
      for (const auto& [d, v] : vec[g[far]]) c1[d] = v;
      std::vector<uint8_t> side(g.size(), 0);
      for (int it = 0; it < opt.iterations; ++it) {
        for (size_t k = 0; k < g.size(); ++k) side[k] = Dot(vec[g[k]], c1) > Dot(vec[g[k]], c0) ? 1 : 0;
        std::fill(c0.begin(), c0.end(), 0.0f);
        std::fill(c1.begin(), c1.end(), 0.0f);
        for (size_t k = 0; k < g.size(); ++k) {
          auto& c = side[k] ? c1 : c0;
          for (const auto& [d, v] : vec[g[k]]) c[d] += v;
        }
        for (auto* c : {&c0, &c1}) {
          double norm = 0;
          for (float x : *c) norm += static_cast<double>(x) * x;
          float inv = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
          for (float& x : *c) x *= inv;
        }
      }
      std::vector<uint32_t> a, b;
      for (size_t k = 0; k < g.size(); ++k) (side[k] ? b : a).push_back(g[k]);
      if (a.empty() || b.empty()) continue;  // cannot split: stays a leaf
      for (uint32_t w : a) path[w] <<= 1, ++plen[w];
      for (uint32_t w : b) path[w] = (path[w] << 1) | 1, ++plen[w];
      next.push_back(std::move(a));
      next.push_back(std::move(b));
    }
    groups = std::move(next);
    log("level " + std::to_string(level + 1) + ": " + std::to_string(groups.size()) + " groups");
  }
  HashTableBuilder clusters;
  for (size_t i = 0; i < vocab.size(); ++i) {
    // A leading 1 bit keeps paths of different lengths apart and the value non-zero.
    uint32_t len = plen[i] + 1;
    uint32_t p = (1u << plen[i]) | path[i];
    clusters.Put(HashBytes(words_[vocab[i]]), (len << 24) | p);
  }
  clusters.Build(false, &out.clusters.keys, &out.clusters.vals);
  return out;
}

LexiconData CopyLexicon(const Lexicon& lex) {
  auto copy = [](const HashTableView& v, HashTableData* d) {
    d->keys.clear();
    d->vals.clear();
    if (v.keys == nullptr) return;
    d->keys.assign(v.keys, v.keys + v.mask + 1);
    d->vals.assign(v.vals, v.vals + v.mask + 1);
  };
  LexiconData out;
  copy(lex.clusters, &out.clusters);
  copy(lex.casing, &out.casing);
  copy(lex.gazetteer, &out.gazetteer);
  out.gazetteer_max_words = lex.gazetteer_max_words;
  return out;
}

}  // namespace annals::ner
