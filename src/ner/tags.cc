// BILOU/IOB conversions and the tag transition grammar.
#include "ner/tags.h"

#include <optional>

namespace annals::ner {

namespace {
constexpr std::string_view kConllNames[] = {"PER", "ORG", "LOC", "MISC"};
constexpr char kPartChar[] = {'O', 'B', 'I', 'L', 'U'};

std::optional<EntityType> ParseConllType(std::string_view s) {
  for (int i = 0; i < 4; ++i)
    if (s == kConllNames[i]) return static_cast<EntityType>(i);
  return ParseEntityType(s);
}
}  // namespace

std::string_view ConllTypeName(EntityType t) { return kConllNames[static_cast<int>(t)]; }

std::string TagName(int tag) {
  if (tag == kTagO) return "O";
  std::string s(1, kPartChar[static_cast<int>(PartOf(tag))]);
  s += '-';
  s += ConllTypeName(TypeOf(tag));
  return s;
}

std::vector<Span> SpansFromIob(const std::vector<std::string>& tags) {
  std::vector<Span> out;
  bool open = false;
  Span cur;
  for (size_t i = 0; i < tags.size(); ++i) {
    std::string_view t = tags[i];
    char prefix = 'O';
    std::optional<EntityType> type;
    if (t.size() > 2 && t[1] == '-' && (t[0] == 'B' || t[0] == 'I' || t[0] == 'E' || t[0] == 'S' ||
                                         t[0] == 'L' || t[0] == 'U')) {
      type = ParseConllType(t.substr(2));
      if (type) prefix = t[0];
    }
    bool starts = false;
    bool continues = false;
    if (prefix != 'O') {
      bool same = open && cur.type == *type;
      if (prefix == 'B' || prefix == 'S' || prefix == 'U' || !same) starts = true;
      else continues = true;
    }
    if (open && !continues) {
      cur.end = static_cast<uint32_t>(i);
      out.push_back(cur);
      open = false;
    }
    if (starts) {
      cur = Span{static_cast<uint32_t>(i), 0, *type};
      open = true;
    }
    // E-/L-/S-/U- close the chunk right after this token.
    if (open && (prefix == 'E' || prefix == 'L' || prefix == 'S' || prefix == 'U')) {
      cur.end = static_cast<uint32_t>(i + 1);
      out.push_back(cur);
      open = false;
    }
  }
  if (open) {
    cur.end = static_cast<uint32_t>(tags.size());
    out.push_back(cur);
  }
  return out;
}

std::vector<uint8_t> BilouFromSpans(const std::vector<Span>& spans, size_t n) {
  std::vector<uint8_t> tags(n, kTagO);
  for (const Span& s : spans) {
    if (s.end > n || s.begin >= s.end) continue;
    if (s.end - s.begin == 1) {
      tags[s.begin] = static_cast<uint8_t>(MakeTag(TagPart::kU, s.type));
      continue;
    }
    tags[s.begin] = static_cast<uint8_t>(MakeTag(TagPart::kB, s.type));
    for (uint32_t i = s.begin + 1; i + 1 < s.end; ++i) tags[i] = static_cast<uint8_t>(MakeTag(TagPart::kI, s.type));
    tags[s.end - 1] = static_cast<uint8_t>(MakeTag(TagPart::kL, s.type));
  }
  return tags;
}

std::vector<Span> SpansFromBilou(const std::vector<uint8_t>& tags) {
  std::vector<Span> out;
  bool open = false;
  Span cur;
  for (size_t i = 0; i < tags.size(); ++i) {
    TagPart p = PartOf(tags[i]);
    EntityType t = TypeOf(tags[i]);
    bool continues = open && t == cur.type && (p == TagPart::kI || p == TagPart::kL);
    if (open && !continues) {
      cur.end = static_cast<uint32_t>(i);
      out.push_back(cur);
      open = false;
    }
    if (p == TagPart::kO) continue;
    if (!continues) {
      cur = Span{static_cast<uint32_t>(i), 0, t};
      open = true;
    }
    if (p == TagPart::kL || p == TagPart::kU) {
      cur.end = static_cast<uint32_t>(i + 1);
      out.push_back(cur);
      open = false;
    }
  }
  if (open) {
    cur.end = static_cast<uint32_t>(tags.size());
    out.push_back(cur);
  }
  return out;
}

bool TransitionAllowed(int a, int b) {
  bool a_inside = a >= 0 && (PartOf(a) == TagPart::kB || PartOf(a) == TagPart::kI);
  if (b < 0) return !a_inside;
  TagPart pb = PartOf(b);
  bool b_continues = pb == TagPart::kI || pb == TagPart::kL;
  if (a_inside) return b_continues && TypeOf(a) == TypeOf(b);
  return !b_continues;
}

}  // namespace annals::ner
