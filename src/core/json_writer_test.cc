// Tests for the streaming JSON writer.
#include "core/json_writer.h"

#include <gtest/gtest.h>

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

TEST(JsonWriterTest, Utf8PassesThrough) {
  std::string out;
  AppendJsonEscaped("\xE2\x80\x9CIt\xE2\x80\x9D", &out);
  EXPECT_EQ(out, "\xE2\x80\x9CIt\xE2\x80\x9D");
}

}  // namespace
}  // namespace annals
