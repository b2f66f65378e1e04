#include "state/run_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <thread>

#include <gardener/errors.hpp>

namespace gardener::detail {

namespace {

std::string holder_pid(int fd) {
  char buf[32] = {0};
  ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string_view pid(buf, n > 0 ? static_cast<size_t>(n) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.remove_suffix(1);
  return pid.empty() ? std::string("unknown") : std::string(pid);
}

}  // namespace

RunLock::RunLock(std::string path, TimeNs wait) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw ConfigurationError("cannot open the run lock " + path_ + ": " + std::strerror(errno) +
                             "; check the state directory is writable, or pass --state PATH");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::nanoseconds(wait);
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      std::string why = std::strerror(errno);
      ::close(fd_);
      throw ConfigurationError("cannot lock " + path_ + ": " + why);
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      std::string pid = holder_pid(fd_);
      ::close(fd_);
      throw ConfigurationError("the state database is in use by another log-gardener run (pid " + pid + ", lock " +
                               path_ + "); wait for it to finish, or give this run its own file with --state PATH");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) (void)::pwrite(fd_, pid.data(), pid.size(), 0);
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace gardener::detail
