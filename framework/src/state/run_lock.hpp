#pragma once
// One run at a time per state database (protocols.md §4.6 step 6): two runs that both list the
// issues before either files one would both file it. SQLite's own locks cover one transaction,
// not a run, so `run` holds an exclusive flock(2) on "<state>.lock" from start to end. The kernel
// drops it when the process dies, so a killed run never leaves a stale lock behind.
#include <string>

#include <gardener/time.hpp>

namespace gardener::detail {

class RunLock {
 public:
  /// Waits up to `wait` for the lock, then throws ConfigurationError naming the file and the pid
  /// that holds it.
  RunLock(std::string path, TimeNs wait);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace gardener::detail
