#pragma once
// An in-process, stateful fake of the GitHub REST API (protocols.md §4.7) over real HTTP on
// 127.0.0.1: issues, comments, labels, list filters with Link pagination, search with an
// indexing lag, rate-limit headers, a secondary-limit mode, scripted faults and a request log.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <gardener/time.hpp>

namespace httplib {
class Server;
class Request;
class Response;
}  // namespace httplib

namespace gardener::fakes {

struct FakeComment {
  int64_t id = 0;
  std::string body;
  std::string user;
  TimeNs created_at = 0;
};

struct FakeIssue {
  int64_t id = 0;
  int64_t number = 0;
  std::string title;
  std::string body;
  std::string state = "open";
  std::string state_reason;  // "" = null
  std::vector<std::string> labels;
  std::vector<std::string> assignees;
  std::string user = "gardener-bot";
  TimeNs created_at = 0;
  TimeNs updated_at = 0;
  TimeNs closed_at = 0;
  bool pull_request = false;
  std::vector<FakeComment> comments;
  // The search index's copy (eventually consistent): text as of the last indexing.
  std::optional<std::string> indexed_text;
  std::vector<std::string> indexed_labels;
  std::string indexed_state;
};

struct FakeLabel {
  int64_t id = 0;
  std::string name;
  std::string color = "ededed";
  std::string description;
};

struct LoggedRequest {
  TimeNs at = 0;  // fake clock
  std::string method;
  std::string path;  // without the API prefix
  std::string query;
  std::string body;
  int status = 0;
  bool mutation = false;
};

enum class FaultKind {
  Status,             // answer `status` without performing the request
  StatusAfterPerform, // perform it, then answer `status` (a 502 after the issue was created)
  DropAfterPerform,   // perform it, then close the connection mid-answer (a "lost answer")
  DelayAfterPerform,  // perform it, then answer after `delay` (a client timeout)
};

struct Fault {
  std::string method;         // "POST", "" = any
  std::string path_contains;  // matched against the path without prefix, "" = any
  FaultKind kind = FaultKind::Status;
  int status = 502;
  TimeNs delay = 0;
  int times = 1;
};

struct SecondaryLimit {
  int per_minute = 80;
  int per_hour = 500;
  int status = 403;                // 403 or 429
  std::optional<int> retry_after;  // seconds; absent = no header
};

class FakeGitHub {
 public:
  /// `prefix` is "" (github.com) or "/api/v3" (GHES). Starts listening at once.
  explicit FakeGitHub(std::string prefix = "");
  ~FakeGitHub();
  FakeGitHub(const FakeGitHub&) = delete;
  FakeGitHub& operator=(const FakeGitHub&) = delete;

  /// http://127.0.0.1:PORT plus the prefix: what the client uses as api_url.
  std::string api_url() const;
  int port() const { return port_; }

  // --- Setup -------------------------------------------------------------------------------
  void add_repo(const std::string& full_name);
  void set_issues_disabled(const std::string& repo, bool disabled);
  /// Requests to `old_name` answer 301 with the new location.
  void rename_repo(const std::string& old_name, const std::string& new_name);
  /// A token the server accepts; without push access labels and assignees are silently dropped.
  void add_token(const std::string& token, bool push_access = true);
  /// When any collaborator is set, unknown assignees get a 422.
  void add_collaborator(const std::string& login);
  void set_core_limit(int per_hour);
  void set_secondary_limit(std::optional<SecondaryLimit> limit);
  /// Search sees a change only `lag` after it happened (or after index()).
  void set_search_lag(TimeNs lag);
  void set_index_html_comments(bool on);
  void index();
  void add_fault(Fault fault);
  /// Clock skew: the fake's clock is the real clock plus everything advanced.
  void advance(TimeNs d);
  TimeNs now() const;

  // --- Human actions (bypass HTTP) ----------------------------------------------------------
  int64_t add_issue(const std::string& repo, const std::string& title, const std::string& body,
                    const std::vector<std::string>& labels, bool pull_request = false);
  void close_issue(const std::string& repo, int64_t number, const std::string& reason = "completed");
  void set_title(const std::string& repo, int64_t number, const std::string& title);
  void add_label(const std::string& repo, int64_t number, const std::string& label);

  // --- Inspection ---------------------------------------------------------------------------
  std::vector<FakeIssue> issues(const std::string& repo, bool include_pulls = false) const;
  std::optional<FakeIssue> issue(const std::string& repo, int64_t number) const;
  std::optional<FakeLabel> label(const std::string& repo, const std::string& name) const;
  std::vector<LoggedRequest> requests() const;
  size_t mutation_count() const;
  int max_in_flight() const { return max_in_flight_.load(); }

 private:
  struct Repo {
    std::string full_name;
    std::vector<FakeIssue> items;  // issues and pull requests share the number sequence
    std::map<std::string, FakeLabel> labels;  // key: lowercase name
    bool issues_disabled = false;
  };
  struct Reply {
    int status = 200;
    nlohmann::json body;
    std::vector<std::pair<std::string, std::string>> headers;
  };

  void handle(const httplib::Request& req, httplib::Response& res);
  Reply dispatch(const std::string& method, const std::string& path, const httplib::Request& req, bool push,
                 bool& performed);
  std::optional<Reply> check_headers(const httplib::Request& req, bool& push_access);
  std::optional<Reply> check_rate_limits(bool mutation, bool search, std::vector<std::pair<std::string, std::string>>& headers);
  std::optional<Fault> take_fault(const std::string& method, const std::string& path);

  Reply list_issues(Repo& repo, const httplib::Request& req, const std::string& path);
  Reply create_issue(Repo& repo, const nlohmann::json& in, bool push);
  Reply update_issue(Repo& repo, FakeIssue& issue, const nlohmann::json& in, bool push);
  Reply list_comments(Repo& repo, FakeIssue& issue, const httplib::Request& req, const std::string& path);
  Reply add_comment(Repo& repo, FakeIssue& issue, const nlohmann::json& in);
  Reply add_labels(Repo& repo, FakeIssue& issue, const nlohmann::json& in, bool push);
  Reply create_label(Repo& repo, const nlohmann::json& in);
  Reply search(const httplib::Request& req, const std::string& path);

  Repo* find_repo(const std::string& full_name);
  const Repo* find_repo(const std::string& full_name) const;
  FakeIssue* find_item(Repo& repo, int64_t number);
  FakeIssue& must_find(const std::string& repo, int64_t number);
  FakeLabel& ensure_label(Repo& repo, const std::string& name);
  void touch(FakeIssue& issue);
  template <typename T, typename V>
  void locked_set(T& field, V value) {
    std::lock_guard lock(mu_);
    field = std::move(value);
  }
  void refresh_index(Repo& repo);
  nlohmann::json issue_json(const Repo& repo, const FakeIssue& issue) const;
  nlohmann::json label_json(const FakeLabel& label) const;
  nlohmann::json comment_json(const Repo& repo, const FakeIssue& issue, const FakeComment& c) const;
  std::string html_url(const Repo& repo, int64_t number) const;
  /// Pages `items` and sets the Link header built from the request's own query.
  Reply paginate(const nlohmann::json& items, const httplib::Request& req, const std::string& path);

  std::string prefix_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;

  mutable std::mutex mu_;
  std::map<std::string, Repo> repos_;
  std::map<std::string, std::string> renamed_;
  std::map<std::string, bool> tokens_;  // token -> push access
  std::set<std::string> collaborators_;
  int core_limit_ = 5000;
  std::vector<TimeNs> core_calls_;
  std::vector<TimeNs> search_calls_;
  std::optional<SecondaryLimit> secondary_;
  std::vector<TimeNs> mutations_;  // accepted mutations, for the secondary limit
  TimeNs search_lag_ = 0;
  bool index_html_comments_ = true;
  std::vector<Fault> faults_;
  std::vector<LoggedRequest> log_;
  std::atomic<TimeNs> skew_{0};
  int64_t next_id_ = 1000;
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
};

/// Counts Unicode code points, as GitHub's body limit does.
size_t utf8_length(const std::string& text);

}  // namespace gardener::fakes
