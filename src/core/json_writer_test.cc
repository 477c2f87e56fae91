// Tests for the streaming JSON writer.
#include "core/json_writer.h"

#include <gtest/gtest.h>

#include <limits>

namespace annals {
namespace {

TEST(JsonWriterTest, NestedContainersAndEscapes) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("s", "a\"b\\c\nd\x01");
  w.Field("n", int64_t{-5});
  w.Key("arr");
  w.BeginArray();
  w.Int(1);
  w.Null();
  w.BeginObject();
  w.Field("t", true);
  w.EndObject();
  w.EndArray();
  w.Field("d", 0.5);
  w.EndObject();
  EXPECT_EQ(out, R"({"s":"a\"b\\c\nd\u0001","n":-5,"arr":[1,null,{"t":true}],"d":0.5})");
}

TEST(JsonWriterTest, IntegersAsPrintfWrites) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  for (int64_t v : {int64_t{0}, int64_t{7}, int64_t{-1}, int64_t{1234567890123}, std::numeric_limits<int64_t>::max(),
                    std::numeric_limits<int64_t>::min()})
    w.Int(v);
  w.EndArray();
  EXPECT_EQ(out, "[0,7,-1,1234567890123,9223372036854775807,-9223372036854775808]");
}

TEST(JsonWriterTest, Utf8PassesThrough) {
  std::string out;
  AppendJsonEscaped("\xE2\x80\x9CIt\xE2\x80\x9D", &out);
  EXPECT_EQ(out, "\xE2\x80\x9CIt\xE2\x80\x9D");
}

}  // namespace
}  // namespace annals
