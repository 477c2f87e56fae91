// The two steps of matching a phrase, shared by the scoring path
// (search.cc's PhraseScorer) and the counting path (count.cc's
// PhraseMatcher), which differ only in what their per-term cursors carry
// (a TermScorer or a bare TermMatcher).
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/status.h"
#include "index/segment.h"

namespace annals::index::internal {

// The first doc >= target that every term's cursor holds (leapfrog: each
// cursor jumps to the furthest doc seen so far), or kEndDoc. Leaves every
// cursor at or after that doc. `Term` has uint32_t NextGeq(uint32_t).
template <typename Term>
uint32_t AlignAll(std::vector<std::unique_ptr<Term>>& terms, uint32_t target) {
  while (true) {
    const uint32_t d = terms[0]->NextGeq(target);
    if (d == kEndDoc) return kEndDoc;
    bool all = true;
    for (size_t i = 1; i < terms.size() && all; i++) {
      const uint32_t di = terms[i]->NextGeq(d);
      if (di != d) {
        target = di;
        all = false;
      }
    }
    if (all) return d;
    if (target == kEndDoc) return kEndDoc;
  }
}

// With every cursor on the same doc: true if some position p holds term i
// at p + i for every i. `pos` is scratch space kept by the caller; a
// positions read error goes to `*status` and answers false. `Term` has
// PostingsCursor& cursor().
template <typename Term>
bool InSequence(std::vector<std::unique_ptr<Term>>& terms, std::vector<std::vector<uint32_t>>* pos, Status* status) {
  pos->resize(terms.size());
  for (size_t i = 0; i < terms.size(); i++) {
    Status s = terms[i]->cursor().Positions(&(*pos)[i]);
    if (!s.ok()) {
      *status = s;
      return false;
    }
  }
  for (uint32_t p : (*pos)[0]) {
    bool ok = true;
    for (size_t i = 1; i < terms.size() && ok; i++) {
      ok = std::binary_search((*pos)[i].begin(), (*pos)[i].end(), p + static_cast<uint32_t>(i));
    }
    if (ok) return true;
  }
  return false;
}

}  // namespace annals::index::internal
