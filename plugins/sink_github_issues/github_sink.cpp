#include "github_sink.hpp"

#include <gardener/report_redaction.hpp>
#include <gardener/errors.hpp>
#include <gardener/http.hpp>

#include "github_api.hpp"
#include "issue_run.hpp"

#ifndef GARDENER_PLUGIN_VERSION
#define GARDENER_PLUGIN_VERSION "0"
#endif

namespace gardener::github {

namespace {

std::optional<std::string> repo_shape(const Json& v) {
  std::string s = v.is_string() ? v.get<std::string>() : "";
  auto slash = s.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == s.size() || s.find('/', slash + 1) != std::string::npos)
    return "`repo` must be \"owner/name\", e.g. \"netra/netra-core\"";
  return std::nullopt;
}

std::optional<std::string> assignee_table(const Json& v) {
  if (!v.is_object()) return "`assignees` must be a table of rule or cluster id = [\"login\", ...] (\"*\" for every cluster)";
  for (const auto& [key, list] : v.items()) {
    bool ok = list.is_string() || (list.is_array() && std::all_of(list.begin(), list.end(), [](const Json& x) { return x.is_string(); }));
    if (!ok) return "assignees." + key + " must be a login or a list of logins";
  }
  return std::nullopt;
}

std::string first_env(std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (auto v = env_or_empty(n); !v.empty()) return v;
  return "";
}

}  // namespace

PluginInfo GitHubIssuesSink::plugin_info() {
  PluginInfo info;
  info.kind = Kind::Sink;
  info.name = "github_issues";
  info.description = "Keeps one GitHub issue per cluster: found by a hidden fingerprint marker, created once, updated in place, "
                     "commented on news, reopened or closed by policy.";
  info.stability = Stability::Beta;
  info.options = {
      {"repo", OptionType::String, nullptr, "Repository as owner/name.", true, repo_shape},
      {"api_url", OptionType::String, "", "API base URL; GitHub Enterprise: https://HOST/api/v3. Default: env "
                                          "GARDENER_GITHUB_API_URL, then GITHUB_API_URL, then https://api.github.com."},
      {"token", OptionType::Secret, "", "Token (or token_file). Default: env GARDENER_GITHUB_TOKEN, GH_TOKEN, GITHUB_TOKEN."},
      {"label", OptionType::String, "log-gardener", "The gardener's own label, on every issue it files; issues are found by it."},
      {"labels", OptionType::StringList, Json::array(), "Extra labels on every new issue."},
      {"priority_labels", OptionType::Bool, true, "Label issues with the cluster's priority (P0..P3) and keep it current."},
      {"rule_labels", OptionType::Bool, true, "Add the cluster's rule labels to new issues."},
      {"mute_label", OptionType::String, "gardener:mute", "Issues carrying this label are never touched."},
      {"min_count", OptionType::Int, 1, "Occurrences a cluster needs in the window before it gets an issue.", false, int_range(1, 1'000'000'000)},
      {"min_priority", OptionType::String, "P3", "Lowest priority that gets a new issue.", false, one_of({"P0", "P1", "P2", "P3"})},
      {"max_new_issues", OptionType::Int, 50, "New issues per run at most (flood guard).", false, int_range(0, 1000)},
      {"max_comments", OptionType::Int, 50, "Comments per run at most.", false, int_range(0, 1000)},
      {"on_recurrence", OptionType::String, "reopen", "A closed issue whose cluster recurs: `reopen` it, or file a `new` one linking the old.",
       false, one_of({"reopen", "new"})},
      {"auto_close_after", OptionType::Int, 0, "Close an issue after this many runs without occurrences (0 = never).", false, int_range(0, 100000)},
      {"mutation_interval", OptionType::Duration, "1s", "Least time between two writes (GitHub asks for >= 1s)."},
      {"timeout", OptionType::Duration, "30s", "Timeout of one HTTP request."},
      {"max_attempts", OptionType::Int, 5, "Attempts per request on 5xx, transport errors and rate limits.", false, int_range(1, 20)},
      {"max_rate_limit_wait", OptionType::Duration, "15m", "Longest single wait for a rate limit before the sink gives up."},
      {"assignees", OptionType::Table, Json::object(), "Rule or cluster id = [logins]; \"*\" applies to every cluster.", false, assignee_table},
      {"title_template", OptionType::String, "{title}", "Issue title; placeholders {title} {priority} {id} {kind}."},
      {"spike_factor", OptionType::Double, 3.0, "A window with this many times the mean of the history is a spike (comment).", false,
       double_range(1.0, 1000.0)},
      {"max_samples", OptionType::Int, 5, "Key log entries in a new issue's body (trimmed further to fit 65,536 characters).", false,
       int_range(0, 50)},
      {"project", OptionType::String, "", "Google Cloud project for the Logs Explorer links (optional)."},
  };
  return info;
}

void GitHubIssuesSink::do_configure(const Config& config, Diagnostics& diag) {
  SinkSettings& s = settings_;
  s.repo = config.get_string("repo");
  s.api_url = config.get_string("api_url");
  if (s.api_url.empty()) s.api_url = first_env({"GARDENER_GITHUB_API_URL", "GITHUB_API_URL"});
  if (s.api_url.empty()) s.api_url = "https://api.github.com";
  while (!s.api_url.empty() && s.api_url.back() == '/') s.api_url.pop_back();
  if (auto err = check_endpoint_scheme(s.api_url); !err.empty()) diag.error("api_url", err);
  s.token = config.get_string("token");
  if (s.token.empty()) s.token = first_env({"GARDENER_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN"});
  if (s.token.empty()) {
    diag.warning("token", "no GitHub token: set `token` or `token_file`, or export GARDENER_GITHUB_TOKEN, GH_TOKEN or "
                          "GITHUB_TOKEN (the run will fail without one)");
  }
  s.label = config.get_string("label");
  if (s.label.empty() || s.label.size() > 50) diag.error("label", "the gardener's label must be 1 to 50 characters");
  s.labels = config.get_list("labels");
  s.priority_labels = config.get_bool("priority_labels");
  s.rule_labels = config.get_bool("rule_labels");
  s.mute_label = config.get_string("mute_label");
  s.min_count = config.get_int("min_count");
  s.min_priority = config.get_string("min_priority");
  s.max_new_issues = config.get_int("max_new_issues");
  s.max_comments = config.get_int("max_comments");
  s.on_recurrence = config.get_string("on_recurrence");
  s.auto_close_after = config.get_int("auto_close_after");
  s.mutation_interval = config.get_duration_ns("mutation_interval");
  s.timeout = config.get_duration_ns("timeout");
  if (s.timeout <= 0) diag.error("timeout", "must be positive, e.g. \"30s\"");
  s.max_attempts = config.get_int("max_attempts");
  s.max_rate_limit_wait = config.get_duration_ns("max_rate_limit_wait");
  s.assignees = config.get_json("assignees");
  s.title_template = config.get_string("title_template");
  s.spike_factor = config.get_double("spike_factor");
  s.max_samples = config.get_int("max_samples");
  s.project = config.get_string("project");
}

void GitHubIssuesSink::do_write(Context& ctx, Report& report) {
  redact_report(report, ctx.redactor());  // before query links URL-encode a template
  if (settings_.token.empty()) {
    throw ConfigurationError("github_issues `" + name() + "`: no GitHub token; set `token`/`token_file` or export "
                             "GARDENER_GITHUB_TOKEN, GH_TOKEN or GITHUB_TOKEN");
  }
  ApiSettings api_settings;
  api_settings.api_url = settings_.api_url;
  api_settings.repo = settings_.repo;
  api_settings.token = settings_.token;
  api_settings.user_agent = std::string("log-gardener/") + GARDENER_PLUGIN_VERSION;
  api_settings.mutation_interval = settings_.mutation_interval;
  api_settings.timeout = settings_.timeout;
  api_settings.max_attempts = static_cast<int>(settings_.max_attempts);
  api_settings.max_wait = settings_.max_rate_limit_wait;
  GitHubApi api(api_settings, ctx);
  IssueRun run(settings_, ctx, report, api);
  run.run();
}

}  // namespace gardener::github

GARDENER_PLUGIN(gardener::github::GitHubIssuesSink)
