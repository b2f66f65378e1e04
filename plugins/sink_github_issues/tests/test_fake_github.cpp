// The fake GitHub's own quirks (protocols.md §4.7), through the real HTTP client.
#include <gtest/gtest.h>

#include <gardener/http.hpp>
#include <gardener/options.hpp>

#include "fake_github.hpp"

namespace gardener::fakes {

using gardener::Json;
using gardener::Headers;
namespace {

class FakeGitHubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gh.add_repo("o/r");
    gh.add_token("tok");
  }
  HttpResponse call(const std::string& method, const std::string& path, const Json& body = nullptr,
                    Headers headers = {{"User-Agent", "test"}, {"Authorization", "Bearer tok"}}) {
    HttpRequest req;
    req.method = method;
    req.url = gh.api_url() + path;
    req.headers = std::move(headers);
    if (!body.is_null()) req.body = body.dump();
    return http.send(req);
  }
  Json json_of(const HttpResponse& r) { return Json::parse(r.body); }

  FakeGitHub gh;
  HttpClient http;
};

TEST_F(FakeGitHubTest, RequiredHeaders) {
  EXPECT_EQ(call("GET", "/repos/o/r/issues", nullptr, {{"Authorization", "Bearer tok"}}).status, 403);
  auto bad = call("GET", "/repos/o/r/issues", nullptr, {{"User-Agent", "t"}, {"Authorization", "Bearer nope"}});
  EXPECT_EQ(bad.status, 401);
  EXPECT_EQ(json_of(bad)["message"], "Bad credentials");
  auto old = call("GET", "/repos/o/r/issues", nullptr,
                  {{"User-Agent", "t"}, {"Authorization", "token tok"}, {"X-GitHub-Api-Version", "2019-01-01"}});
  EXPECT_EQ(old.status, 400);
  auto ok = call("GET", "/repos/o/r/issues");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.header("x-github-api-version-selected"), "2022-11-28");
  EXPECT_EQ(ok.header("x-ratelimit-resource"), "core");
  EXPECT_FALSE(ok.header("x-ratelimit-remaining").empty());
}

TEST_F(FakeGitHubTest, CreateValidatesAndAutoCreatesGreyLabels) {
  auto r = call("POST", "/repos/o/r/issues", {{"title", "t"}, {"body", "b"}, {"labels", {"new-label"}}});
  ASSERT_EQ(r.status, 201);
  EXPECT_FALSE(r.header("Location").empty());
  EXPECT_EQ(json_of(r)["labels"][0]["color"], "ededed");
  EXPECT_EQ(json_of(r)["number"], 1);
  EXPECT_EQ(call("POST", "/repos/o/r/issues", {{"body", "b"}}).status, 422);
  auto big = call("POST", "/repos/o/r/issues", {{"title", "t"}, {"body", std::string(65537, 'x')}});
  ASSERT_EQ(big.status, 422);
  EXPECT_EQ(json_of(big)["errors"][0]["message"], "body is too long (maximum is 65536 characters)");
  EXPECT_EQ(call("POST", "/repos/o/r/issues", {{"title", "t"}, {"body", std::string(65536, 'x')}}).status, 201);
  EXPECT_EQ(call("POST", "/repos/o/r/labels", {{"name", "new-label"}}).status, 422);
  EXPECT_EQ(call("GET", "/repos/o/r/labels/absent").status, 404);
  EXPECT_EQ(call("PATCH", "/repos/o/r/issues/1", {{"state", "closed"}, {"state_reason", "bogus"}}).status, 422);
}

TEST_F(FakeGitHubTest, ListFiltersAndLinkPagination) {
  for (int i = 0; i < 5; ++i) gh.add_issue("o/r", std::string("i") + std::to_string(i), "", {"a", i % 2 ? "b" : "c"});
  gh.add_issue("o/r", "pr", "", {"a"}, true);
  gh.close_issue("o/r", 1);
  auto r = call("GET", "/repos/o/r/issues?labels=a&state=all&per_page=2&direction=asc");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json_of(r).size(), 2u);
  std::string next = link_header_url(r.header("Link"), "next");
  ASSERT_FALSE(next.empty());
  EXPECT_FALSE(link_header_url(r.header("Link"), "last").empty());
  size_t total = json_of(r).size();
  bool saw_pr = false;
  while (!next.empty()) {
    HttpRequest req;
    req.url = next;
    req.headers = {{"User-Agent", "t"}, {"Authorization", "Bearer tok"}};
    auto page = http.send(req);
    for (const auto& i : json_of(page)) saw_pr |= i.contains("pull_request");
    total += json_of(page).size();
    next = link_header_url(page.header("Link"), "next");
  }
  EXPECT_EQ(total, 6u);  // issues and the pull request
  EXPECT_TRUE(saw_pr);
  EXPECT_EQ(json_of(call("GET", "/repos/o/r/issues?labels=a,b")).size(), 2u);  // AND, default open
  EXPECT_EQ(json_of(call("GET", "/repos/o/r/issues?state=closed")).size(), 1u);
}

TEST_F(FakeGitHubTest, SearchLagsAndSkipsHtmlComments) {
  gh.set_search_lag(600 * kNsPerSecond);
  gh.set_index_html_comments(false);
  gh.add_issue("o/r", "crash", "text <!-- log-gardener:fp=abc;v=1 -->", {"log-gardener"});
  EXPECT_EQ(call("GET", "/search/issues?q=repo:o/r+crash").status, 422);  // no is:issue
  EXPECT_EQ(json_of(call("GET", "/search/issues?q=repo:o/r+is:issue+crash"))["total_count"], 0);
  gh.advance(601 * kNsPerSecond);
  EXPECT_EQ(json_of(call("GET", "/search/issues?q=repo:o/r+is:issue+crash"))["total_count"], 1);
  EXPECT_EQ(json_of(call("GET", "/search/issues?q=repo:o/r+is:issue+%22fp%3Dabc%22"))["total_count"], 0);
  auto r = call("GET", "/search/issues?q=is:issue+label:log-gardener");
  EXPECT_EQ(r.header("x-ratelimit-resource"), "search");
  EXPECT_EQ(json_of(r)["items"][0]["score"], 1.0);
}

TEST_F(FakeGitHubTest, GhesPrefixAndRenamedRepo) {
  FakeGitHub ghes("/api/v3");
  ghes.add_repo("o/old");
  ghes.add_token("tok");
  ghes.rename_repo("o/old", "o/new");
  HttpRequest req;
  req.url = ghes.api_url() + "/repos/o/old/issues";
  req.headers = {{"User-Agent", "t"}, {"Authorization", "Bearer tok"}};
  auto r = http.send(req);  // the client follows the 301
  EXPECT_EQ(r.status, 200);
  req.url = "http://127.0.0.1:" + std::to_string(ghes.port()) + "/repos/o/new/issues";
  EXPECT_EQ(http.send(req).status, 404);
}

TEST_F(FakeGitHubTest, LostAnswerStillPerformsTheWrite) {
  gh.add_fault({"POST", "/issues", FaultKind::DropAfterPerform, 0, 0, 1});
  auto r = call("POST", "/repos/o/r/issues", {{"title", "t"}});
  EXPECT_TRUE(r.transport_failed());
  EXPECT_EQ(gh.issues("o/r").size(), 1u);
  EXPECT_TRUE(gh.requests().back().mutation);
}

TEST_F(FakeGitHubTest, SecondaryLimitCountsMutationsPerMinute) {
  gh.set_secondary_limit(SecondaryLimit{2, 500, 429, 7});
  EXPECT_EQ(call("POST", "/repos/o/r/issues", {{"title", "a"}}).status, 201);
  EXPECT_EQ(call("POST", "/repos/o/r/issues", {{"title", "b"}}).status, 201);
  auto limited = call("POST", "/repos/o/r/issues", {{"title", "c"}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("retry-after"), "7");
  EXPECT_NE(json_of(limited)["message"].get<std::string>().find("secondary rate limit"), std::string::npos);
  EXPECT_EQ(call("GET", "/repos/o/r/issues").status, 200);  // reads are not content creation
  gh.advance(61 * kNsPerSecond);
  EXPECT_EQ(call("POST", "/repos/o/r/issues", {{"title", "c"}}).status, 201);
  EXPECT_EQ(gh.issues("o/r").size(), 3u);
}

}  // namespace
}  // namespace gardener::fakes
