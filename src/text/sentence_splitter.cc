// Sentence splitting over tokens (rules in sentence_splitter.h) and the
// paragraph spans derived from the tokenizer's kTokParaStart marks. The
// decision at each candidate boundary looks at the mark, the closers after it
// and the one token after those: linear in the number of tokens.
#include "text/sentence_splitter.h"

#include <algorithm>

#include "text/abbreviations.h"
#include "text/char_class.h"
#include "text/tokenizer.h"

namespace annals {
namespace {

// What kind of sentence-final mark a token is.
enum class Terminal : uint8_t {
  kNone,
  kPeriod,    // "."
  kStrong,    // ! ? runs, 。 ！ ？ and the like
  kEllipsis,  // ... . . . …
  kAbbrev,    // a word carrying its abbreviation period (Mr. U.S. etc.)
};

inline Terminal TerminalOf(std::string_view text, const Token& t) {
  if (t.kind == TokenKind::kWord) return t.has(kTokAbbrev) ? Terminal::kAbbrev : Terminal::kNone;
  if (t.kind != TokenKind::kPunct) return Terminal::kNone;
  const unsigned char c = static_cast<unsigned char>(text[t.start]);
  if (c < 0x80 && c != '.' && c != '!' && c != '?') return Terminal::kNone;
  if (c == '.') return t.end - t.start == 1 ? Terminal::kPeriod : Terminal::kEllipsis;
  if (c == '!' || c == '?') return Terminal::kStrong;
  if (c >= 0x80 && !t.has(kTokQuote)) {
    int len;
    const CharClass k = ClassAt(text, t.start, &len);
    if (k == CharClass::kTerminal) return Terminal::kStrong;
    if (k == CharClass::kEllipsis) return Terminal::kEllipsis;
  }
  return Terminal::kNone;
}

// A closing quote or closing bracket: stays with the sentence it follows.
bool IsCloser(std::string_view text, const Token& t) {
  if (t.kind != TokenKind::kPunct || t.has(kTokClitic)) return false;
  if (t.has(kTokQuote)) return !t.has(kTokOpenQuote);
  const unsigned char c = static_cast<unsigned char>(text[t.start]);
  if (c == ')' || c == ']' || c == '}') return true;
  if (c < 0x80) return false;
  int len;
  return ClassAt(text, t.start, &len) == CharClass::kCloseBracket;
}

// How the abbreviation token `t` (ending in '.') behaves at a boundary.
AbbrevClass AbbrevClassOf(std::string_view text, const Token& t) {
  const std::string_view w = text.substr(t.start, t.end - t.start - 1);
  const AbbrevClass listed = LookupAbbreviation(w);
  if (listed != AbbrevClass::kNone) return listed;
  return AbbrevClass::kEnding;  // initialisms (U.S.) and initials (J.)
}

// After an ambiguous abbreviation: does `next` clearly open a new sentence?
// ALL-CAPS words do not count: in headlines "U.S. TO RAISE" goes on. After a
// title (`strong`), only words that cannot be a name count.
bool OpensSentence(std::string_view text, const Token& next, bool strong) {
  if (next.kind != TokenKind::kWord || !next.has(kTokCapitalized) || next.has(kTokAbbrev) ||
      next.has(kTokAllCaps))
    return !strong && next.has(kTokOpenQuote);
  return strong ? IsStrongSentenceStarter(next.text(text)) : IsSentenceStarter(next.text(text));
}

// Does the sentence go on after a terminal mark, given the token after it?
bool Continues(std::string_view text, const Token& next) {
  if (next.has(kTokLower) && next.kind == TokenKind::kWord) return true;
  if (next.has(kTokClitic)) return true;
  if (next.kind == TokenKind::kPunct && !next.has(kTokQuote)) {
    const char c = text[next.start];
    return c == ',' || c == ';' || c == ':';
  }
  return false;
}

}  // namespace

void ParagraphsFromTokens(const std::vector<Token>& tokens, std::vector<Paragraph>* out) {
  out->clear();
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (k == 0 || tokens[k].has(kTokParaStart)) {
      out->push_back({tokens[k].start, tokens[k].end});
    } else {
      out->back().end = tokens[k].end;
    }
  }
}

void SplitParagraphs(std::string_view text, std::vector<Paragraph>* out) {
  std::vector<Token> tokens;
  TokenizeWithParagraphs(text, &tokens, out);
}

void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<Paragraph>& paragraphs, std::vector<Sentence>* out) {
  out->clear();
  const size_t n = tokens.size();
  size_t p = 0;  // current paragraph index
  size_t tb = 0;
  auto emit = [&](size_t b, size_t e) {
    out->push_back(Sentence{tokens[b].start, tokens[e - 1].end, static_cast<uint32_t>(b),
                            static_cast<uint32_t>(e), static_cast<uint32_t>(p)});
  };
  while (tb < n) {
    // Paragraph p holds the tokens that start before its end (the last paragraph takes the rest).
    while (p + 1 < paragraphs.size() && tokens[tb].start >= paragraphs[p].end) ++p;
    size_t te = n;
    if (p + 1 < paragraphs.size()) {
      const uint32_t pend = paragraphs[p].end;
      te = static_cast<size_t>(std::partition_point(tokens.begin() + static_cast<ptrdiff_t>(tb) + 1, tokens.end(),
                                                    [pend](const Token& t) { return t.start < pend; }) -
                               tokens.begin());
    }
    size_t sent = tb;
    size_t k = tb;
    while (k < te) {
      const Terminal term = TerminalOf(text, tokens[k]);
      if (term == Terminal::kNone) {
        ++k;
        continue;
      }
      size_t m = k + 1;
      while (m < te) {
        const Token& t = tokens[m];
        const Terminal tt = TerminalOf(text, t);
        if (!IsCloser(text, t) && tt != Terminal::kPeriod && tt != Terminal::kStrong && tt != Terminal::kEllipsis)
          break;
        ++m;
      }
      if (m >= te) break;  // the paragraph end closes the sentence
      const Token& next = tokens[m];
      bool boundary;
      if (term == Terminal::kAbbrev && m == k + 1) {
        switch (AbbrevClassOf(text, tokens[k])) {
          case AbbrevClass::kNumberPrefix:
          case AbbrevClass::kInline: boundary = false; break;
          case AbbrevClass::kTitle: boundary = OpensSentence(text, next, /*strong=*/true); break;
          default: boundary = OpensSentence(text, next, /*strong=*/false);
        }
      } else if (term == Terminal::kEllipsis && m == k + 1) {
        boundary = next.has(kTokOpenQuote) || (next.has(kTokCapitalized) && next.kind == TokenKind::kWord);
      } else {
        boundary = !Continues(text, next);
      }
      if (boundary) {
        emit(sent, m);
        sent = m;
      }
      k = m;
    }
    if (sent < te) emit(sent, te);
    tb = te;
  }
}

void AnalyzeText(std::string_view text, TextLayout* out) {
  TokenizeWithParagraphs(text, &out->tokens, &out->paragraphs);
  SplitSentences(text, out->tokens, out->paragraphs, &out->sentences);
  for (const Sentence& s : out->sentences) out->tokens[s.token_begin].flags |= kTokSentStart;
}

}  // namespace annals
