// [pipeline.analysis]: every key optional; every problem reported with its relative path.
#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "analysis/analysis.hpp"

namespace gardener {
inline namespace v1 {
namespace {

using Errors = std::vector<ConfigError>;

void err(Errors& errors, const std::string& path, const std::string& message) {
  errors.push_back({path, "", message});
}

void read_int(const Json& v, const std::string& path, int64_t min, Errors& errors, const std::function<void(int64_t)>& set) {
  if (!v.is_number_integer() || v.get<int64_t>() < min) {
    err(errors, path, fmt::format("`{}` must be an integer of at least {} (got {})", path, min, v.dump()));
    return;
  }
  set(v.get<int64_t>());
}

void read_duration(const Json& v, const std::string& path, Errors& errors, TimeNs& out) {
  auto d = v.is_string() ? parse_duration(v.get<std::string>()) : std::nullopt;
  if (!d || *d <= 0) {
    err(errors, path, fmt::format("`{}` must be a positive duration like \"1s\", \"60s\" or \"5m\" (got {})", path, v.dump()));
    return;
  }
  out = *d;
}

void read_bool(const Json& v, const std::string& path, Errors& errors, bool& out) {
  if (!v.is_boolean()) return err(errors, path, fmt::format("`{}` must be true or false (got {})", path, v.dump()));
  out = v.get<bool>();
}

void read_list(const Json& v, const std::string& path, Errors& errors, std::vector<std::string>& out) {
  if (v.is_string()) {
    out = {v.get<std::string>()};
    return;
  }
  if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const Json& s) { return s.is_string(); })) {
    return err(errors, path, fmt::format("`{}` must be a list of strings (got {})", path, v.dump()));
  }
  out = v.get<std::vector<std::string>>();
}

std::string allowed_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void read_weights(const Json& table, Errors& errors, PriorityWeights& w) {
  std::map<std::string, int*> fields{{"critical", &w.critical}, {"error", &w.error},   {"warning", &w.warning},
                                     {"first_seen", &w.first_seen}, {"spike", &w.spike}, {"burst", &w.burst},
                                     {"volume", &w.volume}, {"spread", &w.spread}, {"regressed", &w.regressed}};
  if (!table.is_object()) return err(errors, "weights", "`weights` must be a table of integers");
  for (const auto& [key, value] : table.items()) {
    auto it = fields.find(key);
    if (it == fields.end()) {
      std::vector<std::string> names;
      for (const auto& f : fields) names.push_back(f.first);
      err(errors, "weights." + key, "unknown weight `" + key + "`; allowed: " + allowed_list(names));
      continue;
    }
    read_int(value, "weights." + key, 0, errors, [p = it->second](int64_t n) { *p = static_cast<int>(n); });
  }
}

}  // namespace

AnalysisSettings parse_analysis_settings(const Json& table, std::vector<ConfigError>& errors) {
  AnalysisSettings s;
  if (table.is_null()) return s;
  if (!table.is_object()) {
    err(errors, "", "[pipeline.analysis] must be a table");
    return s;
  }
  auto as_int = [](auto& field) { return [&field](int64_t n) { field = static_cast<std::decay_t<decltype(field)>>(n); }; };
  std::map<std::string, std::function<void(const Json&, const std::string&)>> readers{
      {"weights", [&](const Json& v, const std::string&) { read_weights(v, errors, s.weights); }},
      {"p0_score", [&](const Json& v, const std::string& p) { read_int(v, p, 0, errors, as_int(s.p0_score)); }},
      {"p1_score", [&](const Json& v, const std::string& p) { read_int(v, p, 0, errors, as_int(s.p1_score)); }},
      {"p2_score", [&](const Json& v, const std::string& p) { read_int(v, p, 0, errors, as_int(s.p2_score)); }},
      {"volume_lines", [&](const Json& v, const std::string& p) { read_int(v, p, 1, errors, as_int(s.volume_lines)); }},
      {"burst_lines", [&](const Json& v, const std::string& p) { read_int(v, p, 1, errors, as_int(s.burst_lines)); }},
      {"burst_span", [&](const Json& v, const std::string& p) { read_duration(v, p, errors, s.burst_span); }},
      {"spread_min", [&](const Json& v, const std::string& p) { read_int(v, p, 2, errors, as_int(s.spread_min)); }},
      {"spike_factor",
       [&](const Json& v, const std::string& p) {
         if (!v.is_number() || v.get<double>() <= 1.0) {
           return err(errors, p, "`spike_factor` must be a number above 1 (got " + v.dump() + ")");
         }
         s.spike_factor = v.get<double>();
       }},
      {"spike_min_count", [&](const Json& v, const std::string& p) { read_int(v, p, 1, errors, as_int(s.spike_min_count)); }},
      {"history_runs", [&](const Json& v, const std::string& p) { read_int(v, p, 1, errors, as_int(s.history_runs)); }},
      {"incidents", [&](const Json& v, const std::string& p) { read_bool(v, p, errors, s.incidents); }},
      {"incident_keys", [&](const Json& v, const std::string& p) { read_list(v, p, errors, s.incident_keys); }},
      {"incident_span", [&](const Json& v, const std::string& p) { read_duration(v, p, errors, s.incident_span); }},
      {"attach_same_module", [&](const Json& v, const std::string& p) { read_bool(v, p, errors, s.attach_same_module); }},
      {"attach_span", [&](const Json& v, const std::string& p) { read_duration(v, p, errors, s.attach_span); }},
      {"attach_module_depth", [&](const Json& v, const std::string& p) { read_int(v, p, 0, errors, as_int(s.attach_module_depth)); }},
      {"repos", [&](const Json& v, const std::string& p) { read_list(v, p, errors, s.repos); }},
  };
  for (const auto& [key, value] : table.items()) {
    auto it = readers.find(key);
    if (it == readers.end()) {
      std::vector<std::string> names;
      for (const auto& r : readers) names.push_back(r.first);
      err(errors, key, "unknown key `" + key + "` in [pipeline.analysis]; allowed: " + allowed_list(names));
      continue;
    }
    it->second(value, key);
  }
  if (!(s.p0_score >= s.p1_score && s.p1_score >= s.p2_score)) {
    err(errors, "p0_score", "scores must satisfy p0_score >= p1_score >= p2_score");
  }
  return s;
}

}  // namespace v1
}  // namespace gardener
