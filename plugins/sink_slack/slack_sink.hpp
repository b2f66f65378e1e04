#pragma once
// Sink `slack`: the run's digest through an incoming webhook or chat.postMessage (with an
// optional thread per cluster), within Block Kit limits, paced, honouring 429 Retry-After.
#include <memory>

#include <gardener/http.hpp>
#include <gardener/plugin.hpp>

#include "slack_digest.hpp"

namespace gardener::slack {

class SlackSink : public Sink {
 public:
  static PluginInfo plugin_info();

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_write(Context& ctx, Report& report) override;

 private:
  /// Posts one message; returns the Web API's ts ("" for webhooks). Throws RemoteError.
  std::string post(Context& ctx, HttpClient& http, Json message, const std::string& thread_ts);
  HttpRequest request_for(const Json& message) const;

  std::string webhook_url_;
  std::string token_;
  std::string channel_;
  std::string api_url_;
  std::string worklog_url_;
  std::string project_;
  std::string min_priority_ = "P3";
  bool only_changes_ = false;
  bool thread_per_cluster_ = false;
  TimeNs min_interval_ = kNsPerSecond;
  int max_attempts_ = 5;
  TimeNs max_rate_limit_wait_ = 5 * 60 * kNsPerSecond;
  TimeNs timeout_ = 30 * kNsPerSecond;
  TimeNs last_post_ = 0;
};

}  // namespace gardener::slack
