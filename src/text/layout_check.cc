// TextLayout integrity check (contract in layout_check.h).
#include "text/layout_check.h"

#include <string>

#include "core/utf8.h"
#include "text/char_class.h"

namespace annals {
namespace {

Status Broken(const char* what, size_t index) {
  return Status::Internal(std::string(what) + " at " + std::to_string(index));
}

// True if [from, to) holds only characters the tokenizer skips.
bool OnlySpace(std::string_view text, size_t from, size_t to) {
  while (from < to) {
    int len;
    const CharClass k = ClassAt(text, from, &len);
    if (!IsSpaceClass(k)) return false;
    from += static_cast<size_t>(len);
  }
  return true;
}

}  // namespace

Status CheckTextLayout(std::string_view text, const TextLayout& layout) {
  const auto& tokens = layout.tokens;
  const bool valid = IsValidUtf8(text);
  size_t prev_end = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.start >= t.end) return Broken("empty token", k);
    if (t.end > text.size()) return Broken("token past the text end", k);
    if (t.start < prev_end) return Broken("token overlaps or is out of order", k);
    if (!OnlySpace(text, prev_end, t.start)) return Broken("non-space bytes dropped before token", k);
    if (text.substr(t.start, t.end - t.start).find('\n') != std::string_view::npos)
      return Broken("token holds a line break", k);
    if (valid && (!IsUtf8Boundary(text, t.start) || !IsUtf8Boundary(text, t.end)))
      return Broken("token not on a UTF-8 boundary", k);
    prev_end = t.end;
  }
  if (!OnlySpace(text, prev_end, text.size())) return Broken("non-space bytes dropped after the last token", tokens.size());

  const auto& paras = layout.paragraphs;
  size_t pk = 0;  // token index walking the paragraphs
  for (size_t p = 0; p < paras.size(); ++p) {
    if (paras[p].start >= paras[p].end) return Broken("empty paragraph", p);
    if (p > 0 && paras[p].start < paras[p - 1].end) return Broken("paragraph overlaps or is out of order", p);
    if (pk >= tokens.size() || tokens[pk].start != paras[p].start) return Broken("paragraph does not start at a token", p);
    if (!tokens[pk].has(kTokParaStart)) return Broken("first token of a paragraph lacks kTokParaStart", pk);
    ++pk;
    while (pk < tokens.size() && tokens[pk].end <= paras[p].end) {
      if (tokens[pk].has(kTokParaStart)) return Broken("kTokParaStart inside a paragraph", pk);
      ++pk;
    }
    if (tokens[pk - 1].end != paras[p].end) return Broken("paragraph does not end at a token", p);
  }
  if (pk != tokens.size()) return Broken("tokens outside every paragraph", pk);

  const auto& sents = layout.sentences;
  uint32_t next_token = 0;
  for (size_t s = 0; s < sents.size(); ++s) {
    const Sentence& x = sents[s];
    if (x.token_begin != next_token) return Broken("sentences skip or repeat tokens", s);
    if (x.token_end <= x.token_begin || x.token_end > tokens.size()) return Broken("sentence token range invalid", s);
    if (x.start != tokens[x.token_begin].start || x.end != tokens[x.token_end - 1].end)
      return Broken("sentence span does not match its tokens", s);
    if (x.paragraph >= paras.size()) return Broken("sentence paragraph index out of range", s);
    if (s > 0 && x.paragraph < sents[s - 1].paragraph) return Broken("sentence paragraph index decreases", s);
    if (x.start < paras[x.paragraph].start || x.end > paras[x.paragraph].end)
      return Broken("sentence crosses its paragraph", s);
    next_token = x.token_end;
  }
  if (next_token != tokens.size()) return Broken("sentences do not cover all tokens", next_token);
  return Status::Ok();
}

}  // namespace annals
