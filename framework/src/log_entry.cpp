// LogEntry decoding (protocols.md §1.4, §1.10, §2). One parser for Cloud Run JSON lines, gcloud
// dumps and API pages: simdjson's DOM with one reused parser per thread (no allocation per line
// once warm, and a full validation, so a truncated object is always reported, never half-read).
#include <gardener/log_entry.hpp>

#include <charconv>
#include <fmt/format.h>
#include <simdjson.h>

#include <gardener/time.hpp>

namespace gardener {
inline namespace v1 {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// Cloud Run's special keys, when an app line reaches us before the agent lifted them.
constexpr std::string_view kSpecialLocation = "logging.googleapis.com/sourceLocation";
constexpr std::string_view kSpecialLabels = "logging.googleapis.com/labels";
constexpr std::string_view kSpecialTrace = "logging.googleapis.com/trace";
constexpr std::string_view kSpecialSpan = "logging.googleapis.com/spanId";
constexpr std::string_view kSpecialInsertId = "logging.googleapis.com/insertId";

/// The member `key` of `obj` when `obj` is an object holding it.
std::optional<element> member(const element& obj, std::string_view key) {
  object o;
  if (obj.get_object().get(o) != simdjson::SUCCESS) return std::nullopt;
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) return std::nullopt;
  return v;
}

std::optional<element> path(const element& root, std::initializer_list<std::string_view> keys) {
  std::optional<element> cur = root;
  for (auto k : keys) {
    if (!cur) return std::nullopt;
    cur = member(*cur, k);
  }
  return cur;
}

/// Scalars as text (label values may be numbers in app JSON); objects/arrays minified.
std::string to_text(const element& v) {
  switch (v.type()) {
    case element_type::STRING: return std::string(v.get_string().value_unsafe());
    case element_type::INT64: return std::to_string(v.get_int64().value_unsafe());
    case element_type::UINT64: return std::to_string(v.get_uint64().value_unsafe());
    case element_type::DOUBLE: return fmt::format("{}", v.get_double().value_unsafe());
    case element_type::BOOL: return v.get_bool().value_unsafe() ? "true" : "false";
    case element_type::NULL_VALUE: return "";
    default: return simdjson::minify(v);
  }
}

/// A non-empty string (or scalar) at `v`, else nothing.
std::optional<std::string> text_at(const std::optional<element>& v) {
  if (!v || v->is_null() || v->is_object() || v->is_array()) return std::nullopt;
  auto s = to_text(*v);
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<int64_t> int_at(const std::optional<element>& v) {
  if (!v) return std::nullopt;
  switch (v->type()) {
    case element_type::INT64: return v->get_int64().value_unsafe();
    case element_type::UINT64: return static_cast<int64_t>(v->get_uint64().value_unsafe());
    case element_type::DOUBLE: return static_cast<int64_t>(v->get_double().value_unsafe());
    case element_type::STRING: {
      std::string_view s = v->get_string().value_unsafe();
      int64_t n = 0;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
      return n;
    }
    default: return std::nullopt;
  }
}

/// First non-empty text among candidates.
template <typename... V>
std::string first_text(const V&... candidates) {
  std::optional<std::string> found;
  ((found = found ? found : text_at(candidates)), ...);
  return found.value_or("");
}

Labels labels_of(const std::optional<element>& v) {
  Labels out;
  object o;
  if (!v || v->get_object().get(o) != simdjson::SUCCESS) return out;
  for (auto field : o) out.emplace_back(std::string(field.key), to_text(field.value));
  return out;
}

/// Seconds, milliseconds, microseconds or nanoseconds since the epoch, told apart by magnitude
/// (pino's `time` is in ms, zap's `ts` in seconds with a fraction).
std::optional<TimeNs> epoch_time(double v) {
  if (!(v > 0)) return std::nullopt;
  if (v >= 1e17) return static_cast<TimeNs>(v);
  if (v >= 1e14) return static_cast<TimeNs>(v * 1e3);
  if (v >= 1e11) return static_cast<TimeNs>(v * 1e6);
  return static_cast<TimeNs>(v * 1e9);
}

/// RFC 3339 string, {seconds, nanos} object, a number since the epoch, or nothing.
std::optional<TimeNs> time_of(const std::optional<element>& v) {
  if (!v) return std::nullopt;
  if (v->is_string()) return parse_rfc3339(v->get_string().value_unsafe());
  if (v->is_double()) return epoch_time(v->get_double().value_unsafe());
  if (v->is_int64()) return epoch_time(static_cast<double>(v->get_int64().value_unsafe()));
  if (v->is_uint64()) return epoch_time(static_cast<double>(v->get_uint64().value_unsafe()));
  if (v->is_object()) {
    if (auto d = member(*v, "$date")) return time_of(d);  // MongoDB's {"t":{"$date":"..."}}
    auto secs = int_at(member(*v, "seconds"));
    if (!secs) return std::nullopt;
    return *secs * kNsPerSecond + int_at(member(*v, "nanos")).value_or(0);
  }
  return std::nullopt;
}

std::optional<TimeNs> timestamp_of(const element& root, const element& payload) {
  for (const element* where : {&root, &payload}) {
    if (auto t = time_of(member(*where, "timestamp"))) return t;
    if (auto s = int_at(member(*where, "timestampSeconds")))
      return *s * kNsPerSecond + int_at(member(*where, "timestampNanos")).value_or(0);
    if (auto t = time_of(member(*where, "time"))) return t;
    if (auto t = time_of(member(*where, "ts"))) return t;  // zap, logrus
    if (auto t = member(*where, "t"); t && t->is_object())  // MongoDB's {"$date": ...}; a bare "t" is no time
      if (auto v = time_of(t)) return v;
  }
  return time_of(member(root, "receiveTimestamp"));
}

std::optional<Severity> severity_of(const std::optional<element>& v) {
  if (!v) return std::nullopt;
  if (v->is_string()) return parse_severity(v->get_string().value_unsafe());
  if (auto n = int_at(v)) {
    // pino's and bunyan's numbers: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
    if (*n >= 10 && *n < 100) return *n >= 60 ? Severity::Critical : *n >= 50 ? Severity::Error
                                   : *n >= 40 ? Severity::Warning : *n >= 30 ? Severity::Info : Severity::Debug;
    return parse_severity(std::to_string(*n));
  }
  return std::nullopt;
}

/// Cloud Logging's `severity`, else the level of the JSON loggers (pino, zap, logrus, bunyan,
/// structlog, MongoDB): `level`, `lvl`, `log.level`, `s`.
Severity entry_severity(const element& root, const element& payload) {
  if (auto s = severity_of(member(root, "severity"))) return *s;
  for (const element* where : {&payload, &root}) {
    for (const char* key : {"level", "lvl", "log.level"})
      if (auto s = severity_of(member(*where, key))) return *s;
    if (auto s = member(*where, "s"); s && s->is_string())  // MongoDB's "E"; a number there is no level
      if (auto level = severity_of(s)) return *level;
  }
  return Severity::Default;
}

/// "projects/p/logs/run.googleapis.com%2Fstderr" -> "run.googleapis.com/stderr".
std::string log_id(std::string_view log_name) {
  auto pos = log_name.find("/logs/");
  std::string_view id = pos == std::string_view::npos ? log_name : log_name.substr(pos + 6);
  std::string out;
  for (size_t i = 0; i < id.size(); ++i) {
    if (id[i] == '%' && i + 2 < id.size()) {
      int v = 0;
      auto [p, ec] = std::from_chars(id.data() + i + 1, id.data() + i + 3, v, 16);
      if (ec == std::errc() && p == id.data() + i + 3) {
        out += static_cast<char>(v);
        i += 2;
        continue;
      }
    }
    out += id[i];
  }
  return out;
}

/// The reason phrase of an HTTP status: a word the masks keep, so 503 and 429 stay two events
/// (the number itself is a value like any other).
std::string_view reason_phrase(std::string_view status) {
  static constexpr std::pair<std::string_view, std::string_view> kReasons[] = {
      {"400", "Bad Request"}, {"401", "Unauthorized"}, {"403", "Forbidden"}, {"404", "Not Found"},
      {"405", "Method Not Allowed"}, {"408", "Request Timeout"}, {"409", "Conflict"}, {"410", "Gone"},
      {"413", "Payload Too Large"}, {"422", "Unprocessable Entity"}, {"429", "Too Many Requests"},
      {"499", "Client Closed Request"}, {"500", "Internal Server Error"}, {"501", "Not Implemented"},
      {"502", "Bad Gateway"}, {"503", "Service Unavailable"}, {"504", "Gateway Timeout"}};
  for (const auto& [code, phrase] : kReasons)
    if (code == status) return phrase;
  return status.size() == 3 && status[0] >= '1' && status[0] <= '5' ? "HTTP status" : "";
}

/// A request log (Cloud Run, a load balancer) has no message: its status, method and path are
/// what happened ("503 Service Unavailable: POST /v1/checkout").
std::string request_line(const element& root) {
  auto req = member(root, "httpRequest");
  if (!req || !req->is_object()) return {};
  std::string url = first_text(member(*req, "requestUrl"));
  if (size_t scheme = url.find("://"); scheme != std::string::npos) {
    size_t slash = url.find('/', scheme + 3);
    url = slash == std::string::npos ? "/" : url.substr(slash);
  }
  url = url.substr(0, url.find_first_of("?#"));
  std::string line;
  const std::string status = first_text(member(*req, "status"));
  if (!status.empty()) line = status + " " + std::string(reason_phrase(status)) + ":";
  for (const std::string& part : {first_text(member(*req, "requestMethod")), url})
    if (!part.empty()) line += (line.empty() ? "" : " ") + part;
  return line;
}

/// The cause a JSON logger puts beside its message (`error`, `err`, `exception`, `exc_info`,
/// `stack_trace`, `stack`, or MongoDB's `attr.error`; an object's `stack` or `message`, or
/// MongoDB's `codeName: errmsg`), else "".
std::string cause_of(const element& payload) {
  auto attr = member(payload, "attr");
  const element* nested = attr && attr->is_object() ? &*attr : nullptr;
  for (const element* where : {&payload, nested}) {
    if (!where) continue;
    for (const char* key : {"error", "err", "exception", "exc_info", "stack_trace", "stack"}) {
      auto v = member(*where, key);
      if (!v) continue;
      if (v->is_object()) {
        if (auto t = first_text(member(*v, "stack"), member(*v, "message"), member(*v, "msg")); !t.empty()) return t;
        const std::string code = first_text(member(*v, "codeName")), text = first_text(member(*v, "errmsg"));
        if (!code.empty() || !text.empty()) return code + (code.empty() || text.empty() ? "" : ": ") + text;
        continue;
      }
      if (auto t = text_at(v); t && *t != "true" && *t != "false") return *t;
    }
  }
  return {};
}

/// The message, then the cause beside it on a line of its own (as a stack trace's lines: two
/// causes of one message are two events). When the payload has none of the usual keys: a
/// request's line, or the payload itself, minified.
std::string message_of(const element& root, const element& payload, bool payload_is_root) {
  auto m = first_text(member(payload, "message"), member(root, "textPayload"),
                      path(root, {"protoPayload", "status", "message"}), member(payload, "msg"));
  if (!m.empty()) {
    if (payload.is_object())
      if (std::string cause = cause_of(payload); !cause.empty() && m.find(cause) == std::string::npos)
        m += "\n" + cause;
    return m;
  }
  if (std::string request = request_line(root); !request.empty()) return request;
  if (payload_is_root || !payload.is_object()) return m;
  return simdjson::minify(payload);
}

void fill_location(const element& root, const element& payload, Record& out) {
  auto loc = member(root, "sourceLocation");
  auto loc2 = member(payload, kSpecialLocation);
  auto plabels = member(payload, "labels");
  auto elabels = member(root, "labels");
  auto elabels2 = member(payload, kSpecialLabels);
  out.function = first_text(path(root, {"sourceLocation", "function"}), loc2 ? member(*loc2, "function") : std::nullopt,
                            plabels ? member(*plabels, "function") : std::nullopt,
                            elabels ? member(*elabels, "function") : std::nullopt,
                            elabels2 ? member(*elabels2, "function") : std::nullopt);
  out.file = first_text(loc ? member(*loc, "file") : std::nullopt, loc2 ? member(*loc2, "file") : std::nullopt);
  out.module = first_text(plabels ? member(*plabels, "module") : std::nullopt,
                          elabels ? member(*elabels, "module") : std::nullopt,
                          elabels2 ? member(*elabels2, "module") : std::nullopt);
  for (const auto& cand : {loc ? member(*loc, "line") : std::nullopt, loc2 ? member(*loc2, "line") : std::nullopt,
                           plabels ? member(*plabels, "line") : std::nullopt,
                           elabels ? member(*elabels, "line") : std::nullopt,
                           elabels2 ? member(*elabels2, "line") : std::nullopt}) {
    if (auto n = int_at(cand)) {
      out.line = *n;
      break;
    }
  }
}

void fill_identity(const element& root, const element& payload, Record& out) {
  auto resource = member(root, "resource");
  out.resource_type = first_text(resource ? member(*resource, "type") : std::nullopt);
  out.resource_labels = labels_of(resource ? member(*resource, "labels") : std::nullopt);
  out.labels = labels_of(member(root, "labels"));
  auto lifted = labels_of(member(payload, kSpecialLabels));  // only in unlifted app lines
  out.labels.insert(out.labels.end(), lifted.begin(), lifted.end());
  out.service = first_text(path(payload, {"context", "service"}),
                           resource ? path(*resource, {"labels", "service_name"}) : std::nullopt);
  out.log_name = first_text(member(root, "logName"));
  out.logger = first_text(path(payload, {"context", "name"}), member(payload, "logger"), member(root, "logger"));
  if (out.logger.empty() && !out.log_name.empty()) out.logger = log_id(out.log_name);
  out.trace = first_text(member(root, "trace"), member(payload, kSpecialTrace));
  out.span_id = first_text(member(root, "spanId"), member(payload, kSpecialSpan));
  out.insert_id = first_text(member(root, "insertId"), member(payload, kSpecialInsertId));
}

std::string decode_element(const element& root, Record& out) {
  if (!root.is_object()) return "not a JSON object (a LogEntry must be an object)";
  // A Cloud Run app line has no payload key: the object itself is the payload.
  auto jp = member(root, "jsonPayload");
  bool payload_is_root = !jp && !member(root, "textPayload") && !member(root, "protoPayload");
  element payload = jp && jp->is_object() ? *jp : root;
  out.timestamp_ns = timestamp_of(root, payload).value_or(0);
  out.severity = entry_severity(root, payload);
  out.message = message_of(root, payload, payload_is_root);
  fill_location(root, payload, out);
  fill_identity(root, payload, out);
  return "";
}

simdjson::dom::parser& thread_parser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

}  // namespace

std::string decode_log_entry(std::string_view json_text, Record& out) {
  element root;
  auto err = thread_parser().parse(json_text.data(), json_text.size()).get(root);
  if (err) return std::string("invalid JSON: ") + simdjson::error_message(err);
  auto msg = decode_element(root, out);
  if (msg.empty()) out.raw.assign(json_text);
  return msg;
}

std::string decode_log_entry(const Json& entry, Record& out) {
  // API pages arrive as nlohmann values; one textual round trip keeps a single rule set.
  return decode_log_entry(entry.dump(-1, ' ', false, Json::error_handler_t::replace), out);
}

}  // namespace v1
}  // namespace gardener
