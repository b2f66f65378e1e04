#pragma once
// A thin RAII layer over one sqlite3 connection, shared by the state store and its tests.
// Every failure becomes a gardener::Error naming the database file.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace gardener::detail {

class SqliteStmt;

class SqliteDb {
 public:
  /// Opens (creating) `path` with a busy timeout; throws ConfigurationError on failure.
  SqliteDb(const std::string& path, int64_t busy_timeout_ms);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }
  /// Runs one or more statements without results.
  void exec(std::string_view sql);
  int64_t changes() const;
  int64_t last_insert_id() const;
  /// Turns an sqlite status into the framework's error (busy = locked by another process).
  [[noreturn]] void fail(int rc, std::string_view what) const;

 private:
  friend class SqliteStmt;
  // Prepared statements kept by SQL text: a run upserts every cluster with the same few statements,
  // and preparing one costs more than running it. A statement in use is not lent twice.
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  std::unordered_map<std::string, Cached> cache_;
  sqlite3* db_ = nullptr;
  std::string path_;
};

/// A prepared statement; bind() takes parameters in order, step() returns true while rows come.
class SqliteStmt {
 public:
  SqliteStmt(SqliteDb& db, std::string_view sql);
  ~SqliteStmt();
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;

  SqliteStmt& bind(int64_t v);
  SqliteStmt& bind(const std::string& v);
  template <typename... A>
  SqliteStmt& bind_all(const A&... args) {
    (bind(args), ...);
    return *this;
  }
  bool step();
  /// Steps to completion (for INSERT/UPDATE/DELETE).
  void run();

  int64_t int_col(int i) const;
  std::string text_col(int i) const;
  bool null_col(int i) const;

 private:
  SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool* lent_ = nullptr;  // the cache's in_use flag when stmt_ is the cache's
  int next_param_ = 1;
};

/// Schema migrations in order: step i takes the database from user_version i to i + 1.
const std::vector<std::string_view>& state_migrations();
/// Applies the migrations above the database's user_version, up to `target` (all when -1), in one
/// write transaction; returns the resulting version. Throws when the file is newer than we know.
int migrate_state(SqliteDb& db, int target = -1);

}  // namespace gardener::detail
