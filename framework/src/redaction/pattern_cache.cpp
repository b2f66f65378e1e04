#include "pattern_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

namespace gardener::pattern_cache {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'L', 'G', 'H', 'S', 'D', 'B', '0', '1'};

// Only what this user owns and no one else may change: a planted database could hide secrets.
bool private_to_me(const fs::path& p, bool want_dir) {
  struct stat st {};
  if (::lstat(p.c_str(), &st) != 0) return false;
  if (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) return false;
  return st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

constexpr size_t kMaxFiles = 32;  // each pattern set is a file; a changed config leaves its old one

fs::path file_of(const fs::path& dir, uint64_t key) { return dir / fmt::format("hyperscan-{:016x}.db", key); }

// Keeps the kMaxFiles most recently used databases (a load touches its file).
void evict_least_recent(const fs::path& dir) {
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("hyperscan-", 0) == 0 && e.path().extension() == ".db")
      files.emplace_back(fs::last_write_time(e.path(), ec), e.path());
  }
  if (files.size() <= kMaxFiles) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + kMaxFiles < files.size(); ++i) fs::remove(files[i].second, ec);
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

}  // namespace

std::optional<fs::path> directory() {
  if (const char* d = std::getenv("GARDENER_CACHE_DIR")) {
    if (!*d || std::string_view(d) == "off") return std::nullopt;
    return fs::path(d);
  }
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "log-gardener";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache" / "log-gardener";
  return std::nullopt;
}

std::optional<Entry> load(uint64_t key) {
  const auto dir = directory();
  if (!dir || !private_to_me(*dir, true)) return std::nullopt;
  const fs::path file = file_of(*dir, key);
  if (!private_to_me(file, false)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
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
  ::utimensat(AT_FDCWD, file.c_str(), nullptr, 0);  // recently used: kept by evict_least_recent
  return e;
}

void store(uint64_t key, const Entry& entry) {
  const auto dir = directory();
  if (!dir) return;
  std::error_code ec;
  fs::create_directories(*dir, ec);
  ::chmod(dir->c_str(), 0700);  // best effort; a directory others can write is never read
  if (!private_to_me(*dir, true)) return;
  std::string bytes(kMagic, sizeof kMagic);
  put(bytes, key);
  put<uint64_t>(bytes, entry.modes.size());
  bytes.append(entry.modes.begin(), entry.modes.end());
  put<uint64_t>(bytes, entry.database.size());
  bytes += entry.database;
  put(bytes, XXH3_64bits(bytes.data(), bytes.size()));
  const fs::path file = file_of(*dir, key);
  const fs::path temp = file.string() + fmt::format(".{}.tmp", ::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
  bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), file.c_str()) != 0) ::unlink(temp.c_str());
  evict_least_recent(*dir);
}

}  // namespace gardener::pattern_cache
