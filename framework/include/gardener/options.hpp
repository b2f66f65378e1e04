#pragma once
// One options table per plugin (after Fluent Bit): it drives binding, validation, unknown-key
// errors, `plugins describe` and the generated pipeline reference. No option is read elsewhere.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gardener {
inline namespace v1 {

using Json = nlohmann::json;

enum class OptionType {
  String,
  Int,
  Double,
  Bool,
  Duration,    // "6h", "250ms": bound to nanoseconds (int)
  StringList,  // array of strings; a single string is accepted as a one-element list
  Secret,      // string that must never be logged; also accepted as `<name>_file`
  Table,       // any TOML table or array of tables, bound as JSON for the plugin to read
};

std::string_view option_type_name(OptionType t);

/// A validator returns an error message, or nothing when the value is fine.
using OptionValidator = std::function<std::optional<std::string>(const Json&)>;

struct OptionSpec {
  std::string name;
  OptionType type = OptionType::String;
  Json default_value;  // null = no default
  std::string description;
  bool required = false;
  OptionValidator validator;  // optional
};

using OptionsTable = std::vector<OptionSpec>;

// Validators shared by many plugins.
OptionValidator one_of(std::vector<std::string> allowed);
OptionValidator int_range(int64_t min, int64_t max);
OptionValidator double_range(double min, double max);

/// One configuration error, located in the pipeline file when possible.
struct ConfigError {
  std::string path;      // TOML path, e.g. "clusterers.drain.treshold"
  std::string location;  // "pipelines/x.toml:12:3", may be empty
  std::string message;
};

/// Collects every error of a pipeline so they are printed together (after the OTel Collector).
class Diagnostics {
 public:
  virtual ~Diagnostics() = default;
  /// `option` is relative to the component ("rules[2].match.module") or empty for the component.
  virtual void error(const std::string& option, const std::string& message) = 0;
  virtual void warning(const std::string& option, const std::string& message) = 0;
};

/// A component's options after binding: every key of the table is present (default filled),
/// typed, validated; secrets resolved from `*_file` and ${ENV}.
class Config {
 public:
  Config() = default;
  explicit Config(Json values) : values_(std::move(values)) {}

  const Json& raw() const { return values_; }
  bool has(const std::string& name) const { return values_.contains(name) && !values_[name].is_null(); }
  std::string get_string(const std::string& name) const;
  int64_t get_int(const std::string& name) const;
  double get_double(const std::string& name) const;
  bool get_bool(const std::string& name) const;
  int64_t get_duration_ns(const std::string& name) const;
  std::vector<std::string> get_list(const std::string& name) const;
  const Json& get_json(const std::string& name) const;

  /// Directory of the pipeline file: relative paths in options (rule files, outputs) resolve
  /// against it, already at configure time.
  const std::string& base_dir() const { return base_dir_; }
  void set_base_dir(std::string dir) { base_dir_ = std::move(dir); }

 private:
  Json values_ = Json::object();
  std::string base_dir_ = ".";
};

}  // namespace v1
}  // namespace gardener
