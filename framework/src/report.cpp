// The Report's JSON form (design.md §6, docs/report-schema.md) and its ordering helpers.
#include <gardener/report.hpp>

#include <algorithm>
#include <numeric>

namespace gardener {
inline namespace v1 {

uint64_t Report::clustered_lines() const {
  return std::accumulate(clusters.begin(), clusters.end(), uint64_t{0},
                         [](uint64_t sum, const Cluster& c) { return sum + c.count; });
}

bool Report::coverage_holds() const {
  return lines_read == clustered_lines() + lines_not_clustered + lines_dropped;
}

Cluster* Report::find_cluster(const std::string& id) {
  for (auto& c : clusters) {
    if (c.id == id) return &c;
  }
  for (auto& c : clusters) {
    if (std::find(c.aliases.begin(), c.aliases.end(), id) != c.aliases.end()) return &c;
  }
  return nullptr;
}

int priority_rank(const std::string& priority) {
  if (priority.size() == 2 && (priority[0] == 'P' || priority[0] == 'p') && priority[1] >= '0' && priority[1] <= '9') {
    return priority[1] - '0';
  }
  return 100;
}

void sort_clusters(std::vector<Cluster>& clusters) {
  std::stable_sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) {
    int ra = priority_rank(a.priority), rb = priority_rank(b.priority);
    if (ra != rb) return ra < rb;
    if (a.count != b.count) return a.count > b.count;
    return a.id < b.id;
  });
}

namespace {

// Times: RFC 3339 UTC with as many fractional digits as needed to be exact; 0 means "unknown".
Json time_json(TimeNs t) {
  if (t == 0) return nullptr;
  int digits = 0;
  if (t % kNsPerSecond != 0) digits = (t % 1'000'000 == 0) ? 3 : (t % 1'000 == 0) ? 6 : 9;
  return format_rfc3339(t, digits);
}

TimeNs time_from(const Json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return 0;
  return parse_rfc3339(j[key].get<std::string>()).value_or(0);
}

template <typename T>
T get_or(const Json& j, const char* key, T fallback) {
  if (!j.is_object() || !j.contains(key) || j[key].is_null()) return fallback;
  try {
    return j[key].get<T>();
  } catch (const Json::exception&) {
    return fallback;
  }
}

Severity severity_from(const Json& j, const char* key) {
  auto name = get_or<std::string>(j, key, "");
  return parse_severity(name).value_or(Severity::Default);
}

Json values_json(const std::vector<ValueCount>& values) {
  Json out = Json::array();
  for (const auto& v : values) out.push_back({{"value", v.value}, {"count", v.count}});
  return out;
}

std::vector<ValueCount> values_from(const Json& j, const char* key) {
  std::vector<ValueCount> out;
  if (!j.contains(key) || !j[key].is_array()) return out;
  for (const auto& v : j[key]) out.push_back({get_or<std::string>(v, "value", ""), get_or<uint64_t>(v, "count", 0)});
  return out;
}

Json issue_json(const std::optional<IssueRef>& issue) {
  if (!issue) return nullptr;
  return {{"number", issue->number}, {"url", issue->url}, {"action", issue->action}, {"state", issue->state}};
}

std::optional<IssueRef> issue_from(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  return IssueRef{get_or<int64_t>(j, "number", 0), get_or<std::string>(j, "url", ""),
                  get_or<std::string>(j, "action", ""), get_or<std::string>(j, "state", "")};
}

Json sample_json(const Sample& s) {
  return {{"timestamp", time_json(s.timestamp)},
          {"severity", std::string(severity_name(s.severity))},
          {"message", s.message},
          {"entry", s.entry.is_null() ? Json::object() : s.entry}};
}

Sample sample_from(const Json& j) {
  Sample s;
  s.timestamp = time_from(j, "timestamp");
  s.severity = severity_from(j, "severity");
  s.message = get_or<std::string>(j, "message", "");
  s.entry = j.contains("entry") ? j["entry"] : Json::object();
  return s;
}

Cluster cluster_from(const Json& j) {
  Cluster c;
  c.id = get_or<std::string>(j, "id", "");
  c.title = get_or<std::string>(j, "title", "");
  c.template_text = get_or<std::string>(j, "template", "");
  c.kind = get_or<std::string>(j, "kind", "");
  c.source_component = get_or<std::string>(j, "source_component", "");
  c.priority = get_or<std::string>(j, "priority", "");
  c.priority_reasons = get_or<std::vector<std::string>>(j, "priority_reasons", {});
  c.severity = severity_from(j, "severity");
  c.by_severity = get_or<std::map<std::string, uint64_t>>(j, "by_severity", {});
  c.count = get_or<uint64_t>(j, "count", 0);
  c.first_seen = time_from(j, "first_seen");
  c.last_seen = time_from(j, "last_seen");
  if (j.contains("samples") && j["samples"].is_array()) {
    for (const auto& s : j["samples"]) c.samples.push_back(sample_from(s));
  }
  if (j.contains("variables") && j["variables"].is_array()) {
    for (const auto& v : j["variables"]) {
      c.variables.push_back({get_or<std::string>(v, "name", ""), values_from(v, "top"), get_or<uint64_t>(v, "distinct", 0)});
    }
  }
  c.modules = values_from(j, "modules");
  c.functions = values_from(j, "functions");
  c.revisions = values_from(j, "revisions");
  if (j.contains("link_keys") && j["link_keys"].is_array()) {
    for (const auto& k : j["link_keys"]) {
      c.link_keys.push_back({get_or<std::string>(k, "name", ""), get_or<std::string>(k, "value", ""),
                             time_from(k, "first_seen"), time_from(k, "last_seen")});
    }
  }
  c.labels = get_or<std::vector<std::string>>(j, "labels", {});
  c.aliases = get_or<std::vector<std::string>>(j, "aliases", {});
  c.impact = get_or<std::string>(j, "impact", "");
  c.status = get_or<std::string>(j, "status", "");
  c.history = get_or<std::vector<uint64_t>>(j, "history", {});
  c.query = get_or<std::string>(j, "query", "");
  if (j.contains("issue")) c.issue = issue_from(j["issue"]);
  if (j.contains("extra") && j["extra"].is_object()) c.extra = j["extra"];
  return c;
}

Json incident_json(const Incident& i) {
  return {{"id", i.id},           {"title", i.title},
          {"cluster_ids", i.cluster_ids}, {"keys", i.keys},
          {"first_seen", time_json(i.first_seen)}, {"last_seen", time_json(i.last_seen)}};
}

Incident incident_from(const Json& j) {
  return Incident{get_or<std::string>(j, "id", ""),
                  get_or<std::string>(j, "title", ""),
                  get_or<std::vector<std::string>>(j, "cluster_ids", {}),
                  get_or<std::vector<std::string>>(j, "keys", {}),
                  time_from(j, "first_seen"),
                  time_from(j, "last_seen")};
}

Json source_json(const SourceInfo& s) {
  return {{"name", s.name},           {"type", s.type},           {"description", s.description},
          {"lines_read", s.lines_read}, {"bad_lines", s.bad_lines}, {"truncated", s.truncated},
          {"note", s.note}};
}

SourceInfo source_from(const Json& j) {
  return SourceInfo{get_or<std::string>(j, "name", ""),        get_or<std::string>(j, "type", ""),
                    get_or<std::string>(j, "description", ""), get_or<uint64_t>(j, "lines_read", 0),
                    get_or<uint64_t>(j, "bad_lines", 0),       get_or<bool>(j, "truncated", false),
                    get_or<std::string>(j, "note", "")};
}

Json quiet_json(const QuietCluster& q) {
  return {{"id", q.id}, {"title", q.title}, {"last_seen", time_json(q.last_seen)}, {"issue", issue_json(q.issue)}};
}

QuietCluster quiet_from(const Json& j) {
  QuietCluster q{get_or<std::string>(j, "id", ""), get_or<std::string>(j, "title", ""), time_from(j, "last_seen"), {}};
  if (j.contains("issue")) q.issue = issue_from(j["issue"]);
  return q;
}

template <typename T, typename Fn>
Json array_json(const std::vector<T>& items, Fn fn) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(fn(item));
  return out;
}

template <typename T, typename Fn>
std::vector<T> array_from(const Json& j, const char* key, Fn fn) {
  std::vector<T> out;
  if (!j.contains(key) || !j[key].is_array()) return out;
  for (const auto& item : j[key]) out.push_back(fn(item));
  return out;
}

}  // namespace

Json to_json(const Cluster& c) {
  Json variables = Json::array();
  for (const auto& v : c.variables) {
    variables.push_back({{"name", v.name}, {"distinct", v.distinct}, {"top", values_json(v.top)}});
  }
  Json link_keys = Json::array();
  for (const auto& k : c.link_keys) {
    link_keys.push_back({{"name", k.key}, {"value", k.value}, {"first_seen", time_json(k.first_seen)},
                         {"last_seen", time_json(k.last_seen)}});
  }
  return {{"id", c.id},
          {"title", c.title},
          {"template", c.template_text},
          {"kind", c.kind},
          {"source_component", c.source_component},
          {"priority", c.priority},
          {"priority_reasons", c.priority_reasons},
          {"severity", std::string(severity_name(c.severity))},
          {"by_severity", c.by_severity},
          {"count", c.count},
          {"first_seen", time_json(c.first_seen)},
          {"last_seen", time_json(c.last_seen)},
          {"samples", array_json(c.samples, sample_json)},
          {"variables", variables},
          {"modules", values_json(c.modules)},
          {"functions", values_json(c.functions)},
          {"revisions", values_json(c.revisions)},
          {"link_keys", link_keys},
          {"labels", c.labels},
          {"aliases", c.aliases},
          {"impact", c.impact},
          {"status", c.status},
          {"history", c.history},
          {"query", c.query},
          {"issue", issue_json(c.issue)},
          {"extra", c.extra}};
}

Json to_json(const Report& r) {
  Json bad_samples = Json::array();
  for (const auto& b : r.bad_line_samples) bad_samples.push_back({{"origin", b.origin}, {"reason", b.reason}});
  return {{"schema_version", 1},
          {"pipeline", r.pipeline},
          {"service", r.service},
          {"window", {{"start", time_json(r.window.start)}, {"end", time_json(r.window.end)}}},
          {"generated_at", time_json(r.generated_at)},
          {"plan", r.plan},
          {"lines_read", r.lines_read},
          {"lines_clustered", r.clustered_lines()},
          {"lines_not_clustered", r.lines_not_clustered},
          {"lines_dropped", r.lines_dropped},
          {"coverage_holds", r.coverage_holds()},
          {"bad_lines", r.bad_lines},
          {"bad_line_samples", bad_samples},
          {"by_severity", r.by_severity},
          {"sources", array_json(r.sources, source_json)},
          {"clusters", array_json(r.clusters, [](const Cluster& c) { return to_json(c); })},
          {"incidents", array_json(r.incidents, incident_json)},
          {"quiet", array_json(r.quiet, quiet_json)},
          {"redactions", r.redactions},
          {"metrics", r.metrics},
          {"warnings", r.warnings}};
}

Report report_from_json(const Json& j) {
  Report r;
  if (!j.is_object()) return r;
  r.pipeline = get_or<std::string>(j, "pipeline", "");
  r.service = get_or<std::string>(j, "service", "");
  if (j.contains("window") && j["window"].is_object()) {
    r.window.start = time_from(j["window"], "start");
    r.window.end = time_from(j["window"], "end");
  }
  r.generated_at = time_from(j, "generated_at");
  r.plan = get_or<bool>(j, "plan", false);
  r.lines_read = get_or<uint64_t>(j, "lines_read", 0);
  r.lines_not_clustered = get_or<uint64_t>(j, "lines_not_clustered", 0);
  r.lines_dropped = get_or<uint64_t>(j, "lines_dropped", 0);
  r.bad_lines = get_or<uint64_t>(j, "bad_lines", 0);
  r.bad_line_samples = array_from<BadLine>(j, "bad_line_samples", [](const Json& b) {
    return BadLine{get_or<std::string>(b, "origin", ""), get_or<std::string>(b, "reason", "")};
  });
  r.by_severity = get_or<std::map<std::string, uint64_t>>(j, "by_severity", {});
  r.sources = array_from<SourceInfo>(j, "sources", source_from);
  r.clusters = array_from<Cluster>(j, "clusters", cluster_from);
  r.incidents = array_from<Incident>(j, "incidents", incident_from);
  r.quiet = array_from<QuietCluster>(j, "quiet", quiet_from);
  r.redactions = get_or<std::map<std::string, uint64_t>>(j, "redactions", {});
  r.metrics = j.contains("metrics") && j["metrics"].is_object() ? j["metrics"] : Json::object();
  r.warnings = get_or<std::vector<std::string>>(j, "warnings", {});
  return r;
}

}  // namespace v1
}  // namespace gardener
