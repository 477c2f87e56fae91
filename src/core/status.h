// Status and Result<T>: how every fallible call in annals reports failure.
// Exceptions never cross a module boundary; the CLI and HTTP layers turn a
// Status into an exit code or an HTTP status in one place each.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace annals {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad input from the user (query, flag, file content)
    kNotFound,         // file, article or entity does not exist
    kIoError,          // the OS refused a read or write
    kCorruption,       // a file annals wrote is damaged (model, segment, db)
    kUnsupported,      // well-formed input we do not handle
    kInternal,         // a bug: an invariant did not hold
    kTimedOut,         // a call ran past its time limit and was abandoned
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }
  static Status TimedOut(std::string msg) { return Status(Code::kTimedOut, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: <message>" — for logs and the CLI.
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}     // NOLINT: must not be ok()
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace annals

// Returns early from the enclosing function if `expr` is not ok.
#define ANNALS_RETURN_IF_ERROR(expr)        \
  do {                                      \
    ::annals::Status _st = (expr);          \
    if (!_st.ok()) return _st;              \
  } while (0)
