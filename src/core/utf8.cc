// UTF-8 validation, repair and decoding.
#include "core/utf8.h"

namespace annals {

namespace {
// Length of the valid sequence starting at s[i], or 0 if invalid there.
size_t ValidSeqLen(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const unsigned char c1 = s[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const unsigned char c1 = s[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 > 0x8F) return 0;
    return 4;
  }
  return 0;
}

// Bytes of a maximal invalid prefix starting at s[i] (at least 1).
size_t InvalidPrefixLen(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 1;
  size_t k = 1;
  while (k < need && i + k < s.size()) {
    const unsigned char ck = s[i + k];
    if ((ck & 0xC0) != 0x80) break;
    if (k == 1 && ((c == 0xE0 && ck < 0xA0) || (c == 0xED && ck > 0x9F) || (c == 0xF0 && ck < 0x90) ||
                   (c == 0xF4 && ck > 0x8F)))
      break;
    ++k;
  }
  return k;
}
}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t n = ValidSeqLen(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

size_t RepairUtf8(std::string* s) {
  if (IsValidUtf8(*s)) return 0;
  std::string out;
  out.reserve(s->size() + 16);
  size_t fixes = 0;
  size_t i = 0;
  const std::string_view v(*s);
  while (i < v.size()) {
    const size_t n = static_cast<unsigned char>(v[i]) < 0x80 ? 1 : ValidSeqLen(v, i);
    if (n > 0) {
      out.append(v.substr(i, n));
      i += n;
    } else {
      out.append("\xEF\xBF\xBD");
      ++fixes;
      i += InvalidPrefixLen(v, i);
    }
  }
  s->swap(out);
  return fixes;
}

char32_t DecodeUtf8(std::string_view s, size_t pos, int* len) {
  const unsigned char c = s[pos];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  const size_t n = ValidSeqLen(s, pos);
  *len = n == 0 ? 1 : static_cast<int>(n);
  switch (n) {
    case 2: return ((c & 0x1F) << 6) | (s[pos + 1] & 0x3F);
    case 3: return ((c & 0x0F) << 12) | ((s[pos + 1] & 0x3F) << 6) | (s[pos + 2] & 0x3F);
    case 4:
      return ((c & 0x07) << 18) | ((s[pos + 1] & 0x3F) << 12) | ((s[pos + 2] & 0x3F) << 6) | (s[pos + 3] & 0x3F);
    default: return 0xFFFD;
  }
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace annals
