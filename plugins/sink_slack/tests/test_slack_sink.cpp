// The Slack sink against the in-process fake: webhook and Web API, splits, 429, errors, threads, plan.
#include <gtest/gtest.h>

#include <cstdlib>

#include "fake_slack.hpp"
#include "slack_sink.hpp"
#include "test_context.hpp"

using namespace gardener;
using namespace gardener::testing;
using gardener::fakes::FakeSlack;

namespace {

Report report_of(size_t n) {
  Report r;
  r.pipeline = "svc";
  r.window = {*parse_rfc3339("2025-09-13T16:00:00Z"), *parse_rfc3339("2025-09-13T22:00:00Z")};
  for (size_t i = 0; i < n; ++i) {
    Cluster c;
    c.id = "c" + std::to_string(1000 + i);
    c.title = "Cluster title number " + std::to_string(i) + " " + std::string(120, 't');
    c.priority = i == 0 ? "P0" : "P2";
    c.status = "new";
    c.count = 1;
    r.clusters.push_back(c);
    r.lines_read += 1;
  }
  return r;
}

std::string all_text(const std::vector<fakes::SlackMessage>& messages) {
  std::string out;
  for (const auto& m : messages) out += m.payload.dump();
  return out;
}

}  // namespace

TEST(SlackSink, WebhookDigestOf200ClustersArrivesComplete) {
  FakeSlack slack;
  auto sink = make_configured<slack::SlackSink>(
      Json{{"webhook_url", slack.webhook_url()}, {"worklog_url", "https://example.test/{pipeline}-{end:%Y%m%dT%H%M}.md"}});
  TestContext ctx;
  auto report = report_of(200);
  sink->write(ctx, report);
  auto accepted = slack.accepted();
  ASSERT_GT(accepted.size(), 1u);
  EXPECT_EQ(accepted.size(), slack.messages().size());
  std::string text = all_text(accepted);
  for (const auto& c : report.clusters) EXPECT_NE(text.find("`" + c.id + "`"), std::string::npos) << c.id;
  EXPECT_NE(accepted.back().payload.dump().find("https://example.test/svc-20250913T2200.md|Full worklog"), std::string::npos);
  EXPECT_EQ(ctx.metrics["messages_posted"], static_cast<double>(accepted.size()));
}

TEST(SlackSink, HonoursRetryAfterOn429) {
  FakeSlack slack;
  slack.rate_limit_next(2, 7);
  auto sink = make_configured<slack::SlackSink>(Json{{"webhook_url", slack.webhook_url()}});
  TestContext ctx;
  auto report = report_of(2);
  sink->write(ctx, report);
  EXPECT_EQ(slack.messages().size(), 3u);
  EXPECT_EQ(slack.accepted().size(), 1u);
  EXPECT_GE(ctx.slept, 14 * kNsPerSecond);  // twice the 7 s Slack asked for
}

// A Retry-After beyond max_rate_limit_wait fails at once (waiting a capped while would only
// meet the limit again), and names the option that moves the bound.
TEST(SlackSink, RetryAfterLongerThanMaxRateLimitWaitFailsAtOnce) {
  FakeSlack slack;
  slack.rate_limit_next(1, 3600);
  auto sink = make_configured<slack::SlackSink>(Json{{"webhook_url", slack.webhook_url()}, {"max_rate_limit_wait", "10m"}});
  TestContext ctx;
  auto report = report_of(1);
  try {
    sink->write(ctx, report);
    FAIL() << "expected an error";
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("max_rate_limit_wait"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slack.messages().size(), 1u);
  EXPECT_EQ(ctx.slept, 0);
}

TEST(SlackSink, PlainTextErrorsBecomeClearFailures) {
  FakeSlack slack;
  auto sink = make_configured<slack::SlackSink>(Json{{"webhook_url", slack.webhook_url("gone")}});
  TestContext ctx;
  auto report = report_of(1);
  try {
    sink->write(ctx, report);
    FAIL() << "expected an error";
  } catch (const PluginError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("404 `no_service`"), std::string::npos) << what;
    EXPECT_EQ(what.find("/services/"), std::string::npos) << "the webhook URL is a secret";
  }
  slack.fail_next(500, "rollup_error");  // retried, then accepted
  auto ok = make_configured<slack::SlackSink>(Json{{"webhook_url", slack.webhook_url()}});
  ok->write(ctx, report);
  EXPECT_EQ(slack.accepted().size(), 1u);
}

TEST(SlackSink, WebApiPostsAThreadPerCluster) {
  FakeSlack slack;
  auto sink = make_configured<slack::SlackSink>(Json{{"token", FakeSlack::kToken},
                                                     {"channel", FakeSlack::kChannel},
                                                     {"api_url", slack.api_url()},
                                                     {"thread_per_cluster", true}});
  TestContext ctx;
  auto report = report_of(3);
  sink->write(ctx, report);
  auto accepted = slack.accepted();
  ASSERT_EQ(accepted.size(), 4u);
  EXPECT_TRUE(accepted[0].thread_ts.empty());
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ(accepted[i].thread_ts, accepted[0].ts);
  EXPECT_EQ(accepted[0].content_type, "application/json; charset=utf-8");
}

TEST(SlackSink, WebApiErrorsInsideHttp200AreFailures) {
  FakeSlack slack;
  auto sink = make_configured<slack::SlackSink>(
      Json{{"token", FakeSlack::kToken}, {"channel", FakeSlack::kForeignChannel}, {"api_url", slack.api_url()}});
  TestContext ctx;
  auto report = report_of(1);
  EXPECT_THROW(sink->write(ctx, report), PluginError);
  EXPECT_EQ(slack.messages().back().error, "not_in_channel");
}

TEST(SlackSink, OnlyChangesAndPlanMode) {
  FakeSlack slack;
  auto quiet = make_configured<slack::SlackSink>(Json{{"webhook_url", slack.webhook_url()}, {"only_changes", true}});
  TestContext ctx;
  auto report = report_of(2);
  for (auto& c : report.clusters) c.status = "recurring";
  quiet->write(ctx, report);
  EXPECT_TRUE(slack.messages().empty());

  auto planned = make_configured<slack::SlackSink>(Json{{"webhook_url", slack.webhook_url()}});
  ctx.plan_mode = true;
  planned->write(ctx, report);
  EXPECT_TRUE(slack.messages().empty());
  ASSERT_EQ(ctx.plan_actions.size(), 1u);
  EXPECT_NE(ctx.plan_actions[0].find("\"blocks\""), std::string::npos);
}

TEST(SlackSink, ConfigurationNeedsACredential) {
  ::unsetenv("GARDENER_SLACK_WEBHOOK_URL");  // the environment fallback would satisfy the first case
  EXPECT_THROW(make_configured<slack::SlackSink>(Json::object()), ConfigurationError);
  EXPECT_THROW(make_configured<slack::SlackSink>(Json{{"token", "xoxb-1"}}), ConfigurationError);
  EXPECT_THROW(make_configured<slack::SlackSink>(Json{{"webhook_url", "http://hooks.example.com/x"}}), ConfigurationError);
}
