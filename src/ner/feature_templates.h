// The NER feature templates (ids that enter the feature hashes), the
// sentence-boundary values and the cluster-prefix helper, shared by the
// reference extractor (features.cc) and the fast scorer (scorer.cc), which
// must produce exactly the same keys.
#pragma once

#include <cstdint>

namespace annals::ner {

// Feature templates. Their numbers enter the hashes: append only.
enum Template : uint32_t {
  kBias = 1, kWord, kLower, kShape, kShortShape, kPrefix, kSuffix,
  kLowerPrev, kLowerNext, kLowerPrev2, kLowerNext2,
  kShapePrev, kShapeNext, kShapePrevCur, kShapeCurNext,
  kBigramPrev, kBigramNext, kFirstShape, kCapsSentLower, kCapsSent,
  kCluster, kClusterPrev, kClusterNext, kCasing, kCasingFirst, kDocCase,
  kGaz, kGazCap, kGazPrev, kGazNext, kLenShape, kPrevCapNextCap, kLowerPrevShape, kLowerNextShape,
  kWordPrev, kWordNext, kSuffixCap, kLowerFirst, kLowerPrevNext, kClusterWord, kAggPrev, kAggNext, kDotted,
};

// Stand-in value hashes for the positions before and after a sentence.
inline constexpr uint64_t kBosHash = 0x1111111111111111ULL;
inline constexpr uint64_t kEosHash = 0x2222222222222222ULL;

// The first `bits` bits of a cluster value (path length << 24 | path).
inline uint32_t ClusterPrefix(uint32_t cluster, uint32_t bits) {
  uint32_t len = cluster >> 24;
  uint32_t path = cluster & 0xFFFFFF;
  if (len <= bits) return cluster;
  return ((bits << 24) | (path >> (len - bits)));
}

}  // namespace annals::ner
