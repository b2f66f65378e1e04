#pragma once
// The Report: the contract between clusterers and sinks (design.md §6). It accumulates along the
// graph, and its JSON form is documented in docs/report-schema.md.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gardener/options.hpp>
#include <gardener/record.hpp>
#include <gardener/time.hpp>

namespace gardener {
inline namespace v1 {

struct Sample {
  TimeNs timestamp = 0;
  Severity severity = Severity::Default;
  std::string message;
  /// The key entry as the worklog prints it: severity, message, context, labels (redacted).
  Json entry;
};

struct ValueCount {
  std::string value;
  uint64_t count = 0;
};

/// Top values of one variable position of a template.
struct VariableStat {
  std::string name;  // "NUM#1", "<*>#3", or the rule's capture name
  std::vector<ValueCount> top;
  uint64_t distinct = 0;  // distinct values seen (saturates at the tracking bound)
};

/// A high-cardinality value that can link clusters into an incident (trace id, connection id).
struct LinkKey {
  std::string key;    // "trace", "connection", ...
  std::string value;  // redacted value
  TimeNs first_seen = 0;
  TimeNs last_seen = 0;
};

struct IssueRef {
  int64_t number = 0;
  std::string url;
  std::string action;  // created, updated, commented, reopened, unchanged, planned, muted, skipped
  std::string state;   // open / closed
};

struct Cluster {
  std::string id;        // fingerprint: rule id, or hash of the typed template
  std::string title;
  std::string template_text;
  std::string kind;      // "rule", "drain", or a third-party clusterer's name
  std::string source_component;  // the clusterer that made it
  std::string priority;  // P0..P3 (empty until ranked)
  std::vector<std::string> priority_reasons;
  Severity severity = Severity::Default;  // the highest seen
  std::map<std::string, uint64_t> by_severity;
  uint64_t count = 0;
  TimeNs first_seen = 0;
  TimeNs last_seen = 0;
  std::vector<Sample> samples;
  std::vector<VariableStat> variables;
  std::vector<ValueCount> modules;
  std::vector<ValueCount> functions;
  std::vector<ValueCount> revisions;
  std::vector<LinkKey> link_keys;
  std::vector<std::string> labels;   // rule labels, tags
  std::vector<std::string> aliases;  // older ids this cluster replaced
  std::string impact;                // business impact line (rules), may be empty
  std::string status;                // new, recurring, spiking, regressed (set by trend analysis)
  std::vector<uint64_t> history;     // counts of the previous runs, oldest first
  std::string query;                 // Cloud Logging query that finds the cluster's lines
  std::optional<IssueRef> issue;
  Json extra = Json::object();       // plugin-specific annotations
};

struct Incident {
  std::string id;
  std::string title;
  std::vector<std::string> cluster_ids;
  std::vector<std::string> keys;  // "connection=main_c1ac73f8"
  TimeNs first_seen = 0;
  TimeNs last_seen = 0;
};

struct SourceInfo {
  std::string name;         // component name
  std::string type;         // plugin type
  std::string description;  // "Cloud Run revision netra-backend-staging-00575-jbb", "file x.log"
  uint64_t lines_read = 0;
  uint64_t bad_lines = 0;
  bool truncated = false;   // a stated limit (max_entries) cut the read
  std::string note;
};

struct BadLine {
  std::string origin;  // file:line
  std::string reason;
};

struct QuietCluster {
  std::string id;
  std::string title;
  TimeNs last_seen = 0;
  std::optional<IssueRef> issue;
};

struct Report {
  std::string pipeline;
  std::string service;
  Window window;
  TimeNs generated_at = 0;
  uint64_t lines_read = 0;
  uint64_t lines_not_clustered = 0;
  uint64_t lines_dropped = 0;
  uint64_t bad_lines = 0;
  std::vector<BadLine> bad_line_samples;
  std::map<std::string, uint64_t> by_severity;
  std::vector<SourceInfo> sources;
  std::vector<Cluster> clusters;
  std::vector<Incident> incidents;
  std::vector<QuietCluster> quiet;
  std::map<std::string, uint64_t> redactions;
  Json metrics = Json::object();
  std::vector<std::string> warnings;
  bool plan = false;

  uint64_t clustered_lines() const;
  /// lines_read == clustered + not clustered + dropped
  bool coverage_holds() const;
  Cluster* find_cluster(const std::string& id);
};

Json to_json(const Report& report);
Json to_json(const Cluster& cluster);
Report report_from_json(const Json& json);

/// Priority order helper: "P0" < "P1" < ... ; unknown sorts last.
int priority_rank(const std::string& priority);
/// Sorts clusters by priority, then count (descending), then id: the order every sink prints.
void sort_clusters(std::vector<Cluster>& clusters);

}  // namespace v1
}  // namespace gardener
