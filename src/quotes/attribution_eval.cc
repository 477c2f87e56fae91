// Attribution scoring: see attribution_eval.h.
#include "quotes/attribution_eval.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

#include "core/ascii_case.h"

namespace annals {

namespace {

struct Pred {
  SpanSet content;
  const Quote* quote = nullptr;  // the first quotation of the group (its speaker)
};

uint64_t Length(const SpanSet& s) {
  uint64_t n = 0;
  for (const auto& [a, b] : s) n += b - a;
  return n;
}

uint64_t Overlap(const SpanSet& x, const SpanSet& y) {
  uint64_t n = 0;
  for (const auto& [a, b] : x)
    for (const auto& [c, d] : y) {
      const uint32_t lo = std::max(a, c), hi = std::min(b, d);
      if (hi > lo) n += hi - lo;
    }
  return n;
}

std::string Slice(std::string_view text, const SpanSet& s) {
  std::string r;
  for (const auto& [a, b] : s) {
    if (b > text.size() || a > b) continue;
    if (!r.empty()) r += ' ';
    r += text.substr(a, b - a);
  }
  return r;
}

bool SpeakerRight(const AnnotatedDoc& doc, const Quote& q, const SpanSet& source) {
  if (!q.speaker) return false;
  const Speaker& s = *q.speaker;
  if (s.mention_end > s.mention_start && Overlap({{s.mention_start, s.mention_end}}, source) > 0) return true;
  const std::string gold = AsciiLower(Slice(doc.doc.text, source));
  if (gold.empty()) return false;
  const std::string name = AsciiLower(s.name);
  if (!name.empty() && (name == gold || name.find(gold) != std::string::npos ||
                        (gold.find(name) != std::string::npos && name.size() >= 4)))
    return true;
  if (s.entity >= 0) {
    for (const EntityMention& m : doc.mentions)
      if (m.entity == s.entity && m.end <= doc.doc.text.size() &&
          AsciiLower(std::string_view(doc.doc.text).substr(m.start, m.end - m.start)) == gold)
        return true;
  }
  return false;
}

std::vector<Pred> Group(const AnnotatedDoc& doc, bool direct_only) {
  std::vector<Pred> out;
  std::map<std::pair<uint32_t, uint32_t>, size_t> by_cue;
  size_t last_direct = SIZE_MAX;  // group of the previous direct quotation
  for (const Quote& q : doc.quotes) {
    if (direct_only && q.kind != QuoteKind::kDirect) continue;
    // A direct quotation without a cue continuing the previous speaker is
    // part of the previous attribution.
    if (q.kind == QuoteKind::kDirect && q.cue.empty() && q.speaker && last_direct != SIZE_MAX) {
      const Quote* prev = out[last_direct].quote;
      if (prev->speaker && prev->speaker->mention_start == q.speaker->mention_start) {
        out[last_direct].content.emplace_back(q.start, q.end);
        continue;
      }
    }
    if (!q.cue.empty()) {
      auto [it, fresh] = by_cue.emplace(std::make_pair(q.cue_start, q.cue_end), out.size());
      if (!fresh) {
        out[it->second].content.emplace_back(q.start, q.end);
        if (q.kind == QuoteKind::kDirect) last_direct = it->second;
        continue;
      }
    }
    out.push_back(Pred{{{q.start, q.end}}, &q});
    if (q.kind == QuoteKind::kDirect) last_direct = out.size() - 1;
  }
  if (!direct_only) {
    // A fragment inside another prediction's content belongs to it.
    std::vector<Pred> kept;
    for (size_t i = 0; i < out.size(); ++i) {
      bool inside = false;
      if (out[i].quote->kind == QuoteKind::kFragment) {
        for (size_t j = 0; j < out.size() && !inside; ++j)
          if (j != i && Overlap(out[i].content, out[j].content) == Length(out[i].content)) inside = true;
      }
      if (!inside) kept.push_back(out[i]);
    }
    out.swap(kept);
  }
  return out;
}

AttributionScore Score(const AnnotatedDoc& doc, const std::vector<const BratAttribution*>& gold,
                       const std::vector<Pred>& pred) {
  AttributionScore s;
  s.gold = gold.size();
  s.predicted = pred.size();
  std::vector<bool> used(pred.size(), false);
  for (const BratAttribution* g : gold) {
    const uint64_t gl = Length(g->content);
    int best = -1;
    uint64_t best_ov = 0;
    for (size_t i = 0; i < pred.size(); ++i) {
      if (used[i]) continue;
      const uint64_t ov = Overlap(g->content, pred[i].content);
      if (ov * 2 >= std::max(gl, Length(pred[i].content)) && ov > best_ov) {
        best = static_cast<int>(i);
        best_ov = ov;
      }
    }
    if (best < 0) continue;
    used[best] = true;
    ++s.matched;
    if (!g->source.empty()) {
      ++s.speaker_scored;
      if (SpeakerRight(doc, *pred[best].quote, g->source)) ++s.speaker_correct;
    }
  }
  return s;
}

}  // namespace

void AttributionScore::Add(const AttributionScore& o) {
  gold += o.gold;
  predicted += o.predicted;
  matched += o.matched;
  speaker_scored += o.speaker_scored;
  speaker_correct += o.speaker_correct;
}

bool IsDirectContent(std::string_view text, const SpanSet& content) {
  if (content.empty()) return false;
  size_t i = content[0].first;
  const size_t e = std::min<size_t>(content[0].second, text.size());
  while (i < e && (text[i] == ' ' || text[i] == '\n')) ++i;
  if (i >= e) return false;
  const unsigned char c = text[i];
  if (c == '"' || c == '\'' || c == '`') return true;
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const unsigned char d = text[i + 2];
    return d == 0x9C || d == 0x98 || d == 0x9E;
  }
  return c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xAB;
}

DocScore ScoreAttributions(const AnnotatedDoc& doc, const std::vector<BratAttribution>& gold) {
  std::vector<const BratAttribution*> all, direct;
  for (const BratAttribution& g : gold) {
    all.push_back(&g);
    if (IsDirectContent(doc.doc.text, g.content)) direct.push_back(&g);
  }
  DocScore d;
  d.direct = Score(doc, direct, Group(doc, true));
  d.all = Score(doc, all, Group(doc, false));
  return d;
}

}  // namespace annals
