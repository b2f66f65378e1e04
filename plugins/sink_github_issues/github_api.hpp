#pragma once
// The slice of the GitHub REST API the sink uses (protocols.md §4), on gardener::HttpClient:
// required headers, Link pagination, serial paced mutations, primary/secondary rate limits, and
// retries only where a retry cannot duplicate anything.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <gardener/context.hpp>
#include <gardener/http.hpp>
#include <gardener/options.hpp>

namespace gardener::github {

struct ApiIssue {
  int64_t number = 0;
  std::string title;
  std::string body;
  std::string state;         // open / closed
  std::string state_reason;  // "" when null
  std::string html_url;
  std::vector<std::string> labels;
  TimeNs closed_at = 0;
  bool pull_request = false;
};

ApiIssue parse_issue(const Json& j);

struct ApiSettings {
  std::string api_url;  // no trailing slash
  std::string repo;     // owner/name
  std::string token;
  std::string user_agent;
  TimeNs mutation_interval = kNsPerSecond;
  TimeNs timeout = 30 * kNsPerSecond;
  int max_attempts = 5;
  TimeNs max_wait = 15 * 60 * kNsPerSecond;  // longest single rate-limit wait before giving up
};

/// What a POST came back with. `lost`: the body left the client but no usable answer came back,
/// so the write may or may not have happened.
struct WriteResult {
  long status = 0;
  Json body;
  bool lost = false;
  std::string error;  // GitHub's message or the transport error
};

class GitHubApi {
 public:
  GitHubApi(ApiSettings settings, Context& ctx);

  /// Every issue (not pull request) with `label`, open and closed, following Link headers.
  std::vector<ApiIssue> list_by_label(const std::string& label);
  std::optional<ApiIssue> get_issue(int64_t number);

  /// POST /issues: never retried once the body may have arrived (the caller looks before retrying).
  WriteResult create_issue(const Json& payload);
  /// PATCH is idempotent: retried on 5xx and transport errors. Throws RemoteError on failure.
  ApiIssue update_issue(int64_t number, const Json& payload);
  /// POST /comments: like create_issue, a lost answer is reported, not retried.
  WriteResult add_comment(int64_t number, const std::string& body);

  int mutations() const { return mutations_; }
  int rate_limited() const { return rate_limited_; }
  /// True when the last failure was a transport failure (no HTTP answer at all).
  bool unreachable() const { return unreachable_; }
  /// True once a rate limit outlasted max_attempts or max_rate_limit_wait: every later request
  /// of the run throws without being sent.
  bool stopped() const { return !stopped_.empty(); }
  const ApiSettings& settings() const { return settings_; }

 private:
  HttpResponse send(const std::string& method, const std::string& url, const std::string& body, bool retry_lost);
  void pace();
  /// How long to wait before retrying a rate-limited answer, or nullopt when it is not one.
  std::optional<TimeNs> rate_limit_wait(const HttpResponse& r, int times_limited) const;
  void sleep(TimeNs d);
  std::string repo_url(const std::string& tail) const;
  [[noreturn]] void fail(const std::string& what, const HttpResponse& r);

  ApiSettings settings_;
  Context& ctx_;
  HttpClient http_;
  std::optional<std::chrono::steady_clock::time_point> last_mutation_;
  int mutations_ = 0;
  int rate_limited_ = 0;
  bool unreachable_ = false;
  std::string stopped_;  // why the run stopped calling GitHub, or empty
};

/// GitHub's error message from a response body ("Bad credentials"), or the transport error.
std::string error_message(const HttpResponse& r);

}  // namespace gardener::github
