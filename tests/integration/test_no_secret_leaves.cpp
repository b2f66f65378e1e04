// Issue 4's guarantee end to end: the redaction corpus goes through `log-gardener run` with every
// kind of sink (GitHub issues and Slack against the in-process fakes, JSON report, Markdown
// worklog), and no fake secret, nor a distinctive part of one, reaches any of their outputs or the
// CLI's own output. Run once with the `redact` transform and once without it, where the sinks'
// last line of defence alone must hold. Look-alikes must survive, so the test can fail both ways.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "../data/redaction/fake_secrets.hpp"
#include "cli_helpers.hpp"
#include "fake_github.hpp"
#include "fake_slack.hpp"
#include "test_context.hpp"

using namespace gardener::testing;
using gardener::fakes::FakeGitHub;
using gardener::fakes::FakeSlack;
using Json = nlohmann::json;

namespace {

const char* kRepo = "netra/netra-core";
const char* kGitHubToken = "leak-test-token";

std::string data_path(const std::string& name) { return std::string(GARDENER_SOURCE_DIR) + "/tests/data/redaction/" + name; }

// Prefixes that are public shape, not secret: the part after them is checked on its own.
// (Split literals, as in fake_secrets.hpp, so no secret scanner flags this file.)
const std::map<std::string, std::string>& public_prefixes() {
  static const std::map<std::string, std::string> p = {
      {"github", std::string("gh") + "p_"}, {"github_pat", std::string("github") + "_pat_"},
      {"gitlab", std::string("gl") + "pat-"}, {"slack_token", std::string("xo") + "xb-"},
      {"stripe", std::string("sk") + "_live_"}, {"google", std::string("AI") + "za"}, {"aws_access", std::string("AK") + "IA"},
      {"bearer", "Zq8"}, {"url_password", "pw"}, {"password", "Hunter2-"}, {"secret", "s3cr"}, {"api_key", "k9"},
      {"vendor_token", "vt7"}, {"json_key_secret", "jk4"}};
  return p;
}

/// What must never be printed of one fake: the value (its core for a PEM block), the part after
/// a public prefix, both halves, every run of 12+ letters and digits (found even when a sink
/// URL- or JSON-escapes the rest), and for an e-mail address its local part.
std::set<std::string> fragments(const std::string& name, const std::string& value) {
  std::string core = secret_core(name, value);
  std::set<std::string> out{core};
  if (auto it = public_prefixes().find(name); it != public_prefixes().end()) out.insert(core.substr(it->second.size()));
  if (name == "email") {
    out.insert(core.substr(0, core.find('@')));
  } else if (core.size() >= 16) {
    out.insert(core.substr(0, core.size() / 2));
    out.insert(core.substr(core.size() / 2));
  }
  for (size_t i = 0, j; i < core.size(); i = j + 1) {
    for (j = i; j < core.size() && std::isalnum(static_cast<unsigned char>(core[j])); ++j) {
    }
    if (j - i >= 12) out.insert(core.substr(i, j - i));
  }
  return out;
}

/// Every place a secret showed up in `text`, as "name (fragment)".
std::vector<std::string> leaks_in(const std::string& text) {
  std::vector<std::string> found;
  for (const auto& [name, value] : fake_secrets())
    for (const auto& f : fragments(name, value))
      if (text.find(f) != std::string::npos) found.push_back(name + " (" + f + ")");
  return found;
}

#define EXPECT_NO_LEAK(text, where)                                                      \
  do {                                                                                   \
    auto leaks_ = leaks_in(text);                                                        \
    EXPECT_TRUE(leaks_.empty()) << (where) << " holds: " << ::testing::PrintToString(leaks_); \
  } while (0)

/// The corpus with every fake filled in: all lines in secrets.all (for the CLI filters), and split
/// into secrets.log (text lines) and secrets.jsonl (JSON lines) for the pipeline's file source.
std::string materialise_corpus(const TempDir& dir) {
  std::string all, text, jsonl;
  for (const auto& line : read_corpus(data_path("corpus.txt"))) {
    all += line + "\n";
    (line.starts_with("{") ? jsonl : text) += line + "\n";
  }
  write_file(dir.file("secrets.log"), text);
  write_file(dir.file("secrets.jsonl"), jsonl);
  write_file(dir.file("secrets.all"), all);
  return dir.file("secrets.all");
}

std::string pipeline(bool with_redact, const FakeSlack& slack) {
  std::string first = with_redact ? "scrub" : "in";
  std::string toml = R"([pipeline]
name = "no-secret-leaves"
service = "netra-backend-staging"

[sources.in]
type = "file"
path = ["secrets.log", "secrets.jsonl"]
log_format = "<Timestamp> <Level> <Component>: <Content>"
)";
  if (with_redact) toml += "\n[transforms.scrub]\ntype = \"redact\"\ninputs = [\"in\"]\n";
  toml += R"(
[transforms.mask]
type = "template"
inputs = [")" + first + R"("]

[clusterers.rules]
type = "regex_rules"
inputs = ["mask"]
rules = "rules.toml"

[clusterers.drain]
type = "drain"
inputs = ["rules"]

[sinks.issues]
type = "github_issues"
inputs = ["drain"]
repo = ")" + std::string(kRepo) + R"("
mutation_interval = "10ms"
max_samples = 20

[sinks.digest]
type = "slack"
inputs = ["issues"]
webhook_url = ")" + slack.webhook_url() + R"("
min_interval = "10ms"

[sinks.threads]
type = "slack"
inputs = ["digest"]
token = ")" + std::string(FakeSlack::kToken) + R"("
channel = ")" + std::string(FakeSlack::kChannel) + R"("
thread_per_cluster = true
min_interval = "10ms"

[sinks.json]
type = "json"
inputs = ["threads"]
path = "out/report.json"

[sinks.markdown]
type = "markdown"
inputs = ["json"]
path = "out/worklog.md"
max_entries = 20
)";
  return toml;
}

// Rules that claim lines of several shapes, so rule clusters carry secret-bearing samples too.
const char* kRules = R"([[rule]]
id = "payments"
title = "Payment failures"
priority = "P1"
match.message = ['charge declined', 'refund to', 'SEPA mandate']

[[rule]]
id = "auth"
title = "Authentication failures"
priority = "P0"
match.message = ['login failed', 'refresh failed', 'USER AUTO-CREATED']
)";

class NoSecretLeaves : public ::testing::Test {
 protected:
  FakeGitHub github;
  FakeSlack slack;
  TempDir dir;

  void SetUp() override {
    github.add_repo(kRepo);
    github.add_token(kGitHubToken);
    ::setenv("GARDENER_GITHUB_TOKEN", kGitHubToken, 1);
    ::setenv("GARDENER_GITHUB_API_URL", github.api_url().c_str(), 1);
    ::setenv("GARDENER_SLACK_API_URL", slack.api_url().c_str(), 1);
    materialise_corpus(dir);
    write_file(dir.file("rules.toml"), kRules);
  }
  void TearDown() override {
    ::unsetenv("GARDENER_GITHUB_TOKEN");
    ::unsetenv("GARDENER_GITHUB_API_URL");
    ::unsetenv("GARDENER_SLACK_API_URL");
  }

  CliResult run(bool with_redact) {
    write_file(dir.file("p.toml"), pipeline(with_redact, slack));
    return run_cli("run " + dir.file("p.toml") + " --since 2000-01-01T00:00:00Z --until 2100-01-01T00:00:00Z --state " +
                   dir.file("state.db"));
  }

  // Everything GitHub was sent: paths, queries and bodies (titles, issue bodies, comments).
  std::string github_traffic() const {
    std::string all;
    for (const auto& r : github.requests()) all += r.method + " " + r.path + "?" + r.query + "\n" + r.body + "\n";
    return all;
  }
  std::string slack_traffic() const {
    std::string all;
    for (const auto& m : slack.messages()) all += m.path + "\n" + m.payload.dump() + "\n";
    return all;
  }

  // Runs the pipeline and checks every output; returns the report for further checks.
  Json run_and_check(bool with_redact) {
    auto r = run(with_redact);
    EXPECT_EQ(r.rc, 0) << r.out;
    EXPECT_NO_LEAK(r.out, "the run's stdout/stderr");
    std::string report = read_file(dir.file("out/report.json"));
    std::string worklog = read_file(dir.file("out/worklog.md"));
    EXPECT_FALSE(report.empty());
    EXPECT_FALSE(worklog.empty());
    EXPECT_NO_LEAK(report, "report.json");
    EXPECT_NO_LEAK(worklog, "worklog.md");
    EXPECT_GE(github.issues(kRepo).size(), 2u) << r.out;
    EXPECT_NO_LEAK(github_traffic(), "requests to GitHub");
    EXPECT_GE(slack.accepted().size(), 2u) << r.out;
    EXPECT_NO_LEAK(slack_traffic(), "Slack payloads");
    expect_lookalikes_survive(report, worklog);
    return report.empty() ? Json() : Json::parse(report);
  }

  // Values that only look like secrets reach the outputs unchanged: an over-eager redactor fails.
  void expect_lookalikes_survive(const std::string& report, const std::string& worklog) const {
    std::string issues;
    for (const auto& i : github.issues(kRepo)) issues += i.title + "\n" + i.body + "\n";
    for (const char* v : {"123e4567-e89b-12d3-a456-426614174000", "5a1f3c9e2b7d4f60a1b2c3d4e5f60718",
                          "sha256-4f2a9c1e0b7d.tar.gz", "ord_8c1e2f3a", "netra/1.4.2"}) {
      EXPECT_NE(report.find(v), std::string::npos) << v << " was redacted from report.json";
      EXPECT_NE(worklog.find(v), std::string::npos) << v << " was redacted from worklog.md";
      EXPECT_NE(issues.find(v), std::string::npos) << v << " was redacted from the GitHub issues";
    }
  }
};

TEST_F(NoSecretLeaves, WithTheRedactTransformNoOutputHoldsASecret) {
  Json report = run_and_check(true);
  ASSERT_TRUE(report.is_object());
  EXPECT_GE(report["redactions"].value("jwt", 0), 1) << report["redactions"].dump();
  std::set<std::string> ids;
  for (const auto& c : report["clusters"]) ids.insert(c.value("id", ""));
  EXPECT_TRUE(ids.count("payments") && ids.count("auth")) << report["clusters"].dump().substr(0, 2000);
  // Redacted before clustering: the state store never saw a secret either.
  EXPECT_NO_LEAK(read_file(dir.file("state.db")), "the state store");
}

TEST_F(NoSecretLeaves, WithoutTheRedactTransformTheSinksStillKeepEverySecretOut) {
  Json report = run_and_check(false);
  ASSERT_TRUE(report.is_object());
  // The secrets did reach the sinks' input, and the sinks' own pass replaced them.
  EXPECT_TRUE(report["redactions"].empty()) << report["redactions"].dump();
  EXPECT_NE(report.dump().find("[REDACTED:jwt]"), std::string::npos);
}

// The CLI's filters print no secret on stdout or stderr.
TEST(NoSecretLeavesCli, RedactAndRulesTestPrintNoSecret) {
  TempDir dir;
  std::string corpus = materialise_corpus(dir);
  auto redact = run_cli("redact", corpus);
  EXPECT_EQ(redact.rc, 0) << redact.out;
  EXPECT_NO_LEAK(redact.out, "log-gardener redact");
  EXPECT_NE(redact.out.find("5a1f3c9e2b7d4f60a1b2c3d4e5f60718"), std::string::npos) << redact.out;
  auto rules = run_cli("rules test " + std::string(GARDENER_SOURCE_DIR) + "/pipelines/rules/netra.toml", corpus);
  EXPECT_EQ(rules.rc, 0) << rules.out;
  EXPECT_FALSE(rules.out.empty());
  EXPECT_NO_LEAK(rules.out, "log-gardener rules test");
}

}  // namespace
