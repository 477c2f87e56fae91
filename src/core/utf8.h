// UTF-8 helpers: validation with repair (invalid bytes become U+FFFD) and
// decoding one code point at a byte offset. Hot paths decode ASCII inline and
// call DecodeUtf8 only for bytes >= 0x80.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace annals {

// Returns true if `s` is entirely valid UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// Replaces every maximal invalid subsequence with U+FFFD (EF BF BD), following
// the Unicode "substitution of maximal subparts" practice. Returns the number
// of replacements made (0: `s` was valid and is unchanged).
size_t RepairUtf8(std::string* s);

// Decodes the code point starting at s[pos]; sets *len to its byte length
// (1 for an invalid byte, which decodes to U+FFFD).
char32_t DecodeUtf8(std::string_view s, size_t pos, int* len);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// True if `pos` is not inside a multi-byte sequence.
inline bool IsUtf8Boundary(std::string_view s, size_t pos) {
  return pos == 0 || pos >= s.size() || (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80;
}

}  // namespace annals
