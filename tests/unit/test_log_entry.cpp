// decode_log_entry: the extraction rules of protocols.md §2 on real LogEntry shapes.
#include <gtest/gtest.h>

#include <gardener/log_entry.hpp>
#include <gardener/time.hpp>

namespace gardener {
namespace {

// protocols.md §2, the constructed Cloud Run example.
const char* kCloudRunEntry = R"({"insertId": "6650f3a2000a1b2c3d4e5f60",
 "jsonPayload": {"message": "payment failed: upstream timeout",
   "context": {"name": "checkout", "service": "payments"},
   "labels": {"function": "charge", "line": 118, "module": "billing.stripe"}},
 "resource": {"type": "cloud_run_revision",
   "labels": {"project_id": "my-proj", "service_name": "payments-svc", "revision_name": "payments-00042-abc"}},
 "timestamp": "2024-05-24T20:11:14.123456Z",
 "severity": "ERROR",
 "labels": {"instanceId": "00f4b6"},
 "logName": "projects/my-proj/logs/run.googleapis.com%2Fstdout",
 "sourceLocation": {"file": "billing/stripe.py", "line": "120", "function": "charge_card"},
 "trace": "projects/my-proj/traces/4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "000000000000004a",
 "receiveTimestamp": "2024-05-24T20:11:14.401938201Z"})";

TEST(LogEntry, DecodesCloudRunEntry) {
  Record r;
  ASSERT_EQ(decode_log_entry(kCloudRunEntry, r), "");
  EXPECT_EQ(r.message, "payment failed: upstream timeout");
  EXPECT_EQ(r.severity, Severity::Error);
  EXPECT_EQ(r.timestamp_ns, *parse_rfc3339("2024-05-24T20:11:14.123456Z"));
  EXPECT_EQ(r.function, "charge_card");  // sourceLocation wins over jsonPayload.labels
  EXPECT_EQ(r.line, 120);                // from the string "120"
  EXPECT_EQ(r.file, "billing/stripe.py");
  EXPECT_EQ(r.module, "billing.stripe");
  EXPECT_EQ(r.service, "payments");  // context.service before resource.labels.service_name
  EXPECT_EQ(r.logger, "checkout");
  EXPECT_EQ(r.log_name, "projects/my-proj/logs/run.googleapis.com%2Fstdout");
  EXPECT_EQ(r.resource_type, "cloud_run_revision");
  EXPECT_EQ(label_value(r.resource_labels, "revision_name"), "payments-00042-abc");
  EXPECT_EQ(label_value(r.labels, "instanceId"), "00f4b6");
  EXPECT_EQ(r.trace, "projects/my-proj/traces/4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(r.span_id, "000000000000004a");
  EXPECT_EQ(r.insert_id, "6650f3a2000a1b2c3d4e5f60");
  EXPECT_EQ(r.raw, kCloudRunEntry);
}

TEST(LogEntry, LabelsFallbacksAndNumericLine) {
  Record r;
  ASSERT_EQ(decode_log_entry(R"({"jsonPayload":{"message":"m","labels":{"function":"f","line":42,"module":"a.b"}},
      "resource":{"type":"cloud_run_revision","labels":{"service_name":"svc"}}})", r), "");
  EXPECT_EQ(r.function, "f");
  EXPECT_EQ(r.line, 42);
  EXPECT_EQ(r.module, "a.b");
  EXPECT_EQ(r.service, "svc");
  EXPECT_EQ(r.severity, Severity::Default);  // missing severity
  EXPECT_EQ(r.timestamp_ns, 0);

  Record e;
  ASSERT_EQ(decode_log_entry(R"({"textPayload":"plain","labels":{"module":"m1","function":"g","line":"7"},
      "logName":"projects/p/logs/run.googleapis.com%2Fstderr","severity":"warning"})", e), "");
  EXPECT_EQ(e.message, "plain");
  EXPECT_EQ(e.module, "m1");
  EXPECT_EQ(e.function, "g");
  EXPECT_EQ(e.line, 7);
  EXPECT_EQ(e.logger, "run.googleapis.com/stderr");
  EXPECT_EQ(e.severity, Severity::Warning);
}

TEST(LogEntry, ProtoPayloadAndNumericSeverity) {
  Record r;
  ASSERT_EQ(decode_log_entry(R"({"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog",
      "status":{"code":7,"message":"denied"}},"severity":500,"timestamp":"2024-05-24T22:11:14+02:00"})", r), "");
  EXPECT_EQ(r.message, "denied");
  EXPECT_EQ(r.severity, Severity::Error);
  EXPECT_EQ(r.timestamp_ns, *parse_rfc3339("2024-05-24T20:11:14Z"));
}

TEST(LogEntry, CloudRunAppLineWithSpecialKeys) {
  // What the app prints, before the agent lifts the special keys (stdin / file sources).
  Record r;
  ASSERT_EQ(decode_log_entry(R"({"severity":"CRITICAL","message":"boom","timestampSeconds":1716581474,
      "timestampNanos":5,"context":{"name":"ws","service":"backend"},
      "logging.googleapis.com/sourceLocation":{"file":"ws.py","line":"9","function":"loop"},
      "logging.googleapis.com/labels":{"tenant":"t1"},
      "logging.googleapis.com/trace":"projects/p/traces/abc","logging.googleapis.com/insertId":"i1"})", r), "");
  EXPECT_EQ(r.message, "boom");
  EXPECT_EQ(r.severity, Severity::Critical);
  EXPECT_EQ(r.timestamp_ns, 1716581474LL * kNsPerSecond + 5);
  EXPECT_EQ(r.function, "loop");
  EXPECT_EQ(r.line, 9);
  EXPECT_EQ(r.file, "ws.py");
  EXPECT_EQ(r.service, "backend");
  EXPECT_EQ(r.logger, "ws");
  EXPECT_EQ(label_value(r.labels, "tenant"), "t1");
  EXPECT_EQ(r.trace, "projects/p/traces/abc");
  EXPECT_EQ(r.insert_id, "i1");
}

TEST(LogEntry, TimestampForms) {
  Record a, b, c;
  ASSERT_EQ(decode_log_entry(R"({"message":"x","timestamp":{"seconds":"100","nanos":7}})", a), "");
  EXPECT_EQ(a.timestamp_ns, 100 * kNsPerSecond + 7);
  ASSERT_EQ(decode_log_entry(R"({"message":"x","time":"1970-01-01T00:00:01.5Z"})", b), "");
  EXPECT_EQ(b.timestamp_ns, kNsPerSecond + 500'000'000);
  ASSERT_EQ(decode_log_entry(R"({"textPayload":"x","receiveTimestamp":"1970-01-01T00:00:02Z"})", c), "");
  EXPECT_EQ(c.timestamp_ns, 2 * kNsPerSecond);
}

// The JSON loggers besides Cloud Logging: pino (numeric level, time in ms), zap (ts in seconds
// with a fraction, level as text), logrus (level, time as RFC 3339).
TEST(LogEntry, LevelsAndTimesOfJsonLoggers) {
  Record pino, zap, logrus, cloud;
  ASSERT_EQ(decode_log_entry(R"({"level":50,"time":1757782801123,"msg":"request errored"})", pino), "");
  EXPECT_EQ(pino.severity, Severity::Error);
  EXPECT_EQ(format_rfc3339(pino.timestamp_ns, 3), "2025-09-13T17:00:01.123Z");
  ASSERT_EQ(decode_log_entry(R"({"level":"warn","ts":1757782801.5,"msg":"slow"})", zap), "");
  EXPECT_EQ(zap.severity, Severity::Warning);
  EXPECT_EQ(format_rfc3339(zap.timestamp_ns, 1), "2025-09-13T17:00:01.5Z");
  ASSERT_EQ(decode_log_entry(R"({"level":"fatal","time":"2025-09-13T17:00:01Z","msg":"down"})", logrus), "");
  EXPECT_EQ(logrus.severity, Severity::Critical);
  // Cloud Logging's severity wins over a payload's level.
  ASSERT_EQ(decode_log_entry(R"({"severity":"ERROR","jsonPayload":{"message":"x","level":"info"}})", cloud), "");
  EXPECT_EQ(cloud.severity, Severity::Error);
}

// MongoDB's structured log: the time in `t.$date`, the level in `s`, the cause in `attr.error`
// (its codeName and errmsg); .NET's `fail` and MongoDB's `D2` are levels too.
TEST(LogEntry, MongoDbStructuredLogAndMoreLevelWords) {
  Record m;
  ASSERT_EQ(decode_log_entry(R"({"t":{"$date":"2025-09-13T17:00:01.000+00:00"},"s":"E","c":"QUERY","id":23798,)"
                             R"("ctx":"conn12","msg":"Plan executor error during find command","attr":{"error":)"
                             R"({"code":50,"codeName":"MaxTimeMSExpired","errmsg":"operation exceeded time limit"}}})",
                             m),
            "");
  EXPECT_EQ(m.severity, Severity::Error);
  EXPECT_EQ(format_rfc3339(m.timestamp_ns, 0), "2025-09-13T17:00:01Z");
  EXPECT_EQ(m.message, "Plan executor error during find command\nMaxTimeMSExpired: operation exceeded time limit");
  Record other;  // a bare "t" or a numeric "s" of another logger is no time and no level
  ASSERT_EQ(decode_log_entry(R"({"msg":"done","t":35,"s":45})", other), "");
  EXPECT_EQ(other.timestamp_ns, 0);
  EXPECT_EQ(other.severity, Severity::Default);
  EXPECT_EQ(parse_severity("fail"), Severity::Error);
  EXPECT_EQ(parse_severity("D2"), Severity::Debug);
  EXPECT_EQ(parse_severity("WRN"), Severity::Warning);
}

// A cause beside the message is part of what happened: two causes are two events.
TEST(LogEntry, ACauseBesideTheMessageFollowsIt) {
  Record a, b, c, d;
  ASSERT_EQ(decode_log_entry(R"({"message":"request failed","error":"context deadline exceeded"})", a), "");
  EXPECT_EQ(a.message, "request failed\ncontext deadline exceeded");
  ASSERT_EQ(decode_log_entry(R"j({"msg":"job failed","err":{"type":"Error","message":"boom","stack":"Error: boom\n    at f (a.js:1:2)"}})j", b), "");
  EXPECT_EQ(b.message, "job failed\nError: boom\n    at f (a.js:1:2)");
  ASSERT_EQ(decode_log_entry(R"({"message":"upstream timeout: read tcp","error":"read tcp"})", c), "");
  EXPECT_EQ(c.message, "upstream timeout: read tcp");  // already in the message
  ASSERT_EQ(decode_log_entry(R"({"message":"x","error":false})", d), "");
  EXPECT_EQ(d.message, "x");
}

// A request log has no message: its method, path and status say what happened.
TEST(LogEntry, ARequestLogReadsAsItsRequestLine) {
  Record r;
  ASSERT_EQ(decode_log_entry(R"({"severity":"ERROR","httpRequest":{"requestMethod":"POST",
    "requestUrl":"https://svc-abc.a.run.app/v1/checkout?cart=42","status":503,"latency":"1.2s"},
    "timestamp":"2025-09-13T17:00:01Z"})", r), "");
  EXPECT_EQ(r.message, "503 Service Unavailable: POST /v1/checkout");
  EXPECT_EQ(r.severity, Severity::Error);
}

TEST(LogEntry, PayloadWithoutMessageIsKeptAsJson) {
  Record r;
  ASSERT_EQ(decode_log_entry(R"({"jsonPayload":{"event":"login","user":1}})", r), "");
  EXPECT_EQ(r.message, R"({"event":"login","user":1})");
}

TEST(LogEntry, RejectsTruncatedAndNonObjects) {
  Record r;
  EXPECT_NE(decode_log_entry(R"({"jsonPayload":{"message":"cut)", r), "");
  EXPECT_NE(decode_log_entry("[1,2]", r), "");
  EXPECT_NE(decode_log_entry(R"({"a":1} trailing)", r), "");
  EXPECT_NE(decode_log_entry("", r), "");
}

TEST(LogEntry, JsonOverloadMatchesText) {
  Record a, b;
  ASSERT_EQ(decode_log_entry(Json::parse(kCloudRunEntry), a), "");
  ASSERT_EQ(decode_log_entry(kCloudRunEntry, b), "");
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.timestamp_ns, b.timestamp_ns);
  EXPECT_EQ(a.labels, b.labels);
}

}  // namespace
}  // namespace gardener
