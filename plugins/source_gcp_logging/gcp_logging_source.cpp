// Source `gcp_logging`: a service's Cloud Logging entries over the run's window, authenticated,
// paced and complete (issue 5; protocols.md §1-3, §7).
#include <set>
#include <unordered_set>

#include <gardener/gardener.hpp>
#include <gardener/log_entry.hpp>

#include "checkpoint.hpp"
#include "gcp_logging_source.hpp"
#include "entries_reader.hpp"
#include "gcp_auth.hpp"

namespace gardener::gcp {

namespace {

constexpr const char* kDefaultEndpoint = "https://logging.googleapis.com";

bool valid_resource_name(const std::string& r) {
  for (const char* prefix : {"projects/", "organizations/", "folders/", "billingAccounts/"})
    if (r.rfind(prefix, 0) == 0 && r.size() > std::char_traits<char>::length(prefix)) return true;
  return false;
}

OptionValidator severity_name_validator() {
  return [](const Json& v) -> std::optional<std::string> {
    if (!v.is_string() || v.get<std::string>().empty() || parse_severity(v.get<std::string>())) return std::nullopt;
    return "unknown severity `" + v.get<std::string>() +
           "`; use DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT or EMERGENCY";
  };
}

// "Cloud Run revision a" / "Cloud Run revisions a, b and 3 more" / "Cloud Logging projects/p".
std::string describe_resources(const std::set<std::string>& revisions, const std::vector<std::string>& names) {
  if (revisions.empty()) {
    std::string text = "Cloud Logging";
    for (size_t i = 0; i < names.size(); ++i) text += (i ? ", " : " ") + names[i];
    return text;
  }
  std::string text = revisions.size() == 1 ? "Cloud Run revision " : "Cloud Run revisions ";
  size_t shown = 0;
  for (const auto& r : revisions) {
    if (shown == 5) break;
    text += (shown++ ? ", " : "") + r;
  }
  if (revisions.size() > shown) text += " and " + std::to_string(revisions.size() - shown) + " more";
  return text;
}

// The file and stdin sources' JSON parser stops at this depth; an entry of the API deeper than
// that is a bad line too, before anything walks or prints it recursively.
constexpr size_t kMaxDepth = 1024;

bool too_deep(const Json& entry) {
  std::vector<std::pair<const Json*, size_t>> todo{{&entry, 1}};
  while (!todo.empty()) {
    auto [value, depth] = todo.back();
    todo.pop_back();
    if (depth > kMaxDepth) return true;
    if (value->is_structured())
      for (const auto& child : *value) todo.emplace_back(&child, depth + 1);
  }
  return false;
}

}  // namespace

PluginInfo GcpLoggingSource::plugin_info() {
  PluginInfo info;
  info.kind = Kind::Source;
  info.name = "gcp_logging";
  info.description =
      "Reads Google Cloud Logging entries (entries.list) for the run's window, with Application Default "
      "Credentials, pacing, retries and checkpoints.";
  info.stability = Stability::Beta;
  info.options = {
      {"project", OptionType::String, nullptr,
       "Project id to read (e.g. \"netra-staging\"); or use resource_names. Default: env GOOGLE_CLOUD_PROJECT, "
       "CLOUDSDK_CORE_PROJECT, then the credentials' project (a key's project_id, the metadata server's)."},
      {"resource_names", OptionType::StringList, Json::array(),
       "Parents to read: projects/P, organizations/O, folders/F, billingAccounts/B or log views (max 100)."},
      {"filter", OptionType::String, "",
       "Cloud Logging query; the window and min_severity clauses are ANDed to it in parentheses."},
      {"min_severity", OptionType::String, "WARNING",
       "Only entries at or above this severity; DEFAULT reads every entry.", false, severity_name_validator()},
      {"lookback", OptionType::Duration, "6h", "Window length when the run gives no --since."},
      {"page_size", OptionType::Int, 1000, "Entries per request (the API allows at most 1000).", false,
       int_range(1, 1000)},
      {"max_pages", OptionType::Int, 1000, "Cap on requests per run; reaching it marks the read truncated.", false,
       int_range(1, 1'000'000)},
      {"max_entries", OptionType::Int, 0,
       "Stated limit on entries per run (0 = none); the Report says when it cut the read.", false,
       int_range(0, 1'000'000'000)},
      {"requests_per_second", OptionType::Double, 1.0,
       "Pacing of entries.list calls, 0.01 to 10 (the read quota is 60/min per project, shared).", false,
       double_range(0.01, 10.0)},
      {"max_attempts", OptionType::Int, 6, "Attempts per page on 429, 5xx and transport failures.", false,
       int_range(1, 20)},
      {"timeout", OptionType::Duration, "60s", "Timeout of one request."},
      {"quota_wait", OptionType::Duration, "20s",
       "First wait after a 429; it doubles up to 60s, and each wait is jittered between half and all of it."},
      {"grace_period", OptionType::Duration, "2m",
       "With a state store: re-read this much before the window for late arrivals, deduplicated by insertId."},
      {"endpoint", OptionType::String, nullptr,
       "Logging REST base URL (default https://logging.googleapis.com; env GARDENER_GCP_LOGGING_ENDPOINT)."},
      {"credentials", OptionType::Secret, nullptr,
       "Service-account key or authorized_user JSON (text or path); also credentials_file. Default: ADC."},
      {"access_token_command", OptionType::String, nullptr,
       "Command printing an access token, e.g. \"gcloud auth print-access-token\"."},
      {"token_endpoint", OptionType::String, nullptr, "Overrides the credentials' token_uri (tests)."},
      {"metadata_host", OptionType::String, nullptr,
       "Metadata server host[:port] (default GCE_METADATA_HOST, GCE_METADATA_ROOT, metadata.google.internal)."},
      {"quota_project", OptionType::String, nullptr, "Project billed for quota (x-goog-user-project)."},
  };
  return info;
}

void GcpLoggingSource::do_configure(const Config& config, Diagnostics& diag) {
  std::string project = config.get_string("project");
  resource_names_.clear();
  if (!project.empty()) {
    if (project.find('/') != std::string::npos)
      diag.error("project", "`" + project + "` is not a project id (e.g. \"netra-staging\"); put full names in resource_names");
    resource_names_.push_back("projects/" + project);
  }
  for (const auto& r : config.get_list("resource_names")) resource_names_.push_back(r);
  // protocols.md §7: then GOOGLE_CLOUD_PROJECT, CLOUDSDK_CORE_PROJECT, and at run time the
  // credentials' own project (resolve_project).
  for (const char* var : {"GOOGLE_CLOUD_PROJECT", "CLOUDSDK_CORE_PROJECT"})
    if (auto p = env_or_empty(var); resource_names_.empty() && !p.empty()) resource_names_.push_back("projects/" + p);
  if (resource_names_.size() > 100) diag.error("resource_names", "at most 100 resource names per request");
  auto names = config.get_list("resource_names");
  for (size_t i = 0; i < names.size(); ++i)
    if (!valid_resource_name(names[i]))
      diag.error("resource_names[" + std::to_string(i) + "]",
                 "`" + names[i] + "` must start with projects/, organizations/, folders/ or billingAccounts/");
  filter_ = config.get_string("filter");
  if (filter_.size() > 19000) diag.error("filter", "longer than the API's 20,000 characters once the window is added");
  min_severity_.reset();
  if (auto s = config.get_string("min_severity"); !s.empty() && s != "DEFAULT") min_severity_ = parse_severity(s);
  page_size_ = config.get_int("page_size");
  max_pages_ = config.get_int("max_pages");
  max_entries_ = config.get_int("max_entries");
  rps_ = config.get_double("requests_per_second");
  max_attempts_ = static_cast<int>(config.get_int("max_attempts"));
  timeout_ = config.get_duration_ns("timeout");
  quota_wait_ = config.get_duration_ns("quota_wait");
  grace_ = config.get_duration_ns("grace_period");
  endpoint_ = config.get_string("endpoint");
  for (const char* key : {"endpoint", "token_endpoint"})
    if (auto url = config.get_string(key); !url.empty())
      if (auto err = check_endpoint_scheme(url); !err.empty()) diag.error(key, err);
  auth_.credentials = config.get_string("credentials");
  auth_.access_token_command = config.get_string("access_token_command");
  auth_.token_endpoint = config.get_string("token_endpoint");
  auth_.metadata_host = config.get_string("metadata_host");
  auth_.timeout = timeout_;
  if (!auth_.credentials.empty() && !auth_.access_token_command.empty())
    diag.error("access_token_command", "set either `credentials` or `access_token_command`, not both");
  quota_project_ = config.get_string("quota_project");
}

struct GcpLoggingSource::RunState {
  Window window;
  TimeNs query_start = 0;
  TimeNs grace = 0;       // how far before the window this run reads (0 without a checkpoint)
  TimeNs edge_grace = 0;  // insertIds read this close to the window's end go into the checkpoint
  std::unordered_set<std::string> previous_edge;  // insertIds the previous run read near its end
  std::unordered_set<std::string> seen;           // "timestamp/insertId" read by this run
  Checkpoint next;
  std::set<std::string> revisions;
  uint64_t emitted = 0, duplicates = 0, late = 0, outside = 0, bad = 0;
  bool truncated = false;
  TimeNs truncated_at = 0;
};

std::string GcpLoggingSource::resolve_endpoint() const {
  std::string url = endpoint_;
  if (url.empty()) url = env_or_empty("GARDENER_GCP_LOGGING_ENDPOINT");
  if (url.empty()) url = kDefaultEndpoint;
  if (auto err = check_endpoint_scheme(url); !err.empty())
    throw ConfigurationError("GARDENER_GCP_LOGGING_ENDPOINT: " + err);
  return url;
}

void GcpLoggingSource::accept_page(Context& ctx, RunState& st, std::vector<Json>& entries, Batch& batch) {
  for (const auto& entry : entries) {
    if (st.truncated) return;
    Record r;
    std::string origin = "gcp:" + resource_names_.front();
    if (entry.is_object() && entry.contains("insertId")) origin += " insertId=" + entry.value("insertId", std::string());
    std::string err = too_deep(entry) ? fmt::format("the entry is nested deeper than {} levels", kMaxDepth)
                                      : decode_log_entry(entry, r);
    if (err.empty() && r.timestamp_ns == 0) err = "the entry has neither `timestamp` nor `receiveTimestamp`";
    if (!err.empty()) {
      ++st.bad;
      ctx.bad_line(origin, err);
      continue;
    }
    // The API applies the filter; these checks guard against a server that does not.
    if (r.timestamp_ns < st.query_start || r.timestamp_ns >= st.window.end) {
      ++st.outside;
      continue;
    }
    if (min_severity_ && r.severity < *min_severity_) {
      ++st.outside;
      continue;
    }
    if (!r.insert_id.empty()) {
      if (st.previous_edge.count(r.insert_id)) {
        ++st.duplicates;  // the previous run counted it
        continue;
      }
      if (!st.seen.insert(std::to_string(r.timestamp_ns) + "/" + r.insert_id).second) {
        ++st.duplicates;
        continue;
      }
    }
    if (max_entries_ > 0 && st.emitted + batch.records.size() >= static_cast<uint64_t>(max_entries_)) {
      st.truncated = true;
      st.truncated_at = r.timestamp_ns;
      return;
    }
    if (r.timestamp_ns < st.window.start) ++st.late;
    if (r.timestamp_ns >= st.window.end - st.edge_grace && !r.insert_id.empty()) st.next.edge_ids.insert(r.insert_id);
    st.next.last_timestamp = r.timestamp_ns;
    st.next.last_insert_id = r.insert_id;
    if (auto rev = label_value(r.resource_labels, "revision_name"); !rev.empty()) st.revisions.emplace(rev);
    if (r.origin.empty()) r.origin = std::move(origin);
    batch.records.push_back(std::move(r));
  }
}

// No project, resource_names or project variable: the credentials' own project, as Google's
// client libraries do; without one the run cannot know what to read.
void GcpLoggingSource::resolve_project(TokenProvider& provider, HttpClient& http) {
  if (!resource_names_.empty()) return;
  if (auto p = provider.project_id(http); !p.empty()) {
    resource_names_.push_back("projects/" + p);
    return;
  }
  throw ConfigurationError("no project to read: set `project` (e.g. \"netra-staging\") or `resource_names`, or "
                           "GOOGLE_CLOUD_PROJECT; the credentials (" + provider.describe() + ") name none");
}

void GcpLoggingSource::save_checkpoint(Context& ctx, const RunState& st) {
  if (!ctx.state() || ctx.plan()) return;  // --plan makes no writes, not even to the state
  ctx.state()->put_checkpoint(ctx.component_name(), encode_checkpoint(st.next));
}

void GcpLoggingSource::do_run(Context& ctx, Emitter& out) {
  RunState st;
  st.window = ctx.window();
  st.query_start = st.window.start;
  // Grace re-reads never reach past the previous window (its insertIds are all we keep).
  st.grace = std::min(grace_, st.window.end - st.window.start);
  st.edge_grace = st.grace;  // what the next run may re-read, whatever this run could do
  if (StateStore* state = ctx.state()) {
    auto saved = state->checkpoint(ctx.component_name());
    auto cp = saved ? decode_checkpoint(*saved) : std::nullopt;
    if (cp && st.window.start >= cp->window_end) {
      st.query_start = st.window.start - st.grace;
      st.previous_edge = std::move(cp->edge_ids);
    } else if (cp) {
      ctx.info("window starts before the previous run's end ({}); entries in the overlap are read again",
               format_rfc3339(cp->window_end));
      st.grace = 0;
    } else {
      st.grace = 0;  // no checkpoint: nothing is known about earlier reads
    }
  } else {
    st.grace = 0;
  }
  st.next.window_end = st.window.end;

  ReaderSettings rs{.endpoint = resolve_endpoint(),
                    .resource_names = resource_names_,
                    .filter = build_filter(filter_, st.query_start, st.window.end,
                                           min_severity_ ? std::string(severity_name(*min_severity_)) : ""),
                    .page_size = page_size_,
                    .max_pages = max_pages_,
                    .timeout = timeout_,
                    .requests_per_second = rps_,
                    .max_attempts = max_attempts_,
                    .quota_wait = quota_wait_,
                    .quota_project = quota_project_};
  HttpClient http;
  auto provider = make_token_provider(auth_);
  resolve_project(*provider, http);
  rs.resource_names = resource_names_;
  TokenCache tokens(std::move(provider), http, [&ctx](TimeNs d) { return ctx.sleep_for(d); });
  if (rs.quota_project.empty()) rs.quota_project = tokens.provider().quota_project();
  ctx.debug("reading {} with {}; filter: {}", resource_names_.front(), tokens.provider().describe(), rs.filter);
  EntriesReader reader(std::move(rs), tokens, http, ctx);

  std::vector<Json> entries;
  bool stopped = false;
  while (!st.truncated && reader.next_page(entries)) {
    Batch batch;
    accept_page(ctx, st, entries, batch);
    st.emitted += batch.records.size();
    if (!batch.records.empty() && !out.emit(std::move(batch))) {
      stopped = true;
      break;
    }
    const auto& s = reader.stats();
    ctx.progress(fmt::format("{}: {} pages, {} entries, {} rate-limit waits ({:.1f}s waited)", ctx.component_name(),
                             s.pages, st.emitted, s.rate_limit_waits, static_cast<double>(s.waited) / 1e9));
  }
  stopped = stopped || ctx.stop_requested();

  const auto& s = reader.stats();
  info_ = SourceInfo{};
  info_.name = ctx.component_name();
  info_.type = "gcp_logging";
  info_.description = describe_resources(st.revisions, resource_names_);
  info_.bad_lines = st.bad;
  if (st.truncated) {
    info_.truncated = true;
    info_.note = fmt::format("stopped at max_entries = {}; entries from {} on were not read", max_entries_,
                             format_rfc3339(st.truncated_at, 3));
  } else if (reader.hit_page_cap()) {
    info_.truncated = true;
    info_.note = fmt::format("stopped at max_pages = {} after {} entries; raise max_pages or narrow the filter",
                             max_pages_, st.emitted);
  }
  if (st.late) info_.note += (info_.note.empty() ? "" : "; ") + fmt::format("{} late arrivals from the grace period", st.late);
  for (auto [name, value] : {std::pair<const char*, double>{"requests", s.requests}, {"pages", s.pages},
                             {"empty_pages", s.empty_pages}, {"retries", s.retries},
                             {"rate_limit_waits", s.rate_limit_waits},
                             {"token_refreshes", std::max(0, tokens.fetches() - 1)},  // 401s and expiries
                             {"wait_seconds", static_cast<double>(s.waited) / 1e9}, {"duplicates", st.duplicates},
                             {"late_entries", st.late}, {"entries", st.emitted}})
    ctx.metric(name, value);
  if (!stopped) save_checkpoint(ctx, st);
}

}  // namespace gardener::gcp

GARDENER_PLUGIN(gardener::gcp::GcpLoggingSource)
