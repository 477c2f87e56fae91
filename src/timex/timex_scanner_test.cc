// The timex scanner's word boundaries: words are found 8 bytes at a time, so
// words of every length around that block size, words running into the text
// end, into digits and punctuation, and words going on through non-ASCII
// letters must end exactly where a byte-at-a-time scan ends them.
#include "timex/timex_scanner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals::timex {
namespace {

struct Span {
  uint32_t b, e;
  TokKind kind;
  bool operator==(const Span&) const = default;
};

std::vector<Span> Spans(std::string_view text) {
  std::vector<Tok> toks;
  Scan(text, &toks);
  std::vector<Span> out;
  for (const Tok& t : toks) out.push_back({t.b, t.e, t.kind});
  return out;
}

// The words of `text` by the scanner's rule, one byte at a time: a run of
// ASCII letters and bytes >= 0x80 (none of the texts below hold U+2000..
// U+206F punctuation).
std::vector<std::pair<uint32_t, uint32_t>> ReferenceWords(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  auto in_word = [](unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80; };
  for (uint32_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!in_word(c) || (c >= '0' && c <= '9')) {
      ++i;
      continue;
    }
    uint32_t j = i;
    while (j < text.size() && in_word(static_cast<unsigned char>(text[j]))) ++j;
    out.emplace_back(i, j);
    i = j;
  }
  return out;
}

TEST(TimexScanner, WordsOfEveryLengthEndWhereTheyShould) {
  const std::string tails[] = {"", " ", ",", "7", ".x", "\xC3\xA9t\xC3\xA9", "-", "'s"};
  for (size_t len = 1; len <= 20; ++len) {
    for (const std::string& tail : tails) {
      for (const char* head : {"", "on ", "10 "}) {
        std::string word;
        for (size_t k = 0; k < len; ++k) word.push_back(static_cast<char>((k % 2 ? 'a' : 'Z') + (k % 2 ? k % 26 : 0)));
        const std::string text = head + word + tail;
        std::vector<std::pair<uint32_t, uint32_t>> words;
        for (const Span& s : Spans(text))
          if (s.kind == TokKind::kWord) words.emplace_back(s.b, s.e);
        EXPECT_EQ(words, ReferenceWords(text)) << "text \"" << text << "\"";
      }
    }
  }
}

TEST(TimexScanner, MixedText) {
  const std::string text = "On Tuesday,\nMarch 3rd 1987 at 10:35 a.m. the caf\xC3\xA9 opened";
  std::vector<std::pair<uint32_t, uint32_t>> words;
  for (const Span& s : Spans(text))
    if (s.kind == TokKind::kWord) words.emplace_back(s.b, s.e);
  EXPECT_EQ(words, ReferenceWords(text));
  const std::vector<Span> spans = Spans(text);
  ASSERT_GE(spans.size(), 3u);
  EXPECT_EQ(spans[0], (Span{0, 2, TokKind::kWord}));
  EXPECT_EQ(spans[1], (Span{3, 10, TokKind::kWord}));
  EXPECT_EQ(spans[2], (Span{10, 11, TokKind::kPunct}));
}

}  // namespace
}  // namespace annals::timex
