#pragma once
// The `regex_rules` clusterer (issue 4): claims the lines a team already knows how to name.
#include <gardener/cluster_stats.hpp>
#include <gardener/plugin.hpp>

#include <optional>

#include "rule_files.hpp"
#include "rule_set.hpp"

namespace gardener::regex_rules {

class RulesClusterer : public Clusterer {
 public:
  static PluginInfo plugin_info();
  const RuleSet* rule_set() const { return set_ ? &*set_ : nullptr; }

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_process(Context& ctx, Batch& batch) override;
  void do_finish(Context& ctx, Report& report) override;

 private:
  /// Parses one rule file's rules, reporting errors at their file location under `option`.
  void add_file(const RuleFile& file, const std::string& option, Diagnostics& diag);
  void compile(Diagnostics& diag);

  std::vector<Rule> rules_;
  std::optional<RuleSet> set_;
  std::vector<ClusterStats> stats_;    // per rule
  std::vector<uint64_t> dropped_;      // per rule
  std::vector<uint64_t> tagged_;       // per rule
};

}  // namespace gardener::regex_rules
