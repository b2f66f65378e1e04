#include <gardener/errors.hpp>
#include <gardener/options.hpp>

#include <fmt/format.h>

namespace gardener {
inline namespace v1 {

std::string_view option_type_name(OptionType t) {
  switch (t) {
    case OptionType::String: return "string";
    case OptionType::Int: return "integer";
    case OptionType::Double: return "float";
    case OptionType::Bool: return "boolean";
    case OptionType::Duration: return "duration";
    case OptionType::StringList: return "list of strings";
    case OptionType::Secret: return "secret string";
    case OptionType::Table: return "table";
  }
  return "?";
}

OptionValidator one_of(std::vector<std::string> allowed) {
  return [allowed = std::move(allowed)](const Json& v) -> std::optional<std::string> {
    if (!v.is_string()) return std::nullopt;
    for (const auto& a : allowed)
      if (v.get<std::string>() == a) return std::nullopt;
    return fmt::format("`{}` is not one of: {}", v.get<std::string>(), fmt::join(allowed, ", "));
  };
}

OptionValidator int_range(int64_t min, int64_t max) {
  return [=](const Json& v) -> std::optional<std::string> {
    if (!v.is_number_integer()) return std::nullopt;
    auto n = v.get<int64_t>();
    if (n < min || n > max) return fmt::format("{} is out of range [{}, {}]", n, min, max);
    return std::nullopt;
  };
}

OptionValidator double_range(double min, double max) {
  return [=](const Json& v) -> std::optional<std::string> {
    if (!v.is_number()) return std::nullopt;
    auto n = v.get<double>();
    if (n < min || n > max) return fmt::format("{} is out of range [{}, {}]", n, min, max);
    return std::nullopt;
  };
}

namespace {
const Json& lookup(const Json& values, const std::string& name) {
  static const Json null_value;
  auto it = values.find(name);
  if (it == values.end()) {
    // Reading an option that is not in the table is a programming error of the plugin.
    throw Error("option `" + name + "` is not declared in the plugin's options table");
  }
  return *it;
}
}  // namespace

std::string Config::get_string(const std::string& name) const {
  const Json& v = lookup(values_, name);
  return v.is_string() ? v.get<std::string>() : std::string();
}
int64_t Config::get_int(const std::string& name) const {
  const Json& v = lookup(values_, name);
  return v.is_number() ? v.get<int64_t>() : 0;
}
double Config::get_double(const std::string& name) const {
  const Json& v = lookup(values_, name);
  return v.is_number() ? v.get<double>() : 0.0;
}
bool Config::get_bool(const std::string& name) const {
  const Json& v = lookup(values_, name);
  return v.is_boolean() && v.get<bool>();
}
int64_t Config::get_duration_ns(const std::string& name) const { return get_int(name); }
std::vector<std::string> Config::get_list(const std::string& name) const {
  const Json& v = lookup(values_, name);
  std::vector<std::string> out;
  if (v.is_array())
    for (const auto& e : v)
      if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}
const Json& Config::get_json(const std::string& name) const { return lookup(values_, name); }

}  // namespace v1
}  // namespace gardener
