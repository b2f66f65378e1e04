#pragma once
// Issue and comment text: the hidden fingerprint marker, the sections the gardener rewrites in
// place, and a body that fits GitHub's 65,536-character limit by trimming samples, never the marker.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gardener/redaction.hpp>
#include <gardener/report.hpp>

namespace gardener::github {

/// GitHub's limit is in characters; we count bytes, which is never fewer.
inline constexpr size_t kBodyLimit = 65536;

/// `<!-- log-gardener:fp=<id>;v=1 -->`; characters that could end the comment are %-escaped.
std::string marker(const std::string& cluster_id);
/// The cluster id of the first marker in `body`.
std::optional<std::string> find_marker(std::string_view body);
/// The ids the issue stood for before (a template that generalised, an alias), newest last.
std::vector<std::string> former_ids(std::string_view body);
/// `body` with every marker removed and `cluster_id`'s marker as the last line, after a comment
/// with the `former` ids (at most 32, newest kept): a lost state finds the issue by any of them.
std::string with_marker(std::string_view body, const std::string& cluster_id,
                        const std::vector<std::string>& former = {});

/// The text between a section's begin/end comments (without them), if present.
std::optional<std::string> section(std::string_view body, std::string_view name);
/// Replaces a section's text, or inserts the section before the marker (or at the end).
std::string replace_section(std::string_view body, std::string_view name, const std::string& content);
/// Wraps text in the section's begin/end comments.
std::string wrap_section(std::string_view name, const std::string& content);

/// Cuts to at most `max_bytes` on a UTF-8 character boundary.
std::string truncate_utf8(std::string text, size_t max_bytes);

struct BodyParts {
  std::string pipeline;
  std::string query;      // Cloud Logging query for the cluster, may be empty
  std::string query_url;  // Logs Explorer link for it, may be empty
  std::string latest;     // section text (see render_latest)
  std::string related;    // section text, may be empty
  std::string previous;   // "Previously tracked in #12 ...", may be empty
  size_t max_samples = 5;
  size_t limit = kBodyLimit - 4096;  // room for the rewritten sections to grow later
};

/// The full issue body for a new cluster: redacted, fitted, marker last.
std::string render_body(const Cluster& cluster, const BodyParts& parts, const Redactor& redactor);
/// The "Latest occurrence" section. `after_close` > 0 notes events counted after a close.
std::string render_latest(const Cluster& cluster, const Window& window, uint64_t after_close = 0);

/// Redacts, then fits a comment body into the limit.
std::string finish_comment(std::string text, const Redactor& redactor);

}  // namespace gardener::github
