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

// Calls on_break(pos, type, line_closed) for every whitespace run holding a
// '\n' that has text on both sides; pos is the run's first '\n'.
template <typename F>
void ForEachLineBreak(std::string_view text, F on_break) {
  const char* base = text.data();
  const size_t n = text.size();
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
    const BreakType type = newlines >= 2 ? BreakType::kBlank : indent ? BreakType::kIndent : BreakType::kSingle;
    on_break(nl, type, before);
  }
}

}  // namespace

bool IsHardWrapped(std::string_view text) {
  size_t singles = 0;
  size_t open_singles = 0;
  ForEachLineBreak(text, [&](size_t, BreakType type, size_t line_end) {
    if (type != BreakType::kSingle) return;
    ++singles;
    if (!LineEndsClosed(text, line_end)) ++open_singles;
  });
  return open_singles >= 2 && open_singles * 2 > singles;
}

void ForEachParagraphCut(std::string_view text, const std::function<void(size_t)>& on_cut) {
  // One pass collects the breaks (up to kKept of them, enough for most
  // articles) while counting the wrap statistics; a second pass is needed
  // only for longer texts.
  constexpr size_t kKept = 256;
  struct Kept {
    size_t pos;
    BreakType type;
  };
  Kept kept[kKept];
  size_t nbreaks = 0;
  size_t singles = 0;
  size_t open_singles = 0;
  ForEachLineBreak(text, [&](size_t pos, BreakType type, size_t line_end) {
    if (nbreaks < kKept) kept[nbreaks] = {pos, type};
    ++nbreaks;
    if (type != BreakType::kSingle) return;
    ++singles;
    if (!LineEndsClosed(text, line_end)) ++open_singles;
  });
  const bool wrapped = open_singles >= 2 && open_singles * 2 > singles;
  if (nbreaks <= kKept) {
    for (size_t i = 0; i < nbreaks; ++i)
      if (kept[i].type != BreakType::kSingle || !wrapped) on_cut(kept[i].pos);
    return;
  }
  ForEachLineBreak(text, [&](size_t pos, BreakType type, size_t) {
    if (type != BreakType::kSingle || !wrapped) on_cut(pos);
  });
}

void FindParagraphCuts(std::string_view text, std::vector<size_t>* cuts) {
  cuts->clear();
  ForEachParagraphCut(text, [cuts](size_t pos) { cuts->push_back(pos); });
}

}  // namespace annals
