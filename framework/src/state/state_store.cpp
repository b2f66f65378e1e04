// The SQLite state store (design.md §7): WAL, busy timeout, versioned schema, one mutex around the
// connection so a store may be shared by the runner's threads. Every method is one short statement
// or one transaction, so a second process only ever waits for milliseconds.
#include <gardener/state.hpp>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <set>

#include <gardener/errors.hpp>

#include "state/sqlite_db.hpp"

namespace gardener {
inline namespace v1 {
namespace {

using detail::SqliteDb;
using detail::SqliteStmt;

/// BEGIN IMMEDIATE ... COMMIT, rolled back if the body throws. Inside a transaction that is already
/// open (in_one_transaction) it does nothing: the outer one commits or rolls back.
class WriteTxn {
 public:
  WriteTxn(SqliteDb& db, bool nested) : db_(db), done_(nested) {
    if (!nested) db_.exec("BEGIN IMMEDIATE");
  }
  ~WriteTxn() {
    if (!done_) {
      try {
        db_.exec("ROLLBACK");
      } catch (...) {
      }
    }
  }
  void commit() {
    if (done_) return;
    db_.exec("COMMIT");
    done_ = true;
  }

 private:
  SqliteDb& db_;
  bool done_ = false;
};

RunRow run_row(const SqliteStmt& q) {
  return RunRow{q.int_col(0), q.text_col(1), Window{q.int_col(2), q.int_col(3)}, q.int_col(4), q.text_col(5)};
}

ClusterRow cluster_row(const SqliteStmt& q) {
  return ClusterRow{q.text_col(0), q.text_col(1), q.text_col(2), q.text_col(3),
                    q.int_col(4), q.int_col(5), static_cast<uint64_t>(q.int_col(6))};
}

IssueLinkRow link_row(const SqliteStmt& q) {
  return IssueLinkRow{q.text_col(0), q.text_col(1), q.int_col(2), q.text_col(3), q.text_col(4),
                      q.text_col(5), q.int_col(6), q.int_col(7), q.int_col(8)};
}

constexpr const char* kClusterCols = "id, title, template, kind, first_seen, last_seen, total_count";
constexpr const char* kLinkCols =
    "cluster_id, repo, number, url, state, state_reason, closed_at, quiet_runs, updated_at";

class SqliteStateStore final : public StateStore {
 public:
  SqliteStateStore(const std::string& path, TimeNs busy_timeout)
      : db_(path, std::max<int64_t>(busy_timeout / 1'000'000, 0)) {
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = NORMAL");
    version_ = detail::migrate_state(db_);
  }

  const std::string& path() const override { return db_.path(); }
  int schema_version() const override { return version_; }

  std::optional<std::string> get(const std::string& ns, const std::string& key) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_, "SELECT value FROM kv WHERE ns = ? AND key = ?");
    q.bind_all(ns, key);
    if (!q.step()) return std::nullopt;
    return q.text_col(0);
  }
  void put(const std::string& ns, const std::string& key, const std::string& value) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_,
                 "INSERT INTO kv (ns, key, value, updated_at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
    q.bind_all(ns, key, value, now_ns()).run();
  }
  void erase(const std::string& ns, const std::string& key) override {
    std::lock_guard lock(mu_);
    SqliteStmt(db_, "DELETE FROM kv WHERE ns = ? AND key = ?").bind_all(ns, key).run();
  }

  int64_t begin_run(const std::string& pipeline, const Window& window) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_,
                 "INSERT INTO runs (pipeline, window_start, window_end, started_at, status) "
                 "VALUES (?, ?, ?, ?, 'running')");
    q.bind_all(pipeline, window.start, window.end, now_ns()).run();
    return db_.last_insert_id();
  }
  void finish_run(int64_t run_id, const std::string& status) override {
    std::lock_guard lock(mu_);
    SqliteStmt(db_, "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?").bind_all(status, now_ns(), run_id).run();
  }
  std::vector<RunRow> recent_runs(const std::string& pipeline, size_t n) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_,
                 "SELECT id, pipeline, window_start, window_end, started_at, status FROM runs "
                 "WHERE pipeline = ? AND status <> 'running' ORDER BY id DESC LIMIT ?");
    q.bind_all(pipeline, static_cast<int64_t>(n));
    std::vector<RunRow> out;
    while (q.step()) out.push_back(run_row(q));
    std::reverse(out.begin(), out.end());
    return out;
  }
  void record_count(int64_t run_id, const std::string& cluster_id, uint64_t count) override {
    std::lock_guard lock(mu_);
    // Replace, not add: recording the same run twice (a retried finish) stays correct.
    SqliteStmt(db_, "INSERT OR REPLACE INTO run_counts (run_id, cluster_id, count) VALUES (?, ?, ?)")
        .bind_all(run_id, cluster_id, static_cast<int64_t>(count))
        .run();
  }
  std::vector<uint64_t> counts(const std::string& cluster_id, const std::vector<RunRow>& runs) override {
    std::lock_guard lock(mu_);
    // A cluster's history includes the ids that were aliased to it.
    auto ids = ids_resolving_to(cluster_id);
    std::vector<uint64_t> out;
    for (const auto& run : runs) {
      uint64_t total = 0;
      for (const auto& id : ids) {
        SqliteStmt q(db_, "SELECT count FROM run_counts WHERE run_id = ? AND cluster_id = ?");
        q.bind_all(run.id, id);
        if (q.step()) total += static_cast<uint64_t>(q.int_col(0));
      }
      out.push_back(total);
    }
    return out;
  }

  void upsert_cluster(const ClusterRow& row) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_,
                 "INSERT INTO clusters (id, title, template, kind, first_seen, last_seen, total_count) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                 "title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE title END, "
                 "template = CASE WHEN excluded.template <> '' THEN excluded.template ELSE template END, "
                 "kind = CASE WHEN excluded.kind <> '' THEN excluded.kind ELSE kind END, "
                 "first_seen = min(first_seen, excluded.first_seen), "
                 "last_seen = max(last_seen, excluded.last_seen), "
                 "total_count = total_count + excluded.total_count");
    q.bind_all(row.id, row.title, row.template_text, row.kind, row.first_seen, row.last_seen,
               static_cast<int64_t>(row.total_count))
        .run();
  }
  std::optional<ClusterRow> cluster(const std::string& id) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_, std::string("SELECT ") + kClusterCols + " FROM clusters WHERE id = ?");
    q.bind(id);
    if (!q.step()) return std::nullopt;
    return cluster_row(q);
  }
  std::vector<ClusterRow> clusters() override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_, std::string("SELECT ") + kClusterCols + " FROM clusters ORDER BY id");
    std::vector<ClusterRow> out;
    while (q.step()) out.push_back(cluster_row(q));
    return out;
  }
  void add_alias(const std::string& old_id, const std::string& new_id) override {
    if (old_id == new_id) return;
    std::lock_guard lock(mu_);
    SqliteStmt(db_, "INSERT OR REPLACE INTO aliases (old_id, new_id, created_at) VALUES (?, ?, ?)")
        .bind_all(old_id, new_id, now_ns())
        .run();
  }
  std::string resolve_alias(const std::string& id) override {
    std::lock_guard lock(mu_);
    return resolve_locked(id);
  }

  std::optional<IssueLinkRow> issue_link(const std::string& repo, const std::string& cluster_id) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_, std::string("SELECT ") + kLinkCols + " FROM issue_links WHERE repo = ? AND cluster_id = ?");
    q.bind_all(repo, cluster_id);
    if (!q.step()) return std::nullopt;
    return link_row(q);
  }
  std::vector<IssueLinkRow> issue_links(const std::string& repo) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_, std::string("SELECT ") + kLinkCols + " FROM issue_links WHERE repo = ? ORDER BY number");
    q.bind(repo);
    std::vector<IssueLinkRow> out;
    while (q.step()) out.push_back(link_row(q));
    return out;
  }
  void put_issue_link(const IssueLinkRow& r) override {
    std::lock_guard lock(mu_);
    SqliteStmt(db_, std::string("INSERT OR REPLACE INTO issue_links (") + kLinkCols +
                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(r.cluster_id, r.repo, r.number, r.url, r.state, r.state_reason, r.closed_at, r.quiet_runs,
                  r.updated_at ? r.updated_at : now_ns())
        .run();
  }

  std::optional<std::string> checkpoint(const std::string& component) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_, "SELECT value FROM checkpoints WHERE component = ?");
    q.bind(component);
    if (!q.step()) return std::nullopt;
    return q.text_col(0);
  }
  void put_checkpoint(const std::string& component, const std::string& value) override {
    std::lock_guard lock(mu_);
    SqliteStmt(db_, "INSERT OR REPLACE INTO checkpoints (component, value, updated_at) VALUES (?, ?, ?)")
        .bind_all(component, value, now_ns())
        .run();
  }

  int64_t add_intent(const std::string& component, const std::string& action, const std::string& key,
                     const std::string& payload) override {
    std::lock_guard lock(mu_);
    SqliteStmt(db_,
               "INSERT INTO intents (component, action, key, payload, status, created_at) "
               "VALUES (?, ?, ?, ?, 'pending', ?)")
        .bind_all(component, action, key, payload, now_ns())
        .run();
    return db_.last_insert_id();
  }
  void finish_intent(int64_t id, const std::string& status) override {
    std::lock_guard lock(mu_);
    SqliteStmt(db_, "UPDATE intents SET status = ?, finished_at = ? WHERE id = ?").bind_all(status, now_ns(), id).run();
  }
  std::vector<IntentRow> pending_intents(const std::string& component) override {
    std::lock_guard lock(mu_);
    SqliteStmt q(db_,
                 "SELECT id, component, action, key, payload, status, created_at FROM intents "
                 "WHERE component = ? AND status = 'pending' ORDER BY id");
    q.bind(component);
    std::vector<IntentRow> out;
    while (q.step())
      out.push_back(IntentRow{q.int_col(0), q.text_col(1), q.text_col(2), q.text_col(3), q.text_col(4),
                              q.text_col(5), q.int_col(6)});
    return out;
  }

  uint64_t prune(TimeNs cutoff) override {
    std::lock_guard lock(mu_);
    WriteTxn txn(db_, in_transaction_);
    uint64_t removed = 0;
    for (const char* sql : {"DELETE FROM run_counts WHERE run_id IN (SELECT id FROM runs WHERE started_at < ?1 "
                            "AND status <> 'running')",
                            "DELETE FROM runs WHERE started_at < ?1 AND status <> 'running'",
                            "DELETE FROM intents WHERE created_at < ?1 AND status <> 'pending'"}) {
      SqliteStmt(db_, sql).bind(cutoff).run();
      removed += static_cast<uint64_t>(db_.changes());
    }
    txn.commit();
    return removed;
  }

  void in_one_transaction(const std::function<void()>& body) override {
    std::lock_guard lock(mu_);
    WriteTxn txn(db_, in_transaction_);
    const bool outer = !in_transaction_;
    in_transaction_ = true;
    try {
      body();
    } catch (...) {
      if (outer) in_transaction_ = false;
      throw;
    }
    if (outer) in_transaction_ = false;
    txn.commit();
  }

 private:
  /// Follows the alias chain; stops at the first repeated id, so a cycle cannot loop.
  std::string resolve_locked(const std::string& id) {
    std::set<std::string> seen{id};
    std::string cur = id;
    for (;;) {
      SqliteStmt q(db_, "SELECT new_id FROM aliases WHERE old_id = ?");
      q.bind(cur);
      if (!q.step()) return cur;
      std::string next = q.text_col(0);
      if (!seen.insert(next).second) return cur;
      cur = std::move(next);
    }
  }

  /// `id` and every id whose alias chain ends at `id`.
  std::vector<std::string> ids_resolving_to(const std::string& id) {
    std::vector<std::string> out{id};
    std::set<std::string> seen{id};
    for (size_t i = 0; i < out.size(); ++i) {
      SqliteStmt q(db_, "SELECT old_id FROM aliases WHERE new_id = ?");
      q.bind(out[i]);
      while (q.step()) {
        auto old = q.text_col(0);
        if (seen.insert(old).second) out.push_back(old);
      }
    }
    return out;
  }

  std::recursive_mutex mu_;  // in_one_transaction() holds it while its body calls the store
  bool in_transaction_ = false;
  SqliteDb db_;
  int version_ = 0;
};

void create_parent_dirs(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec)
    throw ConfigurationError("cannot create the directory of state database " + path + ": " + ec.message() +
                             "; pick a writable place with --state PATH");
}

}  // namespace

std::unique_ptr<StateStore> StateStore::open(const std::string& path, TimeNs busy_timeout) {
  create_parent_dirs(path);
  return std::make_unique<SqliteStateStore>(path, busy_timeout);
}

}  // namespace v1
}  // namespace gardener
