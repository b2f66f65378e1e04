#pragma once
// Sink `github_issues`: one GitHub issue per cluster, found by its fingerprint (ledger + hidden
// body marker), created once, kept current, closed and reopened by policy. See docs/github.md.
#include <string>
#include <vector>

#include <gardener/plugin.hpp>

namespace gardener::github {

struct SinkSettings {
  std::string repo;
  std::string api_url;
  std::string token;
  std::string label;              // the gardener's own label, on every issue it files
  std::vector<std::string> labels;  // extra labels on new issues
  bool priority_labels = true;
  bool rule_labels = true;
  std::string mute_label;
  int64_t min_count = 1;
  std::string min_priority;
  int64_t max_new_issues = 50;
  int64_t max_comments = 50;
  std::string on_recurrence;  // reopen | new
  int64_t auto_close_after = 0;
  TimeNs mutation_interval = kNsPerSecond;
  TimeNs timeout = 30 * kNsPerSecond;
  int64_t max_attempts = 5;
  TimeNs max_rate_limit_wait = 15 * 60 * kNsPerSecond;
  Json assignees = Json::object();
  std::string title_template;
  double spike_factor = 3.0;
  int64_t max_samples = 5;
  std::string project;
};

class GitHubIssuesSink final : public Sink {
 public:
  static PluginInfo plugin_info();
  const SinkSettings& settings() const { return settings_; }

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_write(Context& ctx, Report& report) override;

 private:
  SinkSettings settings_;
};

}  // namespace gardener::github
