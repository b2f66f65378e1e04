// The `redact` transform (see redact_transform.hpp).
#include "redact_transform.hpp"

#include <algorithm>

namespace gardener::redact_transform {

PluginInfo RedactTransform::plugin_info() {
  PluginInfo info;
  info.kind = Kind::Transform;
  info.name = "redact";
  info.description =
      "Removes secrets and personal data (tokens, keys, passwords, e-mails, cards, IBANs, ...) from the message, the "
      "raw payload (JSON at any depth, or text) and the labels, counting replacements per detector.";
  info.stability = Stability::Beta;
  info.options = redaction_options();
  return info;
}

void RedactTransform::do_configure(const Config& config, Diagnostics& diag) {
  struct Counting : Diagnostics {
    Diagnostics& inner;
    size_t errors = 0;
    explicit Counting(Diagnostics& d) : inner(d) {}
    void error(const std::string& o, const std::string& m) override {
      ++errors;
      inner.error(o, m);
    }
    void warning(const std::string& o, const std::string& m) override { inner.warning(o, m); }
  } counting(diag);
  RedactionConfig rc = redaction_config(config, counting);
  if (counting.errors) return;
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
  if (labels.empty()) return;
  // One scan over all labels first: most records have none to redact, and most repeat the
  // previous record's labels.
  thread_local std::string all;
  all.clear();
  for (const auto& [key, value] : labels) all.append(key).append("=").append(value).append("\n");
  if (redactor.redact_recurring(all, nullptr) == 0) return;
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
  if (record.raw == record.message) {  // a line kept as is (text or undecoded JSON): scrub once
    redactor.redact_line(record.message, &message_counts);
    record.raw = record.message;
  } else {
    redactor.redact_payload(record.raw, record.message, &raw_counts, &message_counts);
  }
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
