// Whitespace normalisation for short one-line values (names, titles, error
// messages) taken from text that may wrap: the NER's surface forms and the
// SGML reader's titles both need exactly this.
#pragma once

#include <string>
#include <string_view>

namespace annals {

// `s` with every run of spaces, tabs and line breaks made one space, and
// none at either end ("  Sabina\n  Aliyeva " -> "Sabina Aliyeva").
std::string CollapseWhitespace(std::string_view s);

}  // namespace annals
