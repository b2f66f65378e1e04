// The loader refuses broken plugins with one sentence naming the file and the fix, and survives.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include <gardener/version.hpp>

#include "cli_helpers.hpp"
#include "test_context.hpp"
#include "loader.hpp"

using namespace gardener;

namespace {
std::string fixture(const std::string& dir) { return std::string(FIXTURE_DIR) + "/" + dir; }

std::vector<std::string> load_dir(Registry& r, const std::string& dir) {
  std::vector<std::string> errors;
  r.load_directory(fixture(dir), errors);
  return errors;
}

}  // namespace

TEST(Loader, WrongAbiStampIsRefusedBeforeLoading) {
  Registry r;
  auto errors = load_dir(r, "wrong_abi");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("wrong_abi.so"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("built for SDK 9.3"), std::string::npos) << errors[0];
  const std::string host_sdk = "rebuild the plugin against SDK " + std::to_string(gardener::kSdkMajor) + ".";
  EXPECT_NE(errors[0].find(host_sdk), std::string::npos) << errors[0];
  EXPECT_TRUE(r.all().empty());
}

TEST(Loader, MissingEntryPointIsRefused) {
  Registry r;
  auto errors = load_dir(r, "no_entry");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("no_entry.so exports no gardener_plugin_entry"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("GARDENER_PLUGIN"), std::string::npos);
}

// A hand-written entry point that returns no factory crashed every command, `plugins list` too.
TEST(Loader, EntryPointReturningNoFactoryIsRefused) {
  Registry r;
  auto errors = load_dir(r, "null_factory");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("null_factory.so: gardener_plugin_entry returned no factory"), std::string::npos) << errors[0];
}

TEST(Loader, NotASharedLibraryIsRefused) {
  Registry r;
  auto errors = load_dir(r, "not_a_library");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("readme.so is not a shared library"), std::string::npos) << errors[0];
}

TEST(Loader, TwoPluginsClaimingOneNameAreRefused) {
  Registry r;
  auto errors = load_dir(r, "duplicate");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("dup_a.so and"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("dup_b.so both provide sink `dup`"), std::string::npos) << errors[0];
  ASSERT_NE(r.find(Kind::Sink, "dup"), nullptr);
  EXPECT_NE(r.find(Kind::Sink, "dup")->path.find("dup_a.so"), std::string::npos);
}

TEST(Loader, ThrowingConstructorIsReportedWithPluginAndFile) {
  Registry r;
  auto errors = load_dir(r, "throwing");
  ASSERT_TRUE(errors.empty());
  const LoadedPlugin* p = r.find(Kind::Sink, "throwing");
  ASSERT_NE(p, nullptr);
  try {
    r.create(*p, "my_sink");
    FAIL() << "create should throw";
  } catch (const PluginError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("my_sink"), std::string::npos) << msg;
    EXPECT_NE(msg.find("throwing.so"), std::string::npos) << msg;
    EXPECT_NE(msg.find("fixture constructor failure"), std::string::npos) << msg;
  }
}

TEST(Loader, InstancesKeepTheirLibraryAlive) {
  std::shared_ptr<Component> c;
  {
    Registry r;
    ASSERT_TRUE(load_dir(r, "duplicate").size() == 1);
    c = r.create(*r.find(Kind::Sink, "dup"), "kept");
  }
  // The registry is gone; the instance's deleter still holds the library.
  EXPECT_EQ(c->name(), "kept");
  EXPECT_EQ(c->type(), "dup");
  c.reset();
}

TEST(Loader, AbiStampParses) {
  auto s = parse_abi_stamp("gardener_abi_1_2_gcc12_cxx11");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->major, 1);
  EXPECT_EQ(s->minor, 2);
  EXPECT_EQ(s->describe(), "SDK 1.2 with gcc12 (cxx11 ABI)");
  EXPECT_FALSE(parse_abi_stamp("gardener_abi_x"));
  EXPECT_FALSE(parse_abi_stamp("other_symbol"));
}

TEST(Loader, CliSurvivesEveryBrokenFixture) {
  for (const char* dir : {"wrong_abi", "no_entry", "null_factory", "not_a_library", "duplicate", "throwing"}) {
    auto r = gardener::testing::run_cli(std::string("--plugin-path ") + fixture(dir) + " plugins list");
    EXPECT_EQ(r.rc, 0) << dir << ": " << r.out;
    EXPECT_NE(r.out.find("source "), std::string::npos) << "built-in plugins still listed: " << r.out;
    if (std::string(dir) != "throwing")
      EXPECT_NE(r.out.find("plugin refused"), std::string::npos) << dir << " must be reported: " << r.out;
  }
}

TEST(Loader, PipelineUsingAThrowingPluginFailsValidationCleanly) {
  gardener::testing::TempDir dir;
  gardener::testing::write_file(dir.file("p.toml"),
                                "[pipeline]\nname=\"t\"\n[sources.in]\ntype=\"stdin\"\n"
                                "[sinks.boom]\ntype=\"throwing\"\ninputs=[\"in\"]\n");
  auto r = gardener::testing::run_cli("--plugin-path " + fixture("throwing") + " validate " + dir.file("p.toml"));
  EXPECT_EQ(r.rc, 2) << r.out;
  EXPECT_NE(r.out.find("p.toml:6:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("throwing.so threw while being created"), std::string::npos) << r.out;
}
