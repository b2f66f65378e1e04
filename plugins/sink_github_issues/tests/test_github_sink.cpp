// The github_issues sink against the in-process fake GitHub (real HTTP on 127.0.0.1) with a real
// SQLite state store: issue 6's scenarios.
#include <cstdlib>

#include <gtest/gtest.h>

#include "fake_github.hpp"
#include "github_sink.hpp"
#include "issue_body.hpp"
#include "test_context.hpp"

namespace gardener::github {
namespace {

using fakes::FakeGitHub;
using fakes::FakeIssue;
using testing::TempDir;

constexpr const char* kRepo = "acme/app";
constexpr const char* kToken = "ghp_faketoken";

// Sleeping advances the fake's clock, so pacing and rate-limit waits show in its request log.
class ClockedContext : public testing::TestContext {
 public:
  explicit ClockedContext(FakeGitHub& gh) : gh_(gh) {}
  bool sleep_for(TimeNs d) override {
    gh_.advance(d);
    return TestContext::sleep_for(d);
  }

 private:
  FakeGitHub& gh_;
};

// A store that "dies" on the first ledger write after a create: the crash between POST and record.
class CrashingStore : public StateStore {
 public:
  explicit CrashingStore(StateStore& inner) : in_(inner) {}
  bool armed = true;
  const std::string& path() const override { return in_.path(); }
  int schema_version() const override { return in_.schema_version(); }
  std::optional<std::string> get(const std::string& ns, const std::string& k) override { return in_.get(ns, k); }
  void put(const std::string& ns, const std::string& k, const std::string& v) override { in_.put(ns, k, v); }
  void erase(const std::string& ns, const std::string& k) override { in_.erase(ns, k); }
  int64_t begin_run(const std::string& p, const Window& w) override { return in_.begin_run(p, w); }
  void finish_run(int64_t id, const std::string& s) override { in_.finish_run(id, s); }
  std::vector<RunRow> recent_runs(const std::string& p, size_t n) override { return in_.recent_runs(p, n); }
  void record_count(int64_t r, const std::string& c, uint64_t n) override { in_.record_count(r, c, n); }
  std::vector<uint64_t> counts(const std::string& c, const std::vector<RunRow>& r) override { return in_.counts(c, r); }
  void upsert_cluster(const ClusterRow& row) override { in_.upsert_cluster(row); }
  std::optional<ClusterRow> cluster(const std::string& id) override { return in_.cluster(id); }
  std::vector<ClusterRow> clusters() override { return in_.clusters(); }
  void add_alias(const std::string& o, const std::string& n) override { in_.add_alias(o, n); }
  std::string resolve_alias(const std::string& id) override { return in_.resolve_alias(id); }
  std::optional<IssueLinkRow> issue_link(const std::string& r, const std::string& c) override { return in_.issue_link(r, c); }
  std::vector<IssueLinkRow> issue_links(const std::string& r) override { return in_.issue_links(r); }
  void put_issue_link(const IssueLinkRow& row) override {
    if (armed) {
      armed = false;
      throw std::runtime_error("simulated crash before the ledger write");
    }
    in_.put_issue_link(row);
  }
  std::optional<std::string> checkpoint(const std::string& c) override { return in_.checkpoint(c); }
  void put_checkpoint(const std::string& c, const std::string& v) override { in_.put_checkpoint(c, v); }
  int64_t add_intent(const std::string& c, const std::string& a, const std::string& k, const std::string& p) override {
    return in_.add_intent(c, a, k, p);
  }
  void finish_intent(int64_t id, const std::string& s) override { in_.finish_intent(id, s); }
  std::vector<IntentRow> pending_intents(const std::string& c) override { return in_.pending_intents(c); }
  uint64_t prune(TimeNs cutoff) override { return in_.prune(cutoff); }
  void in_one_transaction(const std::function<void()>& body) override { in_.in_one_transaction(body); }

 private:
  StateStore& in_;
};

class GitHubSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gh.add_repo(kRepo);
    gh.add_token(kToken);
    store = StateStore::open(dir.file("state.db"));
  }

  Json options(Json extra = Json::object()) {
    Json o = {{"repo", kRepo}, {"api_url", gh.api_url()}, {"token", kToken}, {"timeout", "5s"}};
    o.update(extra);
    return o;
  }

  std::unique_ptr<GitHubIssuesSink> sink(Json extra = Json::object()) {
    return testing::make_configured<GitHubIssuesSink>(options(std::move(extra)), "issues");
  }

  std::unique_ptr<ClockedContext> context(StateStore* state) {
    auto ctx = std::make_unique<ClockedContext>(gh);
    ctx->store = state;
    return ctx;
  }

  Cluster cluster(const std::string& id, uint64_t count, const std::string& priority = "P1",
                  const std::string& module = "") {
    Cluster c;
    c.id = id;
    c.title = "Cluster " + id + " failed";
    c.template_text = "Failure in " + id + " after <NUM> ms";
    c.kind = "drain";
    c.priority = priority;
    c.severity = Severity::Error;
    c.count = count;
    c.first_seen = gh.now() - 50 * kNsPerSecond;
    c.last_seen = gh.now() - 10 * kNsPerSecond;
    c.labels = {"backend"};
    if (!module.empty()) c.modules = {{module, count}};
    c.query = "resource.type=\"cloud_run_revision\" AND textPayload:\"" + id + "\"";
    Sample s;
    s.timestamp = c.last_seen;
    s.severity = Severity::Error;
    s.message = "Failure in " + id + " after 12 ms";
    c.samples.push_back(s);
    return c;
  }

  // Windows follow each other: [start, start + 1h), then the next hour.
  Report report(std::vector<Cluster> clusters, int hour = 0) {
    Report r;
    r.pipeline = "test-pipeline";
    r.window = {base_ + hour * 3600 * kNsPerSecond, base_ + (hour + 1) * 3600 * kNsPerSecond};
    r.clusters = std::move(clusters);
    return r;
  }

  void write(GitHubIssuesSink& s, Context& ctx, Report& r) { s.write(ctx, r); }

  std::vector<fakes::LoggedRequest> mutations() {
    std::vector<fakes::LoggedRequest> out;
    for (const auto& r : gh.requests())
      if (r.mutation) out.push_back(r);
    return out;
  }

  size_t count_requests(const std::string& method, const std::string& path) {
    size_t n = 0;
    for (const auto& r : gh.requests()) n += r.method == method && r.path == path;
    return n;
  }

  FakeGitHub gh;
  TempDir dir;
  std::unique_ptr<StateStore> store;
  TimeNs base_ = now_ns() - 10 * 3600 * kNsPerSecond;
};

TEST_F(GitHubSinkTest, FirstRunFilesOneIssuePerClusterPaced) {
  auto s = sink();
  auto ctx = context(store.get());
  Report r = report({cluster("aaa111", 5, "P0"), cluster("bbb222", 3, "P1"), cluster("ccc333", 1, "P2")});
  write(*s, *ctx, r);

  auto issues = gh.issues(kRepo);
  ASSERT_EQ(issues.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const Cluster& c = r.clusters[i];
    ASSERT_TRUE(c.issue);
    EXPECT_EQ(c.issue->action, "created");
    EXPECT_GT(c.issue->number, 0);
    EXPECT_FALSE(c.issue->url.empty());
    auto issue = gh.issue(kRepo, c.issue->number);
    ASSERT_TRUE(issue);
    EXPECT_EQ(find_marker(issue->body), c.id);
    EXPECT_EQ(issue->title, c.title);
    EXPECT_NE(std::find(issue->labels.begin(), issue->labels.end(), "log-gardener"), issue->labels.end());
    EXPECT_NE(std::find(issue->labels.begin(), issue->labels.end(), c.priority), issue->labels.end());
    EXPECT_NE(std::find(issue->labels.begin(), issue->labels.end(), "backend"), issue->labels.end());
    EXPECT_NE(issue->body.find("console.cloud.google.com/logs/query"), std::string::npos);
    auto link = store->issue_link(kRepo, c.id);
    ASSERT_TRUE(link);
    EXPECT_EQ(link->number, c.issue->number);
  }
  EXPECT_EQ(gh.label(kRepo, "log-gardener")->color, "ededed");
  EXPECT_TRUE(store->pending_intents("test-pipeline/under-test").empty());
  // Serial and at least 1 s apart (the fake's clock includes every sleep of the sink).
  auto writes = mutations();
  ASSERT_EQ(writes.size(), 3u);
  for (size_t i = 1; i < writes.size(); ++i) EXPECT_GE(writes[i].at - writes[i - 1].at, kNsPerSecond);
  EXPECT_EQ(gh.max_in_flight(), 1);
}

TEST_F(GitHubSinkTest, SecondRunFilesNoneAndUpdatesInPlace) {
  auto s = sink();
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5), cluster("bbb222", 3)}, 0);
  write(*s, *ctx, first);
  size_t posts = count_requests("POST", "/repos/acme/app/issues");

  Report second = report({cluster("aaa111", 7), cluster("bbb222", 2)}, 1);
  write(*s, *ctx, second);
  EXPECT_EQ(gh.issues(kRepo).size(), 2u);
  EXPECT_EQ(count_requests("POST", "/repos/acme/app/issues"), posts);
  for (const auto& c : second.clusters) {
    ASSERT_TRUE(c.issue);
    EXPECT_EQ(c.issue->action, "updated");
    auto issue = gh.issue(kRepo, c.issue->number);
    EXPECT_TRUE(issue->comments.empty()) << "a contiguous window with nothing new is no news";
    auto latest = section(issue->body, "latest");
    ASSERT_TRUE(latest);
    EXPECT_NE(latest->find(format_rfc3339(second.window.end)), std::string::npos);
    EXPECT_NE(latest->find("Occurrences in the window: " + std::to_string(c.count)), std::string::npos);
  }
  // The same window again changes nothing at all.
  size_t writes = gh.mutation_count();
  Report again = second;
  for (auto& c : again.clusters) c.issue.reset();
  write(*s, *ctx, again);
  EXPECT_EQ(gh.mutation_count(), writes);
  EXPECT_EQ(again.clusters[0].issue->action, "unchanged");
}

TEST_F(GitHubSinkTest, CrashBetweenPostAndLedgerWriteLeavesExactlyOneIssue) {
  CrashingStore crashing(*store);
  {
    auto s = sink();
    auto ctx = context(&crashing);
    Report r = report({cluster("aaa111", 5)});
    EXPECT_THROW(write(*s, *ctx, r), PluginError);
  }
  EXPECT_EQ(gh.issues(kRepo).size(), 1u);
  EXPECT_EQ(store->pending_intents("test-pipeline/under-test").size(), 1u);

  auto s = sink();
  auto ctx = context(store.get());
  Report r = report({cluster("aaa111", 6)}, 1);
  write(*s, *ctx, r);
  EXPECT_EQ(gh.issues(kRepo).size(), 1u);
  EXPECT_TRUE(store->pending_intents("test-pipeline/under-test").empty());
  ASSERT_TRUE(store->issue_link(kRepo, "aaa111"));
  EXPECT_EQ(store->issue_link(kRepo, "aaa111")->number, r.clusters[0].issue->number);
}

TEST_F(GitHubSinkTest, LostAnswersAreCheckedNeverRetriedBlindly) {
  gh.add_fault({"POST", "/issues", fakes::FaultKind::DropAfterPerform, 0, 0, 1});
  gh.add_fault({"POST", "/issues", fakes::FaultKind::StatusAfterPerform, 502, 0, 1});
  auto s = sink();
  auto ctx = context(store.get());
  Report r = report({cluster("aaa111", 5), cluster("bbb222", 5)});
  write(*s, *ctx, r);
  EXPECT_EQ(gh.issues(kRepo).size(), 2u);
  EXPECT_EQ(count_requests("POST", "/repos/acme/app/issues"), 2u);
  for (const auto& c : r.clusters) {
    ASSERT_TRUE(c.issue);
    EXPECT_EQ(find_marker(gh.issue(kRepo, c.issue->number)->body), c.id);
  }
}

TEST_F(GitHubSinkTest, A502BeforeTheCreateHappenedIsCreatedOnceAfterLooking) {
  gh.add_fault({"POST", "/issues", fakes::FaultKind::Status, 503, 0, 1});
  auto s = sink();
  auto ctx = context(store.get());
  Report r = report({cluster("aaa111", 5)});
  write(*s, *ctx, r);
  EXPECT_EQ(gh.issues(kRepo).size(), 1u);
  EXPECT_EQ(count_requests("POST", "/repos/acme/app/issues"), 2u);
}

TEST_F(GitHubSinkTest, ClientTimeoutAfterCreateIsFoundByMarker) {
  gh.add_fault({"POST", "/issues", fakes::FaultKind::DelayAfterPerform, 0, 1500 * 1'000'000LL, 1});
  auto s = sink({{"timeout", "1s"}});
  auto ctx = context(store.get());
  Report r = report({cluster("aaa111", 5)});
  write(*s, *ctx, r);
  EXPECT_EQ(gh.issues(kRepo).size(), 1u);
  EXPECT_EQ(r.clusters[0].issue->number, 1);
}

TEST_F(GitHubSinkTest, LostStateIsRebuiltFromLabelsNotSearch) {
  gh.set_search_lag(15 * 60 * kNsPerSecond);
  gh.set_index_html_comments(false);
  // Enough labelled noise to need pagination, and a pull request carrying a marker.
  for (int i = 0; i < 130; ++i) gh.add_issue(kRepo, "human issue " + std::to_string(i), "no marker", {"log-gardener"});
  gh.add_issue(kRepo, "PR", marker("bbb222"), {"log-gardener"}, true);
  {
    auto s = sink();
    auto ctx = context(store.get());
    Report r = report({cluster("aaa111", 5), cluster("bbb222", 5)});
    write(*s, *ctx, r);
  }
  TempDir other;
  auto fresh = StateStore::open(other.file("state.db"));
  auto s = sink();
  auto ctx = context(fresh.get());
  Report r = report({cluster("aaa111", 5), cluster("bbb222", 5)}, 1);
  write(*s, *ctx, r);
  EXPECT_EQ(gh.issues(kRepo).size(), 132u);
  for (const auto& c : r.clusters) {
    auto link = fresh->issue_link(kRepo, c.id);
    ASSERT_TRUE(link) << c.id;
    EXPECT_EQ(link->number, c.issue->number);
    EXPECT_EQ(find_marker(gh.issue(kRepo, link->number)->body), c.id);
  }
  bool paged = false;
  for (const auto& req : gh.requests()) {
    EXPECT_EQ(req.path.rfind("/search", 0), std::string::npos);
    paged |= req.query.find("page=2") != std::string::npos;
  }
  EXPECT_TRUE(paged);
}

TEST_F(GitHubSinkTest, ClosedThenRecurringIsReopenedCountingOnlyLaterEvents) {
  auto s = sink();
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5)});
  write(*s, *ctx, first);
  int64_t number = first.clusters[0].issue->number;
  gh.close_issue(kRepo, number, "completed");

  // Events from before the close are no recurrence.
  Cluster old = cluster("aaa111", 4);
  old.last_seen = gh.now() - kNsPerSecond;
  gh.advance(10 * kNsPerSecond);
  Report stale = report({old}, 1);
  write(*s, *ctx, stale);
  EXPECT_EQ(gh.issue(kRepo, number)->state, "closed");
  EXPECT_EQ(stale.clusters[0].issue->action, "unchanged");

  gh.advance(60 * kNsPerSecond);
  Report again = report({cluster("aaa111", 3)}, 2);
  write(*s, *ctx, again);
  auto issue = gh.issue(kRepo, number);
  EXPECT_EQ(issue->state, "open");
  EXPECT_EQ(issue->state_reason, "reopened");
  ASSERT_EQ(issue->comments.size(), 1u);
  EXPECT_NE(issue->comments[0].body.find("Recurred"), std::string::npos);
  EXPECT_EQ(again.clusters[0].issue->action, "reopened");
  EXPECT_EQ(gh.issues(kRepo).size(), 1u);
}

TEST_F(GitHubSinkTest, ClosedThenRecurringFilesNewIssueLinkingOld) {
  auto s = sink({{"on_recurrence", "new"}});
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5)});
  write(*s, *ctx, first);
  int64_t old_number = first.clusters[0].issue->number;
  gh.close_issue(kRepo, old_number, "completed");
  gh.advance(60 * kNsPerSecond);

  Report again = report({cluster("aaa111", 3)}, 1);
  write(*s, *ctx, again);
  ASSERT_EQ(gh.issues(kRepo).size(), 2u);
  int64_t fresh = again.clusters[0].issue->number;
  EXPECT_NE(fresh, old_number);
  EXPECT_EQ(again.clusters[0].issue->action, "created");
  EXPECT_NE(gh.issue(kRepo, fresh)->body.find("Previously tracked in #" + std::to_string(old_number)), std::string::npos);
  EXPECT_EQ(gh.issue(kRepo, old_number)->state, "closed");
  ASSERT_EQ(gh.issue(kRepo, old_number)->comments.size(), 1u);
  EXPECT_NE(gh.issue(kRepo, old_number)->comments[0].body.find("#" + std::to_string(fresh)), std::string::npos);

  // Even with the ledger lost, the open twin wins: no third issue.
  TempDir other;
  auto empty = StateStore::open(other.file("state.db"));
  auto ctx2 = context(empty.get());
  Report third = report({cluster("aaa111", 3)}, 2);
  write(*s, *ctx2, third);
  EXPECT_EQ(gh.issues(kRepo).size(), 2u);
  EXPECT_EQ(third.clusters[0].issue->number, fresh);
}

TEST_F(GitHubSinkTest, NotPlannedIsNeverReopened) {
  auto s = sink();
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5)});
  write(*s, *ctx, first);
  int64_t number = first.clusters[0].issue->number;
  gh.close_issue(kRepo, number, "not_planned");
  gh.advance(60 * kNsPerSecond);
  size_t writes = gh.mutation_count();
  Report again = report({cluster("aaa111", 50)}, 1);
  write(*s, *ctx, again);
  EXPECT_EQ(gh.mutation_count(), writes);
  EXPECT_EQ(gh.issue(kRepo, number)->state, "closed");
  EXPECT_EQ(again.clusters[0].issue->action, "skipped");
}

TEST_F(GitHubSinkTest, MutedClusterIsNeverTouched) {
  auto s = sink();
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5)});
  write(*s, *ctx, first);
  gh.add_label(kRepo, first.clusters[0].issue->number, "gardener:mute");
  size_t writes = gh.mutation_count();
  Cluster spiking = cluster("aaa111", 500);
  spiking.history = {5, 5};
  spiking.title = "A new title";
  Report again = report({spiking}, 3);
  write(*s, *ctx, again);
  EXPECT_EQ(gh.mutation_count(), writes);
  EXPECT_EQ(again.clusters[0].issue->action, "muted");
}

TEST_F(GitHubSinkTest, HumanEditedTitleIsKeptOursFollowsTheCluster) {
  auto s = sink();
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5), cluster("bbb222", 5)});
  write(*s, *ctx, first);
  gh.set_title(kRepo, first.clusters[0].issue->number, "Renamed by a human");
  Cluster a = cluster("aaa111", 5), b = cluster("bbb222", 5);
  a.title = "Clusterer renamed a";
  b.title = "Clusterer renamed b";
  Report again = report({a, b}, 1);
  write(*s, *ctx, again);
  EXPECT_EQ(gh.issue(kRepo, first.clusters[0].issue->number)->title, "Renamed by a human");
  EXPECT_EQ(gh.issue(kRepo, first.clusters[1].issue->number)->title, "Clusterer renamed b");
}

// A template that generalised (alias old -> new): the issue's title follows the new template as
// long as no human edited it, and the issue remembers the old id, so a lost state that meets the
// old id again finds the issue instead of filing a second one.
TEST_F(GitHubSinkTest, AnAliasedClusterKeepsItsIssueTitleAndOldIds) {
  auto s = sink();
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5)});
  write(*s, *ctx, first);
  const int64_t number = first.clusters[0].issue->number;
  Cluster general = cluster("ccc333", 7);
  general.title = "Cluster <*> failed";
  general.aliases = {"aaa111"};
  Report second = report({general}, 1);
  write(*s, *ctx, second);
  ASSERT_EQ(gh.issues(kRepo).size(), 1u);
  EXPECT_EQ(gh.issue(kRepo, number)->title, "Cluster <*> failed");
  EXPECT_EQ(find_marker(gh.issue(kRepo, number)->body), "ccc333");
  EXPECT_EQ(former_ids(gh.issue(kRepo, number)->body), std::vector<std::string>{"aaa111"});

  TempDir other;
  auto fresh = StateStore::open(other.file("state.db"));
  auto s2 = sink();
  auto ctx2 = context(fresh.get());
  Report third = report({cluster("aaa111", 2)}, 2);
  write(*s2, *ctx2, third);
  EXPECT_EQ(gh.issues(kRepo).size(), 1u);
  EXPECT_EQ(third.clusters[0].issue->number, number);
}

// Two clusters with an issue each became one: the cluster follows one issue and the other is
// closed as its duplicate, with a comment that says where the lines went.
TEST_F(GitHubSinkTest, IssuesOfMergedClustersAreClosedAsDuplicates) {
  auto s = sink();
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5), cluster("bbb222", 5)});
  write(*s, *ctx, first);
  Cluster merged = cluster("ccc333", 10);
  merged.aliases = {"aaa111", "bbb222"};
  Report second = report({merged}, 1);
  write(*s, *ctx, second);
  const int64_t kept = second.clusters[0].issue->number;
  const int64_t other = kept == first.clusters[0].issue->number ? first.clusters[1].issue->number
                                                                 : first.clusters[0].issue->number;
  ASSERT_NE(kept, other);
  EXPECT_EQ(gh.issue(kRepo, other)->state, "closed");
  EXPECT_EQ(gh.issue(kRepo, other)->state_reason, "duplicate");
  EXPECT_EQ(gh.issue(kRepo, kept)->state, "open");
  EXPECT_EQ(count_requests("POST", "/repos/" + std::string(kRepo) + "/issues/" + std::to_string(other) + "/comments"), 1u);
  Report third = report({merged}, 2);  // the next run: nothing more to close
  write(*s, *ctx, third);
  EXPECT_EQ(gh.issues(kRepo).size(), 2u);
  EXPECT_EQ(third.clusters[0].issue->number, kept);
}

TEST_F(GitHubSinkTest, OversizedClusterFitsTheBodyLimitWithItsMarker) {
  Cluster big = cluster("aaa111", 5000);
  for (int i = 0; i < 40; ++i) {
    Sample s;
    s.message = std::string(6000, 'z') + std::to_string(i);
    big.samples.push_back(s);
  }
  big.template_text = std::string(30000, 'y');
  auto s = sink({{"max_samples", 40}});
  auto ctx = context(store.get());
  Report r = report({big});
  write(*s, *ctx, r);  // the fake answers 422 above 65,536 characters
  auto issues = gh.issues(kRepo);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_LE(fakes::utf8_length(issues[0].body), 65536u);
  EXPECT_EQ(find_marker(issues[0].body), "aaa111");
}

TEST_F(GitHubSinkTest, SecondaryRateLimitMidRunIsWaitedOut) {
  gh.set_secondary_limit(fakes::SecondaryLimit{2, 500, 403, 20});
  auto s = sink();
  auto ctx = context(store.get());
  Report r = report({cluster("a1", 5), cluster("a2", 5), cluster("a3", 5), cluster("a4", 5)});
  write(*s, *ctx, r);
  EXPECT_EQ(gh.issues(kRepo).size(), 4u);
  size_t limited = 0;
  for (const auto& req : gh.requests()) limited += req.status == 403;
  EXPECT_GT(limited, 0u);
  EXPECT_GE(ctx->slept, 20 * kNsPerSecond);
  EXPECT_GE(ctx->metrics["rate_limited"], 1.0);
}

TEST_F(GitHubSinkTest, PrimaryLimit429WithoutRetryAfterWaitsAMinute) {
  gh.set_secondary_limit(fakes::SecondaryLimit{1, 500, 429, std::nullopt});
  auto s = sink();
  auto ctx = context(store.get());
  Report r = report({cluster("a1", 5), cluster("a2", 5)});
  write(*s, *ctx, r);
  EXPECT_EQ(gh.issues(kRepo).size(), 2u);
  EXPECT_GE(ctx->slept, 60 * kNsPerSecond);
}

TEST_F(GitHubSinkTest, PrimaryLimitExhaustedWaitsUntilReset) {
  gh.set_core_limit(3);  // the listing and two creates, then remaining = 0 until the hour is over
  auto s = sink({{"max_rate_limit_wait", "2h"}});
  auto ctx = context(store.get());
  Report r = report({cluster("a1", 5), cluster("a2", 5), cluster("a3", 5)});
  write(*s, *ctx, r);
  EXPECT_EQ(gh.issues(kRepo).size(), 3u);
  EXPECT_GE(ctx->slept, 50 * 60 * kNsPerSecond);
}

TEST_F(GitHubSinkTest, RateLimitBeyondMaxWaitFailsAsRemoteError) {
  gh.set_secondary_limit(fakes::SecondaryLimit{1, 500, 403, 3600});
  auto s = sink({{"max_rate_limit_wait", "10m"}});
  auto ctx = context(store.get());
  Report r = report({cluster("a1", 5), cluster("a2", 5), cluster("a3", 5), cluster("a4", 5)});
  try {
    write(*s, *ctx, r);
    FAIL() << "expected a failure";
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("rate limited"), std::string::npos) << e.what();
  }
  EXPECT_EQ(gh.issues(kRepo).size(), 1u);
  // Writing on into the limit can get a token banned: after the give-up nothing more is sent.
  const auto& log = gh.requests();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.back().status, 403);
  size_t limited = 0;
  for (const auto& req : log) limited += req.status == 403;
  EXPECT_EQ(limited, 1u);
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings.back().find("2 cluster(s) were not looked at"), std::string::npos) << r.warnings.back();
}

TEST_F(GitHubSinkTest, PlanModePrintsEveryWriteAndMakesNone) {
  {
    auto s = sink();
    auto ctx = context(store.get());
    Report r = report({cluster("aaa111", 5)});
    write(*s, *ctx, r);
  }
  size_t writes = gh.mutation_count();
  auto s = sink();
  auto ctx = context(store.get());
  ctx->plan_mode = true;
  Cluster spiking = cluster("aaa111", 500);
  spiking.history = {5, 5};
  Report r = report({spiking, cluster("bbb222", 5), cluster("ccc333", 5)}, 1);
  write(*s, *ctx, r);
  EXPECT_EQ(gh.mutation_count(), writes);
  EXPECT_EQ(gh.issues(kRepo).size(), 1u);
  std::string all;
  for (const auto& a : ctx->plan_actions) all += a + "\n";
  EXPECT_NE(all.find("create issue in acme/app: \"Cluster bbb222 failed\""), std::string::npos) << all;
  EXPECT_NE(all.find("create issue in acme/app: \"Cluster ccc333 failed\""), std::string::npos) << all;
  EXPECT_NE(all.find("comment on acme/app#1"), std::string::npos) << all;
  EXPECT_NE(all.find("edit acme/app#1"), std::string::npos) << all;
  EXPECT_FALSE(store->issue_link(kRepo, "bbb222"));
  EXPECT_EQ(r.clusters[1].issue->action, "planned");
}

TEST_F(GitHubSinkTest, CommentsOnlyOnSpikeNewVariantOrReturn) {
  auto s = sink();
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5, "P1", "mod.a")}, 0);
  write(*s, *ctx, first);
  int64_t number = first.clusters[0].issue->number;

  Cluster steady = cluster("aaa111", 6, "P1", "mod.a");
  steady.history = {5};
  Report r1 = report({steady}, 1);
  write(*s, *ctx, r1);
  EXPECT_EQ(gh.issue(kRepo, number)->comments.size(), 0u);

  Cluster spike = cluster("aaa111", 60, "P1", "mod.a");
  spike.history = {5, 6};
  Report r2 = report({spike}, 2);
  write(*s, *ctx, r2);
  ASSERT_EQ(gh.issue(kRepo, number)->comments.size(), 1u);
  EXPECT_NE(gh.issue(kRepo, number)->comments[0].body.find("spike"), std::string::npos);
  EXPECT_EQ(r2.clusters[0].issue->action, "commented");
  Report r2_again = report({spike}, 2);  // a rerun of the same window comments nothing twice
  write(*s, *ctx, r2_again);
  EXPECT_EQ(gh.issue(kRepo, number)->comments.size(), 1u);

  Cluster variant = cluster("aaa111", 6, "P1", "mod.b");
  variant.history = {5, 6, 60};
  Report r3 = report({variant}, 3);
  write(*s, *ctx, r3);
  ASSERT_EQ(gh.issue(kRepo, number)->comments.size(), 2u);
  EXPECT_NE(gh.issue(kRepo, number)->comments[1].body.find("new variant"), std::string::npos);

  Cluster back = cluster("aaa111", 2, "P1", "mod.b");  // hours 4 and 5 were quiet
  Report r4 = report({back}, 6);
  write(*s, *ctx, r4);
  ASSERT_EQ(gh.issue(kRepo, number)->comments.size(), 3u);
  EXPECT_NE(gh.issue(kRepo, number)->comments[2].body.find("quiet"), std::string::npos);
}

TEST_F(GitHubSinkTest, AutoClosesAfterQuietRunsWithAComment) {
  auto s = sink({{"auto_close_after", 2}});
  auto ctx = context(store.get());
  Report first = report({cluster("aaa111", 5)});
  write(*s, *ctx, first);
  int64_t number = first.clusters[0].issue->number;
  for (int run = 1; run <= 2; ++run) {
    Report quiet = report({}, run);
    quiet.quiet.push_back({"aaa111", "Cluster aaa111 failed", first.clusters[0].last_seen, std::nullopt});
    write(*s, *ctx, quiet);
    ASSERT_TRUE(quiet.quiet[0].issue);
    EXPECT_EQ(quiet.quiet[0].issue->number, number);
    if (run == 1) EXPECT_EQ(gh.issue(kRepo, number)->state, "open");
  }
  auto issue = gh.issue(kRepo, number);
  EXPECT_EQ(issue->state, "closed");
  EXPECT_EQ(issue->state_reason, "completed");
  ASSERT_EQ(issue->comments.size(), 1u);
  EXPECT_NE(issue->comments[0].body.find("No occurrences in the last 2 run"), std::string::npos);
  EXPECT_EQ(store->issue_link(kRepo, "aaa111")->state, "closed");
}

TEST_F(GitHubSinkTest, RelatedClustersAreCrossLinked) {
  auto s = sink();
  auto ctx = context(store.get());
  Report r = report({cluster("aaa111", 5, "P0", "ws"), cluster("bbb222", 5, "P1"), cluster("ccc333", 5, "P2", "ws")});
  r.incidents.push_back({"inc1", "connection main_c1", {"aaa111", "bbb222"}, {"connection=main_c1"}, 0, 0});
  write(*s, *ctx, r);
  auto body_of = [&](int i) { return gh.issue(kRepo, r.clusters[i].issue->number)->body; };
  auto num = [&](int i) { return "#" + std::to_string(r.clusters[i].issue->number); };
  auto related_a = section(body_of(0), "related");
  ASSERT_TRUE(related_a);
  EXPECT_NE(related_a->find(num(1)), std::string::npos);  // same incident
  EXPECT_NE(related_a->find(num(2)), std::string::npos);  // same module
  EXPECT_NE(section(body_of(1), "related")->find(num(0)), std::string::npos);
  EXPECT_EQ(section(body_of(1), "related")->find(num(2)), std::string::npos);
}

TEST_F(GitHubSinkTest, FloodGuardMinCountAndMinPriority) {
  auto s = sink({{"max_new_issues", 2}, {"min_count", 3}, {"min_priority", "P1"}});
  auto ctx = context(store.get());
  Report r = report({cluster("a1", 5, "P0"), cluster("a2", 5, "P1"), cluster("a3", 5, "P1"), cluster("rare", 2, "P0"),
                     cluster("low", 50, "P2")});
  write(*s, *ctx, r);
  EXPECT_EQ(gh.issues(kRepo).size(), 2u);
  EXPECT_EQ(r.clusters[2].issue->action, "skipped");
  EXPECT_FALSE(r.clusters[3].issue);
  EXPECT_FALSE(r.clusters[4].issue);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("max_new_issues"), std::string::npos);
}

TEST_F(GitHubSinkTest, AssigneesPerRuleAndUnknownAssigneeFallsBack) {
  gh.add_collaborator("alice");
  auto s = sink({{"assignees", {{"a1", {"alice"}}, {"a2", {"mallory"}}, {"a3", {"mallory", "alice", "eve"}}}}});
  auto ctx = context(store.get());
  Report r = report({cluster("a1", 5), cluster("a2", 5), cluster("a3", 5)});
  write(*s, *ctx, r);
  ASSERT_EQ(gh.issues(kRepo).size(), 3u);
  EXPECT_EQ(gh.issue(kRepo, r.clusters[0].issue->number)->assignees, std::vector<std::string>{"alice"});
  EXPECT_TRUE(gh.issue(kRepo, r.clusters[1].issue->number)->assignees.empty());
  // GitHub names the logins it refuses, one at a time: only those are dropped.
  EXPECT_EQ(gh.issue(kRepo, r.clusters[2].issue->number)->assignees, std::vector<std::string>{"alice"});
}

TEST_F(GitHubSinkTest, EnterprisePrefixAndEnvironmentSettings) {
  FakeGitHub ghes("/api/v3");
  ghes.add_repo(kRepo);
  ghes.add_token("env-token");
  ::setenv("GARDENER_GITHUB_API_URL", ghes.api_url().c_str(), 1);
  ::setenv("GH_TOKEN", "env-token", 1);
  auto s = testing::make_configured<GitHubIssuesSink>(Json{{"repo", kRepo}}, "issues");
  ::unsetenv("GARDENER_GITHUB_API_URL");
  ::unsetenv("GH_TOKEN");
  EXPECT_EQ(s->settings().api_url, ghes.api_url());
  testing::TestContext ctx;
  ctx.store = store.get();
  Report r = report({cluster("aaa111", 5)});
  write(*s, ctx, r);
  EXPECT_EQ(ghes.issues(kRepo).size(), 1u);
}

TEST_F(GitHubSinkTest, BadCredentialsFailWithAClearMessage) {
  auto s = sink({{"token", "wrong"}});
  auto ctx = context(store.get());
  Report r = report({cluster("aaa111", 5)});
  try {
    write(*s, *ctx, r);
    FAIL() << "expected a failure";
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("Bad credentials"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("token"), std::string::npos) << e.what();
  }
}

TEST_F(GitHubSinkTest, WorksWithoutAStateStore) {
  auto s = sink();
  testing::TestContext ctx;
  Report r1 = report({cluster("aaa111", 5)});
  write(*s, ctx, r1);
  Report r2 = report({cluster("aaa111", 5)}, 1);
  write(*s, ctx, r2);
  EXPECT_EQ(gh.issues(kRepo).size(), 1u);
  EXPECT_EQ(r2.clusters[0].issue->number, r1.clusters[0].issue->number);
}

TEST_F(GitHubSinkTest, PlanAgainstAnUnreachableApiWarnsButARealRunFails) {
  auto s = testing::make_configured<GitHubIssuesSink>(
      Json{{"repo", kRepo}, {"api_url", "http://127.0.0.1:9"}, {"token", kToken}, {"max_attempts", 2}}, "issues");
  testing::TestContext ctx;
  ctx.plan_mode = true;
  Report r = report({cluster("aaa111", 5)});
  write(*s, ctx, r);
  ASSERT_EQ(ctx.plan_actions.size(), 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("assumes"), std::string::npos);
  testing::TestContext real;
  Report r2 = report({cluster("aaa111", 5)});
  EXPECT_THROW(write(*s, real, r2), PluginError);
}

TEST_F(GitHubSinkTest, BadOptionsAreReportedByName) {
  EXPECT_THROW(testing::make_configured<GitHubIssuesSink>(options({{"repo", "no-slash"}})), ConfigurationError);
  EXPECT_THROW(testing::make_configured<GitHubIssuesSink>(options({{"on_recurrence", "sometimes"}})), ConfigurationError);
  EXPECT_THROW(testing::make_configured<GitHubIssuesSink>(options({{"api_url", "http://example.com"}})), ConfigurationError);
}

}  // namespace
}  // namespace gardener::github
