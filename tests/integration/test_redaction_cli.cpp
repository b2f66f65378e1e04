// Issue 4 end to end: `log-gardener redact` on a file of fake secrets prints none of them, and a
// pipeline with the `redact` transform writes none to its JSON report or Markdown worklog, while
// the Report counts the redactions per detector.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../data/redaction/fake_secrets.hpp"
#include "cli_helpers.hpp"
#include "test_context.hpp"

using namespace gardener::testing;

namespace {

std::string corpus_file(const TempDir& dir) {
  std::string text;
  for (const auto& line : read_corpus(std::string(GARDENER_SOURCE_DIR) + "/tests/data/redaction/corpus.txt"))
    text += line + "\n";
  write_file(dir.file("secrets.log"), text);
  return dir.file("secrets.log");
}

void expect_no_secret(const std::string& text, const std::string& where) {
  for (const auto& [name, value] : fake_secrets())
    EXPECT_EQ(text.find(secret_core(name, value)), std::string::npos) << name << " leaked into " << where;
}

TEST(RedactionCli, RedactCommandPrintsNoSecret) {
  TempDir dir;
  auto r = run_cli("redact", corpus_file(dir));
  ASSERT_EQ(r.rc, 0) << r.out;
  expect_no_secret(r.out, "log-gardener redact (stdout and stderr)");
  EXPECT_NE(r.out.find("[REDACTED:jwt]"), std::string::npos);
  EXPECT_NE(r.out.find("123e4567-e89b-12d3-a456-426614174000"), std::string::npos);  // a look-alike survives
}

TEST(RedactionCli, PipelineSinksReceiveNoSecret) {
  TempDir dir;
  write_file(dir.file("rules.toml"), "[[rule]]\nid = \"payments\"\ntitle = \"Payment failures\"\npriority = \"P1\"\n"
                                     "match.message = 'payments: '\n");
  write_file(dir.file("p.toml"), R"([pipeline]
name = "scrub"

[sources.in]
type = "stdin"

[transforms.scrub]
type = "redact"
inputs = ["in"]

[clusterers.rules]
type = "regex_rules"
inputs = ["scrub"]
rules = "rules.toml"

[clusterers.drain]
type = "drain"
inputs = ["rules"]

[sinks.json]
type = "json"
inputs = ["drain"]
path = "out/report.json"

[sinks.markdown]
type = "markdown"
inputs = ["json"]
path = "out/worklog.md"
)");
  auto r = run_cli("run " + dir.file("p.toml") + " --since 2000-01-01T00:00:00Z --until 2100-01-01T00:00:00Z",
                   corpus_file(dir));
  ASSERT_EQ(r.rc, 0) << r.out;
  expect_no_secret(r.out, "the run's output");
  std::string report = read_file(dir.file("out/report.json"));
  std::string worklog = read_file(dir.file("out/worklog.md"));
  ASSERT_FALSE(report.empty());
  ASSERT_FALSE(worklog.empty());
  expect_no_secret(report, "report.json");
  expect_no_secret(worklog, "worklog.md");
  auto j = nlohmann::json::parse(report);
  EXPECT_GE(j["redactions"].value("email", 0), 2) << j["redactions"].dump();
  EXPECT_GE(j["redactions"].value("iban", 0), 2) << j["redactions"].dump();
  EXPECT_GE(j["redactions"].value("github_token", 0), 1) << j["redactions"].dump();  // counts survive the sinks' pass
  bool rule_cluster = false;
  for (const auto& c : j["clusters"]) rule_cluster |= c.value("id", "") == "payments";
  EXPECT_TRUE(rule_cluster) << report.substr(0, 2000);
}

}  // namespace
