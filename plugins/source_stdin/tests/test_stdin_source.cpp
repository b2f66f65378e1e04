// Source `stdin`: the shared reader on a pipe.
#include <gtest/gtest.h>

#include <unistd.h>

#include <thread>

#include "stdin_source.hpp"
#include "test_context.hpp"

namespace gardener::plugins {
namespace {

using testing::CollectingEmitter;
using testing::make_configured;
using testing::TestContext;

std::vector<Record> read_through_pipe(const std::string& input, const Json& options, TestContext& ctx) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  std::thread writer([&] {
    size_t off = 0;
    while (off < input.size()) {
      auto n = ::write(fds[1], input.data() + off, input.size() - off);
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    close(fds[1]);
  });
  auto src = make_configured<StdinSource>(options);
  src->set_fd_for_testing(fds[0]);
  CollectingEmitter out;
  src->run(ctx, out);
  writer.join();
  close(fds[0]);
  return std::move(out.records);
}

TEST(StdinSource, TextWithStackTracesJoined) {
  TestContext ctx;
  auto recs = read_through_pipe("first event\nTraceback (most recent call last):\n  File \"x.py\"\nKeyError: 'a'\r\n"
                                "second event\n",
                                Json::object(), ctx);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].message, "first event\nTraceback (most recent call last):\n  File \"x.py\"\nKeyError: 'a'");
  EXPECT_EQ(recs[1].origin, "stdin:5");
}

TEST(StdinSource, JsonLinesWithBadLinesReportedAsStdin) {
  TestContext ctx;
  auto recs = read_through_pipe(
      "{\"severity\":\"ERROR\",\"message\":\"app line\",\"time\":\"2025-01-01T00:00:00Z\"}\n{\"message\":", {{"format", "jsonl"}},
      ctx);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].severity, Severity::Error);
  ASSERT_EQ(ctx.bad_lines.size(), 1u);
  EXPECT_EQ(ctx.bad_lines[0].first, "stdin:2");
}

TEST(StdinSource, GcloudArrayOnStdin) {
  TestContext ctx;
  auto recs = read_through_pipe(R"([{"textPayload":"a","timestamp":"2025-01-01T00:00:00Z"},
                                   {"textPayload":"b","timestamp":"2025-01-01T00:00:01Z"}])",
                                Json::object(), ctx);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].message, "b");
  EXPECT_TRUE(ctx.bad_lines.empty());
}

TEST(StdinSource, EmptyInputGivesNoRecords) {
  TestContext ctx;
  EXPECT_TRUE(read_through_pipe("", Json::object(), ctx).empty());
  EXPECT_TRUE(ctx.bad_lines.empty());
}

}  // namespace
}  // namespace gardener::plugins
