#include "slack_sink.hpp"

#include <gardener/report_redaction.hpp>
#include <chrono>

#include <fmt/format.h>

#include <gardener/report_format.hpp>

namespace gardener::slack {
namespace {

TimeNs steady_now() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Seconds from Retry-After (delta-seconds form); a missing or odd value waits one second.
TimeNs retry_after(const HttpResponse& res) {
  auto value = res.header("Retry-After");
  try {
    if (!value.empty()) return std::max<int64_t>(1, std::min<int64_t>(std::stoll(value), 86400)) * kNsPerSecond;
  } catch (const std::exception&) {
  }
  return kNsPerSecond;
}

std::string why(const std::string& error) {
  if (error == "no_service") return "the webhook was removed or disabled: create a new one and update webhook_url";
  if (error == "invalid_token" || error == "invalid_auth" || error == "token_revoked" || error == "not_authed") {
    return "the credential was refused: check webhook_url / token";
  }
  if (error == "channel_not_found" || error == "not_in_channel" || error == "channel_is_archived" || error == "is_archived") {
    return "the channel is missing, archived or the bot is not in it: invite the bot or change channel";
  }
  if (error == "invalid_blocks" || error == "invalid_payload" || error == "msg_too_long") return "Slack refused the message format";
  return "see Slack's error code";
}

}  // namespace

PluginInfo SlackSink::plugin_info() {
  PluginInfo info{Kind::Sink, "slack",
                  "Posts a digest of the run to Slack (incoming webhook, or chat.postMessage with a thread per "
                  "cluster), split across messages within Block Kit limits.",
                  Stability::Beta, {}};
  auto& o = info.options;
  o.push_back({"webhook_url", OptionType::Secret, nullptr,
               "Incoming webhook URL (a secret; also `webhook_url_file`, or env GARDENER_SLACK_WEBHOOK_URL)."});
  o.push_back({"token", OptionType::Secret, nullptr, "Bot token (xoxb-…) for chat.postMessage; needs `channel`."});
  o.push_back({"channel", OptionType::String, "", "Channel id (C…) for chat.postMessage."});
  o.push_back({"api_url", OptionType::String, "",
               "Web API base (default env GARDENER_SLACK_API_URL, then https://slack.com/api/)."});
  o.push_back({"thread_per_cluster", OptionType::Bool, false,
               "chat.postMessage only: reply to the digest with one thread message per listed cluster."});
  o.push_back({"worklog_url", OptionType::String, "",
               "Link to the full worklog; placeholders {pipeline}, {service}, {start[:FMT]}, {end[:FMT]}.", false,
               output_pattern_validator(true)});
  o.push_back({"project", OptionType::String, "", "GCP project for the Logs Explorer links."});
  o.push_back({"min_priority", OptionType::String, "P3", "List clusters at this priority or above (P3: all).", false,
               one_of({"P0", "P1", "P2", "P3"})});
  o.push_back({"only_changes", OptionType::Bool, false,
               "Post nothing when nothing is new, regressed, spiking or gone quiet."});
  o.push_back({"min_interval", OptionType::Duration, "1s", "Pause between messages (Slack allows about 1/s)."});
  o.push_back({"max_attempts", OptionType::Int, 5, "Attempts per message on 429 and 5xx.", false, int_range(1, 20)});
  o.push_back({"max_rate_limit_wait", OptionType::Duration, "5m",
               "Longest Retry-After the sink waits out; a longer one fails the post at once."});
  o.push_back({"timeout", OptionType::Duration, "30s", "Timeout of one HTTP request."});
  return info;
}

void SlackSink::do_configure(const Config& config, Diagnostics& diag) {
  webhook_url_ = config.has("webhook_url") ? config.get_string("webhook_url") : "";
  token_ = config.has("token") ? config.get_string("token") : "";
  channel_ = config.get_string("channel");
  api_url_ = config.get_string("api_url");
  worklog_url_ = config.get_string("worklog_url");
  project_ = config.get_string("project");
  min_priority_ = config.get_string("min_priority");
  only_changes_ = config.get_bool("only_changes");
  thread_per_cluster_ = config.get_bool("thread_per_cluster");
  min_interval_ = config.get_duration_ns("min_interval");
  max_attempts_ = static_cast<int>(config.get_int("max_attempts"));
  max_rate_limit_wait_ = config.get_duration_ns("max_rate_limit_wait");
  timeout_ = config.get_duration_ns("timeout");
  if (api_url_.empty()) api_url_ = env_or_empty("GARDENER_SLACK_API_URL");
  if (api_url_.empty()) api_url_ = "https://slack.com/api/";
  if (api_url_.back() != '/') api_url_ += '/';
  if (webhook_url_.empty() && token_.empty()) webhook_url_ = env_or_empty("GARDENER_SLACK_WEBHOOK_URL");
  if (webhook_url_.empty() && token_.empty()) {
    diag.error("webhook_url", "set `webhook_url` (or env GARDENER_SLACK_WEBHOOK_URL) for a webhook, or `token` and `channel` for chat.postMessage");
  }
  if (!token_.empty() && channel_.empty()) diag.error("channel", "`token` needs a `channel` id to post to");
  if (thread_per_cluster_ && token_.empty()) {
    diag.error("thread_per_cluster", "threads need chat.postMessage: set `token` and `channel` (webhooks return no ts)");
  }
  std::string endpoint = token_.empty() ? webhook_url_ : api_url_;
  if (!endpoint.empty()) {
    if (auto e = check_endpoint_scheme(endpoint); !e.empty()) diag.error(token_.empty() ? "webhook_url" : "api_url", e);
  }
}

HttpRequest SlackSink::request_for(const Json& message) const {
  HttpRequest req;
  req.method = "POST";
  req.timeout = timeout_;
  req.body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (token_.empty()) {
    req.url = webhook_url_;
    req.headers = {{"Content-Type", "application/json"}};
  } else {
    req.url = api_url_ + "chat.postMessage";
    req.headers = {{"Content-Type", "application/json; charset=utf-8"}, {"Authorization", "Bearer " + token_}};
  }
  return req;
}

std::string SlackSink::post(Context& ctx, HttpClient& http, Json message, const std::string& thread_ts) {
  if (!token_.empty()) message["channel"] = channel_;
  if (!thread_ts.empty()) message["thread_ts"] = thread_ts;
  message["unfurl_links"] = false;
  message["unfurl_media"] = false;
  auto req = request_for(message);
  Backoff backoff(BackoffPolicy{max_attempts_, 500 * 1'000'000LL, 2.0, 30 * kNsPerSecond});
  const char* via = token_.empty() ? "webhook" : "chat.postMessage";
  while (true) {
    TimeNs since = steady_now() - last_post_;  // ≤ 1 message per min_interval
    if (last_post_ != 0 && since < min_interval_ && !ctx.sleep_for(min_interval_ - since)) throw RemoteError("stopped");
    auto res = http.send(req);
    last_post_ = steady_now();
    std::string error;
    if (res.status == 429) {
      error = "rate limited (429)";
      if (!backoff.can_retry()) throw RemoteError(fmt::format("Slack {} kept answering 429 after {} attempts", via, max_attempts_));
      backoff.next_delay();
      const TimeNs wait = retry_after(res);
      if (wait > max_rate_limit_wait_)
        throw RemoteError(fmt::format("Slack {} rate limited with Retry-After {}, longer than max_rate_limit_wait ({}): "
                                      "not posted; post less often or raise max_rate_limit_wait", via,
                                      format_duration(wait), format_duration(max_rate_limit_wait_)));
      ctx.warn("Slack {} rate limited: waiting {} as Retry-After asks", via, format_duration(wait));
      if (!ctx.sleep_for(wait)) throw RemoteError("stopped while waiting for Slack's Retry-After");
      continue;
    }
    if (res.transport_failed() || res.status >= 500) {
      error = res.transport_failed() ? res.transport_error : fmt::format("{} {}", res.status, res.body.substr(0, 200));
      if (!backoff.can_retry()) throw RemoteError(fmt::format("Slack {} failed after {} attempts: {}", via, max_attempts_, error));
      if (!ctx.sleep_for(backoff.next_delay())) throw RemoteError("stopped while retrying Slack");
      continue;
    }
    if (token_.empty()) {
      if (res.status == 200 && res.body == "ok") return "";
      throw RemoteError(fmt::format("Slack webhook answered {} `{}`: {}", res.status, res.body.substr(0, 200), why(res.body)));
    }
    auto reply = Json::parse(res.body, nullptr, false);
    if (res.status == 200 && reply.is_object() && reply.value("ok", false)) return reply.value("ts", "");
    std::string code = reply.is_object() ? reply.value("error", "unknown") : res.body.substr(0, 200);
    throw RemoteError(fmt::format("Slack chat.postMessage to {} answered {} `{}`: {}", channel_, res.status, code, why(code)));
  }
}

void SlackSink::do_write(Context& ctx, Report& report) {
  redact_report(report, ctx.redactor());  // before the Logs Explorer links URL-encode a template
  if (only_changes_ && !has_changes(report)) {
    ctx.info("nothing changed since the previous run: no Slack digest (only_changes)");
    return;
  }
  DigestOptions options{min_priority_, worklog_url_.empty() ? "" : expand_output_path(worklog_url_, report, ""), project_};
  auto messages = build_digest(report, options);
  std::vector<Json> details;
  if (thread_per_cluster_) {
    for (const auto* c : listed_clusters(report, min_priority_)) details.push_back(cluster_detail(*c, report, options));
  }
  for (auto& m : messages) ctx.redactor().redact_json(m);
  for (auto& m : details) ctx.redactor().redact_json(m);
  const char* via = token_.empty() ? "webhook" : "chat.postMessage";
  if (ctx.plan()) {
    for (size_t i = 0; i < messages.size(); ++i) {
      ctx.plan_action(fmt::format("post Slack message {}/{} via {}: {}", i + 1, messages.size(), via, messages[i].dump()));
    }
    for (const auto& d : details) ctx.plan_action(fmt::format("post Slack thread reply via {}: {}", via, d.dump()));
    return;
  }
  HttpClient http;
  std::string parent;
  for (const auto& m : messages) {
    auto ts = post(ctx, http, m, "");
    if (parent.empty()) parent = ts;
  }
  for (const auto& d : details) post(ctx, http, d, parent);
  ctx.metric("messages_posted", static_cast<double>(messages.size() + details.size()));
  ctx.info("Slack digest posted: {} message(s), {} thread repl(ies)", messages.size(), details.size());
}

}  // namespace gardener::slack

GARDENER_PLUGIN(gardener::slack::SlackSink)
