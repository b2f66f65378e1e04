#pragma once
// The report analysis the runner calls after every clusterer finished and before any sink:
// priority with reasons, trends across runs (state store), incidents (Boost.Graph). Also the
// presentation helpers of report_format.hpp are implemented next to it (analysis.cpp, output_file.cpp).
#include <cstdint>
#include <string>
#include <vector>

#include <gardener/options.hpp>
#include <gardener/report.hpp>
#include <gardener/report_format.hpp>
#include <gardener/state.hpp>

namespace gardener {
inline namespace v1 {

/// Points each factor adds to a cluster's priority score (docs/worklog.md, "Priority").
struct PriorityWeights {
  int critical = 3;  // CRITICAL and above
  int error = 2;
  int warning = 1;
  int first_seen = 1;
  int spike = 1;
  int burst = 1;     // many lines in a short span
  int volume = 1;    // many lines in the window
  int spread = 1;    // several modules or revisions
  int regressed = 1;
};

struct AnalysisSettings {
  PriorityWeights weights;
  int p0_score = 5, p1_score = 4, p2_score = 2;  // score at or above → P0 / P1 / P2, else P3
  uint64_t volume_lines = 100;
  uint64_t burst_lines = 5;
  TimeNs burst_span = 10 * kNsPerSecond;
  uint64_t spread_min = 2;
  double spike_factor = 3.0;       // count ≥ factor × mean of the recent runs
  uint64_t spike_min_count = 10;   // and at least this many lines
  size_t history_runs = 8;         // runs kept in Cluster::history
  bool incidents = true;
  std::vector<std::string> incident_keys = {"trace", "request", "connection", "correlation", "session"};
  TimeNs incident_span = 60 * kNsPerSecond;  // key occurrences this close link two clusters
  bool attach_same_module = true;            // key-less clusters of a member's package join ...
  TimeNs attach_span = 1 * kNsPerSecond;     // ... when all their lines fall this close to the incident;
  int attach_module_depth = 2;               // package = first N dotted components (0: whole module)
  std::vector<std::string> repos;  // issue ledgers checked for "regressed" (empty: those earlier runs linked)
};

/// Parses the optional [pipeline.analysis] TOML table (given as JSON). Appends errors (path relative, e.g. "incident_span").
AnalysisSettings parse_analysis_settings(const Json& table, std::vector<ConfigError>& errors);

/// `s` as one file name: a pipeline or service name must not add directories to a path.
std::string safe_name(std::string s);
/// Priority with reasons, trends from the state (null state = everything "new", no history), incidents.
void analyze_report(Report& report, StateStore* state, const AnalysisSettings& settings);
/// After the sinks ran: records this run's per-cluster counts and cluster rows in the state.
void record_run(const Report& report, StateStore& state, int64_t run_id);

// The three parts of analyze_report, usable on their own.
void assign_priorities(Report& report, const AnalysisSettings& settings);
void apply_trends(Report& report, StateStore* state, const AnalysisSettings& settings);
void find_incidents(Report& report, const AnalysisSettings& settings);

}  // namespace v1
}  // namespace gardener
