// Paragraph segmentation from line structure (rules in paragraph_splitter.h).
// One memchr-driven pass over the line breaks; no per-byte work elsewhere.
#include "text/paragraph_splitter.h"

#include <cstring>

namespace annals {
namespace {

inline bool IsHSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// True if the line ending just before `end` (exclusive, trailing spaces
// already skipped) ends with sentence or clause punctuation.
bool LineEndsClosed(std::string_view s, size_t end) {
  if (end == 0) return true;
  const unsigned char c = static_cast<unsigned char>(s[end - 1]);
  if (c < 0x80) return std::strchr(".!?:;\"')]", c) != nullptr && c != 0;
  // Multi-byte closers: ” ’ … (E2 80 9D/99/A6), » (C2 BB), 。(E3 80 82).
  if (end >= 3 && static_cast<unsigned char>(s[end - 3]) == 0xE2 &&
      static_cast<unsigned char>(s[end - 2]) == 0x80 && (c == 0x9D || c == 0x99 || c == 0xA6))
    return true;
  if (end >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xC2 && c == 0xBB) return true;
  if (end >= 3 && static_cast<unsigned char>(s[end - 3]) == 0xE3 &&
      static_cast<unsigned char>(s[end - 2]) == 0x80 && c == 0x82)
    return true;
  return false;
}

enum class BreakType : unsigned char { kBlank, kIndent, kSingle };

struct LineBreak {
  size_t pos;      // offset of the first '\n' of the whitespace run
  BreakType type;  // what kind of break the run is
};

}  // namespace

void FindParagraphCuts(std::string_view text, std::vector<size_t>* cuts) {
  cuts->clear();
  const char* base = text.data();
  const size_t n = text.size();
  std::vector<LineBreak> breaks;
  size_t singles = 0;
  size_t open_singles = 0;
  size_t pos = 0;
  while (pos < n) {
    const void* hit = std::memchr(base + pos, '\n', n - pos);
    if (hit == nullptr) break;
    const size_t nl = static_cast<size_t>(static_cast<const char*>(hit) - base);
    size_t before = nl;
    while (before > 0 && IsHSpace(static_cast<unsigned char>(base[before - 1]))) --before;
    size_t after = nl;
    size_t newlines = 0;
    bool indent = false;
    while (after < n) {
      const unsigned char c = static_cast<unsigned char>(base[after]);
      if (c == '\n') {
        ++newlines;
        indent = false;
      } else if (c == ' ' || c == '\t') {
        indent = true;
      } else if (!IsHSpace(c)) {
        break;
      }
      ++after;
    }
    pos = after;
    if (before == 0 || after >= n) continue;  // leading or trailing whitespace: no paragraph between
    BreakType type = newlines >= 2 ? BreakType::kBlank : indent ? BreakType::kIndent : BreakType::kSingle;
    if (type == BreakType::kSingle) {
      ++singles;
      if (!LineEndsClosed(text, before)) ++open_singles;
    }
    breaks.push_back({nl, type});
  }
  const bool wrapped = open_singles >= 2 && open_singles * 2 > singles;
  for (const LineBreak& b : breaks) {
    if (b.type != BreakType::kSingle || !wrapped) cuts->push_back(b.pos);
  }
}

}  // namespace annals
