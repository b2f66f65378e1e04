// sqlite3 wrapper and the state schema's migration list.
#include "state/sqlite_db.hpp"

#include <sqlite3.h>

#include <gardener/errors.hpp>

namespace gardener::detail {

SqliteDb::SqliteDb(const std::string& path, int64_t busy_timeout_ms) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw ConfigurationError("cannot open state database " + path + ": " + msg +
                             "; check the directory exists and is writable, or pass --state PATH");
  }
  sqlite3_extended_result_codes(db_, 0);
  sqlite3_busy_timeout(db_, static_cast<int>(busy_timeout_ms));
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, c] : cache_) sqlite3_finalize(c.stmt);
  sqlite3_close_v2(db_);
}

void SqliteDb::fail(int rc, std::string_view what) const {
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    throw ConfigurationError("state database " + path_ + " is locked by another process (another log-gardener run?) "
                             "while " + std::string(what) +
                             "; wait for it to finish, or give this run its own file with --state PATH");
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    throw ConfigurationError("state database " + path_ + " is not a valid SQLite file (" + sqlite3_errstr(rc) +
                             "); move it aside or pass --state PATH");
  throw Error("state database " + path_ + ": " + std::string(what) + " failed: " + sqlite3_errmsg(db_));
}

void SqliteDb::exec(std::string_view sql) {
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, text.substr(0, text.find_first_of("(\n")));
}

int64_t SqliteDb::changes() const { return sqlite3_changes(db_); }
int64_t SqliteDb::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

SqliteStmt::SqliteStmt(SqliteDb& db, std::string_view sql) : db_(db) {
  auto [it, fresh] = db.cache_.try_emplace(std::string(sql));
  SqliteDb::Cached& cached = it->second;
  if (!fresh && !cached.in_use) {
    stmt_ = cached.stmt;
  } else {
    int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                fresh ? SQLITE_PREPARE_PERSISTENT : 0, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
      if (fresh) db.cache_.erase(it);
      db.fail(rc, "preparing a statement");
    }
    if (!fresh) return;  // the cached one is in use (a statement run inside its own loop): this one is private
    cached.stmt = stmt_;
  }
  cached.in_use = true;
  lent_ = &cached.in_use;
}

SqliteStmt::~SqliteStmt() {
  if (!lent_) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *lent_ = false;
}

SqliteStmt& SqliteStmt::bind(int64_t v) {
  sqlite3_bind_int64(stmt_, next_param_++, v);
  return *this;
}

SqliteStmt& SqliteStmt::bind(const std::string& v) {
  sqlite3_bind_text(stmt_, next_param_++, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

bool SqliteStmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc, sqlite3_sql(stmt_));
}

void SqliteStmt::run() {
  while (step()) {
  }
}

int64_t SqliteStmt::int_col(int i) const { return sqlite3_column_int64(stmt_, i); }
bool SqliteStmt::null_col(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
std::string SqliteStmt::text_col(int i) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, i))) : std::string();
}

const std::vector<std::string_view>& state_migrations() {
  // Append only: a released step is never edited, a change is a new step.
  static const std::vector<std::string_view> steps = {
      // 1: key/value, runs and their counts, clusters, checkpoints.
      R"(CREATE TABLE kv (ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, updated_at INTEGER NOT NULL,
                          PRIMARY KEY (ns, key));
         CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, pipeline TEXT NOT NULL,
                            window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                            started_at INTEGER NOT NULL, finished_at INTEGER, status TEXT NOT NULL);
         CREATE TABLE run_counts (run_id INTEGER NOT NULL, cluster_id TEXT NOT NULL, count INTEGER NOT NULL,
                                  PRIMARY KEY (run_id, cluster_id));
         CREATE TABLE clusters (id TEXT PRIMARY KEY, title TEXT NOT NULL, template TEXT NOT NULL,
                                kind TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
                                total_count INTEGER NOT NULL);
         CREATE TABLE checkpoints (component TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL);)",
      // 2: aliases, the GitHub ledger and the intent log.
      R"(CREATE TABLE aliases (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL, created_at INTEGER NOT NULL);
         CREATE TABLE issue_links (repo TEXT NOT NULL, cluster_id TEXT NOT NULL, number INTEGER NOT NULL,
                                   url TEXT NOT NULL, state TEXT NOT NULL, state_reason TEXT NOT NULL,
                                   closed_at INTEGER NOT NULL, quiet_runs INTEGER NOT NULL,
                                   updated_at INTEGER NOT NULL, PRIMARY KEY (repo, cluster_id));
         CREATE TABLE intents (id INTEGER PRIMARY KEY AUTOINCREMENT, component TEXT NOT NULL, action TEXT NOT NULL,
                               key TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL,
                               created_at INTEGER NOT NULL, finished_at INTEGER);)",
      // 3: indexes for the history queries and pruning.
      R"(CREATE INDEX run_counts_by_cluster ON run_counts (cluster_id, run_id);
         CREATE INDEX runs_by_pipeline ON runs (pipeline, id);
         CREATE INDEX intents_by_component ON intents (component, status);
         CREATE INDEX aliases_by_new ON aliases (new_id);)",
  };
  return steps;
}

namespace {
int user_version(SqliteDb& db) {
  SqliteStmt q(db, "PRAGMA user_version");
  return q.step() ? static_cast<int>(q.int_col(0)) : 0;
}

// Tables in a database that has no schema version of ours: another program's file.
int64_t table_count(SqliteDb& db) {
  SqliteStmt q(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
  return q.step() ? q.int_col(0) : 0;
}
}  // namespace

int migrate_state(SqliteDb& db, int target) {
  const auto& steps = state_migrations();
  int latest = static_cast<int>(steps.size());
  if (target < 0 || target > latest) target = latest;
  db.exec("BEGIN IMMEDIATE");  // one writer migrates; a concurrent opener waits, then sees it done
  try {
    int version = user_version(db);
    if (version > latest)
      throw ConfigurationError("state database " + db.path() + " has schema version " + std::to_string(version) +
                               ", newer than this log-gardener knows (" + std::to_string(latest) +
                               "); upgrade log-gardener or use another --state file");
    if (version == 0 && table_count(db) > 0)
      throw ConfigurationError("state database " + db.path() + " is a SQLite file of another program (it has tables "
                               "but no log-gardener schema version); give the gardener its own file with --state PATH");
    for (; version < target; ++version) db.exec(steps[static_cast<size_t>(version)]);
    db.exec("PRAGMA user_version = " + std::to_string(version));
    db.exec("COMMIT");
    return version;
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace gardener::detail
