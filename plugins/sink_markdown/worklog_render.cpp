#include "worklog_render.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include <gardener/report_format.hpp>

namespace gardener::markdown {
namespace {

std::string t3(TimeNs t) { return t == 0 ? "unknown" : format_rfc3339(t, 3); }

std::string time_range(const Cluster& c) {
  if (c.first_seen == c.last_seen) return t3(c.first_seen);
  return t3(c.first_seen) + " – " + t3(c.last_seen);
}

// "CRITICAL/ERROR": the severities present, most severe first.
std::string severity_list(const std::map<std::string, uint64_t>& by_severity) {
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [name, n] : by_severity) {
    if (n > 0) ranked.push_back({static_cast<int>(parse_severity(name).value_or(Severity::Default)), name});
  }
  std::sort(ranked.rbegin(), ranked.rend());
  std::string out;
  for (const auto& [rank, name] : ranked) out += (out.empty() ? "" : "/") + name;
  return out.empty() ? "DEFAULT" : out;
}

std::string severity_counts(const std::map<std::string, uint64_t>& by_severity) {
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [name, n] : by_severity) {
    ranked.push_back({static_cast<int>(parse_severity(name).value_or(Severity::Default)), fmt::format("{} {}", name, n)});
  }
  std::sort(ranked.rbegin(), ranked.rend());
  std::string out;
  for (const auto& [rank, text] : ranked) out += (out.empty() ? "" : ", ") + text;
  return out.empty() ? "none" : out;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Markdown must not turn a log title into a heading, link or table.
std::string inline_text(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::string out;
  for (char c : s) {
    if (c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

// Text built from values already checked, marked for the sink's last redaction pass to skip.
std::string trusted(std::string s, const WorklogOptions& o) {
  return o.mark_trusted ? kTrustedOpen + std::move(s) + kTrustedClose : s;
}

std::string code_span(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s.find('`') == std::string::npos ? "`" + s + "`" : "``" + s + "``";
}

std::string issue_text(const std::optional<IssueRef>& issue) {
  if (!issue) return "";
  std::string text = issue->number ? fmt::format("[#{}]({})", issue->number, issue->url) : issue->url;
  std::vector<std::string> notes;
  if (!issue->action.empty()) notes.push_back(issue->action);
  if (!issue->state.empty()) notes.push_back(issue->state);
  return notes.empty() ? text : text + " (" + join(notes, ", ") + ")";
}

struct Index {
  std::map<std::string, size_t> number;        // cluster id → its number in the worklog
  std::map<std::string, std::string> incident;  // cluster id → incident id
};

void summary(std::string& out, const Report& r) {
  out += "## Execution Summary\n";
  out += fmt::format("- **Pipeline**: {}\n", r.pipeline);
  out += fmt::format("- **Service Analyzed**: {}\n", r.service.empty() ? "(not named by the pipeline)" : r.service);
  out += fmt::format("- **Time Window (UTC)**: {} – {} (half-open, end excluded)\n", format_rfc3339(r.window.start),
                     format_rfc3339(r.window.end));
  out += fmt::format("- **Lines Read**: {}\n", r.lines_read);
  out += fmt::format("- **By Severity**: {}\n", severity_counts(r.by_severity));
  std::vector<std::string> sources;
  for (const auto& s : r.sources) {
    std::string text = fmt::format("{} (`{}`, {}: {} lines", s.description.empty() ? s.name : s.description, s.name,
                                   s.type, s.lines_read);
    // The reader's note already counts its bad lines ("2 bad lines, ..."); other sources' notes do not.
    if (s.bad_lines && s.note.find("bad line") == std::string::npos) text += fmt::format(", {} bad", s.bad_lines);
    if (s.truncated) text += ", **cut by its read limit**";
    if (!s.note.empty()) text += ", " + s.note;
    sources.push_back(text + ")");
  }
  out += fmt::format("- **Log Sources**: {}\n", sources.empty() ? "none recorded" : join(sources, "; "));
  out += fmt::format("- **Coverage**: lines read {} = clustered {} + not clustered {} + dropped {} {}\n", r.lines_read,
                     r.clustered_lines(), r.lines_not_clustered, r.lines_dropped,
                     r.coverage_holds() ? "✅" : "❌ (does not add up: see Processing Status)");
  out += fmt::format("- **Clusters**: {} in {} incident(s)\n", r.clusters.size(), r.incidents.size());
  if (r.bad_lines) out += fmt::format("- **Unreadable Lines**: {} (not in lines read)\n", r.bad_lines);
  if (r.generated_at) out += fmt::format("- **Generated**: {}\n", format_rfc3339(r.generated_at));
  if (r.plan) out += "- **Mode**: plan (nothing was written or posted)\n";
  out += "\n";
}

std::string cluster_ref(const Cluster& c, const Index& idx) {
  return fmt::format("CLUSTER {} `{}` {} ({}, {})", idx.number.at(c.id), c.id, inline_text(c.title), c.priority,
                     volume_text(c));
}

void changes(std::string& out, const Report& r, const Index& idx, const WorklogOptions& o) {
  out += "## Changes Since the Previous Run\n";
  std::map<std::string, std::vector<const Cluster*>> by_status;
  for (const auto& c : r.clusters) by_status[c.status].push_back(&c);
  bool any = false;
  for (const auto& [status, label] : std::vector<std::pair<std::string, std::string>>{
           {"new", "New"}, {"regressed", "Regressed (seen again after its issue was closed)"}, {"spiking", "Spiking"}}) {
    if (by_status[status].empty()) continue;
    any = true;
    out += "### " + label + "\n";
    const auto& listed = by_status[status];
    for (size_t i = 0; i < listed.size() && i < o.max_clusters; ++i) {
      out += "- " + cluster_ref(*listed[i], idx);
      if (listed[i]->issue) out += " — " + issue_text(listed[i]->issue);
      out += "\n";
    }
    if (listed.size() > o.max_clusters)
      out += fmt::format("- … and {} more (the JSON report lists them all)\n", listed.size() - o.max_clusters);
  }
  if (!r.quiet.empty()) {
    any = true;
    out += "### Went Quiet (seen in the previous run, not in this window)\n";
    for (const auto& q : r.quiet) {
      out += fmt::format("- `{}` {} — last seen {}", q.id, inline_text(q.title), t3(q.last_seen));
      if (q.issue) out += " — " + issue_text(q.issue);
      out += "\n";
    }
  }
  if (!any) out += "Nothing new, regressed, spiking or gone quiet.\n";
  out += "\n";
}

void incidents(std::string& out, const Report& r, const Index& idx) {
  if (r.incidents.empty()) return;
  out += "## Incidents\nClusters linked by a shared trace, request or connection id close in time.\n\n";
  for (const auto& inc : r.incidents) {
    out += fmt::format("### INCIDENT `{}`: {}\n", inc.id, inline_text(inc.title));
    std::vector<std::string> keys(inc.keys.begin(), inc.keys.begin() + std::min<size_t>(inc.keys.size(), 5));
    if (inc.keys.size() > keys.size()) keys.push_back(fmt::format("and {} more", inc.keys.size() - keys.size()));
    out += fmt::format("- **Linked by**: {}\n", keys.empty() ? "time and module only" : join(keys, ", "));
    out += fmt::format("- **Time Range**: {} – {}\n", t3(inc.first_seen), t3(inc.last_seen));
    for (const auto& id : inc.cluster_ids) {
      for (const auto& c : r.clusters) {
        if (c.id == id) out += "- " + cluster_ref(c, idx) + "\n";
      }
    }
    out += "\n";
  }
}

std::string history_text(const Cluster& c) {
  if (c.history.empty()) return "no earlier runs recorded";
  std::vector<uint64_t> all = c.history;
  all.push_back(c.count);
  std::vector<std::string> numbers;
  for (auto n : c.history) numbers.push_back(std::to_string(n));
  return fmt::format("{} ({} → {} now)", sparkline(all), join(numbers, ", "), c.count);
}

std::string top_values(const std::vector<ValueCount>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(fmt::format("{} ({})", code_span(v.value), v.count));
  return join(out, ", ");
}

// The example's field order: severity, message, context, labels, then anything else.
nlohmann::ordered_json in_example_order(const Json& entry) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const char* key : {"severity", "message", "context", "labels"}) {
    if (entry.contains(key)) out[key] = entry[key];
  }
  for (const auto& [key, value] : entry.items()) {
    if (!out.contains(key)) out[key] = value;
  }
  return out;
}

void cluster_section(std::string& out, const Report& r, const Cluster& c, const Index& idx,
                     const WorklogOptions& o) {
  out += fmt::format("### CLUSTER {}: {} ({})\n", idx.number.at(c.id), inline_text(c.title),
                     severity_list(c.by_severity));
  out += fmt::format("**Id**: `{}` · **Kind**: {}{} · **Status**: {}\n", c.id, c.kind,
                     c.source_component.empty() ? "" : " (" + c.source_component + ")", c.status.empty() ? "n/a" : c.status);
  out += fmt::format("**Pattern**: {}\n", code_span(c.template_text.empty() ? c.title : c.template_text));
  out += fmt::format("**Priority**: {}: {}\n", c.priority.empty() ? "unranked" : c.priority, join(c.priority_reasons, ", "));
  out += fmt::format("**Count**: {} ({})\n", c.count, severity_counts(c.by_severity));
  out += fmt::format("**Time Range**: {}\n", time_range(c));
  out += fmt::format("**History**: {}\n", history_text(c));
  if (!c.modules.empty()) out += fmt::format("**Modules**: {}\n", top_values(c.modules));
  if (!c.revisions.empty()) out += fmt::format("**Revisions**: {}\n", top_values(c.revisions));
  for (const auto& v : c.variables) {
    out += fmt::format("**Variable {}**: {} distinct; top {}\n", code_span(v.name), v.distinct, top_values(v.top));
  }
  if (idx.incident.count(c.id)) out += fmt::format("**Incident**: `{}`\n", idx.incident.at(c.id));
  if (!c.labels.empty()) out += fmt::format("**Labels**: {}\n", join(c.labels, ", "));
  out += fmt::format("**GitHub Issue**: {}\n", c.issue ? issue_text(c.issue) : "none (no GitHub sink ran before this worklog)");
  std::string query = c.query.empty() ? default_query(c, r.service) : c.query;
  out += fmt::format("**Logs Explorer**: [open the query]({}) — {}\n",
                     trusted(logs_explorer_url(query, r.window, o.project), o), code_span(query));
  out += "\n**Key Log Entries**:\n";
  size_t shown = 0;
  for (auto it = c.samples.begin(); it != c.samples.end() && shown < o.max_entries; ++it, ++shown) {
    Json entry = it->entry.is_object() && !it->entry.empty() ? it->entry
                                                            : Json{{"severity", severity_name(it->severity)}, {"message", it->message}};
    out += "```json\n" + in_example_order(entry).dump(2, ' ', false, Json::error_handler_t::replace) + "\n```\n\n";
  }
  if (c.samples.size() > shown) out += fmt::format("_{} more distinct entries kept in the JSON report._\n\n", c.samples.size() - shown);
  out += fmt::format("**Business Impact**: {}\n\n---\n\n",
                     c.impact.empty() ? "Not assessed: no rule describes this cluster's impact; judge it from the entries above."
                                      : c.impact);
}

void flatten_metrics(const Json& j, const std::string& prefix, std::vector<std::string>& lines) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) flatten_metrics(v, prefix.empty() ? k : prefix + "." + k, lines);
  } else if (!j.is_array()) {
    lines.push_back(fmt::format("- `{}`: {}", prefix, j.is_string() ? j.get<std::string>() : j.dump()));
  }
}

void appendix(std::string& out, const Report& r, const WorklogOptions& o) {
  out += "## Redactions\n";
  if (r.redactions.empty()) out += "No values were redacted before clustering.\n";
  for (const auto& [name, n] : r.redactions) out += trusted(fmt::format("- {}: {}", name, n), o) + "\n";
  out += "\n## Run Metrics\n";
  std::vector<std::string> lines;
  flatten_metrics(r.metrics, "", lines);
  if (lines.empty()) out += "No metrics were recorded.\n";
  for (const auto& l : lines) out += l + "\n";
  out += "\n";
}

size_t with_issue(const Report& r) {
  return static_cast<size_t>(std::count_if(r.clusters.begin(), r.clusters.end(), [](const Cluster& c) { return c.issue.has_value(); }));
}

void status(std::string& out, const Report& r) {
  out += "## Processing Status\n";
  out += fmt::format("- ✅ Read {} lines from {} source(s)\n", r.lines_read, r.sources.size());
  for (const auto& s : r.sources) {
    if (s.truncated) out += fmt::format("- ⚠️ Source `{}` stopped at its read limit: the window was not read completely\n", s.name);
  }
  if (r.bad_lines) out += fmt::format("- ⚠️ {} unreadable line(s) counted, not clustered\n", r.bad_lines);
  out += r.coverage_holds() ? "- ✅ Every line is accounted for (coverage holds)\n"
                            : fmt::format("- ❌ Coverage does not hold: {} read vs {} accounted for\n", r.lines_read,
                                          r.clustered_lines() + r.lines_not_clustered + r.lines_dropped);
  out += fmt::format("- ✅ {} cluster(s) ranked, {} incident(s) linked\n", r.clusters.size(), r.incidents.size());
  std::map<std::string, size_t> actions;
  for (const auto& c : r.clusters) {
    if (c.issue) ++actions[c.issue->action.empty() ? "linked" : c.issue->action];
  }
  if (actions.empty()) {
    out += "- ⏭️ No GitHub issues in this worklog: no GitHub sink ran before it\n";
  } else {
    std::vector<std::string> parts;
    for (const auto& [a, n] : actions) parts.push_back(fmt::format("{} {}", a, n));
    out += fmt::format("- ✅ GitHub issues for {} of {} cluster(s): {}\n", with_issue(r), r.clusters.size(), join(parts, ", "));
  }
  for (const auto& w : r.warnings) out += "- ⚠️ " + w + "\n";
  if (r.plan) out += "- 📝 Plan mode: no file, issue or message was written\n";
  out += "\n";
}

// A worklog is read by a person: past this many, the P0/P1 clusters are one step, not one each.
constexpr size_t kInvestigateSteps = 10;

void next_steps(std::string& out, const Report& r) {
  std::vector<std::string> steps;
  for (const auto& c : r.clusters) {
    if (c.status == "regressed") {
      steps.push_back(fmt::format("Check the fix behind {}: `{}` came back after it was closed.",
                                  c.issue ? issue_text(c.issue) : "its issue", c.id));
    }
  }
  size_t urgent = 0;
  for (const auto& c : r.clusters) {
    if (priority_rank(c.priority) > 1 || c.status == "regressed") continue;
    if (++urgent <= kInvestigateSteps)
      steps.push_back(fmt::format("Investigate {} `{}` {}{}.", c.priority, c.id, inline_text(c.title),
                                  c.issue ? " — " + issue_text(c.issue) : ""));
  }
  if (urgent > kInvestigateSteps)
    steps.push_back(fmt::format("Investigate the other {} P0/P1 clusters listed above.", urgent - kInvestigateSteps));
  if (r.lines_not_clustered) {
    steps.push_back(fmt::format("{} line(s) were not clustered: add a rule or a drain clusterer for them.", r.lines_not_clustered));
  }
  for (const auto& s : r.sources) {
    if (s.truncated) steps.push_back(fmt::format("Raise the read limit of source `{}` or shorten the window.", s.name));
    // An empty window is good news only when the source had nothing: say what it skipped.
    if (r.lines_read == 0 && !s.note.empty())
      steps.push_back(fmt::format("Source `{}` read nothing in this window ({}): check --since/--until and its filters.",
                                  s.name, s.note));
  }
  if (r.bad_lines) {
    steps.push_back(r.bad_line_samples.empty()
                        ? fmt::format("Inspect the {} unreadable line(s).", r.bad_lines)
                        : fmt::format("Inspect the {} unreadable line(s), e.g. {}: {}.", r.bad_lines,
                                      r.bad_line_samples.front().origin, r.bad_line_samples.front().reason));
  }
  if (!r.clusters.empty() && with_issue(r) == 0) {
    steps.push_back("Add a `github_issues` sink before this worklog to keep one issue per cluster automatically.");
  }
  if (!r.coverage_holds()) steps.push_back("Report the coverage mismatch: some lines were lost between source and sinks.");
  out += "## Next Steps\n";
  if (steps.empty()) out += "No action needed.\n";
  for (size_t i = 0; i < steps.size(); ++i) out += fmt::format("{}. {}\n", i + 1, steps[i]);
}

}  // namespace

// Past max_clusters full sections the worklog would stop being read (5,000 new templates made
// 6.5 MB): the next ones get a line each, and the JSON report keeps them all.
void other_clusters(std::string& out, const Report& r, size_t from, const Index& idx, const WorklogOptions& o) {
  const size_t rest = r.clusters.size() - from, listed = std::min(rest, o.max_clusters);
  out += fmt::format("### {} More Clusters (one line each; every detail is in the JSON report)\n", rest);
  for (size_t i = from; i < from + listed; ++i) out += "- " + cluster_ref(r.clusters[i], idx) + "\n";
  if (rest > listed) out += fmt::format("- … and {} more\n", rest - listed);
  out += "\n";
}

std::string render_worklog(const Report& unsorted, const WorklogOptions& options) {
  Report report = unsorted;  // every sink prints clusters in the same order
  sort_clusters(report.clusters);
  Index idx;
  for (size_t i = 0; i < report.clusters.size(); ++i) idx.number[report.clusters[i].id] = i + 1;
  for (const auto& inc : report.incidents) {
    for (const auto& id : inc.cluster_ids) idx.incident[id] = inc.id;
  }
  std::string out = fmt::format("# Log Gardener Worklog - {} - {}\n\n", report.pipeline,
                                format_utc(report.window.end, "%Y-%m-%dT%H:%MZ"));
  summary(out, report);
  changes(out, report, idx, options);
  incidents(out, report, idx);
  out += "## Log Clusters Identified\n";
  if (report.clusters.empty()) out += "No clusters in this window.\n\n";
  const size_t full = std::min(report.clusters.size(), options.max_clusters);
  for (size_t i = 0; i < full; ++i) cluster_section(out, report, report.clusters[i], idx, options);
  if (report.clusters.size() > full) other_clusters(out, report, full, idx, options);
  appendix(out, report, options);
  status(out, report);
  next_steps(out, report);
  return out;
}

}  // namespace gardener::markdown
