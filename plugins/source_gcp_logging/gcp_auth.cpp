#include "gcp_auth.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gardener/context.hpp>
#include <gardener/errors.hpp>
#include <gardener/options.hpp>

#include "jwt.hpp"

namespace gardener::gcp {

namespace {

constexpr const char* kDefaultTokenUri = "https://oauth2.googleapis.com/token";
// Least privilege: entries.list needs only logging.read (protocols.md §3.6).
constexpr const char* kScope = "https://www.googleapis.com/auth/logging.read";

std::string trim(std::string s) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!s.empty() && is_space(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string form_field(const std::string& key, const std::string& value) {
  return url_encode(key) + "=" + url_encode(value);
}

std::optional<AccessToken> parse_token_reply(const std::string& body) {
  Json j = Json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("access_token") || !j["access_token"].is_string() ||
      !j.contains("expires_in") || !j.contains("token_type"))
    return std::nullopt;
  int64_t expires_in = j["expires_in"].is_string() ? std::stoll(j["expires_in"].get<std::string>())
                                                   : j["expires_in"].get<int64_t>();
  AccessToken t{j["access_token"].get<std::string>(), now_ns() + expires_in * kNsPerSecond};
  if (t.value.empty()) return std::nullopt;
  return t;
}

// The OAuth error of a 4xx reply, e.g. "invalid_grant: Invalid JWT Signature." (never a token).
std::string oauth_error_text(const HttpResponse& res) {
  Json j = Json::parse(res.body, nullptr, false);
  std::string text = "HTTP " + std::to_string(res.status);
  if (j.is_object() && j.contains("error")) {
    const Json& e = j["error"];
    text += " " + (e.is_string() ? e.get<std::string>() : e.value("status", std::string()));
    if (j.contains("error_description") && j["error_description"].is_string())
      text += ": " + j["error_description"].get<std::string>();
    else if (e.is_object() && e.contains("message"))
      text += ": " + e.value("message", std::string());
  }
  return text;
}

// One token request with bounded retries on 5xx, 429 and transport failures; 4xx is final.
AccessToken fetch_token(HttpClient& http, const SleepFn& sleep, const HttpRequest& request, const std::string& who,
                        const std::string& hint_on_reject, int max_attempts = 4) {
  Backoff backoff({.max_attempts = max_attempts, .initial = 500'000'000, .multiplier = 2.0,
                   .max_delay = 10 * kNsPerSecond});
  std::string last;
  while (true) {
    HttpResponse res = http.send(request);
    if (res.ok()) {
      if (auto token = parse_token_reply(res.body)) return *token;
      last = "a reply without access_token, expires_in and token_type";
    } else if (res.transport_failed()) {
      last = res.transport_error;
    } else if (res.status >= 500 || res.status == 429) {
      last = oauth_error_text(res);
    } else {
      throw RemoteError(who + ": " + request.url + " refused the credentials (" + oauth_error_text(res) + ")." +
                        hint_on_reject);
    }
    if (!backoff.can_retry())
      throw RemoteError(who + ": no access token from " + request.url + " after " +
                        std::to_string(backoff.attempt() + 1) + " attempts (last: " + last + ")." + hint_on_reject);
    if (!sleep(backoff.next_delay())) throw RemoteError(who + ": stopped while waiting to retry the token request");
  }
}

std::string checked_token_uri(std::string uri, const std::string& origin) {
  if (auto err = check_endpoint_scheme(uri); !err.empty()) throw ConfigurationError(origin + ": token_uri: " + err);
  return uri;
}

std::string required_field(const Json& j, const char* name, const std::string& origin) {
  if (!j.contains(name) || !j[name].is_string() || j[name].get<std::string>().empty())
    throw ConfigurationError(origin + ": the credentials have no `" + std::string(name) +
                             "`; download a fresh key or run `gcloud auth application-default login`");
  return j[name].get<std::string>();
}

class ServiceAccountProvider final : public TokenProvider {
 public:
  ServiceAccountProvider(const Json& key, const std::string& origin, const AuthSettings& s)
      : email_(required_field(key, "client_email", origin)),
        private_key_(required_field(key, "private_key", origin)),
        key_id_(key.value("private_key_id", std::string())),
        project_id_(key.value("project_id", std::string())),
        token_uri_(checked_token_uri(
            !s.token_endpoint.empty() ? s.token_endpoint : key.value("token_uri", std::string(kDefaultTokenUri)),
            origin)),
        timeout_(s.timeout) {}

  AccessToken fetch(HttpClient& http, const SleepFn& sleep) override {
    int64_t iat = now_ns() / kNsPerSecond;
    Json header = {{"alg", "RS256"}, {"typ", "JWT"}};
    if (!key_id_.empty()) header["kid"] = key_id_;
    Json claims = {{"iss", email_}, {"scope", kScope}, {"aud", token_uri_}, {"iat", iat}, {"exp", iat + 3600}};
    std::string jwt;
    try {
      jwt = sign_jwt_rs256(header.dump(), claims.dump(), private_key_);
    } catch (const std::exception& e) {
      throw ConfigurationError(describe() + ": " + e.what());
    }
    HttpRequest req{.method = "POST", .url = token_uri_,
                    .headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}},
                    .body = form_field("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer") + "&" +
                            form_field("assertion", jwt),
                    .timeout = timeout_};
    return fetch_token(http, sleep, req, describe(),
                       " Check that the key is current (not deleted) and the machine's clock is right.");
  }
  std::string describe() const override { return "service account " + email_; }
  std::string project_id(HttpClient&) override { return project_id_; }

 private:
  std::string email_, private_key_, key_id_, project_id_, token_uri_;
  TimeNs timeout_;
};

class AuthorizedUserProvider final : public TokenProvider {
 public:
  AuthorizedUserProvider(const Json& j, const std::string& origin, const AuthSettings& s)
      : client_id_(required_field(j, "client_id", origin)),
        client_secret_(required_field(j, "client_secret", origin)),
        refresh_token_(required_field(j, "refresh_token", origin)),
        token_uri_(checked_token_uri(
            !s.token_endpoint.empty() ? s.token_endpoint : j.value("token_uri", std::string(kDefaultTokenUri)),
            origin)),
        quota_project_(j.value("quota_project_id", std::string())),
        account_(j.value("account", std::string())),
        origin_(origin),
        timeout_(s.timeout) {}

  AccessToken fetch(HttpClient& http, const SleepFn& sleep) override {
    HttpRequest req{.method = "POST", .url = token_uri_,
                    .headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}},
                    .body = form_field("grant_type", "refresh_token") + "&" + form_field("client_id", client_id_) + "&" +
                            form_field("client_secret", client_secret_) + "&" +
                            form_field("refresh_token", refresh_token_),
                    .timeout = timeout_};
    return fetch_token(http, sleep, req, describe(),
                       " Run `gcloud auth application-default login` again to renew " + origin_ + ".");
  }
  std::string describe() const override {
    return "user credentials" + (account_.empty() ? std::string() : " of " + account_) + " (" + origin_ + ")";
  }
  std::string quota_project() const override { return quota_project_; }

 private:
  std::string client_id_, client_secret_, refresh_token_, token_uri_, quota_project_, account_, origin_;
  TimeNs timeout_;
};

class MetadataProvider final : public TokenProvider {
 public:
  explicit MetadataProvider(const AuthSettings& s) : host_(host_from(s)), timeout_(s.timeout) {}

  AccessToken fetch(HttpClient& http, const SleepFn& sleep) override {
    HttpRequest req{.method = "GET",
                    .url = "http://" + host_ + "/computeMetadata/v1/instance/service-accounts/default/token",
                    .headers = {{"Metadata-Flavor", "Google"}},
                    .body = {},
                    .timeout = std::min<TimeNs>(timeout_, 10 * kNsPerSecond),
                    .connect_timeout = 3 * kNsPerSecond};
    return fetch_token(http, sleep, req, describe(),
                       " No credentials were configured: set `credentials`, GOOGLE_APPLICATION_CREDENTIALS or "
                       "`access_token_command`, or run `gcloud auth application-default login`.",
                       3);
  }
  std::string describe() const override { return "metadata server " + host_; }
  std::string project_id(HttpClient& http) override {
    HttpResponse res = http.send({.method = "GET",
                                  .url = "http://" + host_ + "/computeMetadata/v1/project/project-id",
                                  .headers = {{"Metadata-Flavor", "Google"}},
                                  .body = {},
                                  .timeout = std::min<TimeNs>(timeout_, 10 * kNsPerSecond),
                                  .connect_timeout = 3 * kNsPerSecond});
    return res.ok() && res.body.find_first_of(" \t\r\n/\"{") == std::string::npos ? res.body : std::string();
  }

 private:
  static std::string host_from(const AuthSettings& s) {
    std::string host = s.metadata_host;
    if (host.empty()) host = env_or_empty("GCE_METADATA_HOST");
    if (host.empty()) host = env_or_empty("GCE_METADATA_ROOT");
    if (host.empty()) host = "metadata.google.internal";
    if (auto p = host.find("://"); p != std::string::npos) host = host.substr(p + 3);
    while (!host.empty() && host.back() == '/') host.pop_back();
    return host;
  }
  std::string host_;
  TimeNs timeout_;
};

class CommandProvider final : public TokenProvider {
 public:
  explicit CommandProvider(std::string command) : command_(std::move(command)) {}

  AccessToken fetch(HttpClient&, const SleepFn&) override {
    FILE* pipe = ::popen(command_.c_str(), "r");
    if (!pipe) throw RemoteError(describe() + " could not be started");
    std::string out;
    char buf[512];
    while (size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    int status = ::pclose(pipe);
    out = trim(out);
    if (status != 0 || out.empty() || out.find_first_of(" \n\t") != std::string::npos)
      throw RemoteError(describe() + " failed (exit status " + std::to_string(status) +
                        "); it must print one access token on stdout");
    // The command does not say how long its token lives; ask again after a few minutes.
    return {out, now_ns() + 5 * 60 * kNsPerSecond};
  }
  std::string describe() const override { return "access_token_command `" + command_ + "`"; }

 private:
  std::string command_;
};

class StaticProvider final : public TokenProvider {
 public:
  explicit StaticProvider(std::string token) : token_(std::move(token)) {}
  AccessToken fetch(HttpClient&, const SleepFn&) override {
    return {token_, now_ns() + 365LL * 24 * 3600 * kNsPerSecond};
  }
  std::string describe() const override { return "GARDENER_GOOGLE_ACCESS_TOKEN"; }
  bool refreshable() const override { return false; }

 private:
  std::string token_;
};

std::unique_ptr<TokenProvider> provider_from_file(const std::string& path, const std::string& why,
                                                  const AuthSettings& s) {
  std::string text = read_file(path);
  if (text.empty())
    throw ConfigurationError(why + " names `" + path + "`, which does not exist or is empty; point it at a "
                             "service-account key or gcloud's application_default_credentials.json");
  return provider_from_json(text, "`" + path + "`", s);
}

std::string gcloud_adc_path() {
  if (auto p = env_or_empty("GOOGLE_GCLOUD_ADC_PATH_OVERRIDE"); !p.empty()) return p;
  if (auto dir = env_or_empty("CLOUDSDK_CONFIG"); !dir.empty()) return dir + "/application_default_credentials.json";
  if (auto home = env_or_empty("HOME"); !home.empty())
    return home + "/.config/gcloud/application_default_credentials.json";
  return {};
}

}  // namespace

std::unique_ptr<TokenProvider> provider_from_json(const std::string& json_text, const std::string& origin,
                                                  const AuthSettings& settings) {
  Json j = Json::parse(json_text, nullptr, false);
  if (!j.is_object())
    throw ConfigurationError(origin + " is not JSON credentials; expected a service-account key or gcloud's "
                             "application_default_credentials.json");
  std::string type = j.value("type", std::string());
  if (type == "service_account") return std::make_unique<ServiceAccountProvider>(j, origin, settings);
  if (type == "authorized_user") return std::make_unique<AuthorizedUserProvider>(j, origin, settings);
  throw ConfigurationError(origin + ": unsupported credential type `" + type +
                           "`; use a service-account key, `gcloud auth application-default login`, or "
                           "access_token_command");
}

std::unique_ptr<TokenProvider> make_token_provider(const AuthSettings& s) {
  if (!s.credentials.empty()) {
    std::string text = trim(s.credentials);
    if (!text.empty() && text.front() == '{') return provider_from_json(text, "the `credentials` option", s);
    std::filesystem::path path(text);
    if (path.is_relative()) path = std::filesystem::path(s.base_dir) / path;
    return provider_from_file(path.string(), "the `credentials` option", s);
  }
  if (!s.access_token_command.empty()) return std::make_unique<CommandProvider>(s.access_token_command);
  if (auto token = env_or_empty("GARDENER_GOOGLE_ACCESS_TOKEN"); !token.empty())
    return std::make_unique<StaticProvider>(trim(token));
  if (auto path = env_or_empty("GOOGLE_APPLICATION_CREDENTIALS"); !path.empty())
    return provider_from_file(path, "GOOGLE_APPLICATION_CREDENTIALS", s);
  if (auto adc = gcloud_adc_path(); !adc.empty() && std::filesystem::exists(adc))
    return provider_from_file(adc, "gcloud's application-default credentials", s);
  return std::make_unique<MetadataProvider>(s);
}

TokenCache::TokenCache(std::unique_ptr<TokenProvider> provider, HttpClient& http, SleepFn sleep)
    : provider_(std::move(provider)), http_(http), sleep_(std::move(sleep)) {}

const std::string& TokenCache::token() {
  TimeNs now = now_ns();
  // Refresh shortly before expiry: 5 minutes, or a quarter of a short lifetime.
  TimeNs margin = std::min<TimeNs>(300 * kNsPerSecond, (current_.expires_at - fetched_at_) / 4);
  if (current_.value.empty() || now + margin >= current_.expires_at) {
    current_ = provider_->fetch(http_, sleep_);
    fetched_at_ = now;
    ++fetches_;
  }
  return current_.value;
}

bool TokenCache::invalidate() {
  if (!provider_->refreshable()) return false;
  current_ = {};
  return true;
}

}  // namespace gardener::gcp
