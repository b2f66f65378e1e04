#include "markdown_sink.hpp"

#include <gardener/report_redaction.hpp>
#include <gardener/report_format.hpp>

namespace gardener::markdown {

PluginInfo MarkdownSink::plugin_info() {
  PluginInfo info{Kind::Sink, "markdown",
                  "Writes the worklog: summary, clusters by priority with reasons, trends, incidents, issue "
                  "and Logs Explorer links, coverage, run metrics.",
                  Stability::Beta, {}};
  info.options.push_back({"path", OptionType::String, "worklogs/{pipeline}-{end:%Y%m%dT%H%M}.md",
                          "Output file; placeholders {pipeline}, {service}, {start[:FORMAT]}, {end[:FORMAT]} "
                          "(strftime, UTC). Relative to the pipeline file's directory.",
                          false, output_pattern_validator()});
  info.options.push_back({"project", OptionType::String, "",
                          "GCP project the Logs Explorer links open in (empty: the console's current project)."});
  info.options.push_back({"max_entries", OptionType::Int, 3, "Key log entries shown per cluster.", false,
                          int_range(1, 20)});
  info.options.push_back({"max_clusters", OptionType::Int, 100,
                          "Clusters with a full section, and entries per list; the rest get one line each (all are "
                          "in the JSON report).", false, int_range(1, 100000)});
  return info;
}

void MarkdownSink::do_configure(const Config& config, Diagnostics&) {
  path_ = config.get_string("path");
  options_.project = config.get_string("project");
  options_.max_entries = static_cast<size_t>(config.get_int("max_entries"));
  options_.max_clusters = static_cast<size_t>(config.get_int("max_clusters"));
}

namespace {

// The last line of defence: nothing secret leaves in a file. It reads every part of the rendered
// worklog but the trusted ones (URLs encoding an already redacted query, the redaction counts),
// and drops their marks.
std::string redact_untrusted(const std::string& marked, const Redactor& redactor, RedactionCounts& counts) {
  std::string out, part;
  out.reserve(marked.size());
  for (size_t at = 0; at < marked.size();) {
    const size_t open = std::min(marked.find(kTrustedOpen, at), marked.size());
    part.assign(marked, at, open - at);
    redactor.redact_text(part, &counts);
    out += part;
    if (open == marked.size()) break;
    const size_t close = std::min(marked.find(kTrustedClose, open + 1), marked.size());
    out.append(marked, open + 1, close - open - 1);
    at = close + 1;
  }
  return out;
}

}  // namespace

void MarkdownSink::do_write(Context& ctx, Report& report) {
  RedactionCounts counts;
  redact_report(report, ctx.redactor(), &counts);  // values cut from their context too
  WorklogOptions options = options_;
  options.mark_trusted = true;
  std::string text = redact_untrusted(render_worklog(report, options), ctx.redactor(), counts);
  if (!counts.empty()) {
    text += "\n_Redacted while writing this worklog (values that only showed once formatted):";
    for (const auto& [name, n] : counts) text += " " + name + " " + std::to_string(n) + ";";
    text += "_\n";
  }
  std::string path = expand_output_path(path_, report, ctx.base_dir());
  if (ctx.plan()) {
    ctx.plan_action("write worklog " + path + " (" + std::to_string(text.size()) + " bytes, " +
                    std::to_string(report.clusters.size()) + " clusters)");
    return;
  }
  write_file_atomic(path, text);
  ctx.metric("bytes_written", static_cast<double>(text.size()));
  ctx.info("worklog written to {} ({} clusters)", path, report.clusters.size());
}

}  // namespace gardener::markdown

GARDENER_PLUGIN(gardener::markdown::MarkdownSink)
