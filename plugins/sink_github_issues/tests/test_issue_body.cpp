// Issue text: marker round trip, rewritten sections, the 65,536 limit, redaction.
#include <gtest/gtest.h>

#include "issue_body.hpp"

namespace gardener::github {
namespace {

Cluster sample_cluster(size_t samples, size_t sample_size) {
  Cluster c;
  c.id = "3f9a1c0e7b2d4a55";
  c.title = "Message loop crashed";
  c.template_text = "Message loop crashed for user <*> connection <*>";
  c.priority = "P0";
  c.severity = Severity::Critical;
  c.count = 8;
  c.first_seen = 1'757'802'983'000'000'000;
  c.last_seen = c.first_seen + kNsPerSecond;
  c.modules = {{"netra_backend.app.routes.websocket", 8}};
  c.query = "severity>=ERROR AND textPayload:\"Message loop crashed\"";
  for (size_t i = 0; i < samples; ++i) {
    Sample s;
    s.timestamp = c.first_seen;
    s.message = std::string(sample_size, static_cast<char>('a' + i % 26));
    c.samples.push_back(s);
  }
  return c;
}

TEST(IssueBody, MarkerRoundTripsAndEscapesCommentBreakers) {
  EXPECT_EQ(marker("3f9a1c0e7b2d4a55"), "<!-- log-gardener:fp=3f9a1c0e7b2d4a55;v=1 -->");
  for (std::string id : {"3f9a1c0e7b2d4a55", "rule:websocket-loop", "odd--id>with spaces", "a%b"}) {
    std::string body = "text\n" + marker(id) + "\n";
    EXPECT_EQ(marker(id).find("-->"), marker(id).size() - 3) << id;
    ASSERT_TRUE(find_marker(body)) << id;
    EXPECT_EQ(*find_marker(body), id);
  }
  EXPECT_FALSE(find_marker("no marker here"));
  EXPECT_FALSE(find_marker("<!-- log-gardener:fp=abc;v=2 -->"));
}

TEST(IssueBody, WithMarkerReplacesOldMarkerKeepsText) {
  std::string body = "human text\n" + marker("old") + "\nmore\n";
  std::string out = with_marker(body, "new");
  EXPECT_EQ(*find_marker(out), "new");
  EXPECT_EQ(out.find(marker("old")), std::string::npos);
  EXPECT_NE(out.find("human text"), std::string::npos);
  EXPECT_NE(out.find("more"), std::string::npos);
}

TEST(IssueBody, FormerIdsRoundTripNewestKept) {
  std::vector<std::string> former;
  for (int i = 0; i < 40; ++i) former.push_back("id" + std::to_string(i));
  former.push_back("odd--id;x");
  former.push_back("now");  // the current id is not a former one
  std::string body = with_marker("Text", "now", former);
  EXPECT_EQ(find_marker(body), "now");
  auto ids = former_ids(body);
  ASSERT_EQ(ids.size(), 32u);
  EXPECT_EQ(ids.back(), "odd--id;x");
  EXPECT_EQ(ids.front(), "id9");
  // Rewritten for a newer id, the old comment goes and the marker stays last.
  std::string again = with_marker(body, "newer", {"now"});
  EXPECT_EQ(former_ids(again), std::vector<std::string>{"now"});
  EXPECT_EQ(again.rfind("<!-- log-gardener:fp=newer;v=1 -->\n"), again.size() - 35);
  EXPECT_TRUE(former_ids("no comments here").empty());
}

TEST(IssueBody, ReplaceSectionKeepsHumanEdits) {
  std::string body = "intro by a human\n" + wrap_section("latest", "old latest") + "notes\n" + marker("x") + "\n";
  std::string out = replace_section(body, "latest", "new latest");
  EXPECT_EQ(*section(out, "latest"), "new latest\n");
  EXPECT_NE(out.find("intro by a human"), std::string::npos);
  EXPECT_NE(out.find("notes"), std::string::npos);
  EXPECT_EQ(out.find("old latest"), std::string::npos);
  // A missing section goes in before the marker, which stays last.
  std::string added = replace_section(out, "related", "- #4");
  EXPECT_LT(added.find("- #4"), added.find(marker("x")));
}

TEST(IssueBody, FullBodyHasEveryPartAndTheMarkerLast) {
  Cluster c = sample_cluster(2, 40);
  c.impact = "High - users lose their session";
  BodyParts parts;
  parts.pipeline = "netra";
  parts.query = c.query;
  parts.query_url = "https://console.cloud.google.com/logs/query;query=x?project=netra-staging";
  parts.latest = render_latest(c, {0, kNsPerSecond});
  std::string body = render_body(c, parts, default_redactor());
  for (std::string part : {"**Pattern**", "P0", "**Count**: 8", "Business impact", "netra_backend.app.routes.websocket",
                           "Key log entries", "Latest occurrence", "console.cloud.google.com/logs/query;query=",
                           "project=netra-staging", "textPayload:"}) {
    EXPECT_NE(body.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(body.substr(body.size() - marker(c.id).size() - 1), marker(c.id) + "\n");
}

TEST(IssueBody, OverflowTrimsSamplesNeverTheMarker) {
  Cluster c = sample_cluster(50, 7000);  // 350 KB of samples
  BodyParts parts;
  parts.pipeline = "netra";
  parts.latest = render_latest(c, {0, kNsPerSecond});
  parts.max_samples = 50;
  std::string body = render_body(c, parts, default_redactor());
  EXPECT_LE(body.size(), kBodyLimit);
  EXPECT_EQ(*find_marker(body), c.id);
  EXPECT_NE(body.find("more entries omitted"), std::string::npos);
  EXPECT_NE(body.find("Latest occurrence"), std::string::npos);

  Cluster huge = sample_cluster(1, 10);
  huge.template_text = std::string(200'000, 'x');  // even the pattern alone is too long
  body = render_body(huge, parts, default_redactor());
  EXPECT_LE(body.size(), kBodyLimit);
  EXPECT_EQ(*find_marker(body), huge.id);
}

TEST(IssueBody, SecretsInSamplesAreRedacted) {
  Cluster c = sample_cluster(0, 0);
  Sample s;
  s.message = "login failed password=hunter2secret token AKIAIOSFODNN7EXAMPLE";
  c.samples.push_back(s);
  BodyParts parts;
  std::string body = render_body(c, parts, default_redactor());
  EXPECT_EQ(body.find("AKIAIOSFODNN7EXAMPLE"), std::string::npos);
}

TEST(IssueBody, TruncateUtf8KeepsWholeCharacters) {
  std::string s = "ab\xC3\xA9\xC3\xA9";  // "abéé"
  EXPECT_EQ(truncate_utf8(s, 3), "ab");
  EXPECT_EQ(truncate_utf8(s, 4), "ab\xC3\xA9");
  EXPECT_EQ(truncate_utf8(s, 100), s);
}

}  // namespace
}  // namespace gardener::github
