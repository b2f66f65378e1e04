// The `redact` transform (see redact_transform.hpp).
#include "redact_transform.hpp"

#include <algorithm>
#include <cstdlib>

namespace gardener::redact_transform {

PluginInfo RedactTransform::plugin_info() {
  PluginInfo info;
  info.kind = Kind::Transform;
  info.name = "redact";
  info.description =
      "Removes secrets and personal data (tokens, keys, passwords, e-mails, cards, IBANs, ...) from the message, the "
      "raw payload (JSON at any depth, or text) and the labels, counting replacements per detector.";
  info.stability = Stability::Beta;
  for (const auto& d : Redactor::builtin_detectors())
    info.options.push_back({d.name, OptionType::Bool, d.default_on, "Detector: " + d.description + ".", false, nullptr});
  info.options.push_back({"style", OptionType::String, "marker",
                          "Replacement: `marker` ([REDACTED:jwt]), `partial` (***@gmail.com, demo-use...) or `hmac` "
                          "(<email:3f9a1c>, the same value gives the same token across lines and runs).",
                          false, one_of({"marker", "partial", "hmac"})});
  info.options.push_back({"hmac_key_env", OptionType::String, "GARDENER_REDACT_KEY",
                          "Environment variable holding the HMAC key (style = \"hmac\").", false, nullptr});
  info.options.push_back({"user_detectors", OptionType::Table, Json::array(),
                          "Extra detectors: [{name = \"customer\", pattern = 'customer=(C\\d{6})'}] (RE2 syntax; "
                          "group 1, when present, is the part replaced).",
                          false, nullptr});
  return info;
}

std::vector<UserDetector> read_user_detectors(const Json& table, Diagnostics& diag) {
  std::vector<UserDetector> out;
  if (table.is_null()) return out;
  if (!table.is_array()) {
    diag.error("user_detectors", "must be an array of tables with `name` and `pattern`");
    return out;
  }
  for (size_t i = 0; i < table.size(); ++i) {
    const Json& d = table[i];
    std::string at = "user_detectors[" + std::to_string(i) + "]";
    if (!d.is_object() || !d.contains("name") || !d.contains("pattern") || !d["name"].is_string() ||
        !d["pattern"].is_string()) {
      diag.error(at, "needs string keys `name` and `pattern`");
      continue;
    }
    for (auto it = d.begin(); it != d.end(); ++it)
      if (it.key() != "name" && it.key() != "pattern") diag.error(at + "." + it.key(), "unknown key; allowed: name, pattern");
    out.push_back({d["name"].get<std::string>(), d["pattern"].get<std::string>()});
  }
  return out;
}

void RedactTransform::do_configure(const Config& config, Diagnostics& diag) {
  RedactionConfig rc;
  for (const auto& d : Redactor::builtin_detectors()) rc.detectors[d.name] = config.get_bool(d.name);
  rc.user_detectors = read_user_detectors(config.get_json("user_detectors"), diag);
  std::string style = config.get_string("style");
  rc.style = style == "partial" ? RedactionStyle::Partial : style == "hmac" ? RedactionStyle::Hmac : RedactionStyle::Marker;
  if (rc.style == RedactionStyle::Hmac) {
    std::string var = config.get_string("hmac_key_env");
    const char* key = var.empty() ? nullptr : std::getenv(var.c_str());
    if (!key || !*key) {
      diag.error("hmac_key_env", "environment variable `" + var +
                                     "` is unset or empty; export a random key there (it is never logged)");
      return;
    }
    rc.hmac_key = key;
  }
  try {
    redactor_.emplace(rc);
  } catch (const ConfigurationError& e) {
    diag.error("user_detectors", e.what());
  }
}

namespace {
/// Labels are scanned as `key=value`, so a secret-named label (api_key, password) is caught by
/// its context; the key itself is kept.
void scrub_labels(const Redactor& redactor, Labels& labels, RedactionCounts& counts) {
  std::string joined;
  for (auto& [key, value] : labels) {
    if (value.empty()) continue;
    joined.assign(key).append("=").append(value);
    if (redactor.redact_text(joined, &counts) == 0) continue;
    if (joined.compare(0, key.size() + 1, key + "=") == 0) {
      value = joined.substr(key.size() + 1);
    } else {
      redactor.redact_text(value, nullptr);  // the key was part of a finding: scrub the value alone
    }
  }
}
}  // namespace

void RedactTransform::scrub(const Redactor& redactor, Record& record, RedactionCounts& counts) {
  // The raw payload usually repeats the message: per detector, the larger of the two counts, so
  // one secret counts once while a secret only in the payload still counts.
  RedactionCounts message_counts, raw_counts;
  redactor.redact_text(record.message, &message_counts);
  redactor.redact_line(record.raw, &raw_counts);
  for (const auto& [name, n] : message_counts) counts[name] += std::max(n, raw_counts[name]);
  for (const auto& [name, n] : raw_counts)
    if (!message_counts.count(name)) counts[name] += n;
  scrub_labels(redactor, record.labels, counts);
  scrub_labels(redactor, record.resource_labels, counts);
}

void RedactTransform::do_process(Context& ctx, Batch& batch) {
  RedactionCounts counts;
  for (Record& r : batch.records) scrub(*redactor_, r, counts);
  for (const auto& [name, n] : counts) ctx.metric("redactions." + name, static_cast<double>(n));
}

}  // namespace gardener::redact_transform

GARDENER_PLUGIN(gardener::redact_transform::RedactTransform)
