#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "analysis/analysis.hpp"
#include "test_context.hpp"
#include "worklog_fixture.hpp"

#include "json_sink.hpp"

using namespace gardener;
using namespace gardener::testing;

TEST(JsonSink, WritesTheSchemaKeysAndRoundTrips) {
  auto report = example_report();
  analyze_report(report, nullptr, AnalysisSettings{});
  auto sink = make_configured<json_sink::JsonSink>(Json{{"path", "reports/{pipeline}-{end:%Y%m%d}.json"}});
  TempDir dir;
  TestContext ctx;
  ctx.dir = dir.path();
  sink->write(ctx, report);
  std::ifstream in(dir.file("reports/netra-backend-staging-20250913.json"));
  ASSERT_TRUE(in);
  Json doc = Json::parse(in);
  for (const char* key : {"pipeline", "window", "lines_read", "lines_not_clustered", "lines_dropped", "bad_lines",
                          "by_severity", "sources", "clusters", "incidents", "redactions", "metrics"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_EQ(doc["lines_read"], 21);
  EXPECT_EQ(doc["window"]["end"], "2025-09-13T23:00:00Z");
  uint64_t sum = 0;
  for (const auto& c : doc["clusters"]) sum += c["count"].get<uint64_t>();
  EXPECT_EQ(sum + doc["lines_not_clustered"].get<uint64_t>() + doc["lines_dropped"].get<uint64_t>(), 21u);
  ASSERT_EQ(doc["incidents"].size(), 1u);
  EXPECT_EQ(doc["incidents"][0]["cluster_ids"].size(), 4u);
  auto back = report_from_json(doc);
  EXPECT_EQ(back.clusters.size(), report.clusters.size());
  EXPECT_EQ(back.clusters[0].priority, report.clusters[0].priority);
}

TEST(JsonSink, PlanModeWritesNothing) {
  auto sink = make_configured<json_sink::JsonSink>(Json{{"path", "r.json"}});
  TempDir dir;
  TestContext ctx;
  ctx.dir = dir.path();
  ctx.plan_mode = true;
  Report report;
  sink->write(ctx, report);
  ASSERT_EQ(ctx.plan_actions.size(), 1u);
  EXPECT_FALSE(std::filesystem::exists(dir.file("r.json")));
}
