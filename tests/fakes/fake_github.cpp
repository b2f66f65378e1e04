#include "fake_github.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <httplib.h>

namespace gardener::fakes {

using nlohmann::json;

namespace {

constexpr size_t kBodyLimit = 65536;
constexpr const char* kDocs = "https://docs.github.com/rest";
constexpr TimeNs kMinute = 60 * kNsPerSecond;
constexpr TimeNs kHour = 60 * kMinute;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool iequals(const std::string& a, const std::string& b) { return lower(a) == lower(b); }

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

json error_body(const std::string& message, int status, json errors = nullptr) {
  json j = {{"message", message}, {"documentation_url", kDocs}, {"status", std::to_string(status)}};
  if (!errors.is_null()) j["errors"] = std::move(errors);
  return j;
}

json body_too_long(const std::string& resource) {
  return error_body("Validation Failed", 422,
                    json::array({{{"resource", resource},
                                  {"field", "body"},
                                  {"code", "custom"},
                                  {"message", "body is too long (maximum is 65536 characters)"}}}));
}

std::string strip_html_comments(const std::string& text) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("<!--", pos);
    if (open == std::string::npos) break;
    out.append(text, pos, open - pos);
    size_t close = text.find("-->", open + 4);
    if (close == std::string::npos) return out;
    pos = close + 3;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

std::string percent_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ',' || c == ':') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

int64_t to_int(const std::string& s, int64_t fallback) {
  try {
    size_t used = 0;
    int64_t v = std::stoll(s, &used);
    return used == s.size() ? v : fallback;
  } catch (...) {
    return fallback;
  }
}

std::string param(const httplib::Request& req, const std::string& name, const std::string& fallback = "") {
  return req.has_param(name) ? req.get_param_value(name) : fallback;
}

// Tokens of a search query: words, quoted phrases, qualifiers with quoted values.
std::vector<std::string> query_tokens(const std::string& q) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : q) {
    if (c == '"') {
      quoted = !quoted;
      cur += c;
    } else if ((c == ' ' || c == '+') && !quoted) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string unquote(std::string s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
  return s;
}

}  // namespace

size_t utf8_length(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

FakeGitHub::FakeGitHub(std::string prefix) : prefix_(std::move(prefix)), server_(std::make_unique<httplib::Server>()) {
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  server_->Get(".*", handler);
  server_->Post(".*", handler);
  server_->Patch(".*", handler);
  server_->Put(".*", handler);
  server_->Delete(".*", handler);
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("FakeGitHub: cannot bind a port on 127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeGitHub::~FakeGitHub() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeGitHub::api_url() const { return "http://127.0.0.1:" + std::to_string(port_) + prefix_; }

// --- Setup ----------------------------------------------------------------------------------

void FakeGitHub::add_repo(const std::string& full_name) {
  std::lock_guard lock(mu_);
  repos_[lower(full_name)].full_name = full_name;
}
void FakeGitHub::set_issues_disabled(const std::string& repo, bool disabled) {
  std::lock_guard lock(mu_);
  if (auto* r = find_repo(repo)) r->issues_disabled = disabled;
}
void FakeGitHub::rename_repo(const std::string& old_name, const std::string& new_name) {
  std::lock_guard lock(mu_);
  auto it = repos_.find(lower(old_name));
  if (it == repos_.end()) return;
  Repo moved = std::move(it->second);
  repos_.erase(it);
  moved.full_name = new_name;
  repos_[lower(new_name)] = std::move(moved);
  renamed_[lower(old_name)] = new_name;
}
void FakeGitHub::add_token(const std::string& token, bool push_access) {
  std::lock_guard lock(mu_);
  tokens_[token] = push_access;
}
void FakeGitHub::add_collaborator(const std::string& login) {
  std::lock_guard lock(mu_);
  collaborators_.insert(lower(login));
}
void FakeGitHub::set_core_limit(int per_hour) { locked_set(core_limit_, per_hour); }
void FakeGitHub::set_secondary_limit(std::optional<SecondaryLimit> limit) { locked_set(secondary_, limit); }
void FakeGitHub::set_search_lag(TimeNs lag) { locked_set(search_lag_, lag); }
void FakeGitHub::set_index_html_comments(bool on) { locked_set(index_html_comments_, on); }
void FakeGitHub::index() {
  std::lock_guard lock(mu_);
  TimeNs saved = search_lag_;
  search_lag_ = 0;
  for (auto& [_, repo] : repos_) refresh_index(repo);
  search_lag_ = saved;
}
void FakeGitHub::add_fault(Fault fault) {
  std::lock_guard lock(mu_);
  faults_.push_back(std::move(fault));
}
void FakeGitHub::advance(TimeNs d) { skew_ += d; }
TimeNs FakeGitHub::now() const { return now_ns() + skew_.load(); }

// --- Human actions --------------------------------------------------------------------------

int64_t FakeGitHub::add_issue(const std::string& repo_name, const std::string& title, const std::string& body,
                              const std::vector<std::string>& labels, bool pull_request) {
  std::lock_guard lock(mu_);
  Repo* repo = find_repo(repo_name);
  if (!repo) throw std::runtime_error("FakeGitHub: unknown repo " + repo_name);
  FakeIssue issue;
  issue.id = ++next_id_;
  issue.number = static_cast<int64_t>(repo->items.size()) + 1;
  issue.title = title;
  issue.body = body;
  issue.pull_request = pull_request;
  issue.user = "a-human";
  for (const auto& l : labels) issue.labels.push_back(ensure_label(*repo, l).name);
  issue.created_at = issue.updated_at = now();
  repo->items.push_back(std::move(issue));
  return repo->items.back().number;
}

FakeIssue& FakeGitHub::must_find(const std::string& repo_name, int64_t number) {
  Repo* repo = find_repo(repo_name);
  FakeIssue* issue = repo ? find_item(*repo, number) : nullptr;
  if (!issue) throw std::runtime_error("FakeGitHub: no issue " + repo_name + "#" + std::to_string(number));
  return *issue;
}

void FakeGitHub::close_issue(const std::string& repo_name, int64_t number, const std::string& reason) {
  std::lock_guard lock(mu_);
  FakeIssue* issue = &must_find(repo_name, number);
  issue->state = "closed";
  issue->state_reason = reason;
  touch(*issue);
  issue->closed_at = issue->updated_at;
}

void FakeGitHub::set_title(const std::string& repo_name, int64_t number, const std::string& title) {
  std::lock_guard lock(mu_);
  FakeIssue* issue = &must_find(repo_name, number);
  issue->title = title;
  touch(*issue);
}

void FakeGitHub::add_label(const std::string& repo_name, int64_t number, const std::string& label) {
  std::lock_guard lock(mu_);
  FakeIssue* issue = &must_find(repo_name, number);
  Repo* repo = find_repo(repo_name);
  issue->labels.push_back(ensure_label(*repo, label).name);
  touch(*issue);
}

// --- Inspection -----------------------------------------------------------------------------

std::vector<FakeIssue> FakeGitHub::issues(const std::string& repo_name, bool include_pulls) const {
  std::lock_guard lock(mu_);
  std::vector<FakeIssue> out;
  if (const Repo* repo = find_repo(repo_name)) {
    for (const auto& i : repo->items)
      if (include_pulls || !i.pull_request) out.push_back(i);
  }
  return out;
}

std::optional<FakeIssue> FakeGitHub::issue(const std::string& repo_name, int64_t number) const {
  for (auto& i : issues(repo_name, true))
    if (i.number == number) return i;
  return std::nullopt;
}

std::optional<FakeLabel> FakeGitHub::label(const std::string& repo_name, const std::string& name) const {
  std::lock_guard lock(mu_);
  const Repo* repo = find_repo(repo_name);
  if (!repo) return std::nullopt;
  auto it = repo->labels.find(lower(name));
  if (it == repo->labels.end()) return std::nullopt;
  return it->second;
}

std::vector<LoggedRequest> FakeGitHub::requests() const {
  std::lock_guard lock(mu_);
  return log_;
}

size_t FakeGitHub::mutation_count() const {
  std::lock_guard lock(mu_);
  return static_cast<size_t>(std::count_if(log_.begin(), log_.end(), [](const auto& r) { return r.mutation; }));
}

// --- Internals ------------------------------------------------------------------------------

FakeGitHub::Repo* FakeGitHub::find_repo(const std::string& full_name) {
  auto it = repos_.find(lower(full_name));
  return it == repos_.end() ? nullptr : &it->second;
}
const FakeGitHub::Repo* FakeGitHub::find_repo(const std::string& full_name) const {
  auto it = repos_.find(lower(full_name));
  return it == repos_.end() ? nullptr : &it->second;
}
FakeIssue* FakeGitHub::find_item(Repo& repo, int64_t number) {
  if (number < 1 || number > static_cast<int64_t>(repo.items.size())) return nullptr;
  return &repo.items[static_cast<size_t>(number - 1)];
}

FakeLabel& FakeGitHub::ensure_label(Repo& repo, const std::string& name) {
  auto& label = repo.labels[lower(name)];
  if (label.id == 0) {
    label.id = ++next_id_;
    label.name = name;
  }
  return label;
}

void FakeGitHub::touch(FakeIssue& issue) { issue.updated_at = now(); }

void FakeGitHub::refresh_index(Repo& repo) {
  TimeNs cutoff = now() - search_lag_;
  for (auto& i : repo.items) {
    if (i.updated_at > cutoff) continue;  // the index has not caught up with this change yet
    std::string body = index_html_comments_ ? i.body : strip_html_comments(i.body);
    i.indexed_text = lower(i.title + "\n" + body);
    i.indexed_labels = i.labels;
    i.indexed_state = i.state;
  }
}

std::string FakeGitHub::html_url(const Repo& repo, int64_t number) const {
  return "https://github.example/" + repo.full_name + "/issues/" + std::to_string(number);
}

json FakeGitHub::label_json(const FakeLabel& label) const {
  return {{"id", label.id},
          {"node_id", "LA_" + std::to_string(label.id)},
          {"url", api_url() + "/labels/" + label.name},
          {"name", label.name},
          {"color", label.color},
          {"default", false},
          {"description", label.description.empty() ? json(nullptr) : json(label.description)}};
}

json FakeGitHub::issue_json(const Repo& repo, const FakeIssue& i) const {
  json labels = json::array();
  for (const auto& name : i.labels) {
    auto it = repo.labels.find(lower(name));
    if (it != repo.labels.end()) labels.push_back(label_json(it->second));
  }
  json assignees = json::array();
  for (const auto& a : i.assignees) assignees.push_back({{"login", a}});
  std::string url = api_url() + "/repos/" + repo.full_name + "/issues/" + std::to_string(i.number);
  json j = {{"id", i.id},
            {"node_id", "I_kwDO" + std::to_string(i.id)},
            {"url", url},
            {"repository_url", api_url() + "/repos/" + repo.full_name},
            {"comments_url", url + "/comments"},
            {"html_url", html_url(repo, i.number)},
            {"number", i.number},
            {"title", i.title},
            {"body", i.body.empty() ? json(nullptr) : json(i.body)},
            {"state", i.state},
            {"state_reason", i.state_reason.empty() ? json(nullptr) : json(i.state_reason)},
            {"labels", labels},
            {"assignee", assignees.empty() ? json(nullptr) : assignees[0]},
            {"assignees", assignees},
            {"user", {{"login", i.user}, {"id", 1}, {"type", "User"}}},
            {"comments", i.comments.size()},
            {"locked", false},
            {"author_association", "OWNER"},
            {"created_at", format_rfc3339(i.created_at)},
            {"updated_at", format_rfc3339(i.updated_at)},
            {"closed_at", i.closed_at ? json(format_rfc3339(i.closed_at)) : json(nullptr)}};
  if (i.pull_request) j["pull_request"] = {{"url", api_url() + "/repos/" + repo.full_name + "/pulls/" + std::to_string(i.number)}};
  return j;
}

json FakeGitHub::comment_json(const Repo& repo, const FakeIssue& issue, const FakeComment& c) const {
  return {{"id", c.id},
          {"node_id", "IC_" + std::to_string(c.id)},
          {"url", api_url() + "/repos/" + repo.full_name + "/issues/comments/" + std::to_string(c.id)},
          {"html_url", html_url(repo, issue.number) + "#issuecomment-" + std::to_string(c.id)},
          {"issue_url", api_url() + "/repos/" + repo.full_name + "/issues/" + std::to_string(issue.number)},
          {"body", c.body},
          {"user", {{"login", c.user}, {"id", 1}}},
          {"created_at", format_rfc3339(c.created_at)},
          {"updated_at", format_rfc3339(c.created_at)}};
}

FakeGitHub::Reply FakeGitHub::paginate(const json& items, const httplib::Request& req, const std::string& path) {
  int64_t per_page = std::clamp<int64_t>(to_int(param(req, "per_page", "30"), 30), 1, 100);
  int64_t page = std::max<int64_t>(1, to_int(param(req, "page", "1"), 1));
  int64_t total = static_cast<int64_t>(items.size());
  int64_t last = std::max<int64_t>(1, (total + per_page - 1) / per_page);
  Reply reply;
  reply.body = json::array();
  for (int64_t i = (page - 1) * per_page; i < std::min(total, page * per_page); ++i) reply.body.push_back(items[i]);
  auto url_for = [&](int64_t p) {
    std::string q;
    for (const auto& [k, v] : req.params) {
      if (k == "page") continue;
      q += (q.empty() ? "" : "&") + k + "=" + percent_encode(v);
    }
    q += (q.empty() ? "" : "&") + std::string("page=") + std::to_string(p);
    return "<" + api_url() + path + "?" + q + ">";
  };
  std::vector<std::string> links;
  if (page < last) links.push_back(url_for(page + 1) + "; rel=\"next\"");
  if (page < last) links.push_back(url_for(last) + "; rel=\"last\"");
  if (page > 1) links.push_back(url_for(1) + "; rel=\"first\"");
  if (page > 1) links.push_back(url_for(page - 1) + "; rel=\"prev\"");
  std::string link;
  for (const auto& l : links) link += (link.empty() ? "" : ", ") + l;
  if (!link.empty()) reply.headers.emplace_back("Link", link);
  return reply;
}

std::optional<Fault> FakeGitHub::take_fault(const std::string& method, const std::string& path) {
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (!it->method.empty() && it->method != method) continue;
    if (!it->path_contains.empty() && path.find(it->path_contains) == std::string::npos) continue;
    Fault f = *it;
    if (--it->times <= 0) faults_.erase(it);
    return f;
  }
  return std::nullopt;
}

std::optional<FakeGitHub::Reply> FakeGitHub::check_headers(const httplib::Request& req, bool& push_access) {
  if (req.get_header_value("User-Agent").empty()) {
    return Reply{403, error_body("Request forbidden by administrative rules. Please make sure your request has a "
                                 "User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).",
                                 403)};
  }
  std::string version = req.get_header_value("X-GitHub-Api-Version");
  if (!version.empty() && version != "2022-11-28" && version != "2026-03-10") {
    return Reply{400, error_body("API version '" + version + "' is not supported.", 400)};
  }
  std::string auth = req.get_header_value("Authorization");
  std::string token;
  if (auth.rfind("Bearer ", 0) == 0) token = auth.substr(7);
  if (auth.rfind("token ", 0) == 0) token = auth.substr(6);
  if (auth.empty()) return Reply{401, error_body("Requires authentication", 401)};
  auto it = tokens_.find(trim(token));
  if (it == tokens_.end()) return Reply{401, error_body("Bad credentials", 401)};
  push_access = it->second;
  return std::nullopt;
}

std::optional<FakeGitHub::Reply> FakeGitHub::check_rate_limits(bool mutation, bool search, std::vector<std::pair<std::string, std::string>>& headers) {
  TimeNs t = now();
  auto& calls = search ? search_calls_ : core_calls_;
  TimeNs span = search ? kMinute : kHour;
  int limit = search ? 30 : core_limit_;
  std::erase_if(calls, [&](TimeNs c) { return c <= t - span; });
  TimeNs reset = (calls.empty() ? t : calls.front()) + span;
  auto set_headers = [&](int used) {
    headers.emplace_back("x-ratelimit-limit", std::to_string(limit));
    headers.emplace_back("x-ratelimit-remaining", std::to_string(std::max(0, limit - used)));
    headers.emplace_back("x-ratelimit-used", std::to_string(used));
    headers.emplace_back("x-ratelimit-reset", std::to_string(reset / kNsPerSecond));
    headers.emplace_back("x-ratelimit-resource", search ? "search" : "core");
  };
  if (static_cast<int>(calls.size()) >= limit) {
    set_headers(limit);
    return Reply{403, error_body("API rate limit exceeded for user ID 1.", 403)};
  }
  if (mutation && secondary_) {
    std::erase_if(mutations_, [&](TimeNs m) { return m <= t - kHour; });
    auto last_minute = std::count_if(mutations_.begin(), mutations_.end(), [&](TimeNs m) { return m > t - kMinute; });
    if (last_minute >= secondary_->per_minute || static_cast<int>(mutations_.size()) >= secondary_->per_hour) {
      calls.push_back(t);
      set_headers(static_cast<int>(calls.size()));
      if (secondary_->retry_after) headers.emplace_back("retry-after", std::to_string(*secondary_->retry_after));
      return Reply{secondary_->status,
                   error_body("You have exceeded a secondary rate limit. Please wait a few minutes before you try "
                              "again. If you reach out to GitHub Support for help, please include the request ID.",
                              secondary_->status)};
    }
  }
  calls.push_back(t);
  if (mutation) mutations_.push_back(t);
  set_headers(static_cast<int>(calls.size()));
  return std::nullopt;
}

void FakeGitHub::handle(const httplib::Request& req, httplib::Response& res) {
  int now_in_flight = ++in_flight_;
  int seen = max_in_flight_.load();
  while (now_in_flight > seen && !max_in_flight_.compare_exchange_weak(seen, now_in_flight)) {
  }
  std::unique_lock lock(mu_);
  std::string path = req.path;
  bool mutation = req.method != "GET" && req.method != "HEAD";
  LoggedRequest entry{now(), req.method, path, "", req.body, 0, mutation};
  for (const auto& [k, v] : req.params) entry.query += (entry.query.empty() ? "" : "&") + k + "=" + v;

  Reply reply;
  std::optional<Fault> fault;
  bool performed = false;
  bool push = true;
  if (path.rfind(prefix_, 0) != 0) {
    reply = {404, error_body("Not Found", 404)};
  } else {
    path = path.substr(prefix_.size());
    if (path.empty()) path = "/";
    entry.path = path;
    if (auto bad = check_headers(req, push)) {
      reply = *bad;
    } else if (auto limited = check_rate_limits(mutation, path.rfind("/search/", 0) == 0, reply.headers)) {
      auto headers = std::move(reply.headers);
      reply = *limited;
      reply.headers = std::move(headers);
    } else {
      auto rate_headers = std::move(reply.headers);
      fault = take_fault(req.method, path);
      if (fault && fault->kind == FaultKind::Status) {
        reply = {fault->status, error_body("Server Error", fault->status)};
      } else {
        reply = dispatch(req.method, path, req, push, performed);
        if (fault && fault->kind == FaultKind::StatusAfterPerform) reply = {fault->status, error_body("Server Error", fault->status)};
      }
      reply.headers.insert(reply.headers.end(), rate_headers.begin(), rate_headers.end());
    }
  }
  if (mutation && reply.status >= 300) entry.mutation = performed;
  entry.status = reply.status;
  log_.push_back(entry);
  std::string request_id = "FAKE:" + std::to_string(log_.size());
  lock.unlock();

  std::string version = req.get_header_value("X-GitHub-Api-Version");
  res.status = reply.status;
  res.set_header("x-github-api-version-selected", version.empty() ? "2022-11-28" : version);
  res.set_header("x-github-request-id", request_id);
  for (const auto& [k, v] : reply.headers) res.set_header(k, v);
  std::string text = reply.body.is_null() ? "" : reply.body.dump();
  const std::string type = "application/json; charset=utf-8";
  if (fault && fault->kind == FaultKind::DropAfterPerform) {
    // Headers go out, then the connection closes before the body: the client sees a broken answer.
    res.set_content_provider(text.size() + 1, type, [](size_t, size_t, httplib::DataSink&) { return false; });
  } else {
    if (fault && fault->kind == FaultKind::DelayAfterPerform) std::this_thread::sleep_for(std::chrono::nanoseconds(fault->delay));
    res.set_content(text, type);
  }
  --in_flight_;
}

FakeGitHub::Reply FakeGitHub::dispatch(const std::string& method, const std::string& path, const httplib::Request& req,
                                       bool push, bool& performed) {
  if (path == "/search/issues" && method == "GET") return search(req, path);
  auto parts = split(path, '/');
  if (parts.size() < 3 || parts[0] != "repos") return {404, error_body("Not Found", 404)};
  std::string full = parts[1] + "/" + parts[2];
  if (auto moved = renamed_.find(lower(full)); moved != renamed_.end()) {
    std::string target = api_url() + "/repos/" + moved->second + path.substr(7 + full.size());
    return {301, error_body("Moved Permanently", 301), {{"Location", target}}};
  }
  Repo* repo = find_repo(full);
  if (!repo) return {404, error_body("Not Found", 404)};
  json in = json::object();
  if (!req.body.empty()) {
    in = json::parse(req.body, nullptr, false);
    if (in.is_discarded() || !in.is_object()) return {400, error_body("Problems parsing JSON", 400)};
  }
  size_t n = parts.size();
  if (n >= 4 && parts[3] == "labels") {
    if (n == 4 && method == "POST") return performed = true, create_label(*repo, in);
    if (n == 5 && method == "GET") {
      auto it = repo->labels.find(lower(httplib::detail::decode_url(parts[4], false)));
      if (it == repo->labels.end()) return {404, error_body("Not Found", 404)};
      return {200, label_json(it->second)};
    }
    return {404, error_body("Not Found", 404)};
  }
  if (n < 4 || parts[3] != "issues") return {404, error_body("Not Found", 404)};
  if (repo->issues_disabled) return {410, error_body("Issues are disabled for this repo", 410)};
  if (n == 4 && method == "GET") return list_issues(*repo, req, path);
  if (n == 4 && method == "POST") {
    Reply r = create_issue(*repo, in, push);
    performed = r.status == 201;
    return r;
  }
  FakeIssue* issue = find_item(*repo, to_int(parts[4], -1));
  if (!issue) return {404, error_body("Not Found", 404)};
  if (n == 5 && method == "GET") return {200, issue_json(*repo, *issue)};
  if (n == 5 && method == "PATCH") {
    Reply r = update_issue(*repo, *issue, in, push);
    performed = r.status == 200;
    return r;
  }
  if (n == 6 && parts[5] == "comments" && method == "GET") return list_comments(*repo, *issue, req, path);
  if (n == 6 && parts[5] == "comments" && method == "POST") {
    Reply r = add_comment(*repo, *issue, in);
    performed = r.status == 201;
    return r;
  }
  if (n == 6 && parts[5] == "labels" && method == "POST") return performed = true, add_labels(*repo, *issue, in, push);
  return {404, error_body("Not Found", 404)};
}

FakeGitHub::Reply FakeGitHub::list_issues(Repo& repo, const httplib::Request& req, const std::string& path) {
  std::string state = param(req, "state", "open");
  if (state != "open" && state != "closed" && state != "all")
    return {422, error_body("Validation Failed", 422, json::array({{{"resource", "Issue"}, {"field", "state"}, {"code", "invalid"}}}))};
  std::vector<std::string> wanted = split(param(req, "labels"), ',');
  for (auto& w : wanted) w = trim(w);
  std::optional<TimeNs> since;
  if (req.has_param("since")) since = parse_rfc3339(param(req, "since"));
  std::vector<const FakeIssue*> hits;
  for (const auto& i : repo.items) {
    if (state != "all" && i.state != state) continue;
    bool all_labels = std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
      return std::any_of(i.labels.begin(), i.labels.end(), [&](const std::string& l) { return iequals(l, w); });
    });
    if (!all_labels) continue;
    if (since && i.updated_at < *since) continue;
    hits.push_back(&i);
  }
  std::string sort = param(req, "sort", "created");
  bool asc = param(req, "direction", "desc") == "asc";
  std::stable_sort(hits.begin(), hits.end(), [&](const FakeIssue* a, const FakeIssue* b) {
    auto key = [&](const FakeIssue* x) -> int64_t {
      if (sort == "updated") return x->updated_at;
      if (sort == "comments") return static_cast<int64_t>(x->comments.size());
      return x->number;
    };
    return asc ? key(a) < key(b) : key(a) > key(b);
  });
  json items = json::array();
  for (const auto* i : hits) items.push_back(issue_json(repo, *i));
  return paginate(items, req, path);
}

FakeGitHub::Reply FakeGitHub::create_issue(Repo& repo, const json& in, bool push) {
  std::string title = in.value("title", json(nullptr)).is_string() ? in["title"].get<std::string>() : "";
  if (trim(title).empty()) {
    return {422, error_body("Validation Failed", 422,
                            json::array({{{"resource", "Issue"}, {"code", "missing_field"}, {"field", "title"}}}))};
  }
  std::string body = in.contains("body") && in["body"].is_string() ? in["body"].get<std::string>() : "";
  if (utf8_length(body) > kBodyLimit) return {422, body_too_long("Issue")};
  std::vector<std::string> assignees;
  if (push && in.contains("assignees") && in["assignees"].is_array()) {
    for (const auto& a : in["assignees"]) {
      std::string login = a.get<std::string>();
      if (!collaborators_.empty() && !collaborators_.count(lower(login))) {
        return {422, error_body("Validation Failed", 422,
                                json::array({{{"value", login}, {"resource", "Issue"}, {"field", "assignees"}, {"code", "invalid"}}}))};
      }
      assignees.push_back(login);
    }
  }
  FakeIssue issue;
  issue.id = ++next_id_;
  issue.number = static_cast<int64_t>(repo.items.size()) + 1;
  issue.title = title;
  issue.body = body;
  issue.assignees = assignees;
  if (push && in.contains("labels") && in["labels"].is_array()) {
    for (const auto& l : in["labels"]) issue.labels.push_back(ensure_label(repo, l.get<std::string>()).name);
  }
  issue.created_at = issue.updated_at = now();
  repo.items.push_back(issue);
  Reply r{201, issue_json(repo, repo.items.back())};
  r.headers.emplace_back("Location", r.body["url"].get<std::string>());
  return r;
}

FakeGitHub::Reply FakeGitHub::update_issue(Repo& repo, FakeIssue& issue, const json& in, bool push) {
  static const std::set<std::string> reasons = {"completed", "not_planned", "duplicate", "reopened"};
  if (in.contains("state") && in["state"] != "open" && in["state"] != "closed") {
    return {422, error_body("Validation Failed", 422, json::array({{{"resource", "Issue"}, {"field", "state"}, {"code", "invalid"}}}))};
  }
  if (in.contains("state_reason") && !in["state_reason"].is_null() &&
      !(in["state_reason"].is_string() && reasons.count(in["state_reason"].get<std::string>()))) {
    return {422, error_body("Validation Failed", 422,
                            json::array({{{"resource", "Issue"}, {"field", "state_reason"}, {"code", "invalid"}}}))};
  }
  if (in.contains("body") && in["body"].is_string() && utf8_length(in["body"].get<std::string>()) > kBodyLimit) {
    return {422, body_too_long("Issue")};
  }
  if (in.contains("title") && in["title"].is_string()) issue.title = in["title"];
  if (in.contains("body")) issue.body = in["body"].is_string() ? in["body"].get<std::string>() : "";
  if (push && in.contains("labels") && in["labels"].is_array()) {
    issue.labels.clear();
    for (const auto& l : in["labels"]) issue.labels.push_back(ensure_label(repo, l.get<std::string>()).name);
  }
  if (push && in.contains("assignees") && in["assignees"].is_array()) {
    issue.assignees.clear();
    for (const auto& a : in["assignees"]) issue.assignees.push_back(a.get<std::string>());
  }
  touch(issue);
  if (in.contains("state")) {
    std::string state = in["state"];
    if (state == "closed" && issue.state != "closed") {
      issue.closed_at = issue.updated_at;
      issue.state_reason = "completed";
    }
    if (state == "open" && issue.state != "open") {
      issue.closed_at = 0;
      issue.state_reason = "reopened";
    }
    issue.state = state;
  }
  if (in.contains("state_reason")) issue.state_reason = in["state_reason"].is_null() ? "" : in["state_reason"].get<std::string>();
  return {200, issue_json(repo, issue)};
}

FakeGitHub::Reply FakeGitHub::list_comments(Repo& repo, FakeIssue& issue, const httplib::Request& req, const std::string& path) {
  json items = json::array();
  for (const auto& c : issue.comments) items.push_back(comment_json(repo, issue, c));
  return paginate(items, req, path);
}

FakeGitHub::Reply FakeGitHub::add_comment(Repo& repo, FakeIssue& issue, const json& in) {
  if (!in.contains("body") || !in["body"].is_string() || in["body"].get<std::string>().empty()) {
    return {422, error_body("Validation Failed", 422,
                            json::array({{{"resource", "IssueComment"}, {"code", "missing_field"}, {"field", "body"}}}))};
  }
  std::string body = in["body"];
  if (utf8_length(body) > kBodyLimit) return {422, body_too_long("IssueComment")};
  issue.comments.push_back({++next_id_, body, "gardener-bot", now()});
  touch(issue);
  return {201, comment_json(repo, issue, issue.comments.back())};
}

FakeGitHub::Reply FakeGitHub::add_labels(Repo& repo, FakeIssue& issue, const json& in, bool push) {
  if (push && in.contains("labels") && in["labels"].is_array()) {
    for (const auto& l : in["labels"]) {
      std::string name = l.get<std::string>();
      bool has = std::any_of(issue.labels.begin(), issue.labels.end(), [&](const auto& x) { return iequals(x, name); });
      if (!has) issue.labels.push_back(ensure_label(repo, name).name);
    }
    touch(issue);
  }
  json out = json::array();
  for (const auto& l : issue.labels) out.push_back(label_json(repo.labels[lower(l)]));
  return {200, out};
}

FakeGitHub::Reply FakeGitHub::create_label(Repo& repo, const json& in) {
  std::string name = in.value("name", "");
  if (name.empty()) {
    return {422, error_body("Validation Failed", 422, json::array({{{"resource", "Label"}, {"code", "missing_field"}, {"field", "name"}}}))};
  }
  if (repo.labels.count(lower(name))) {
    return {422, error_body("Validation Failed", 422,
                            json::array({{{"resource", "Label"}, {"code", "already_exists"}, {"field", "name"}}}))};
  }
  FakeLabel& label = ensure_label(repo, name);
  label.color = in.value("color", "ededed");
  label.description = in.value("description", "");
  return {201, label_json(label)};
}

FakeGitHub::Reply FakeGitHub::search(const httplib::Request& req, const std::string& path) {
  std::string q = param(req, "q");
  auto tokens = query_tokens(q);
  bool typed = std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) {
    return t == "is:issue" || t == "is:pull-request" || t == "is:pr" || t == "type:issue" || t == "type:pr";
  });
  if (!typed) {
    return {422, error_body("Query must include 'is:issue' or 'is:pull-request'", 422,
                            json::array({{{"resource", "Search"}, {"field", "q"}, {"code", "invalid"}}}))};
  }
  std::optional<std::string> repo_filter;
  for (const auto& t : tokens)
    if (t.rfind("repo:", 0) == 0) repo_filter = lower(t.substr(5));
  for (auto& [key, repo] : repos_) refresh_index(repo);
  json items = json::array();
  for (auto& [key, repo] : repos_) {
    if (repo_filter && *repo_filter != key) continue;
    for (const auto& i : repo.items) {
      if (!i.indexed_text) continue;
      bool match = true;
      for (const auto& t : tokens) {
        if (t == "is:issue" || t == "type:issue") match &= !i.pull_request;
        else if (t == "is:pull-request" || t == "is:pr" || t == "type:pr") match &= i.pull_request;
        else if (t == "is:open" || t == "state:open") match &= i.indexed_state == "open";
        else if (t == "is:closed" || t == "state:closed") match &= i.indexed_state == "closed";
        else if (t.rfind("repo:", 0) == 0 || t.rfind("in:", 0) == 0) continue;
        else if (t.rfind("label:", 0) == 0 || t.rfind("-label:", 0) == 0) {
          bool negate = t[0] == '-';
          std::string want = unquote(t.substr(negate ? 7 : 6));
          bool has = std::any_of(i.indexed_labels.begin(), i.indexed_labels.end(), [&](const auto& l) { return iequals(l, want); });
          match &= negate ? !has : has;
        } else {
          match &= i.indexed_text->find(lower(unquote(t))) != std::string::npos;
        }
      }
      if (match) {
        json j = issue_json(repo, i);
        j["score"] = 1.0;
        items.push_back(j);
      }
    }
  }
  size_t total = items.size();
  if (items.size() > 1000) items.erase(items.begin() + 1000, items.end());
  Reply page = paginate(items, req, path);
  page.body = {{"total_count", total}, {"incomplete_results", false}, {"items", page.body}};
  return page;
}

}  // namespace gardener::fakes
