// Export row formats for Archive::Export: CSV (one row per article, RFC 4180)
// and GDELT GKG 2.1 (tab-separated, the 27 columns of the GKG 2.1 codebook;
// annals fills V1/V2.1 Counts, Persons, Organizations, Locations, Enhanced
// Dates and Quotations and leaves themes, tone, GCAM, images etc. empty).
// GKG character offsets are counted in Unicode code points, as GDELT does;
// annals' byte offsets are converted.
#pragma once

#include <string>

#include "facts/annotated_doc.h"

namespace annals {

void AppendCsvHeader(std::string* out);
void AppendCsvRow(const AnnotatedDoc& doc, std::string* out);
void AppendGkgHeader(std::string* out);
void AppendGkgRow(const AnnotatedDoc& doc, std::string* out);

}  // namespace annals
