#include "entries_reader.hpp"

#include <chrono>
#include <random>

#include <gardener/errors.hpp>

namespace gardener::gcp {

namespace {

int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

constexpr TimeNs kMs = 1'000'000;

// "403 PERMISSION_DENIED: <message> [IAM_PERMISSION_DENIED]" from a Google error envelope.
std::string describe_error(const HttpResponse& res) {
  std::string text = std::to_string(res.status);
  Json j = Json::parse(res.body, nullptr, false);
  if (!j.is_object() || !j.contains("error") || !j["error"].is_object()) {
    return text + (res.body.empty() ? "" : ": " + res.body.substr(0, 300));
  }
  const Json& e = j["error"];
  if (e.contains("status")) text += " " + e.value("status", std::string());
  if (e.contains("message")) text += ": " + e.value("message", std::string());
  if (e.contains("details") && e["details"].is_array())
    for (const auto& d : e["details"])
      if (d.is_object() && d.contains("reason")) text += " [" + d.value("reason", std::string()) + "]";
  return text;
}

std::string hint_for(long status) {
  switch (status) {
    case 400: return " Fix `filter` (the window and severity clauses are ANDed to it in parentheses).";
    case 401: return " The access token was rejected; check the credentials the source uses.";
    case 403:
      return " The credentials need roles/logging.viewer (logging.logEntries.list) on the project, and the Cloud "
             "Logging API must be enabled there.";
    case 404: return " Check `project` / `resource_names`.";
    default: return "";
  }
}

// JSON allows `\ud800` alone, but no UTF-8 string can hold it, so the parser refuses the whole
// page. Each lone surrogate escape becomes U+FFFD: one odd entry must not cost the window.
// (Backslashes occur only inside strings, so no string tracking is needed.)
bool replace_lone_surrogates(std::string& body) {
  auto escape_at = [&](size_t i, unsigned& code) {
    if (i + 6 > body.size() || body[i] != '\\' || body[i + 1] != 'u') return false;
    code = 0;
    for (size_t k = i + 2; k < i + 6; ++k) {
      const char c = body[k];
      const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) return false;
      code = code * 16 + static_cast<unsigned>(v);
    }
    return true;
  };
  bool changed = false;
  for (size_t i = 0; i + 1 < body.size(); ++i) {
    if (body[i] != '\\') continue;
    unsigned code = 0, next = 0;
    if (!escape_at(i, code)) {
      ++i;  // another escape (\\, \", \n ...): skip its second character
      continue;
    }
    const bool high = code >= 0xD800 && code <= 0xDBFF, low = code >= 0xDC00 && code <= 0xDFFF;
    if (high && escape_at(i + 6, next) && next >= 0xDC00 && next <= 0xDFFF) {
      i += 11;  // a proper pair
    } else if (high || low) {
      body.replace(i + 2, 4, "fffd");
      changed = true;
      i += 5;
    } else {
      i += 5;
    }
  }
  return changed;
}

}  // namespace

std::string build_filter(const std::string& user_filter, TimeNs start, TimeNs end, const std::string& min_severity) {
  std::string f;
  auto is_blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
  if (!is_blank(user_filter)) f = "(" + user_filter + ")\nAND ";
  f += "timestamp>=\"" + format_rfc3339(start, 9) + "\" AND timestamp<\"" + format_rfc3339(end, 9) + "\"";
  if (!min_severity.empty()) f += "\nAND severity>=" + min_severity;
  return f;
}

EntriesReader::EntriesReader(ReaderSettings settings, TokenCache& tokens, HttpClient& http, Context& ctx)
    : s_(std::move(settings)), tokens_(tokens), http_(http), ctx_(ctx) {
  while (!s_.endpoint.empty() && s_.endpoint.back() == '/') s_.endpoint.pop_back();
}

bool EntriesReader::wait(TimeNs duration) {
  if (duration <= 0) return !ctx_.stop_requested();
  stats_.waited += duration;
  return ctx_.sleep_for(duration);
}

// At most requests_per_second entries.list calls: the 60/min read quota is shared by every reader.
void EntriesReader::pace() {
  if (s_.requests_per_second <= 0) return;
  TimeNs interval = static_cast<TimeNs>(1e9 / s_.requests_per_second);
  if (last_request_steady_ != 0) {
    TimeNs due = last_request_steady_ + interval;
    if (TimeNs now = steady_ns(); now < due) wait(due - now);
  }
  last_request_steady_ = steady_ns();
}

HttpResponse EntriesReader::send_paced(const std::string& body) {
  pace();
  HttpRequest req{.method = "POST",
                  .url = s_.endpoint + "/v2/entries:list",
                  .headers = {{"Authorization", "Bearer " + tokens_.token()},
                              {"Content-Type", "application/json"},
                              {"Accept", "application/json"},
                              {"User-Agent", "log-gardener"}},
                  .body = body,
                  .timeout = s_.timeout};
  if (!s_.quota_project.empty()) req.headers.emplace_back("x-goog-user-project", s_.quota_project);
  ++stats_.requests;
  return http_.send(req);
}

// "Cloud Logging entries.list on projects/p (https://logging.googleapis.com, page 3)".
std::string EntriesReader::where() const {
  std::string names;
  for (const auto& r : s_.resource_names) names += (names.empty() ? "" : ", ") + r;
  return "Cloud Logging entries.list on " + names + " (" + s_.endpoint + ", page " + std::to_string(stats_.pages + 1) + ")";
}

void EntriesReader::fail(const HttpResponse& res) const {
  throw RemoteError(where() + " answered " + describe_error(res) + "." + hint_for(res.status) + " Filter sent: " + s_.filter);
}

// A ListLogEntriesResponse: an object whose `entries` (if any) is an array and whose
// `nextPageToken` (if any) is a string. Anything else is a server fault, not a page to guess at.
bool EntriesReader::take_page(Json& reply, std::vector<Json>& entries) {
  auto has_wrong = [&](const char* key, bool (Json::*is)() const noexcept) {
    auto it = reply.find(key);
    return it != reply.end() && !it->is_null() && !((*it).*is)();
  };
  if (has_wrong("entries", &Json::is_array) || has_wrong("nextPageToken", &Json::is_string))
    throw RemoteError(where() + " answered 200 with JSON that is not a ListLogEntriesResponse (`entries` must be a "
                      "list and `nextPageToken` a string): " + reply.dump().substr(0, 200) +
                      ". Check `endpoint` points at the Cloud Logging API.");
  if (auto it = reply.find("entries"); it != reply.end() && it->is_array())
    for (auto& e : *it) entries.push_back(std::move(e));
  auto token = reply.find("nextPageToken");
  page_token_ = token != reply.end() && token->is_string() ? token->get<std::string>() : std::string();
  ++stats_.pages;
  if (entries.empty()) ++stats_.empty_pages;
  done_ = page_token_.empty();
  return true;
}

bool EntriesReader::next_page(std::vector<Json>& entries) {
  entries.clear();
  if (done_ || ctx_.stop_requested()) return false;
  if (stats_.pages >= s_.max_pages) {
    hit_cap_ = done_ = true;
    return false;
  }
  Json body = {{"resourceNames", s_.resource_names},
               {"filter", s_.filter},
               {"orderBy", "timestamp asc"},
               {"pageSize", s_.page_size}};
  if (!page_token_.empty()) body["pageToken"] = page_token_;
  const std::string text = body.dump();

  Backoff backoff({.max_attempts = s_.max_attempts, .initial = 500 * kMs, .multiplier = 2.0,
                   .max_delay = 30 * kNsPerSecond});
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  bool refreshed = false;
  int quota_hits = 0;
  std::string last;
  while (true) {
    HttpResponse res = send_paced(text);
    if (res.ok()) {
      Json reply = Json::parse(res.body, nullptr, false);
      if (reply.is_discarded() && replace_lone_surrogates(res.body)) {
        reply = Json::parse(res.body, nullptr, false);
        if (!reply.is_discarded()) ctx_.warn("{}: lone UTF-16 surrogates in the page were replaced by U+FFFD", where());
      }
      if (reply.is_object()) return take_page(reply, entries);
      last = "a cut-off or non-JSON page";  // retried whole with the same token: no duplicates
    } else if (res.status == 401) {
      if (refreshed || !tokens_.invalidate()) fail(res);
      refreshed = true;  // one refresh, then the 401 is final (TokenCache counts the fetch)
      continue;
    } else if (res.status == 429) {
      // No Retry-After exists: wait long (the quota is per minute), 20 s growing to 60 s, jittered.
      ++stats_.rate_limit_waits;
      last = describe_error(res);
      if (!backoff.can_retry()) break;
      backoff.next_delay();
      TimeNs base = std::min<TimeNs>(60 * kNsPerSecond, s_.quota_wait << std::min(quota_hits++, 8));
      TimeNs delay = base / 2 + std::uniform_int_distribution<TimeNs>(0, base / 2)(rng);
      ctx_.warn("Cloud Logging read quota exhausted (429); waiting {:.1f}s", static_cast<double>(delay) / 1e9);
      ++stats_.retries;
      if (!wait(delay)) return false;
      continue;
    } else if (res.transport_failed()) {
      last = res.transport_error;
    } else if (res.status >= 500) {
      last = describe_error(res);
    } else {
      fail(res);
    }
    ++stats_.retries;
    if (!backoff.can_retry()) break;
    TimeNs delay = backoff.next_delay();
    ctx_.debug("entries.list attempt failed ({}); retrying in {:.2f}s", last, static_cast<double>(delay) / 1e9);
    if (!wait(delay)) return false;
  }
  throw RemoteError(where() + " failed after " + std::to_string(s_.max_attempts) + " attempts (last: " + last +
                    "). Filter sent: " + s_.filter);
}

}  // namespace gardener::gcp
