#include "github_api.hpp"

#include <algorithm>

#include <gardener/errors.hpp>

namespace gardener::github {

namespace {

std::string str_or_empty(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_mutation(const std::string& method) { return method != "GET" && method != "HEAD"; }

int64_t header_int(const HttpResponse& r, std::string_view name, int64_t fallback) {
  std::string v = r.header(name);
  if (v.empty()) return fallback;
  try {
    return std::stoll(v);
  } catch (...) {
    return fallback;
  }
}

}  // namespace

ApiIssue parse_issue(const Json& j) {
  ApiIssue issue;
  if (!j.is_object()) return issue;
  issue.number = j.value("number", int64_t{0});
  issue.title = str_or_empty(j, "title");
  issue.body = str_or_empty(j, "body");
  issue.state = str_or_empty(j, "state");
  issue.state_reason = str_or_empty(j, "state_reason");
  issue.html_url = str_or_empty(j, "html_url");
  issue.pull_request = j.contains("pull_request") && !j["pull_request"].is_null();
  if (auto closed = parse_rfc3339(str_or_empty(j, "closed_at"))) issue.closed_at = *closed;
  if (auto it = j.find("labels"); it != j.end() && it->is_array()) {
    for (const auto& l : *it) {
      if (l.is_string()) issue.labels.push_back(l.get<std::string>());
      else if (l.is_object()) issue.labels.push_back(str_or_empty(l, "name"));
    }
  }
  return issue;
}

std::string error_message(const HttpResponse& r) {
  if (r.transport_failed()) return r.transport_error.empty() ? "no answer" : r.transport_error;
  Json j = Json::parse(r.body, nullptr, false);
  std::string msg = "HTTP " + std::to_string(r.status);
  if (j.is_object() && j.contains("message") && j["message"].is_string()) msg += ": " + j["message"].get<std::string>();
  if (j.is_object() && j.contains("errors") && j["errors"].is_array()) {
    for (const auto& e : j["errors"]) {
      if (e.is_object() && e.contains("message")) msg += " (" + e["message"].get<std::string>() + ")";
      else if (e.is_object()) msg += " (" + e.value("field", std::string("?")) + ": " + e.value("code", std::string("?")) + ")";
    }
  }
  return msg;
}

GitHubApi::GitHubApi(ApiSettings settings, Context& ctx) : settings_(std::move(settings)), ctx_(ctx) {}

std::string GitHubApi::repo_url(const std::string& tail) const {
  return settings_.api_url + "/repos/" + settings_.repo + tail;
}

void GitHubApi::sleep(TimeNs d) {
  if (!ctx_.sleep_for(d)) throw RemoteError("github_issues: stopped while waiting to call the GitHub API");
}

void GitHubApi::pace() {
  if (!last_mutation_) return;
  auto since = std::chrono::steady_clock::now() - *last_mutation_;
  TimeNs elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(since).count();
  if (elapsed < settings_.mutation_interval) sleep(settings_.mutation_interval - elapsed);
}

std::optional<TimeNs> GitHubApi::rate_limit_wait(const HttpResponse& r, int times_limited) const {
  if (r.status != 403 && r.status != 429) return std::nullopt;
  std::string msg = error_message(r);
  bool limited = r.status == 429 || msg.find("rate limit") != std::string::npos ||
                 !r.header("retry-after").empty() || r.header("x-ratelimit-remaining") == "0";
  if (!limited) return std::nullopt;
  TimeNs wait = 60 * kNsPerSecond;  // protocols.md §4.4: at least a minute when nothing says otherwise
  if (int64_t retry_after = header_int(r, "retry-after", -1); retry_after >= 0) {
    wait = retry_after * kNsPerSecond;
  } else if (r.header("x-ratelimit-remaining") == "0") {
    int64_t reset = header_int(r, "x-ratelimit-reset", 0);
    wait = std::max<TimeNs>(kNsPerSecond, reset * kNsPerSecond - now_ns());
  }
  // Repeated limits back off exponentially on top of what the server asked for.
  for (int i = 1; i < times_limited && wait < settings_.max_wait; ++i) wait *= 2;
  return wait;
}

HttpResponse GitHubApi::send(const std::string& method, const std::string& url, const std::string& body,
                             bool retry_lost) {
  HttpRequest req;
  req.method = method;
  req.url = url;
  req.body = body;
  req.timeout = settings_.timeout;
  req.headers = {{"Accept", "application/vnd.github+json"},
                 {"Authorization", "Bearer " + settings_.token},
                 {"X-GitHub-Api-Version", "2022-11-28"},
                 {"User-Agent", settings_.user_agent}};
  if (!body.empty()) req.headers.emplace_back("Content-Type", "application/json");
  if (!stopped_.empty())
    throw RemoteError("github_issues: " + method + " " + url + " not sent: " + stopped_);
  Backoff backoff(BackoffPolicy{settings_.max_attempts, 500 * 1'000'000LL, 2.0, 30 * kNsPerSecond});
  int limited = 0;
  for (int attempt = 1;; ++attempt) {
    if (is_mutation(method)) pace();
    HttpResponse r = http_.send(req);
    if (is_mutation(method)) {
      last_mutation_ = std::chrono::steady_clock::now();
      ++mutations_;
    }
    if (auto wait = rate_limit_wait(r, ++limited)) {
      // A limited request was not performed, so even a POST may be sent again.
      ++rate_limited_;
      ctx_.metric("rate_limited", 1);
      if (attempt >= settings_.max_attempts || *wait > settings_.max_wait) {
        // Writing on into a limit can get the token banned (protocols.md §4.4): nothing more
        // goes to GitHub this run.
        stopped_ = "GitHub rate-limited this run (" + error_message(r) + ") and the sink stopped calling it";
        fail(method + " " + url + " (rate limited)", r);
      }
      ctx_.warn("github_issues: rate limited by GitHub ({}), waiting {}", error_message(r), format_duration(*wait));
      sleep(*wait);
      continue;
    }
    --limited;
    bool unanswered = r.transport_failed() || r.status >= 500;
    if (!unanswered) return r;
    bool may_have_happened = is_mutation(method) && (r.status >= 500 || r.body_sent);
    if ((may_have_happened && !retry_lost) || !backoff.can_retry() || attempt >= settings_.max_attempts) return r;
    ctx_.warn("github_issues: {} {} failed ({}), retrying", method, url, error_message(r));
    sleep(backoff.next_delay());
  }
}

void GitHubApi::fail(const std::string& what, const HttpResponse& r) {
  unreachable_ = r.transport_failed();
  std::string hint;
  if (r.status == 401) hint = " Check the token (token, token_file or GARDENER_GITHUB_TOKEN/GH_TOKEN/GITHUB_TOKEN).";
  if (r.status == 404) hint = " Check `repo` and that the token can see it.";
  if (r.status == 410) hint = " Issues are disabled for the repository.";
  throw RemoteError("github_issues: " + what + " failed: " + error_message(r) + "." + hint);
}

std::vector<ApiIssue> GitHubApi::list_by_label(const std::string& label) {
  std::vector<ApiIssue> out;
  std::string url = repo_url("/issues?labels=" + url_encode(label) + "&state=all&per_page=100&sort=created&direction=asc");
  for (int page = 0; !url.empty(); ++page) {
    if (page >= 1000) throw RemoteError("github_issues: listing issues did not end after 1000 pages");
    HttpResponse r = send("GET", url, "", true);
    if (!r.ok()) fail("listing issues labelled `" + label + "` in " + settings_.repo, r);
    Json items = Json::parse(r.body, nullptr, false);
    if (!items.is_array()) throw RemoteError("github_issues: listing issues returned something other than a JSON array");
    for (const auto& item : items) {
      ApiIssue issue = parse_issue(item);
      if (!issue.pull_request) out.push_back(std::move(issue));
    }
    url = link_header_url(r.header("Link"), "next");
  }
  return out;
}

std::optional<ApiIssue> GitHubApi::get_issue(int64_t number) {
  HttpResponse r = send("GET", repo_url("/issues/" + std::to_string(number)), "", true);
  if (r.status == 404 || r.status == 410) return std::nullopt;
  if (!r.ok()) fail("reading issue #" + std::to_string(number), r);
  ApiIssue issue = parse_issue(Json::parse(r.body, nullptr, false));
  if (issue.pull_request) return std::nullopt;
  return issue;
}

namespace {
WriteResult to_write_result(const HttpResponse& r) {
  WriteResult w;
  w.status = r.status;
  w.body = Json::parse(r.body, nullptr, false);
  w.lost = r.transport_failed() || r.status >= 500 || (r.ok() && !w.body.is_object());
  if (!r.ok() || w.lost) w.error = error_message(r);
  return w;
}
}  // namespace

WriteResult GitHubApi::create_issue(const Json& payload) {
  return to_write_result(send("POST", repo_url("/issues"), payload.dump(), false));
}

ApiIssue GitHubApi::update_issue(int64_t number, const Json& payload) {
  HttpResponse r = send("PATCH", repo_url("/issues/" + std::to_string(number)), payload.dump(), true);
  if (!r.ok()) fail("updating issue #" + std::to_string(number), r);
  return parse_issue(Json::parse(r.body, nullptr, false));
}

WriteResult GitHubApi::add_comment(int64_t number, const std::string& body) {
  Json payload = {{"body", body}};
  return to_write_result(send("POST", repo_url("/issues/" + std::to_string(number) + "/comments"), payload.dump(), false));
}

}  // namespace gardener::github
