#pragma once
// The Context each component gets during a run, backed by state shared across the run.
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <gardener/context.hpp>
#include <gardener/report.hpp>

namespace gardener {
inline namespace v1 {

struct RunShared {
  std::string pipeline;
  std::string base_dir;
  Window window;
  bool plan = false;
  StateStore* state = nullptr;
  std::atomic<bool>* stop = nullptr;
  bool progress = false;
  std::function<void(const std::string&)> plan_output;

  std::mutex mu;
  uint64_t bad_lines = 0;
  std::vector<BadLine> bad_line_samples;  // the first 100, with their origin
  std::map<std::string, uint64_t> redactions;
  std::map<std::string, std::map<std::string, double>> metrics;  // component -> name -> value
  std::vector<std::string> plan_actions;
  TimeNs last_progress = 0;
};

class RunContext final : public Context {
 public:
  RunContext(RunShared& shared, std::string component) : shared_(shared), component_(std::move(component)) {}

  const std::string& pipeline_name() const override { return shared_.pipeline; }
  const std::string& component_name() const override { return component_; }
  const std::string& base_dir() const override { return shared_.base_dir; }
  Window window() const override { return shared_.window; }
  bool plan() const override { return shared_.plan; }
  StateStore* state() override { return shared_.state; }
  const Redactor& redactor() const override { return default_redactor(); }
  void log(LogLevel level, std::string_view message) override;
  void bad_line(std::string origin, std::string reason) override;
  void plan_action(std::string description) override;
  void progress(std::string_view line) override;
  void metric(const std::string& name, double value) override;
  bool stop_requested() const override { return shared_.stop && shared_.stop->load(); }
  bool sleep_for(TimeNs duration) override;

 private:
  RunShared& shared_;
  std::string component_;
};

}  // namespace v1
}  // namespace gardener
