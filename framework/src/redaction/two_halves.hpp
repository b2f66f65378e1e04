#pragma once
// Redacting a large Report runs at the end of a window on one thread while the other cores are
// idle: its clusters are independent, so the work splits in two halves.
#include <gardener/redaction.hpp>

#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>

namespace gardener {
inline namespace v1 {
namespace redaction {

/// Below this many items a thread costs more than it saves.
inline constexpr size_t kSplitAt = 128;

/// Set on both threads while they work on halves: work inside a half never splits again.
inline thread_local bool in_a_half = false;

/// Runs `work(begin, end, counts)` over [0, n): in two halves when n >= kSplitAt, the second on
/// its own thread with its own counts, added to `counts` after. Returns the sum of the results.
template <typename Work>
size_t in_two_halves(size_t n, RedactionCounts* counts, Work&& work) {
  if (n < kSplitAt || in_a_half) return work(size_t{0}, n, counts);
  RedactionCounts theirs;
  size_t their_result = 0;
  std::exception_ptr their_error;
  std::thread other;
  try {
    other = std::thread([&] {
      in_a_half = true;
      try {
        their_result = work(n / 2, n, counts ? &theirs : nullptr);
      } catch (...) {
        their_error = std::current_exception();
      }
    });
  } catch (const std::system_error&) {
    return work(size_t{0}, n, counts);  // no thread to be had: all on this one
  }
  size_t mine = 0;
  in_a_half = true;
  try {
    mine = work(size_t{0}, n / 2, counts);
  } catch (...) {
    in_a_half = false;
    other.join();
    throw;
  }
  in_a_half = false;
  other.join();
  if (their_error) std::rethrow_exception(their_error);
  if (counts)
    for (const auto& [name, k] : theirs) (*counts)[name] += k;
  return mine + their_result;
}

}  // namespace redaction
}  // namespace v1
}  // namespace gardener
