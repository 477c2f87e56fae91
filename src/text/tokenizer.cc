// Tokenizer. First version: splits on whitespace and punctuation only; the
// text-core work replaces it with the full rule set described in tokenizer.h.
#include "text/tokenizer.h"

#include <cctype>

namespace annals {

void Tokenize(std::string_view text, std::vector<Token>* out) {
  out->clear();
  size_t i = 0;
  bool space_before = true;
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (std::isspace(c)) {
      space_before = true;
      ++i;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    if (std::isalnum(c) || c >= 0x80) {
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                                 static_cast<unsigned char>(text[i]) >= 0x80))
        ++i;
      t.kind = std::isdigit(c) ? TokenKind::kNumber : TokenKind::kWord;
    } else {
      ++i;
      t.kind = TokenKind::kPunct;
    }
    t.end = static_cast<uint32_t>(i);
    if (space_before) t.flags |= kTokSpaceBefore;
    if (std::isupper(c)) t.flags |= kTokCapitalized;
    space_before = false;
    out->push_back(t);
  }
}

}  // namespace annals
