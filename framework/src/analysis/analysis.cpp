// Priority with reasons and trends across runs; the entry point the runner calls.
#include "analysis/analysis.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <set>

#include <fmt/format.h>

#include <gardener/http.hpp>

namespace gardener {
inline namespace v1 {
namespace {

int sev(Severity s) { return static_cast<int>(s); }

TimeNs span_of(const Cluster& c) { return c.last_seen > c.first_seen ? c.last_seen - c.first_seen : 0; }

double mean(const std::vector<uint64_t>& v) {
  if (v.empty()) return 0.0;
  return static_cast<double>(std::accumulate(v.begin(), v.end(), uint64_t{0})) / static_cast<double>(v.size());
}

// Score and reasons of one cluster; the reasons read as facts, the score stays internal.
std::pair<int, std::vector<std::string>> score(const Cluster& c, const AnalysisSettings& s) {
  const auto& w = s.weights;
  int points = 0;
  std::vector<std::string> reasons{std::string(severity_name(c.severity))};
  if (sev(c.severity) >= sev(Severity::Critical)) points += w.critical;
  else if (sev(c.severity) >= sev(Severity::Error)) points += w.error;
  else if (sev(c.severity) >= sev(Severity::Warning)) points += w.warning;
  if (c.status == "new") points += w.first_seen, reasons.push_back("first seen");
  if (c.status == "regressed") {
    points += w.regressed;
    reasons.push_back(c.issue && c.issue->number ? fmt::format("regressed after #{} was closed", c.issue->number)
                                                 : "regressed after its issue was closed");
  }
  if (c.status == "spiking") {
    points += w.spike;
    reasons.push_back(fmt::format("spiking: {} vs ~{:.0f} per run", c.count, mean(c.history)));
  }
  bool burst = c.count >= s.burst_lines && span_of(c) <= s.burst_span;
  if (burst) points += w.burst;
  else if (c.count >= s.volume_lines) points += w.volume;
  reasons.push_back(volume_text(c));
  if (c.modules.size() >= s.spread_min) points += w.spread, reasons.push_back(fmt::format("{} modules", c.modules.size()));
  else if (c.revisions.size() >= s.spread_min) points += w.spread, reasons.push_back(fmt::format("{} revisions", c.revisions.size()));
  return {points, reasons};
}

std::string priority_for(int points, const AnalysisSettings& s) {
  if (points >= s.p0_score) return "P0";
  if (points >= s.p1_score) return "P1";
  if (points >= s.p2_score) return "P2";
  return "P3";
}

// Every id this cluster was known by: its own and the older ones it replaced.
std::vector<std::string> identities(const Cluster& c) {
  std::vector<std::string> ids{c.id};
  ids.insert(ids.end(), c.aliases.begin(), c.aliases.end());
  return ids;
}

constexpr const char* kRepoKey = "issue_repos";
std::string analysis_ns(const std::string& pipeline) { return pipeline + "/analysis"; }

// "https://github.com/owner/repo/issues/12" → "owner/repo".
std::string repo_of(const std::string& url) {
  auto issues = url.rfind("/issues/");
  if (issues == std::string::npos) return "";
  auto name = url.rfind('/', issues - 1);
  if (name == std::string::npos || name == 0) return "";
  auto owner = url.rfind('/', name - 1);
  if (owner == std::string::npos) return "";
  return url.substr(owner + 1, issues - owner - 1);
}

// The issue ledgers to check: configured, or those the GitHub sinks of earlier runs filed in.
std::vector<std::string> ledger_repos(StateStore& state, const std::string& pipeline, const AnalysisSettings& s) {
  if (!s.repos.empty()) return s.repos;
  auto stored = state.get(analysis_ns(pipeline), kRepoKey);
  if (!stored) return {};
  auto parsed = Json::parse(*stored, nullptr, false);
  return parsed.is_array() ? parsed.get<std::vector<std::string>>() : std::vector<std::string>{};
}

std::vector<IssueLinkRow> links_for(StateStore& state, const std::vector<std::string>& repos, const std::string& id) {
  std::vector<IssueLinkRow> out;
  for (const auto& repo : repos) {
    if (auto l = state.issue_link(repo, id)) out.push_back(*l);
  }
  return out;
}

std::optional<IssueRef> issue_ref(const IssueLinkRow& l) {
  return IssueRef{l.number, l.url, "", l.state};
}

void trend_of(Cluster& c, StateStore& state, const std::vector<RunRow>& runs, const std::vector<std::string>& repos,
              const AnalysisSettings& s) {
  bool known = false;
  std::optional<IssueLinkRow> closed;
  c.history = state.counts(c.id, runs);  // the store folds aliased ids into it
  for (const auto& id : identities(c)) {
    known = known || state.cluster(id).has_value();
    for (auto& l : links_for(state, repos, id)) {
      if (l.state == "closed" && (l.closed_at == 0 || l.closed_at <= c.last_seen)) closed = l;
    }
  }
  bool seen_before = known || std::any_of(c.history.begin(), c.history.end(), [](uint64_t n) { return n > 0; });
  double baseline = std::max(1.0, mean(c.history));
  if (closed && seen_before) {
    c.status = "regressed";
    if (!c.issue) c.issue = issue_ref(*closed);
  } else if (!seen_before) {
    c.status = "new";
  } else if (!c.history.empty() && c.count >= s.spike_min_count &&
             static_cast<double>(c.count) >= s.spike_factor * baseline) {
    c.status = "spiking";
  } else {
    c.status = "recurring";
  }
}

// Clusters seen in the previous run and absent from this one.
bool same_window(const Window& a, const Window& b) { return a.start == b.start && a.end == b.end; }

// The newest finished run of this pipeline over exactly this window, if the window was run before.
std::optional<RunRow> earlier_run_of_window(StateStore& state, const Report& report) {
  auto runs = state.recent_runs(report.pipeline, 64);
  for (auto it = runs.rbegin(); it != runs.rend(); ++it)
    if (same_window(it->window, report.window) && (it->status == "ok" || it->status == "sink_failed")) return *it;
  return std::nullopt;
}

// The runs a cluster's history is made of, oldest first: one per window (the newest run of a
// window that was run again), and none of the current window, which is not its own past.
std::vector<RunRow> history_runs(StateStore& state, const Report& report, size_t n) {
  auto runs = state.recent_runs(report.pipeline, 2 * n + 8);
  std::vector<RunRow> out;
  for (auto it = runs.rbegin(); it != runs.rend() && out.size() < n; ++it) {
    if (same_window(it->window, report.window)) continue;
    if (std::any_of(out.begin(), out.end(), [&](const RunRow& r) { return same_window(r.window, it->window); })) continue;
    out.push_back(*it);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

void find_quiet(Report& report, StateStore& state, const std::vector<RunRow>& runs, const std::vector<std::string>& repos) {
  if (runs.empty()) return;
  std::set<std::string> present;
  for (const auto& c : report.clusters) {
    for (const auto& id : identities(c)) present.insert(id);
  }
  std::vector<RunRow> last{runs.back()};
  for (const auto& row : state.clusters()) {
    if (present.count(row.id) || present.count(state.resolve_alias(row.id))) continue;
    auto counts = state.counts(row.id, last);
    if (counts.empty() || counts[0] == 0) continue;
    QuietCluster q{row.id, row.title, row.last_seen, {}};
    auto links = links_for(state, repos, row.id);
    if (!links.empty()) q.issue = issue_ref(links.front());
    report.quiet.push_back(q);
  }
}

std::string longest_literal(const std::string& text) {
  std::string best, current;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 9, "[REDACTED") == 0) {  // not in the logs: the query would find nothing
      if (auto close = text.find(']', i); close != std::string::npos) {
        if (current.size() > best.size()) best = current;
        current.clear();
        i = close;
        continue;
      }
    }
    if (text[i] == '<') {
      auto close = text.find('>', i);
      if (close != std::string::npos && close - i <= 40) {
        if (current.size() > best.size()) best = current;
        current.clear();
        i = close;
        continue;
      }
    }
    if (text[i] == '\n' || text[i] == '"' || text[i] == '{' || text[i] == '\\') {  // keep the query one plain phrase
      if (current.size() > best.size()) best = current;
      current.clear();
      continue;
    }
    current += text[i];
  }
  if (current.size() > best.size()) best = current;
  auto b = best.find_first_not_of(" \t:=,");
  auto e = best.find_last_not_of(" \t:=,");
  return b == std::string::npos ? "" : best.substr(b, e - b + 1);
}

// Remembers which repositories hold this pipeline's issues, so the next run can spot regressions.
void remember_repos(const Report& report, StateStore& state) {
  std::set<std::string> repos;
  if (auto stored = state.get(analysis_ns(report.pipeline), kRepoKey)) {
    auto parsed = Json::parse(*stored, nullptr, false);
    if (parsed.is_array()) for (const auto& r : parsed) if (r.is_string()) repos.insert(r.get<std::string>());
  }
  size_t before = repos.size();
  for (const auto& c : report.clusters) {
    if (c.issue && !repo_of(c.issue->url).empty()) repos.insert(repo_of(c.issue->url));
  }
  if (repos.size() != before) state.put(analysis_ns(report.pipeline), kRepoKey, Json(repos).dump());
}

}  // namespace

std::string volume_text(const Cluster& c) {
  if (c.count == 1) return "1 line";
  TimeNs span = span_of(c);
  if (span < 60 * kNsPerSecond) {
    return fmt::format("{} lines in {} s", c.count, std::max<TimeNs>(1, (span + kNsPerSecond - 1) / kNsPerSecond));
  }
  return fmt::format("{} lines in {}", c.count, format_duration(span / kNsPerSecond * kNsPerSecond));
}

void assign_priorities(Report& report, const AnalysisSettings& s) {
  for (auto& c : report.clusters) {
    auto [points, reasons] = score(c, s);
    if (!c.priority.empty()) {
      // A rule's priority is kept; the facts still explain the cluster.
      if (c.priority_reasons.empty()) c.priority_reasons.push_back("set by rule");
      for (auto& r : reasons) {
        if (std::find(c.priority_reasons.begin(), c.priority_reasons.end(), r) == c.priority_reasons.end()) {
          c.priority_reasons.push_back(r);
        }
      }
      continue;
    }
    c.priority = priority_for(points, s);
    c.priority_reasons = reasons;
  }
}

void apply_trends(Report& report, StateStore* state, const AnalysisSettings& s) {
  if (!state) {
    for (auto& c : report.clusters) c.status = "new", c.history.clear();
    return;
  }
  if (auto before = earlier_run_of_window(*state, report))
    report.warnings.push_back(fmt::format("this window was run before (run {}, started {}): its counts are replaced, "
                                          "not added, and it is not its own history", before->id,
                                          format_rfc3339(before->started_at)));
  auto runs = history_runs(*state, report, s.history_runs);
  auto repos = ledger_repos(*state, report.pipeline, s);
  for (auto& c : report.clusters) trend_of(c, *state, runs, repos, s);
  find_quiet(report, *state, runs, repos);
}

void analyze_report(Report& report, StateStore* state, const AnalysisSettings& settings) {
  apply_trends(report, state, settings);
  assign_priorities(report, settings);
  for (auto& c : report.clusters) {
    if (c.query.empty()) c.query = default_query(c, report.service);
  }
  sort_clusters(report.clusters);
  if (settings.incidents) find_incidents(report, settings);
}

void record_run(const Report& report, StateStore& state, int64_t run_id) {
  const std::optional<RunRow> before = earlier_run_of_window(state, report);
  state.in_one_transaction([&] {
    for (const auto& c : report.clusters) {
      // A window run again adds to the totals only what the earlier run of it did not count.
      uint64_t counted = before ? state.counts(c.id, {*before}).front() : 0;
      uint64_t added = c.count > counted ? c.count - counted : 0;
      state.upsert_cluster({c.id, c.title, c.template_text, c.kind, c.first_seen, c.last_seen, added});
      state.record_count(run_id, c.id, c.count);
      for (const auto& old : c.aliases) state.add_alias(old, c.id);
    }
    remember_repos(report, state);
  });
}

std::string sparkline(const std::vector<uint64_t>& counts) {
  static const char* kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  uint64_t top = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
  std::string out;
  for (uint64_t n : counts) {
    if (n == 0) {
      out += "·";
      continue;
    }
    out += kBlocks[std::min<uint64_t>(n * 7 / top, 7)];  // the largest gets █
  }
  return out;
}

std::string default_query(const Cluster& c, const std::string& service) {
  std::vector<std::string> parts;
  if (!service.empty()) parts.push_back(fmt::format("resource.labels.service_name=\"{}\"", service));
  Severity lowest = c.severity;
  for (const auto& [name, n] : c.by_severity) {
    auto s = parse_severity(name);
    if (s && n > 0 && sev(*s) < sev(lowest)) lowest = *s;
  }
  parts.push_back(fmt::format("severity>={}", severity_name(lowest)));
  auto quoted = [](std::string_view text) {
    std::string q = "\"";
    for (char ch : text) {
      if (ch == '"' || ch == '\\') q += '\\';
      if (ch != '\n') q += ch;
    }
    return q + "\"";
  };
  if (auto patterns = c.extra.find("match_message"); patterns != c.extra.end() && patterns->is_array() &&
                                                      !patterns->empty()) {
    std::string any;  // a rule's message patterns (RE2, as the query language's =~ takes them)
    for (const auto& p : *patterns)
      if (p.is_string()) any += (any.empty() ? "" : "|") + ("(?:" + p.get<std::string>() + ")");
    const std::string re = quoted(any);
    parts.push_back("(textPayload=~" + re + " OR jsonPayload.message=~" + re + ")");
  } else {
    std::string literal = longest_literal(c.template_text.empty() && !c.samples.empty() ? c.samples.front().message
                                                                                         : c.template_text);
    if (literal.size() > 80) literal.resize(80);
    if (literal.size() >= 4) parts.push_back(quoted(literal));
  }
  std::string q;
  for (const auto& p : parts) q += (q.empty() ? "" : " AND ") + p;
  return q;
}

std::string logs_explorer_url(const std::string& query, const Window& window, const std::string& project) {
  std::string url = "https://console.cloud.google.com/logs/query;query=" + url_encode(query);
  if (window.start != 0 && window.end != 0) {
    url += ";startTime=" + format_rfc3339(window.start) + ";endTime=" + format_rfc3339(window.end);
  }
  if (!project.empty()) url += "?project=" + url_encode(project);
  return url;
}

}  // namespace v1
}  // namespace gardener
