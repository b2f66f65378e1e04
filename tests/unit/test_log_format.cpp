// LogFormat: the small backtracking matcher must split lines exactly as the anchored RE2 that
// logparser's format stands for (lazy fields, spaces as \s+), including lines that need
// backtracking and lines that do not match.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <re2/re2.h>

#include <gardener/log_format.hpp>

namespace {

using gardener::LogFormat;

// The oracle: logparser's rule written out independently (the library may take another path).
std::string oracle_regex(const std::string& format) {
  std::string re;
  for (size_t i = 0; i < format.size();) {
    if (format[i] == '<') {
      size_t close = format.find('>', i);
      re += "(.*?)";
      i = close + 1;
    } else if (format[i] == ' ') {
      while (i < format.size() && format[i] == ' ') ++i;
      re += "\\s+";
    } else {
      re += format[i++];
    }
  }
  return re;
}

std::vector<std::string> oracle_match(const std::string& format, std::string_view line, bool& ok) {
  RE2::Options opts;
  opts.set_dot_nl(true);
  RE2 re(oracle_regex(format), opts);
  size_t b = line.find_first_not_of(" \t\r\n\v\f");
  size_t e = line.find_last_not_of(" \t\r\n\v\f");
  std::string_view text = b == std::string_view::npos ? std::string_view() : line.substr(b, e - b + 1);
  int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> pieces(n + 1);
  ok = re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_BOTH, pieces.data(), n + 1);
  std::vector<std::string> out;
  for (int i = 1; ok && i <= n; ++i) out.emplace_back(pieces[i].data(), pieces[i].size());
  return out;
}

void expect_same(const std::string& format, const std::string& line) {
  LogFormat f(format);
  std::vector<std::string_view> values;
  bool got = f.match(line, values);
  bool want = false;
  auto expected = oracle_match(format, line, want);
  ASSERT_EQ(got, want) << format << " on `" << line << "`";
  if (!got) return;
  std::vector<std::string> actual(values.begin(), values.end());
  EXPECT_EQ(actual, expected) << format << " on `" << line << "`";
}

const std::vector<std::string> kFormats = {
    "<Date> <Time> <Level> <Component>: <Content>",
    "<Date> <Time> <Pid> <Level> <Component>: <Content>",
    "\\[<Time>\\] \\[<Level>\\] <Content>",
    "<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>",
    "<Date> <Time> - <Level>  \\[<Node>:<Component>@<Id>\\] - <Content>",
    "<Logrecord> <Date> <Time> <Pid> <Level> \\[<ADDR>\\] <Content>",
    "<Month>  <Date> <Time> <User> <Component>\\[<PID>\\](?: \\(<Address>\\))?: <Content>",  // regex: RE2 path
    "<Level><Pid> <Content>",   // adjacent fields: only the backtracking search splits them
    "<Level>:<Content>",
    "<Content>",
    "<Content> \\[<Pid>\\]",  // ends with a literal
};

TEST(LogFormat, SplitsLoghubLinesLikeTheRegex) {
  expect_same(kFormats[0], "081109 203615 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating");
  expect_same(kFormats[1], "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop: Created MRAppMaster: for x");
  expect_same(kFormats[2], "[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties");
  expect_same(kFormats[4], "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200");
  expect_same(kFormats[6], "Jun  9 06:06:20 combo sshd(pam_unix)[19939]: authentication failure; rhost=1.2.3.4");
  expect_same(kFormats[0], "no match here");
  expect_same(kFormats[0], "");
  expect_same(kFormats[2], "[a] [b]");
  expect_same(kFormats[2], "[a] [b] ");
  expect_same(kFormats[0], "  a \t b  c d: e: f  ");
}

// logparser's own formats group optional parts with plain parentheses; only fields capture.
TEST(LogFormat, PlainGroupsInTheFormatDoNotCapture) {
  LogFormat f("<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>");
  std::vector<std::string_view> v;
  ASSERT_TRUE(f.match("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown", v));
  EXPECT_EQ(std::vector<std::string>(v.begin(), v.end()),
            (std::vector<std::string>{"Jun", "14", "15:16:01", "combo", "sshd(pam_unix)", "19939",
                                      "check pass; user unknown"}));
  ASSERT_TRUE(f.match("Jun 15 04:06:20 combo logrotate: ALERT exited abnormally with [1]", v));
  EXPECT_EQ(v[4], "logrotate");
  EXPECT_EQ(v[5], "");
  EXPECT_EQ(v[6], "ALERT exited abnormally with [1]");
  // A ( inside a character class or escaped stays what it is; so does a ] first in a class.
  LogFormat g("<Level>[(] \\(<Pid>\\) <Content>");
  ASSERT_TRUE(g.match("INFO( (42) hello", v));
  EXPECT_EQ(v[1], "42");
  LogFormat h("<Level>[](] <Content>");
  ASSERT_TRUE(h.match("INFO] hello", v));
  EXPECT_FALSE(h.match("INFO? hello", v));
}

TEST(LogFormat, AgreesWithTheRegexOnRandomLines) {
  std::mt19937 rng(7);
  // Control bytes that are no space (\v, \x01, \x1f) and a two-byte character, in lines long
  // enough for the eight-byte scan for whitespace. Valid UTF-8 only: the reader repairs a line
  // before matching it, and RE2 does not match a broken sequence.
  const std::vector<std::string> alphabet = {"a", "b", " ", ":", "[", "]", "-", "@", "\t", "\v", "\n", "\x01", "\x1f", "\xc3\xa9"};
  for (const auto& format : kFormats) {
    for (int k = 0; k < 3000; ++k) {
      std::string line;
      size_t len = rng() % 80;
      for (size_t i = 0; i < len; ++i) line += alphabet[rng() % alphabet.size()];
      expect_same(format, line);
      if (HasFailure()) return;
    }
  }
}

}  // namespace
