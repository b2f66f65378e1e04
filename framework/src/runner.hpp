#pragma once
// Runs a built pipeline over one window: stages on threads joined by bounded queues.
#include <atomic>
#include <functional>
#include <string>

#include <gardener/errors.hpp>
#include <gardener/report.hpp>

#include "pipeline.hpp"

namespace gardener {
inline namespace v1 {

struct RunOptions {
  Window window;
  bool plan = false;
  std::string state_path;          // "" = no state store
  bool progress = false;           // a progress line on stderr (terminals only)
  size_t queue_capacity = 8;       // batches per queue: bounded memory, backpressure on the source
  std::atomic<bool>* stop = nullptr;  // set by SIGINT/SIGTERM
  /// Where plan actions go (stdout by default).
  std::function<void(const std::string&)> plan_output;
};

struct RunResult {
  ExitCode code = ExitCode::Ok;
  std::string message;  // why it failed, one sentence
  Report report;        // the full report (all clusterers), as the last sink saw it
};

RunResult run_pipeline(Pipeline& pipeline, const RunOptions& options);

/// Default state database: $XDG_STATE_HOME/log-gardener/<pipeline>.db (~/.local/state/...).
std::string default_state_path(const std::string& pipeline_name);

}  // namespace v1
}  // namespace gardener
