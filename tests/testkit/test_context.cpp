#include "test_context.hpp"

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "config_binding.hpp"

namespace gardener::testing {

bool TestContext::sleep_for(TimeNs duration) {
  slept += duration;
  if (real_sleep && duration > 0) std::this_thread::sleep_for(std::chrono::nanoseconds(duration));
  return !stop.load();
}

Config bind_options(const PluginInfo& info, const Json& options, const std::string& base_dir) {
  std::vector<ConfigError> errors;
  Config cfg = bind_component_options(info, options, "test", {}, errors, base_dir);
  if (!errors.empty()) {
    std::string all;
    for (const auto& e : errors) all += e.path + ": " + e.message + "\n";
    throw ConfigurationError(all);
  }
  return cfg;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "gardener-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}
TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace gardener::testing
