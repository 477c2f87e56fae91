// NER scoring (exact span match).
#include "ner/ner_eval.h"

#include <algorithm>
#include <cstdio>

#include "ner/model.h"
#include "ner/name_rules.h"

namespace annals::ner {

void NerScorer::Add(const std::vector<Span>& gold, const std::vector<Span>& pred) {
  auto key = [](const Span& s) { return std::make_tuple(s.begin, s.end, static_cast<int>(s.type)); };
  std::vector<Span> g = gold, p = pred;
  std::sort(g.begin(), g.end(), [&](const Span& a, const Span& b) { return key(a) < key(b); });
  std::sort(p.begin(), p.end(), [&](const Span& a, const Span& b) { return key(a) < key(b); });
  size_t i = 0, j = 0;
  while (i < g.size() || j < p.size()) {
    if (j == p.size() || (i < g.size() && key(g[i]) < key(p[j]))) {
      ++by_type_[static_cast<int>(g[i].type)].fn;
      ++overall_.fn;
      ++i;
    } else if (i == g.size() || key(p[j]) < key(g[i])) {
      ++by_type_[static_cast<int>(p[j].type)].fp;
      ++overall_.fp;
      ++j;
    } else {
      ++by_type_[static_cast<int>(g[i].type)].tp;
      ++overall_.tp;
      ++i;
      ++j;
    }
  }
}

std::string NerScorer::Report() const {
  std::string out;
  char buf[160];
  std::snprintf(buf, sizeof(buf), "%-8s %9s %9s %9s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "pred");
  out += buf;
  auto line = [&](std::string_view name, const PrfCounts& c) {
    std::snprintf(buf, sizeof(buf), "%-8.*s %9.4f %9.4f %9.4f %7llu %7llu\n", static_cast<int>(name.size()),
                  name.data(), c.Precision(), c.Recall(), c.F1(), static_cast<unsigned long long>(c.tp + c.fn),
                  static_cast<unsigned long long>(c.tp + c.fp));
    out += buf;
  };
  for (int t = 0; t < 4; ++t) line(ConllTypeName(static_cast<EntityType>(t)), by_type_[t]);
  line("overall", overall_);
  return out;
}

NerScorer EvaluateModel(const NerModel& model, const std::vector<ConllDocument>& docs) {
  NerScorer scorer;
  LabelScratch scratch;
  std::vector<std::string_view> words;
  std::vector<uint8_t> tags;
  for (const ConllDocument& d : docs) {
    DocContext ctx;
    for (const ConllSentence& s : d.sentences) {
      words.assign(s.words.begin(), s.words.end());
      ctx.Add(words);
    }
    // Label every sentence first: the name rules consult the whole document.
    std::vector<std::vector<uint8_t>> doc_tags(d.sentences.size());
    NameEvidence evidence;
    for (size_t k = 0; k < d.sentences.size(); ++k) {
      const ConllSentence& s = d.sentences[k];
      words.assign(s.words.begin(), s.words.end());
      model.Label(words, &ctx, &scratch, &doc_tags[k]);
      evidence.Add(words, doc_tags[k]);
    }
    for (size_t k = 0; k < d.sentences.size(); ++k) {
      const ConllSentence& s = d.sentences[k];
      words.assign(s.words.begin(), s.words.end());
      ApplyNameRules(words, model.lexicon(), evidence, &doc_tags[k]);
      scorer.Add(SpansFromIob(s.tags), SpansFromBilou(doc_tags[k]));
      scorer.AddTokens(words.size());
    }
  }
  return scorer;
}

}  // namespace annals::ner
