// CSV and GKG 2.1 rows of one stored article.
#include "search/export_format.h"

#include <cstdio>
#include <set>

namespace annals {

namespace {

void CsvField(std::string_view v, std::string* out) {
  const bool quote = v.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char c : v) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// GKG fields are delimited by tab, ';', '#', ',' and '|': replace them (and
// newlines) inside values.
std::string GkgClean(std::string_view v) {
  std::string out;
  for (char c : v) out.push_back(c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '#' || c == '|' ? ' ' : c);
  return out;
}

// Code points before byte offset `byte` of `text`.
uint32_t CharOffset(const std::string& text, uint32_t byte) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < byte && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  return n;
}

std::string Names(const AnnotatedDoc& d, EntityType t) {
  std::string out;
  std::set<std::string> seen;
  for (const Entity& e : d.entities) {
    if (e.type != t || !seen.insert(e.canonical).second) continue;
    if (!out.empty()) out += "; ";
    out += e.canonical;
  }
  return out;
}

}  // namespace

void AppendCsvHeader(std::string* out) {
  *out += "id,date,title,source,url,language,persons,organizations,locations,counts,quotes\n";
}

void AppendCsvRow(const AnnotatedDoc& d, std::string* out) {
  const Document& doc = d.doc;
  // Named: a temporary from ToIso() would die before the loop body reads it
  // (ASan: stack-use-after-scope).
  const std::string date = doc.date.ToIso();
  for (std::string_view v : {std::string_view(doc.id), std::string_view(date), std::string_view(doc.title),
                             std::string_view(doc.source), std::string_view(doc.url), std::string_view(doc.language)}) {
    CsvField(v, out);
    out->push_back(',');
  }
  CsvField(Names(d, EntityType::kPerson), out);
  out->push_back(',');
  CsvField(Names(d, EntityType::kOrg), out);
  out->push_back(',');
  CsvField(Names(d, EntityType::kLocation), out);
  out->push_back(',');
  *out += std::to_string(d.counts.size());
  out->push_back(',');
  *out += std::to_string(d.quotes.size());
  out->push_back('\n');
}

void AppendGkgHeader(std::string* out) {
  *out +=
      "GKGRECORDID\tV2.1DATE\tV2SOURCECOLLECTIONIDENTIFIER\tV2SOURCECOMMONNAME\tV2DOCUMENTIDENTIFIER\tV1COUNTS\t"
      "V2.1COUNTS\tV1THEMES\tV2ENHANCEDTHEMES\tV1LOCATIONS\tV2ENHANCEDLOCATIONS\tV1PERSONS\tV2ENHANCEDPERSONS\t"
      "V1ORGANIZATIONS\tV2ENHANCEDORGANIZATIONS\tV1.5TONE\tV2.1ENHANCEDDATES\tV2GCAM\tV2.1SHARINGIMAGE\t"
      "V2.1RELATEDIMAGES\tV2.1SOCIALIMAGEEMBEDS\tV2.1SOCIALVIDEOEMBEDS\tV2.1QUOTATIONS\tV2.1ALLNAMES\t"
      "V2.1AMOUNTS\tV2.1TRANSLATIONINFO\tV2EXTRASXML\n";
}

void AppendGkgRow(const AnnotatedDoc& d, std::string* out) {
  const Document& doc = d.doc;
  const std::string& text = doc.text;
  std::string cols[27];
  cols[0] = GkgClean(doc.id);
  if (doc.date.precision != DatePrecision::kMissing) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d000000", doc.date.year, doc.date.month, doc.date.day);
    cols[1] = buf;
  }
  cols[2] = doc.url.empty() ? "" : "1";  // 1 = WEB (the identifier is a URL)
  cols[3] = GkgClean(doc.source);
  cols[4] = GkgClean(doc.url.empty() ? doc.id : doc.url);
  // Counts: CountType#Number#ObjectType#LocType#LocName#Country#ADM1#Lat#Long#FeatureID (#Offset in 2.1).
  for (const Count& c : d.counts) {
    std::string block = std::string(CountTypeName(c.type)) + "#" + std::to_string(c.number) + "#" +
                        GkgClean(c.victims) + "#" + (c.place.empty() ? "" : "0") + "#" + GkgClean(c.place) +
                        "#####";
    if (!cols[5].empty()) cols[5] += ";";
    cols[5] += block;
    if (!cols[6].empty()) cols[6] += ";";
    cols[6] += block + "#" + std::to_string(CharOffset(text, c.start));
  }
  // Entities: V1 lists names; V2 enhanced lists name,offset for every mention.
  auto add_entities = [&](EntityType t, int v1, int v2) {
    std::set<std::string> seen;
    for (const EntityMention& m : d.mentions) {
      if (m.type != t || m.entity < 0 || static_cast<size_t>(m.entity) >= d.entities.size()) continue;
      const std::string name = GkgClean(d.entities[m.entity].canonical);
      if (t == EntityType::kLocation) {
        // Type#FullName#Country#ADM1#(ADM2#)Lat#Long#FeatureID(#Offset); no geocoding: type 0.
        if (seen.insert(name).second) {
          if (!cols[v1].empty()) cols[v1] += ";";
          cols[v1] += "0#" + name + "#####";
        }
        if (!cols[v2].empty()) cols[v2] += ";";
        cols[v2] += "0#" + name + "######" + std::to_string(CharOffset(text, m.start));
        continue;
      }
      if (seen.insert(name).second) {
        if (!cols[v1].empty()) cols[v1] += ";";
        cols[v1] += name;
      }
      if (!cols[v2].empty()) cols[v2] += ";";
      cols[v2] += name + "," + std::to_string(CharOffset(text, m.start));
    }
  };
  add_entities(EntityType::kLocation, 9, 10);
  add_entities(EntityType::kPerson, 11, 12);
  add_entities(EntityType::kOrg, 13, 14);
  // Enhanced dates: Resolution#Month#Day#Year#Offset (1 year, 2 month, 3 month+day, 4 full date).
  for (const TimeExpr& t : d.times) {
    if (t.type != TimexType::kDate) continue;
    const std::string& v = t.value;
    int res = 0, y = 0, m = 0, day = 0;
    if (v.size() >= 10 && std::sscanf(v.c_str(), "%4d-%2d-%2d", &y, &m, &day) == 3) res = 4;
    else if (v.size() == 7 && std::sscanf(v.c_str(), "%4d-%2d", &y, &m) == 2) res = 2;
    else if (v.size() == 4 && std::sscanf(v.c_str(), "%4d", &y) == 1) res = 1;
    else if (v.size() == 10 && std::sscanf(v.c_str(), "XXXX-%2d-%2d", &m, &day) == 2) res = 3;
    if (res == 0) continue;
    if (!cols[16].empty()) cols[16] += ";";
    cols[16] += std::to_string(res) + "#" + std::to_string(m) + "#" + std::to_string(day) + "#" + std::to_string(y) +
                "#" + std::to_string(CharOffset(text, t.start));
  }
  // Quotations: Offset|Length|Verb|Quote, blocks separated by '#'.
  for (const Quote& q : d.quotes) {
    if (q.end > text.size() || q.start > q.end) continue;
    const std::string quote = GkgClean(std::string_view(text).substr(q.start, q.end - q.start));
    if (!cols[22].empty()) cols[22] += "#";
    cols[22] += std::to_string(CharOffset(text, q.start)) + "|" +
                std::to_string(CharOffset(text, q.end) - CharOffset(text, q.start)) + "|" + GkgClean(q.cue) + "|" +
                quote;
  }
  for (int i = 0; i < 27; ++i) {
    if (i) out->push_back('\t');
    *out += cols[i];
  }
  out->push_back('\n');
}

}  // namespace annals
