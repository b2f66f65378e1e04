// log-gardener: the command line (design.md §8).
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <iostream>

#include <boost/program_options.hpp>
#include <spdlog/spdlog.h>

#include "commands.hpp"

namespace po = boost::program_options;
using namespace gardener;

namespace {

const char* kUsage = R"(usage: log-gardener [global options] COMMAND [args]

commands:
  run PIPELINE.toml [--plan] [--since 6h|T] [--until T] [--state PATH]
                          run the pipeline over the half-open window [since, until)
  validate FILE...        check pipeline files; print every error with file:line:column
  graph FILE              print the pipeline graph as Graphviz DOT
  plugins list            list every plugin found, with its kind
  plugins describe NAME   the plugin's options table
  plugins docs            the pipeline reference (Markdown) generated from every options table
  redact [--pipeline FILE | --config FILE]
                          filter stdin to stdout through the redaction detectors
  rules test RULES.toml   show which rule claims each line of stdin
  state show [PIPELINE.toml | --state PATH]
  state prune --older-than 90d [PIPELINE.toml | --state PATH]

global options:
  --plugin-path DIRS      extra plugin directories (':'-separated; also GARDENER_PLUGIN_PATH)
  --log-level LEVEL       trace, debug, info, warn, error (default info)
  --log-format FORMAT     text (default) or json
  --version               print the version and the plugin ABI
  -h, --help              this help

exit codes: 0 ok, 1 run failed, 2 usage or configuration error, 3 the run finished but a sink failed
)";

std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop.store(true); }

}  // namespace

int main(int argc, char** argv) {
  po::options_description global("global");
  global.add_options()("help,h", "")("version", "")("plugin-path", po::value<std::string>(), "")(
      "log-level", po::value<std::string>()->default_value("info"), "")(
      "log-format", po::value<std::string>()->default_value("text"), "")(
      "command", po::value<std::string>(), "")("args", po::value<std::vector<std::string>>(), "");
  po::positional_options_description pos;
  pos.add("command", 1).add("args", -1);

  po::variables_map vm;
  std::vector<std::string> rest;
  try {
    auto parsed = po::command_line_parser(argc, argv).options(global).positional(pos).allow_unregistered().run();
    po::store(parsed, vm);
    po::notify(vm);
    rest = po::collect_unrecognized(parsed.options, po::include_positional);
  } catch (const std::exception& e) {
    std::cerr << "log-gardener: " << e.what() << "\n" << kUsage;
    return 2;
  }
  if (vm.count("version")) return cli::print_version();
  if (vm.count("help") || !vm.count("command")) {
    std::cout << kUsage;
    return vm.count("help") ? 0 : 2;
  }
  if (!cli::setup_logging(vm["log-level"].as<std::string>(), vm["log-format"].as<std::string>())) {
    std::cerr << "log-gardener: --log-level must be trace, debug, info, warn or error and --log-format text or json\n";
    return 2;
  }
  // `rest` holds the command and its arguments (positional and unknown options, in order).
  // An unknown option before the command comes first: drop the command word wherever it is.
  if (auto at = std::find(rest.begin(), rest.end(), vm["command"].as<std::string>()); at != rest.end()) rest.erase(at);

  cli::Globals g;
  if (vm.count("plugin-path")) g.plugin_path = vm["plugin-path"].as<std::string>();
  g.stop = &g_stop;
  g.interactive = isatty(STDERR_FILENO);
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  try {
    return cli::dispatch(vm["command"].as<std::string>(), rest, g);
  } catch (const ConfigurationError& e) {
    std::cerr << "log-gardener: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "log-gardener: " << e.what() << "\n";
    return 1;
  }
}
