#pragma once
// Pages through Cloud Logging `entries:list` (protocols.md §1): paced requests, bounded retries
// with jitter (long waits on 429), one token refresh on 401, page-token following that continues
// over empty pages, a page cap, and a page retried whole when its body is cut off.
#include <string>
#include <vector>

#include <gardener/context.hpp>
#include <gardener/http.hpp>
#include <gardener/options.hpp>

#include "gcp_auth.hpp"

namespace gardener::gcp {

struct ReaderSettings {
  std::string endpoint;  // REST base, e.g. https://logging.googleapis.com
  std::vector<std::string> resource_names;
  std::string filter;  // the full filter sent
  int64_t page_size = 1000;
  int64_t max_pages = 1000;
  TimeNs timeout = 60 * kNsPerSecond;
  double requests_per_second = 1.0;
  int max_attempts = 6;
  TimeNs quota_wait = 20 * kNsPerSecond;  // first wait after a 429 (grows to 60 s)
  std::string quota_project;              // x-goog-user-project
};

struct ReaderStats {
  int64_t requests = 0;
  int64_t pages = 0;
  int64_t empty_pages = 0;
  int64_t retries = 0;
  int64_t rate_limit_waits = 0;  // 429s answered
  TimeNs waited = 0;             // pacing + backoff sleeps
};

/// Builds the filter: `(user filter) AND timestamp>=... AND timestamp<... AND severity>=...`.
/// Explicit parentheses because OR binds tighter than AND in this language.
std::string build_filter(const std::string& user_filter, TimeNs start, TimeNs end, const std::string& min_severity);

class EntriesReader {
 public:
  EntriesReader(ReaderSettings settings, TokenCache& tokens, HttpClient& http, Context& ctx);
  /// Fetches the next page into `entries` (possibly empty). False when there are no more pages
  /// (or the page cap was reached: see hit_page_cap()). Throws RemoteError on a final failure.
  bool next_page(std::vector<Json>& entries);
  bool hit_page_cap() const { return hit_cap_; }
  const ReaderStats& stats() const { return stats_; }
  const ReaderSettings& settings() const { return s_; }

 private:
  HttpResponse send_paced(const std::string& body);
  void pace();
  bool wait(TimeNs duration);
  [[noreturn]] void fail(const HttpResponse& res) const;
  std::string where() const;
  bool take_page(Json& reply, std::vector<Json>& entries);

  ReaderSettings s_;
  TokenCache& tokens_;
  HttpClient& http_;
  Context& ctx_;
  std::string page_token_;
  bool done_ = false;
  bool hit_cap_ = false;
  int64_t last_request_steady_ = 0;
  ReaderStats stats_;
};

}  // namespace gardener::gcp
