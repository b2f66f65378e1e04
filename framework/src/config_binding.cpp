#include "config_binding.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace gardener {
inline namespace v1 {
namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

const OptionSpec* find_spec(const PluginInfo& info, const std::string& name) {
  for (const auto& s : info.options)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<std::string> option_names(const PluginInfo& info) {
  std::vector<std::string> names;
  for (const auto& s : info.options) names.push_back(s.name);
  return names;
}

struct Binder {
  const PluginInfo& info;
  const std::string& component_path;
  const Locator& locate;
  std::vector<ConfigError>& errors;
  const std::string& base_dir;

  void error(const std::string& key, std::string message) {
    std::string path = key.empty() ? component_path : component_path + "." + key;
    std::string where = locate ? locate(path) : "";
    if (where.empty() && locate) where = locate(component_path);
    errors.push_back({path, where, std::move(message)});
  }

  Json interpolate(const std::string& key, const std::string& s) {
    std::vector<std::string> missing;
    std::string out = interpolate_env(s, &missing);
    for (const auto& m : missing)
      error(key, fmt::format("environment variable `{}` is not set; export it or give a default with ${{{}:-value}}", m, m));
    return out;
  }

  // Converts a raw value to the option's type; returns null (and records an error) on mismatch.
  Json coerce(const OptionSpec& spec, const std::string& key, const Json& v) {
    auto mismatch = [&] {
      error(key, fmt::format("expected a {} for `{}`, got {}", option_type_name(spec.type), spec.name, v.dump()));
      return Json();
    };
    switch (spec.type) {
      case OptionType::String:
      case OptionType::Secret:
        return v.is_string() ? interpolate(key, v.get<std::string>()) : mismatch();
      case OptionType::Int:
        return v.is_number_integer() ? v : mismatch();
      case OptionType::Double:
        return v.is_number() ? Json(v.get<double>()) : mismatch();
      case OptionType::Bool:
        return v.is_boolean() ? v : mismatch();
      case OptionType::Duration: {
        if (!v.is_string()) return mismatch();
        auto d = parse_duration(interpolate(key, v.get<std::string>()).get<std::string>());
        if (!d) {
          error(key, fmt::format("`{}` is not a duration; write it like \"90s\", \"15m\", \"6h\" or \"7d\"",
                                 v.get<std::string>()));
          return Json();
        }
        return Json(*d);
      }
      case OptionType::StringList: {
        if (v.is_string()) return Json::array({interpolate(key, v.get<std::string>())});
        if (!v.is_array()) return mismatch();
        Json out = Json::array();
        for (const auto& e : v) {
          if (!e.is_string()) return mismatch();
          out.push_back(interpolate(key, e.get<std::string>()));
        }
        return out;
      }
      case OptionType::Table:
        return (v.is_object() || v.is_array()) ? v : mismatch();
    }
    return mismatch();
  }

  // `<secret>_file`: read the secret from a file (trailing newline trimmed).
  std::optional<Json> read_secret_file(const std::string& key, const Json& v) {
    if (!v.is_string()) {
      error(key, "expected a file path");
      return std::nullopt;
    }
    std::filesystem::path p = interpolate(key, v.get<std::string>()).get<std::string>();
    if (p.is_relative()) p = std::filesystem::path(base_dir) / p;
    std::ifstream in(p);
    if (!in) {
      error(key, fmt::format("cannot read secret file {}; check the path and its permissions", p.string()));
      return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return Json(s);
  }

  Config bind(const Json& raw) {
    Json values = Json::object();
    if (!raw.is_object()) {
      error("", "expected a table of options");
      return Config(values);
    }
    for (auto it = raw.begin(); it != raw.end(); ++it) {
      const std::string& key = it.key();
      const OptionSpec* spec = find_spec(info, key);
      if (!spec && key.size() > 5 && key.ends_with("_file")) {
        const OptionSpec* base = find_spec(info, key.substr(0, key.size() - 5));
        if (base && base->type == OptionType::Secret) {
          if (raw.contains(base->name)) {
            error(key, fmt::format("give either `{}` or `{}`, not both", base->name, key));
          } else if (auto secret = read_secret_file(key, it.value())) {
            values[base->name] = *secret;
          }
          continue;
        }
      }
      if (!spec) {
        std::string hint = did_you_mean(key, option_names(info));
        error(key, fmt::format("unknown option `{}` in [{}]{}; allowed: {}", key, component_path,
                               hint.empty() ? "" : fmt::format("; did you mean `{}`?", hint),
                               fmt::join(option_names(info), ", ")));
        continue;
      }
      Json bound = coerce(*spec, key, it.value());
      if (bound.is_null()) continue;
      if (spec->validator) {
        if (auto problem = spec->validator(spec->type == OptionType::Duration ? it.value() : bound))
          error(key, *problem);
      }
      values[key] = std::move(bound);
    }
    for (const auto& spec : info.options) {
      if (values.contains(spec.name)) continue;
      if (spec.required) {
        error(spec.name, fmt::format("missing required option `{}` ({})", spec.name, spec.description));
        values[spec.name] = nullptr;
        continue;
      }
      if (spec.default_value.is_null()) {
        values[spec.name] = nullptr;
      } else if (spec.type == OptionType::Duration && spec.default_value.is_string()) {
        values[spec.name] = parse_duration(spec.default_value.get<std::string>()).value_or(0);
      } else {
        values[spec.name] = spec.default_value;
      }
    }
    return Config(std::move(values));
  }
};

}  // namespace

Config bind_component_options(const PluginInfo& info, const Json& raw, const std::string& component_path,
                              const Locator& locate, std::vector<ConfigError>& errors, const std::string& base_dir) {
  Binder binder{info, component_path, locate, errors, base_dir};
  Config config = binder.bind(raw);
  config.set_base_dir(base_dir);
  return config;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::string::npos;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    // A word that misses a prefix matches the name's tail: `treshold` is sim_threshold's.
    for (size_t us = c.find('_'); us != std::string::npos && word.size() >= 4; us = c.find('_', us + 1))
      d = std::min(d, edit_distance(word, c.substr(us + 1)));
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  size_t limit = std::max<size_t>(2, word.size() / 3);
  return best_d <= limit ? best : std::string();
}

std::string interpolate_env(const std::string& text, std::vector<std::string>* missing) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '$') {  // "$$" is a literal '$'
      out += '$';
      ++i;
      continue;
    }
    if (text[i] != '$' || i + 1 >= text.size() || text[i + 1] != '{') {
      out += text[i];
      continue;
    }
    size_t close = text.find('}', i + 2);
    if (close == std::string::npos) {
      out += text.substr(i);
      break;
    }
    std::string inner = text.substr(i + 2, close - i - 2);
    std::string name = inner, fallback;
    bool has_default = false;
    if (auto p = inner.find(":-"); p != std::string::npos) {
      name = inner.substr(0, p);
      fallback = inner.substr(p + 2);
      has_default = true;
    }
    const char* v = std::getenv(name.c_str());
    if (v && *v) out += v;
    else if (has_default) out += fallback;
    else if (missing) missing->push_back(name);
    i = close;
  }
  return out;
}

}  // namespace v1
}  // namespace gardener
