// Index-path snippets (index_snippet.h).
#include "search/index_snippet.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "search/byte_masks.h"
#include "index/analyzer.h"
#include "index/porter_stemmer.h"

namespace annals {

namespace {

// The analyzer's view of non-ASCII code points (token character? folded
// to?), remembered per code point: utf8proc's tables were most of the
// time of a scan over an article with many accented letters or curly quotes.
class FoldCache {
 public:
  struct Slot {
    char32_t cp = 0xFFFFFFFF;  // no code point
    char32_t fold = 0;         // FoldCodePoint inside a token (0: dropped)
    bool token = false;        // IsTokenChar or IsDiacriticMark: continues a token
    bool starts = false;       // IsTokenChar: starts one
    uint8_t enc_len = 0;
    char enc[4] = {};          // UTF-8 of fold
  };
  const Slot& Lookup(char32_t cp) {
    Slot& s = slots_[cp & (kSlots - 1)];
    if (s.cp != cp) {
      s.cp = cp;
      s.starts = index::IsTokenChar(cp);
      s.token = s.starts || index::IsDiacriticMark(cp);
      s.fold = s.token ? index::FoldCodePoint(cp) : 0;
      s.enc_len = 0;
      if (s.fold) {
        std::string enc;
        AppendUtf8(s.fold, &enc);
        s.enc_len = static_cast<uint8_t>(std::min<size_t>(enc.size(), sizeof(s.enc)));
        std::memcpy(s.enc, enc.data(), s.enc_len);
      }
    }
    last_ = &s;
    return s;
  }
  // Sets *fold (0: a dropped diacritic); false if `cp` ends a token.
  bool Get(char32_t cp, char32_t* fold) {
    const Slot& s = Lookup(cp);
    *fold = s.fold;
    return s.token;
  }
  // The UTF-8 bytes of the last Get's fold.
  std::string_view encoded() const { return {last_->enc, last_->enc_len}; }

 private:
  static constexpr size_t kSlots = 256;
  Slot slots_[kSlots];
  const Slot* last_ = nullptr;
};

// True if the token characters of `text` from byte `i` on fold (as the
// analyzer folds them) to a string that starts with `key`, or that `key`
// starts with where the key ends inside a code point (a StemPrefixKey may
// cut one).
bool FoldsToKey(std::string_view text, size_t i, std::string_view key, FoldCache* cache) {
  size_t j = 0;
  while (j < key.size()) {
    if (i >= text.size()) return false;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!index::internal::IsAsciiAlnum(c)) return false;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      if (c != static_cast<unsigned char>(key[j])) return false;
      ++i;
      ++j;
      continue;
    }
    int len = 1;
    const char32_t cp = DecodeUtf8(text, i, &len);
    char32_t f;
    if (!cache->Get(cp, &f)) return false;
    i += static_cast<size_t>(len);
    if (!f) continue;  // a dropped diacritic
    const std::string_view enc = cache->encoded();
    for (size_t m = 0; m < enc.size() && j < key.size(); ++m, ++j) {
      if (enc[m] != key[j]) return false;
    }
  }
  return true;
}

// Whether the folded token `term` is marked: the first key that starts it
// decides, by the stem of the term (IndexSnippet's rule since e02f8cf).
bool Marked(std::string_view term, const std::vector<std::string_view>& keys, const IndexPlan& plan,
            std::string* stem) {
  for (std::string_view k : keys) {
    if (term.size() < k.size() || (!k.empty() && term[0] != k[0]) || term.compare(0, k.size(), k) != 0) continue;
    index::PorterStem(term, stem);
    bool hit = std::find(plan.mark_terms.begin(), plan.mark_terms.end(), *stem) != plan.mark_terms.end();
    for (const std::string& p : plan.mark_prefixes) hit = hit || stem->compare(0, p.size(), p) == 0;
    return hit;
  }
  return false;
}

char AsciiLower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

}  // namespace

void AppendSnippetTokens(std::string_view text, size_t from, size_t to, const std::vector<std::string_view>& keys,
                         const IndexPlan& plan, std::vector<SnippetToken>* toks) {
  const std::string_view sub = text.substr(from, to - from);
  // Tokens as index::Analyze cuts them, but only a token that may start with
  // a key is folded into a string and checked: building every token's
  // folded string was most of a rare word's request at 1M articles (perf).
  // Runs of ASCII separators and of ASCII letters and digits are crossed
  // with the byte masks; bytes >= 0x80 go through the analyzer's tables.
  std::array<bool, 256> first{};
  bool any_empty = false;
  for (std::string_view k : keys) {
    if (k.empty()) any_empty = true;
    else first[static_cast<unsigned char>(k[0])] = true;
  }
  // A memo of pure functions of the code point: kept across calls (filling
  // its 256 empty slots was a sixth of a short article's tokenising).
  thread_local FoldCache cache;
  std::string folded, stem;
  const size_t n = sub.size();
  const auto* p = reinterpret_cast<const unsigned char*>(sub.data());
  thread_local ByteMasks masks;
  masks.Build(p, n);
  size_t i = 0;
  while (i < n) {
    i = masks.NextNonSeparator(i);  // past ASCII separators
    if (i >= n) break;
    unsigned char c = p[i];
    if (c >= 0x80) {
      int len = 1;
      const char32_t cp = DecodeUtf8(sub, i, &len);
      if (!cache.Lookup(cp).starts) {
        i += static_cast<size_t>(len);
        continue;
      }
    }
    const size_t start = i;
    bool ascii = true;
    while (i < n) {
      i = masks.NextNonAlnum(i);  // past ASCII letters and digits
      if (i >= n) break;
      c = p[i];
      if (c < 0x80) {
        break;  // an ASCII separator
      } else {
        int len = 1;
        const char32_t cp = DecodeUtf8(sub, i, &len);
        if (!cache.Lookup(cp).token) break;
        ascii = false;
        i += static_cast<size_t>(len);
      }
    }
    bool hit = false;
    if (any_empty || !ascii || first[static_cast<unsigned char>(AsciiLower(static_cast<unsigned char>(sub[start])))]) {
      folded.clear();
      for (size_t j = start; j < i;) {
        c = static_cast<unsigned char>(sub[j]);
        if (c < 0x80) {
          folded.push_back(AsciiLower(c));
          j++;
        } else {
          int len = 1;
          const char32_t cp = DecodeUtf8(sub, j, &len);
          const auto& sl = cache.Lookup(cp);
          folded.append(sl.enc, sl.enc_len);
          j += static_cast<size_t>(len);
        }
      }
      hit = Marked(folded, keys, plan, &stem);
    }
    toks->push_back(SnippetToken{static_cast<uint32_t>(from + start), static_cast<uint32_t>(from + i), hit});
  }
}

size_t FirstPossibleMatch(std::string_view text, size_t from, const std::vector<std::string_view>& keys, bool vector) {
  for (std::string_view k : keys) {
    if (k.empty()) return from < text.size() ? from : std::string_view::npos;
  }
  // Bytes worth a closer look: the keys' first letters in either case, and
  // the lead bytes of characters that may fold to a key's first byte.
  std::array<uint8_t, 256> look{};
  for (std::string_view k : keys) {
    const unsigned char c = static_cast<unsigned char>(k[0]);
    if (c >= 0x80) {
      for (int b = 0xC0; b < 256; ++b) look[b] = 1;  // any character may fold to it
      continue;
    }
    look[c] = 1;
    if (c >= 'a' && c <= 'z') look[c - 'a' + 'A'] = 1;
    for (unsigned char b : kLeadsFoldingToAscii) look[b] = 1;
  }
  thread_local FoldCache cache;  // as AppendSnippetTokens'
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto matches_at = [&](size_t i) {
    for (std::string_view k : keys) {
      if (FoldsToKey(text, i, k, &cache)) return true;
    }
    return false;
  };
  size_t i = from;
#if defined(__SSE2__)
  // 16 bytes at a time: the look-at ASCII bytes compared for equality, every
  // lead byte >= 0xC0 (a superset of the non-ASCII ones looked at) taken to
  // the table. A byte loop was a tenth of a rare word's request (perf).
  unsigned char ascii[8];
  int n_ascii = 0;
  bool few = vector;
  for (int b = 0; b < 0x80 && few; ++b) {
    if (!look[b]) continue;
    if (n_ascii == 8) few = false;
    else ascii[n_ascii++] = static_cast<unsigned char>(b);
  }
  if (few) {
    __m128i eq[8];
    for (int j = 0; j < n_ascii; ++j) eq[j] = _mm_set1_epi8(static_cast<char>(ascii[j]));
    const __m128i lead = _mm_set1_epi8(static_cast<char>(0xC0));
    for (; i + 16 <= text.size(); i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      __m128i m = _mm_cmpeq_epi8(_mm_and_si128(v, lead), lead);
      for (int j = 0; j < n_ascii; ++j) m = _mm_or_si128(m, _mm_cmpeq_epi8(v, eq[j]));
      for (unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(m)); bits != 0; bits &= bits - 1) {
        const size_t at = i + static_cast<size_t>(__builtin_ctz(bits));
        if (look[p[at]] && matches_at(at)) return at;
      }
    }
  }
#endif
  for (; i < text.size(); ++i) {
    if (!look[p[i]]) continue;  // (continuation bytes never: a character is looked at from its lead byte)
    if (matches_at(i)) return i;
  }
  return std::string_view::npos;
}

void IndexSnippet(std::string_view text, const IndexPlan& plan, int tokens, std::string* out,
                  std::vector<Highlight>* hl, bool skip_ahead) {
  std::vector<SnippetToken> toks;
  // Stemming every word of the article was a fifth of the server's CPU under
  // load; a word can only stem to a marked term (or to one starting with a
  // marked prefix) if it starts with that term's StemPrefixKey, so only those
  // few words are stemmed.
  std::vector<std::string_view> keys;
  for (const std::string& t : plan.mark_terms) keys.push_back(index::StemPrefixKey(t));
  for (const std::string& p : plan.mark_prefixes) keys.push_back(index::StemPrefixKey(p));
  const size_t n = static_cast<size_t>(std::clamp(tokens, 1, 64));
  size_t first_hit = SIZE_MAX, last_hit = SIZE_MAX;
  auto tokenise = [&](size_t from, size_t to) {
    const size_t before = toks.size();
    AppendSnippetTokens(text, from, to, keys, plan, &toks);
    for (size_t i = before; i < toks.size(); ++i) {
      if (!toks[i].hit) continue;
      if (first_hit == SIZE_MAX) first_hit = i;
      last_hit = i;
    }
  };
  // A long article (some run to 100 KB) is read in chunks, and no further
  // than a window past its first match: the window is the best one in the
  // part read, and an early match spares tokenising the rest (20 hits of a
  // 100 KB article took 34 ms). With `skip_ahead`, once a window's worth of
  // tokens is read and no match yet, a chunk no word of which can match is
  // not tokenised, and one that may hold a match is tokenised from a little
  // before that place; its tokens are kept only if it does hold one with at
  // least n - 1 tokens before it (else read from further back), so no window
  // reaching back over skipped text can hold a match, every window the
  // loops below weigh is one of the whole text's, and the chunk ends are
  // the same: the same answer (a 104 KB article whose one match is 80 KB
  // in: 80 KB tokenised before, ~1 KB now).
  constexpr size_t kChunk = 16 << 10;
  constexpr std::string_view kSpace = " \n\t\r";
  auto chunk_end = [&](size_t from) {
    size_t to = std::min(text.size(), from + kChunk);
    if (to < text.size()) to = std::min(text.size(), text.find_first_of(kSpace, to));  // npos: the end
    return to;
  };
  // A chunk (text[a, to), `to` a chunk end) is tokenised a piece at a time
  // with `skip_ahead`; once a match is among the tokens and no word of the
  // rest of the chunk can match (FirstPossibleMatch, bounded by `to`), only
  // n + 1 tokens past the last match are read: every window holding a match
  // lies within them, and the windows past them (no match) can neither win
  // nor, with tokens left after the chosen window either way, change its
  // "…" or its end — the answer of reading the whole chunk, for a fraction of
  // its tokens (a match early in a long chunk had the rest of it tokenised).
  constexpr size_t kPiece = 1024;
  auto tokenise_chunk = [&](size_t a, size_t to) {
    if (!skip_ahead) return tokenise(a, to);
    const std::string_view upto = text.substr(0, to);
    size_t possible = 0;
    bool possible_known = false;
    for (size_t pos = a; pos < to;) {
      if (first_hit != SIZE_MAX) {
        if (!possible_known || (possible != std::string_view::npos && possible < pos)) {
          possible = FirstPossibleMatch(upto, pos, keys);
          possible_known = true;
        }
        if (possible == std::string_view::npos && toks.size() > last_hit + n) return;
      }
      const size_t end = pos + kPiece >= to ? to : std::min(to, upto.find_first_of(kSpace, pos + kPiece));
      tokenise(pos, end);
      pos = end;
    }
  };
  bool complete = false;
  size_t read_to = 0;  // the tokens kept are those of text [0, read_to), bar skipped gaps
  // The window of an article without a match is its first n tokens: read a
  // short prefix, and if it holds more than n tokens and no match, the rest
  // of the first chunk may be skipped as any other.
  // A prefix holding a match is the start of the first chunk's tokens (it
  // ends at a space): the chunk is read on from its end.
  constexpr size_t kPrefix = 512;  // 64 tokens (the most a window has) of ~8 bytes
  size_t first_from = 0;
  if (skip_ahead && text.size() > kPrefix) {
    const size_t p0 = text.find_first_of(kSpace, kPrefix);
    const size_t to = chunk_end(0);
    if (p0 < to) {
      tokenise(0, p0);
      if (first_hit == SIZE_MAX && toks.size() > n) {
        read_to = p0;
      } else if (first_hit != SIZE_MAX) {
        tokenise_chunk(p0, to);
        read_to = first_from = to;
        complete = to == text.size();
      } else {
        toks.clear();
      }
    }
  }
  size_t backup = 512;  // bytes tokenised before a possible match (x4 while too few)
  size_t possible = 0;   // FirstPossibleMatch from max(from, read_to)
  bool possible_known = false;
  for (size_t from = first_from; !complete && (first_hit == SIZE_MAX || toks.size() < first_hit + n);) {
    const size_t to = chunk_end(from);
    // More than n tokens: the window without a match ends before the text's
    // last token, as when every chunk is read.
    if (!(skip_ahead && first_hit == SIZE_MAX && toks.size() > n)) {
      tokenise_chunk(from, to);
      read_to = to;
      complete = to == text.size();
      from = to;
      continue;
    }
    if (!possible_known) {
      possible = FirstPossibleMatch(text, std::max(from, read_to), keys);
      possible_known = true;
    }
    if (possible == std::string_view::npos) break;  // no match in the rest: the window is at the start
    if (possible >= to) {  // nothing in this chunk can match
      from = to;
      continue;
    }
    size_t start = read_to;
    if (possible > read_to + backup) {
      const size_t ws = text.find_last_of(kSpace, possible - backup);
      if (ws != std::string_view::npos && ws > read_to) start = ws;
    }
    const size_t before = toks.size();
    tokenise_chunk(start, to);
    if (start > read_to && (first_hit == SIZE_MAX || first_hit - before < n - 1)) {
      // No match after all, or too few tokens before it to rule out windows
      // over the gap: drop these tokens, then look further on or back.
      toks.resize(before);
      if (first_hit == SIZE_MAX) {
        from = to;
        possible_known = false;
      } else {
        first_hit = last_hit = SIZE_MAX;
        backup *= 4;
      }
      continue;
    }
    read_to = to;
    complete = to == text.size();
    from = to;
    possible_known = false;
  }
  out->clear();
  if (toks.empty()) return;
  const size_t w = std::min(n, toks.size());
  size_t best = 0, best_hits = 0, hits = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    hits += toks[i].hit;
    if (i >= w) hits -= toks[i - w].hit;
    if (i + 1 >= w && hits > best_hits) {
      best_hits = hits;
      best = i + 1 - w;
    }
  }
  if (best_hits > 0) {
    size_t first = best;
    while (!toks[first].hit) ++first;
    const size_t lead = std::min(first - best, w / 4);
    best = first >= lead ? first - lead : 0;
    best = std::min(best, toks.size() - w);
  }
  const size_t last = best + w - 1;
  const uint32_t from = best == 0 ? 0 : toks[best].begin;
  const uint32_t to = complete && last + 1 == toks.size() ? static_cast<uint32_t>(text.size()) : toks[last].end;
  if (best > 0) *out += "…";
  const uint32_t base = static_cast<uint32_t>(out->size());
  out->append(text.substr(from, to - from));
  if (last + 1 < toks.size() || !complete) *out += "…";
  for (size_t i = best; i <= last; ++i) {
    if (toks[i].hit) hl->push_back(Highlight{base + toks[i].begin - from, base + toks[i].end - from});
  }
  for (char& ch : *out)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
}

}  // namespace annals
