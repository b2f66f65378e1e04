// The command line end to end: validate, graph, plugins, run (demo, plan, failures, signals).
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>
#include <vector>

#include <gardener/version.hpp>

#include <nlohmann/json.hpp>

#include "cli_helpers.hpp"
#include "test_context.hpp"

using namespace gardener::testing;
namespace fs = std::filesystem;

namespace {

const char* kBrokenPipeline = R"([pipeline]
name = "broken"

[sources.logs]
type = "stdin"

[transforms.mask]
type = "template"
inputs = ["tidy"]

[transforms.tidy]
type = "redact"
inputs = ["mask"]

[clusterers.drain]
type = "drain"
inputs = ["mask", "logz"]
treshold = 0.5

[sinks.out]
type = "json"
inputs = ["drain"]
path = "out.json"
)";

}  // namespace

TEST(Cli, ValidateReportsEveryErrorWithLineAndColumn) {
  TempDir dir;
  write_file(dir.file("broken.toml"), kBrokenPipeline);
  auto r = run_cli("validate " + dir.file("broken.toml"));
  EXPECT_EQ(r.rc, 2) << r.out;
  EXPECT_NE(r.out.find("broken.toml:18:1: error: [clusterers.drain.treshold] unknown option `treshold`"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("did you mean"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("broken.toml:17:"), std::string::npos) << r.out;  // inputs line of drain
  EXPECT_NE(r.out.find("unknown input `logz`"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cycle"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("source `logs` is an orphan"), std::string::npos) << r.out;
}

TEST(Cli, ValidateAcceptsTheShippedPipelines) {
  setenv("GITHUB_TOKEN", "validate-only", 1);  // the real pipeline reads its token from the environment
  for (const char* p : {"pipelines/demo.toml", "pipelines/netra-backend-staging.toml"}) {
    std::string path = std::string(GARDENER_SOURCE_DIR) + "/" + p;
    if (!fs::exists(path)) continue;
    auto r = run_cli("validate " + path);
    EXPECT_EQ(r.rc, 0) << p << "\n" << r.out;
  }
}

TEST(Cli, PluginsListShowsEveryBuiltPluginWithItsKind) {
  auto r = run_cli("plugins list");
  ASSERT_EQ(r.rc, 0) << r.out;
  size_t built = 0;
  for (const auto& entry : fs::directory_iterator(GARDENER_TEST_PLUGIN_DIR)) {
    if (entry.path().extension() != ".so") continue;
    ++built;
    std::string stem = entry.path().stem().string();  // kind_name
    auto cut = stem.find('_');
    std::string kind = stem.substr(0, cut), name = stem.substr(cut + 1);
    EXPECT_NE(r.out.find(kind + " "), std::string::npos) << stem;
    EXPECT_NE(r.out.find(" " + name + " "), std::string::npos) << stem << "\n" << r.out;
  }
  EXPECT_GE(built, 1u);
}

TEST(Cli, DescribeAndVersionAndUsage) {
  auto v = run_cli("--version");
  EXPECT_EQ(v.rc, 0);
  EXPECT_NE(v.out.find("plugin ABI: gardener_abi_" + std::to_string(gardener::kSdkMajor) + "_"), std::string::npos) << v.out;
  auto d = run_cli("plugins describe json");
  EXPECT_EQ(d.rc, 0) << d.out;
  EXPECT_NE(d.out.find("path"), std::string::npos) << d.out;
  EXPECT_EQ(run_cli("plugins describe no_such_plugin").rc, 2);
  EXPECT_EQ(run_cli("frobnicate").rc, 2);
  EXPECT_EQ(run_cli("run").rc, 2);
}

TEST(Cli, GraphPrintsDot) {
  TempDir dir;
  write_file(dir.file("p.toml"), "[pipeline]\nname=\"g\"\n[sources.a]\ntype=\"stdin\"\n[sinks.b]\ntype=\"json\"\n"
                                 "inputs=[\"a\"]\npath=\"x.json\"\n");
  auto r = run_cli("graph " + dir.file("p.toml"));
  EXPECT_EQ(r.rc, 0) << r.out;
  EXPECT_NE(r.out.find("\"a\" -> \"b\""), std::string::npos) << r.out;
}

TEST(Cli, StdinRunAccountsForEveryLine) {
  TempDir dir;
  write_file(dir.file("p.toml"), "[pipeline]\nname=\"stdin-run\"\n[sources.in]\ntype=\"stdin\"\nformat=\"text\"\n"
                                 "[clusterers.drain]\ntype=\"drain\"\ninputs=[\"in\"]\n"
                                 "[sinks.report]\ntype=\"json\"\ninputs=[\"drain\"]\npath=\"report.json\"\n");
  std::string input;
  for (int i = 0; i < 50; ++i) input += "Connection to host-" + std::to_string(i) + " timed out after " +
                                        std::to_string(i * 10) + " ms\n";
  for (int i = 0; i < 30; ++i) input += "User " + std::to_string(1000 + i) + " logged in\n";
  write_file(dir.file("in.log"), input);
  auto r = run_cli("run " + dir.file("p.toml") + " --no-state --since 1h", dir.file("in.log"));
  ASSERT_EQ(r.rc, 0) << r.out;
  auto report = nlohmann::json::parse(read_file(dir.file("report.json")));
  EXPECT_EQ(report["lines_read"], 80);
  uint64_t sum = 0;
  for (const auto& c : report["clusters"]) sum += c["count"].get<uint64_t>();
  EXPECT_EQ(sum + report["lines_not_clustered"].get<uint64_t>() + report["lines_dropped"].get<uint64_t>(), 80u);
  EXPECT_EQ(report["clusters"].size(), 2u) << report["clusters"].dump(1);
  // Per stage: records, batches, wall time in the stage and its thread's CPU time.
  const auto& drain = report["metrics"]["stages"]["drain"];
  EXPECT_EQ(drain["records_in"], 80);
  EXPECT_GT(drain["thread_cpu_seconds"].get<double>(), 0.0) << drain.dump();
  EXPECT_LT(drain["thread_cpu_seconds"].get<double>(), 60.0) << drain.dump();
}

TEST(Cli, PlanModeWritesNothing) {
  TempDir dir;
  write_file(dir.file("p.toml"), "[pipeline]\nname=\"plan\"\n[sources.in]\ntype=\"stdin\"\nformat=\"text\"\n"
                                 "[sinks.report]\ntype=\"json\"\ninputs=[\"in\"]\npath=\"report.json\"\n");
  write_file(dir.file("in.log"), "one\ntwo\n");
  auto r = run_cli("run " + dir.file("p.toml") + " --plan --state " + dir.file("s.db") + " --since 1h",
                   dir.file("in.log"));
  EXPECT_EQ(r.rc, 0) << r.out;
  EXPECT_NE(r.out.find("[plan]"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir.file("report.json")));
}

TEST(Cli, SigtermAbandonsTheWindowWithoutWritingHalfAReport) {
  TempDir dir;
  write_file(dir.file("p.toml"), "[pipeline]\nname=\"sig\"\n[sources.in]\ntype=\"stdin\"\nformat=\"text\"\n"
                                 "[sinks.report]\ntype=\"json\"\ninputs=[\"in\"]\npath=\"report.json\"\n");
  // stdin is a pipe we keep open and silent, so the run is waiting for input when SIGTERM
  // arrives (`tail -f | log-gardener run`): it must stop then, not when the writer goes away.
  int in[2], err[2];
  ASSERT_EQ(pipe(in), 0);
  ASSERT_EQ(pipe(err), 0);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  posix_spawn_file_actions_addclose(&fa, in[1]);
  posix_spawn_file_actions_addclose(&fa, err[0]);
  std::string exe = GARDENER_EXE, toml = dir.file("p.toml");
  std::vector<char*> argv{exe.data(), const_cast<char*>("run"), toml.data(), const_cast<char*>("--no-state"),
                          const_cast<char*>("--since"), const_cast<char*>("1h"), nullptr};
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&fa);
  close(in[0]);
  close(err[1]);
  ASSERT_EQ(write(in[1], "line\n", 5), 5);
  std::this_thread::sleep_for(std::chrono::seconds(1));
  kill(pid, SIGTERM);
  int status = 0;
  for (int i = 0; i < 200 && waitpid(pid, &status, WNOHANG) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const bool ended = WIFEXITED(status) || WIFSIGNALED(status);
  close(in[1]);  // the writer goes only now
  if (!ended) waitpid(pid, &status, 0);
  EXPECT_TRUE(ended) << "still waiting for the writer 10 s after SIGTERM";
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = read(err[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  close(err[0]);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << out;
  EXPECT_NE(out.find("interrupted"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir.file("report.json")));
}

// docs/pipeline-reference.md is generated from the options tables; it must not drift from them.
TEST(Cli, PipelineReferenceIsGeneratedFromTheOptionsTables) {
  auto r = run_cli("plugins docs 2>/dev/null");
  ASSERT_EQ(r.rc, 0);
  std::string committed = read_file(std::string(GARDENER_SOURCE_DIR) + "/docs/pipeline-reference.md");
  EXPECT_EQ(r.out, committed) << "regenerate it: build/log-gardener plugins docs > docs/pipeline-reference.md";
}
