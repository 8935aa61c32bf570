// Result<T>: a value or an Error, never an exception across the API.
//
//   auto r = extractor.extract(html);
//   if (!r) std::cerr << r.error().message;
//   else use(r.value());
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace thresher {

enum class ErrorCode {
  kInputTooLarge,   // input exceeds Options::max_input_bytes
  kNotHtml,         // input is binary (PDF, image, archive, ...) rather than a page
  kUndecodable,     // the bytes could not be turned into UTF-8
  kTimeout,         // Options::timeout_ms ran out
  kLimitExceeded,   // another resource limit was hit
  kInternal,        // a bug: please report the page
};

const char* error_code_name(ErrorCode code) noexcept;

struct Error {
  ErrorCode code;
  std::string message;  // says what happened and what to do about it
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}             // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}         // NOLINT
  bool ok() const noexcept { return data_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  const Error& error() const& { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace thresher
