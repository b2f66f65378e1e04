// The `redact` transform: the fake-secret corpus as records (message, raw JSON, labels), options,
// counts as "redactions.<detector>" metrics.
#include <gardener/log_entry.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "fake_secrets.hpp"
#include "redact_transform.hpp"
#include "test_context.hpp"

namespace gardener::redact_transform {
namespace {

using testing::make_configured;
using testing::TestContext;

std::vector<std::string> corpus_lines() {
  return testing::read_corpus(std::string(GARDENER_SOURCE_DIR) + "/tests/data/redaction/corpus.txt");
}

Batch corpus_batch() {
  Batch batch;
  auto fakes = testing::fake_secrets();
  for (const auto& line : corpus_lines()) {
    Record r;
    if (line[0] != '{' || !decode_log_entry(std::string_view(line), r).empty()) {
      r = Record{};
      r.message = line;
      r.raw = line;
    }
    batch.records.push_back(std::move(r));
  }
  Record labelled;
  labelled.message = "labels only";
  labelled.labels = {{"api_key", fakes["api_key"]}, {"owner", fakes["email"]}, {"version", "1.27.3"}};
  labelled.resource_labels = {{"db_url", "postgres://app:" + fakes["url_password"] + "@db:5432/x"}};
  batch.records.push_back(std::move(labelled));
  return batch;
}

std::string everything(const Batch& batch) {
  std::string all;
  for (const auto& r : batch.records) {
    all += r.message + "\n" + r.raw + "\n";
    for (const auto& [k, v] : r.labels) all += k + "=" + v + "\n";
    for (const auto& [k, v] : r.resource_labels) all += k + "=" + v + "\n";
  }
  return all;
}

TEST(RedactTransform, NoFakeSecretSurvivesInAnyField) {
  auto t = make_configured<RedactTransform>(Json::object());
  TestContext ctx;
  Batch batch = corpus_batch();
  t->process(ctx, batch);
  std::string all = everything(batch);
  for (const auto& [name, value] : testing::fake_secrets()) {
    EXPECT_EQ(all.find(testing::secret_core(name, value)), std::string::npos) << name << " leaked:\n" << all;
  }
  EXPECT_NE(all.find("version=1.27.3"), std::string::npos);
  EXPECT_NE(all.find("api_key=[REDACTED:generic_token]"), std::string::npos) << all;
  EXPECT_GE(ctx.metrics["redactions.email"], 3.0);
  EXPECT_GE(ctx.metrics["redactions.iban"], 2.0);
  EXPECT_EQ(ctx.metrics.count("redactions.ipv4"), 0u);
}

TEST(RedactTransform, OneSecretInMessageAndRawCountsOnce) {
  auto t = make_configured<RedactTransform>(Json::object());
  TestContext ctx;
  Batch batch;
  Record r;
  r.message = "mail x@example.com";
  r.raw = R"({"message":"mail x@example.com","severity":"INFO"})";
  batch.records.push_back(r);
  t->process(ctx, batch);
  EXPECT_EQ(ctx.metrics["redactions.email"], 1.0);
  EXPECT_EQ(batch.records[0].raw, R"({"message":"mail [REDACTED:email]","severity":"INFO"})");
}

TEST(RedactTransform, DetectorSwitchAndPartialStyle) {
  auto t = make_configured<RedactTransform>({{"email", false}, {"ipv4", true}, {"style", "partial"}});
  TestContext ctx;
  Batch batch;
  Record r;
  r.message = "x@example.com from 10.0.0.1 password=demo-user-12345";
  batch.records.push_back(r);
  t->process(ctx, batch);
  EXPECT_EQ(batch.records[0].message, "x@example.com from 10... password=demo-...");
}

TEST(RedactTransform, HmacStyleNeedsItsEnvironmentVariable) {
  ::unsetenv("GARDENER_TEST_REDACT_KEY");
  EXPECT_THROW(make_configured<RedactTransform>({{"style", "hmac"}, {"hmac_key_env", "GARDENER_TEST_REDACT_KEY"}}),
               ConfigurationError);
  ::setenv("GARDENER_TEST_REDACT_KEY", "k-123", 1);
  auto t = make_configured<RedactTransform>({{"style", "hmac"}, {"hmac_key_env", "GARDENER_TEST_REDACT_KEY"}});
  TestContext ctx;
  Batch batch;
  Record r;
  r.message = "a@example.com a@example.com";
  batch.records.push_back(r);
  t->process(ctx, batch);
  const auto& m = batch.records[0].message;
  ASSERT_EQ(m.size(), 2 * std::string("<email:3f9a1c>").size() + 1) << m;
  EXPECT_EQ(m.substr(0, 14), m.substr(15));
  ::unsetenv("GARDENER_TEST_REDACT_KEY");
}

TEST(RedactTransform, UserDetectorsAndTheirErrors) {
  auto t = make_configured<RedactTransform>(
      {{"user_detectors", Json::array({{{"name", "customer"}, {"pattern", "customer=(C[0-9]{6})"}}})}});
  TestContext ctx;
  Batch batch;
  Record r;
  r.message = "customer=C123456 done";
  batch.records.push_back(r);
  t->process(ctx, batch);
  EXPECT_EQ(batch.records[0].message, "customer=[REDACTED:customer] done");
  EXPECT_EQ(ctx.metrics["redactions.customer"], 1.0);
  try {
    make_configured<RedactTransform>({{"user_detectors", Json::array({{{"name", "x"}, {"pattern", "(("}}})}});
    FAIL() << "accepted a bad pattern";
  } catch (const ConfigurationError& e) {
    EXPECT_NE(std::string(e.what()).find("user_detectors"), std::string::npos) << e.what();
  }
  EXPECT_THROW(make_configured<RedactTransform>({{"user_detectors", Json::array({{{"name", "x"}}})}}),
               ConfigurationError);
  EXPECT_THROW(make_configured<RedactTransform>({{"style", "scramble"}}), ConfigurationError);
}

}  // namespace
}  // namespace gardener::redact_transform
