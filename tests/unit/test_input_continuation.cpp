// The hand scanner for the default multiline patterns must decide exactly as RE2 does.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include <re2/re2.h>

#include <gardener/input.hpp>

#include "input/continuation.hpp"

namespace {

using gardener::detail::default_continuation;

std::unique_ptr<RE2> defaults_re() {
  std::string alt;
  for (const auto& p : gardener::default_multiline_patterns()) alt += (alt.empty() ? "(?:" : "|(?:") + p + ")";
  return std::make_unique<RE2>(alt);
}

TEST(InputContinuation, KnownLines) {
  EXPECT_TRUE(default_continuation("\tat com.x.Y.z(Y.java:12)"));
  EXPECT_TRUE(default_continuation("at com.x.Y.z(Y.java:12)"));
  EXPECT_TRUE(default_continuation("Caused by: java.io.IOException"));
  EXPECT_TRUE(default_continuation("Traceback (most recent call last):"));
  EXPECT_TRUE(default_continuation("... 12 more"));
  EXPECT_TRUE(default_continuation("java.lang.IllegalStateException: boom"));
  EXPECT_TRUE(default_continuation("ValueError"));
  EXPECT_FALSE(default_continuation("Error: top level"));  // the class needs one char before the suffix
  EXPECT_FALSE(default_continuation("2025-09-13 17:00:01 INFO comp3: started"));
  EXPECT_FALSE(default_continuation("attempt 3"));
  EXPECT_FALSE(default_continuation("MyError happened"));
  EXPECT_FALSE(default_continuation(""));
  EXPECT_FALSE(default_continuation("\vx"));  // RE2's \s has no \v
}

TEST(InputContinuation, SameAsRe2OnRandomLines) {
  auto re = defaults_re();
  ASSERT_TRUE(re->ok());
  // Pieces that steer random lines into every branch of the patterns.
  const std::vector<std::string> pieces = {"Error", "Exception", "Warning", ":", " ", "\t", "\v", "at", "Caused by",
                                           "Caused by:", "Traceback", "...", ".", "$", "_", "a", "Z", "9", "-",
                                           "java.lang.", "x", "\xc3\xa9", "(", "\r", "\f"};
  std::mt19937 rng(42);
  for (int n = 0; n < 50000; ++n) {
    std::string line;
    int parts = static_cast<int>(rng() % 6);
    for (int k = 0; k < parts; ++k) line += pieces[rng() % pieces.size()];
    ASSERT_EQ(default_continuation(line), RE2::PartialMatch(line, *re)) << "line: [" << line << "]";
  }
}

}  // namespace
