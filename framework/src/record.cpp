#include <gardener/record.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

namespace gardener {
inline namespace v1 {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Default: return "DEFAULT";
    case Severity::Debug: return "DEBUG";
    case Severity::Info: return "INFO";
    case Severity::Notice: return "NOTICE";
    case Severity::Warning: return "WARNING";
    case Severity::Error: return "ERROR";
    case Severity::Critical: return "CRITICAL";
    case Severity::Alert: return "ALERT";
    case Severity::Emergency: return "EMERGENCY";
  }
  return "DEFAULT";
}

std::optional<Severity> parse_severity(std::string_view text) {
  // Case-insensitive compare in place: this runs on every parsed line (no string, no locale).
  auto same = [&](std::string_view name) {
    if (name.size() != text.size()) return false;
    for (size_t i = 0; i < name.size(); ++i) {
      char c = text[i];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
      if (c != name[i]) return false;
    }
    return true;
  };
  struct Alias {
    std::string_view name;  // not a char*: no strlen per alias per line
    Severity s;
  };
  static constexpr Alias aliases[] = {
      {"DEFAULT", Severity::Default},   {"TRACE", Severity::Debug},      {"DEBUG", Severity::Debug},
      {"FINE", Severity::Debug},        {"INFO", Severity::Info},        {"INFORMATION", Severity::Info},
      {"NOTICE", Severity::Notice},     {"WARNING", Severity::Warning},  {"WARN", Severity::Warning},
      {"W", Severity::Warning},         {"ERROR", Severity::Error},      {"ERR", Severity::Error},
      {"E", Severity::Error},           {"SEVERE", Severity::Error},     {"CRITICAL", Severity::Critical},
      {"CRIT", Severity::Critical},     {"FATAL", Severity::Critical},   {"F", Severity::Critical},
      {"ALERT", Severity::Alert},       {"EMERGENCY", Severity::Emergency}, {"EMERG", Severity::Emergency},
      {"PANIC", Severity::Emergency},   {"I", Severity::Info},           {"D", Severity::Debug},
      // .NET's console (fail, dbug, trce), Serilog's and zerolog's three letters, MySQL's Note,
      // MongoDB's debug levels.
      {"FAIL", Severity::Error},        {"DBUG", Severity::Debug},       {"TRCE", Severity::Debug},
      {"VERBOSE", Severity::Debug},     {"VRB", Severity::Debug},        {"DBG", Severity::Debug},
      {"INF", Severity::Info},          {"NOTE", Severity::Notice},      {"WRN", Severity::Warning},
      {"FTL", Severity::Critical},      {"D1", Severity::Debug},         {"D2", Severity::Debug},
      {"D3", Severity::Debug},          {"D4", Severity::Debug},         {"D5", Severity::Debug},
  };
  for (const auto& a : aliases)
    if (same(a.name)) return a.s;
  int n = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), n);
  if (res.ec == std::errc() && res.ptr == text.data() + text.size() && n >= 0 && n <= 800) {
    return static_cast<Severity>((n / 100) * 100);
  }
  return std::nullopt;
}

void Record::clear() {
  timestamp_ns = 0;
  severity = Severity::Default;
  line = 0;
  tokens_of = 0;
  dropped = false;
  for (std::string* s : {&message, &module, &function, &file, &logger, &service, &resource_type, &trace, &span_id,
                         &insert_id, &log_name, &raw, &origin, &masked, &cluster_id})
    s->clear();
  resource_labels.clear();
  labels.clear();
  variables.clear();
  tokens.clear();
  tags.clear();
}

std::string_view label_value(const Labels& labels, std::string_view key) {
  for (const auto& [k, v] : labels)
    if (k == key) return v;
  return {};
}

}  // namespace v1
}  // namespace gardener
