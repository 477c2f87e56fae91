// Feature extraction for the NER labeller. Each token's values (word,
// lower-case form, shapes, affixes, cluster, casing profile, gazetteer hits)
// are hashed once; features combine a template id with one or two of them.
#include "ner/features.h"

#include <utf8proc.h>

#include <array>

#include "core/utf8.h"
#include "ner/feature_templates.h"

namespace annals::ner {

namespace {

using TokInfo = TokenValues;

bool IsUpperCp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return utf8proc_isupper(static_cast<utf8proc_int32_t>(c));
}
bool IsLowerCp(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_islower(static_cast<utf8proc_int32_t>(c));
}
bool IsLetterCp(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

char32_t Decode(std::string_view s, size_t i, int* len) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  return DecodeUtf8(s, i, len);
}

}  // namespace

void NormalizeWord(std::string_view w, std::string* out) {
  out->clear();
  for (size_t i = 0; i < w.size();) {
    unsigned char b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {
      char c = static_cast<char>(b);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      else if (c >= '0' && c <= '9') c = '0';
      out->push_back(c);
      ++i;
      continue;
    }
    int len = 1;
    char32_t cp = DecodeUtf8(w, i, &len);
    i += len;
    switch (cp) {
      case U'\u2018': case U'\u2019': case U'\u201B': case U'\u2032': out->push_back('\''); continue;
      case U'\u201C': case U'\u201D': case U'\u201E': case U'\u00AB': case U'\u00BB': out->push_back('"'); continue;
      case U'\u2013': case U'\u2014': out->push_back('-'); continue;
      default: break;
    }
    AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))), out);
  }
}

void WordShape(std::string_view w, bool collapse, std::string* out) {
  out->clear();
  for (size_t i = 0; i < w.size();) {
    int len = 1;
    char32_t cp = Decode(w, i, &len);
    i += len;
    char c;
    if (IsUpperCp(cp)) c = 'X';
    else if (IsLowerCp(cp) || (cp >= 0x80 && IsLetterCp(cp))) c = 'x';
    else if (cp >= '0' && cp <= '9') c = 'd';
    else if (cp < 0x80) c = static_cast<char>(cp);
    else if (cp == U'\u2019' || cp == U'\u2018') c = '\'';
    else c = '*';
    if (collapse && !out->empty() && out->back() == c) continue;
    if (!collapse && out->size() >= 4 && (*out)[out->size() - 1] == c && (*out)[out->size() - 2] == c &&
        (*out)[out->size() - 3] == c && (*out)[out->size() - 4] == c)
      continue;  // long shape: runs capped at 4
    out->push_back(c);
  }
}

bool IsCapitalized(std::string_view w) {
  for (size_t i = 0; i < w.size();) {
    int len = 1;
    char32_t cp = Decode(w, i, &len);
    i += len;
    if (IsLetterCp(cp)) return IsUpperCp(cp);
  }
  return false;
}

void WordValues(std::string_view w, const Lexicon& lex, TokenValues* out, std::string* lower) {
  TokenValues& t = *out;
  t = TokenValues();
  t.word = HashBytes(w);
  NormalizeWord(w, lower);
  const std::string& low = *lower;
  t.lower = HashBytes(low);
  std::string shape;
  WordShape(w, false, &shape);
  t.shape = HashBytes(shape);
  WordShape(w, true, &shape);
  t.sshape = HashBytes(shape);
  int upper = 0;
  int letters = 0;
  for (size_t k = 0; k < w.size();) {
    int len = 1;
    char32_t cp = Decode(w, k, &len);
    k += len;
    ++t.len;
    if (IsLetterCp(cp)) {
      ++letters;
      if (IsUpperCp(cp)) ++upper;
      else if (letters == 1) t.cap = false;
      if (letters == 1 && IsUpperCp(cp)) t.cap = true;
    }
  }
  t.has_letter = letters > 0;
  t.upper_only = letters > 0 && upper == letters;
  if (size_t dot = w.find('.'); dot != std::string_view::npos && dot > 0 && dot + 2 < w.size()) {
    std::string_view after = w.substr(dot + 1);
    bool lower_after = false;
    bool alpha_after = true;
    for (char ch : after) {
      lower_after |= ch >= 'a' && ch <= 'z';
      alpha_after &= ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
    }
    t.dotted = lower_after && alpha_after;
  }
  t.allcaps = letters >= 2 && upper == letters;
  // Affixes of 1..4 code points: the starts of the first five and of the
  // last four code points of the lower-cased form are all that is needed.
  uint32_t first[5] = {0, 0, 0, 0, 0};
  uint32_t last[4] = {0, 0, 0, 0};  // ring: start of code point c at last[c % 4]
  size_t count = 0;
  for (size_t k = 0; k < low.size(); ++k) {
    if ((static_cast<unsigned char>(low[k]) & 0xC0) == 0x80) continue;
    if (count < 5) first[count] = static_cast<uint32_t>(k);
    last[count % 4] = static_cast<uint32_t>(k);
    ++count;
  }
  t.naffix = static_cast<int>(std::min<size_t>(4, count));
  for (int k = 0; k < t.naffix; ++k) {
    uint32_t pre_end = static_cast<size_t>(k + 1) < count ? first[k + 1] : static_cast<uint32_t>(low.size());
    t.pre[k] = HashBytes(std::string_view(low).substr(0, pre_end));
    uint32_t suf_start = last[(count - 1 - static_cast<size_t>(k)) % 4];
    t.suf[k] = HashBytes(std::string_view(low).substr(suf_start));
  }
  t.cluster = lex.clusters.Find(t.word);
  if (t.cluster == 0 && t.allcaps) {
    // Headlines: "JAPAN" takes the cluster of "Japan".
    std::string title(low);
    size_t k = 0;
    while (k < title.size() && static_cast<unsigned char>(title[k]) >= 0x80) ++k;
    if (k < title.size() && title[k] >= 'a' && title[k] <= 'z' && k == 0) title[0] = static_cast<char>(title[0] - 32);
    t.cluster = lex.clusters.Find(HashBytes(title));
  }
  if (t.cluster == 0) t.cluster = lex.clusters.Find(t.lower);
  t.casing = lex.casing.Find(t.lower);
}

void MarkGazetteer(const Lexicon& lex, size_t n, const std::string_view* lowers, TokenValues* info) {
  // Longest phrase per type wins; phrases are lower-case word sequences
  // joined by single spaces.
  if (lex.gazetteer.keys == nullptr || lex.gazetteer_max_words == 0) return;
  // Memory-bound: every phrase is a random probe into the table. All the
  // sentence's phrase hashes are computed and their slots prefetched first,
  // so the misses overlap; the matches are then applied in order.
  // Per-thread buffers: called for every sentence, allocating them each
  // time showed in profiles.
  // The phrases are slices of one string of the sentence's words joined by
  // spaces (from the first capitalised word on), built once: building each
  // phrase anew copied every word up to gazetteer_max_words times.
  thread_local std::string joined;
  thread_local std::vector<uint32_t> starts;  // word i at joined[starts[i]..]; starts[n] = end + 1
  thread_local std::vector<uint64_t> hashes;
  hashes.clear();
  size_t first_cap = 0;
  while (first_cap < n && !info[first_cap].cap) ++first_cap;
  if (first_cap == n) return;
  starts.resize(n + 1);
  uint32_t total = 0;
  for (size_t i = first_cap; i < n; ++i) {
    starts[i] = total;
    total += static_cast<uint32_t>(lowers[i].size() + 1);
  }
  starts[n] = total;
  if (joined.size() < total) joined.resize(total);  // never shrunk: growing zero-fills
  for (size_t i = first_cap; i < n; ++i) {
    const std::string_view w = lowers[i];
    char* dst = joined.data() + starts[i];
    // Words are short: a byte loop beats a call to memcpy.
    for (size_t k = 0; k < w.size(); ++k) dst[k] = w[k];
    dst[w.size()] = ' ';
  }
  const HashTableView& table = lex.gazetteer;
  for (size_t i = first_cap; i < n; ++i) {
    // Names start with a capital (or are in an all-caps headline).
    if (!info[i].cap) continue;
    size_t max_len = std::min<size_t>(lex.gazetteer_max_words, n - i);
    for (size_t l = 1; l <= max_len; ++l) {
      // Words i .. i+l-1 and the single spaces between them.
      const std::string_view phrase(joined.data() + starts[i], starts[i + l] - 1 - starts[i]);
      uint64_t h = HashBytes(phrase);
      __builtin_prefetch(table.keys + (static_cast<uint32_t>(h) & table.mask));
      hashes.push_back(h);
    }
  }
  size_t next = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!info[i].cap) continue;
    size_t max_len = std::min<size_t>(lex.gazetteer_max_words, n - i);
    for (size_t l = 1; l <= max_len; ++l) {
      uint32_t mask = table.Find(hashes[next++]);
      if (mask == 0) continue;
      for (int ty = 0; ty < 4; ++ty) {
        if ((mask & (1u << ty)) == 0) continue;
        // Keep an existing longer match.
        bool covered = false;
        for (size_t k = i; k < i + l; ++k) covered |= info[k].gaz[ty] != 0 && l == 1;
        if (covered) continue;
        if (l == 1) {
          info[i].gaz[ty] = 4;
        } else {
          info[i].gaz[ty] = 1;
          for (size_t k = i + 1; k + 1 < i + l; ++k) info[k].gaz[ty] = 2;
          info[i + l - 1].gaz[ty] = 3;
        }
      }
    }
  }
}

DocWord DocWordOf(std::string_view w, uint64_t lower_hash) {
  DocWord d;
  d.lower = lower_hash;
  d.nonempty = !w.empty();
  d.cap = IsCapitalized(w);
  bool letter = false;
  for (char c : w) letter |= ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  d.letter = letter;
  return d;
}

void DocContext::Add(const std::vector<std::string_view>& words) {
  std::string low;
  std::vector<DocWord> dw(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    NormalizeWord(words[i], &low);
    dw[i] = DocWordOf(words[i], HashBytes(low));
  }
  AddWords(dw.data(), dw.size());
}

void DocContext::AddWords(const DocWord* words, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const DocWord& w = words[i];
    if (!w.nonempty) continue;
    uint64_t h = w.lower;
    if (w.cap) {
      Word& d = Get(h);  // one lookup for the contexts and the flag
      auto& ctx = d.contexts;
      if (ctx.size() < 2 * kMaxContexts) {
        ctx.push_back(i > 0 ? words[i - 1].lower : 0x1111111111111111ULL);
        ctx.push_back(i + 1 < n ? words[i + 1].lower : 0x2222222222222222ULL);
      }
      if (i > 0) d.flags |= 2;
    } else if (w.letter) {
      // Lower-case somewhere: only counts for words that have letters.
      Get(h).flags |= 1;
    }
  }
}

void DocContext::Clear() {
  // Empties only the slots in use: clearing stays proportional to the
  // article, not to the largest article seen.
  for (size_t w = 0; w < used_; ++w) slots_[words_[w].slot] = Slot();
  used_ = 0;
}

void DocContext::Grow() {
  std::vector<Slot> bigger(slots_.empty() ? 256 : slots_.size() * 2);
  const uint32_t mask = static_cast<uint32_t>(bigger.size() - 1);
  for (size_t w = 0; w < used_; ++w) {
    uint32_t i = static_cast<uint32_t>(words_[w].key) & mask;
    while (bigger[i].index != 0) i = (i + 1) & mask;
    bigger[i] = Slot{words_[w].key, static_cast<uint32_t>(w + 1)};
    words_[w].slot = i;
  }
  slots_.swap(bigger);
}

DocContext::Word& DocContext::Get(uint64_t lower_hash) {
  if (2 * (used_ + 1) > slots_.size()) Grow();
  const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
  uint32_t i = static_cast<uint32_t>(lower_hash) & mask;
  for (;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.index == 0) break;
    if (s.key == lower_hash) return words_[s.index - 1];
  }
  if (used_ == words_.size()) words_.emplace_back();
  Word& w = words_[used_];
  w.flags = 0;
  w.contexts.clear();
  w.memo_owner = nullptr;
  w.key = lower_hash;
  w.slot = i;
  slots_[i] = Slot{lower_hash, static_cast<uint32_t>(++used_)};
  return w;
}

const std::vector<uint64_t>* DocContext::Contexts(uint64_t lower_hash) const {
  const Word* w = Find(lower_hash);
  return w == nullptr || w->contexts.empty() ? nullptr : &w->contexts;
}

uint32_t DocContext::Flags(uint64_t lower_hash) const {
  const Word* w = Find(lower_hash);
  return w == nullptr ? 0 : w->flags;
}

void FeatureExtractor::Extract(const std::vector<std::string_view>& words, const DocContext* doc,
                               SentenceFeatures* out) const {
  const size_t n = words.size();
  out->keys.clear();
  out->offsets.assign(1, 0);
  if (n == 0) return;
  std::vector<TokInfo>& info = out->values;
  info.assign(n, TokInfo());
  std::vector<std::string>& lowers = out->lowers;
  if (lowers.size() < n) lowers.resize(n);
  int caps_tokens = 0;
  int letter_tokens = 0;
  for (size_t i = 0; i < n; ++i) {
    TokInfo& t = info[i];
    WordValues(words[i], lex_, &t, &lowers[i]);
    t.doc = doc != nullptr ? doc->Flags(t.lower) : 0;
    if (t.has_letter) {
      ++letter_tokens;
      if (t.upper_only) ++caps_tokens;
    }
  }
  std::vector<std::string_view>& lower_views = out->lower_views;
  lower_views.assign(lowers.begin(), lowers.begin() + static_cast<long>(n));
  MarkGazetteer(lex_, n, lower_views.data(), info.data());
  const bool caps_sentence = letter_tokens >= 2 && caps_tokens * 2 > letter_tokens;

  auto lower_at = [&](long j) -> uint64_t {
    if (j < 0) return kBosHash;
    if (j >= static_cast<long>(n)) return kEosHash;
    return info[j].lower;
  };
  auto sshape_at = [&](long j) -> uint64_t {
    if (j < 0) return kBosHash;
    if (j >= static_cast<long>(n)) return kEosHash;
    return info[j].sshape;
  };
  auto cluster_at = [&](long j) -> uint64_t {
    if (j < 0) return kBosHash;
    if (j >= static_cast<long>(n)) return kEosHash;
    return info[j].cluster;
  };
  auto gaz_code = [&](long j) -> uint64_t {
    if (j < 0 || j >= static_cast<long>(n)) return 0;
    const uint8_t* g = info[j].gaz;
    return static_cast<uint64_t>(g[0] | (g[1] << 4) | (g[2] << 8) | (g[3] << 12));
  };
  out->keys.reserve(n * 48);
  for (size_t i = 0; i < n; ++i) {
    const TokInfo& t = info[i];
    auto& k = out->keys;
    const long j = static_cast<long>(i);
    k.push_back(FeatureKey(kBias, 0));
    k.push_back(FeatureKey(kWord, t.word));
    k.push_back(FeatureKey(kLower, t.lower));
    k.push_back(FeatureKey(kShape, t.shape));
    k.push_back(FeatureKey(kShortShape, t.sshape));
    for (int a = 0; a < t.naffix; ++a) {
      k.push_back(FeatureKey(kPrefix, t.pre[a], a));
      k.push_back(FeatureKey(kSuffix, t.suf[a], a));
    }
    k.push_back(FeatureKey(kLowerPrev, lower_at(j - 1)));
    k.push_back(FeatureKey(kLowerNext, lower_at(j + 1)));
    k.push_back(FeatureKey(kLowerPrev2, lower_at(j - 2)));
    k.push_back(FeatureKey(kLowerNext2, lower_at(j + 2)));
    k.push_back(FeatureKey(kShapePrev, sshape_at(j - 1)));
    k.push_back(FeatureKey(kShapeNext, sshape_at(j + 1)));
    k.push_back(FeatureKey(kShapePrevCur, sshape_at(j - 1), t.sshape));
    k.push_back(FeatureKey(kShapeCurNext, t.sshape, sshape_at(j + 1)));
    k.push_back(FeatureKey(kBigramPrev, lower_at(j - 1), t.lower));
    k.push_back(FeatureKey(kBigramNext, t.lower, lower_at(j + 1)));
    k.push_back(FeatureKey(kLowerPrevShape, lower_at(j - 1), t.sshape));
    k.push_back(FeatureKey(kLowerNextShape, t.sshape, lower_at(j + 1)));
    if (i == 0) {
      k.push_back(FeatureKey(kFirstShape, t.sshape));
      k.push_back(FeatureKey(kLowerFirst, t.lower));
    }
    k.push_back(FeatureKey(kWordPrev, j > 0 ? info[i - 1].word : kBosHash));
    k.push_back(FeatureKey(kWordNext, i + 1 < n ? info[i + 1].word : kEosHash));
    k.push_back(FeatureKey(kLowerPrevNext, lower_at(j - 1), lower_at(j + 1)));
    if (t.naffix >= 3) k.push_back(FeatureKey(kSuffixCap, t.suf[2], t.cap ? 1 : 0));
    if (t.cluster != 0) k.push_back(FeatureKey(kClusterWord, ClusterPrefix(t.cluster, 6), lower_at(j - 1)));
    k.push_back(FeatureKey(kLenShape, t.sshape, std::min(t.len, 12)));
    if (caps_sentence) {
      k.push_back(FeatureKey(kCapsSent, t.sshape));
      k.push_back(FeatureKey(kCapsSentLower, t.lower));
    }
    if (t.cluster != 0) {
      for (uint32_t bits : {4u, 6u, 10u, 20u}) k.push_back(FeatureKey(kCluster, ClusterPrefix(t.cluster, bits)));
    } else {
      k.push_back(FeatureKey(kCluster, 0));
    }
    for (uint32_t bits : {4u, 10u}) {
      k.push_back(FeatureKey(kClusterPrev, j > 0 ? ClusterPrefix(cluster_at(j - 1), bits) : kBosHash));
      k.push_back(FeatureKey(kClusterNext, j + 1 < static_cast<long>(n) ? ClusterPrefix(cluster_at(j + 1), bits) : kEosHash));
    }
    uint64_t capbits = (t.cap ? 1 : 0) | (t.allcaps ? 2 : 0) | (caps_sentence ? 4 : 0);
    k.push_back(FeatureKey(kCasing, t.casing, capbits));
    if (i == 0) k.push_back(FeatureKey(kCasingFirst, t.casing, capbits));
    k.push_back(FeatureKey(kDocCase, t.doc, capbits | (i == 0 ? 8 : 0)));
    uint64_t g = gaz_code(j);
    if (g != 0) {
      k.push_back(FeatureKey(kGaz, g));
      k.push_back(FeatureKey(kGazCap, g, capbits));
    }
    k.push_back(FeatureKey(kGazPrev, gaz_code(j - 1)));
    k.push_back(FeatureKey(kGazNext, gaz_code(j + 1)));
    if (t.cap && doc != nullptr) {
      if (const std::vector<uint64_t>* ctx = doc->Contexts(t.lower)) {
        for (size_t a = 0; a + 1 < ctx->size(); a += 2) {
          k.push_back(FeatureKey(kAggPrev, (*ctx)[a]));
          k.push_back(FeatureKey(kAggNext, (*ctx)[a + 1]));
        }
      }
    }
    if (t.dotted) {
      // "News.Az", "Amazon.com": names written like web domains.
      k.push_back(FeatureKey(kDotted, t.cap ? 1 : 0));
      k.push_back(FeatureKey(kDotted, lower_at(j + 1), 2));
    }
    bool prev_cap = i > 0 && info[i - 1].cap;
    bool next_cap = i + 1 < n && info[i + 1].cap;
    k.push_back(FeatureKey(kPrevCapNextCap, (prev_cap ? 1 : 0) | (next_cap ? 2 : 0) | (t.cap ? 4 : 0) | (i == 0 ? 8 : 0)));
    out->offsets.push_back(static_cast<uint32_t>(k.size()));
  }
}

}  // namespace annals::ner
