#pragma once
// The Slack digest as Block Kit messages: one entry per cluster (id and title always shown),
// split across as many messages as Slack's limits need; nothing is dropped.
#include <string>
#include <vector>

#include <gardener/options.hpp>
#include <gardener/report.hpp>

namespace gardener::slack {

struct DigestLimits {
  size_t max_blocks = 50;          // per message
  size_t max_section = 3000;       // characters of a section's text
  size_t max_header = 150;
  size_t max_message_chars = 12000;  // all block texts of one message
};

struct DigestOptions {
  std::string min_priority = "P3";  // clusters at or above it are listed
  std::string worklog_url;          // expanded already; "" = no link
  std::string project;              // for Logs Explorer links
};

/// Escapes & < > for mrkdwn.
std::string escape(std::string_view text);
/// Clusters the digest lists (priority order).
std::vector<const Cluster*> listed_clusters(const Report& report, const std::string& min_priority);
/// True when the report holds something new, regressed, spiking or gone quiet.
bool has_changes(const Report& report);
/// The digest's messages: each `{"text": fallback, "blocks": [...]}`.
std::vector<Json> build_digest(const Report& report, const DigestOptions& options, const DigestLimits& limits = {});
/// One cluster's detail message (for a thread reply).
Json cluster_detail(const Cluster& cluster, const Report& report, const DigestOptions& options,
                    const DigestLimits& limits = {});

}  // namespace gardener::slack
