// The `regex_rules` clusterer: the worklog example rule, rule semantics (order, tagging, drop,
// labels, severity), errors with file:line:col, and the multi-pattern matcher against a naive
// one-rule-at-a-time RE2 evaluation.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <fstream>
#include <map>
#include <random>

#include "rules_clusterer.hpp"
#include "test_context.hpp"

namespace gardener::regex_rules {
namespace {

using testing::make_configured;
using testing::TempDir;
using testing::TestContext;

const std::string kData = std::string(GARDENER_SOURCE_DIR) + "/plugins/clusterer_regex_rules/tests/data/";

/// The example worklog's key entries (severity, message, context.name, labels.module/function).
std::vector<Record> worklog_records() {
  std::ifstream in(kData + "worklog-example-entries.jsonl");
  std::vector<Record> out;
  for (std::string line; std::getline(in, line);) {
    Json j = Json::parse(line);
    Record r;
    r.severity = parse_severity(j.value("severity", "DEFAULT")).value_or(Severity::Default);
    r.message = j.value("message", "");
    if (j.contains("context")) r.logger = j["context"].value("name", "");
    if (j.contains("labels")) {
      r.module = j["labels"].value("module", "");
      r.function = j["labels"].value("function", "");
    }
    r.raw = line;
    out.push_back(std::move(r));
  }
  return out;
}

Batch batch_of(std::vector<Record> records) { return Batch{std::move(records)}; }

Record rec(std::string message, Severity s = Severity::Error, std::string module = "") {
  Record r;
  r.message = std::move(message);
  r.severity = s;
  r.module = std::move(module);
  return r;
}

TEST(RegexRules, WorklogExampleRuleClaimsExactlyItsTwoEntries) {
  auto c = make_configured<RulesClusterer>({{"rules", kData + "netra-rules.toml"}}, "rules");
  TestContext ctx;
  Batch batch = batch_of(worklog_records());
  ASSERT_EQ(batch.records.size(), 11u);
  c->process(ctx, batch);
  std::vector<size_t> claimed;
  for (size_t i = 0; i < batch.records.size(); ++i)
    if (!batch.records[i].cluster_id.empty()) claimed.push_back(i);
  // Entry 0 ("WebSocket manager creation failed") would need a third pattern.
  EXPECT_EQ(claimed, (std::vector<size_t>{1, 2}));
  EXPECT_EQ(batch.records[1].cluster_id, "websocket-factory-ssot");

  Report report;
  c->finish(ctx, report);
  ASSERT_EQ(report.clusters.size(), 1u);
  const Cluster& cl = report.clusters[0];
  EXPECT_EQ(cl.id, "websocket-factory-ssot");
  EXPECT_EQ(cl.title, "WebSocket Manager Factory SSOT Violations");
  EXPECT_EQ(cl.kind, "rule");
  EXPECT_EQ(cl.priority, "P0");
  EXPECT_EQ(cl.priority_reasons, (std::vector<std::string>{"rule websocket-factory-ssot"}));
  EXPECT_EQ(cl.impact, "WebSocket factory failures force emergency fallbacks on the golden path.");
  EXPECT_EQ(cl.labels, (std::vector<std::string>{"websocket", "golden-path"}));
  EXPECT_EQ(cl.count, 2u);
  EXPECT_EQ(cl.source_component, "rules");
  EXPECT_EQ(report.lines_dropped, 0u);
}

Json rule(const std::string& id, Json match, Json extra = Json::object()) {
  Json r = {{"id", id}, {"match", std::move(match)}};
  for (auto it = extra.begin(); it != extra.end(); ++it) r[it.key()] = it.value();
  return r;
}

TEST(RegexRules, FirstMatchWinsTaggingDropAndCoverage) {
  Json rules = Json::array({
      rule("tag-db", {{"message", "(?i)database"}}, {{"exclusive", false}, {"labels", {"db"}}}),
      rule("healthz", {{"message", "GET /healthz"}}, {{"action", "drop"}}),
      rule("db-timeout", {{"message", {"db timeout", "(?i)database timed out"}}}, {{"priority", "P1"}}),
      rule("any-timeout", {{"message", "timeout|timed out"}}),
      rule("tag-late", {{"message", "timed out"}}, {{"exclusive", false}}),
  });
  auto c = make_configured<RulesClusterer>({{"rule", rules}});
  TestContext ctx;
  Batch batch = batch_of({rec("Database timed out after 3s"), rec("GET /healthz 200"), rec("upstream timed out"),
                          rec("nothing to see"), rec("database is fine")});
  c->process(ctx, batch);
  const auto& r = batch.records;
  EXPECT_EQ(r[0].cluster_id, "db-timeout");
  EXPECT_EQ(r[0].tags, (std::vector<std::string>{"db"}));
  EXPECT_TRUE(r[1].dropped);
  EXPECT_EQ(r[1].cluster_id, "");
  EXPECT_EQ(r[2].cluster_id, "any-timeout");
  EXPECT_TRUE(r[2].tags.empty());  // tag-late comes after the claiming rule
  EXPECT_EQ(r[3].cluster_id, "");
  EXPECT_EQ(r[4].cluster_id, "");
  EXPECT_EQ(r[4].tags, (std::vector<std::string>{"db"}));

  Report report;
  c->finish(ctx, report);
  EXPECT_EQ(report.lines_dropped, 1u);
  uint64_t clustered = 0;
  for (const auto& cl : report.clusters) clustered += cl.count;
  EXPECT_EQ(report.clusters.size(), 2u);  // no cluster for tagging or drop rules
  EXPECT_EQ(clustered + report.lines_dropped + 2 /*unclaimed*/, batch.records.size());
  EXPECT_EQ(ctx.metrics["dropped.healthz"], 1.0);
}

TEST(RegexRules, AllConditionsMustHoldOnEveryField) {
  Json rules = Json::array({rule("svc", {{"message", "failed"},
                                         {"severity", "ERROR|CRITICAL"},
                                         {"function", "^handle_"},
                                         {"logger", "payments"},
                                         {"resource", {{"service_name", "^netra-backend"}}},
                                         {"labels", {{"env", "staging"}}}})});
  auto c = make_configured<RulesClusterer>({{"rule", rules}});
  TestContext ctx;
  Record good = rec("charge failed", Severity::Error);
  good.function = "handle_charge";
  good.logger = "app.payments";
  good.resource_labels = {{"service_name", "netra-backend-staging"}};
  good.labels = {{"env", "staging"}};
  std::vector<Record> rs(6, good);
  rs[1].severity = Severity::Warning;
  rs[2].function = "retry_handle_charge";
  rs[3].logger = "app.users";
  rs[4].resource_labels = {{"service_name", "netra-frontend"}};
  rs[5].labels = {};
  Batch batch = batch_of(rs);
  c->process(ctx, batch);
  EXPECT_EQ(batch.records[0].cluster_id, "svc");
  for (size_t i = 1; i < rs.size(); ++i) EXPECT_EQ(batch.records[i].cluster_id, "") << i;
}

TEST(RegexRules, MinSeverityAndCaseSensitivity) {
  Json rules = Json::array({rule("w", {{"message", "Disk"}}, {{"min_severity", "WARNING"}})});
  auto c = make_configured<RulesClusterer>({{"rule", rules}});
  TestContext ctx;
  Batch batch = batch_of({rec("Disk full", Severity::Info), rec("Disk full", Severity::Warning), rec("disk full")});
  c->process(ctx, batch);
  EXPECT_EQ(batch.records[0].cluster_id, "");
  EXPECT_EQ(batch.records[1].cluster_id, "w");
  EXPECT_EQ(batch.records[2].cluster_id, "");  // case-sensitive unless (?i)
}

TEST(RegexRules, ClaimedRecordsAreNotReclaimed) {
  auto c = make_configured<RulesClusterer>({{"rule", Json::array({rule("x", {{"message", "a"}})})}});
  TestContext ctx;
  Batch batch = batch_of({rec("a"), rec("a")});
  batch.records[0].cluster_id = "earlier";
  c->process(ctx, batch);
  EXPECT_EQ(batch.records[0].cluster_id, "earlier");
  EXPECT_EQ(batch.records[1].cluster_id, "x");
}

std::string config_error(const Json& options) {
  try {
    make_configured<RulesClusterer>(options);
  } catch (const ConfigurationError& e) {
    return e.what();
  }
  return "";
}

TEST(RegexRules, InlineRuleErrorsNameTheRulePath) {
  Json rules = Json::array({rule("a", {{"module", "(unclosed"}}), rule("a", {{"message", "x"}}),
                            rule("b", {{"mesage", "x"}}), rule("c", {{"message", "x"}}, {{"priority", "P7"}}),
                            Json{{"title", "no id"}, {"match", {{"message", "y"}}}}, Json{{"id", "e"}}});
  std::string err = config_error({{"rule", rules}});
  EXPECT_NE(err.find("rule[0].match.module"), std::string::npos) << err;
  EXPECT_NE(err.find("invalid regex"), std::string::npos) << err;
  EXPECT_NE(err.find("unknown match field `mesage`"), std::string::npos) << err;
  EXPECT_NE(err.find("unknown priority `P7`"), std::string::npos) << err;
  EXPECT_NE(err.find("rule[4].id"), std::string::npos) << err;
  EXPECT_NE(err.find("rule `e` matches every line"), std::string::npos) << err;
}

TEST(RegexRules, RuleFileErrorsCarryFileLineAndColumn) {
  TempDir dir;
  std::ofstream(dir.file("bad.toml")) << "[[rule]]\n"
                                         "id = \"one\"\n"
                                         "match.message = 'ok'\n"
                                         "\n"
                                         "[[rule]]\n"
                                         "id = \"two\"\n"
                                         "match.module = '(broken'\n"
                                         "priority = \"urgent\"\n"
                                         "colour = \"red\"\n"
                                         "\n"
                                         "[[rule]]\n"
                                         "id = \"one\"\n"
                                         "match.message = 'dup'\n";
  std::string err = config_error({{"rules", dir.file("bad.toml")}});
  std::string file = dir.file("bad.toml");
  EXPECT_NE(err.find(file + ":7:7: rule[1].match.module"), std::string::npos) << err;
  EXPECT_NE(err.find(file + ":8:1: rule[1].priority: unknown priority `urgent`"), std::string::npos) << err;
  EXPECT_NE(err.find(file + ":9:1: rule[1].colour"), std::string::npos) << err;
  EXPECT_NE(err.find(file + ":12:1: rule[2].id: duplicate rule id `one`"), std::string::npos) << err;

  std::ofstream(dir.file("syntax.toml")) << "[[rule]]\nid = \"x\nmatch.message = 'a'\n";
  err = config_error({{"rules", dir.file("syntax.toml")}});
  EXPECT_NE(err.find(dir.file("syntax.toml") + ":2:"), std::string::npos) << err;

  err = config_error({{"rules", dir.file("missing.toml")}});
  EXPECT_NE(err.find("cannot read rule file"), std::string::npos) << err;
}

TEST(RegexRules, RelativeRuleFilesResolveAgainstThePipelineDirectory) {
  TempDir dir;
  std::filesystem::create_directories(dir.file("rules"));
  std::ofstream(dir.file("rules/known.toml")) << "[[rule]]\nid = \"k\"\nmatch.message = 'known'\n";
  auto c = make_configured<RulesClusterer>({{"rules", "rules/known.toml"}}, "rules", dir.path());
  TestContext ctx;
  c->start(ctx);
  Batch batch = batch_of({rec("a known problem")});
  c->process(ctx, batch);
  EXPECT_EQ(batch.records[0].cluster_id, "k");

  // A missing file is a configuration error (found by `validate`), naming the resolved path.
  try {
    make_configured<RulesClusterer>({{"rules", "rules/nowhere.toml"}}, "rules", dir.path());
    FAIL() << "a missing rule file must be a configuration error";
  } catch (const ConfigurationError& e) {
    EXPECT_NE(std::string(e.what()).find("nowhere.toml"), std::string::npos) << e.what();
  }
}

/// The multi-pattern matcher agrees with evaluating each rule with RE2, in order.
TEST(RegexRules, MatcherAgreesWithNaiveEvaluationOnManyRules) {
  std::mt19937 rng(42);
  std::vector<std::string> words = {"timeout", "refused", "disk", "full", "auth", "token", "expired", "retry",
                                    "db",      "cache",   "miss", "slow", "GET",  "POST",  "500",     "404"};
  auto word = [&] { return words[rng() % words.size()]; };
  std::vector<Rule> rules;
  for (int i = 0; i < 300; ++i) {
    Rule r;
    r.id = "r" + std::to_string(i);
    r.exclusive = rng() % 5 != 0;
    r.conditions.push_back({"message", {word() + ".*" + word(), "(?i)" + word() + " " + word()}});
    if (rng() % 3 == 0) r.conditions.push_back({"module", {"^mod" + std::to_string(rng() % 4)}});
    if (rng() % 7 == 0) r.min_severity = Severity::Warning;
    rules.push_back(r);
  }
  RuleSet set(rules);
  RuleSet::Matcher matcher(set);
  std::map<std::string, std::unique_ptr<RE2>> compiled;
  auto re = [&](const std::string& p) -> const RE2& {
    auto& slot = compiled[p];
    if (!slot) slot = std::make_unique<RE2>(p);
    return *slot;
  };
  Verdict v;
  for (int n = 0; n < 3000; ++n) {
    Record r = rec(word() + " " + word() + " " + word() + " " + word(), rng() % 2 ? Severity::Error : Severity::Info,
                   "mod" + std::to_string(rng() % 5));
    matcher.match(r, v);
    int expected = -1;
    std::vector<uint32_t> tags;
    for (uint32_t i = 0; i < rules.size() && expected < 0; ++i) {
      bool ok = !rules[i].min_severity || r.severity >= *rules[i].min_severity;
      for (const auto& [field, patterns] : rules[i].conditions) {
        bool any = false;
        for (const auto& p : patterns) any |= RE2::PartialMatch(std::string(field_value(r, field)), re(p));
        ok &= any;
      }
      if (!ok) continue;
      if (rules[i].exclusive)
        expected = static_cast<int>(i);
      else
        tags.push_back(i);
    }
    ASSERT_EQ(v.claimed, expected) << r.message << " / " << r.module;
    ASSERT_EQ(v.tagging, tags) << r.message;
  }
}

}  // namespace
}  // namespace gardener::regex_rules
