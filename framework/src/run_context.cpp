#include "run_context.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

#include <spdlog/spdlog.h>

namespace gardener {
inline namespace v1 {

void RunContext::log(LogLevel level, std::string_view message) {
  // Last line of defence: nothing a plugin logs may carry a secret.
  std::string text(message);
  default_redactor().redact_text(text);
  static const spdlog::level::level_enum map[] = {spdlog::level::trace, spdlog::level::debug, spdlog::level::info,
                                                  spdlog::level::warn, spdlog::level::err};
  spdlog::log(map[static_cast<int>(level)], "[{}] {}", component_, text);
}

void RunContext::bad_line(std::string origin, std::string reason) {
  std::lock_guard lock(shared_.mu);
  ++shared_.bad_lines;
  if (shared_.bad_line_samples.size() < 100) shared_.bad_line_samples.push_back({std::move(origin), std::move(reason)});
}

void RunContext::plan_action(std::string description) {
  default_redactor().redact_text(description);
  std::lock_guard lock(shared_.mu);
  std::string line = "[plan] " + component_ + ": " + description;
  shared_.plan_actions.push_back(line);
  if (shared_.plan_output) shared_.plan_output(line);
}

void RunContext::progress(std::string_view line) {
  if (!shared_.progress) return;
  std::lock_guard lock(shared_.mu);
  TimeNs now = now_ns();
  if (now - shared_.last_progress < 200'000'000) return;  // at most 5 updates a second
  shared_.last_progress = now;
  std::fprintf(stderr, "\r\033[K%s: %.*s", component_.c_str(), static_cast<int>(line.size()), line.data());
  std::fflush(stderr);
}

void RunContext::metric(const std::string& name, double value) {
  std::lock_guard lock(shared_.mu);
  if (name.starts_with("redactions.")) {
    shared_.redactions[name.substr(11)] += static_cast<uint64_t>(value);
    return;
  }
  shared_.metrics[component_][name] += value;
}

bool RunContext::sleep_for(TimeNs duration) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::nanoseconds(duration);
  while (std::chrono::steady_clock::now() < deadline) {
    if (stop_requested()) return false;
    auto left = deadline - std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::min<std::chrono::nanoseconds>(left, std::chrono::milliseconds(50)));
  }
  return !stop_requested();
}

}  // namespace v1
}  // namespace gardener
