// Report JSON form, ordering, coverage, and ClusterStats (samples, bounds, link keys, key entries).
#include <gtest/gtest.h>

#include <gardener/cluster_stats.hpp>
#include <gardener/report.hpp>

#include "analysis/link_keys.hpp"

using namespace gardener;

namespace {

Record record_at(TimeNs t, Severity s, std::string message, std::string module = "m") {
  Record r;
  r.timestamp_ns = t;
  r.severity = s;
  r.message = std::move(message);
  r.module = std::move(module);
  return r;
}

Report sample_report() {
  Report r;
  r.pipeline = "p";
  r.window = {*parse_rfc3339("2025-09-13T16:00:00Z"), *parse_rfc3339("2025-09-13T22:00:00Z")};
  r.lines_read = 10;
  r.lines_not_clustered = 3;
  r.lines_dropped = 2;
  Cluster a;
  a.id = "a";
  a.title = "A";
  a.count = 4;
  a.priority = "P2";
  a.first_seen = *parse_rfc3339("2025-09-13T22:36:23.942Z");
  a.last_seen = *parse_rfc3339("2025-09-13T22:36:24Z");
  a.issue = IssueRef{12, "https://github.com/o/r/issues/12", "created", "open"};
  a.samples.push_back({a.first_seen, Severity::Critical, "boom", Json{{"severity", "CRITICAL"}}});
  a.link_keys.push_back({"connection", "main_c1ac73f8", a.first_seen, a.last_seen});
  Cluster b = a;
  b.id = "b";
  b.count = 1;
  b.priority = "P0";
  b.issue.reset();
  r.clusters = {a, b};
  r.incidents.push_back({"inc-1", "t", {"a", "b"}, {"connection=main_c1ac73f8"}, a.first_seen, a.last_seen});
  return r;
}

}  // namespace

TEST(Report, CoverageCountsEveryLine) {
  auto r = sample_report();
  EXPECT_EQ(r.clustered_lines(), 5u);
  EXPECT_TRUE(r.coverage_holds());
  r.lines_read = 11;
  EXPECT_FALSE(r.coverage_holds());
}

TEST(Report, JsonHasTheDesignKeysAndUtcTimes) {
  auto j = to_json(sample_report());
  for (const char* key : {"pipeline", "window", "lines_read", "lines_not_clustered", "lines_dropped", "bad_lines",
                          "by_severity", "sources", "clusters", "incidents", "redactions", "metrics"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["window"]["start"], "2025-09-13T16:00:00Z");
  const auto& c = j["clusters"][0];
  for (const char* key : {"id", "title", "template", "kind", "priority", "priority_reasons", "severity", "count",
                          "first_seen", "last_seen", "samples", "variables", "modules", "status", "issue"}) {
    EXPECT_TRUE(c.contains(key)) << key;
  }
  EXPECT_EQ(c["first_seen"], "2025-09-13T22:36:23.942Z");
  EXPECT_EQ(c["last_seen"], "2025-09-13T22:36:24Z");
  EXPECT_EQ(c["issue"]["number"], 12);
  EXPECT_TRUE(j["clusters"][1]["issue"].is_null());
  EXPECT_EQ(j["incidents"][0]["cluster_ids"], (Json{"a", "b"}));
}

TEST(Report, JsonRoundTrips) {
  auto original = sample_report();
  auto back = report_from_json(to_json(original));
  EXPECT_EQ(to_json(back), to_json(original));
  EXPECT_EQ(back.clusters[0].first_seen, original.clusters[0].first_seen);
  ASSERT_TRUE(back.clusters[0].issue);
  EXPECT_EQ(back.clusters[0].issue->url, "https://github.com/o/r/issues/12");
}

TEST(Report, SortsByPriorityThenCountThenId) {
  std::vector<Cluster> cs(4);
  cs[0].id = "z", cs[0].priority = "P2", cs[0].count = 5;
  cs[1].id = "y", cs[1].priority = "P0", cs[1].count = 1;
  cs[2].id = "x", cs[2].priority = "", cs[2].count = 100;
  cs[3].id = "w", cs[3].priority = "P2", cs[3].count = 5;
  sort_clusters(cs);
  EXPECT_EQ(cs[0].id, "y");
  EXPECT_EQ(cs[1].id, "w");
  EXPECT_EQ(cs[2].id, "z");
  EXPECT_EQ(cs[3].id, "x");
  EXPECT_LT(priority_rank("P0"), priority_rank("P3"));
  EXPECT_GT(priority_rank("urgent"), priority_rank("P3"));
}

TEST(Report, FindClusterFollowsAliases) {
  auto r = sample_report();
  r.clusters[1].aliases = {"old"};
  ASSERT_NE(r.find_cluster("old"), nullptr);
  EXPECT_EQ(r.find_cluster("old")->id, "b");
  EXPECT_EQ(r.find_cluster("none"), nullptr);
}

TEST(ClusterStats, CountsTimesSeveritiesAndModules) {
  ClusterStats s;
  s.add(record_at(300, Severity::Warning, "w", "a"));
  s.add(record_at(100, Severity::Critical, "c", "b"));
  s.add(record_at(200, Severity::Warning, "w", "a"));
  Cluster c;
  s.fill(c);
  EXPECT_EQ(c.count, 3u);
  EXPECT_EQ(c.first_seen, 100);
  EXPECT_EQ(c.last_seen, 300);
  EXPECT_EQ(c.severity, Severity::Critical);
  EXPECT_EQ(c.by_severity["WARNING"], 2u);
  ASSERT_EQ(c.modules.size(), 2u);
  EXPECT_EQ(c.modules[0].value, "a");
  EXPECT_EQ(c.samples.size(), 2u);  // distinct messages only
}

TEST(ClusterStats, SamplesAreBoundedAndKeepTheMostSevere) {
  ClusterStats s(ClusterStatsLimits{2, 5, 64, 64});
  s.add(record_at(1, Severity::Warning, "w1"));
  s.add(record_at(2, Severity::Warning, "w2"));
  s.add(record_at(3, Severity::Critical, "c"));
  s.add(record_at(4, Severity::Warning, "w3"));
  s.add(record_at(5, Severity::Critical, "c"));  // more severe than the weakest, but kept already
  Cluster c;
  s.fill(c);
  ASSERT_EQ(c.samples.size(), 2u);
  EXPECT_TRUE(c.samples[0].message == "c" || c.samples[1].message == "c");
  EXPECT_NE(c.samples[0].message, c.samples[1].message);
}

TEST(ClusterStats, VariablesSaturateAtTheTrackingBound) {
  ClusterStats s(ClusterStatsLimits{5, 2, 3, 64});
  for (int i = 0; i < 10; ++i) s.add_variable(0, "NUM#0", std::to_string(i % 5));
  s.add_variable(0, "NUM#0", "0");
  Cluster c;
  s.fill(c);
  ASSERT_EQ(c.variables.size(), 1u);
  EXPECT_EQ(c.variables[0].name, "NUM#0");
  EXPECT_EQ(c.variables[0].distinct, 3u);
  ASSERT_EQ(c.variables[0].top.size(), 2u);
  EXPECT_EQ(c.variables[0].top[0].value, "0");
  EXPECT_EQ(c.variables[0].top[0].count, 3u);
}

// The value table grows from 8 slots while values arrive: every count stays exact up to the
// tracking bound, values past it are counted as overflow, and a merge adds counts per value.
TEST(ClusterStats, ValueCountsStayExactThroughGrowthAndMerge) {
  auto value = [](int i) { return "value-" + std::to_string(i) + (i % 3 ? "" : "-with-a-long-tail-past-sso"); };
  ClusterStats a(ClusterStatsLimits{5, 3, 64, 64}), b(ClusterStatsLimits{5, 3, 64, 64});
  for (int i = 0; i < 64; ++i)
    for (int k = 0; k <= i; ++k) a.add_variable(0, "W#0", value(i));  // value i counted i+1 times
  a.add_variable(0, "W#0", "untracked");
  a.add(record_at(1, Severity::Warning, "a"));  // a merge skips a cluster without records
  b.add(record_at(2, Severity::Warning, "b"));
  for (int k = 0; k < 100; ++k) b.add_variable(0, "W#0", value(0));
  b.add_variable(0, "W#0", value(63));
  Cluster c;
  a.fill(c);
  EXPECT_EQ(c.variables[0].distinct, 64u);
  ASSERT_EQ(c.variables[0].top.size(), 3u);
  EXPECT_EQ(c.variables[0].top[0].value, value(63));
  EXPECT_EQ(c.variables[0].top[0].count, 64u);
  EXPECT_EQ(c.variables[0].top[2].value, value(61));
  a.merge(b);
  a.fill(c);
  EXPECT_EQ(c.variables[0].distinct, 64u);
  EXPECT_EQ(c.variables[0].top[0].value, value(0));
  EXPECT_EQ(c.variables[0].top[0].count, 101u);
  EXPECT_EQ(c.variables[0].top[1].value, value(63));
  EXPECT_EQ(c.variables[0].top[1].count, 65u);
}

TEST(ClusterStats, RemappedVariablesMoveMergeAndDrop) {
  ClusterStats s;
  s.add_variable(0, "IP#1", "10.0.0.1");
  s.add_variable(1, "PATH#2", "/etc/cron.hourly");  // inside free text that became one <*>
  s.add_variable(2, "NUM#3", "7");
  s.add_variable(3, "NUM#4", "7");
  s.remap_variables({0, -1, 2, 2}, {"IP#1", "*#2", "NUM#3"});  // the last two now one position
  Cluster c;
  s.fill(c);
  ASSERT_EQ(c.variables.size(), 3u);
  EXPECT_EQ(c.variables[0].name, "IP#1");
  EXPECT_EQ(c.variables[0].top.at(0).value, "10.0.0.1");
  EXPECT_EQ(c.variables[1].name, "*#2");
  EXPECT_TRUE(c.variables[1].top.empty());
  EXPECT_EQ(c.variables[2].name, "NUM#3");
  ASSERT_EQ(c.variables[2].top.size(), 1u);
  EXPECT_EQ(c.variables[2].top[0].count, 2u);
}

TEST(ClusterStats, MergeAddsCountsAndWidensTimes) {
  ClusterStats a, b;
  a.add(record_at(100, Severity::Error, "x"));
  b.add(record_at(50, Severity::Warning, "y"));
  b.add(record_at(500, Severity::Warning, "y"));
  a.merge(b);
  Cluster c;
  a.fill(c);
  EXPECT_EQ(c.count, 3u);
  EXPECT_EQ(c.first_seen, 50);
  EXPECT_EQ(c.last_seen, 500);
  EXPECT_EQ(c.severity, Severity::Error);
  EXPECT_EQ(c.samples.size(), 2u);
}

TEST(ClusterStats, LinkKeysFromTraceAndMessageText) {
  ClusterStats s;
  auto r = record_at(10, Severity::Critical, "Message loop crashed for user demo-use... connection main_c1ac73f8");
  r.trace = "projects/p/traces/4bf92f3577b34da6";
  s.add(r);
  s.add(record_at(20, Severity::Critical, "connection_state: connected, connection main_c1ac73f8 again"));
  Cluster c;
  s.fill(c);
  ASSERT_EQ(c.link_keys.size(), 2u);
  EXPECT_EQ(c.link_keys[0].key, "trace");
  EXPECT_EQ(c.link_keys[0].value, "4bf92f3577b34da6");
  EXPECT_EQ(c.link_keys[1].key, "connection");
  EXPECT_EQ(c.link_keys[1].value, "main_c1ac73f8");
  EXPECT_EQ(c.link_keys[1].first_seen, 10);
  EXPECT_EQ(c.link_keys[1].last_seen, 20);
}

TEST(LinkKeys, ScannerFindsIdsAfterKnownNamesOnly) {
  std::vector<std::string> found;
  auto collect = [&](std::string_view k, std::string_view v) { found.push_back(std::string(k) + "=" + std::string(v)); };
  scan_link_keys(R"({"connection_id": "main_c1ac73f8", "user_id": "demo-use..."})", collect);
  scan_link_keys("GET /x request_id=ab12cd34ef trace_id: 0af7651916cd43dd", collect);
  scan_link_keys(R"(\"connection_id\": \"main_c1ac73f8\")", collect);
  scan_link_keys("connection_state: connected; connection refused; user 10741608... done; reconnection 1234567", collect);
  EXPECT_EQ(found, (std::vector<std::string>{"connection=main_c1ac73f8", "request=ab12cd34ef", "trace=0af7651916cd43dd",
                                             "connection=main_c1ac73f8"}));
  EXPECT_FALSE(looks_like_id("pending"));
  EXPECT_FALSE(looks_like_id("12345"));
  EXPECT_TRUE(looks_like_id("main_4135ce88"));
}

TEST(SampleEntry, BuildsTheWorklogKeyEntryFromTheRawJson) {
  Record r = record_at(1, Severity::Error, "[MAIN MODE] Message loop error");
  r.module = "netra_backend.app.routes.websocket_ssot";
  r.function = "_main_message_loop";
  r.line = 1500;
  r.raw = R"({"jsonPayload":{"message":"[MAIN MODE] Message loop error","context":{"exc_info":true,"name":"n","service":"s"}},"severity":"ERROR"})";
  auto e = sample_entry(r);
  EXPECT_EQ(e["severity"], "ERROR");
  EXPECT_EQ(e["message"], "[MAIN MODE] Message loop error");
  EXPECT_EQ(e["context"]["exc_info"], true);
  EXPECT_EQ(e["labels"]["line"], "1500");
  EXPECT_EQ(e["labels"]["module"], "netra_backend.app.routes.websocket_ssot");
  r.raw = "plain text line";
  EXPECT_FALSE(sample_entry(r).contains("context"));
}
