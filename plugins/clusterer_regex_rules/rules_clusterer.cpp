// The `regex_rules` clusterer (see rules_clusterer.hpp).
#include "rules_clusterer.hpp"

#include <algorithm>
#include <filesystem>

namespace gardener::regex_rules {

PluginInfo RulesClusterer::plugin_info() {
  PluginInfo info;
  info.kind = Kind::Clusterer;
  info.name = "regex_rules";
  info.description =
      "Hand-written rules (RE2 patterns on message, module, function, logger, severity, resource and entry labels) "
      "claim known problems under a stable id, title, priority and impact; drop rules count known noise. All patterns "
      "run as one multi-pattern database; the first matching rule in file order wins.";
  info.stability = Stability::Beta;
  info.options = {
      {"rule", OptionType::Table, Json::array(),
       "Inline rules, [[clusterers.<name>.rule]] tables with id, title, priority (P0-P3), impact, match.message / "
       "module / function / logger / severity / resource.<label> / labels.<label>, min_severity, labels, exclusive, "
       "action (\"drop\"), assignees. Evaluated before the rule files.",
       false, nullptr},
      {"rules", OptionType::StringList, Json::array(),
       "Rule files (TOML with [[rule]] tables), relative to the pipeline file's directory; evaluated in order.", false,
       nullptr},
  };
  return info;
}

void RulesClusterer::add_file(const RuleFile& file, const std::string& option, Diagnostics& diag) {
  if (!file.error.empty()) {
    diag.error(option, file.error);
    return;
  }
  for (const auto& [key, at] : file.unknown_keys)
    diag.error(option, at + ": unknown top-level key `" + key + "`; a rule file holds only [[rule]] tables");
  parse_rules(file.rules, file.path, rules_, [&](const std::string& path, const std::string& message) {
    diag.error(option, locate(file, path) + ": " + path + ": " + message);
  });
}

void RulesClusterer::compile(Diagnostics& diag) {
  try {
    set_.emplace(rules_);
  } catch (const std::exception& e) {
    diag.error("rule", e.what());
    return;
  }
  stats_.assign(rules_.size(), ClusterStats{});
  dropped_.assign(rules_.size(), 0);
  tagged_.assign(rules_.size(), 0);
}

void RulesClusterer::do_configure(const Config& config, Diagnostics& diag) {
  parse_rules(config.get_json("rule"), "pipeline", rules_,
              [&](const std::string& path, const std::string& message) { diag.error(path, message); });
  auto files = config.get_list("rules");
  // Relative rule files resolve against the pipeline file's directory, so `validate` checks them.
  for (size_t i = 0; i < files.size(); ++i)
    add_file(load_rule_file(files[i], config.base_dir()), "rules[" + std::to_string(i) + "]", diag);
  compile(diag);
}

void RulesClusterer::do_process(Context&, Batch& batch) {
  if (!set_) return;
  RuleSet::Matcher matcher(*set_);
  Verdict verdict;
  const auto& rules = set_->rules();
  for (Record& r : batch.records) {
    if (!r.cluster_id.empty() || r.dropped) continue;
    matcher.match(r, verdict);
    for (uint32_t t : verdict.tagging) {
      ++tagged_[t];
      const Rule& rule = rules[t];
      for (const auto& label : rule.labels.empty() ? std::vector<std::string>{rule.id} : rule.labels)
        if (std::find(r.tags.begin(), r.tags.end(), label) == r.tags.end()) r.tags.push_back(label);
    }
    if (verdict.claimed < 0) continue;
    const Rule& rule = rules[verdict.claimed];
    if (rule.drop) {
      r.dropped = true;
      ++dropped_[verdict.claimed];
    } else {
      r.cluster_id = rule.id;
      stats_[verdict.claimed].add(r);
    }
  }
}

void RulesClusterer::do_finish(Context& ctx, Report& report) {
  if (!set_) return;
  const auto& rules = set_->rules();
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    if (dropped_[i]) {
      report.lines_dropped += dropped_[i];
      ctx.metric("dropped." + rule.id, static_cast<double>(dropped_[i]));
    }
    if (tagged_[i]) ctx.metric("tagged." + rule.id, static_cast<double>(tagged_[i]));
    if (stats_[i].count() == 0) continue;
    Cluster c;
    stats_[i].fill(c);
    c.id = rule.id;
    c.title = rule.title;
    c.kind = "rule";
    c.source_component = name();
    c.priority = rule.priority;
    if (!rule.priority.empty()) c.priority_reasons = {"rule " + rule.id};
    c.impact = rule.impact;
    c.labels = rule.labels;
    if (!rule.assignees.empty()) c.extra["assignees"] = rule.assignees;
    c.extra["rule_origin"] = rule.origin;
    // The rule's own message patterns find its lines in Logs Explorer (default_query), where one
    // sample's text would find only the lines like that sample.
    for (const auto& [field, patterns] : rule.conditions)
      if (field == "message") c.extra["match_message"] = patterns;
    report.clusters.push_back(std::move(c));
  }
}

}  // namespace gardener::regex_rules

GARDENER_PLUGIN(gardener::regex_rules::RulesClusterer)
