#pragma once
// Renders a Report as the worklog (docs/worklog.md): the shape of the hand-written example,
// plus priorities with reasons, trends, incidents, issue and Logs Explorer links, coverage.
#include <string>

#include <gardener/report.hpp>

namespace gardener::markdown {

struct WorklogOptions {
  std::string project;     // GCP project for Logs Explorer links ("" = the console's current one)
  size_t max_entries = 3;  // key entries shown per cluster
};

std::string render_worklog(const Report& report, const WorklogOptions& options);

}  // namespace gardener::markdown
