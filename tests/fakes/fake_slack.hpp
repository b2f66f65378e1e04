#pragma once
// An in-process fake of Slack's incoming webhooks and chat.postMessage over real HTTP on
// 127.0.0.1 (protocols.md §5.4): plain-text `ok` and error bodies for webhooks, HTTP 200 with
// {"ok":false,...} for the Web API, Block Kit limits, 429 + Retry-After, threads, a message log.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace gardener::fakes {

/// One message the fake accepted or refused.
struct SlackMessage {
  std::string path;
  std::string content_type;
  std::string authorization;
  nlohmann::json payload;  // null when the body did not parse
  int status = 0;          // what the fake answered
  std::string error;       // "" when accepted
  std::string channel;     // Web API
  std::string ts;          // Web API: the ts given to an accepted message
  std::string thread_ts;
};

class FakeSlack {
 public:
  FakeSlack();
  ~FakeSlack();
  FakeSlack(const FakeSlack&) = delete;
  FakeSlack& operator=(const FakeSlack&) = delete;

  /// A webhook that works; `revoked` answers 403 invalid_token, `archived` 410 channel_is_archived,
  /// anything else that was never issued 404 no_service.
  std::string webhook_url(const std::string& secret = "good") const;
  /// Base of the Web API, with the trailing slash (what GARDENER_SLACK_API_URL holds).
  std::string api_url() const;
  /// The bot token the Web API accepts; channels the bot is in / not in.
  static constexpr const char* kToken = "xoxb-fake-token";
  static constexpr const char* kChannel = "C0123456789";
  static constexpr const char* kForeignChannel = "C0999999999";

  /// The next `count` requests answer 429 with `Retry-After: retry_after_s`.
  void rate_limit_next(int count, int retry_after_s = 1);
  /// The next request answers `status` with this plain-text (webhook) or JSON error (Web API).
  void fail_next(int status, const std::string& error);

  std::vector<SlackMessage> messages() const;
  /// Accepted messages only.
  std::vector<SlackMessage> accepted() const;

  /// Block Kit validation as Slack applies it; returns the error code or "".
  static std::string validate(const nlohmann::json& payload);

 private:
  void handle_webhook(const httplib::Request& req, httplib::Response& res);
  void handle_post_message(const httplib::Request& req, httplib::Response& res);
  bool scripted(httplib::Response& res, bool web_api, SlackMessage& m);
  static nlohmann::json parse_body(const httplib::Request& req, std::string& error);

  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  std::vector<SlackMessage> log_;
  struct Scripted {
    int status;
    std::string error;
    int retry_after;
  };
  std::deque<Scripted> script_;
  uint64_t next_ts_ = 1;
};

}  // namespace gardener::fakes
