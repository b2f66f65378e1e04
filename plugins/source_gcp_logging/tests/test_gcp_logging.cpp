// The gcp_logging source against the fake Cloud Logging server: paging, filters, limits, faults,
// auth refresh, pacing and checkpoints (issue 5's Tests section).
#include <algorithm>
#include <set>

#include <gardener/gardener.hpp>

#include "entries_reader.hpp"
#include "gcp_logging_source.hpp"
#include "test_context.hpp"
#include "tests/gcp_test_support.hpp"

namespace gardener::gcp::testing {
namespace {

using fakes::FakeGcp;
using fakes::GcpFault;
using gardener::testing::CollectingEmitter;
using gardener::testing::make_configured;
using gardener::testing::TempDir;
using gardener::testing::TestContext;

const TimeNs kStart = t("2026-11-28T12:00:00Z");
const TimeNs kEnd = t("2026-11-28T18:00:00Z");

class GcpSource : public ::testing::Test {
 protected:
  CleanEnv env;
  FakeGcp fake;
  TestContext ctx;
  CollectingEmitter out;

  void SetUp() override {
    fake.add_token("test-token");
    env.set("GARDENER_GOOGLE_ACCESS_TOKEN", "test-token");
    ctx.run_window = {kStart, kEnd};
  }
  Json options(Json extra = Json::object()) {
    Json o = {{"project", "netra-staging"}, {"endpoint", fake.base_url()}};
    o.update(extra);
    return o;
  }
  std::unique_ptr<GcpLoggingSource> run(Json extra = Json::object()) {
    auto src = make_configured<GcpLoggingSource>(options(std::move(extra)));
    src->run(ctx, out);
    return src;
  }
  std::vector<std::string> ids() const {
    std::vector<std::string> v;
    for (const auto& r : out.records) v.push_back(r.insert_id);
    return v;
  }
};

std::vector<std::string> expected_ids(int n, const std::string& prefix = "id-") {
  std::vector<std::string> v;
  for (int i = 0; i < n; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "%s%05d", prefix.c_str(), i);
    v.push_back(id);
  }
  return v;
}

TEST_F(GcpSource, FollowsPageTokensIncludingEmptyPagesWithATokenAndBatchesPerPage) {
  add_entries(fake, kStart + 60 * kNsPerSecond, 25);
  fake.script_fault(2, GcpFault::EmptyPageWithToken);
  run({{"page_size", 10}});
  EXPECT_EQ(ids(), expected_ids(25));
  auto reqs = fake.list_requests();
  ASSERT_EQ(reqs.size(), 4u);  // 10, empty+token, 10, 5
  EXPECT_EQ(out.batches, 3u);
  for (size_t i = 0; i < reqs.size(); ++i) {
    const Json& b = reqs[i].json;
    EXPECT_EQ(reqs[i].method, "POST");
    EXPECT_EQ(reqs[i].headers["authorization"], "Bearer test-token");
    EXPECT_EQ(reqs[i].headers["content-type"], "application/json");
    EXPECT_EQ(b["resourceNames"], Json::array({"projects/netra-staging"}));
    EXPECT_EQ(b["pageSize"], 10);
    EXPECT_EQ(b["orderBy"], "timestamp asc");
    EXPECT_FALSE(b.contains("projectIds"));
    EXPECT_EQ(b.contains("pageToken"), i > 0);
  }
  EXPECT_EQ(ctx.metrics["empty_pages"], 1);
}

TEST_F(GcpSource, SendsParenthesisedFilterWithHalfOpenWindowAndSeverity) {
  add_entries(fake, kStart - 10 * kNsPerSecond, 20, "w-");  // straddles the window start
  fake.add_entry(FakeGcp::cloud_run_entry(format_rfc3339(kEnd, 0), "ERROR", "at the end: excluded", "end"));
  fake.add_entry(FakeGcp::cloud_run_entry(format_rfc3339(kStart + 5 * kNsPerSecond, 3), "INFO", "info", "info"));
  fake.add_entry(FakeGcp::cloud_run_entry(format_rfc3339(kStart + 6 * kNsPerSecond, 3), "", "default", "dflt"));
  const std::string user = R"(resource.type="cloud_run_revision" AND resource.labels.service_name="netra-backend-staging" OR severity=INFO)";
  run({{"filter", user}, {"min_severity", "warning"}});
  auto reqs = fake.list_requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_EQ(reqs[0].json["filter"],
            "(" + user + ")\nAND timestamp>=\"2026-11-28T12:00:00.000000000Z\" AND "
            "timestamp<\"2026-11-28T18:00:00.000000000Z\"\nAND severity>=WARNING");
  // w-00010 .. w-00019 are inside [start, end); the one at `end`, INFO and DEFAULT are not.
  std::vector<std::string> want;
  for (int i = 10; i < 20; ++i) want.push_back(expected_ids(20, "w-")[i]);
  EXPECT_EQ(ids(), want);
}

// The gardener reads WARNING and above unless told otherwise; DEFAULT reads every severity.
TEST_F(GcpSource, SeverityDefaultsToWarningAndDefaultReadsEverything) {
  fake.add_entry(FakeGcp::cloud_run_entry(format_rfc3339(kStart + kNsPerSecond, 3), "INFO", "info", "info"));
  fake.add_entry(FakeGcp::cloud_run_entry(format_rfc3339(kStart + 2 * kNsPerSecond, 3), "WARNING", "warn", "warn"));
  run();
  EXPECT_NE(fake.list_requests().back().json["filter"].get<std::string>().find("severity>=WARNING"), std::string::npos);
  EXPECT_EQ(ids(), std::vector<std::string>{"warn"});
  out.records.clear();
  run({{"min_severity", "DEFAULT"}});
  EXPECT_EQ(fake.list_requests().back().json["filter"].get<std::string>().find("severity"), std::string::npos);
  EXPECT_EQ(ids(), (std::vector<std::string>{"info", "warn"}));
}

TEST_F(GcpSource, EmptyResultIsBracesAndReadsNothing) {
  auto src = run();
  EXPECT_TRUE(out.records.empty());
  EXPECT_EQ(fake.list_requests().size(), 1u);
  EXPECT_FALSE(src->info().truncated);
  EXPECT_EQ(src->info().description, "Cloud Logging projects/netra-staging");
}

TEST_F(GcpSource, DescriptionNamesTheCloudRunRevisionAndRecordsAreDecoded) {
  add_entries(fake, kStart, 3);
  auto src = run();
  EXPECT_EQ(src->info().description, "Cloud Run revision netra-backend-staging-00575-jbb");
  ASSERT_EQ(out.records.size(), 3u);
  const Record& r = out.records[0];
  EXPECT_EQ(r.severity, Severity::Error);
  EXPECT_EQ(r.message, "payment failed: upstream timeout 0");
  EXPECT_EQ(r.line, 118);
  EXPECT_EQ(r.timestamp_ns, kStart);
  EXPECT_EQ(r.resource_type, "cloud_run_revision");
  EXPECT_FALSE(r.raw.empty());
}

TEST_F(GcpSource, SeveralRevisionsAreListed) {
  fake.add_entry(FakeGcp::cloud_run_entry(format_rfc3339(kStart + kNsPerSecond), "ERROR", "a", "a", "svc-00001-aaa"));
  fake.add_entry(FakeGcp::cloud_run_entry(format_rfc3339(kStart + 2 * kNsPerSecond), "ERROR", "b", "b", "svc-00002-bbb"));
  auto src = run();
  EXPECT_EQ(src->info().description, "Cloud Run revisions svc-00001-aaa, svc-00002-bbb");
}

TEST_F(GcpSource, MaxEntriesIsAStatedLimitTheReportMentions) {
  add_entries(fake, kStart, 30);
  auto src = run({{"page_size", 10}, {"max_entries", 12}});
  EXPECT_EQ(ids(), std::vector<std::string>(expected_ids(12)));
  EXPECT_TRUE(src->info().truncated);
  EXPECT_NE(src->info().note.find("max_entries = 12"), std::string::npos) << src->info().note;
  EXPECT_EQ(fake.list_requests().size(), 2u);  // stops reading once the limit is reached
}

TEST_F(GcpSource, PageCapStopsAndMarksTheReadTruncated) {
  add_entries(fake, kStart, 30);
  auto src = run({{"page_size", 10}, {"max_pages", 2}});
  EXPECT_EQ(out.records.size(), 20u);
  EXPECT_TRUE(src->info().truncated);
  EXPECT_NE(src->info().note.find("max_pages = 2"), std::string::npos);
}

TEST_F(GcpSource, Retries429WithLongJitteredWaitsSinceThereIsNoRetryAfter) {
  add_entries(fake, kStart, 5);
  fake.push_fault(GcpFault::Status429);
  fake.push_fault(GcpFault::Status429);
  run();
  EXPECT_EQ(out.records.size(), 5u);
  EXPECT_EQ(fake.list_requests().size(), 3u);
  EXPECT_EQ(ctx.metrics["rate_limit_waits"], 2);
  // 20 s growing to 40 s, each jittered within [base/2, base].
  EXPECT_GE(ctx.slept, 30 * kNsPerSecond);
  EXPECT_LE(ctx.slept, 62 * kNsPerSecond);
}

TEST_F(GcpSource, Retries5xxWithBoundedBackoff) {
  add_entries(fake, kStart, 5);
  fake.push_fault(GcpFault::Status500);
  fake.push_fault(GcpFault::Status503);
  fake.push_fault(GcpFault::Status504);
  run();
  EXPECT_EQ(out.records.size(), 5u);
  EXPECT_EQ(ctx.metrics["retries"], 3);
}

TEST_F(GcpSource, GivesUpAfterMaxAttemptsNamingTheLastError) {
  for (int i = 0; i < 3; ++i) fake.push_fault(GcpFault::Status500);
  add_entries(fake, kStart, 1);
  try {
    run({{"max_attempts", 3}});
    FAIL() << "expected a failure";
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("after 3 attempts"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("INTERNAL"), std::string::npos) << e.what();
  }
  EXPECT_EQ(fake.list_requests().size(), 3u);
}

TEST_F(GcpSource, GivingUpNamesTheEndpointAndThePage) {
  add_entries(fake, kStart, 15);
  for (int i = 0; i < 2; ++i) fake.script_fault(2 + i, GcpFault::Status503);
  try {
    run({{"page_size", 10}, {"max_attempts", 2}});
    FAIL() << "expected a failure";
  } catch (const PluginError& e) {
    const std::string what = e.what();
    for (const std::string& part : std::vector<std::string>{"entries.list on projects/netra-staging", fake.base_url(), "page 2"})
      EXPECT_NE(what.find(part), std::string::npos) << part << " in " << what;
  }
}

// A 200 whose JSON is no ListLogEntriesResponse is a clear failure, not a parser's exception.
TEST_F(GcpSource, WrongShapedPageFailsNamingTheRequest) {
  add_entries(fake, kStart, 3);
  fake.push_fault(GcpFault::WrongShape);
  try {
    run();
    FAIL() << "expected a failure";
  } catch (const PluginError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("not a ListLogEntriesResponse"), std::string::npos) << what;
    EXPECT_NE(what.find("page 1"), std::string::npos) << what;
  }
}

TEST_F(GcpSource, LoneSurrogateCostsNeitherThePageNorTheEntry) {
  add_entries(fake, kStart, 2);
  fake.add_entry(fakes::FakeGcp::cloud_run_entry(format_rfc3339(kStart + 5 * kNsPerSecond, 6), "ERROR",
                                                 "odd text @@ here", "id-odd"));
  fake.push_fault(GcpFault::LoneSurrogate);
  run();
  ASSERT_EQ(out.records.size(), 3u);
  EXPECT_NE(out.records[2].message.find("odd text \uFFFD here"), std::string::npos) << out.records[2].message;
  EXPECT_EQ(fake.list_requests().size(), 1u);  // no retry of a page that would never parse
}

// Nothing downstream walks a 3,000-deep entry recursively: it is a bad line, the others are read.
TEST_F(GcpSource, EntryNestedBeyondTheParsersDepthIsABadLine) {
  add_entries(fake, kStart, 2);
  Json deep = 1;
  for (int i = 0; i < 3000; ++i) deep = Json{{"a", std::move(deep)}};
  Json entry = FakeGcp::cloud_run_entry(format_rfc3339(kStart + 5 * kNsPerSecond, 3), "ERROR", "deep", "deep");
  entry["jsonPayload"]["d"] = std::move(deep);
  fake.add_entry(std::move(entry));
  run();
  EXPECT_EQ(out.records.size(), 2u);
  ASSERT_EQ(ctx.bad_lines.size(), 1u);
  EXPECT_NE(ctx.bad_lines[0].second.find("nested deeper than 1024 levels"), std::string::npos);
}

TEST_F(GcpSource, EntryWithoutAnyTimestampIsABadLineNotSilentlyLost) {
  add_entries(fake, kStart, 3);
  fake.push_fault(GcpFault::FirstEntryUntimed);
  auto src = run();
  EXPECT_EQ(out.records.size(), 2u);
  ASSERT_EQ(ctx.bad_lines.size(), 1u);
  EXPECT_NE(ctx.bad_lines[0].second.find("neither `timestamp` nor `receiveTimestamp`"), std::string::npos);
  EXPECT_EQ(src->info().bad_lines, 1u);
}

TEST_F(GcpSource, ResetAndTruncatedPagesAreRetriedWithoutDuplicatesOrLoss) {
  add_entries(fake, kStart, 25);
  fake.script_fault(2, GcpFault::Truncated);
  fake.script_fault(3, GcpFault::Reset);
  fake.script_fault(5, GcpFault::InvalidJson);
  run({{"page_size", 10}});
  EXPECT_EQ(ids(), expected_ids(25));
  auto reqs = fake.list_requests();
  ASSERT_EQ(reqs.size(), 6u);
  EXPECT_EQ(reqs[1].json["pageToken"], reqs[2].json["pageToken"]);
  EXPECT_EQ(reqs[2].json["pageToken"], reqs[3].json["pageToken"]);
  EXPECT_EQ(reqs[4].json["pageToken"], reqs[5].json["pageToken"]);
}

TEST_F(GcpSource, SlowResponsePastTheTimeoutIsRetried) {
  add_entries(fake, kStart, 4);
  fake.set_slow_ms(1200);
  fake.script_fault(1, GcpFault::Slow);
  run({{"timeout", "250ms"}});
  EXPECT_EQ(ids(), expected_ids(4));
  EXPECT_EQ(fake.list_requests().size(), 2u);
}

TEST_F(GcpSource, PermissionDeniedFailsWithTheApiMessageAndTheFilterWithoutRetrying) {
  fake.push_fault(GcpFault::Status403);
  try {
    run({{"filter", "resource.type=\"cloud_run_revision\""}});
    FAIL() << "expected a failure";
  } catch (const PluginError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("403 PERMISSION_DENIED"), std::string::npos) << msg;
    EXPECT_NE(msg.find("logging.logEntries.list"), std::string::npos) << msg;
    EXPECT_NE(msg.find("roles/logging.viewer"), std::string::npos) << msg;
    EXPECT_NE(msg.find("Filter sent: (resource.type=\"cloud_run_revision\")"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("test-token"), std::string::npos);
  }
  EXPECT_EQ(fake.list_requests().size(), 1u);
}

TEST_F(GcpSource, BadFilterFailsWithTheServersUnparseableMessage) {
  try {
    run({{"filter", "resource.type=("}});
    FAIL() << "expected a failure";
  } catch (const PluginError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("400 INVALID_ARGUMENT: Unparseable filter"), std::string::npos) << msg;
    EXPECT_NE(msg.find("resource.type=("), std::string::npos) << msg;
  }
}

TEST_F(GcpSource, ExpiredStaticTokenFailsWithoutQuotingIt) {
  fake.script_fault(1, GcpFault::ExpireToken);
  try {
    run();
    FAIL() << "expected a failure";
  } catch (const PluginError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("401 UNAUTHENTICATED"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("test-token"), std::string::npos) << msg;
  }
  EXPECT_EQ(fake.list_requests().size(), 1u);
  for (const auto& line : ctx.logs) EXPECT_EQ(line.find("test-token"), std::string::npos) << line;
}

TEST_F(GcpSource, TokenExpiringMidRunIsRefreshedOnceForServiceAccounts) {
  auto key = FakeGcp::generate_test_key();
  fake.register_service_account("gardener@netra-staging.iam.gserviceaccount.com", key.public_pem);
  env.set("GARDENER_GOOGLE_ACCESS_TOKEN", "");
  add_entries(fake, kStart, 25);
  fake.script_fault(2, GcpFault::ExpireToken);
  run({{"page_size", 10},
       {"credentials", fake.service_account_json("gardener@netra-staging.iam.gserviceaccount.com", key).dump()}});
  EXPECT_EQ(ids(), expected_ids(25));
  EXPECT_EQ(fake.tokens_issued(), 2);
  EXPECT_EQ(ctx.metrics["token_refreshes"], 1);
  auto reqs = fake.list_requests();
  ASSERT_EQ(reqs.size(), 4u);
  EXPECT_NE(reqs[1].headers["authorization"], reqs[2].headers["authorization"]);
  for (const auto& line : ctx.logs) EXPECT_EQ(line.find("PRIVATE KEY"), std::string::npos) << line;
}

TEST_F(GcpSource, PacesRequestsToTheConfiguredRate) {
  add_entries(fake, kStart, 30);
  run({{"page_size", 10}});
  // Default 1 request/s: three requests, two paced waits of about a second (fake sleep).
  EXPECT_GE(ctx.slept, 19 * kNsPerSecond / 10);
  EXPECT_LE(ctx.slept, 3 * kNsPerSecond);
}

TEST_F(GcpSource, PacingHoldsInRealTime) {
  add_entries(fake, kStart, 30);
  ctx.real_sleep = true;
  run({{"page_size", 10}, {"requests_per_second", 10.0}});
  auto reqs = fake.list_requests();
  ASSERT_EQ(reqs.size(), 3u);
  // The pacer spaces the sends 100 ms apart; the fake sees them arrive with the scheduler's
  // jitter (a loaded host delays one request more than the next), so the span of all three is
  // what is checked: unpaced they arrive within a few milliseconds.
  EXPECT_GE(reqs[2].at_steady_ns - reqs[0].at_steady_ns, 180'000'000);
}

TEST_F(GcpSource, ExhaustedQuotaFailsAfterTheBoundedAttempts) {
  add_entries(fake, kStart, 50);
  fake.set_quota_per_minute(3);  // the fake's minute never passes: sleeping is faked
  try {
    run({{"page_size", 5}, {"max_attempts", 4}});
    FAIL() << "expected a failure";
  } catch (const PluginError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("429 RESOURCE_EXHAUSTED"), std::string::npos) << msg;
    EXPECT_NE(msg.find("after 4 attempts"), std::string::npos) << msg;
  }
  EXPECT_EQ(fake.list_requests().size(), 3u + 4u);  // three pages, then four refused attempts
  EXPECT_EQ(out.records.size(), 15u);               // what was read was emitted, once
}

TEST_F(GcpSource, SeveralResourceNamesAndEndpointFromTheEnvironment) {
  env.set("GARDENER_GCP_LOGGING_ENDPOINT", fake.base_url() + "/");
  add_entries(fake, kStart, 2);
  auto src = make_configured<GcpLoggingSource>(
      Json{{"resource_names", {"projects/netra-staging", "projects/netra-shared"}}});
  src->run(ctx, out);
  EXPECT_EQ(out.records.size(), 2u);
  EXPECT_EQ(fake.list_requests().at(0).json["resourceNames"],
            Json::array({"projects/netra-staging", "projects/netra-shared"}));
}

TEST_F(GcpSource, BackToBackRunsCountLateArrivalsOnceAndNothingTwice) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  ctx.store = store.get();
  const TimeNs mid = kStart + 3600 * kNsPerSecond;
  add_entries(fake, mid - 100 * kNsPerSecond, 100, "a-");  // the last 100 s of run 1
  ctx.run_window = {kStart, mid};
  run({{"grace_period", "2m"}});
  EXPECT_EQ(out.records.size(), 100u);
  ASSERT_TRUE(store->checkpoint(ctx.component_name()).has_value());

  // A late arrival inside run 1's window, then run 2's own entries.
  fake.add_entry(FakeGcp::cloud_run_entry(format_rfc3339(mid - 30 * kNsPerSecond, 6), "ERROR", "late", "late-1"));
  add_entries(fake, mid, 10, "b-");
  out.records.clear();
  ctx.run_window = {mid, mid + 3600 * kNsPerSecond};
  run({{"grace_period", "2m"}});
  std::vector<std::string> want = {"late-1"};
  for (auto& id : expected_ids(10, "b-")) want.push_back(id);
  EXPECT_EQ(ids(), want);
  EXPECT_EQ(ctx.metrics["late_entries"], 1);
  EXPECT_NE(fake.list_requests().back().json["filter"].get<std::string>().find("timestamp>=\"2026-11-28T12:58:00"),
            std::string::npos);
}

TEST_F(GcpSource, PlanModeDoesNotMoveTheCheckpoint) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  ctx.store = store.get();
  ctx.plan_mode = true;
  add_entries(fake, kStart, 3);
  run();
  EXPECT_EQ(out.records.size(), 3u);
  EXPECT_FALSE(store->checkpoint(ctx.component_name()).has_value());
}

// protocols.md §7: GOOGLE_CLOUD_PROJECT, CLOUDSDK_CORE_PROJECT, then the credentials' project.
TEST_F(GcpSource, ProjectComesFromTheEnvironmentThenTheMetadataServer) {
  add_entries(fake, kStart, 2);
  auto configured_without_project = [&] {
    auto src = make_configured<GcpLoggingSource>(Json{{"endpoint", fake.base_url()}});
    src->run(ctx, out);
    return fake.list_requests().back().json["resourceNames"];
  };
  env.set("CLOUDSDK_CORE_PROJECT", "netra-staging");
  EXPECT_EQ(configured_without_project(), Json::array({"projects/netra-staging"}));
  ::unsetenv("CLOUDSDK_CORE_PROJECT");
  ::unsetenv("GARDENER_GOOGLE_ACCESS_TOKEN");
  env.set("GCE_METADATA_HOST", fake.metadata_host());
  fake.set_metadata_project("netra-staging");
  EXPECT_EQ(configured_without_project(), Json::array({"projects/netra-staging"}));
  fake.set_metadata_project("");
  try {
    configured_without_project();
    FAIL() << "expected a failure";
  } catch (const ConfigurationError& e) {
    EXPECT_NE(std::string(e.what()).find("no project to read"), std::string::npos) << e.what();
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("no project to read"), std::string::npos) << e.what();
  }
}

TEST(GcpSourceConfig, ReportsEveryProblemWithItsOption) {
  CleanEnv env;
  auto message_of = [](const Json& options) {
    try {
      make_configured<GcpLoggingSource>(options);
    } catch (const ConfigurationError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message_of(Json::object()), "");  // the project may come from the environment or the credentials
  std::string bind = message_of({{"project", "p"}, {"page_size", 1001}, {"min_severity", "LOUD"}});
  for (const char* opt : {"page_size", "min_severity"}) EXPECT_NE(bind.find(opt), std::string::npos) << bind;
  std::string conf = message_of({{"project", "projects/x"},
                                 {"endpoint", "http://example.com"},
                                 {"resource_names", {"project/typo"}},
                                 {"credentials", "{}"},
                                 {"access_token_command", "true"}});
  for (const char* opt : {"project", "endpoint", "resource_names[0]", "access_token_command"})
    EXPECT_NE(conf.find(opt), std::string::npos) << opt << " in " << conf;
}

TEST(GcpFilterBuilder, ParenthesisesTheUserFilterAndOmitsItWhenBlank) {
  TimeNs a = t("2026-01-01T00:00:00Z"), b = t("2026-01-01T06:00:00.5Z");
  EXPECT_EQ(build_filter("a OR b", a, b, "ERROR"),
            "(a OR b)\nAND timestamp>=\"2026-01-01T00:00:00.000000000Z\" AND "
            "timestamp<\"2026-01-01T06:00:00.500000000Z\"\nAND severity>=ERROR");
  EXPECT_EQ(build_filter("  ", a, b, ""),
            "timestamp>=\"2026-01-01T00:00:00.000000000Z\" AND timestamp<\"2026-01-01T06:00:00.500000000Z\"");
}

}  // namespace
}  // namespace gardener::gcp::testing
