// Corrections applied after the statistical labeller, for name forms the
// CoNLL-2003 training data (1996 newswire) barely contains. Used by both the
// pipeline stage and `annals eval ner`, so the measured F1 is that of what
// annals outputs.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace annals::ner {

// Whether `word` is written like a web domain used as a name: a capitalised
// word, then one or more ".part" groups of 2+ letters with a lower-case letter
// somewhere after the first dot ("News.Az", "Amazon.com"; not "U.S.", "J.P.").
bool IsWebStyleName(std::string_view word);

// Adjusts BILOU `tags` of `words` in place: a web-style name left outside any
// entity, or tagged alone as a person or place, becomes a one-word ORG.
void ApplyNameRules(const std::vector<std::string_view>& words, std::vector<uint8_t>* tags);

}  // namespace annals::ner
