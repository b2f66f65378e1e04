#pragma once
// One run of the github_issues sink over a Report: read the repo's gardener issues, settle
// pending intents, then create / update / comment / reopen / close, serially and paced.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <gardener/context.hpp>
#include <gardener/report.hpp>
#include <gardener/state.hpp>

#include "github_api.hpp"
#include "issue_body.hpp"
#include "github_sink.hpp"

namespace gardener::github {

/// The ledger: issue links in the state store plus per-cluster notes (key/value). Absent state
/// and plan mode make every write a no-op.
class Ledger {
 public:
  Ledger(StateStore* store, std::string repo, std::string ns, bool read_only);
  std::optional<IssueLinkRow> link(const std::string& cluster_id) const;
  void put(const IssueLinkRow& row);
  /// Notes kept per cluster: the title we set, known variants, windows seen and commented.
  Json notes(const std::string& cluster_id) const;
  void put_notes(const std::string& cluster_id, const Json& notes);
  /// A cluster that follows an old id to its issue takes the old id's notes, when it has none.
  void carry_notes(const std::string& from, const std::string& to);
  int64_t add_intent(const std::string& cluster_id, const Json& payload);
  void finish_intent(int64_t id, const std::string& status);
  std::vector<IntentRow> pending_intents() const;
  bool persistent() const { return store_ != nullptr; }

 private:
  StateStore* store_;
  std::string repo_;
  std::string ns_;
  bool read_only_;
};

class IssueRun {
 public:
  IssueRun(const SinkSettings& settings, Context& ctx, Report& report, GitHubApi& api);
  /// Runs every step; throws RemoteError at the end when any cluster failed.
  void run();

 private:
  struct Tracked {
    Cluster* cluster = nullptr;
    ApiIssue issue;
    std::string action;       // created, reopened, commented, updated (refined in refresh)
    uint64_t after_close = 0;
  };

  void load_issues();
  void index_issue(const ApiIssue& issue);
  void settle_intents();
  void handle_cluster(Cluster& c);
  void handle_closed(Cluster& c, const ApiIssue& issue);
  void handle_open(Cluster& c, const ApiIssue& issue);
  std::optional<ApiIssue> create(Cluster& c, const ApiIssue* previous, uint64_t after_close);
  std::optional<ApiIssue> create_once(Cluster& c, Json payload);
  void drop_refused_assignees(const Cluster& c, const WriteResult& r, Json& payload);
  std::optional<ApiIssue> look_for_marker(const std::string& cluster_id);
  void maybe_comment(Cluster& c, const ApiIssue& issue, Json& notes);
  bool comment(int64_t number, const std::string& text, const std::string& why);
  void refresh(Tracked& t);
  void handle_quiet(QuietCluster& q);
  void close_quiet(QuietCluster& q, const ApiIssue& issue, int64_t quiet_runs);
  void close_merged_duplicates(const Cluster& c, const ApiIssue& kept);
  void remember(const Cluster& c, const ApiIssue& issue, int64_t quiet_runs);

  std::optional<std::pair<ApiIssue, std::string>> find_issue(const Cluster& c);
  bool eligible(const Cluster& c) const;
  bool muted(const ApiIssue& issue) const;
  std::string title_for(const Cluster& c) const;
  std::vector<std::string> labels_for(const Cluster& c) const;
  std::vector<std::string> assignees_for(const Cluster& c) const;
  std::string related_for(const Cluster& c, int64_t own_number) const;
  /// The query text and its Logs Explorer link, into `parts`.
  void add_query(const Cluster& c, BodyParts& parts) const;
  void set_ref(Cluster& c, const ApiIssue& issue, const std::string& action);
  void failed(const std::string& what);

  const SinkSettings& s_;
  Context& ctx_;
  Report& report_;
  GitHubApi& api_;
  Ledger ledger_;
  std::map<std::string, ApiIssue> by_marker_;
  std::map<int64_t, ApiIssue> by_number_;
  std::vector<Tracked> tracked_;
  std::set<std::string> handled_;  // cluster ids already given an issue this run
  int64_t created_ = 0;
  int64_t comments_ = 0;
  int64_t not_filed_ = 0;
  std::vector<std::string> failures_;
};

}  // namespace gardener::github
