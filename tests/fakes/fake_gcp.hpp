#pragma once
// An in-process fake of Cloud Logging `entries:list` + the OAuth token endpoint + the GCE metadata
// server, over real HTTP on 127.0.0.1 (protocols.md §1.11 and §3.7 checklists): a filter subset
// (OR binds tighter than AND), opaque page tokens, `{}` for no results, token-but-empty pages, a
// per-project quota answering 429 without Retry-After, scripted faults, RS256 JWT verification
// with a test key pair generated at test time, and a request log.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <gardener/time.hpp>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace gardener::fakes {

using Json = nlohmann::json;

/// One request the fake received (header names lower-cased).
struct GcpRequest {
  std::string method;
  std::string path;  // with the query string
  std::map<std::string, std::string> headers;
  std::string body;
  int64_t at_steady_ns = 0;
  Json json;  // parsed body of entries:list (null otherwise)
};

/// What the fake does to one scripted entries:list request.
enum class GcpFault {
  None,
  Status400,          // INVALID_ARGUMENT
  Status403,          // PERMISSION_DENIED (IAM)
  Status403Disabled,  // PERMISSION_DENIED with SERVICE_DISABLED
  Status429,          // RESOURCE_EXHAUSTED, no Retry-After
  Status500,
  Status503,
  Status504,
  Reset,              // headers sent, connection closed before any body byte
  Truncated,          // half the body, then the connection closes
  InvalidJson,        // 200 with a body that is not JSON
  WrongShape,         // 200 with JSON that is no ListLogEntriesResponse
  FirstEntryUntimed,  // the page's first entry loses `timestamp` and `receiveTimestamp`
  LoneSurrogate,      // the page's first "@@" becomes the escape \ud800 (valid JSON, no UTF-8)
  Slow,               // answers after `slow_ms`
  EmptyPageWithToken, // {"nextPageToken": <same position>}: the search timed out
  ExpireToken,        // the presented token expires just before this request
};

/// An RSA key pair generated with OpenSSL at test time (PEM, PKCS#8 private key).
struct TestKeyPair {
  std::string private_pem;
  std::string public_pem;
};

class FakeGcp {
 public:
  FakeGcp();
  ~FakeGcp();
  FakeGcp(const FakeGcp&) = delete;
  FakeGcp& operator=(const FakeGcp&) = delete;

  int port() const { return port_; }
  std::string base_url() const;       // http://127.0.0.1:PORT (the Logging REST base)
  std::string token_url() const;      // base_url() + "/token"
  std::string metadata_host() const;  // 127.0.0.1:PORT (GCE_METADATA_HOST form)

  // --- Data -------------------------------------------------------------------------------
  void add_entry(Json entry);
  /// A `gcloud logging read --format=json` array.
  void add_entries(const Json& array);
  /// A proto3-JSON Cloud Run entry (severity omitted when DEFAULT, sourceLocation.line a string).
  static Json cloud_run_entry(const std::string& timestamp, const std::string& severity, const std::string& message,
                              const std::string& insert_id,
                              const std::string& revision = "netra-backend-staging-00575-jbb",
                              const std::string& project = "netra-staging");

  // --- Auth -------------------------------------------------------------------------------
  /// Registers a token as valid (what GARDENER_GOOGLE_ACCESS_TOKEN would carry).
  void add_token(const std::string& token, TimeNs lifetime = 3600 * kNsPerSecond);
  void set_require_auth(bool on);
  /// `expires_in` of tokens the fake issues (default 3599).
  void set_token_lifetime_seconds(int64_t seconds);
  void expire_all_tokens();
  /// Number of tokens issued by /token and the metadata server.
  int tokens_issued() const;
  void register_service_account(const std::string& client_email, const std::string& public_pem);
  void register_refresh_client(const std::string& client_id, const std::string& client_secret,
                               const std::string& refresh_token);
  /// Statuses the token endpoint answers with before working again (500, 503, or -1 = malformed JSON).
  void push_token_fault(int status);
  void set_metadata_project(const std::string& project);

  static TestKeyPair generate_test_key();
  /// A service-account key file whose token_uri points at this fake.
  Json service_account_json(const std::string& client_email, const TestKeyPair& key) const;

  // --- Faults and limits ----------------------------------------------------------------
  /// Fault for the n-th entries:list request (1-based, counting every request received).
  void script_fault(int request_number, GcpFault fault);
  /// Faults for the next entries:list requests, in order.
  void push_fault(GcpFault fault);
  void set_slow_ms(int ms);
  /// Per-project sliding-window read quota (requests per 60 s); 0 disables it.
  void set_quota_per_minute(int limit);
  /// The server returns at most this many entries per page whatever pageSize asks (0 = no cap).
  void set_server_page_cap(int cap);

  // --- Observations -----------------------------------------------------------------------
  std::vector<GcpRequest> requests() const;
  /// entries:list requests only.
  std::vector<GcpRequest> list_requests() const;

 private:
  struct PageState {
    size_t offset = 0;
    std::string params_key;
  };
  void install_routes();
  void handle_list(const httplib::Request& req, httplib::Response& res);
  void handle_token(const httplib::Request& req, httplib::Response& res);
  void handle_metadata(const httplib::Request& req, httplib::Response& res);
  void record(const httplib::Request& req, Json parsed);
  std::string issue_token();
  bool token_valid(const std::string& token);
  std::string verify_jwt(const std::string& assertion);  // "" when valid, else the reason
  bool quota_exceeded(const std::string& project);

  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;

  mutable std::mutex mu_;
  std::vector<Json> entries_;
  std::vector<GcpRequest> requests_;
  int list_count_ = 0;
  std::map<int, GcpFault> scripted_;
  std::deque<GcpFault> queued_;
  int slow_ms_ = 3000;
  int quota_ = 60;
  int page_cap_ = 0;
  std::map<std::string, std::deque<int64_t>> quota_log_;
  std::map<std::string, PageState> page_tokens_;
  int next_page_token_ = 1;

  bool require_auth_ = true;
  std::map<std::string, TimeNs> tokens_;  // token -> expiry (wall clock)
  int64_t token_lifetime_s_ = 3599;
  int tokens_issued_ = 0;
  std::map<std::string, std::string> service_accounts_;  // email -> public key PEM
  struct RefreshClient {
    std::string secret, refresh_token;
  };
  std::map<std::string, RefreshClient> refresh_clients_;
  std::deque<int> token_faults_;
  std::string metadata_project_ = "netra-staging";
};

/// The fake's filter language subset, exposed for its own unit tests. Throws std::invalid_argument
/// "Unparseable filter: ..." on syntax errors.
class GcpFilter {
 public:
  explicit GcpFilter(const std::string& text);
  ~GcpFilter();
  GcpFilter(GcpFilter&&) noexcept;
  bool matches(const Json& entry) const;

  struct Node;  // the parsed expression (defined in fake_gcp_filter.cpp)

 private:
  std::unique_ptr<Node> root_;
};

}  // namespace gardener::fakes
