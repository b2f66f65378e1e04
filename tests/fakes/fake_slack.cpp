#include "fake_slack.hpp"

#include <chrono>

#include <httplib.h>

namespace gardener::fakes {

using nlohmann::json;

FakeSlack::FakeSlack() : server_(std::make_unique<httplib::Server>()) {
  server_->Post(R"(/services/([^/]+)/([^/]+)/([^/]+))",
                [this](const httplib::Request& req, httplib::Response& res) { handle_webhook(req, res); });
  server_->Post("/api/chat.postMessage",
                [this](const httplib::Request& req, httplib::Response& res) { handle_post_message(req, res); });
  port_ = server_->bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeSlack::~FakeSlack() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeSlack::webhook_url(const std::string& secret) const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/services/T0FAKE/B0FAKE/" + secret;
}

std::string FakeSlack::api_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/api/"; }

void FakeSlack::rate_limit_next(int count, int retry_after_s) {
  std::lock_guard lock(mu_);
  for (int i = 0; i < count; ++i) script_.push_back({429, "ratelimited", retry_after_s});
}

void FakeSlack::fail_next(int status, const std::string& error) {
  std::lock_guard lock(mu_);
  script_.push_back({status, error, 0});
}

std::vector<SlackMessage> FakeSlack::messages() const {
  std::lock_guard lock(mu_);
  return log_;
}

std::vector<SlackMessage> FakeSlack::accepted() const {
  std::vector<SlackMessage> out;
  for (auto& m : messages()) {
    if (m.error.empty()) out.push_back(m);
  }
  return out;
}

namespace {

size_t text_length(const json& text_object) {
  return text_object.is_object() && text_object.contains("text") && text_object["text"].is_string()
             ? text_object["text"].get<std::string>().size()
             : 0;
}

std::string validate_block(const json& b) {
  static const std::vector<std::string> known = {"section", "header", "context", "divider", "actions", "image", "rich_text"};
  if (!b.is_object() || !b.contains("type") || !b["type"].is_string()) return "invalid_blocks";
  auto type = b["type"].get<std::string>();
  if (std::find(known.begin(), known.end(), type) == known.end()) return "invalid_blocks";
  if (b.contains("block_id") && b["block_id"].get<std::string>().size() > 255) return "invalid_blocks";
  if (type == "header") {
    if (!b.contains("text") || b["text"].value("type", "") != "plain_text" || text_length(b["text"]) > 150) return "invalid_blocks";
  } else if (type == "section") {
    bool has_text = b.contains("text"), has_fields = b.contains("fields");
    if (!has_text && !has_fields) return "invalid_blocks";
    if (has_text && (text_length(b["text"]) == 0 || text_length(b["text"]) > 3000)) return "invalid_blocks";
    if (has_fields) {
      if (!b["fields"].is_array() || b["fields"].size() > 10) return "invalid_blocks";
      for (const auto& f : b["fields"]) {
        if (text_length(f) > 2000) return "invalid_blocks";
      }
    }
  } else if (type == "context") {
    if (!b.contains("elements") || !b["elements"].is_array() || b["elements"].size() > 10) return "invalid_blocks";
  }
  return "";
}

}  // namespace

std::string FakeSlack::validate(const json& p) {
  bool has_text = p.contains("text") && p["text"].is_string() && !p["text"].get<std::string>().empty();
  bool has_blocks = p.contains("blocks") && p["blocks"].is_array() && !p["blocks"].empty();
  bool has_attachments = p.contains("attachments") && p["attachments"].is_array() && !p["attachments"].empty();
  if (!has_text && !has_blocks && !has_attachments) return "no_text";
  if (has_attachments && p["attachments"].size() > 100) return "too_many_attachments";
  if (has_text && p["text"].get<std::string>().size() > 40000) return "msg_too_long";
  if (has_blocks) {
    if (p["blocks"].size() > 50) return "invalid_blocks";
    for (const auto& b : p["blocks"]) {
      if (auto e = validate_block(b); !e.empty()) return e;
    }
  }
  return "";
}

json FakeSlack::parse_body(const httplib::Request& req, std::string& error) {
  auto type = req.get_header_value("Content-Type");
  std::string text = req.body;
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    if (!req.has_param("payload")) return error = "invalid_payload", json();
    text = req.get_param_value("payload");
  } else if (type.rfind("application/json", 0) != 0) {
    return error = "invalid_payload", json();
  }
  auto parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return error = "invalid_payload", json();
  return parsed;
}

// Applies the next scripted answer, if any; returns true when it answered.
bool FakeSlack::scripted(httplib::Response& res, bool web_api, SlackMessage& m) {
  if (script_.empty()) return false;
  auto s = script_.front();
  script_.pop_front();
  m.status = s.status;
  m.error = s.error;
  if (s.retry_after > 0) res.set_header("Retry-After", std::to_string(s.retry_after));
  if (web_api) res.status = s.status == 429 ? 429 : 200, res.set_content(json{{"ok", false}, {"error", s.error}}.dump(), "application/json");
  else res.status = s.status, res.set_content(s.error, "text/plain");
  m.status = res.status;
  return true;
}

void FakeSlack::handle_webhook(const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(mu_);
  SlackMessage m{req.path, req.get_header_value("Content-Type"), "", nullptr, 200, "", "", "", ""};
  auto answer = [&](int status, const std::string& body) {
    res.status = m.status = status;
    if (status != 200) m.error = body;
    res.set_content(body, "text/plain");
  };
  std::string secret = req.matches[3];
  std::string parse_error;
  m.payload = parse_body(req, parse_error);
  if (scripted(res, false, m)) {
  } else if (secret == "revoked") {
    answer(403, "invalid_token");
  } else if (secret == "archived") {
    answer(410, "channel_is_archived");
  } else if (secret != "good") {
    answer(404, "no_service");
  } else if (!parse_error.empty()) {
    answer(400, parse_error);
  } else if (auto e = validate(m.payload); !e.empty()) {
    answer(400, e);
  } else {
    answer(200, "ok");
  }
  log_.push_back(std::move(m));
}

void FakeSlack::handle_post_message(const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(mu_);
  SlackMessage m{req.path, req.get_header_value("Content-Type"), req.get_header_value("Authorization"), nullptr, 200, "", "", "", ""};
  auto fail = [&](const std::string& error) {
    m.error = error;
    res.status = 200;  // the Web API answers 200 for most errors
    res.set_content(json{{"ok", false}, {"error", error}}.dump(), "application/json; charset=utf-8");
  };
  std::string parse_error;
  m.payload = parse_body(req, parse_error);
  if (m.payload.is_object()) {
    m.channel = m.payload.value("channel", "");
    m.thread_ts = m.payload.value("thread_ts", "");
  }
  if (scripted(res, true, m)) {
  } else if (m.authorization.empty()) {
    fail("not_authed");
  } else if (m.authorization != std::string("Bearer ") + kToken) {
    fail("invalid_auth");
  } else if (!parse_error.empty()) {
    fail(parse_error);
  } else if (m.channel.empty() || (m.channel != kChannel && m.channel != kForeignChannel)) {
    fail("channel_not_found");
  } else if (m.channel == kForeignChannel) {
    fail("not_in_channel");
  } else if (auto e = validate(m.payload); !e.empty()) {
    fail(e);
  } else {
    m.ts = "1716581474." + std::to_string(1000000 + next_ts_++).substr(1);
    json reply{{"ok", true}, {"channel", m.channel}, {"ts", m.ts}, {"message", {{"text", m.payload.value("text", "")}}}};
    if (m.content_type.find("charset") == std::string::npos) reply["warning"] = "missing_charset";
    res.set_content(reply.dump(), "application/json; charset=utf-8");
  }
  log_.push_back(std::move(m));
}

}  // namespace gardener::fakes
