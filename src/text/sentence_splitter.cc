// Sentence and paragraph splitting. First version: paragraphs at blank lines,
// sentences after . ! ?; the text-core work replaces it with the full rules.
#include "text/sentence_splitter.h"

#include "text/tokenizer.h"

namespace annals {

void SplitParagraphs(std::string_view text, std::vector<Paragraph>* out) {
  out->clear();
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    size_t j = text.find("\n\n", i);
    if (j == std::string_view::npos) j = text.size();
    size_t e = j;
    while (e > i && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\n' || text[e - 1] == '\t')) --e;
    out->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e)});
    i = j;
  }
}

void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<Paragraph>& paragraphs, std::vector<Sentence>* out) {
  out->clear();
  size_t p = 0;
  Sentence cur;
  bool open = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    while (p + 1 < paragraphs.size() && t.start >= paragraphs[p].end) ++p;
    if (open && cur.paragraph != p) {
      out->push_back(cur);
      open = false;
    }
    if (!open) {
      cur = Sentence{t.start, t.end, static_cast<uint32_t>(k), static_cast<uint32_t>(k + 1), static_cast<uint32_t>(p)};
      open = true;
    }
    cur.end = t.end;
    cur.token_end = static_cast<uint32_t>(k + 1);
    const std::string_view s = t.text(text);
    if (s == "." || s == "!" || s == "?") {
      out->push_back(cur);
      open = false;
    }
  }
  if (open) out->push_back(cur);
}

void AnalyzeText(std::string_view text, TextLayout* out) {
  Tokenize(text, &out->tokens);
  SplitParagraphs(text, &out->paragraphs);
  SplitSentences(text, out->tokens, out->paragraphs, &out->sentences);
}

}  // namespace annals
