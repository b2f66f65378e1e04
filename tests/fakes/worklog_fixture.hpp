#pragma once
// The example worklog's 21 entries (tests/unit/data/worklog_example_entries.jsonl) as a Report:
// one cluster per `fixture_template` entry label, the way a rule set would group them. Shared by
// the analysis unit tests and the worklog sink's golden test.
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

#include <gardener/cluster_stats.hpp>
#include <gardener/log_entry.hpp>
#include <gardener/report.hpp>

namespace gardener::testing {

inline std::vector<Record> load_example_records() {
  std::string path = std::string(GARDENER_SOURCE_DIR) + "/tests/unit/data/worklog_example_entries.jsonl";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<Record> records;
  std::string line;
  while (std::getline(in, line)) {
    Record r;
    auto error = decode_log_entry(line, r);
    if (!error.empty()) throw std::runtime_error(path + ": " + error);
    records.push_back(std::move(r));
  }
  return records;
}

struct FixtureCluster {
  std::string title;
  std::string impact;
};

inline const std::map<std::string, FixtureCluster>& example_titles() {
  static const std::map<std::string, FixtureCluster> titles{
      {"loop-crash", {"Golden Path message loop crashed", "Message loop crashes stop users receiving AI responses."}},
      {"loop-context", {"Message loop error context dump", ""}},
      {"loop-error", {"Message loop error: WebSocket not connected", ""}},
      {"close-error", {"Runtime error closing WebSocket", ""}},
      {"ssot-factory", {"WebSocket Manager Factory SSOT Violations", "WebSocket factory failures cause emergency fallbacks."}},
      {"auth-breaker", {"Golden Path Authentication Circuit Breaker", ""}},
      {"session-middleware", {"Session Middleware Configuration", ""}},
      {"user-autocreate", {"Database User Auto-Creation", "Expected for new users; a high rate may mean a sync issue."}},
  };
  return titles;
}

/// Builds the Report of one run over the fixture (window [22:00, 23:00) UTC on 2025-09-13).
inline Report example_report() {
  Report report;
  report.pipeline = "netra-backend-staging";
  report.service = "netra-backend-staging";
  report.window = {*parse_rfc3339("2025-09-13T22:00:00Z"), *parse_rfc3339("2025-09-13T23:00:00Z")};
  report.generated_at = *parse_rfc3339("2025-09-13T23:00:05Z");
  std::map<std::string, ClusterStats> stats;
  for (const auto& r : load_example_records()) {
    ++report.lines_read;
    ++report.by_severity[std::string(severity_name(r.severity))];
    stats[std::string(label_value(r.labels, "fixture_template"))].add(r);
  }
  for (const auto& [id, s] : stats) {
    Cluster c;
    c.id = id;
    c.kind = "rule";
    c.source_component = "rules";
    c.title = example_titles().at(id).title;
    c.impact = example_titles().at(id).impact;
    s.fill(c);
    c.template_text = c.samples.front().message;
    report.clusters.push_back(std::move(c));
  }
  report.sources.push_back({"gcp", "gcp_logging", "Cloud Run revision netra-backend-staging-00575-jbb",
                            report.lines_read, 0, false, ""});
  return report;
}

}  // namespace gardener::testing
