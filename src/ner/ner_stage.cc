// The NER pipeline stage and the default model lookup.
#include "ner/ner_stage.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <filesystem>

#include "ner/entity_resolver.h"
#include "ner/name_rules.h"
#include "ner/speaker_labels.h"
#include "ner/tags.h"

#ifndef ANNALS_MODEL_DIR
#define ANNALS_MODEL_DIR ""
#endif

namespace annals::ner {

namespace {

// Longest run of words labelled at once: bounds the decoder's memory on
// pathological text (a 1 MB article without a sentence end).
constexpr size_t kMaxWords = 400;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Byte length of a quote mark or bracket at the start (or end) of `s`, 0 if none.
size_t QuoteAt(std::string_view s, bool at_end) {
  static constexpr std::string_view kMarks[] = {"\"", "'", "(", ")", "[", "]", "\u201C", "\u201D", "\u2018",
                                                "\u2019", "\u00AB", "\u00BB", "\u201E"};
  // Most words start and end with a letter or digit, which no mark does.
  if (s.size() <= 1) return 0;
  unsigned char edge = static_cast<unsigned char>(at_end ? s.back() : s.front());
  if ((edge >= '0' && edge <= '9') || ((edge | 0x20) >= 'a' && (edge | 0x20) <= 'z')) return 0;
  // Nor with any byte other than the marks' first (last) bytes: most other
  // tokens with a punctuation edge (",", "--", "$") are out without the
  // thirteen compares.
  switch (edge) {
    case '"': case '\'': case '(': case ')': case '[': case ']':
      break;
    case 0xE2: case 0xC2:  // first bytes of the UTF-8 marks
      if (at_end) return 0;
      break;
    case 0x98: case 0x99: case 0x9C: case 0x9D: case 0x9E: case 0xAB: case 0xBB:  // their last bytes
      if (!at_end) return 0;
      break;
    default:
      return 0;
  }
  for (std::string_view m : kMarks) {
    if (s.size() > m.size() && (at_end ? EndsWith(s, m) : s.substr(0, m.size()) == m)) return m.size();
  }
  return 0;
}

}  // namespace

void SentenceWords(std::string_view text, const TextLayout& layout, uint32_t begin, uint32_t end,
                   std::vector<WordSpan>* out) {
  out->clear();
  for (uint32_t i = begin; i < end; ++i) {
    const Token& t = layout.tokens[i];
    uint32_t start = t.start;
    uint32_t stop = t.end;
    // Most tokens start and end with an ASCII letter or digit and do not
    // end in s: no quote mark, apostrophe or possessive to split off (every
    // rule below needs one of those), so the token is one word.
    if (stop > start) {
      const unsigned char first = static_cast<unsigned char>(text[start]);
      const unsigned char last = static_cast<unsigned char>(text[stop - 1]);
      const auto alnum = [](unsigned char c) {
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      };
      if (alnum(first) && alnum(last) && (last | 0x20) != 's') {
        out->push_back({start, stop});
        continue;
      }
    }
    // A possessive the tokenizer cut in two ("Moscow" "'" "s"): one word "'s".
    if (i + 1 < end && i > begin && layout.tokens[i - 1].end == t.start && layout.tokens[i + 1].start == t.end) {
      std::string_view q = t.text(text);
      std::string_view s = layout.tokens[i + 1].text(text);
      if ((q == "'" || q == "\u2019") && (s == "s" || s == "S")) {
        out->push_back({t.start, layout.tokens[i + 1].end});
        ++i;
        continue;
      }
    }
    std::string_view whole = t.text(text);
    if (whole == "'s" || whole == "'S" || whole == "\u2019s" || whole == "\u2019S") {  // a split-off possessive
      out->push_back({start, stop});
      continue;
    }
    // Quote marks glued to a word ("“It", "humanity’") become words of their own.
    while (size_t q = QuoteAt(text.substr(start, stop - start), false)) {
      out->push_back({start, static_cast<uint32_t>(start + q)});
      start += static_cast<uint32_t>(q);
    }
    std::vector<WordSpan> tail;
    std::string_view w = text.substr(start, stop - start);
    // (Possessives end in s or S: most words are out after one byte.)
    if (t.kind == TokenKind::kWord && w.size() > 2 && (w.back() == 's' || w.back() == 'S')) {
      size_t cut = 0;
      if (w.size() > 2 && (EndsWith(w, "'s") || EndsWith(w, "'S"))) cut = 2;
      else if (w.size() > 4 && (EndsWith(w, "\u2019s") || EndsWith(w, "\u2019S"))) cut = 4;
      if (cut > 0) {
        out->push_back({start, static_cast<uint32_t>(stop - cut)});
        out->push_back({static_cast<uint32_t>(stop - cut), stop});
        continue;
      }
    }
    while (size_t q = QuoteAt(text.substr(start, stop - start), true)) {
      tail.push_back({static_cast<uint32_t>(stop - q), stop});
      stop -= static_cast<uint32_t>(q);
    }
    out->push_back({start, stop});
    if (!tail.empty()) out->insert(out->end(), tail.rbegin(), tail.rend());
  }
}

void NerStage::Run(AnnotatedDoc* doc) const {
  const std::string_view text = doc->doc.text;
  const TextLayout& layout = doc->layout;
  doc->mentions.clear();
  doc->entities.clear();
  std::unique_ptr<Scratch> scratch = Borrow();
  LabelScratch* label = &scratch->label;
  // Words of every sentence, cut into pieces of at most kMaxWords:
  // piece k is words [piece_ends[k-1], piece_ends[k]).
  std::vector<WordSpan>& spans = scratch->spans;
  std::vector<WordSpan>& sentence = scratch->sentence;
  std::vector<uint32_t>& piece_ends = scratch->piece_ends;
  spans.clear();
  piece_ends.clear();
  for (const Sentence& s : layout.sentences) {
    SentenceWords(text, layout, s.token_begin, s.token_end, &sentence);
    for (size_t i = 0; i < sentence.size(); i += kMaxWords) {
      size_t end = std::min(sentence.size(), i + kMaxWords);
      spans.insert(spans.end(), sentence.begin() + static_cast<long>(i), sentence.begin() + static_cast<long>(end));
      piece_ends.push_back(static_cast<uint32_t>(spans.size()));
    }
  }
  std::vector<std::string_view>& views = scratch->views;
  views.resize(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) views[i] = text.substr(spans[i].start, spans[i].end - spans[i].start);
  // One cache lookup per word for the whole document.
  std::vector<uint32_t>& ids = scratch->ids;
  if (!reference_) model_->ResolveWords(views.data(), views.size(), label, &ids);
  DocContext& ctx = label->doc;
  ctx.Clear();
  std::vector<DocWord>& doc_words = scratch->doc_words;
  std::vector<std::string_view>& piece_views = scratch->piece_views;
  uint32_t begin = 0;
  for (uint32_t end : piece_ends) {
    if (reference_) {
      piece_views.assign(views.begin() + begin, views.begin() + end);
      ctx.Add(piece_views);
    } else {
      doc_words.resize(end - begin);
      for (uint32_t i = begin; i < end; ++i) doc_words[i - begin] = label->scorer.doc_word(ids[i]);
      ctx.AddWords(doc_words.data(), doc_words.size());
    }
    begin = end;
  }
  if (!reference_) model_->PrepareContext(&ctx, label);
  // Label every piece first: the name rules consult the whole document.
  std::vector<uint8_t>& tags = scratch->tags;
  std::vector<uint8_t>& all_tags = scratch->all_tags;
  all_tags.clear();
  NameEvidence evidence;
  begin = 0;
  for (uint32_t end : piece_ends) {
    piece_views.assign(views.begin() + begin, views.begin() + end);
    if (reference_) {
      model_->LabelReference(piece_views, &ctx, label, &tags);
    } else {
      model_->LabelResolved(ids.data() + begin, end - begin, &ctx, label, &tags);
    }
    evidence.Add(piece_views, tags);
    all_tags.insert(all_tags.end(), tags.begin(), tags.end());
    begin = end;
  }
  begin = 0;
  for (uint32_t end : piece_ends) {
    piece_views.assign(views.begin() + begin, views.begin() + end);
    tags.assign(all_tags.begin() + begin, all_tags.begin() + end);
    ApplyNameRules(piece_views, model_->lexicon(), evidence, &tags);
    for (const Span& sp : SpansFromBilou(tags)) {
      EntityMention m;
      m.start = spans[begin + sp.begin].start;
      m.end = spans[begin + sp.end - 1].end;
      m.type = sp.type;
      // A mention must contain a letter or digit (never bare punctuation).
      bool alnum = false;
      for (uint32_t k = m.start; k < m.end && !alnum; ++k) {
        unsigned char c = static_cast<unsigned char>(text[k]);
        alnum = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      }
      if (alnum) doc->mentions.push_back(m);
    }
    begin = end;
  }
  Return(std::move(scratch));
  ApplySpeakerLabels(text, &doc->mentions);
  ResolveEntities(text, &doc->mentions, &doc->entities);
}

std::unique_ptr<NerStage::Scratch> NerStage::Borrow() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (pool_.empty()) return std::make_unique<Scratch>();
  std::unique_ptr<Scratch> s = std::move(pool_.back());
  pool_.pop_back();
  return s;
}

void NerStage::Return(std::unique_ptr<Scratch> s) const {
  std::lock_guard<std::mutex> lock(mu_);
  pool_.push_back(std::move(s));
}

Result<std::string> DefaultModelPath() {
  std::vector<std::string> tried;
  auto exists = [](const std::string& p) {
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec);
  };
  if (const char* env = std::getenv("ANNALS_NER_MODEL"); env != nullptr && *env != '\0') {
    if (exists(env)) return std::string(env);
    return Status::NotFound(std::string("$ANNALS_NER_MODEL names ") + env + ", which does not exist");
  }
  char buf[PATH_MAX];
  ssize_t len = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (len > 0) {
    std::filesystem::path dir = std::filesystem::path(std::string(buf, static_cast<size_t>(len))).parent_path();
    for (const auto& p : {dir / "ner.model", dir / ".." / "share" / "annals" / "ner.model"}) {
      tried.push_back(p.string());
      if (exists(p.string())) return p.string();
    }
  }
  std::string src = std::string(ANNALS_MODEL_DIR);
  if (!src.empty()) {
    std::string p = src + "/ner.model";
    tried.push_back(p);
    if (exists(p)) return p;
  }
  std::string msg = "no NER model found (give --ner-model or set $ANNALS_NER_MODEL); tried:";
  for (const auto& t : tried) msg += " " + t;
  return Status::NotFound(msg);
}

}  // namespace annals::ner
