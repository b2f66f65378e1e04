// The options table of redaction users (see redaction.hpp): one definition for the `redact`
// transform and the command line.
#include <gardener/redaction.hpp>

#include <cstdlib>

namespace gardener {
inline namespace v1 {

namespace {

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

}  // namespace

OptionsTable redaction_options() {
  OptionsTable options;
  for (const auto& d : Redactor::builtin_detectors())
    options.push_back({d.name, OptionType::Bool, d.default_on, "Detector: " + d.description + ".", false, nullptr});
  options.push_back({"style", OptionType::String, "marker",
                     "Replacement: `marker` ([REDACTED:jwt]), `partial` (***@gmail.com, demo-use...) or `hmac` "
                     "(<email:3f9a1c>, the same value gives the same token across lines and runs).",
                     false, one_of({"marker", "partial", "hmac"})});
  options.push_back({"hmac_key_env", OptionType::String, "GARDENER_REDACT_KEY",
                     "Environment variable holding the HMAC key (style = \"hmac\").", false, nullptr});
  options.push_back({"user_detectors", OptionType::Table, Json::array(),
                     "Extra detectors: [{name = \"customer\", pattern = 'customer=(C\\d{6})'}] (RE2 syntax; group 1, "
                     "when present, is the part replaced).",
                     false, nullptr});
  return options;
}

RedactionConfig redaction_config(const Config& config, Diagnostics& diag) {
  RedactionConfig rc;
  for (const auto& d : Redactor::builtin_detectors()) rc.detectors[d.name] = config.get_bool(d.name);
  rc.user_detectors = read_user_detectors(config.get_json("user_detectors"), diag);
  std::string style = config.get_string("style");
  rc.style = style == "partial" ? RedactionStyle::Partial : style == "hmac" ? RedactionStyle::Hmac : RedactionStyle::Marker;
  if (rc.style != RedactionStyle::Hmac) return rc;
  std::string var = config.get_string("hmac_key_env");
  const char* key = var.empty() ? nullptr : std::getenv(var.c_str());
  if (!key || !*key) {
    diag.error("hmac_key_env",
               "environment variable `" + var + "` is unset or empty; export a random key there (it is never logged)");
  } else {
    rc.hmac_key = key;
  }
  return rc;
}

}  // namespace v1
}  // namespace gardener
