#include <gtest/gtest.h>

#include <gardener/record.hpp>
#include <gardener/time.hpp>
#include "input/log_time.hpp"

using namespace gardener;

TEST(Time, Rfc3339RoundTripsAndNormalisesOffsets) {
  auto t = parse_rfc3339("2025-09-13T22:36:25.123456Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_rfc3339(*t, 6), "2025-09-13T22:36:25.123456Z");
  EXPECT_EQ(parse_rfc3339("2025-09-13T23:36:25.123456+01:00"), t);
  EXPECT_EQ(format_rfc3339(*parse_rfc3339("2025-09-13T22:36:23.942674+00:00"), 0), "2025-09-13T22:36:23Z");
  EXPECT_EQ(*parse_rfc3339("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(format_rfc3339(*parse_rfc3339("2024-02-29T12:00:00.5Z"), 3), "2024-02-29T12:00:00.500Z");
  EXPECT_FALSE(parse_rfc3339("2025-13-01T00:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2025-02-29T00:00:00Z"));  // not a leap year: no silent Mar 1
  EXPECT_FALSE(parse_rfc3339("2025-04-31T00:00:00Z"));
  EXPECT_TRUE(parse_rfc3339("2000-02-29T00:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("yesterday"));
  EXPECT_FALSE(parse_rfc3339("2025-09-13T22:36:25Zjunk"));
}

TEST(Time, Durations) {
  EXPECT_EQ(*parse_duration("6h"), 6LL * 3600 * kNsPerSecond);
  EXPECT_EQ(*parse_duration("1h30m"), 90LL * 60 * kNsPerSecond);
  EXPECT_EQ(*parse_duration("250ms"), 250'000'000LL);
  EXPECT_EQ(*parse_duration("90d"), 90LL * 86400 * kNsPerSecond);
  EXPECT_FALSE(parse_duration("6 hours"));
  EXPECT_FALSE(parse_duration("h"));
  EXPECT_EQ(format_duration(*parse_duration("1h30m")), "1h30m");
}

TEST(Severity, NamesAliasesAndRanks) {
  EXPECT_EQ(parse_severity("warn"), Severity::Warning);
  EXPECT_EQ(parse_severity("FATAL"), Severity::Critical);
  EXPECT_EQ(parse_severity("500"), Severity::Error);
  EXPECT_FALSE(parse_severity("loud"));
  EXPECT_EQ(severity_name(Severity::Emergency), "EMERGENCY");
}

// The times text logs write beyond RFC 3339 (input/log_time.hpp): syslog's without a year takes
// the window's, or the year before when that would put it over a day past the window.
TEST(LogTime, SyslogCtimeCommonLogFormatAndSlashes) {
  using gardener::input::parse_log_time;
  const TimeNs ref = *parse_rfc3339("2025-09-13T19:00:00Z");
  EXPECT_EQ(parse_log_time("Sep 13 17:00:03", ref), parse_rfc3339("2025-09-13T17:00:03Z"));
  EXPECT_EQ(parse_log_time("Sep  3 07:00:03.250", ref), parse_rfc3339("2025-09-03T07:00:03.25Z"));
  EXPECT_EQ(parse_log_time("Dec 31 23:59:59", *parse_rfc3339("2026-01-01T06:00:00Z")),
            parse_rfc3339("2025-12-31T23:59:59Z"));
  EXPECT_EQ(parse_log_time("Sat Sep 13 17:00:01.123456 2025", ref), parse_rfc3339("2025-09-13T17:00:01.123456Z"));
  EXPECT_EQ(parse_log_time("13/Sep/2025:17:00:01.120", ref), parse_rfc3339("2025-09-13T17:00:01.12Z"));
  EXPECT_EQ(parse_log_time("13/Sep/2025:19:00:01 +0200", ref), parse_rfc3339("2025-09-13T17:00:01Z"));
  EXPECT_EQ(parse_log_time("2025/09/13 17:00:01", ref), parse_rfc3339("2025-09-13T17:00:01Z"));
  EXPECT_EQ(parse_log_time("0913 17:00:01.123456", ref), parse_rfc3339("2025-09-13T17:00:01.123456Z"));  // klog
  // Feb 29 read in a year without one is last year's (a leap year), not Mar 1 nor nothing.
  EXPECT_EQ(parse_log_time("Feb 29 10:00:00", *parse_rfc3339("2025-01-15T00:00:00Z")), parse_rfc3339("2024-02-29T10:00:00Z"));
  EXPECT_EQ(parse_log_time("1231 23:59:59", *parse_rfc3339("2026-01-01T06:00:00Z")), parse_rfc3339("2025-12-31T23:59:59Z"));
  EXPECT_EQ(parse_log_time("2025-09-13T17:00:01Z", ref), parse_rfc3339("2025-09-13T17:00:01Z"));
  for (const char* bad : {"Sep 13", "Foo 13 17:00:03", "13/Sep/2025", "Sep 13 17:00:03 extra words", "created by",
                          "Sep 99999999999 17:00:03", "Sat Sep 13 17:00:01 99999999999", "1313 17:00:01",
                          "2025 17:00:01", "0913 17"})
    EXPECT_FALSE(parse_log_time(bad, ref)) << bad;
}
