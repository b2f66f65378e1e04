// The fake itself: its filter language subset and the protocol checks it makes of clients.
#include <gardener/http.hpp>

#include "fake_gcp.hpp"
#include "tests/gcp_test_support.hpp"

namespace gardener::gcp::testing {
namespace {

using fakes::FakeGcp;
using fakes::GcpFilter;
using fakes::Json;

Json entry() {
  return FakeGcp::cloud_run_entry("2026-11-28T12:00:01.5Z", "ERROR", "payment failed: upstream timeout", "abc");
}

bool match(const std::string& filter, const Json& e = entry()) { return GcpFilter(filter).matches(e); }

TEST(FakeGcpFilter, OrBindsTighterThanAnd) {
  // a OR NOT b AND NOT c OR d == (a OR NOT b) AND (NOT c OR d), with a,b,c true and d false:
  // C precedence would give true, the Logging language gives false.
  const std::string a = "severity=ERROR", b = "insertId=abc", c = "resource.type=\"cloud_run_revision\"",
                    d = "insertId=zzz";
  EXPECT_FALSE(match(a + " OR NOT " + b + " AND NOT " + c + " OR " + d));
  EXPECT_TRUE(match("(" + a + " OR NOT " + b + ") AND (" + c + " OR " + d + ")"));
}

TEST(FakeGcpFilter, ComparisonsOnSeverityTimestampAndStrings) {
  EXPECT_TRUE(match("severity>=WARNING"));
  EXPECT_TRUE(match("severity>=500"));
  EXPECT_FALSE(match("severity>=CRITICAL"));
  EXPECT_TRUE(match("severity<=DEFAULT", FakeGcp::cloud_run_entry("2026-11-28T12:00:00Z", "", "m", "x")));
  EXPECT_TRUE(match(R"(timestamp>="2026-11-28T12:00:01Z" timestamp<"2026-11-28T12:00:02Z")"));
  EXPECT_FALSE(match(R"(timestamp<"2026-11-28T12:00:01.5Z")"));
  EXPECT_TRUE(match(R"(resource.labels.service_name="NETRA-backend-staging")"));
  EXPECT_TRUE(match(R"(jsonPayload.message:"upstream")"));
  EXPECT_TRUE(match(R"(jsonPayload.message=~"fail(ed)?: [a-z]+")"));
  EXPECT_TRUE(match(R"(jsonPayload.message!~"^ok")"));
  EXPECT_TRUE(match("labels:instanceId"));
  EXPECT_TRUE(match("sourceLocation.line>100"));
  EXPECT_FALSE(match("trace:*"));
  EXPECT_TRUE(match("-severity=INFO"));
  EXPECT_TRUE(match(R"(resource.type=("gce_instance" OR "cloud_run_revision"))"));
  EXPECT_TRUE(match(R"("upstream timeout")"));
  EXPECT_TRUE(match(R"(logName="projects/netra-staging/logs/run.googleapis.com%2Fstderr")"));
  EXPECT_TRUE(match(""));
}

TEST(FakeGcpFilter, UnparseableFiltersThrow) {
  for (const char* bad : {"resource.type=(", "(severity=ERROR", "severity>=", "AND", "x = \"open"})
    EXPECT_THROW(GcpFilter{bad}, std::invalid_argument) << bad;
}

class FakeGcpServer : public ::testing::Test {
 protected:
  FakeGcp fake;
  HttpClient http;
  HttpResponse list(const Json& body, const std::string& token = "tok") {
    return http.send({.method = "POST", .url = fake.base_url() + "/v2/entries:list",
                      .headers = {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}},
                      .body = body.dump()});
  }
  void SetUp() override { fake.add_token("tok"); }
};

TEST_F(FakeGcpServer, AnswersBracesForNoResultsAndRejectsBadRequests) {
  EXPECT_EQ(list({{"resourceNames", {"projects/p"}}}).body, "{}");
  EXPECT_EQ(list({{"resource_names", {"projects/p"}}, {"page_size", 5}}).status, 200);  // snake_case accepted
  EXPECT_EQ(list({{"resourceNames", {"projects/p"}}, {"pageSize", 1001}}).status, 400);
  EXPECT_EQ(list({{"resourceNames", {"projects/p"}}, {"orderBy", "severity"}}).status, 400);
  EXPECT_EQ(list({{"resourceNames", Json::array()}}).status, 400);
  EXPECT_EQ(list({{"projectIds", {"p"}}, {"resourceNames", {"projects/p"}}}).status, 400);
  auto unauth = list({{"resourceNames", {"projects/p"}}}, "wrong");
  EXPECT_EQ(unauth.status, 401);
  EXPECT_NE(unauth.body.find("ACCESS_TOKEN_EXPIRED"), std::string::npos);
  EXPECT_FALSE(unauth.header("WWW-Authenticate").empty());
}

TEST_F(FakeGcpServer, PageTokensAreBoundToTheirParameters) {
  for (int i = 0; i < 3; ++i)
    fake.add_entry(FakeGcp::cloud_run_entry("2026-11-28T12:00:0" + std::to_string(i) + "Z", "ERROR", "m", "i" + std::to_string(i)));
  auto first = Json::parse(list({{"resourceNames", {"projects/p"}}, {"pageSize", 2}}).body);
  ASSERT_EQ(first["entries"].size(), 2u);
  std::string token = first["nextPageToken"];
  EXPECT_EQ(list({{"resourceNames", {"projects/p"}}, {"pageSize", 3}, {"pageToken", token}}).status, 400);
  auto second = Json::parse(list({{"resourceNames", {"projects/p"}}, {"pageSize", 2}, {"pageToken", token}}).body);
  ASSERT_EQ(second["entries"].size(), 1u);
  EXPECT_EQ(second["entries"][0]["insertId"], "i2");
  EXPECT_FALSE(second.contains("nextPageToken"));
}

TEST_F(FakeGcpServer, QuotaAnswers429WithoutRetryAfter) {
  fake.set_quota_per_minute(2);
  list({{"resourceNames", {"projects/p"}}});
  list({{"resourceNames", {"projects/p"}}});
  auto res = list({{"resourceNames", {"projects/p"}}});
  EXPECT_EQ(res.status, 429);
  EXPECT_EQ(res.header("Retry-After"), "");
  EXPECT_NE(res.body.find("RATE_LIMIT_EXCEEDED"), std::string::npos);
  EXPECT_EQ(list({{"resourceNames", {"projects/other"}}}).status, 200);  // per project
}

TEST_F(FakeGcpServer, MetadataNeedsTheFlavorHeader) {
  auto res = http.send({.url = "http://" + fake.metadata_host() + "/computeMetadata/v1/project/project-id"});
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(res.header("Metadata-Flavor"), "Google");
  res = http.send({.url = "http://" + fake.metadata_host() + "/computeMetadata/v1/project/project-id",
                   .headers = {{"Metadata-Flavor", "Google"}}});
  EXPECT_EQ(res.body, "netra-staging");
}

TEST_F(FakeGcpServer, UnknownPathsGetTheErrorEnvelope) {
  auto res = http.send({.url = fake.base_url() + "/v2/entries"});
  EXPECT_EQ(res.status, 404);
  EXPECT_NE(res.body.find("NOT_FOUND"), std::string::npos);
}

}  // namespace
}  // namespace gardener::gcp::testing
