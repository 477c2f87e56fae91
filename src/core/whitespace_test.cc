#include "core/whitespace.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(CollapseWhitespaceTest, Table) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"", ""},
      {"   \n\t ", ""},
      {"Baku", "Baku"},
      {"  Sabina\n  Aliyeva ", "Sabina Aliyeva"},
      {"a\r\nb\t\tc", "a b c"},
      {"Human Rights\nCommissioner", "Human Rights Commissioner"},
      {"non\xc2\xa0" "breaking", "non\xc2\xa0" "breaking"},  // only ASCII whitespace collapses
  };
  for (const Case& c : cases) EXPECT_EQ(CollapseWhitespace(c.in), c.want) << c.in;
}

}  // namespace
}  // namespace annals
