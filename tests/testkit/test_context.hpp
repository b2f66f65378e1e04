#pragma once
// A Context for unit tests of plugins: in-memory, records what the plugin reported.
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <gardener/gardener.hpp>

namespace gardener::testing {

class TestContext : public Context {
 public:
  std::string pipeline = "test-pipeline";
  std::string component = "under-test";
  std::string dir = ".";
  Window run_window{0, 4'000'000'000'000'000'000LL};
  bool plan_mode = false;
  StateStore* store = nullptr;
  std::atomic<bool> stop{false};
  /// When false, sleep_for returns immediately (fast tests of backoff and pacing).
  bool real_sleep = false;
  TimeNs slept = 0;

  std::vector<std::pair<std::string, std::string>> bad_lines;  // origin, reason
  std::vector<std::string> plan_actions;
  std::vector<std::string> logs;
  std::map<std::string, double> metrics;

  const std::string& pipeline_name() const override { return pipeline; }
  const std::string& component_name() const override { return component; }
  const std::string& base_dir() const override { return dir; }
  Window window() const override { return run_window; }
  bool plan() const override { return plan_mode; }
  StateStore* state() override { return store; }
  const Redactor& redactor() const override { return default_redactor(); }
  void log(LogLevel, std::string_view message) override {
    std::lock_guard lock(mu_);
    logs.emplace_back(message);
  }
  void bad_line(std::string origin, std::string reason) override {
    std::lock_guard lock(mu_);
    bad_lines.emplace_back(std::move(origin), std::move(reason));
  }
  void plan_action(std::string description) override {
    std::lock_guard lock(mu_);
    plan_actions.push_back(std::move(description));
  }
  void progress(std::string_view) override {}
  void metric(const std::string& name, double value) override {
    std::lock_guard lock(mu_);
    metrics[name] += value;
  }
  bool stop_requested() const override { return stop.load(); }
  bool sleep_for(TimeNs duration) override;

 private:
  std::mutex mu_;
};

/// Collects emitted batches.
class CollectingEmitter : public Emitter {
 public:
  std::vector<Record> records;
  size_t batches = 0;
  bool emit(Batch&& batch) override {
    ++batches;
    for (auto& r : batch.records) records.push_back(std::move(r));
    return true;
  }
};

/// Collects a plugin's configuration errors as "option: message" lines.
struct CollectingDiagnostics : Diagnostics {
  std::vector<std::string> errors;
  void error(const std::string& option, const std::string& message) override {
    errors.push_back(option + ": " + message);
  }
  void warning(const std::string&, const std::string&) override {}
  std::string text() const {
    std::string all;
    for (const auto& e : errors) all += e + "\n";
    return all;
  }
};

/// Binds a JSON object of options through a plugin's options table exactly as pipelines do;
/// throws ConfigurationError listing every error.
Config bind_options(const PluginInfo& info, const Json& options, const std::string& base_dir = ".");
/// Creates, binds and configures a plugin class; throws on any diagnostic.
template <typename T>
std::unique_ptr<T> make_configured(const Json& options, std::string name = "under-test",
                                   const std::string& base_dir = ".") {
  auto p = std::make_unique<T>();
  p->set_identity(T::plugin_info().name, name);
  CollectingDiagnostics diag;
  p->configure(bind_options(T::plugin_info(), options, base_dir), diag);
  if (!diag.errors.empty()) throw ConfigurationError(diag.text());
  return p;
}

/// A fresh temporary directory, removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace gardener::testing
