#pragma once
// A cache of compiled Hyperscan databases on disk, so a run does not spend ~65 ms compiling the
// same redaction patterns again. The directory is GARDENER_CACHE_DIR ("off" turns the cache off),
// else $XDG_CACHE_HOME/log-gardener, else ~/.cache/log-gardener. A cached database decides what
// redaction finds, so only files this user owns and nobody else can write, in a directory of the
// same kind, are read (checked on the open descriptor, never through a symlink), and every file
// carries its key and a checksum; anything else is ignored and compiled again. A missing
// directory is created 0700; an existing one that others can write turns the cache off (it is
// never chmod'ed). The 32 most recently used databases are kept.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gardener::pattern_cache {

struct Entry {
  std::vector<uint8_t> modes;  // per pattern, as PatternSet settled them after compiling
  std::string database;        // hs_serialize_database's bytes
};

/// The entry stored under `key`, or nullopt (absent, unsafe, damaged or from another key).
std::optional<Entry> load(uint64_t key);

/// Stores an entry under `key`: written to a fresh temporary file (O_EXCL, O_NOFOLLOW) beside it and
/// renamed into place, so readers never see half a file. Failures are ignored (the cache only
/// saves time).
void store(uint64_t key, const Entry& entry);

}  // namespace gardener::pattern_cache
