#pragma once
// What a running component may use from the framework: its identity, the run's window, the
// state store, logging, plan mode, cancellation and the shared redactor.
#include <string>
#include <string_view>

#include <fmt/format.h>

#include <gardener/redaction.hpp>
#include <gardener/state.hpp>
#include <gardener/time.hpp>

namespace gardener {
inline namespace v1 {

enum class LogLevel { Trace, Debug, Info, Warn, Error };

class Context {
 public:
  virtual ~Context() = default;

  virtual const std::string& pipeline_name() const = 0;
  virtual const std::string& component_name() const = 0;
  /// Directory of the pipeline file: relative paths in options resolve against it.
  virtual const std::string& base_dir() const = 0;
  virtual Window window() const = 0;
  /// --plan: perform every read, print every write it would make, make none.
  virtual bool plan() const = 0;
  /// Null when the pipeline runs without a state store.
  virtual StateStore* state() = 0;
  virtual const Redactor& redactor() const = 0;

  virtual void log(LogLevel level, std::string_view message) = 0;
  /// A record that could not be read: counted in the Report with its origin, never dropped silently.
  virtual void bad_line(std::string origin, std::string reason) = 0;
  /// In plan mode, announces a write ("create issue ...", "write file ..."); printed on stdout.
  virtual void plan_action(std::string description) = 0;
  /// A progress line (shown on a terminal only).
  virtual void progress(std::string_view line) = 0;
  /// Adds a value to the run's metrics under this component.
  virtual void metric(const std::string& name, double value) = 0;

  virtual bool stop_requested() const = 0;
  /// Sleeps unless a stop is requested; returns false when interrupted.
  virtual bool sleep_for(TimeNs duration) = 0;

  template <typename... Args>
  void info(fmt::format_string<Args...> f, Args&&... args) {
    log(LogLevel::Info, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  void warn(fmt::format_string<Args...> f, Args&&... args) {
    log(LogLevel::Warn, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  void debug(fmt::format_string<Args...> f, Args&&... args) {
    log(LogLevel::Debug, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  void error(fmt::format_string<Args...> f, Args&&... args) {
    log(LogLevel::Error, fmt::format(f, std::forward<Args>(args)...));
  }
};

/// Reads an environment variable; empty when unset.
std::string env_or_empty(const char* name);

}  // namespace v1
}  // namespace gardener
