// Cue lexicon: the reporting verbs (said, recalled, told, according to, ...)
// that attribute a quotation to a speaker, with what each can introduce.
// Built from the verbs news writing uses (and checked against the cue
// frequencies of the PolNeAR training split); lookups are on lower-case
// ASCII words. The table is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <string_view>

namespace annals {

enum CueFlag : uint8_t {
  kCueDirect = 1 << 0,  // attributes a direct quotation ("…,” she said)
  kCueThat = 1 << 1,    // takes a that-clause: indirect speech ("emphasized that …")
  kCueBare = 1 << 2,    // takes a clause without "that" ("said the talks had failed")
  kCueTo = 1 << 3,      // takes a to-infinitive, maybe after an object ("urged X to …")
  kCueObject = 1 << 4,  // takes an object before its clause ("told reporters that …")
  kCueParticle = 1 << 5,// needs a particle to be a cue: "called on", "pointed out"
  kCueNoun = 1 << 6,    // its object is the content: "criticized the plan", "endorsed her"
  kCueSeem = 1 << 7,    // evidential, no source: "the plan seemed doomed", "X is expected to …"
};

// (first letter, last letter, length) triples of the table's words: bit
// `length` of bits[first - 'a'][last - 'a']. Most words fail this check,
// which is inline so that they never pay for a call.
struct CueMaybeBits {
  uint16_t bits[26][26];
  // The same for (second letter, last but one letter): "and" passes the
  // first check ("add"), not this one.
  uint16_t inner[26][26];
};
extern const CueMaybeBits kCueMaybeBits;

// The table lookup behind CueFlags (any word passing the pre-check).
uint8_t CueFlagsSlow(std::string_view lower_word);

// CueFlag bits for `lower_word` (0 if it is no cue). For particle verbs the
// particle is returned by CueParticle().
[[gnu::always_inline]] inline uint8_t CueFlags(std::string_view w) {
  if (w.size() < 3 || w.size() > 13 || w[0] < 'a' || w[0] > 'z' || w.back() < 'a' || w.back() > 'z') return 0;
  if (!(kCueMaybeBits.bits[w[0] - 'a'][w.back() - 'a'] & (1u << w.size()))) return 0;
  const unsigned a = static_cast<unsigned char>(w[1]) - 'a', b = static_cast<unsigned char>(w[w.size() - 2]) - 'a';
  if (a < 26 && b < 26 && !(kCueMaybeBits.inner[a][b] & (1u << w.size()))) return 0;
  return CueFlagsSlow(w);
}

// The particle a kCueParticle verb needs ("on" for "called"), else "";
// alternatives are separated by '|' ("out|to" for "pointed").
std::string_view CueParticle(std::string_view lower_word);

// True if `next` (lower case) is one of the particles `lower_word` takes.
bool IsCueParticle(std::string_view lower_word, std::string_view next);

}  // namespace annals
