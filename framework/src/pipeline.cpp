#include "pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <fmt/format.h>
#include <toml++/toml.h>

#include "analysis/analysis.hpp"
#include "config_binding.hpp"

namespace gardener {
inline namespace v1 {
namespace fs = std::filesystem;

std::string PipelineSpec::locate(const std::string& toml_path) const {
  // The most specific known prefix: "sinks.x.inputs[2]" falls back to "sinks.x.inputs", "sinks.x".
  std::string p = toml_path;
  while (!p.empty()) {
    if (auto it = locations.find(p); it != locations.end()) return it->second;
    auto cut = p.find_last_of(".[");
    if (cut == std::string::npos) break;
    p.resize(cut);
  }
  return {};
}

namespace {

std::string where(const std::string& file, const toml::source_region& r) {
  return fmt::format("{}:{}:{}", file, r.begin.line, r.begin.column);
}

Json to_json(const toml::node& node, const std::string& path, const std::string& file,
             std::map<std::string, std::string>& locations) {
  locations.emplace(path, where(file, node.source()));
  if (auto t = node.as_table()) {
    Json out = Json::object();
    for (auto&& [k, v] : *t) {
      std::string child = path.empty() ? std::string(k.str()) : path + "." + std::string(k.str());
      locations[child] = where(file, k.source());
      out[std::string(k.str())] = to_json(v, child, file, locations);
      locations[child] = where(file, k.source());  // prefer the key's position for messages
    }
    return out;
  }
  if (auto a = node.as_array()) {
    Json out = Json::array();
    size_t i = 0;
    for (auto&& v : *a) out.push_back(to_json(v, fmt::format("{}[{}]", path, i++), file, locations));
    return out;
  }
  if (auto s = node.as_string()) return s->get();
  if (auto i = node.as_integer()) return i->get();
  if (auto d = node.as_floating_point()) return d->get();
  if (auto b = node.as_boolean()) return b->get();
  std::ostringstream os;  // dates and times keep their TOML text
  if (auto v = node.as_date_time()) os << *v;
  else if (auto v2 = node.as_date()) os << *v2;
  else if (auto v3 = node.as_time()) os << *v3;
  return os.str();
}

const Kind kKinds[] = {Kind::Source, Kind::Transform, Kind::Clusterer, Kind::Sink};

void parse_components(PipelineSpec& spec, const Json& root, std::vector<ConfigError>& errors) {
  auto err = [&](const std::string& path, std::string msg) {
    errors.push_back({path, spec.locate(path), std::move(msg)});
  };
  std::set<std::string> names;
  for (Kind kind : kKinds) {
    std::string table(kind_table(kind));
    if (!root.contains(table)) continue;
    const Json& t = root[table];
    if (!t.is_object()) {
      err(table, fmt::format("[{}] must be a table of named components", table));
      continue;
    }
    for (auto it = t.begin(); it != t.end(); ++it) {
      ComponentSpec c;
      c.kind = kind;
      c.name = it.key();
      std::string path = c.path();
      if (!it.value().is_object()) {
        err(path, fmt::format("[{}] must be a table with at least `type`", path));
        continue;
      }
      if (!names.insert(c.name).second)
        err(path, fmt::format("component name `{}` is used twice; names must be unique across all tables", c.name));
      Json opts = it.value();
      if (!opts.contains("type") || !opts["type"].is_string()) {
        err(path, fmt::format("[{}] has no `type`; set it to a {} plugin name (see `log-gardener plugins list`)", path,
                              kind_name(kind)));
      } else {
        c.type = opts["type"].get<std::string>();
      }
      if (opts.contains("inputs")) {
        const Json& in = opts["inputs"];
        if (in.is_string()) c.inputs.push_back(in.get<std::string>());
        else if (in.is_array())
          for (const auto& e : in)
            if (e.is_string()) c.inputs.push_back(e.get<std::string>());
            else err(path + ".inputs", "`inputs` must be a list of component names");
        else err(path + ".inputs", "`inputs` must be a list of component names");
      }
      opts.erase("type");
      opts.erase("inputs");
      c.options = std::move(opts);
      spec.components.push_back(std::move(c));
    }
  }
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string& k = it.key();
    if (k == "pipeline") continue;
    bool known = std::any_of(std::begin(kKinds), std::end(kKinds), [&](Kind kd) { return kind_table(kd) == k; });
    if (!known) {
      std::string hint = did_you_mean(k, {"pipeline", "sources", "transforms", "clusterers", "sinks"});
      err(k, fmt::format("unknown table [{}]{}; allowed: pipeline, sources, transforms, clusterers, sinks", k,
                         hint.empty() ? "" : fmt::format("; did you mean [{}]?", hint)));
    }
  }
}

void parse_pipeline_table(PipelineSpec& spec, const Json& root, std::vector<ConfigError>& errors) {
  auto err = [&](const std::string& path, std::string msg) {
    errors.push_back({path, spec.locate(path), std::move(msg)});
  };
  if (!root.contains("pipeline") || !root["pipeline"].is_object()) {
    err("pipeline", "missing [pipeline] table with at least `name`");
    return;
  }
  const Json& p = root["pipeline"];
  static const std::vector<std::string> allowed = {"name", "service", "state", "analysis", "description"};
  for (auto it = p.begin(); it != p.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
    std::string hint = did_you_mean(it.key(), allowed);
    err("pipeline." + it.key(), fmt::format("unknown option `{}` in [pipeline]{}; allowed: {}", it.key(),
                                            hint.empty() ? "" : fmt::format("; did you mean `{}`?", hint),
                                            fmt::join(allowed, ", ")));
  }
  if (p.contains("name") && p["name"].is_string()) spec.name = p["name"].get<std::string>();
  else err("pipeline.name", "[pipeline] needs a `name` (string): it names the state, worklogs and issues");
  if (p.contains("service") && p["service"].is_string()) spec.service = interpolate_env(p["service"].get<std::string>());
  if (p.contains("state") && p["state"].is_string()) spec.state_path = interpolate_env(p["state"].get<std::string>());
  if (p.contains("analysis")) {
    if (p["analysis"].is_object()) spec.analysis = p["analysis"];
    else err("pipeline.analysis", "[pipeline.analysis] must be a table");
    // Checked here, so `validate` finds what `run` would refuse, each error located.
    std::vector<ConfigError> analysis_errors;
    if (p["analysis"].is_object()) parse_analysis_settings(p["analysis"], analysis_errors);
    for (auto& e : analysis_errors) err("pipeline.analysis" + (e.path.empty() ? "" : "." + e.path), e.message);
  }
}

}  // namespace

PipelineSpec parse_pipeline_text(const std::string& text, const std::string& display_name, const std::string& base_dir,
                                 std::vector<ConfigError>& errors) {
  PipelineSpec spec;
  spec.file = display_name;
  spec.base_dir = base_dir;
  toml::table table;
  try {
    table = toml::parse(text, display_name);
  } catch (const toml::parse_error& e) {
    errors.push_back({"", where(display_name, e.source()),
                      fmt::format("not valid TOML: {}", e.description())});
    return spec;
  }
  Json root = to_json(table, "", display_name, spec.locations);
  parse_pipeline_table(spec, root, errors);
  parse_components(spec, root, errors);
  if (spec.service.empty()) spec.service = spec.name;
  return spec;
}

PipelineSpec parse_pipeline_file(const std::string& path, std::vector<ConfigError>& errors) {
  std::error_code ec;
  const bool directory = fs::is_directory(path, ec);
  std::ifstream in;
  if (!directory) in.open(path);
  if (directory || !in) {
    errors.push_back({"", path, directory ? "is a directory, not a pipeline file; give the .toml file inside it"
                                          : "cannot open the pipeline file; check the path"});
    PipelineSpec spec;
    spec.file = path;
    return spec;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string base = fs::absolute(path).parent_path().string();
  return parse_pipeline_text(ss.str(), path, base, errors);
}

std::string format_errors(const std::vector<ConfigError>& errors) {
  std::string out;
  for (const auto& e : errors) {
    out += e.location.empty() ? "" : e.location + ": ";
    out += "error: ";
    if (!e.path.empty()) out += "[" + e.path + "] ";
    out += e.message + "\n";
  }
  return out;
}

}  // namespace v1
}  // namespace gardener
