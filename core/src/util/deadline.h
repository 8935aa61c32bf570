// A per-document time budget (Options::timeout_ms), polled cheaply from the
// main loops: the clock is read only every kStride calls.
#pragma once

#include <chrono>
#include <cstdint>

namespace thresher {

class Deadline {
 public:
  explicit Deadline(std::uint32_t timeout_ms)
      : enabled_(timeout_ms > 0),
        end_(std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms)) {}

  // True once the budget is spent. Sticky.
  bool expired() noexcept {
    if (!enabled_ || expired_) return expired_;
    if (++calls_ % kStride != 0) return false;
    expired_ = std::chrono::steady_clock::now() >= end_;
    return expired_;
  }
  bool expired_now() noexcept {
    if (enabled_ && !expired_) expired_ = std::chrono::steady_clock::now() >= end_;
    return expired_;
  }

 private:
  static constexpr std::uint32_t kStride = 1024;
  bool enabled_;
  bool expired_ = false;
  std::uint32_t calls_ = 0;
  std::chrono::steady_clock::time_point end_;
};

}  // namespace thresher
