#pragma once
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>

namespace gardener::testing {

struct CliResult {
  int rc = -1;
  std::string out;  // stdout and stderr
};

/// Runs the log-gardener executable through the shell (stdin from `input_file` if given).
inline CliResult run_cli(const std::string& args, const std::string& input_file = "") {
  std::string cmd = std::string(GARDENER_EXE) + " " + args;
  if (!input_file.empty()) cmd += " < '" + input_file + "'";
  cmd += " 2>&1";
  CliResult r;
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  while (size_t n = fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace gardener::testing
