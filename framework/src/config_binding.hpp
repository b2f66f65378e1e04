#pragma once
// Binding a component's raw options (TOML converted to JSON) through its plugin's options table.
#include <functional>
#include <string>
#include <vector>

#include <gardener/plugin.hpp>

namespace gardener {
inline namespace v1 {

/// Maps a TOML path ("sinks.issues.repo") to "file:line:col", or "" when unknown.
using Locator = std::function<std::string(const std::string& toml_path)>;

/// Checks every key against the table (unknown keys get "did you mean"), checks types, fills
/// defaults, resolves `<secret>_file` and runs validators. Errors are appended, never thrown.
/// `component_path` prefixes error paths ("clusterers.drain"). `base_dir` resolves *_file paths.
Config bind_component_options(const PluginInfo& info, const Json& raw, const std::string& component_path,
                              const Locator& locate, std::vector<ConfigError>& errors,
                              const std::string& base_dir = ".");

/// Levenshtein-based suggestion: the closest of `candidates` to `word`, or "" when none is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

/// Replaces ${VAR} and ${VAR:-default} in a string; unknown variables are reported via `missing`.
std::string interpolate_env(const std::string& text, std::vector<std::string>* missing = nullptr);

}  // namespace v1
}  // namespace gardener
