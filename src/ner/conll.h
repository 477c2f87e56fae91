// CoNLL NER files: one token per line ("word [pos chunk] tag"), a blank line
// between sentences, "-DOCSTART-" lines between documents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace annals::ner {

struct ConllSentence {
  std::vector<std::string> words;  // the tokens, first column
  std::vector<std::string> tags;   // the NER labels, last column (IOB1/IOB2)
};

struct ConllDocument {
  std::vector<ConllSentence> sentences;  // in file order, none empty
};

// Parses CoNLL text; `name` is used in error messages ("name:line: ...").
// A line with fewer than two columns is an error. Text without -DOCSTART-
// lines is one document.
Result<std::vector<ConllDocument>> ParseConll(std::string_view text, std::string_view name);

// Reads and parses a CoNLL file.
Result<std::vector<ConllDocument>> ReadConll(const std::string& path);

// Number of tokens in `docs`.
size_t CountTokens(const std::vector<ConllDocument>& docs);

}  // namespace annals::ner
