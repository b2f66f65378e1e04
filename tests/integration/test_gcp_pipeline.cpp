// `log-gardener run` on gcp_logging -> template -> drain -> json + markdown against the fake Cloud
// Logging server: every entry of the window is accounted for, through paging and faults.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_helpers.hpp"
#include "fake_gcp.hpp"
#include "test_context.hpp"

using namespace gardener::testing;
using gardener::fakes::FakeGcp;
using gardener::fakes::GcpFault;
using Json = nlohmann::json;

namespace {

const char* kSince = "2025-09-13T17:00:00Z";
const char* kUntil = "2025-09-13T23:00:00Z";

std::string pipeline(const std::string& extra_source_options = "") {
  return R"([pipeline]
name = "gcp-e2e"
service = "netra-backend-staging"

[sources.gcp]
type = "gcp_logging"
project = "netra-staging"
filter = 'resource.type="cloud_run_revision" AND resource.labels.service_name="netra-backend-staging"'
min_severity = "WARNING"
page_size = 100
requests_per_second = 10.0
)" + extra_source_options + R"(

[transforms.mask]
type = "template"
inputs = ["gcp"]

[clusterers.drain]
type = "drain"
inputs = ["mask"]

[sinks.json]
type = "json"
inputs = ["drain"]
path = "out/report.json"

[sinks.worklog]
type = "markdown"
inputs = ["json"]
path = "out/worklog.md"
)";
}

// Entries of a few message shapes across the window, plus some the window or severity exclude.
int seed(FakeGcp& fake) {
  const char* shapes[] = {"WebSocket manager creation failed for user %d", "Database connection timeout after %d ms",
                          "Redis reconnect attempt %d failed", "Auth token validation failed for session %d"};
  const char* severities[] = {"WARNING", "ERROR", "CRITICAL", "ERROR"};
  auto start = *gardener::parse_rfc3339(kSince);
  int in_window = 0;
  for (int i = 0; i < 340; ++i) {
    char msg[128];
    std::snprintf(msg, sizeof msg, shapes[i % 4], 1000 + i * 7);
    auto ts = start + static_cast<int64_t>(i) * 60 * gardener::kNsPerSecond;  // one a minute
    fake.add_entry(FakeGcp::cloud_run_entry(gardener::format_rfc3339(ts, 6), severities[i % 4], msg,
                                            fmt::format("e{}", i)));
    if (ts < *gardener::parse_rfc3339(kUntil)) ++in_window;
  }
  fake.add_entry(FakeGcp::cloud_run_entry("2025-09-13T16:59:59.999Z", "ERROR", "before the window", "before"));
  fake.add_entry(FakeGcp::cloud_run_entry("2025-09-13T18:00:00Z", "INFO", "below min_severity", "info"));
  fake.add_entry(FakeGcp::cloud_run_entry("2025-09-13T18:00:01Z", "", "DEFAULT severity", "default"));
  return in_window;
}

class GcpPipeline : public ::testing::Test {
 protected:
  FakeGcp fake;
  TempDir dir;

  void SetUp() override {
    fake.add_token("e2e-token");
    ::setenv("GARDENER_GOOGLE_ACCESS_TOKEN", "e2e-token", 1);
    ::setenv("GARDENER_GCP_LOGGING_ENDPOINT", fake.base_url().c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("GARDENER_GOOGLE_ACCESS_TOKEN");
    ::unsetenv("GARDENER_GCP_LOGGING_ENDPOINT");
  }
  CliResult run(const std::string& toml) {
    write_file(dir.file("p.toml"), toml);
    return run_cli("run " + dir.file("p.toml") + " --since " + kSince + " --until " + kUntil + " --state " +
                   dir.file("state.db"));
  }
};

TEST_F(GcpPipeline, EveryEntryOfTheWindowIsAccountedForThroughPagingAndFaults) {
  int expected = seed(fake);
  fake.script_fault(2, GcpFault::EmptyPageWithToken);
  fake.script_fault(3, GcpFault::Status500);
  fake.script_fault(4, GcpFault::Truncated);
  auto r = run(pipeline());
  ASSERT_EQ(r.rc, 0) << r.out;
  Json report = Json::parse(read_file(dir.file("out/report.json")));
  EXPECT_EQ(report["lines_read"], expected);
  uint64_t clustered = 0;
  for (const auto& c : report["clusters"]) clustered += c["count"].get<uint64_t>();
  EXPECT_EQ(clustered + report["lines_not_clustered"].get<uint64_t>() + report["lines_dropped"].get<uint64_t>(),
            static_cast<uint64_t>(expected));
  ASSERT_EQ(report["sources"].size(), 1u);
  EXPECT_EQ(report["sources"][0]["description"], "Cloud Run revision netra-backend-staging-00575-jbb");
  EXPECT_EQ(report["sources"][0]["lines_read"], expected);
  EXPECT_EQ(report["sources"][0]["truncated"], false);
  std::string worklog = read_file(dir.file("out/worklog.md"));
  EXPECT_NE(worklog.find("netra-backend-staging-00575-jbb"), std::string::npos);
  // The filter sent carries the user's clause in parentheses and the half-open window.
  auto reqs = fake.list_requests();
  ASSERT_GE(reqs.size(), 5u);
  std::string filter = reqs[0].json["filter"];
  EXPECT_EQ(filter.rfind("(resource.type=", 0), 0u) << filter;
  EXPECT_NE(filter.find("timestamp<\"2025-09-13T23:00:00.000000000Z\""), std::string::npos) << filter;
  EXPECT_EQ(r.out.find("e2e-token"), std::string::npos);
}

TEST_F(GcpPipeline, MaxEntriesCutIsStatedInTheReport) {
  seed(fake);
  auto r = run(pipeline("max_entries = 100"));
  ASSERT_EQ(r.rc, 0) << r.out;
  Json report = Json::parse(read_file(dir.file("out/report.json")));
  EXPECT_EQ(report["lines_read"], 100);
  EXPECT_EQ(report["sources"][0]["truncated"], true);
  EXPECT_NE(report["sources"][0]["note"].get<std::string>().find("max_entries = 100"), std::string::npos);
}

TEST_F(GcpPipeline, PermissionDeniedFailsTheRunWithExitCode1) {
  seed(fake);
  fake.push_fault(GcpFault::Status403);
  auto r = run(pipeline());
  EXPECT_EQ(r.rc, 1) << r.out;
  EXPECT_NE(r.out.find("PERMISSION_DENIED"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("roles/logging.viewer"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("e2e-token"), std::string::npos);
}

}  // namespace
