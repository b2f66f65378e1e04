#pragma once
// The state store (design.md §7): SQLite in WAL mode, one database per pipeline by default.
// Plugins reach it through their Context; every method is a short transaction.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gardener/time.hpp>

namespace gardener {
inline namespace v1 {

struct ClusterRow {
  std::string id;
  std::string title;
  std::string template_text;
  std::string kind;
  TimeNs first_seen = 0;
  TimeNs last_seen = 0;
  uint64_t total_count = 0;
};

struct RunRow {
  int64_t id = 0;
  std::string pipeline;
  Window window;
  TimeNs started_at = 0;
  std::string status;  // running, ok, failed, sink_failed, abandoned
};

struct IssueLinkRow {
  std::string cluster_id;
  std::string repo;
  int64_t number = 0;
  std::string url;
  std::string state;         // open / closed
  std::string state_reason;  // completed / not_planned / ...
  TimeNs closed_at = 0;
  int64_t quiet_runs = 0;
  TimeNs updated_at = 0;
};

struct IntentRow {
  int64_t id = 0;
  std::string component;
  std::string action;   // "create_issue", ...
  std::string key;      // e.g. the fingerprint
  std::string payload;  // JSON
  std::string status;   // pending, done, abandoned
  TimeNs created_at = 0;
};

class StateStore {
 public:
  /// Opens (creating and migrating) the database. A second process waits up to `busy_timeout`
  /// for the lock and then fails with a ConfigurationError naming the file.
  static std::unique_ptr<StateStore> open(const std::string& path, TimeNs busy_timeout = 10 * kNsPerSecond);
  virtual ~StateStore() = default;

  virtual const std::string& path() const = 0;
  virtual int schema_version() const = 0;

  // Key/value per component (namespace = "<pipeline>/<component>").
  virtual std::optional<std::string> get(const std::string& ns, const std::string& key) = 0;
  virtual void put(const std::string& ns, const std::string& key, const std::string& value) = 0;
  virtual void erase(const std::string& ns, const std::string& key) = 0;

  // Runs and per-run counts.
  virtual int64_t begin_run(const std::string& pipeline, const Window& window) = 0;
  virtual void finish_run(int64_t run_id, const std::string& status) = 0;
  /// The last `n` finished runs of a pipeline, newest last.
  virtual std::vector<RunRow> recent_runs(const std::string& pipeline, size_t n) = 0;
  virtual void record_count(int64_t run_id, const std::string& cluster_id, uint64_t count) = 0;
  /// Counts of a cluster over the given runs (0 where absent), in the runs' order.
  virtual std::vector<uint64_t> counts(const std::string& cluster_id, const std::vector<RunRow>& runs) = 0;

  // Clusters and aliases.
  virtual void upsert_cluster(const ClusterRow& row) = 0;  // adds count, widens first/last
  virtual std::optional<ClusterRow> cluster(const std::string& id) = 0;
  virtual std::vector<ClusterRow> clusters() = 0;
  virtual void add_alias(const std::string& old_id, const std::string& new_id) = 0;
  /// Follows aliases to the current id (returns `id` itself when it has none).
  virtual std::string resolve_alias(const std::string& id) = 0;

  // Issue links (the GitHub ledger).
  virtual std::optional<IssueLinkRow> issue_link(const std::string& repo, const std::string& cluster_id) = 0;
  virtual std::vector<IssueLinkRow> issue_links(const std::string& repo) = 0;
  virtual void put_issue_link(const IssueLinkRow& row) = 0;

  // Source checkpoints.
  virtual std::optional<std::string> checkpoint(const std::string& component) = 0;
  virtual void put_checkpoint(const std::string& component, const std::string& value) = 0;

  // Intent log for remote writes.
  virtual int64_t add_intent(const std::string& component, const std::string& action, const std::string& key,
                             const std::string& payload) = 0;
  virtual void finish_intent(int64_t id, const std::string& status) = 0;
  virtual std::vector<IntentRow> pending_intents(const std::string& component) = 0;

  /// Deletes runs, counts and finished intents older than `cutoff`; returns rows removed.
  virtual uint64_t prune(TimeNs cutoff) = 0;

  /// Runs `body`, which calls this store, as one write transaction (rolled back if it throws):
  /// the hundreds of small writes that end a run commit once. Other threads' calls wait for it.
  virtual void in_one_transaction(const std::function<void()>& body) = 0;
};

}  // namespace v1
}  // namespace gardener
