#pragma once
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace gardener {
inline namespace v1 {

/// A bounded multi-producer queue: push blocks while full (backpressure), pop blocks while empty
/// and returns nullopt once every producer closed and the queue drained.
template <typename T>
class BoundedQueue {
 public:
  BoundedQueue(size_t capacity, size_t producers) : capacity_(capacity), producers_(producers) {}

  /// Returns false when the queue was cancelled.
  bool push(T value, const std::atomic<bool>& stop) {
    std::unique_lock lock(mu_);
    while (items_.size() >= capacity_ && !cancelled_ && !stop.load()) {
      not_full_.wait_for(lock, std::chrono::milliseconds(50));
      ++full_waits_;
    }
    if (cancelled_ || stop.load()) return false;
    items_.push_back(std::move(value));
    not_empty_.notify_one();
    return true;
  }
  std::optional<T> pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0 || cancelled_; });
    if (cancelled_ || items_.empty()) return std::nullopt;
    T v = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return v;
  }
  void producer_done() {
    std::lock_guard lock(mu_);
    if (producers_ > 0) --producers_;
    not_empty_.notify_all();
  }
  void cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }
  uint64_t full_waits() const {
    std::lock_guard lock(mu_);
    return full_waits_;
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  size_t capacity_;
  size_t producers_;
  bool cancelled_ = false;
  uint64_t full_waits_ = 0;
};

}  // namespace v1
}  // namespace gardener
