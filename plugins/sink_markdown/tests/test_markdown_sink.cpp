// The worklog: golden file for a fixed input, coverage, atomic write, placeholders, plan mode.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/analysis.hpp"
#include "markdown_sink.hpp"
#include "test_context.hpp"
#include "worklog_fixture.hpp"

using namespace gardener;
using namespace gardener::testing;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The fixture after analysis, with fixed ids, times and metrics, as the runner hands it to sinks.
Report analyzed_example() {
  auto report = example_report();
  report.lines_read += 3;
  report.lines_not_clustered = 2;
  report.lines_dropped = 1;
  report.sources[0].lines_read = report.lines_read;
  report.redactions = {{"email", 1}, {"jwt", 2}};
  report.metrics = Json{{"sources", {{"gcp", {{"lines_read", report.lines_read}, {"requests", 1}}}}},
                        {"stages", {{"rules", {{"seconds", 0.004}}}}}};
  analyze_report(report, nullptr, AnalysisSettings{});
  report.find_cluster("ssot-factory")->issue = IssueRef{4711, "https://github.com/netra/netra-core/issues/4711", "created", "open"};
  return report;
}

std::string render_with_sink(Report report, TempDir& dir) {
  auto sink = make_configured<markdown::MarkdownSink>(Json{{"path", "out/{pipeline}-{end:%Y%m%dT%H%M}.md"}, {"project", "netra-staging"}});
  TestContext ctx;
  ctx.dir = dir.path();
  sink->start(ctx);
  sink->write(ctx, report);
  return read_file(dir.file("out/netra-backend-staging-20250913T2300.md"));
}

}  // namespace

TEST(MarkdownSink, GoldenWorklogForTheExampleEntries) {
  TempDir dir;
  std::string text = render_with_sink(analyzed_example(), dir);
  std::string golden_path = std::string(GARDENER_SOURCE_DIR) + "/plugins/sink_markdown/tests/golden_worklog.md";
  if (std::getenv("GARDENER_UPDATE_GOLDEN")) {
    std::ofstream(golden_path, std::ios::binary) << text;
  }
  EXPECT_EQ(text, read_file(golden_path)) << "set GARDENER_UPDATE_GOLDEN=1 to accept a deliberate change";
}

TEST(MarkdownSink, WorklogAccountsForEveryLineAndShowsTheIncident) {
  TempDir dir;
  std::string text = render_with_sink(analyzed_example(), dir);
  EXPECT_NE(text.find("lines read 24 = clustered 21 + not clustered 2 + dropped 1 ✅"), std::string::npos);
  EXPECT_NE(text.find("### INCIDENT `inc-"), std::string::npos);
  EXPECT_NE(text.find("- **Linked by**: connection=main_c1ac73f8"), std::string::npos);
  EXPECT_NE(text.find("**Priority**: P0: ERROR, first seen, 6 lines in 1 s, 2 modules"), std::string::npos);
  EXPECT_NE(text.find("[#4711](https://github.com/netra/netra-core/issues/4711) (created, open)"), std::string::npos);
  EXPECT_NE(text.find("https://console.cloud.google.com/logs/query;query="), std::string::npos);
  EXPECT_NE(text.find("\"exc_info\": true"), std::string::npos);
  EXPECT_NE(text.find("2 line(s) were not clustered"), std::string::npos);
  // Priority order: the P0 cluster comes first.
  EXPECT_LT(text.find("CLUSTER 1: WebSocket Manager Factory SSOT Violations"), text.find("CLUSTER 2:"));
}

TEST(MarkdownSink, StatusAndNextStepsFollowWhatHappened) {
  auto report = analyzed_example();
  report.sources[0].truncated = true;
  report.lines_read += 5;  // lines lost somewhere
  std::string text = markdown::render_worklog(report, {});
  EXPECT_NE(text.find("❌ Coverage does not hold: 29 read vs 24 accounted for"), std::string::npos);
  EXPECT_NE(text.find("Raise the read limit of source `gcp`"), std::string::npos);
  report = analyzed_example();
  for (auto& c : report.clusters) c.issue.reset();
  text = markdown::render_worklog(report, {});
  EXPECT_NE(text.find("No GitHub issues in this worklog: no GitHub sink ran before it"), std::string::npos);
  EXPECT_NE(text.find("Add a `github_issues` sink"), std::string::npos);
  // An empty window whose source skipped everything says so instead of "No action needed."
  Report empty;
  empty.pipeline = "p";
  empty.sources.push_back(SourceInfo{"in", "file", "file a.log", 0, 0, false, "99 outside the window"});
  text = markdown::render_worklog(empty, {});
  EXPECT_NE(text.find("Source `in` read nothing in this window (99 outside the window)"), std::string::npos);
  EXPECT_EQ(text.find("No action needed."), std::string::npos);
}

TEST(MarkdownSink, SecretsAreRedactedOnTheWayOut) {
  auto report = analyzed_example();
  report.clusters[0].samples[0].entry["message"] = "login with password=hunter2hunter2 for bob@example.com";
  TempDir dir;
  std::string text = render_with_sink(report, dir);
  EXPECT_EQ(text.find("bob@example.com"), std::string::npos);
  EXPECT_NE(text.find("Redacted while writing this worklog"), std::string::npos);
}

// The last pass reads what the worklog says about values, not the worklog's own counts and the
// URLs that encode an already redacted query: "- password: 1" is no password, and the %40 of an
// encoded "[REDACTED:url_credentials]@db.internal" is no e-mail address.
TEST(MarkdownSink, TheLastPassLeavesTheWorklogsOwnTextAlone) {
  auto report = analyzed_example();
  report.redactions = {{"password", 1}, {"email", 2}};
  report.clusters[0].query = R"(textPayload:"connect [REDACTED:url_credentials]@db.internal:5432 failed")";
  report.clusters[0].variables.push_back({"*#9", {{"https://hooks.example/cb?token=abc123def456", 2}}, 2});
  TempDir dir;
  std::string text = render_with_sink(report, dir);
  EXPECT_NE(text.find("- password: 1\n"), std::string::npos);
  EXPECT_NE(text.find("- email: 2\n"), std::string::npos);
  EXPECT_NE(text.find("%5BREDACTED%3Aurl_credentials%5D%40db.internal"), std::string::npos);
  EXPECT_EQ(text.find('\x02'), std::string::npos);
  EXPECT_EQ(text.find('\x03'), std::string::npos);
  EXPECT_EQ(text.find("abc123def456"), std::string::npos);  // the values themselves are still read
}

// Thousands of new templates must not make a worklog nobody reads: past max_clusters a cluster gets
// one line, lists stop with a count, and the P0/P1 steps fold into one.
TEST(MarkdownSink, ManyClustersStayReadable) {
  Report r = analyzed_example();
  const Cluster model = r.clusters.front();
  r.clusters.clear();
  r.incidents.clear();
  for (int i = 0; i < 5000; ++i) {
    Cluster c = model;
    c.id = fmt::format("c{:04}", i);
    c.title = fmt::format("template number {}", i);
    c.status = "new";
    c.priority = "P1";
    r.clusters.push_back(c);
  }
  const std::string text = markdown::render_worklog(r, markdown::WorklogOptions{"", 3, 20});
  EXPECT_LT(text.size(), 200'000u) << text.size();
  EXPECT_NE(text.find("### 4980 More Clusters"), std::string::npos);
  EXPECT_NE(text.find("- … and 4960 more\n"), std::string::npos);
  EXPECT_NE(text.find("- … and 4980 more (the JSON report lists them all)"), std::string::npos);
  EXPECT_NE(text.find("Investigate the other 4990 P0/P1 clusters listed above."), std::string::npos);
}

TEST(MarkdownSink, PlanModeAnnouncesAndWritesNothing) {
  auto sink = make_configured<markdown::MarkdownSink>(Json{{"path", "w-{pipeline}.md"}});
  TempDir dir;
  TestContext ctx;
  ctx.dir = dir.path();
  ctx.plan_mode = true;
  auto report = analyzed_example();
  sink->write(ctx, report);
  ASSERT_EQ(ctx.plan_actions.size(), 1u);
  EXPECT_NE(ctx.plan_actions[0].find("write worklog " + dir.file("w-netra-backend-staging.md")), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.file("w-netra-backend-staging.md")));
}

TEST(MarkdownSink, WriteReplacesTheFileAtomically) {
  TempDir dir;
  write_file_atomic(dir.file("a/b.md"), "old");
  write_file_atomic(dir.file("a/b.md"), "new");
  EXPECT_EQ(read_file(dir.file("a/b.md")), "new");
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.file("a"))) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);  // no temporary left behind
}

TEST(MarkdownSink, BadPathPatternIsAConfigurationError) {
  EXPECT_THROW(make_configured<markdown::MarkdownSink>(Json{{"path", "x-{pipline}.md"}}), ConfigurationError);
  EXPECT_THROW(make_configured<markdown::MarkdownSink>(Json{{"path", "x-{end:%Y.md"}}), ConfigurationError);
  EXPECT_THROW(make_configured<markdown::MarkdownSink>(Json{{"path", "x-{end:%Q}.md"}}), ConfigurationError);
  EXPECT_THROW(make_configured<markdown::MarkdownSink>(Json{{"path", "x-{end:%Y%}.md"}}), ConfigurationError);
  EXPECT_NO_THROW(make_configured<markdown::MarkdownSink>(Json{{"path", "x-{end:%Y%m%dT%H%M%%}-{start:%Ey}.md"}}));
}
