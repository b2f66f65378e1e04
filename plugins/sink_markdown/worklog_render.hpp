#pragma once
// Renders a Report as the worklog (docs/worklog.md): the shape of the hand-written example,
// plus priorities with reasons, trends, incidents, issue and Logs Explorer links, coverage.
#include <string>

#include <gardener/report.hpp>

namespace gardener::markdown {

struct WorklogOptions {
  std::string project;     // GCP project for Logs Explorer links ("" = the console's current one)
  size_t max_entries = 3;  // key entries shown per cluster
  size_t max_clusters = 100;  // clusters with a full section (and per list); the rest in one line each
  // Wrap text built from already-checked values (Logs Explorer URLs, the redaction counts) in
  // kTrustedOpen/kTrustedClose, so the sink's last redaction pass leaves it alone: its detectors
  // read "- password: 1" as a password and a %40 in an encoded query as an e-mail address.
  bool mark_trusted = false;
};

inline constexpr char kTrustedOpen = '\x02', kTrustedClose = '\x03';

std::string render_worklog(const Report& report, const WorklogOptions& options);

}  // namespace gardener::markdown
