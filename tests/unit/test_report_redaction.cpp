// A large Report is redacted on two threads (framework/src/redaction/two_halves.hpp): the result
// and the counts must be exactly those of redacting every cluster on its own.
#include <gtest/gtest.h>

#include <string>

#include <gardener/redaction.hpp>
#include <gardener/report.hpp>
#include <gardener/report_redaction.hpp>

namespace gardener {
namespace {

Cluster cluster_with_secrets(int i) {
  const std::string mail = "user" + std::to_string(i) + "@example.com";
  Cluster c;
  c.id = "c" + std::to_string(i);
  c.title = "login failed for " + mail;
  c.template_text = "login failed for <*>";
  c.samples.push_back(Sample{i, Severity::Error, "login failed for " + mail + " password=hunter" + std::to_string(i),
                             Json{{"message", "login failed"}, {"password", "hunter" + std::to_string(i)}}});
  c.link_keys.push_back(LinkKey{"user", mail, i, i});
  c.variables.push_back(VariableStat{"#1", {ValueCount{mail, 3}}, 1});
  return c;
}

TEST(ReportRedaction, ALargeReportIsRedactedAsEachClusterAlone) {
  const Redactor& redactor = default_redactor();
  Report report, one_by_one;
  for (int i = 0; i < 300; ++i) report.clusters.push_back(cluster_with_secrets(i));  // above the split
  one_by_one = report;

  RedactionCounts counts, expected_counts;
  redact_report(report, redactor, &counts);
  for (auto& c : one_by_one.clusters) {
    Report alone;
    alone.clusters.push_back(c);
    redact_report(alone, redactor, &expected_counts);
    c = alone.clusters[0];
  }
  ASSERT_EQ(report.clusters.size(), one_by_one.clusters.size());
  for (size_t i = 0; i < report.clusters.size(); ++i) {
    EXPECT_EQ(to_json(report.clusters[i]), to_json(one_by_one.clusters[i])) << "cluster " << i;
    EXPECT_EQ(report.clusters[i].title.find("@example.com"), std::string::npos) << report.clusters[i].title;
  }
  EXPECT_EQ(counts, expected_counts);
  EXPECT_FALSE(counts.empty());
}

// Samples and values that differed only in a secret are one after redaction (issue 3: "a few
// representative raw samples (distinct, redacted text)").
TEST(ReportRedaction, WhatRedactionMadeAlikeIsFolded) {
  Report report;
  Cluster c;
  c.template_text = "send report to <EMAIL> now";
  for (const char* mail : {"ann@example.com", "bob@example.com", "cy@example.com"})
    c.samples.push_back(Sample{1, Severity::Error, std::string("send report to ") + mail + " now", Json()});
  c.samples.push_back(Sample{2, Severity::Error, "send report to nobody now", Json()});
  c.variables.push_back(VariableStat{"EMAIL#1",
                                     {ValueCount{"ann@example.com", 5}, ValueCount{"nobody", 4},
                                      ValueCount{"bob@example.com", 3}, ValueCount{"cy@example.com", 2}},
                                     4});
  report.clusters.push_back(c);
  redact_report(report, default_redactor(), nullptr);
  const Cluster& r = report.clusters[0];
  ASSERT_EQ(r.samples.size(), 2u);
  EXPECT_EQ(r.samples[1].message, "send report to nobody now");
  ASSERT_EQ(r.variables[0].top.size(), 2u);
  EXPECT_EQ(r.variables[0].top[0].value, "[REDACTED]");
  EXPECT_EQ(r.variables[0].top[0].count, 10u);
  EXPECT_EQ(r.variables[0].top[1].value, "nobody");
}

TEST(ReportRedaction, ALargeJsonArrayIsRedactedAsEachElementAlone) {
  const Redactor& redactor = default_redactor();
  Report report;
  for (int i = 0; i < 300; ++i) report.clusters.push_back(cluster_with_secrets(i));
  Json doc = to_json(report), expected = doc;
  RedactionCounts counts, expected_counts;
  redactor.redact_json(doc, &counts);
  for (auto& c : expected["clusters"]) redactor.redact_json(c, &expected_counts);
  for (auto it = expected.begin(); it != expected.end(); ++it)
    if (it.key() != "clusters") redactor.redact_json(it.value(), &expected_counts);
  EXPECT_EQ(doc, expected);
  EXPECT_EQ(counts, expected_counts);
  EXPECT_EQ(doc.dump().find("@example.com"), std::string::npos);
  EXPECT_EQ(doc.dump().find("hunter"), std::string::npos);
}

}  // namespace
}  // namespace gardener
