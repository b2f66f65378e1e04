#pragma once
// The `redact` transform: scrubs secrets and personal data from every record before anything is
// clustered, stored, printed or sent (issue 4). The detectors are the framework's Redactor.
#include <gardener/plugin.hpp>
#include <gardener/redaction.hpp>

#include <optional>

namespace gardener::redact_transform {

class RedactTransform : public Transform {
 public:
  static PluginInfo plugin_info();

  /// Scrubs one record in place; public for the benches and tests.
  static void scrub(const Redactor& redactor, Record& record, RedactionCounts& counts);

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_process(Context& ctx, Batch& batch) override;

 private:
  std::optional<Redactor> redactor_;
};

}  // namespace gardener::redact_transform
