// Unit tests of the Status → HTTP status mapping (the one place it happens).
#include "http/api_routes.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(HttpStatusForTest, MapsEveryCode) {
  const struct {
    Status status;
    int http;
  } kCases[] = {
      {Status::Ok(), 200},
      {Status::InvalidArgument("query:3: expected a word"), 400},
      {Status::Unsupported("format"), 400},
      {Status::NotFound("article x"), 404},
      {Status::TimedOut("query interrupted: over the time limit"), 503},
      {Status::IoError("disk"), 500},
      {Status::Corruption("db"), 500},
      {Status::Internal("bug"), 500},
  };
  for (const auto& c : kCases) EXPECT_EQ(HttpStatusFor(c.status), c.http) << c.status.ToString();
}

}  // namespace
}  // namespace annals
