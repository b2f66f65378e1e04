// The shared conformance test every plugin passes (design.md §10): create from defaults, validate,
// run an empty and a one-line batch, shut down twice. Runs over every plugin in the build tree.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config_binding.hpp"
#include "loader.hpp"
#include "test_context.hpp"

using namespace gardener;
using gardener::testing::TempDir;
using gardener::testing::TestContext;

namespace {

Registry& registry() {
  static Registry r = [] {
    Registry reg;
    std::vector<std::string> errors;
    reg.load_directory(GARDENER_TEST_PLUGIN_DIR, errors);
    for (const auto& e : errors) ADD_FAILURE() << e;
    return reg;
  }();
  return r;
}

std::vector<std::string> plugin_keys() {
  std::vector<std::string> keys;
  for (const auto* p : registry().all()) keys.push_back(std::string(kind_name(p->info.kind)) + "_" + p->info.name);
  return keys;
}

// The least a plugin needs to be valid. Remote plugins point at a closed loopback port and are
// exercised in plan mode (sinks) or not run (remote sources): their own tests use the fakes.
Json minimal_options(const std::string& type, const TempDir& dir) {
  static const std::map<std::string, Json> table = {
      {"gcp_logging", {{"project", "conformance"}, {"endpoint", "http://127.0.0.1:9"}}},
      {"github_issues", {{"repo", "o/r"}, {"api_url", "http://127.0.0.1:9"}, {"token", "conformance"}}},
      {"slack", {{"webhook_url", "http://127.0.0.1:9/services/T/B/x"}}},
      {"json", {{"path", "out.json"}}},
      {"markdown", {{"path", "out.md"}}},
  };
  if (type == "file") return {{"path", dir.file("in.log")}};
  auto it = table.find(type);
  return it == table.end() ? Json::object() : it->second;
}

Record one_record() {
  Record r;
  r.timestamp_ns = 1'757'802'985'000'000'000;  // 2025-09-13T22:36:25Z
  r.severity = Severity::Error;
  r.message = "Connection to db-7 timed out after 30s";
  r.raw = R"({"severity":"ERROR","jsonPayload":{"message":"Connection to db-7 timed out after 30s"}})";
  r.module = "app.db";
  r.origin = "conformance:1";
  return r;
}

class Conformance : public ::testing::TestWithParam<std::string> {};

TEST_P(Conformance, LifecycleFromDefaults) {
  const LoadedPlugin* plugin = nullptr;
  for (const auto* p : registry().all())
    if (std::string(kind_name(p->info.kind)) + "_" + p->info.name == GetParam()) plugin = p;
  ASSERT_NE(plugin, nullptr);
  TempDir dir;
  { std::ofstream(dir.file("in.log")) << ""; }
  auto component = registry().create(*plugin, "conformance");

  std::vector<ConfigError> errors;
  Config cfg = bind_component_options(plugin->info, minimal_options(plugin->info.name, dir), "conformance", {}, errors,
                                      dir.path());
  ASSERT_TRUE(errors.empty()) << errors[0].path << ": " << errors[0].message;
  gardener::testing::CollectingDiagnostics diag;
  component->configure(cfg, diag);
  ASSERT_TRUE(diag.errors.empty()) << diag.text();
  for (const auto& o : plugin->info.options) EXPECT_FALSE(o.description.empty()) << o.name << " has no description";

  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.dir = dir.path();
  ctx.store = store.get();
  ctx.plan_mode = true;  // sinks announce instead of writing anywhere remote
  component->start(ctx);

  switch (plugin->info.kind) {
    case Kind::Source: {
      if (plugin->info.name == "gcp_logging" || plugin->info.name == "stdin") break;  // remote / stdin: own tests
      gardener::testing::CollectingEmitter empty;
      static_cast<Source*>(component.get())->run(ctx, empty);
      EXPECT_TRUE(empty.records.empty());
      break;
    }
    case Kind::Transform: {
      Batch empty, one;
      one.records.push_back(one_record());
      static_cast<Transform*>(component.get())->process(ctx, empty);
      static_cast<Transform*>(component.get())->process(ctx, one);
      EXPECT_EQ(one.records.size(), 1u);
      break;
    }
    case Kind::Clusterer: {
      Batch empty, one;
      one.records.push_back(one_record());
      auto* c = static_cast<Clusterer*>(component.get());
      c->process(ctx, empty);
      c->process(ctx, one);
      Report report;
      c->finish(ctx, report);
      uint64_t counted = report.lines_dropped;
      for (const auto& cl : report.clusters) counted += cl.count;
      bool claimed = !one.records[0].cluster_id.empty() || one.records[0].dropped;
      EXPECT_EQ(counted, claimed ? 1u : 0u) << "a claimed record must be counted exactly once";
      break;
    }
    case Kind::Sink: {
      Report empty;
      empty.pipeline = "conformance";
      static_cast<Sink*>(component.get())->write(ctx, empty);
      Report one = empty;
      one.lines_read = 1;
      Cluster c;
      c.id = "0123456789abcdef";
      c.title = "Connection timed out";
      c.template_text = "Connection to <*> timed out after <DURATION>";
      c.kind = "drain";
      c.priority = "P2";
      c.count = 1;
      one.clusters.push_back(c);
      static_cast<Sink*>(component.get())->write(ctx, one);
      break;
    }
  }
  component->shutdown();
  component->shutdown();
}

INSTANTIATE_TEST_SUITE_P(EveryPlugin, Conformance, ::testing::ValuesIn(plugin_keys()));
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Conformance);

}  // namespace
