// Commands that work on streams and on the state store: redact, rules test, state.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <gardener/log_entry.hpp>

#include "commands.hpp"
#include "pipeline.hpp"
#include "run_context.hpp"
#include "runner.hpp"

namespace gardener::cli {
namespace {

// Instantiates one plugin of the registry alone (as a pipeline node would be), or throws a
// ConfigurationError listing every problem.
std::shared_ptr<Component> make_component(const Registry& registry, Kind kind, const std::string& type,
                                          const Json& options, const std::string& base_dir) {
  ComponentSpec c{kind, type, type, {}, options};
  PipelineSpec spec;
  spec.base_dir = base_dir;
  std::vector<ConfigError> errors;
  auto component = create_component(registry, c, spec, errors);
  if (!errors.empty() || !component) throw ConfigurationError(format_errors(errors));
  return component;
}

Record record_from_line(const std::string& line, size_t n) {
  Record r;
  if (!line.empty() && line.front() == '{' && decode_log_entry(line, r).empty()) {
    r.origin = fmt::format("stdin:{}", n);
    return r;
  }
  r = Record{};
  r.message = line;
  r.raw = line;
  r.origin = fmt::format("stdin:{}", n);
  return r;
}

Json redact_options_from(const std::string& pipeline_file, const std::string& config_file, std::string& base_dir) {
  if (!config_file.empty()) {
    base_dir = std::filesystem::absolute(config_file).parent_path().string();
    std::vector<ConfigError> errors;
    std::ifstream in(config_file);
    if (!in) throw ConfigurationError("cannot open " + config_file);
    std::stringstream ss;
    ss << in.rdbuf();
    // A --config file holds the redact transform's options, as in its pipeline table.
    auto spec = parse_pipeline_text("[pipeline]\nname=\"redact\"\n[transforms.redact]\ntype=\"redact\"\n" + ss.str(),
                                    config_file, base_dir, errors);
    if (!errors.empty()) throw ConfigurationError(format_errors(errors));
    return spec.components.at(0).options;
  }
  std::vector<ConfigError> errors;
  auto spec = parse_pipeline_file(pipeline_file, errors);
  if (!errors.empty()) throw ConfigurationError(format_errors(errors));
  base_dir = spec.base_dir;
  for (const auto& c : spec.components)
    if (c.kind == Kind::Transform && c.type == "redact") return c.options;
  throw ConfigurationError(pipeline_file + " has no transform of type \"redact\"; add one or drop --pipeline");
}

}  // namespace

int cmd_redact(const std::vector<std::string>& args, const Globals& g) {
  std::string pipeline_file, config_file;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--pipeline" && i + 1 < args.size()) pipeline_file = args[++i];
    else if (args[i] == "--config" && i + 1 < args.size()) config_file = args[++i];
    else {
      std::cerr << "usage: log-gardener redact [--pipeline FILE | --config FILE] < in > out\n";
      return 2;
    }
  }
  std::ios::sync_with_stdio(false);
  RedactionCounts counts;
  if (pipeline_file.empty() && config_file.empty()) {
    redact_stream(std::cin, std::cout, default_redactor(), &counts);
  } else {
    std::string base_dir;
    Json options = redact_options_from(pipeline_file, config_file, base_dir);
    Registry registry = load_registry(g);
    auto transform = make_component(registry, Kind::Transform, "redact", options, base_dir);
    RunShared shared;
    shared.pipeline = "redact";
    RunContext ctx(shared, "redact");
    transform->start(ctx);
    std::string line;
    size_t n = 0;
    while (std::getline(std::cin, line)) {
      Batch batch;
      Record r;
      r.message = line;
      r.raw = line;
      r.origin = fmt::format("stdin:{}", ++n);
      batch.records.push_back(std::move(r));
      static_cast<Transform*>(transform.get())->process(ctx, batch);
      std::cout << batch.records[0].raw << '\n';
    }
    transform->shutdown();
    counts = shared.redactions;
  }
  std::cout.flush();
  for (const auto& [detector, n] : counts) std::cerr << "redacted " << n << " x " << detector << "\n";
  return 0;
}

int cmd_rules(const std::vector<std::string>& args, const Globals& g) {
  if (args.size() != 2 || args[0] != "test") {
    std::cerr << "usage: log-gardener rules test RULES.toml < lines\n";
    return 2;
  }
  Registry registry = load_registry(g);
  std::string base = std::filesystem::current_path().string();
  auto clusterer = make_component(registry, Kind::Clusterer, "regex_rules",
                                  Json{{"rules", std::filesystem::absolute(args[1]).string()}}, base);
  RunShared shared;
  shared.pipeline = "rules-test";
  shared.window = {0, INT64_MAX};
  RunContext ctx(shared, "rules");
  clusterer->start(ctx);
  std::string line;
  size_t n = 0, claimed = 0;
  while (std::getline(std::cin, line)) {
    Batch batch;
    batch.records.push_back(record_from_line(line, ++n));
    static_cast<Clusterer*>(clusterer.get())->process(ctx, batch);
    const Record& r = batch.records[0];
    std::string verdict = r.dropped ? "drop:" + r.cluster_id : r.cluster_id.empty() ? "-" : r.cluster_id;
    if (!r.tags.empty()) verdict += fmt::format(" [tags: {}]", fmt::join(r.tags, ","));
    if (r.dropped || !r.cluster_id.empty()) ++claimed;
    std::string shown = r.message;
    default_redactor().redact_text(shown);
    std::cout << n << "\t" << verdict << "\t" << shown << "\n";
  }
  clusterer->shutdown();
  std::cerr << claimed << " of " << n << " lines claimed by a rule\n";
  return 0;
}

int cmd_state(const std::vector<std::string>& args, const Globals&) {
  if (args.empty() || (args[0] != "show" && args[0] != "prune")) {
    std::cerr << "usage: log-gardener state show|prune [--older-than 90d] [PIPELINE.toml | --state PATH]\n";
    return 2;
  }
  std::string path, older, pipeline_name;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--state" && i + 1 < args.size()) path = args[++i];
    else if (args[i] == "--older-than" && i + 1 < args.size()) older = args[++i];
    else if (is_option(args[i])) return unknown_option("state", args[i]);
    else {
      std::vector<ConfigError> errors;
      auto spec = parse_pipeline_file(args[i], errors);
      if (!errors.empty()) {
        std::cerr << format_errors(errors);
        return 2;
      }
      pipeline_name = spec.name;
      path = spec.state_path.empty() ? default_state_path(spec.name)
                                     : (std::filesystem::path(spec.base_dir) / spec.state_path).string();
    }
  }
  if (path.empty()) {
    std::cerr << "log-gardener state: give the pipeline file or --state PATH\n";
    return 2;
  }
  if (!std::filesystem::exists(path)) {
    std::cerr << "log-gardener state: no state database at " << path << " (no run has written one yet)\n";
    return 1;
  }
  auto store = StateStore::open(path);
  if (args[0] == "prune") {
    auto d = parse_duration(older);
    if (!d) {
      std::cerr << "log-gardener state prune: --older-than needs a duration such as 90d\n";
      return 2;
    }
    std::cout << "removed " << store->prune(now_ns() - *d) << " rows older than " << older << "\n";
    return 0;
  }
  std::cout << "state " << path << " (schema " << store->schema_version() << ")\n";
  auto clusters = store->clusters();
  std::cout << clusters.size() << " clusters\n";
  for (const auto& c : clusters)
    std::cout << fmt::format("  {:<18} {:>8}  last {}  {}\n", c.id, c.total_count, format_rfc3339(c.last_seen),
                             c.title);
  if (!pipeline_name.empty()) {
    std::cout << "recent runs:\n";
    for (const auto& r : store->recent_runs(pipeline_name, 10))
      std::cout << fmt::format("  #{} [{}, {}) {}\n", r.id, format_rfc3339(r.window.start),
                               format_rfc3339(r.window.end), r.status);
  }
  return 0;
}

}  // namespace gardener::cli
