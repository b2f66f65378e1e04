#pragma once
#include <atomic>
#include <string>
#include <vector>

#include "loader.hpp"

namespace gardener::cli {

struct Globals {
  std::string plugin_path;
  std::atomic<bool>* stop = nullptr;
  bool interactive = false;
};

int print_version();
bool setup_logging(const std::string& level, const std::string& format);
int dispatch(const std::string& command, const std::vector<std::string>& args, const Globals& g);
/// "-x" or "--x" (a lone "-" is stdin, not an option).
bool is_option(const std::string& arg);
/// Says `arg` is no option of `command`; returns the usage exit code, 2.
int unknown_option(const std::string& command, const std::string& arg);

/// Loads every plugin on the search path; load errors are warnings (the process survives them).
Registry load_registry(const Globals& g, bool quiet = false);

int cmd_run(const std::vector<std::string>& args, const Globals& g);
int cmd_validate(const std::vector<std::string>& args, const Globals& g);
int cmd_graph(const std::vector<std::string>& args, const Globals& g);
int cmd_plugins(const std::vector<std::string>& args, const Globals& g);
int cmd_redact(const std::vector<std::string>& args, const Globals& g);
int cmd_rules(const std::vector<std::string>& args, const Globals& g);
int cmd_state(const std::vector<std::string>& args, const Globals& g);

}  // namespace gardener::cli
