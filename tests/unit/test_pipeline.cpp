// Pipeline files, option binding and graph checks (no plugins needed: instantiate=false).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "config_binding.hpp"
#include "pipeline.hpp"

using namespace gardener;

namespace {

PluginInfo drain_like() {
  PluginInfo info;
  info.kind = Kind::Clusterer;
  info.name = "drainish";
  info.options = {
      {"threshold", OptionType::Double, 0.8, "similarity", false, double_range(0, 1)},
      {"depth", OptionType::Int, 4, "tree depth", false, int_range(3, 10)},
      {"token", OptionType::Secret, nullptr, "a secret", false, {}},
      {"lookback", OptionType::Duration, "6h", "how far back", false, {}},
      {"mode", OptionType::String, "learn", "mode", false, one_of({"learn", "match"})},
      {"repo", OptionType::String, nullptr, "owner/name", true, {}},
      {"labels", OptionType::StringList, Json::array(), "labels", false, {}},
  };
  return info;
}

std::vector<ConfigError> check(const std::string& toml) {
  std::vector<ConfigError> errors;
  auto spec = parse_pipeline_text(toml, "p.toml", ".", errors);
  if (errors.empty()) build_pipeline(spec, Registry{}, errors, /*instantiate=*/false);
  return errors;
}

bool has(const std::vector<ConfigError>& errors, const std::string& needle) {
  for (const auto& e : errors)
    if ((e.location + " " + e.path + " " + e.message).find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(Binding, UnknownKeySuggestsTheClosestAndListsAllowed) {
  std::vector<ConfigError> errors;
  bind_component_options(drain_like(), Json{{"treshold", 0.5}, {"repo", "a/b"}}, "clusterers.drain", {}, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("did you mean `threshold`?"), std::string::npos) << errors[0].message;
  EXPECT_NE(errors[0].message.find("allowed: threshold, depth"), std::string::npos);
  EXPECT_EQ(errors[0].path, "clusterers.drain.treshold");
}

TEST(Binding, AMissingPrefixStillFindsTheOption) {
  EXPECT_EQ(did_you_mean("treshold", {"depth", "sim_threshold", "max_children"}), "sim_threshold");
  EXPECT_EQ(did_you_mean("chldren", {"depth", "sim_threshold", "max_children"}), "max_children");
  EXPECT_EQ(did_you_mean("colour", {"depth", "sim_threshold"}), "");
}

TEST(Binding, TypesDefaultsValidatorsAndRequired) {
  std::vector<ConfigError> errors;
  Config c = bind_component_options(drain_like(), Json{{"depth", "four"}, {"mode", "guess"}, {"threshold", 2.0}},
                                    "x", {}, errors);
  EXPECT_EQ(errors.size(), 4u);  // depth type, mode not allowed, threshold range, repo missing
  EXPECT_TRUE(has(errors, "expected a integer") || has(errors, "expected a integer for `depth`"));
  EXPECT_TRUE(has(errors, "`guess` is not one of: learn, match"));
  EXPECT_TRUE(has(errors, "out of range"));
  EXPECT_TRUE(has(errors, "missing required option `repo`"));
  errors.clear();
  c = bind_component_options(drain_like(), Json{{"repo", "a/b"}, {"labels", "one"}}, "x", {}, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(c.get_duration_ns("lookback"), 6LL * 3600 * kNsPerSecond);
  EXPECT_EQ(c.get_int("depth"), 4);
  EXPECT_EQ(c.get_list("labels"), std::vector<std::string>{"one"});
  EXPECT_FALSE(c.has("token"));
}

TEST(Binding, EnvironmentInterpolationAndSecretFiles) {
  setenv("GARDENER_TEST_REPO", "org/repo", 1);
  unsetenv("GARDENER_TEST_UNSET");
  std::vector<ConfigError> errors;
  Config c = bind_component_options(drain_like(), Json{{"repo", "${GARDENER_TEST_REPO}"}, {"mode", "${GARDENER_TEST_UNSET:-match}"}},
                                    "x", {}, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(c.get_string("repo"), "org/repo");
  EXPECT_EQ(c.get_string("mode"), "match");
  bind_component_options(drain_like(), Json{{"repo", "${GARDENER_TEST_UNSET}"}}, "x", {}, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("GARDENER_TEST_UNSET"), std::string::npos);

  char path[] = "/tmp/gardener-secret-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, "s3cr3t\n", 7), 7);
  close(fd);
  errors.clear();
  c = bind_component_options(drain_like(), Json{{"repo", "a/b"}, {"token_file", path}}, "x", {}, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(c.get_string("token"), "s3cr3t");
  unlink(path);
}

TEST(Pipeline, EveryGraphErrorIsReportedWithItsLocation) {
  auto errors = check(R"([pipeline]
name = "p"
[sources.in]
type = "file"
[transforms.a]
type = "redact"
inputs = ["b"]
[transforms.b]
type = "template"
inputs = ["a"]
[clusterers.drain]
type = "drain"
inputs = ["in", "b", "nowhere"]
[sinks.out]
type = "json"
inputs = ["drian"]
)");
  EXPECT_TRUE(has(errors, "unknown input `nowhere`")) << format_errors(errors);
  EXPECT_TRUE(has(errors, "unknown input `drian`; did you mean `drain`?")) << format_errors(errors);
  EXPECT_TRUE(has(errors, "cycle: a → b → a") || has(errors, "cycle: b → a → b")) << format_errors(errors);
  EXPECT_TRUE(has(errors, "p.toml:13:")) << format_errors(errors);  // the inputs line of drain
  EXPECT_TRUE(has(errors, "clusterer `drain` is an orphan")) << format_errors(errors);
}

TEST(Pipeline, KindOrderAndSourceInputs) {
  auto errors = check(R"([pipeline]
name = "p"
[sources.in]
type = "stdin"
inputs = ["x"]
[clusterers.c]
type = "drain"
inputs = ["in"]
[transforms.t]
type = "template"
inputs = ["c"]
[sinks.s]
type = "json"
inputs = ["t"]
[sinks.lonely]
type = "json"
)");
  EXPECT_TRUE(has(errors, "source `in` takes no inputs")) << format_errors(errors);
  EXPECT_TRUE(has(errors, "transform `t` cannot read from clusterer `c`")) << format_errors(errors);
  EXPECT_TRUE(has(errors, "sink `lonely` has no inputs")) << format_errors(errors);
}

TEST(Pipeline, ClustererAfterClustererAndSinkAfterSinkAreFine) {
  auto errors = check(R"([pipeline]
name = "p"
[sources.in]
type = "stdin"
[clusterers.rules]
type = "regex_rules"
inputs = ["in"]
[clusterers.drain]
type = "drain"
inputs = ["rules"]
[sinks.issues]
type = "github_issues"
inputs = ["drain"]
[sinks.worklog]
type = "markdown"
inputs = ["issues"]
)");
  EXPECT_TRUE(errors.empty()) << format_errors(errors);
}

TEST(Pipeline, BrokenTomlIsLocated) {
  std::vector<ConfigError> errors;
  parse_pipeline_text("[pipeline]\nname = \"x\"\n[sources.a\ntype = 1\n", "bad.toml", ".", errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].location.find("bad.toml:3:"), std::string::npos) << errors[0].location;
  EXPECT_NE(errors[0].message.find("not valid TOML"), std::string::npos);
}

TEST(Pipeline, UnknownTablesAndPipelineKeys) {
  auto errors = check("[pipeline]\nname = \"p\"\nstat = \"x.db\"\n[sink.x]\ntype=\"json\"\n");
  EXPECT_TRUE(has(errors, "unknown option `stat` in [pipeline]; did you mean `state`?")) << format_errors(errors);
  EXPECT_TRUE(has(errors, "unknown table [sink]; did you mean [sinks]?")) << format_errors(errors);
}

// `validate` checks [pipeline.analysis] as `run` does, each error at its key.
TEST(Pipeline, AnalysisSettingsAreCheckedAndLocated) {
  std::vector<ConfigError> errors;
  parse_pipeline_text("[pipeline]\nname = \"p\"\n[pipeline.analysis]\nincident_span = \"soon\"\nbogus = 1\n", "a.toml",
                      ".", errors);
  ASSERT_EQ(errors.size(), 2u) << format_errors(errors);
  std::vector<std::string> paths{errors[0].path, errors[1].path};
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(paths, (std::vector<std::string>{"pipeline.analysis.bogus", "pipeline.analysis.incident_span"}));
  for (const auto& e : errors) EXPECT_NE(e.location.find("a.toml:"), std::string::npos) << e.path << " " << e.location;
}

TEST(Pipeline, ADirectoryIsNoPipelineFile) {
  std::vector<ConfigError> errors;
  parse_pipeline_file(".", errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("is a directory"), std::string::npos) << errors[0].message;
}

TEST(Pipeline, DotGraph) {
  std::vector<ConfigError> errors;
  auto spec = parse_pipeline_text("[pipeline]\nname=\"g\"\n[sources.a]\ntype=\"stdin\"\n[sinks.b]\ntype=\"json\"\ninputs=[\"a\"]\n",
                                  "g.toml", ".", errors);
  std::string dot = pipeline_dot(spec);
  EXPECT_NE(dot.find("\"a\" -> \"b\""), std::string::npos) << dot;
}
