#include "pattern_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace gardener::pattern_cache {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'L', 'G', 'H', 'S', 'D', 'B', '0', '1'};

// A descriptor, closed with its owner.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Only what this user owns and no one else may change: a planted database could hide secrets.
// Checked on the open descriptor (fstat), so the file checked is the file read.
bool private_to_me(int fd, bool want_dir) {
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) return false;
  if (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) return false;
  return st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

// The cache directory, opened without following a symlink, or -1 when it is not private. It is
// created 0700 when missing; an existing directory is never chmod'ed (it may be someone's $HOME).
int open_private_dir(const fs::path& dir, bool create) {
  if (create) {
    std::error_code ec;
    fs::create_directories(dir.parent_path(), ec);
    ::mkdir(dir.c_str(), 0700);
  }
  Fd d(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!private_to_me(d.fd, true)) return -1;
  const int fd = d.fd;
  d.fd = -1;
  return fd;
}

constexpr size_t kMaxFiles = 32;  // each pattern set is a file; a changed config leaves its old one

std::string file_name(uint64_t key) { return fmt::format("hyperscan-{:016x}.db", key); }

// Keeps the kMaxFiles most recently used databases (a load touches its file), and always the one
// just written (file times are coarse: many files can share one).
void evict_least_recent(const fs::path& dir, const std::string& just_written) {
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("hyperscan-", 0) == 0 && e.path().extension() == ".db" && name != just_written)
      files.emplace_back(fs::last_write_time(e.path(), ec), e.path());
  }
  if (files.size() + 1 <= kMaxFiles) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + kMaxFiles < files.size() + 1; ++i) fs::remove(files[i].second, ec);
}

template <typename T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
bool get(const std::string& in, size_t& at, T& v) {
  if (in.size() - at < sizeof v) return false;
  std::memcpy(&v, in.data() + at, sizeof v);
  at += sizeof v;
  return true;
}

// The cache directory, or nullopt when caching is off or no directory is known.
std::optional<fs::path> directory() {
  if (const char* d = std::getenv("GARDENER_CACHE_DIR")) {
    if (!*d || std::string_view(d) == "off") return std::nullopt;
    return fs::path(d);
  }
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "log-gardener";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache" / "log-gardener";
  return std::nullopt;
}

}  // namespace

std::optional<Entry> load(uint64_t key) {
  const auto dir = directory();
  if (!dir) return std::nullopt;
  Fd d(open_private_dir(*dir, false));
  if (d.fd < 0) return std::nullopt;
  Fd f(::openat(d.fd, file_name(key).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!private_to_me(f.fd, false)) return std::nullopt;
  std::string bytes;
  char buf[1 << 16];
  for (ssize_t got; (got = ::read(f.fd, buf, sizeof buf)) != 0;) {
    if (got < 0) return std::nullopt;
    bytes.append(buf, static_cast<size_t>(got));
  }
  // magic, key, modes, database, then XXH3 of everything before it
  if (bytes.size() < sizeof kMagic + 3 * sizeof(uint64_t)) return std::nullopt;
  const size_t body = bytes.size() - sizeof(uint64_t);
  uint64_t sum = 0, stored_key = 0, n_modes = 0, n_db = 0;
  size_t at = body;
  if (!get(bytes, at, sum) || sum != XXH3_64bits(bytes.data(), body)) return std::nullopt;
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
  at = sizeof kMagic;
  if (!get(bytes, at, stored_key) || stored_key != key || !get(bytes, at, n_modes) || n_modes > body - at)
    return std::nullopt;
  Entry e;
  e.modes.assign(bytes.begin() + static_cast<std::ptrdiff_t>(at), bytes.begin() + static_cast<std::ptrdiff_t>(at + n_modes));
  at += n_modes;
  if (!get(bytes, at, n_db) || n_db != body - at) return std::nullopt;
  e.database = bytes.substr(at, n_db);
  ::futimens(f.fd, nullptr);  // recently used: kept by evict_least_recent
  return e;
}

void store(uint64_t key, const Entry& entry) {
  const auto dir = directory();
  if (!dir) return;
  Fd d(open_private_dir(*dir, true));
  if (d.fd < 0) return;
  std::string bytes(kMagic, sizeof kMagic);
  put(bytes, key);
  put<uint64_t>(bytes, entry.modes.size());
  bytes.append(entry.modes.begin(), entry.modes.end());
  put<uint64_t>(bytes, entry.database.size());
  bytes += entry.database;
  put(bytes, XXH3_64bits(bytes.data(), bytes.size()));
  // A temporary name of this writer (process, call, time), and O_EXCL | O_NOFOLLOW: a file or link
  // already there makes the store fail, never writes through it.
  static std::atomic<uint64_t> serial{0};
  const std::string name = file_name(key);
  const std::string temp = fmt::format("{}.{}.{}.{}.tmp", name, ::getpid(), ++serial,
                                       std::chrono::steady_clock::now().time_since_epoch().count());
  Fd f(::openat(d.fd, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (f.fd < 0) return;
  bool ok = ::write(f.fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  ok = ::close(f.fd) == 0 && ok;
  f.fd = -1;
  if (!ok || ::renameat(d.fd, temp.c_str(), d.fd, name.c_str()) != 0) {
    ::unlinkat(d.fd, temp.c_str(), 0);
    return;
  }
  evict_least_recent(*dir, name);
}

}  // namespace gardener::pattern_cache
