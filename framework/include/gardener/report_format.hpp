#pragma once
// Presentation helpers shared by the sinks that render a Report (markdown, json, slack): one
// place for the sparkline, the Logs Explorer link, the volume phrase and output file handling.
#include <cstdint>
#include <string>
#include <vector>

#include <gardener/report.hpp>

namespace gardener {
inline namespace v1 {

/// "▁▃█·": one block character per count scaled to the largest; "·" for zero.
std::string sparkline(const std::vector<uint64_t>& counts);
/// A Cloud Logging query finding the cluster's lines (service, severity, the template's longest literal).
std::string default_query(const Cluster& cluster, const std::string& service);
/// Logs Explorer link for a query over a window; `project` may be empty.
std::string logs_explorer_url(const std::string& query, const Window& window, const std::string& project);
/// "8 lines in 2 s", "1 line".
std::string volume_text(const Cluster& cluster);

/// Expands {pipeline}, {service}, {start}, {end} and {start:%Y%m%d}-style placeholders (UTC);
/// a relative result is resolved against `base_dir` (an empty `base_dir` returns the text as is,
/// which is how URL patterns expand). Throws ConfigurationError on an unknown
/// placeholder or an unclosed brace.
std::string expand_output_path(const std::string& pattern, const Report& report, const std::string& base_dir);
/// Checks a path pattern's placeholders; returns an error message or "".
std::string check_output_pattern(const std::string& pattern);
/// The same check as an options-table validator (an empty pattern passes when `allow_empty`).
OptionValidator output_pattern_validator(bool allow_empty = false);
/// Writes `content` to a temporary file next to `path`, then renames it over `path`: readers see
/// the old file or the new one, never half of it. Creates missing directories. Throws Error.
void write_file_atomic(const std::string& path, const std::string& content);

}  // namespace v1
}  // namespace gardener
