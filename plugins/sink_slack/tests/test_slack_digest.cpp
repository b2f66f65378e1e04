// The digest's Block Kit messages: limits, splitting without loss, filtering, escaping.
#include <gtest/gtest.h>

#include "fake_slack.hpp"
#include "slack_digest.hpp"

using namespace gardener;
using namespace gardener::slack;

namespace {

Report big_report(size_t n) {
  Report r;
  r.pipeline = "netra-backend-staging";
  r.window = {*parse_rfc3339("2025-09-13T16:00:00Z"), *parse_rfc3339("2025-09-13T22:00:00Z")};
  for (size_t i = 0; i < n; ++i) {
    Cluster c;
    c.id = "drain-" + std::to_string(100000 + i);
    c.title = "Upstream <payments> & friends failed with a long explanation " + std::string(150, 'x') + " #" + std::to_string(i);
    c.priority = "P" + std::to_string(i % 4);
    c.priority_reasons = {"ERROR", "first seen", "3 lines in 2 s"};
    c.status = i % 3 ? "recurring" : "new";
    c.severity = Severity::Error;
    c.count = 3 + i;
    c.first_seen = r.window.start + static_cast<TimeNs>(i) * kNsPerSecond;
    c.last_seen = c.first_seen + 2 * kNsPerSecond;
    c.history = {1, 2, 3};
    r.clusters.push_back(c);
    r.lines_read += c.count;
  }
  return r;
}

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST(SlackDigest, TwoHundredClustersSplitWithinLimitsAndNothingDropped) {
  auto report = big_report(200);
  auto messages = build_digest(report, {"P3", "https://example.test/worklogs/x.md", ""});
  ASSERT_GT(messages.size(), 1u);
  std::string all;
  for (const auto& m : messages) {
    EXPECT_EQ(fakes::FakeSlack::validate(m), "") << m.dump().substr(0, 300);
    EXPECT_LE(m["blocks"].size(), 50u);
    size_t chars = 0;
    for (const auto& b : m["blocks"]) {
      if (b.contains("text")) chars += b["text"]["text"].get<std::string>().size();
    }
    EXPECT_LE(chars, 12000u);
    all += m.dump();
  }
  for (const auto& c : report.clusters) EXPECT_EQ(occurrences(all, "`" + c.id + "`"), 1u) << c.id;
  EXPECT_NE(messages.back().dump().find("<https://example.test/worklogs/x.md|Full worklog>"), std::string::npos);
  EXPECT_NE(messages[1]["text"].get<std::string>().find("(2/"), std::string::npos);
  EXPECT_EQ(all.find("<payments>"), std::string::npos);  // mrkdwn escaped
  EXPECT_NE(all.find("&lt;payments&gt; &amp; friends"), std::string::npos);
}

TEST(SlackDigest, MinPriorityFiltersAndOrders) {
  auto report = big_report(8);
  auto listed = listed_clusters(report, "P1");
  ASSERT_EQ(listed.size(), 4u);
  EXPECT_EQ(listed[0]->priority, "P0");
  EXPECT_EQ(listed[3]->priority, "P1");
  auto messages = build_digest(report, {"P0", "", ""});
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(occurrences(messages[0].dump(), "`drain-"), 2u);
}

TEST(SlackDigest, HugeTitlesAreClippedNotTheEntry) {
  auto report = big_report(3);
  report.clusters[1].title = std::string(10000, 'y');
  auto messages = build_digest(report, {"P3", "", ""});
  std::string all;
  for (const auto& m : messages) {
    EXPECT_EQ(fakes::FakeSlack::validate(m), "");
    all += m.dump();
  }
  for (const auto& c : report.clusters) EXPECT_NE(all.find("`" + c.id + "`"), std::string::npos);
}

TEST(SlackDigest, ChangesAreDetected) {
  auto report = big_report(2);
  EXPECT_TRUE(has_changes(report));
  for (auto& c : report.clusters) c.status = "recurring";
  EXPECT_FALSE(has_changes(report));
  report.quiet.push_back({"old", "Old", 1, {}});
  EXPECT_TRUE(has_changes(report));
}
