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
