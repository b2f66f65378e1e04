#pragma once
// A small HTTP client on libcurl for the plugins that speak to remote APIs, plus a bounded
// exponential backoff with full jitter (protocols.md, design rule 2).
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gardener/time.hpp>

namespace gardener {
inline namespace v1 {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  Headers headers;
  std::string body;
  TimeNs timeout = 30 * kNsPerSecond;
  TimeNs connect_timeout = 10 * kNsPerSecond;
};

struct HttpResponse {
  long status = 0;  // 0 when the transport failed
  Headers headers;
  std::string body;
  std::string transport_error;  // curl's message when status == 0 (reset, timeout, refused)
  bool body_sent = false;       // the request body left the client (a POST may have happened)

  bool ok() const { return status >= 200 && status < 300; }
  bool transport_failed() const { return status == 0; }
  /// Case-insensitive header lookup; empty when absent.
  std::string header(std::string_view name) const;
};

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// Performs one request (no retries). Never throws for HTTP or transport failures.
  HttpResponse send(const HttpRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Refuses plain http:// to anything but loopback (protocols.md rule 1). Returns an error or "".
std::string check_endpoint_scheme(const std::string& url);
std::string url_encode(std::string_view text);
/// Parses RFC 5988 Link headers: returns the URL with rel="<rel>", or "".
std::string link_header_url(const std::string& link_header, std::string_view rel);

struct BackoffPolicy {
  int max_attempts = 5;
  TimeNs initial = 100 * 1'000'000LL;  // 100 ms
  double multiplier = 2.0;
  TimeNs max_delay = 60 * kNsPerSecond;
};

/// Exponential backoff with full jitter: delay = rand(0, min(max, initial * mult^n)).
class Backoff {
 public:
  explicit Backoff(BackoffPolicy policy, uint64_t seed = std::random_device{}());
  /// True while another attempt is allowed.
  bool can_retry() const { return attempt_ + 1 < policy_.max_attempts; }
  int attempt() const { return attempt_; }
  /// The delay before the next attempt; advances the attempt counter.
  TimeNs next_delay();

 private:
  BackoffPolicy policy_;
  int attempt_ = 0;
  std::mt19937_64 rng_;
};

}  // namespace v1
}  // namespace gardener
