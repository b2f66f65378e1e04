// Fake Cloud Logging + OAuth token endpoint + metadata server (see fake_gcp.hpp).
#include "fake_gcp.hpp"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <chrono>
#include <random>

namespace gardener::fakes {

namespace {

int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void send_error(httplib::Response& res, int code, const std::string& status, const std::string& message,
                Json details = Json::array()) {
  res.status = code;
  Json body = {{"error", {{"code", code}, {"message", message}, {"status", status}, {"details", std::move(details)}}}};
  res.set_content(body.dump(), "application/json; charset=UTF-8");
}

Json error_info(const std::string& reason, Json metadata = Json::object()) {
  return Json::array({{{"@type", "type.googleapis.com/google.rpc.ErrorInfo"},
                       {"reason", reason},
                       {"domain", "googleapis.com"},
                       {"metadata", std::move(metadata)}}});
}

void oauth_error(httplib::Response& res, const std::string& error, const std::string& description) {
  res.status = 400;
  res.set_content(Json{{"error", error}, {"error_description", description}}.dump(), "application/json");
}

std::string random_token(const char* prefix) {
  static std::mt19937_64 rng{std::random_device{}()};
  static std::mutex mu;
  std::lock_guard lock(mu);
  return std::string(prefix) + std::to_string(rng());
}

std::string b64url_decode(const std::string& in) {
  std::string b64 = in;
  std::replace(b64.begin(), b64.end(), '-', '+');
  std::replace(b64.begin(), b64.end(), '_', '/');
  while (b64.size() % 4) b64 += '=';
  std::string out(b64.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(b64.data()), static_cast<int>(b64.size()));
  if (n < 0) return {};
  size_t pad = b64.size() - in.size();  // EVP_DecodeBlock counts the padding as zero bytes
  out.resize(static_cast<size_t>(n) - std::min<size_t>(pad, static_cast<size_t>(n)));
  return out;
}

bool verify_rs256(const std::string& public_pem, const std::string& input, const std::string& signature) {
  BIO* bio = BIO_new_mem_buf(public_pem.data(), static_cast<int>(public_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!key) return false;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
            EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                             reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(key);
  return ok;
}

// Both request key spellings are accepted (§1.2).
const Json* field(const Json& body, const char* camel, const char* snake) {
  if (body.contains(camel)) return &body[camel];
  if (body.contains(snake)) return &body[snake];
  return nullptr;
}

std::string project_of(const std::string& resource_name) {
  auto rest = resource_name.substr(resource_name.find('/') + 1);
  return rest.substr(0, rest.find('/'));
}

bool valid_resource_name(const std::string& r) {
  for (const char* prefix : {"projects/", "organizations/", "folders/", "billingAccounts/"})
    if (r.rfind(prefix, 0) == 0 && r.size() > std::char_traits<char>::length(prefix)) return true;
  return false;
}

}  // namespace

FakeGcp::FakeGcp() : server_(std::make_unique<httplib::Server>()) {
  install_routes();
  port_ = server_->bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeGcp::~FakeGcp() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeGcp::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
std::string FakeGcp::token_url() const { return base_url() + "/token"; }
std::string FakeGcp::metadata_host() const { return "127.0.0.1:" + std::to_string(port_); }

void FakeGcp::add_entry(Json entry) {
  std::lock_guard lock(mu_);
  entries_.push_back(std::move(entry));
}

void FakeGcp::add_entries(const Json& array) {
  for (const auto& e : array) add_entry(e);
}

Json FakeGcp::cloud_run_entry(const std::string& timestamp, const std::string& severity, const std::string& message,
                              const std::string& insert_id, const std::string& revision, const std::string& project) {
  Json e = {{"insertId", insert_id},
            {"jsonPayload", {{"message", message}, {"context", {{"service", "netra-backend"}}}}},
            {"resource",
             {{"type", "cloud_run_revision"},
              {"labels",
               {{"project_id", project},
                {"service_name", "netra-backend-staging"},
                {"revision_name", revision},
                {"location", "us-central1"},
                {"configuration_name", "netra-backend-staging"}}}}},
            {"timestamp", timestamp},
            {"labels", {{"instanceId", "00f4b6"}}},
            {"logName", "projects/" + project + "/logs/run.googleapis.com%2Fstderr"},
            {"sourceLocation", {{"file", "app/main.py"}, {"line", "118"}, {"function", "handler"}}},
            {"receiveTimestamp", timestamp}};
  if (!severity.empty() && severity != "DEFAULT") e["severity"] = severity;
  return e;
}

void FakeGcp::add_token(const std::string& token, TimeNs lifetime) {
  std::lock_guard lock(mu_);
  tokens_[token] = now_ns() + lifetime;
}
void FakeGcp::set_require_auth(bool on) {
  std::lock_guard lock(mu_);
  require_auth_ = on;
}
void FakeGcp::set_token_lifetime_seconds(int64_t seconds) {
  std::lock_guard lock(mu_);
  token_lifetime_s_ = seconds;
}
void FakeGcp::expire_all_tokens() {
  std::lock_guard lock(mu_);
  for (auto& [t, exp] : tokens_) exp = 0;
}
int FakeGcp::tokens_issued() const {
  std::lock_guard lock(mu_);
  return tokens_issued_;
}
void FakeGcp::register_service_account(const std::string& email, const std::string& public_pem) {
  std::lock_guard lock(mu_);
  service_accounts_[email] = public_pem;
}
void FakeGcp::register_refresh_client(const std::string& id, const std::string& secret, const std::string& refresh) {
  std::lock_guard lock(mu_);
  refresh_clients_[id] = {secret, refresh};
}
void FakeGcp::push_token_fault(int status) {
  std::lock_guard lock(mu_);
  token_faults_.push_back(status);
}
void FakeGcp::set_metadata_project(const std::string& project) {
  std::lock_guard lock(mu_);
  metadata_project_ = project;
}
void FakeGcp::script_fault(int n, GcpFault fault) {
  std::lock_guard lock(mu_);
  scripted_[n] = fault;
}
void FakeGcp::push_fault(GcpFault fault) {
  std::lock_guard lock(mu_);
  queued_.push_back(fault);
}
void FakeGcp::set_slow_ms(int ms) {
  std::lock_guard lock(mu_);
  slow_ms_ = ms;
}
void FakeGcp::set_quota_per_minute(int limit) {
  std::lock_guard lock(mu_);
  quota_ = limit;
}
void FakeGcp::set_server_page_cap(int cap) {
  std::lock_guard lock(mu_);
  page_cap_ = cap;
}

std::vector<GcpRequest> FakeGcp::requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

std::vector<GcpRequest> FakeGcp::list_requests() const {
  std::vector<GcpRequest> out;
  for (auto& r : requests())
    if (r.path == "/v2/entries:list") out.push_back(r);
  return out;
}

TestKeyPair FakeGcp::generate_test_key() {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  TestKeyPair pair;
  BIO* priv = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr);
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(priv, &mem);
  pair.private_pem.assign(mem->data, mem->length);
  BIO* pub = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(pub, key);
  BIO_get_mem_ptr(pub, &mem);
  pair.public_pem.assign(mem->data, mem->length);
  BIO_free(priv);
  BIO_free(pub);
  EVP_PKEY_free(key);
  return pair;
}

Json FakeGcp::service_account_json(const std::string& email, const TestKeyPair& key) const {
  return {{"type", "service_account"},
          {"project_id", "netra-staging"},
          {"private_key_id", "test-key-id-0001"},
          {"private_key", key.private_pem},
          {"client_email", email},
          {"client_id", "1234567890"},
          {"auth_uri", "https://accounts.google.com/o/oauth2/auth"},
          {"token_uri", token_url()},
          {"universe_domain", "googleapis.com"}};
}

void FakeGcp::record(const httplib::Request& req, Json parsed) {
  GcpRequest r;
  r.method = req.method;
  r.path = req.target.empty() ? req.path : req.target;
  for (const auto& [k, v] : req.headers) {
    std::string key = k;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    r.headers[key] = v;
  }
  r.body = req.body;
  r.at_steady_ns = steady_ns();
  r.json = std::move(parsed);
  std::lock_guard lock(mu_);
  requests_.push_back(std::move(r));
}

void FakeGcp::install_routes() {
  server_->Post("/v2/entries:list", [this](const httplib::Request& q, httplib::Response& r) { handle_list(q, r); });
  server_->Post("/token", [this](const httplib::Request& q, httplib::Response& r) { handle_token(q, r); });
  server_->Get(R"(/computeMetadata/v1/.*)",
               [this](const httplib::Request& q, httplib::Response& r) { handle_metadata(q, r); });
  auto not_found = [this](const httplib::Request& q, httplib::Response& r) {
    record(q, nullptr);
    send_error(r, 404, "NOT_FOUND", "The requested URL " + q.path + " was not found on this server.");
  };
  server_->Get(R"(/v2/.*)", not_found);
  server_->Put(R"(/v2/.*)", not_found);
  server_->Delete(R"(/v2/.*)", not_found);
  server_->Post(R"(/v2/(?!entries:list).*)", not_found);
}

std::string FakeGcp::issue_token() {
  std::string token = random_token("ya29.fake-");
  tokens_[token] = now_ns() + token_lifetime_s_ * kNsPerSecond;
  ++tokens_issued_;
  return token;
}

bool FakeGcp::token_valid(const std::string& token) {
  auto it = tokens_.find(token);
  return it != tokens_.end() && it->second > now_ns();
}

bool FakeGcp::quota_exceeded(const std::string& project) {
  if (quota_ <= 0) return false;
  auto& log = quota_log_[project];
  int64_t now = steady_ns();
  while (!log.empty() && log.front() <= now - 60 * kNsPerSecond) log.pop_front();
  if (static_cast<int>(log.size()) >= quota_) return true;
  log.push_back(now);
  return false;
}

namespace {

struct ListParams {
  Json resource_names;
  std::string filter;
  std::string order_by;
  int64_t page_size = 50;
  std::string page_token;
};

// Validates the request body; returns an error message for a 400, or "".
std::string read_params(const Json& body, ListParams& p) {
  if (!body.is_object()) return "Invalid JSON payload received.";
  if (body.contains("projectIds") || body.contains("project_ids"))
    return "Invalid JSON payload received. Unknown name \"projectIds\": Cannot find field.";
  const Json* names = field(body, "resourceNames", "resource_names");
  if (!names || !names->is_array() || names->empty() || names->size() > 100)
    return "resourceNames must name 1 to 100 resources.";
  for (const auto& n : *names)
    if (!n.is_string() || !valid_resource_name(n.get<std::string>()))
      return "Invalid resource name: " + n.dump();
  p.resource_names = *names;
  if (const Json* f = field(body, "filter", "filter")) p.filter = f->get<std::string>();
  if (p.filter.size() > 20000) return "Filter is longer than 20000 characters.";
  if (const Json* o = field(body, "orderBy", "order_by")) p.order_by = o->get<std::string>();
  if (!p.order_by.empty() && p.order_by != "timestamp asc" && p.order_by != "timestamp desc")
    return "Invalid orderBy: " + p.order_by;
  if (const Json* s = field(body, "pageSize", "page_size")) p.page_size = s->is_string() ? std::stoll(s->get<std::string>()) : s->get<int64_t>();
  if (p.page_size < 0 || p.page_size > 1000) return "Invalid page size " + std::to_string(p.page_size) + ": must be in [0, 1000].";
  if (p.page_size == 0) p.page_size = 50;
  if (const Json* t = field(body, "pageToken", "page_token")) p.page_token = t->get<std::string>();
  return {};
}

std::string bearer_of(const httplib::Request& req) {
  std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) != 0) return {};
  return auth.substr(7);
}

void send_unauthenticated(httplib::Response& res, const std::string& reason) {
  res.set_header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
  send_error(res, 401, "UNAUTHENTICATED",
             "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other "
             "valid authentication credential.",
             error_info(reason, {{"service", "logging.googleapis.com"},
                                 {"method", "google.logging.v2.LoggingServiceV2.ListLogEntries"}}));
}

void send_quota(httplib::Response& res, const std::string& project, int limit) {
  send_error(res, 429, "RESOURCE_EXHAUSTED",
             "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service "
             "'logging.googleapis.com' for consumer 'project_number:" + project + "'.",
             error_info("RATE_LIMIT_EXCEEDED", {{"quota_metric", "logging.googleapis.com/read_requests"},
                                                {"quota_limit", "ReadRequestsPerMinutePerProject"},
                                                {"quota_limit_value", std::to_string(limit)},
                                                {"consumer", "projects/" + project},
                                                {"service", "logging.googleapis.com"}}));
}

// Answers a scripted HTTP-status fault; false when the fault is not one of those.
bool send_status_fault(httplib::Response& res, GcpFault fault, const std::string& project) {
  switch (fault) {
    case GcpFault::Status400:
      send_error(res, 400, "INVALID_ARGUMENT", "Invalid request (scripted).");
      return true;
    case GcpFault::Status403:
      send_error(res, 403, "PERMISSION_DENIED",
                 "Permission 'logging.logEntries.list' denied on resource (or it may not exist).",
                 error_info("IAM_PERMISSION_DENIED", {{"permission", "logging.logEntries.list"}}));
      return true;
    case GcpFault::Status403Disabled:
      send_error(res, 403, "PERMISSION_DENIED",
                 "Cloud Logging API has not been used in project " + project + " before or it is disabled.",
                 error_info("SERVICE_DISABLED", {{"activationUrl", "https://console.developers.google.com/apis/api/"
                                                                   "logging.googleapis.com/overview?project=" + project}}));
      return true;
    case GcpFault::Status429:
      send_quota(res, project, 60);
      return true;
    case GcpFault::Status500:
      send_error(res, 500, "INTERNAL", "Internal error encountered.");
      return true;
    case GcpFault::Status503:
      send_error(res, 503, "UNAVAILABLE", "The service is currently unavailable.");
      return true;
    case GcpFault::Status504:
      send_error(res, 504, "DEADLINE_EXCEEDED", "The request was aborted because it exceeded its deadline.");
      return true;
    default:
      return false;
  }
}

// Sends `body` but closes the connection after `keep` bytes (a reset or a truncated page).
void send_cut(httplib::Response& res, std::string body, size_t keep) {
  size_t total = body.size();
  res.set_content_provider(total, "application/json; charset=UTF-8",
                           [body = std::move(body), keep](size_t, size_t, httplib::DataSink& sink) {
                             if (keep > 0) sink.write(body.data(), keep);
                             return false;  // abort: the client sees fewer bytes than Content-Length
                           });
}

bool entry_before(const Json& a, const Json& b) {
  auto ta = parse_rfc3339(a.value("timestamp", "")).value_or(0);
  auto tb = parse_rfc3339(b.value("timestamp", "")).value_or(0);
  if (ta != tb) return ta < tb;
  return a.value("insertId", "") < b.value("insertId", "");
}

}  // namespace

void FakeGcp::handle_list(const httplib::Request& req, httplib::Response& res) {
  Json body = Json::parse(req.body, nullptr, false);
  record(req, body.is_discarded() ? Json() : body);
  GcpFault fault = GcpFault::None;
  Json reply = Json::object();
  int slow_ms = 0;
  {
    std::lock_guard lock(mu_);
    int n = ++list_count_;
    if (auto it = scripted_.find(n); it != scripted_.end()) {
      fault = it->second;
    } else if (!queued_.empty()) {
      fault = queued_.front();
      queued_.pop_front();
    }
    std::string token = bearer_of(req);
    if (fault == GcpFault::ExpireToken && tokens_.count(token)) tokens_[token] = 0;
    if (require_auth_ && !token_valid(token))
      return send_unauthenticated(res, token.empty() ? "CREDENTIALS_MISSING" : "ACCESS_TOKEN_EXPIRED");
    ListParams p;
    if (auto err = read_params(body, p); !err.empty()) return send_error(res, 400, "INVALID_ARGUMENT", err);
    std::string project = project_of(p.resource_names[0].get<std::string>());
    if (quota_exceeded(project)) return send_quota(res, project, quota_);
    if (send_status_fault(res, fault, project)) return;
    std::optional<GcpFilter> filter;
    try {
      filter.emplace(p.filter);
    } catch (const std::exception& e) {
      return send_error(res, 400, "INVALID_ARGUMENT", e.what());
    }
    std::string params_key = p.resource_names.dump() + "\n" + p.filter + "\n" + p.order_by + "\n" +
                             std::to_string(p.page_size);
    size_t offset = 0;
    if (!p.page_token.empty()) {
      auto it = page_tokens_.find(p.page_token);
      if (it == page_tokens_.end()) return send_error(res, 400, "INVALID_ARGUMENT", "Invalid page token.");
      if (it->second.params_key != params_key)
        return send_error(res, 400, "INVALID_ARGUMENT",
                          "The page token was issued for different request parameters.");
      offset = it->second.offset;
    }
    std::vector<Json> matched;
    for (const auto& e : entries_)
      if (filter->matches(e)) matched.push_back(e);
    std::stable_sort(matched.begin(), matched.end(), entry_before);
    if (p.order_by == "timestamp desc") std::reverse(matched.begin(), matched.end());
    auto new_token = [&](size_t at) {
      std::string t = "pt" + std::to_string(next_page_token_++) + "-" + random_token("");
      page_tokens_[t] = {at, params_key};
      return t;
    };
    if (fault == GcpFault::EmptyPageWithToken) {
      reply["nextPageToken"] = new_token(offset);
    } else {
      size_t take = static_cast<size_t>(p.page_size);
      if (page_cap_ > 0) take = std::min(take, static_cast<size_t>(page_cap_));
      size_t end = std::min(matched.size(), offset + take);
      for (size_t i = offset; i < end; ++i) reply["entries"].push_back(matched[i]);
      if (end < matched.size()) reply["nextPageToken"] = new_token(end);
    }
    if (fault == GcpFault::Slow) slow_ms = slow_ms_;
    if (fault == GcpFault::FirstEntryUntimed && !reply["entries"].empty())
      for (const char* key : {"timestamp", "receiveTimestamp"}) reply["entries"][0].erase(key);
  }
  std::string text = reply.dump();  // `{}` when there is nothing to say (proto3 JSON)
  if (slow_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(slow_ms));
  if (fault == GcpFault::Reset) return send_cut(res, std::move(text), 0);
  if (fault == GcpFault::Truncated) return send_cut(res, text, text.size() / 2);
  if (fault == GcpFault::InvalidJson) text = "<html>502 Bad Gateway</html>";
  if (fault == GcpFault::WrongShape) text = R"({"entries":"not-a-list","nextPageToken":7})";
  if (fault == GcpFault::LoneSurrogate)  // valid JSON, but no UTF-8 string holds it
    if (auto at = text.find("@@"); at != std::string::npos) text.replace(at, 2, "\\ud800");
  res.status = 200;
  res.set_content(text, "application/json; charset=UTF-8");
}

std::string FakeGcp::verify_jwt(const std::string& assertion) {
  auto d1 = assertion.find('.');
  auto d2 = assertion.find('.', d1 == std::string::npos ? d1 : d1 + 1);
  if (d1 == std::string::npos || d2 == std::string::npos) return "Invalid JWT: Token must be a short-lived token.";
  Json header = Json::parse(b64url_decode(assertion.substr(0, d1)), nullptr, false);
  Json claims = Json::parse(b64url_decode(assertion.substr(d1 + 1, d2 - d1 - 1)), nullptr, false);
  if (header.is_discarded() || claims.is_discarded()) return "Invalid JWT: unreadable header or claims.";
  if (header.value("alg", "") != "RS256") return "Invalid JWT: alg must be RS256.";
  auto sa = service_accounts_.find(claims.value("iss", ""));
  if (sa == service_accounts_.end()) return "Invalid JWT: unknown issuer.";
  if (!verify_rs256(sa->second, assertion.substr(0, d2), b64url_decode(assertion.substr(d2 + 1))))
    return "Invalid JWT Signature.";
  if (claims.value("aud", "") != token_url()) return "Invalid JWT: audience must be the token URI.";
  if (claims.value("scope", "").empty()) return "Invalid JWT: scope is required.";
  int64_t iat = claims.value("iat", int64_t{0}), exp = claims.value("exp", int64_t{0});
  int64_t now = now_ns() / kNsPerSecond;
  if (exp - iat > 3600 || exp <= iat) return "Invalid JWT: Token must be a short-lived token (60 minutes).";
  if (iat > now + 300 || iat < now - 300) return "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.";
  return {};
}

void FakeGcp::handle_token(const httplib::Request& req, httplib::Response& res) {
  record(req, nullptr);
  std::lock_guard lock(mu_);
  if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0)
    return oauth_error(res, "invalid_request", "Content-Type must be application/x-www-form-urlencoded.");
  if (!token_faults_.empty()) {
    int status = token_faults_.front();
    token_faults_.pop_front();
    res.status = status > 0 ? status : 200;
    res.set_content(status > 0 ? R"({"error":"internal_failure"})" : "{\"access_token\": ", "application/json");
    return;
  }
  std::string grant = req.get_param_value("grant_type");
  if (grant == "urn:ietf:params:oauth:grant-type:jwt-bearer") {
    if (auto why = verify_jwt(req.get_param_value("assertion")); !why.empty())
      return oauth_error(res, "invalid_grant", why);
  } else if (grant == "refresh_token") {
    auto it = refresh_clients_.find(req.get_param_value("client_id"));
    if (it == refresh_clients_.end() || it->second.secret != req.get_param_value("client_secret"))
      return oauth_error(res, "invalid_client", "The OAuth client was not found.");
    if (it->second.refresh_token != req.get_param_value("refresh_token"))
      return oauth_error(res, "invalid_grant", "Token has been expired or revoked.");
  } else {
    return oauth_error(res, "unsupported_grant_type", "Invalid grant_type: " + grant);
  }
  Json reply = {{"access_token", issue_token()}, {"expires_in", token_lifetime_s_}, {"token_type", "Bearer"}};
  res.set_content(reply.dump(), "application/json");
}

void FakeGcp::handle_metadata(const httplib::Request& req, httplib::Response& res) {
  record(req, nullptr);
  std::lock_guard lock(mu_);
  res.set_header("Metadata-Flavor", "Google");
  if (req.get_header_value("Metadata-Flavor") != "Google" || req.has_header("X-Forwarded-For")) {
    res.status = 403;
    res.set_content("Missing required header: Metadata-Flavor", "text/html");
    return;
  }
  const std::string base = "/computeMetadata/v1/";
  if (req.path == base + "instance/service-accounts/default/token") {
    Json reply = {{"access_token", issue_token()}, {"expires_in", token_lifetime_s_}, {"token_type", "Bearer"}};
    res.set_content(reply.dump(), "application/json");
  } else if (req.path == base + "instance/service-accounts/default/") {
    Json reply = {{"email", "gardener@netra-staging.iam.gserviceaccount.com"},
                  {"scopes", {"https://www.googleapis.com/auth/logging.read"}},
                  {"aliases", {"default"}}};
    res.set_content(reply.dump(), "application/json");
  } else if (req.path == base + "project/project-id") {
    res.set_content(metadata_project_, "application/text");
  } else {
    res.status = 404;
    res.set_content("Not Found", "text/html");
  }
}

}  // namespace gardener::fakes
