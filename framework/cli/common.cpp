#include <iostream>
#include <map>

#include <nlohmann/json.hpp>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <gardener/version.hpp>

#include "commands.hpp"

namespace gardener::cli {
namespace {

// --log-format json: one JSON object per line on stderr, properly escaped.
class JsonStderrSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    auto secs = std::chrono::duration_cast<std::chrono::nanoseconds>(msg.time.time_since_epoch()).count();
    nlohmann::json j = {{"time", format_time(secs)},
                        {"level", std::string(spdlog::level::to_string_view(msg.level).data(),
                                              spdlog::level::to_string_view(msg.level).size())},
                        {"message", std::string(msg.payload.data(), msg.payload.size())}};
    std::cerr << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  void flush_() override { std::cerr.flush(); }
  static std::string format_time(int64_t ns);
};

}  // namespace
}  // namespace gardener::cli

#include <gardener/time.hpp>

namespace gardener::cli {
namespace {
std::string JsonStderrSink::format_time(int64_t ns) { return format_rfc3339(ns, 3); }
}  // namespace

int print_version() {
  std::cout << "log-gardener " << GARDENER_VERSION << "\nplugin ABI: " << host_abi_stamp() << " (SDK "
            << kSdkMajor << "." << kSdkMinor << ")\n";
  return 0;
}

bool setup_logging(const std::string& level, const std::string& format) {
  static const std::map<std::string, spdlog::level::level_enum> levels = {
      {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug}, {"info", spdlog::level::info},
      {"warn", spdlog::level::warn},   {"error", spdlog::level::err}};
  auto it = levels.find(level);
  if (it == levels.end() || (format != "text" && format != "json")) return false;
  std::shared_ptr<spdlog::logger> logger;
  if (format == "json") logger = std::make_shared<spdlog::logger>("gardener", std::make_shared<JsonStderrSink>());
  else logger = spdlog::stderr_color_mt("gardener");
  logger->set_level(it->second);
  if (format == "text") logger->set_pattern("%^%l%$: %v");
  spdlog::set_default_logger(logger);
  return true;
}

Registry load_registry(const Globals& g, bool quiet) {
  std::vector<std::string> extra;
  std::string list = g.plugin_path;
  size_t start = 0;
  for (size_t i = 0; i <= list.size(); ++i)
    if (i == list.size() || list[i] == ':') {
      if (i > start) extra.push_back(list.substr(start, i - start));
      start = i + 1;
    }
  Registry registry;
  std::vector<std::string> errors;
  for (const auto& dir : plugin_search_path(extra)) registry.load_directory(dir, errors);
  if (!quiet)
    for (const auto& e : errors) spdlog::warn("plugin refused: {}", e);
  return registry;
}

namespace {

// Commands whose arguments are files and words only: an option there is a typo, not a file.
// (`run`, `redact` and `state` parse their own options and refuse the ones they do not know.)
bool refuses_options(const std::string& command, const std::vector<std::string>& args) {
  if (command != "validate" && command != "graph" && command != "plugins" && command != "rules") return false;
  for (const auto& a : args)
    if (is_option(a)) return unknown_option(command, a), true;
  return false;
}

}  // namespace

bool is_option(const std::string& arg) { return arg.size() > 1 && arg[0] == '-'; }

int unknown_option(const std::string& command, const std::string& arg) {
  std::cerr << "log-gardener " << command << ": unknown option `" << arg << "`; run `log-gardener --help`\n";
  return 2;
}

int dispatch(const std::string& command, const std::vector<std::string>& args, const Globals& g) {
  if (refuses_options(command, args)) return 2;
  if (command == "run") return cmd_run(args, g);
  if (command == "validate") return cmd_validate(args, g);
  if (command == "graph") return cmd_graph(args, g);
  if (command == "plugins") return cmd_plugins(args, g);
  if (command == "redact") return cmd_redact(args, g);
  if (command == "rules") return cmd_rules(args, g);
  if (command == "state") return cmd_state(args, g);
  std::cerr << "log-gardener: unknown command `" << command << "`; run `log-gardener --help`\n";
  return 2;
}

}  // namespace gardener::cli
