// GKG 2.1 export of an article's counts, for users with GDELT tooling.
// V2.1COUNTS (GDELT Global Knowledge Graph codebook 2.1) is a list of
// ';'-separated entries of '#'-separated fields:
//   TYPE#NUMBER#OBJECT#LOCTYPE#LOCFULLNAME#LOCCOUNTRYCODE#LOCADM1CODE#LOCLAT#LOCLONG#LOCFEATUREID#OFFSET
// annals has no geocoder: LOCTYPE is 0 (unknown) and the country code, ADM1
// code, coordinates and feature id are empty; LOCFULLNAME is the count's
// place as written by the entity stage. OFFSET is the character (code point)
// offset of the evidence in the text, as GDELT counts characters, not bytes.
// Thread-safe: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "facts/facts.h"

namespace annals {

// The V2.1COUNTS field for `counts` of the article `text` ("" if none).
// '#' and ';' inside victims or places are replaced by spaces so that the
// entry structure can always be parsed back.
std::string FormatGkgCounts(std::string_view text, const std::vector<Count>& counts);

}  // namespace annals
