#pragma once
// Shared by gardener-redact-bench and gardener-rules-bench: Loghub-2k lines as input, timing,
// peak RSS.
#include <sys/resource.h>

#include <time.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace gardener::bench {

/// Every line of every `*_2k.log` under `dir` (the Loghub-2k layout), sorted by file name.
inline std::vector<std::string> loghub_lines(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::end(it);
       it.increment(ec))
    if (it->path().filename().string().ends_with("_2k.log")) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> lines;
  for (const auto& f : files) {
    std::ifstream in(f);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
  }
  if (lines.empty()) {
    std::cerr << "no *_2k.log files under " << dir << "; pass --data with the Loghub-2k directory\n";
    std::exit(2);
  }
  return lines;
}

inline double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

/// CPU seconds used by this thread: the honest figure on a shared, loaded machine.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

/// Wall and thread-CPU seconds of one run of `fn`.
struct Timing {
  double wall = 0, cpu = 0;
  Timing& operator+=(const Timing& o) {
    wall += o.wall;
    cpu += o.cpu;
    return *this;
  }
};
template <typename Fn>
Timing timed(Fn&& fn) {
  double c0 = thread_cpu_seconds();
  auto t0 = std::chrono::steady_clock::now();
  fn();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), thread_cpu_seconds() - c0};
}

/// Runs `fn` once and returns the wall seconds it took.
template <typename Fn>
double seconds(Fn&& fn) {
  auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Value of `--name VALUE`, or `fallback`.
inline std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (argv[i] == name) return argv[i + 1];
  return fallback;
}

}  // namespace gardener::bench
