#pragma once
// Source `gcp_logging` (issue 5): a service's Cloud Logging entries over the run's window.
#include <optional>
#include <string>
#include <vector>

#include <gardener/plugin.hpp>

#include "gcp_auth.hpp"

namespace gardener::gcp {

class GcpLoggingSource final : public Source {
 public:
  static PluginInfo plugin_info();

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_run(Context& ctx, Emitter& out) override;

  SourceInfo do_info() const override { return info_; }

 private:
  struct RunState;
  void accept_page(Context& ctx, RunState& st, std::vector<Json>& entries, Batch& batch);
  void save_checkpoint(Context& ctx, const RunState& st);
  std::string resolve_endpoint() const;
  void resolve_project(TokenProvider& provider, HttpClient& http);

  std::vector<std::string> resource_names_;
  std::string filter_;
  std::optional<Severity> min_severity_;
  int64_t page_size_ = 1000, max_pages_ = 1000, max_entries_ = 0;
  double rps_ = 1.0;
  int max_attempts_ = 6;
  TimeNs timeout_ = 0, quota_wait_ = 0, grace_ = 0;
  std::string endpoint_, quota_project_;
  AuthSettings auth_;
  SourceInfo info_;
};

}  // namespace gardener::gcp
