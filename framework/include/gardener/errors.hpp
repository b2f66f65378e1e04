#pragma once
#include <stdexcept>
#include <string>

namespace gardener {
inline namespace v1 {

/// Exit codes of the command line (design.md §8).
enum class ExitCode : int { Ok = 0, RunFailed = 1, Usage = 2, SinkFailed = 3 };

/// Base of every error the framework reports to the user. The message is one sentence that
/// names the input and says what to do.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad pipeline file, bad option, bad plugin: exit code 2.
class ConfigurationError : public Error {
 public:
  using Error::Error;
};

/// A plugin threw: the framework wraps it with the component's name (NVI base classes).
class PluginError : public Error {
 public:
  PluginError(std::string component, const std::string& message)
      : Error(component + ": " + message), component_(std::move(component)) {}
  const std::string& component() const { return component_; }

 private:
  std::string component_;
};

/// A remote API answered in a way the plugin cannot recover from (403, 400, retries exhausted).
class RemoteError : public Error {
 public:
  using Error::Error;
};

}  // namespace v1
}  // namespace gardener
