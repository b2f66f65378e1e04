#include <filesystem>
#include <iostream>

#include <boost/program_options.hpp>
#include <spdlog/spdlog.h>

#include "commands.hpp"
#include "pipeline.hpp"
#include "runner.hpp"

namespace po = boost::program_options;

namespace gardener::cli {
namespace {

// --since: a duration before --until ("6h") or an RFC 3339 time.
std::optional<TimeNs> parse_since(const std::string& text, TimeNs until) {
  if (auto d = parse_duration(text)) return until - *d;
  return parse_rfc3339(text);
}

// Without --since the window reaches back the longest `lookback` a source declares, else 6h.
std::string default_lookback(const PipelineSpec& spec) {
  std::string best = "6h";
  TimeNs best_ns = *parse_duration(best);
  bool found = false;
  for (const auto& c : spec.components) {
    if (c.kind != Kind::Source || !c.options.contains("lookback") || !c.options["lookback"].is_string()) continue;
    auto d = parse_duration(c.options["lookback"].get<std::string>());
    if (d && (!found || *d > best_ns)) {
      best_ns = *d;
      best = c.options["lookback"].get<std::string>();
      found = true;
    }
  }
  return best;
}

bool load_pipeline(const std::string& file, const Registry& registry, Pipeline& out) {
  std::vector<ConfigError> errors;
  PipelineSpec spec = parse_pipeline_file(file, errors);
  // Components that parsed are checked even beside an error elsewhere in the file (a misspelt
  // table, a missing name): every error is printed together.
  if (errors.empty() || !spec.components.empty()) out = build_pipeline(spec, registry, errors);
  if (!errors.empty()) {
    std::cerr << format_errors(errors) << errors.size() << " error(s) in " << file << "\n";
    return false;
  }
  return true;
}

}  // namespace

int cmd_run(const std::vector<std::string>& args, const Globals& g) {
  po::options_description desc("run");
  desc.add_options()("pipeline", po::value<std::string>())("plan", po::bool_switch())(
      "since", po::value<std::string>())("until", po::value<std::string>())(
      "state", po::value<std::string>())("no-state", po::bool_switch());
  po::positional_options_description pos;
  pos.add("pipeline", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
  } catch (const std::exception& e) {
    std::cerr << "log-gardener run: " << e.what() << "\n";
    return 2;
  }
  if (!vm.count("pipeline")) {
    std::cerr << "log-gardener run: give the pipeline file: log-gardener run PIPELINE.toml\n";
    return 2;
  }
  RunOptions opts;
  TimeNs until = now_ns();
  if (vm.count("until")) {
    auto u = parse_rfc3339(vm["until"].as<std::string>());
    if (!u) {
      std::cerr << "log-gardener run: --until must be an RFC 3339 time like 2025-09-13T22:00:00Z\n";
      return 2;
    }
    until = *u;
  }
  Registry registry = load_registry(g);
  Pipeline pipeline;
  if (!load_pipeline(vm["pipeline"].as<std::string>(), registry, pipeline)) return 2;

  std::string since_text = vm.count("since") ? vm["since"].as<std::string>() : default_lookback(pipeline.spec);
  auto since = parse_since(since_text, until);
  if (!since || *since >= until) {
    std::cerr << "log-gardener run: --since must be a duration (6h) or an RFC 3339 time before --until\n";
    return 2;
  }
  opts.window = {*since, until};
  opts.plan = vm["plan"].as<bool>();
  opts.stop = g.stop;
  opts.progress = g.interactive;
  opts.plan_output = [](const std::string& line) { std::cout << line << std::endl; };
  if (!vm["no-state"].as<bool>())
    opts.state_path = vm.count("state") ? vm["state"].as<std::string>()
                      : pipeline.spec.state_path.empty()
                          ? default_state_path(pipeline.spec.name)
                          : (std::filesystem::path(pipeline.spec.base_dir) / pipeline.spec.state_path).string();
  spdlog::info("running `{}` over [{}, {}){}", pipeline.spec.name, format_rfc3339(opts.window.start),
               format_rfc3339(opts.window.end), opts.plan ? " in plan mode: nothing will be written" : "");
  RunResult result = run_pipeline(pipeline, opts);
  const Report& r = result.report;
  if (result.code == ExitCode::Ok || result.code == ExitCode::SinkFailed) {
    spdlog::info("read {} lines: {} clusters, {} not clustered, {} dropped, {} bad lines", r.lines_read,
                 r.clusters.size(), r.lines_not_clustered, r.lines_dropped, r.bad_lines);
  }
  if (!result.message.empty()) spdlog::error("{}", result.message);
  return static_cast<int>(result.code);
}

int cmd_validate(const std::vector<std::string>& args, const Globals& g) {
  if (args.empty()) {
    std::cerr << "log-gardener validate: give one or more pipeline files\n";
    return 2;
  }
  Registry registry = load_registry(g);
  int rc = 0;
  for (const auto& file : args) {
    Pipeline p;
    if (load_pipeline(file, registry, p)) std::cout << file << ": ok (" << p.nodes.size() << " components)\n";
    else rc = 2;
  }
  return rc;
}

int cmd_graph(const std::vector<std::string>& args, const Globals&) {
  if (args.size() != 1) {
    std::cerr << "log-gardener graph: give one pipeline file\n";
    return 2;
  }
  std::vector<ConfigError> errors;
  PipelineSpec spec = parse_pipeline_file(args[0], errors);
  Registry none;
  if (errors.empty()) build_pipeline(spec, none, errors, /*instantiate=*/false);
  if (!errors.empty()) {
    std::cerr << format_errors(errors);
    return 2;
  }
  std::cout << pipeline_dot(spec);
  return 0;
}

}  // namespace gardener::cli
