// The `template` transform as a plugin: options, masked text and variables, message kept.
#include <gtest/gtest.h>

#include <test_context.hpp>

#include "template_transform.hpp"

using namespace gardener;
using gardener::template_transform::TemplateTransform;

TEST(TemplateTransform, FillsMaskedKeepsMessage) {
  auto t = gardener::testing::make_configured<TemplateTransform>(Json::object());
  gardener::testing::TestContext ctx;
  Batch b;
  b.records.push_back(Record{});
  b.records[0].message = "Took 3.52 seconds to spawn 42 instances";
  t->process(ctx, b);
  EXPECT_EQ(b.records[0].message, "Took 3.52 seconds to spawn 42 instances");
  EXPECT_EQ(b.records[0].masked, "Took <DURATION> to spawn <NUM> instances");
  ASSERT_EQ(b.records[0].variables.size(), 2u);
  EXPECT_EQ(b.records[0].variables[0].type, "DURATION");
  EXPECT_EQ(b.records[0].variables[0].value, "3.52 seconds");
}

TEST(TemplateTransform, UserMasksFromOptions) {
  Json opts = {{"masks", Json::array({{{"name", "TICKET"}, {"regex", "T-\\d+"}}})}, {"disable", {"NUM"}}};
  auto t = gardener::testing::make_configured<TemplateTransform>(opts);
  gardener::testing::TestContext ctx;
  Batch b;
  b.records.push_back(Record{});
  b.records[0].message = "ticket T-9 has 3 votes";
  t->process(ctx, b);
  EXPECT_EQ(b.records[0].masked, "ticket <TICKET> has 3 votes");
}

TEST(TemplateTransform, BadOptionsAreDiagnosed) {
  EXPECT_THROW(gardener::testing::make_configured<TemplateTransform>(
                   Json{{"masks", Json::array({{{"name", "X"}, {"regex", "("}}})}}),
               ConfigurationError);
  EXPECT_THROW(gardener::testing::make_configured<TemplateTransform>(
                   Json{{"masks", Json::array({{{"name", "X"}}})}}),
               ConfigurationError);
}

// Every bad part at its own key, in one pass: a bad `disable` entry does not hide a bad regex.
TEST(TemplateTransform, EveryBadMaskAndDisabledTypeIsReportedAtItsKey) {
  try {
    gardener::testing::make_configured<TemplateTransform>(
        Json{{"masks", Json::array({{{"name", "OK"}, {"regex", "T-\\d+"}}, {{"name", "BAD"}, {"regex", "[a-"}}})},
             {"disable", {"NUM", "NOPE"}}});
    FAIL() << "expected a configuration error";
  } catch (const ConfigurationError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("disable[1]"), std::string::npos) << what;
    EXPECT_NE(what.find("NOPE"), std::string::npos) << what;
    EXPECT_NE(what.find("masks[1]"), std::string::npos) << what;
    EXPECT_EQ(what.find("masks[0]"), std::string::npos) << what;
    EXPECT_EQ(what.find("disable[0]"), std::string::npos) << what;
  }
}

// A malformed entry before a bad regex: the regex's error names its own place in the table.
TEST(TemplateTransform, BadRegexAfterAMalformedEntryIsReportedAtItsOwnIndex) {
  try {
    gardener::testing::make_configured<TemplateTransform>(
        Json{{"masks", Json::array({{{"regex", "abc"}}, {{"name", "B"}, {"regex", "(bad"}}})}});
    FAIL() << "expected a configuration error";
  } catch (const ConfigurationError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("masks[0]: needs string keys"), std::string::npos) << what;
    EXPECT_NE(what.find("masks[1]"), std::string::npos) << what;
    EXPECT_EQ(what.find("masks[0]: user mask `B`"), std::string::npos) << what;
  }
}

TEST(TemplateTransform, SameOutputWithAnyThreadCount) {
  auto run = [](int threads) {
    auto t = gardener::testing::make_configured<TemplateTransform>(Json{{"threads", threads}});
    gardener::testing::TestContext ctx;
    Batch b;
    for (int i = 0; i < 3000; ++i) {  // enough records for the work to be split
      Record r;
      r.message = "req " + std::to_string(i) + " from 10.0.0." + std::to_string(i % 250) + ":80" +
                  (i % 3 ? " took 5ms" : " user bob ok");
      b.records.push_back(std::move(r));
    }
    t->process(ctx, b);
    std::vector<std::string> out;
    for (const auto& r : b.records) {
      out.push_back(r.masked);
      for (const auto& v : r.variables) out.push_back(v.type + "=" + v.value);
    }
    return out;
  };
  auto one = run(1);
  EXPECT_EQ(one[0], "req <NUM> from <IP> user bob ok");
  EXPECT_EQ(run(3), one);
}
