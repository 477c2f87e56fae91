// Turns a Status into a message and an exit code.
#include <cstdio>

#include "cli/commands.h"

namespace annals {

int ReportError(const Status& status) {
  std::fprintf(stderr, "annals: %s\n", status.ToString().c_str());
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kInvalidArgument:
    case Status::Code::kNotFound:
    case Status::Code::kUnsupported: return kExitUsage;
    default: return kExitFailure;
  }
}

}  // namespace annals
