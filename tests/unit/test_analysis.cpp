// The report analysis: priorities with reasons, trends over runs on a real state store,
// incidents on the example worklog's entries, settings parsing, presentation helpers.
#include <gtest/gtest.h>

#include "analysis/analysis.hpp"
#include "test_context.hpp"
#include "worklog_fixture.hpp"

using namespace gardener;
using gardener::testing::example_report;

namespace {

const Cluster& by_id(const Report& r, const std::string& id) {
  for (const auto& c : r.clusters) {
    if (c.id == id) return c;
  }
  throw std::runtime_error("no cluster " + id);
}

}  // namespace

TEST(Analysis, PrioritiesExplainThemselves) {
  auto report = example_report();
  analyze_report(report, nullptr, AnalysisSettings{});
  const auto& crash = by_id(report, "loop-crash");
  EXPECT_EQ(crash.status, "new");
  EXPECT_EQ(crash.priority, "P1");
  EXPECT_EQ(crash.priority_reasons, (std::vector<std::string>{"CRITICAL", "first seen", "2 lines in 1 s"}));
  const auto& ssot = by_id(report, "ssot-factory");
  EXPECT_EQ(ssot.priority, "P0");
  EXPECT_EQ(ssot.priority_reasons, (std::vector<std::string>{"ERROR", "first seen", "6 lines in 1 s", "2 modules"}));
  EXPECT_EQ(by_id(report, "session-middleware").priority, "P2");
  EXPECT_EQ(report.clusters.front().id, "ssot-factory");  // sorted by priority
}

TEST(Analysis, RulePriorityIsKeptWithItsFacts) {
  auto report = example_report();
  report.find_cluster("user-autocreate")->priority = "P3";
  analyze_report(report, nullptr, AnalysisSettings{});
  const auto& c = by_id(report, "user-autocreate");
  EXPECT_EQ(c.priority, "P3");
  EXPECT_EQ(c.priority_reasons.front(), "set by rule");
  EXPECT_EQ(report.clusters.back().id, "user-autocreate");
}

TEST(Analysis, IncidentGroupsTheExamplesConnectionStateCluster) {
  auto report = example_report();
  analyze_report(report, nullptr, AnalysisSettings{});
  ASSERT_EQ(report.incidents.size(), 1u);
  auto ids = report.incidents[0].cluster_ids;
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"close-error", "loop-context", "loop-crash", "loop-error"}));
  EXPECT_EQ(report.incidents[0].keys, (std::vector<std::string>{"connection=main_c1ac73f8"}));
  EXPECT_EQ(report.incidents[0].id.rfind("inc-", 0), 0u);
}

TEST(Analysis, IncidentKeysAndSpanAreConfigurable) {
  AnalysisSettings s;
  s.incident_keys = {"trace"};
  auto report = example_report();
  analyze_report(report, nullptr, s);
  EXPECT_TRUE(report.incidents.empty());

  s = AnalysisSettings{};
  s.attach_same_module = false;
  report = example_report();
  analyze_report(report, nullptr, s);
  ASSERT_EQ(report.incidents.size(), 1u);
  EXPECT_EQ(report.incidents[0].cluster_ids.size(), 2u);  // only the two sharing the id

  // Two clusters on the same trace an hour apart are not one incident unless the span allows it.
  Report r;
  for (const char* id : {"a", "b"}) {
    Cluster c;
    c.id = id;
    c.count = 1;
    TimeNs t = id[0] == 'a' ? 0 : 3600 * kNsPerSecond;
    c.first_seen = c.last_seen = t + kNsPerSecond;
    c.link_keys.push_back({"trace", "4bf92f3577b34da6", c.first_seen, c.last_seen});
    r.clusters.push_back(c);
  }
  find_incidents(r, AnalysisSettings{});
  EXPECT_TRUE(r.incidents.empty());
  s = AnalysisSettings{};
  s.incident_span = 2 * 3600 * kNsPerSecond;
  find_incidents(r, s);
  EXPECT_EQ(r.incidents.size(), 1u);
}

namespace {

// One run of the scenario: a report holding cluster "c" with `count` lines (none when 0).
Report run_with(StateStore& store, int64_t& run_id, uint64_t count, int hour) {
  Report r;
  r.pipeline = "p";
  r.window = {hour * 3600 * kNsPerSecond, (hour + 1) * 3600 * kNsPerSecond};
  if (count) {
    Cluster c;
    c.id = "c";
    c.title = "Payment failed";
    c.severity = Severity::Error;
    c.count = count;
    c.first_seen = r.window.start + kNsPerSecond;
    c.last_seen = r.window.start + 30 * 60 * kNsPerSecond;
    r.clusters.push_back(c);
  }
  r.lines_read = count;
  run_id = store.begin_run(r.pipeline, r.window);
  analyze_report(r, &store, AnalysisSettings{});
  return r;
}

}  // namespace

TEST(Analysis, ClusterWalksNewRecurringSpikingQuietRegressed) {
  gardener::testing::TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  int64_t run = 0;

  auto r1 = run_with(*store, run, 5, 1);
  EXPECT_EQ(r1.clusters[0].status, "new");
  record_run(r1, *store, run);
  store->finish_run(run, "ok");

  auto r2 = run_with(*store, run, 5, 2);
  EXPECT_EQ(r2.clusters[0].status, "recurring");
  EXPECT_EQ(r2.clusters[0].history, (std::vector<uint64_t>{5}));
  r2.clusters[0].issue = IssueRef{7, "https://github.com/o/r/issues/7", "created", "open"};  // as the GitHub sink does
  record_run(r2, *store, run);
  store->finish_run(run, "ok");

  auto r3 = run_with(*store, run, 50, 3);
  EXPECT_EQ(r3.clusters[0].status, "spiking");
  EXPECT_EQ(r3.clusters[0].history, (std::vector<uint64_t>{5, 5}));
  EXPECT_NE(std::find(r3.clusters[0].priority_reasons.begin(), r3.clusters[0].priority_reasons.end(),
                      "spiking: 50 vs ~5 per run"),
            r3.clusters[0].priority_reasons.end());
  record_run(r3, *store, run);
  store->finish_run(run, "ok");

  auto r4 = run_with(*store, run, 0, 4);
  ASSERT_EQ(r4.quiet.size(), 1u);
  EXPECT_EQ(r4.quiet[0].id, "c");
  record_run(r4, *store, run);
  store->finish_run(run, "ok");

  IssueLinkRow link;
  link.cluster_id = "c";
  link.repo = "o/r";
  link.number = 7;
  link.url = "https://github.com/o/r/issues/7";
  link.state = "closed";
  link.closed_at = 4 * 3600 * kNsPerSecond + 60;
  store->put_issue_link(link);

  auto r5 = run_with(*store, run, 3, 5);
  EXPECT_EQ(r5.clusters[0].status, "regressed");
  EXPECT_EQ(r5.clusters[0].history, (std::vector<uint64_t>{5, 5, 50, 0}));
  ASSERT_TRUE(r5.clusters[0].issue);
  EXPECT_EQ(r5.clusters[0].issue->number, 7);
  EXPECT_EQ(r5.clusters[0].priority_reasons[1], "regressed after #7 was closed");
  EXPECT_TRUE(r5.quiet.empty());
  EXPECT_EQ(sparkline(r5.clusters[0].history), "▁▁█·");
}

// A window run again (by hand, after a failure elsewhere) is the same data: it is neither its own
// history nor added to the totals twice, and the Report says it was run before.
TEST(Analysis, AWindowRunAgainReplacesItsCountsInsteadOfAddingThem) {
  gardener::testing::TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  int64_t run = 0;
  for (uint64_t count : {5, 8}) {  // hour 1, then hour 2 twice (the second time with 3 late lines)
    auto r = run_with(*store, run, count, count == 5 ? 1 : 2);
    record_run(r, *store, run);
    store->finish_run(run, "ok");
  }
  auto again = run_with(*store, run, 11, 2);
  EXPECT_EQ(again.clusters[0].history, (std::vector<uint64_t>{5}));  // not {5, 8}: 8 was this window
  EXPECT_EQ(again.clusters[0].status, "recurring");
  ASSERT_FALSE(again.warnings.empty());
  EXPECT_NE(again.warnings.back().find("this window was run before"), std::string::npos) << again.warnings.back();
  record_run(again, *store, run);
  store->finish_run(run, "ok");
  EXPECT_EQ(store->cluster("c")->total_count, 5u + 11u);  // 5 + 8 + the 3 new ones
  auto next = run_with(*store, run, 4, 3);
  EXPECT_EQ(next.clusters[0].history, (std::vector<uint64_t>{5, 11}));  // hour 2 once, its newest run
}

TEST(AnalysisSettings, ParsesAndReportsEveryProblem) {
  std::vector<ConfigError> errors;
  auto s = parse_analysis_settings(Json{{"incident_span", "5m"}, {"incident_keys", {"request"}}, {"spike_factor", 4.5},
                                        {"weights", {{"critical", 4}}}},
                                   errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(s.incident_span, 300 * kNsPerSecond);
  EXPECT_EQ(s.incident_keys, (std::vector<std::string>{"request"}));
  EXPECT_EQ(s.weights.critical, 4);
  EXPECT_DOUBLE_EQ(s.spike_factor, 4.5);

  parse_analysis_settings(Json{{"incident_spam", "5m"}, {"burst_span", "soon"}, {"weights", {{"critcal", 1}}},
                               {"spike_factor", 0.5}},
                          errors);
  ASSERT_EQ(errors.size(), 4u);
  std::vector<std::string> paths;
  for (const auto& e : errors) paths.push_back(e.path);
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(paths, (std::vector<std::string>{"burst_span", "incident_spam", "spike_factor", "weights.critcal"}));
}

TEST(AnalysisHelpers, QueryAndLogsExplorerLink) {
  Cluster c;
  c.severity = Severity::Error;
  c.by_severity = {{"WARNING", 1}, {"ERROR", 2}};
  c.template_text = "payment <NUM> failed: upstream \"timeout\" after <DURATION>";
  auto q = default_query(c, "payments");
  EXPECT_EQ(q, "resource.labels.service_name=\"payments\" AND severity>=WARNING AND \"failed: upstream\"");
  auto url = logs_explorer_url(q, {*parse_rfc3339("2025-09-13T16:00:00Z"), *parse_rfc3339("2025-09-13T22:00:00Z")}, "netra-staging");
  EXPECT_EQ(url.rfind("https://console.cloud.google.com/logs/query;query=resource.labels.service_name%3D", 0), 0u) << url;
  EXPECT_NE(url.find(";startTime=2025-09-13T16:00:00Z;endTime=2025-09-13T22:00:00Z?project=netra-staging"), std::string::npos);
}

// A query must find the cluster's lines: a redaction marker is in no log, and a rule's lines
// are all those its message patterns match, not those like one sample.
TEST(AnalysisHelpers, QueryAvoidsRedactionMarkersAndUsesARulesPatterns) {
  Cluster c;
  c.severity = Severity::Error;
  c.template_text = "Created user [REDACTED:email] from JWT=[REDACTED:jwt] (env: staging)";
  EXPECT_EQ(default_query(c, ""), "severity>=ERROR AND \"(env: staging)\"");
  Cluster rule;
  rule.kind = "rule";
  rule.severity = Severity::Error;
  rule.samples.push_back({});
  rule.samples[0].message = "SSOT VIOLATION: Direct instantiation of WebSocketManager";
  rule.extra["match_message"] = {"SSOT VIOLATION: Direct instantiation", R"(Creating emergency \S+ "manager")"};
  EXPECT_EQ(default_query(rule, ""),
            R"q(severity>=ERROR AND (textPayload=~"(?:SSOT VIOLATION: Direct instantiation)|(?:Creating emergency \\S+ \"manager\")" OR )q"
            R"q(jsonPayload.message=~"(?:SSOT VIOLATION: Direct instantiation)|(?:Creating emergency \\S+ \"manager\")"))q");
}

TEST(Analysis, KeylessClusterJoinsOnlyWhenEveryLineFiresNextToTheIncident) {
  auto cluster = [](std::string id, TimeNs first, TimeNs last) {
    Cluster c;
    c.id = std::move(id);
    c.count = 2;
    c.first_seen = first;
    c.last_seen = last;
    c.modules.push_back({"app.routes.ws", 2});
    return c;
  };
  TimeNs s = kNsPerSecond;
  Report r;
  r.clusters = {cluster("a", 100 * s, 5000 * s), cluster("b", 100 * s, 5000 * s), cluster("c", 100 * s, 5000 * s)};
  for (int i = 0; i < 2; ++i) {
    r.clusters[static_cast<size_t>(i)].link_keys = {{"connection", "conn_0001", 100 * s, 100 * s},
                                                    {"connection", "conn_0002", 5000 * s, 5000 * s}};
  }
  r.clusters[2].extra = Json{{"active_seconds", {100, 5000}}, {"active_seconds_complete", true}};
  find_incidents(r, AnalysisSettings{});
  ASSERT_EQ(r.incidents.size(), 1u);
  EXPECT_EQ(r.incidents[0].cluster_ids.size(), 3u);  // c fires with both occurrences

  r.clusters[2].extra["active_seconds"] = {100, 2500, 5000};  // once on its own
  find_incidents(r, AnalysisSettings{});
  ASSERT_EQ(r.incidents.size(), 1u);
  EXPECT_EQ(r.incidents[0].cluster_ids.size(), 2u);
}

TEST(ClusterStatsSeconds, NotesTheSecondsAClusterFiredIn) {
  ClusterStats stats;
  for (TimeNs t : {100'100'000'000LL, 100'900'000'000LL, 250'000'000'000LL}) {
    Record r;
    r.timestamp_ns = t;
    r.message = "x";
    stats.add(r);
  }
  Cluster c;
  stats.fill(c);
  EXPECT_EQ(c.extra["active_seconds"], (Json{100, 250}));
  EXPECT_EQ(c.extra["active_seconds_complete"], true);
  EXPECT_TRUE(c.link_keys.empty());  // the marks are not link keys
}
