// BM25 exactly as SQLite FTS5's bm25() computes it (k1 = 1.2, b = 0.75,
// idf = ln((N - df + 0.5) / (df + 0.5)), floored at 1e-6), but positive:
// larger is better. One function scores a posting for every engine (block-max
// and exhaustive), so their sums agree bit for bit when added in the same
// order.
#pragma once

#include <cmath>
#include <cstdint>

namespace annals::index {

struct Bm25Params {
  double k1 = 1.2;  // term-frequency saturation
  double b = 0.75;  // length normalisation
};

// Collection statistics over a snapshot (all its segments).
struct CollectionStats {
  uint64_t num_docs = 0;      // documents, deleted ones included until merged
  uint64_t total_tokens = 0;  // sum of body lengths
};

inline double Bm25Idf(uint64_t num_docs, uint64_t df) {
  double idf = std::log((static_cast<double>(num_docs) - static_cast<double>(df) + 0.5) /
                        (static_cast<double>(df) + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

// The parts of one term's BM25 that do not depend on the document.
struct TermWeight {
  double idf = 0;      // Bm25Idf
  double k1p1 = 0;     // k1 + 1
  double len_a = 0;    // k1 * (1 - b)
  double len_b = 0;    // k1 * b / avgdl

  static TermWeight Make(const Bm25Params& p, const CollectionStats& s, uint64_t df) {
    TermWeight w;
    w.idf = Bm25Idf(s.num_docs, df);
    w.k1p1 = p.k1 + 1.0;
    w.len_a = p.k1 * (1.0 - p.b);
    double avgdl = s.num_docs ? static_cast<double>(s.total_tokens) / static_cast<double>(s.num_docs) : 1.0;
    if (avgdl <= 0) avgdl = 1.0;
    w.len_b = p.k1 * p.b / avgdl;
    return w;
  }
  // The score of a posting with term frequency tf in a document of length dl.
  double Score(uint32_t tf, uint32_t dl) const {
    double t = static_cast<double>(tf);
    return idf * (t * k1p1) / (t + len_a + len_b * static_cast<double>(dl));
  }
  // An upper bound for postings with tf <= max_tf (65535 = unbounded) and
  // length >= min_len. Slightly inflated so that sums of bounds taken in
  // another order than the exact score still bound it.
  double Bound(uint32_t max_tf, uint32_t min_len) const {
    double s = max_tf >= 65535 ? idf * k1p1 : Score(max_tf, min_len);
    return s * (1.0 + 1e-9) + 1e-12;
  }
};

}  // namespace annals::index
