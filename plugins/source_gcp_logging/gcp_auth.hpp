#pragma once
// Google access tokens in Application Default Credentials order (protocols.md §3): service-account
// keys (RS256 JWT exchanged at token_uri), authorized_user refresh tokens, the metadata server, an
// access_token_command, and a static token for tests/CI. Tokens are cached until shortly before
// expiry. Nothing here ever logs or quotes a token, key or secret.
#include <functional>
#include <memory>
#include <string>

#include <gardener/http.hpp>
#include <gardener/time.hpp>

namespace gardener::gcp {

struct AccessToken {
  std::string value;
  TimeNs expires_at = 0;  // wall clock
};

using SleepFn = std::function<bool(TimeNs)>;

class TokenProvider {
 public:
  virtual ~TokenProvider() = default;
  /// Throws RemoteError (or ConfigurationError for a bad credentials file).
  virtual AccessToken fetch(HttpClient& http, const SleepFn& sleep) = 0;
  /// "service account x@p.iam.gserviceaccount.com", "metadata server 127.0.0.1:8080", ...
  virtual std::string describe() const = 0;
  /// False for a static token: a 401 cannot be cured by asking again.
  virtual bool refreshable() const { return true; }
  /// The quota project of authorized_user credentials (sent as x-goog-user-project).
  virtual std::string quota_project() const { return {}; }
  /// The project the credentials belong to, when they name one (a service-account key's
  /// `project_id`, the metadata server's project/project-id): the last fallback for `project`.
  virtual std::string project_id(HttpClient&) { return {}; }
};

struct AuthSettings {
  std::string credentials;           // key JSON text, or a path to it (relative to base_dir)
  std::string base_dir = ".";
  std::string access_token_command;  // e.g. "gcloud auth print-access-token"
  std::string token_endpoint;        // overrides the key's token_uri (tests)
  std::string metadata_host;         // overrides GCE_METADATA_HOST / GCE_METADATA_ROOT
  TimeNs timeout = 30 * kNsPerSecond;
};

/// Picks the credential in ADC order: `credentials`, `access_token_command`,
/// GARDENER_GOOGLE_ACCESS_TOKEN, GOOGLE_APPLICATION_CREDENTIALS, gcloud's ADC file, metadata server.
std::unique_ptr<TokenProvider> make_token_provider(const AuthSettings& settings);

/// Provider from key JSON text (service_account or authorized_user). `origin` names it in errors.
std::unique_ptr<TokenProvider> provider_from_json(const std::string& json_text, const std::string& origin,
                                                  const AuthSettings& settings);

/// Caches one provider's token; refreshes it shortly before expiry or when told it was rejected.
class TokenCache {
 public:
  TokenCache(std::unique_ptr<TokenProvider> provider, HttpClient& http, SleepFn sleep);
  const std::string& token();
  /// The API answered 401: forget the token. Returns false when asking again cannot help.
  bool invalidate();
  const TokenProvider& provider() const { return *provider_; }
  int fetches() const { return fetches_; }

 private:
  std::unique_ptr<TokenProvider> provider_;
  HttpClient& http_;
  SleepFn sleep_;
  AccessToken current_;
  TimeNs fetched_at_ = 0;
  int fetches_ = 0;
};

}  // namespace gardener::gcp
