// Source `file`: every bad-input case of issue 2 item 7, on real files.
#include <gtest/gtest.h>

#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "file_source.hpp"
#include "test_context.hpp"

namespace gardener::plugins {
namespace {

using testing::CollectingEmitter;
using testing::make_configured;
using testing::TempDir;
using testing::TestContext;

void write(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
}

std::string entry(const std::string& msg, const std::string& sev = "ERROR",
                  const std::string& ts = "2025-03-14T10:00:00Z") {
  return R"({"timestamp":")" + ts + R"(","severity":")" + sev + R"(","jsonPayload":{"message":")" + msg +
         R"(","labels":{"module":"m","function":"f","line":3}}})";
}

struct Harness {
  TestContext ctx;
  CollectingEmitter out;
  std::unique_ptr<FileSource> src;
  TempDir dir;

  Harness() { ctx.dir = dir.path(); }
  void go(const Json& options) {
    src = make_configured<FileSource>(options);
    src->run(ctx, out);
  }
  std::vector<std::string> messages() const {
    std::vector<std::string> m;
    for (const auto& r : out.records) m.push_back(r.message);
    return m;
  }
};

TEST(FileSource, JsonLinesWithOriginsCrlfBlanksAndNoFinalNewline) {
  Harness r;
  write(r.dir.file("a.jsonl"), entry("one") + "\r\n\r\n   \n" + entry("two") + "\r\n" + entry("three"));
  r.go({{"path", "a.jsonl"}});
  EXPECT_EQ(r.messages(), (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_EQ(r.out.records[0].origin, r.dir.file("a.jsonl") + ":1");
  EXPECT_EQ(r.out.records[1].origin, r.dir.file("a.jsonl") + ":4");
  EXPECT_EQ(r.out.records[2].module, "m");
  EXPECT_EQ(r.out.records[2].line, 3);
  EXPECT_TRUE(r.ctx.bad_lines.empty());
  EXPECT_EQ(r.ctx.metrics["blank_lines"], 2);
  EXPECT_NE(r.src->info().description.find("a.jsonl"), std::string::npos);
}

TEST(FileSource, TruncatedObjectAndGarbageAreBadLinesNotFatal) {
  Harness r;
  write(r.dir.file("a.jsonl"), entry("one") + "\nnot json at all\n" + entry("two") + "\n" +
                                   R"({"jsonPayload":{"message":"cut)");
  r.go({{"path", "a.jsonl"}, {"format", "jsonl"}});
  EXPECT_EQ(r.messages(), (std::vector<std::string>{"one", "two"}));
  ASSERT_EQ(r.ctx.bad_lines.size(), 2u);
  EXPECT_EQ(r.ctx.bad_lines[0].first, r.dir.file("a.jsonl") + ":2");
  EXPECT_EQ(r.ctx.bad_lines[1].first, r.dir.file("a.jsonl") + ":4");
  EXPECT_EQ(r.src->info().bad_lines, 2u);
  EXPECT_EQ(r.src->info().note, "2 bad lines");
}

TEST(FileSource, OnErrorFailStopsTheRun) {
  Harness r;
  write(r.dir.file("a.jsonl"), entry("one") + "\n{broken\n");
  EXPECT_THROW(r.go({{"path", "a.jsonl"}, {"on_error", "fail"}}), PluginError);
}

TEST(FileSource, InvalidUtf8IsRepairedAndCounted) {
  Harness r;
  write(r.dir.file("a.jsonl"), entry("bad \xff\xfe byte") + "\n");
  write(r.dir.file("b.log"), "caf\xc3 text\n");
  r.go({{"path", Json::array({"a.jsonl", "b.log"})}});
  ASSERT_EQ(r.out.records.size(), 2u);
  EXPECT_EQ(r.out.records[0].message, "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
  EXPECT_EQ(r.out.records[1].message, "caf\xEF\xBF\xBD text");
  EXPECT_EQ(r.ctx.metrics["utf8_repaired"], 2);
}

TEST(FileSource, TenMegabyteLineIsReadAndAnOversizeLineIsReported) {
  Harness r;
  std::string big(10 << 20, 'x');
  write(r.dir.file("a.jsonl"), entry(big) + "\n" + entry("after") + "\n");
  r.go({{"path", "a.jsonl"}});
  ASSERT_EQ(r.out.records.size(), 2u);
  EXPECT_EQ(r.out.records[0].message.size(), big.size());

  Harness small;
  write(small.dir.file("a.jsonl"), entry("before") + "\n" + entry(big) + "\n" + entry("after") + "\n");
  small.go({{"path", "a.jsonl"}, {"max_line_bytes", 1 << 20}});
  EXPECT_EQ(small.messages(), (std::vector<std::string>{"before", "after"}));
  ASSERT_EQ(small.ctx.bad_lines.size(), 1u);
  EXPECT_EQ(small.ctx.bad_lines[0].first, small.dir.file("a.jsonl") + ":2");
  EXPECT_NE(small.ctx.bad_lines[0].second.find("max_line_bytes"), std::string::npos);
}

TEST(FileSource, GcloudArrayIsStreamedAndTruncationReported) {
  Harness r;
  write(r.dir.file("dump.json"), "[\n  " + entry("a \\\"}]{ tricky") + ",\n  " + entry("b") + "\n]\n");
  write(r.dir.file("cut.json"), "[\n" + entry("c") + ",\n{\"jsonPayload\": {\"message\": \"d");
  r.go({{"path", Json::array({"dump.json", "cut.json"})}});  // auto detects the arrays
  EXPECT_EQ(r.messages(), (std::vector<std::string>{"a \"}]{ tricky", "b", "c"}));
  ASSERT_EQ(r.ctx.bad_lines.size(), 1u);
  EXPECT_EQ(r.ctx.bad_lines[0].first, r.dir.file("cut.json") + ":3");
  EXPECT_NE(r.ctx.bad_lines[0].second.find("truncated"), std::string::npos);
}

TEST(FileSource, GzipFilesAndGlobsAndCorruptGzip) {
  Harness r;
  write(r.dir.file("x1.jsonl"), entry("gz one") + "\n" + entry("gz two") + "\n");
  ASSERT_EQ(std::system(("gzip " + r.dir.file("x1.jsonl")).c_str()), 0);
  write(r.dir.file("x2.jsonl"), entry("plain") + "\n");
  write(r.dir.file("x3.jsonl.gz"), std::string("\x1f\x8b\x08\x00garbage", 12));
  r.go({{"path", "x*.jsonl*"}});
  EXPECT_EQ(r.messages(), (std::vector<std::string>{"gz one", "gz two", "plain"}));
  ASSERT_EQ(r.ctx.bad_lines.size(), 1u);
  EXPECT_EQ(r.ctx.bad_lines[0].first, r.dir.file("x3.jsonl.gz"));
}

// A named pipe cannot be peeked for gzip's magic bytes: it goes through zlib, which reads gzip and
// plain data alike. (Plain files are read directly.)
// The writer is quick: it writes and closes as soon as the source opens the pipe. A source that
// opened the pipe twice would lose that data and wait for a second writer; the writer then opens
// the pipe once more without writing, so that source ends (with nothing) instead of hanging.
TEST(FileSource, GzipAndPlainDataThroughANamedPipe) {
  for (bool gzipped : {true, false}) {
    Harness r;
    const std::string fifo = r.dir.file("pipe.jsonl");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    std::string text = entry("through a pipe") + "\n" + entry("and another") + "\n";
    if (gzipped) {
      write(r.dir.file("plain.jsonl"), text);
      ASSERT_EQ(std::system(("gzip -c " + r.dir.file("plain.jsonl") + " > " + r.dir.file("z.gz")).c_str()), 0);
      std::ifstream z(r.dir.file("z.gz"), std::ios::binary);
      text.assign(std::istreambuf_iterator<char>(z), {});
    }
    std::atomic<bool> done{false};
    std::thread writer([&] {
      int fd = open(fifo.c_str(), O_WRONLY);
      if (fd < 0) return;
      EXPECT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
      close(fd);
      for (int i = 0; i < 200 && !done; ++i) {
        int again = open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // succeeds only while a reader has it open
        if (again >= 0) close(again);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    });
    r.go({{"path", "pipe.jsonl"}});
    done = true;
    writer.join();
    EXPECT_EQ(r.messages(), (std::vector<std::string>{"through a pipe", "and another"})) << gzipped;
    EXPECT_TRUE(r.ctx.bad_lines.empty()) << gzipped;
  }
}

TEST(FileSource, MissingFileFailsAndEmptyGlobWarns) {
  Harness r;
  EXPECT_THROW(r.go({{"path", "nope.jsonl"}}), PluginError);
  Harness g;
  g.go({{"path", "none-*.jsonl"}});
  EXPECT_TRUE(g.out.records.empty());
  ASSERT_FALSE(g.ctx.logs.empty());
  // The worklog's source line says so too: an empty read must not look like a quiet service.
  EXPECT_NE(g.src->info().note.find("path \"none-*.jsonl\" matches no file"), std::string::npos) << g.src->info().note;
  Harness d;
  std::filesystem::create_directories(d.dir.file("logs"));
  try {
    d.go({{"path", "logs"}});
    FAIL() << "a directory was read as a file";
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("is a directory; give a file or a glob such as \"logs/*.log\""),
              std::string::npos) << e.what();
  }
}

// A time that does not parse is not silently replaced: the line is kept, stamped with the read
// time inside the window, counted (`undated_lines`) and named in a warning.
TEST(FileSource, UnreadableTimesAreCountedAndNamed) {
  Harness r;
  write(r.dir.file("app.log"), "2025-03-14 10:00:00 ERROR db: ok time\n2025-13-45 99:99:99 ERROR db: odd time\n");
  r.go({{"path", "app.log"}, {"format", "text"}, {"log_format", "<Date> <Time> <Level> <Component>: <Content>"}});
  EXPECT_EQ(r.ctx.metrics["undated_lines"], 1.0);
  bool warned = false;
  for (const auto& l : r.ctx.logs) warned = warned || l.find("1 line(s) carry no readable time") != std::string::npos;
  EXPECT_TRUE(warned);
  EXPECT_NE(r.src->info().note.find("1 without a readable timestamp"), std::string::npos) << r.src->info().note;
}

TEST(FileSource, TextWithLogFormatAndMultilineEvents) {
  Harness r;
  write(r.dir.file("app.log"),
        "2025-03-14 10:00:00 ERROR ws.loop: crash in loop\n"
        "Traceback (most recent call last):\n"
        "  File \"a.py\", line 3, in run\n"
        "ValueError: bad\n"
        "2025-03-14 10:00:01 WARN db.pool: pool low\n"
        "java.lang.IllegalStateException: boom\n"
        "\tat com.x.Y.z(Y.java:10)\n"
        "Caused by: java.io.IOException: io\n"
        "2025-03-14 10:00:02 INFO api: ok\n");
  r.go({{"path", "app.log"}, {"format", "text"}, {"log_format", "<Date> <Time> <Level> <Component>: <Content>"}});
  ASSERT_EQ(r.out.records.size(), 3u);
  EXPECT_EQ(r.out.records[0].message,
            "crash in loop\nTraceback (most recent call last):\n  File \"a.py\", line 3, in run\nValueError: bad");
  EXPECT_EQ(r.out.records[0].severity, Severity::Error);
  EXPECT_EQ(r.out.records[0].module, "ws.loop");
  EXPECT_EQ(r.out.records[0].timestamp_ns, *parse_rfc3339("2025-03-14T10:00:00Z"));
  EXPECT_EQ(r.out.records[1].severity, Severity::Warning);
  EXPECT_NE(r.out.records[1].message.find("Caused by: java.io.IOException"), std::string::npos);
  EXPECT_EQ(r.out.records[2].origin, r.dir.file("app.log") + ":9");
  EXPECT_EQ(r.ctx.metrics["multiline_joined"], 6);
}

// zap's console lines with Go's std log panic between them: the panic line is an event of its own
// (its date and time, rated by its words), the goroutine dump continues it though a loose format
// matches its lines; a line of another format that opens with a date and time is an event too.
TEST(FileSource, MixedFormatsAndLevelsReadFromTheWords) {
  Harness r;
  write(r.dir.file("app.log"),
        "2025-09-13T17:00:01.000Z\tWARN\tcache/redis.go:55\tcache miss storm\n"
        "2025/09/13 17:00:02 http: panic serving 10.0.0.7:51234: runtime error: nil pointer dereference\n"
        "goroutine 1234 [running]:\n"
        "main.(*Server).GetUser(0xc00093e6ac, {0xd7d3b3, 0xc000419f3a}, 0xc000143dcb)\n"
        "created by net/http.(*Server).Serve in goroutine 1\n"
        "2025-09-13T17:00:03Z db pool: error acquiring connection\n");
  r.go({{"path", "app.log"}, {"log_format", "<Timestamp> <Level> <Caller> <Content>"}});
  ASSERT_EQ(r.out.records.size(), 3u) << ::testing::PrintToString(r.messages());
  EXPECT_EQ(r.out.records[0].severity, Severity::Warning);
  EXPECT_EQ(r.out.records[0].message, "cache miss storm");
  const Record& panic = r.out.records[1];
  EXPECT_EQ(panic.timestamp_ns, *parse_rfc3339("2025-09-13T17:00:02Z"));
  EXPECT_EQ(panic.severity, Severity::Critical);  // "17:00:02" is no level: "panic" says it
  EXPECT_NE(panic.message.find("\ncreated by net/http.(*Server).Serve in goroutine 1"), std::string::npos);
  EXPECT_EQ(r.out.records[2].severity, Severity::Error);  // "db" is no level: "error" says it
  EXPECT_EQ(r.ctx.metrics["undated_lines"], 0.0);

  // Without a format, words rate a line that has no level; a word inside another is no level.
  Harness plain;
  write(plain.dir.file("a.log"), "Fatal: disk full\nWARNING low memory\nno_error here, 5errors\nall good\n"
                                 "error_count=0 non-fatal GET /api/error error.log\n");
  plain.go({{"path", "a.log"}});
  ASSERT_EQ(plain.out.records.size(), 5u);
  EXPECT_EQ(plain.out.records[4].severity, Severity::Default);
  EXPECT_EQ(plain.out.records[0].severity, Severity::Critical);
  EXPECT_EQ(plain.out.records[1].severity, Severity::Warning);
  EXPECT_EQ(plain.out.records[2].severity, Severity::Default);
  EXPECT_EQ(plain.out.records[3].severity, Severity::Default);
}

// `auto` takes a text line that opens with `[` for text (Apache, Elasticsearch), with or
// without a log_format; a JSON array of entries is still an array.
TEST(FileSource, AutoTellsBracketedTextFromAJsonArray) {
  const std::string apache =
      "[Sat Sep 13 17:00:01.123456 2025] [mpm_event:error] [pid 1:tid 1] AH00484: server reached MaxRequestWorkers\n";
  Harness plain;
  write(plain.dir.file("error_log"), apache);
  plain.go({{"path", "error_log"}});
  EXPECT_EQ(plain.out.records.size(), 1u);
  EXPECT_TRUE(plain.ctx.bad_lines.empty());
  Harness formatted;
  write(formatted.dir.file("error_log"), apache);
  formatted.go({{"path", "error_log"}, {"log_format", "\\[<Time>\\] \\[<Module>:<Level>\\] <Content>"}});
  ASSERT_EQ(formatted.out.records.size(), 1u);
  EXPECT_EQ(formatted.out.records[0].severity, Severity::Error);
  Harness array;
  write(array.dir.file("dump.json"), " [\n  " + entry("one") + ",\n" + entry("two") + "]\n");
  array.go({{"path", "dump.json"}});
  EXPECT_EQ(array.messages(), (std::vector<std::string>{"one", "two"}));
}

// Syslog's date has no year: the window's. Apache's ctime in brackets is read too, so neither
// file's lines are stamped with the read time (and counted again by the next run).
TEST(FileSource, SyslogAndApacheDates) {
  Harness r;
  r.ctx.run_window = {*parse_rfc3339("2025-09-13T17:00:00Z"), *parse_rfc3339("2025-09-13T19:00:00Z")};
  write(r.dir.file("syslog"), "Sep 13 17:00:03 web-01 kernel: nf_conntrack: table full, dropping packet\n");
  r.go({{"path", "syslog"}, {"log_format", "<Month> <Day> <Time> <Host> <Component>: <Content>"}});
  Harness apache;
  apache.ctx.run_window = r.ctx.run_window;
  write(apache.dir.file("error_log"), "[Sat Sep 13 17:00:01.123456 2025] [core:error] [pid 7] AH00037: loop\n");
  apache.go({{"path", "error_log"}, {"log_format", "\\[<Time>\\] \\[<Module>:<Level>\\] \\[pid <Pid>\\] <Content>"}});
  ASSERT_EQ(r.out.records.size(), 1u);
  EXPECT_EQ(r.out.records[0].timestamp_ns, *parse_rfc3339("2025-09-13T17:00:03Z"));
  ASSERT_EQ(apache.out.records.size(), 1u);
  EXPECT_EQ(apache.out.records[0].timestamp_ns, *parse_rfc3339("2025-09-13T17:00:01.123456Z"));
  EXPECT_EQ(r.ctx.metrics["undated_lines"] + apache.ctx.metrics["undated_lines"], 0.0);
  // Loghub's OpenSSH format puts the month in <Date> and the day in <Day>.
  Harness ssh;
  ssh.ctx.run_window = {*parse_rfc3339("2025-12-10T06:00:00Z"), *parse_rfc3339("2025-12-10T08:00:00Z")};
  write(ssh.dir.file("auth.log"), "Dec 10 06:55:48 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186\n");
  ssh.go({{"path", "auth.log"}, {"log_format", "<Date> <Day> <Time> <Component> sshd\\[<Pid>\\]: <Content>"}});
  ASSERT_EQ(ssh.out.records.size(), 1u);
  EXPECT_EQ(ssh.out.records[0].timestamp_ns, *parse_rfc3339("2025-12-10T06:55:48Z"));
  // klog's month and day without a year, its level glued before them (`<Level><Date>`, lazy
  // fields leave the level empty and the date `E0913`: the letter is the level).
  Harness klog;
  klog.ctx.run_window = r.ctx.run_window;
  write(klog.dir.file("kubelet.log"), "E0913 17:00:01.123456   12345 kubelet.go:123] \"Failed to sync pod\"\n"
                                      "W0913 17:00:02.5   12345 eviction.go:9] Node is under pressure\n");
  klog.go({{"path", "kubelet.log"}, {"log_format", "<Level><Date> <Time> <Pid> <File>:<Line>\\] <Content>"}});
  ASSERT_EQ(klog.out.records.size(), 2u);
  EXPECT_EQ(klog.out.records[0].timestamp_ns, *parse_rfc3339("2025-09-13T17:00:01.123456Z"));
  EXPECT_EQ(klog.out.records[0].severity, Severity::Error);
  EXPECT_EQ(klog.out.records[1].severity, Severity::Warning);
  EXPECT_EQ(klog.out.records[1].message, "Node is under pressure");
}

// Level words are read once and remembered (a few at a time): more words than it keeps, in
// turn, still give each line its own level.
TEST(FileSource, EveryLineGetsItsOwnLevelWord) {
  Harness r;
  const std::vector<std::pair<std::string, Severity>> words = {
      {"INFO", Severity::Info},     {"WARN", Severity::Warning}, {"ERROR", Severity::Error},   {"DEBUG", Severity::Debug},
      {"fatal", Severity::Critical}, {"E", Severity::Error},      {"W", Severity::Warning},     {"crit", Severity::Critical},
      {"notice", Severity::Notice},  {"err", Severity::Error},    {"warning", Severity::Warning}, {"I", Severity::Info}};
  std::string text;
  for (int i = 0; i < 40; ++i) text += "2025-09-13 17:00:0" + std::to_string(i % 10) + " " + words[i * 7 % 12].first + " x: m\n";
  write(r.dir.file("app.log"), text);
  r.go({{"path", "app.log"}, {"log_format", "<Date> <Time> <Level> <Component>: <Content>"}});
  ASSERT_EQ(r.out.records.size(), 40u);
  for (int i = 0; i < 40; ++i) EXPECT_EQ(r.out.records[i].severity, words[i * 7 % 12].second) << i;
}

// A file none of whose lines can be read says so: the format is wrong, not the service quiet.
TEST(FileSource, AFileOfOnlyBadLinesIsNamed) {
  Harness r;
  write(r.dir.file("app.log"), "garbage one\n\ngarbage two\n");
  r.go({{"path", "app.log"}, {"log_format", "<Date> <Time> <Level> <Component>: <Content>"}, {"multiline", Json::array()}});
  EXPECT_TRUE(r.out.records.empty());
  bool warned = false;
  for (const auto& l : r.ctx.logs)
    warned = warned || l.find("none of its 2 line(s) could be read as log_format") != std::string::npos;
  EXPECT_TRUE(warned) << ::testing::PrintToString(r.ctx.logs);
  Harness fine;
  write(fine.dir.file("app.log"), "garbage one\nfine line\n");
  fine.go({{"path", "app.log"}});
  for (const auto& l : fine.ctx.logs) EXPECT_EQ(l.find("none of its"), std::string::npos) << l;
}

TEST(FileSource, MultilineOffAndCustomRule) {
  const std::string text = "start one\n  indented\n+more\nstart two\n";
  Harness off;
  write(off.dir.file("a.log"), text);
  off.go({{"path", "a.log"}, {"multiline", Json::array()}});
  EXPECT_EQ(off.out.records.size(), 4u);

  Harness custom;
  write(custom.dir.file("a.log"), text);
  custom.go({{"path", "a.log"}, {"multiline", Json::array({"^\\+"})}});
  EXPECT_EQ(custom.messages(), (std::vector<std::string>{"start one", "  indented\n+more", "start two"}));
}

TEST(FileSource, LinesNotMatchingTheFormatAreBadWithoutMultiline) {
  Harness r;
  write(r.dir.file("a.log"), "2025-03-14 10:00:00 INFO x: fine\ngarbage line\n");
  r.go({{"path", "a.log"}, {"log_format", "<Date> <Time> <Level> <Component>: <Content>"},
        {"multiline", Json::array()}});
  EXPECT_EQ(r.out.records.size(), 1u);
  ASSERT_EQ(r.ctx.bad_lines.size(), 1u);
  EXPECT_EQ(r.ctx.bad_lines[0].first, r.dir.file("a.log") + ":2");
}

TEST(FileSource, WindowAndSeverityFiltersAreCounted) {
  Harness r;
  r.ctx.run_window = {*parse_rfc3339("2025-03-14T10:00:00Z"), *parse_rfc3339("2025-03-14T11:00:00Z")};
  write(r.dir.file("a.jsonl"), entry("in") + "\n" + entry("late", "ERROR", "2025-03-14T11:00:00Z") + "\n" +
                                   entry("early", "ERROR", "2025-03-14T09:59:59.999Z") + "\n" +
                                   entry("quiet", "INFO") + "\n");
  r.go({{"path", "a.jsonl"}, {"min_severity", "WARNING"}});
  EXPECT_EQ(r.messages(), (std::vector<std::string>{"in"}));
  EXPECT_EQ(r.ctx.metrics["skipped_outside_window"], 2);
  EXPECT_EQ(r.ctx.metrics["skipped_below_severity"], 1);
}

TEST(FileSource, BatchesAreBounded) {
  Harness r;
  std::string text;
  for (int i = 0; i < 10; ++i) text += entry("m" + std::to_string(i)) + "\n";
  write(r.dir.file("a.jsonl"), text);
  r.go({{"path", "a.jsonl"}, {"batch_size", 4}});
  EXPECT_EQ(r.out.records.size(), 10u);
  EXPECT_EQ(r.out.batches, 3u);
}

TEST(FileSource, BadOptionsAreDiagnosed) {
  EXPECT_THROW(make_configured<FileSource>({{"path", "a"}, {"format", "xml"}}), ConfigurationError);
  EXPECT_THROW(make_configured<FileSource>({{"path", "a"}, {"log_format", "<Date> no content"}}), ConfigurationError);
  EXPECT_THROW(make_configured<FileSource>({{"path", "a"}, {"multiline", Json::array({"(unclosed"})}}),
               ConfigurationError);
  EXPECT_THROW(make_configured<FileSource>({{"path", "a"}, {"min_severity", "LOUD"}}), ConfigurationError);
  EXPECT_THROW(make_configured<FileSource>(Json::object()), ConfigurationError);
}

}  // namespace
}  // namespace gardener::plugins

namespace gardener::plugins {
namespace {

// The demo's bundled sample: every line decodes, inside the window demo.toml documents.
TEST(FileSource, BundledDemoSampleReadsCleanly) {
  testing::TestContext ctx;
  ctx.dir = std::string(GARDENER_SOURCE_DIR) + "/pipelines";
  ctx.run_window = {*parse_rfc3339("2025-09-13T17:00:00Z"), *parse_rfc3339("2025-09-13T23:00:00Z")};
  testing::CollectingEmitter out;
  auto src = testing::make_configured<FileSource>({{"path", "samples/netra-backend-staging.jsonl"}});
  src->run(ctx, out);
  EXPECT_GE(out.records.size(), 300u);
  EXPECT_TRUE(ctx.bad_lines.empty());
  EXPECT_EQ(ctx.metrics["skipped_outside_window"], 0);
  size_t ssot = 0, loop = 0, breaker = 0, session = 0, autocreate = 0;
  for (const auto& r : out.records) {
    EXPECT_EQ(r.resource_type, "cloud_run_revision");
    EXPECT_EQ(label_value(r.resource_labels, "revision_name"), "netra-backend-staging-00575-jbb");
    EXPECT_FALSE(r.module.empty());
    EXPECT_GT(r.line, 0);
    ssot += r.message.find("SSOT VIOLATION") != std::string::npos;
    loop += r.message.find("Message loop crashed") != std::string::npos;
    breaker += r.message.find("circuit breaker") != std::string::npos;
    session += r.message.find("SessionMiddleware must be installed") != std::string::npos;
    autocreate += r.message.find("USER AUTO-CREATED") != std::string::npos;
  }
  EXPECT_GT(ssot, 0u);
  EXPECT_GT(loop, 0u);
  EXPECT_GT(breaker, 0u);
  EXPECT_GT(session, 0u);
  EXPECT_GT(autocreate, 0u);
}

}  // namespace
}  // namespace gardener::plugins
