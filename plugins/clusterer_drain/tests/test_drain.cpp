// The drain clusterer: Drain3 behaviour ports, the fixes (typed similarity, short messages,
// enum split), persistence round trip with aliases, LRU eviction, match-only, and determinism
// across thread counts.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include <gardener/masking.hpp>
#include <test_context.hpp>

#include "drain_clusterer.hpp"

using namespace gardener;
using gardener::drain::DrainClusterer;
using gardener::testing::make_configured;
using gardener::testing::TempDir;
using gardener::testing::TestContext;

namespace {

Batch batch_of(const std::vector<std::string>& lines) {
  Batch b;
  for (const auto& l : lines) {
    Record r;
    r.message = l;
    b.records.push_back(std::move(r));
  }
  return b;
}

Report run(DrainClusterer& d, TestContext& ctx, const std::vector<std::string>& lines, Batch* out = nullptr) {
  Batch b = batch_of(lines);
  d.start(ctx);
  d.process(ctx, b);
  Report rep;
  d.finish(ctx, rep);
  if (out) *out = std::move(b);
  return rep;
}

std::map<std::string, uint64_t> by_template(const Report& r) {
  std::map<std::string, uint64_t> m;
  for (const auto& c : r.clusters) m[c.template_text] += c.count;
  return m;
}

// Two windows of one pipeline: `first`, then `next` with the state the first one saved.
struct TwoWindows {
  Report first, next;
  // The id of the first window's cluster whose template starts with `prefix`.
  std::string first_id(std::string_view prefix) const {
    for (const auto& c : first.clusters)
      if (c.template_text.rfind(prefix, 0) == 0) return c.id;
    return "(none)";
  }
};
TwoWindows two_windows(const std::vector<std::string>& first, const std::vector<std::string>& next) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  TwoWindows w;
  w.first = run(*make_configured<DrainClusterer>(Json::object()), ctx, first);
  w.next = run(*make_configured<DrainClusterer>(Json::object()), ctx, next);
  return w;
}

}  // namespace

// Drain3 test_drain.py::test_add_log_message, same input; the templates differ only where our
// masking types the values (Drain3 leaves 0.0.0.0 and "sshd[24206]:" whole). "ssh2" stays a word.
TEST(Drain, Drain3AddLogMessage) {
  auto d = make_configured<DrainClusterer>(Json{{"enum_split", false}});  // Drain3 has no enum split
  TestContext ctx;
  auto rep = run(*d, ctx,
                 {"Dec 10 07:07:38 LabSZ sshd[24206]: input_userauth_request: invalid user test9 [preauth]",
                  "Dec 10 07:08:28 LabSZ sshd[24208]: input_userauth_request: invalid user webmaster [preauth]",
                  "Dec 10 09:12:32 LabSZ sshd[24490]: Failed password for invalid user ftpuser from 0.0.0.0 port 62891 ssh2",
                  "Dec 10 09:12:35 LabSZ sshd[24492]: Failed password for invalid user pi from 0.0.0.0 port 49289 ssh2",
                  "Dec 10 09:12:44 LabSZ sshd[24501]: Failed password for invalid user ftpuser from 0.0.0.0 port 60836 ssh2",
                  "Dec 10 07:28:03 LabSZ sshd[24245]: input_userauth_request: invalid user pgadmin [preauth]"});
  auto m = by_template(rep);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m["<DATE> LabSZ sshd[<NUM>]: input_userauth_request: invalid user <*> [preauth]"], 3u);
  EXPECT_EQ(m["<DATE> LabSZ sshd[<NUM>]: Failed password for invalid user <*> from <IP> port <NUM> ssh2"], 3u);
}

// Drain3 test_add_shorter_than_depth_message: short messages are clustered too.
TEST(Drain, ShorterThanDepth) {
  auto d = make_configured<DrainClusterer>(Json{{"depth", 4}});
  TestContext ctx;
  auto rep = run(*d, ctx, {"hello", "hello", "otherword"});
  auto m = by_template(rep);
  EXPECT_EQ(m["hello"], 2u);
  EXPECT_EQ(m["otherword"], 1u);
}

// The known Drain fault: masked-heavy lines must not create a cluster per occurrence.
TEST(Drain, TypedSimilarityKeepsMaskedLinesTogether) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  for (int i = 0; i < 200; ++i)
    lines.push_back("blk_" + std::to_string(1000 + i) + " 10.0.0." + std::to_string(i % 250) + " " + std::to_string(i * 7));
  auto rep = run(*d, ctx, lines);
  ASSERT_EQ(rep.clusters.size(), 1u);
  EXPECT_EQ(rep.clusters[0].count, 200u);
}

// Short messages must match every constant word (our deliberate rule).
TEST(Drain, ShortMessagesNeedExactWords) {
  auto d = make_configured<DrainClusterer>(Json{{"sim_threshold", 0.4}});
  TestContext ctx;
  auto rep = run(*d, ctx, {"Link error", "Link ok", "Link error"});
  EXPECT_EQ(rep.clusters.size(), 2u);
}

TEST(Drain, EnumSplitSeparatesStates) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* states[] = {"Started", "Paused", "Resumed", "Stopped"};
  for (int i = 0; i < 40; ++i)
    lines.push_back(std::string("[instance: 42] VM ") + states[i % 4] + " (Lifecycle Event) now");
  auto rep = run(*d, ctx, lines);
  EXPECT_EQ(rep.clusters.size(), 4u);
  for (const auto& c : rep.clusters) EXPECT_EQ(c.count, 10u);
}

// Upper-case constants are an enumeration even with inner punctuation (not identifiers).
TEST(Drain, UpperCaseConstantsAreAnEnumeration) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  for (int i = 0; i < 20; ++i)
    lines.push_back(std::string("onReceive action: android.intent.action.") + (i % 2 ? "SCREEN_ON" : "SCREEN_OFF"));
  auto rep = run(*d, ctx, lines);
  ASSERT_EQ(rep.clusters.size(), 2u);
  for (const auto& c : rep.clusters) EXPECT_EQ(c.count, 10u) << c.template_text;
}

// A closed vocabulary spelt in upper case may take twice as many values (CoreDNS's record types,
// `A` alone included): five of them are five events, where five lower-case words are a parameter.
TEST(Drain, AnUpperCaseVocabularyTakesMoreValues) {
  const char* types[] = {"A", "AAAA", "PTR", "SRV", "HINFO"};
  const char* hosts[] = {"alpha", "bravo", "charlie", "delta", "echo"};
  std::vector<std::string> lines;
  for (int i = 0; i < 50; ++i) {
    lines.push_back(std::string("plugin/errors: 2 www.example.org. ") + types[i % 5] + ": read udp 10.0.0.1:53: i/o timeout");
    lines.push_back(std::string("upstream ") + hosts[i % 5] + " answered late to the resolver");
  }
  TestContext ctx;
  auto m = by_template(run(*make_configured<DrainClusterer>(Json::object()), ctx, lines));
  EXPECT_EQ(m["plugin/errors: <NUM> www.example.org. HINFO: read udp <IP>: i/o timeout"], 10u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["upstream <*> answered late to the resolver"], 50u);
}

TEST(Drain, WordParameterWithManyValuesIsOneCluster) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* users[] = {"root", "admin", "oracle", "guest", "test", "alice", "bob"};
  for (int i = 0; i < 21; ++i) lines.push_back(std::string("session opened for user ") + users[i % 7] + " by (uid=0)");
  auto rep = run(*d, ctx, lines);
  ASSERT_EQ(rep.clusters.size(), 1u);
  EXPECT_EQ(rep.clusters[0].template_text, "session opened for user <*> by (uid=<NUM>)");
}

// Names recur across events: the few users of an sshd log show up in several templates, where
// an enumeration (GET/POST) belongs to one. Each template stays one cluster.
TEST(Drain, FewWordsSharedBySeveralTemplatesAreNamesNotEnumerations) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* users[] = {"root", "deploy", "backup"};
  const char* methods[] = {"GET", "POST"};
  for (int i = 0; i < 30; ++i) {
    lines.push_back(std::string("Failed password for ") + users[i % 3] + " from 10.0.0." + std::to_string(i) + " port 22");
    lines.push_back(std::string("session opened for user ") + users[i % 2] + " by sshd now");
    lines.push_back(std::string("request \"") + methods[i % 2] + " /v2/servers\" served in 0.2 seconds");
    // Methods recur across events too, but upper case marks a closed vocabulary, not names.
    lines.push_back(std::string("retrying \"") + methods[i % 2] + " /v2/servers\" after 3 seconds");
  }
  auto rep = run(*d, ctx, lines);
  auto m = by_template(rep);
  EXPECT_EQ(m["Failed password for <*> from <IP> port <NUM>"], 30u);
  EXPECT_EQ(m["session opened for user <*> by sshd now"], 30u);
  EXPECT_EQ(m["request \"GET <PATH>\" served in <DURATION>"], 15u);  // the enumeration still splits
  EXPECT_EQ(m["request \"POST <PATH>\" served in <DURATION>"], 15u);
  EXPECT_EQ(m["retrying \"GET <PATH>\" after <DURATION>"], 15u);
}

// A closed pair of states varies in several events too (an interface and its line protocol go up
// and down), but no position shows three of them: states, not names. Device names are names.
TEST(Drain, StatesSharedBySeveralEventsStayAnEnumeration) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* states[] = {"up", "down"};
  const char* devices[] = {"eth0", "eth1"};
  for (int i = 0; i < 20; ++i) {
    const std::string port = "Gi0/" + std::to_string(i);
    lines.push_back("Interface " + port + ", changed state to " + states[i % 2]);
    lines.push_back("Line protocol on Interface " + port + ", changed state to " + states[i / 2 % 2]);
    lines.push_back(std::string("link down on ") + devices[i % 2] + " after " + std::to_string(i) + " errors");
    lines.push_back(std::string("DHCPREQUEST on ") + devices[i / 2 % 2] + " to 10.0.0.1 port 67");
  }
  auto m = by_template(run(*d, ctx, lines));
  EXPECT_EQ(m["Interface <PATH>, changed state to up"], 10u);
  EXPECT_EQ(m["Interface <PATH>, changed state to down"], 10u);
  EXPECT_EQ(m["Line protocol on Interface <PATH>, changed state to up"], 10u);
  EXPECT_EQ(m["link down on <*> after <NUM> errors"], 20u);
  EXPECT_EQ(m["DHCPREQUEST on <*> to <IP> port <NUM>"], 20u);
}

// Words that one event takes many of are names: where another event takes two of them, they are
// its parameter too (Linux's `<*> startup succeeded` over sixteen daemons, and `cupsd|sshd shutdown
// succeeded`). The same pair without the many-valued event stays apart, as states do.
// A position that names things (after `user`) keeps the first words it saw as evidence: where a
// rarer event takes four of them, mostly one (`failures for root|admin|pi|minecraft`), they are the
// names other events took, not an enumeration -- in this window, and after a restore in the next.
TEST(Drain, WordsANamingPositionTookAreNamesInARarerEvent) {
  const char* users[] = {"oracle", "admin", "test", "pi",   "ubuntu", "minecraft", "git",  "guest",
                         "ftp",    "user1", "deploy", "nagios", "mysql", "postgres", "hadoop", "tomcat"};
  std::vector<std::string> lines;
  for (int i = 0; i < 48; ++i) {
    lines.push_back(std::string("Invalid user ") + users[i % 16] + " from 10.0.0." + std::to_string(i));
    lines.push_back(std::string("input_userauth_request: invalid user ") + users[(i + 5) % 16] + " [preauth]");
  }
  const char* few[] = {"admin", "pi", "minecraft", "pi"};
  for (int i = 0; i < 34; ++i)
    lines.push_back(std::string("Disconnecting: Too many authentication failures for ") + (i < 30 ? "root" : few[i - 30]) +
                    " [preauth]");
  const TwoWindows w = two_windows(lines, {"Disconnecting: Too many authentication failures for root [preauth]",
                                            "Disconnecting: Too many authentication failures for pi [preauth]"});
  auto m = by_template(w.first);
  EXPECT_EQ(m["Disconnecting: Too many authentication failures for <*> [preauth]"], 34u) << ::testing::PrintToString(m);
  ASSERT_EQ(w.next.clusters.size(), 1u) << w.next.clusters[0].template_text;
  EXPECT_EQ(w.next.clusters[0].id, w.first_id("Disconnecting"));
}

// Two events that vary over the same names, each too rarely to tell alone (an init script's
// daemons): frames sharing two words and three in all are parameters. A pair of states two events
// share is an enumeration still.
TEST(Drain, TwoEventsThatVaryOverTheSameNamesTakeNames) {
  std::vector<std::string> lines;
  for (const char* daemon : {"hcid", "sdpd", "pcmcia", "hcid", "sdpd", "pcmcia"})
    lines.push_back(std::string("Starting ") + daemon + ": succeeded");
  for (const char* daemon : {"hcid", "sdpd"}) lines.push_back(std::string("Stopping ") + daemon + ": succeeded");
  for (int i = 0; i < 4; ++i) {
    lines.push_back(std::string("link state ") + (i % 2 ? "up" : "down") + " reported");
    lines.push_back(std::string("port state ") + (i % 2 ? "up" : "down") + " changed");
  }
  const TwoWindows w = two_windows(lines, {"Starting hcid: succeeded"});
  auto m = by_template(w.first);
  EXPECT_EQ(m["Starting <*>: succeeded"], 6u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["Stopping <*>: succeeded"], 2u);
  EXPECT_EQ(m["link state up reported"], 2u);
  EXPECT_EQ(m["port state down changed"], 2u);
  ASSERT_EQ(w.next.clusters.size(), 1u);  // one daemon in the next window: the same issue
  EXPECT_EQ(w.next.clusters[0].id, w.first_id("Starting <*>")) << w.next.clusters[0].template_text;
}

TEST(Drain, NamesThatOneEventTakesManyOfAreNamesInAnother) {
  const char* daemons[] = {"cupsd", "sshd", "crond", "atd", "named", "xinetd"};
  std::vector<std::string> shutdowns;
  for (int i = 0; i < 18; ++i) shutdowns.push_back(std::string(i % 9 ? "cupsd" : "sshd") + " shutdown succeeded");
  for (int i = 0; i < 10; ++i) shutdowns.push_back(std::string("link state ") + (i % 2 ? "up" : "down") + " reported");
  // The constants of a dotted closed set stay constants, where an event takes two of them and
  // where another takes six (HealthApp's intent actions: three of five recollections label them so).
  const char* actions[] = {"SCREEN_ON", "SCREEN_OFF", "USER_PRESENT", "TIME_TICK", "DATE_CHANGED", "BATTERY_LOW"};
  for (int i = 0; i < 12; ++i) {
    shutdowns.push_back(std::string("onReceive action: android.intent.action.") + actions[i % 2]);
    shutdowns.push_back(std::string("processHandleBroadcastAction action:android.intent.action.") + actions[i % 6]);
  }
  std::vector<std::string> lines = shutdowns;
  for (int i = 0; i < 12; ++i) lines.push_back(std::string(daemons[i % 6]) + " startup succeeded");
  {
    // A next window with one daemon's shutdowns only: the same issue.
    const TwoWindows w = two_windows(lines, {"sshd shutdown succeeded"});
    auto m = by_template(w.first);
    EXPECT_EQ(m["<*> startup succeeded"], 12u);
    EXPECT_EQ(m["<*> shutdown succeeded"], 18u);
    EXPECT_EQ(m["link state up reported"], 5u);  // no event takes many of these
    EXPECT_EQ(m["processHandleBroadcastAction action:android.intent.action.BATTERY_LOW"], 2u);
    EXPECT_EQ(m["onReceive action: android.intent.action.SCREEN_ON"], 6u);
    ASSERT_EQ(w.next.clusters.size(), 1u);
    EXPECT_EQ(w.next.clusters[0].id, w.first_id("<*> shutdown succeeded")) << w.next.clusters[0].template_text;
  }
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  auto m = by_template(run(*d, ctx, shutdowns));
  EXPECT_EQ(m["cupsd shutdown succeeded"], 16u);
  EXPECT_EQ(m["sshd shutdown succeeded"], 2u);
}

// Clusters that differ only where things are named (after `user=`, `database=`, `host `) are one
// event, however many of those positions differ at once and however few values each takes.
TEST(Drain, ClustersThatDifferOnlyInNamesAreOneEvent) {
  const char* users[] = {"app_rw", "grafana", "auth_svc", "report", "etl", "backup"};
  const char* databases[] = {"shop", "analytics", "auth", "billing"};
  std::vector<std::string> lines;
  for (int i = 0; i < 8; ++i) lines.push_back("connection authorized: user=inv_app database=inventory application_name=sync");
  for (int i = 0; i < 24; ++i)
    lines.push_back(std::string("connection authorized: user=") + users[i % 6] + " database=" + databases[i % 4] +
                    " application_name=" + users[(i + 1) % 6]);
  for (int i = 0; i < 6; ++i) lines.push_back(std::string("checkpoint starting: ") + (i % 2 ? "time" : "wal"));
  // A name of several words at a naming position, where the other names differ too.
  for (int i = 0; i < 6; ++i)
    lines.push_back("connection authorized: user=app_rw database=shop application_name=PostgreSQL JDBC Driver");
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  auto rep1 = run(*make_configured<DrainClusterer>(Json::object()), ctx, lines);
  auto m = by_template(rep1);
  const std::string merged = "connection authorized: user=<*> database=<*> application_name=<*>";
  EXPECT_EQ(m[merged], 38u);
  EXPECT_EQ(m["checkpoint starting: time"], 3u);  // no name here: an enumeration
  std::string id;
  for (const auto& c : rep1.clusters)
    if (c.template_text == merged) id = c.id;
  // The next window has only the lines that were a cluster of their own: the same issue.
  auto rep2 = run(*make_configured<DrainClusterer>(Json::object()), ctx,
                  std::vector<std::string>(3, "connection authorized: user=inv_app database=inventory application_name=sync"));
  ASSERT_EQ(rep2.clusters.size(), 1u);
  EXPECT_EQ(rep2.clusters[0].id, id) << rep2.clusters[0].template_text;
}

// A logfmt record's `msg=` says what happened; its other fields are context, however few values
// they take (Go's slog: provider=adyen|stripe, currency=EUR|USD). Without a `msg=`, `key=value`
// states stay an enumeration.
TEST(Drain, FieldsOfALogfmtRecordAreContext) {
  const char* providers[] = {"adyen", "stripe"};
  const char* currencies[] = {"EUR", "USD"};
  std::vector<std::string> lines;
  for (int i = 0; i < 16; ++i) {
    lines.push_back(std::string("time=2025-09-13T17:00:00Z level=ERROR msg=\"payment failed\" provider=") +
                    providers[i % 2] + " user=u" + std::to_string(i) + " amount=" + std::to_string(10 + i) +
                    " currency=" + currencies[i / 2 % 2]);
    lines.push_back(std::string("link changed state=") + (i % 2 ? "up" : "down") + " speed=1000");
    // So are the fields of a printed object (a quoted key, then `:`); not an error's.
    lines.push_back(std::string("IOPMPowerSource Information: onSleep, 'ExternalConnected': ") + (i % 2 ? "Yes" : "No") +
                    ", 'TimeRemaining': " + std::to_string(i) + ",");
    lines.push_back(std::string("sync job ended {'error': ") + (i % 2 ? "timeout" : "refused") + ", 'job': 7}");
  }
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  auto m = by_template(run(*d, ctx, lines));
  EXPECT_EQ(m["time=<TIMESTAMP> level=ERROR msg=\"payment failed\" provider=<*> user=<ID> amount=<NUM> currency=<*>"], 16u)
      << ::testing::PrintToString(m);
  EXPECT_EQ(m["link changed state=up speed=<NUM>"], 8u);
  EXPECT_EQ(m["IOPMPowerSource Information: onSleep, 'ExternalConnected': <*>, 'TimeRemaining': <NUM>,"], 16u);
  EXPECT_EQ(m["sync job ended {'error': timeout, 'job': <NUM>}"], 8u) << ::testing::PrintToString(m);
}

// Two messages of one length whose brackets fall where the other has words are not one event:
// grouped, each would be spelled with the other's spacing ("unexpected eof whilereading )").
TEST(Drain, ABracketWhereAnotherMessageHasAWordIsAnotherEvent) {
  const std::vector<std::string> lines = {
      "*59719 SSL_do_handshake() failed (SSL: error:0A0000C1:SSL routines::no shared cipher) while SSL handshaking, "
      "client: 39.38.19.167, server: 0.0.0.0:80",
      "*60045 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL "
      "handshaking, client: 86.27.54.253, server: 0.0.0.0:80",
      "*61405 SSL_read() failed (SSL: error:0A000126:SSL routines::unexpected eof while reading) while keepalive, "
      "client: 2a01:360f:520c:288c::207d, server: 0.0.0.0:443",
      "*62037 SSL_read() failed (SSL: error:0A000126:SSL routines::unexpected eof while reading) while keepalive, "
      "client: 2.173.224.191, server: 0.0.0.0:443",
      "*64960 SSL_do_handshake() failed (SSL: error:0A0000C1:SSL routines::no shared cipher) while SSL handshaking, "
      "client: 34.160.14.215, server: 0.0.0.0:443"};
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  auto rep = run(*d, ctx, lines);
  auto m = by_template(rep);
  EXPECT_EQ(m["*<NUM> SSL_read() failed (SSL: error:<HEX>:SSL routines::unexpected eof while reading) while keepalive, "
              "client: <IP>, server: <IP>"], 2u);
  for (const auto& c : rep.clusters) EXPECT_EQ(c.template_text.find("whilereading"), std::string::npos) << c.template_text;
}

// The value of `key=value`, a program before its process id and the word after `user` are
// parameters, however few values they take.
TEST(Drain, KeyValuesProgramsAndUsersAreParameters) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* users[] = {"root", "guest"};
  const char* programs[] = {"WeChat", "mdworker"};
  for (int i = 0; i < 20; ++i) {
    lines.push_back(std::string("authentication failure; logname= tty=ssh user=") + users[i % 2]);
    lines.push_back(std::string("process ") + programs[i % 2] + "[" + std::to_string(100 + i) + "] caught waking up");
    lines.push_back(std::string("New session 7 of user ") + (i % 2 ? "alice" : "postgres") + ".");
  }
  auto rep = run(*d, ctx, lines);
  for (const auto& c : rep.clusters) EXPECT_EQ(c.count, 20u) << c.template_text;
  EXPECT_EQ(rep.clusters.size(), 3u);
}

// A deployment's things named after `kind=` (container=app, queue=orders) are parameters however
// few values a window shows; other keys keep their states apart (status=sent / status=failed),
// and the same words before a space start a sentence (Instance spawned / Instance destroyed).
TEST(Drain, KeyedNamesOfThingsAreParametersStatesAndSentencesAreNot) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* containers[] = {"app", "indexer"};
  const char* queues[] = {"orders", "refunds"};
  const char* states[] = {"sent", "failed"};
  const char* verbs[] = {"spawned", "destroyed"};
  for (int i = 0; i < 20; ++i) {
    lines.push_back(std::string("back-off 40s restarting failed container=") + containers[i % 2] + " pod=web-1");
    lines.push_back(std::string("consumer lagging on queue=") + queues[i % 2] + " partition 3");
    lines.push_back(std::string("delivery of message 42 ended with status=") + states[i % 2]);
    lines.push_back(std::string("[instance: 7a0c] Instance ") + verbs[i % 2] + " successfully.");
  }
  auto m = by_template(run(*d, ctx, lines));
  EXPECT_EQ(m.size(), 6u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["back-off <DURATION> restarting failed container=<*> pod=<ID>"], 20u);
  EXPECT_EQ(m["consumer lagging on queue=<*> partition <NUM>"], 20u);
  EXPECT_EQ(m["delivery of message <NUM> ended with status=sent"], 10u);
  EXPECT_EQ(m["delivery of message <NUM> ended with status=failed"], 10u);
  EXPECT_EQ(m["[instance: <ID>] Instance spawned successfully."], 10u);
}

// Bracketed free text of varying length (a cron command) is one parameter: Drain files each
// length apart, the free-text merge joins them when three or more share the frame.
TEST(Drain, BracketedFreeTextOfAnyLengthIsOneParameter) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* commands[] = {"run-parts /etc/cron.hourly", "command -v debian-sa1 > /dev/null && debian-sa1 1 1",
                            "test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )",
                            "/usr/lib/php/sessionclean"};
  for (int i = 0; i < 40; ++i) lines.push_back(std::string("(root) CMD (") + commands[i % 4] + ")");
  // Two lengths in one frame only: two events that start alike, kept apart.
  for (int i = 0; i < 10; ++i) {
    lines.push_back("backup job done (exit ok)");
    lines.push_back("backup job done (exit code 3, disk full)");
  }
  // An empty pair of brackets where others hold one value: the value is missing.
  for (int i = 0; i < 10; ++i)
    lines.push_back("ftpd connection from 10.0.0." + std::to_string(i) + (i % 3 ? " (host-a.example.com)" : " ()") +
                    " at noon");
  auto rep = run(*d, ctx, lines);
  auto m = by_template(rep);
  EXPECT_EQ(m["ftpd connection from <IP> (<*>) at noon"], 10u);
  // The statistics follow the new shape: the address keeps its values, the text's <*> has none.
  for (const auto& c : rep.clusters) {
    if (c.template_text.rfind("ftpd", 0) != 0) continue;
    ASSERT_EQ(c.variables.size(), 2u);
    EXPECT_EQ(c.variables[0].name, "IP#1");
    EXPECT_EQ(c.variables[0].distinct, 10u);
    EXPECT_EQ(c.variables[1].name, "*#2");
    EXPECT_TRUE(c.variables[1].top.empty());
  }
  EXPECT_EQ(m["(root) CMD (<*>)"], 40u);
  // Three clusters but two lengths: a sentence in the brackets is free text, command lines of two
  // shapes are two jobs (as the Loghub labels of cron's lines have them).
  std::vector<std::string> two_lengths;
  for (int i = 0; i < 30; ++i) {
    const char* reasons[] = {"Unspecified", "Disassociated due to inactivity", "Disassociated because station leaving"};
    const char* jobs[] = {"run-parts /etc/cron.daily", "/usr/lib64/sa/sa1 1 1", "/usr/lib64/sa/sa2 -A"};
    two_lengths.push_back(std::string("AirPort: Link Down on en0. Reason 4 (") + reasons[i % 3] + ").");
    two_lengths.push_back(std::string("(root) CMD (") + jobs[i % 3] + ")");
  }
  TestContext ctx3;
  auto shapes = by_template(run(*make_configured<DrainClusterer>(Json::object()), ctx3, two_lengths));
  EXPECT_EQ(shapes["AirPort: Link Down on en0. Reason <NUM> (<*>)."], 30u);
  EXPECT_EQ(shapes["(root) CMD (run-parts <PATH>)"], 10u);
  EXPECT_EQ(shapes["(root) CMD (<PATH> -A)"], 10u);
  EXPECT_EQ(m["backup job done (exit ok)"], 10u);
  EXPECT_EQ(m["backup job done (exit code <NUM>, disk full)"], 10u);
  auto off = make_configured<DrainClusterer>(Json{{"free_text_merge", false}});
  TestContext ctx2;
  EXPECT_GT(run(*off, ctx2, lines).clusters.size(), 5u);
}

// A name of several words where others have one: "Microsoft Word[311]" fills the program slot of
// "process <*>[<*>]". Words that only look alike (a shorter event) stay apart.
TEST(Drain, NamesOfSeveralWordsFillTheirSlot) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* programs[] = {"WeChat", "Dropbox", "Microsoft Word", "Google Chrome Helper", "mds", "Safari"};
  for (int i = 0; i < 60; ++i)
    lines.push_back(std::string("process ") + programs[i % 6] + "[" + std::to_string(100 + i) +
                    "] caught causing excessive wakeups, rate " + std::to_string(i));
  // Rule names the enum split took for an enumeration, until one of them has two words.
  const char* rules[] = {"Default", "Intranet", "Dev Servers"};
  for (int i = 0; i < 30; ++i)
    lines.push_back("app" + std::to_string(i) + ".exe matching " + rules[i % 3] + " rule : using proxy 10.0.0.1:8080");
  for (int i = 0; i < 20; ++i)
    lines.push_back("app" + std::to_string(i) + ".exe matching " + rules[i % 2] + " rule : direct connection");
  for (int i = 0; i < 10; ++i) {
    lines.push_back("link state of port " + std::to_string(i) + " is up");
    lines.push_back("link state of port " + std::to_string(i) + " is going down now");
  }
  auto rep = run(*d, ctx, lines);
  auto m = by_template(rep);
  EXPECT_EQ(m["process <*>[<NUM>] caught causing excessive wakeups, rate <NUM>"], 60u);
  EXPECT_EQ(m["<ID> matching <*> rule : using proxy <IP>"], 30u);
  EXPECT_EQ(m["<ID> matching Default rule : direct connection"], 10u);  // no two-word rule: an enumeration
  EXPECT_EQ(m["link state of port <NUM> is up"], 10u);
  EXPECT_EQ(m["link state of port <NUM> is going down now"], 10u);
  for (const auto& c : rep.clusters)
    if (c.template_text.rfind("process", 0) == 0) {
      ASSERT_EQ(c.variables.size(), 3u);  // the program, its pid, the rate
      EXPECT_EQ(c.variables[1].name, "NUM#2");
    }
  auto off = make_configured<DrainClusterer>(Json{{"free_text_merge", false}});
  TestContext ctx2;
  EXPECT_EQ(by_template(run(*off, ctx2, lines))["process <*>[<NUM>] caught causing excessive wakeups, rate <NUM>"], 40u);
}

// Two-word messages: the tree files each second word apart. Identifiers there are names (cron
// jobs), plain words an enumeration, and an identifier that opens the message names the event.
// A value that is sometimes missing: "by (uid=0)" beside "by LOGIN(uid=0)", "rhost= user=root"
// beside "rhost=db-1 user=root", status="" beside status="ready". Its statistics keep the value
// where there is one.
TEST(Drain, SometimesEmptyValuesAreOneTemplate) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* users[] = {"root", "news", "cyrus", "test", "alice"};
  for (int i = 0; i < 30; ++i) {
    const std::string user = users[i % 5];
    const std::string by = i % 3 ? "" : i % 2 ? "LOGIN" : "su";
    lines.push_back("session opened for user " + user + " by " + by + "(uid=" + std::to_string(i) + ")");
    lines.push_back(std::string("authentication failure; logname= uid=0 rhost=") + (i % 4 ? "" : "db-" + user) +
                    " user=" + user);
    lines.push_back(std::string("probe finished status=\"") + (i % 3 ? "ready" : i % 2 ? "" : "failing") +
                    "\" pod=\"web-" + std::to_string(i) + "\"");
  }
  auto rep = run(*d, ctx, lines);
  auto m = by_template(rep);
  EXPECT_EQ(m["session opened for user <*> by <*>(uid=<NUM>)"], 30u);
  EXPECT_EQ(m["authentication failure; logname= uid=<NUM> rhost=<*> user=<*>"], 30u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["probe finished status=\"<*>\" pod=\"<QUOTED>\""], 30u);  // status="" is an empty value
  for (const auto& c : rep.clusters)
    if (c.template_text.rfind("session", 0) == 0) {
      ASSERT_EQ(c.variables.size(), 3u);
      EXPECT_EQ(c.variables[2].name, "NUM#3");
      EXPECT_EQ(c.variables[0].distinct, 5u);  // the users: the first message of a group counts too
      EXPECT_EQ(c.variables[2].distinct, 30u);
    }
}

// Variable k of a cluster's statistics is its template's k-th placeholder, whatever made the
// template: a word the enum split made constant has no values; a word a merge made a placeholder
// has its values (the subsumption and the cardinality merge), and the values after it stay aligned.
TEST(Drain, StatisticsFollowTheFinalTemplate) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  for (int i = 0; i < 12; ++i) {
    lines.push_back(std::string("the job finished with color ") + (i % 2 ? "green" : "blue") + " on node 10.1.0." +
                    std::to_string(i));
    lines.push_back(std::string("user ") + (i % 2 ? "bob" : "user" + std::to_string(i)) + " logged in from 10.2.0." +
                    std::to_string(i));
  }
  const char* apps[] = {"alpha", "beta", "gamma", "delta", "kappa"};
  for (int i = 0; i < 5; ++i)
    lines.push_back(std::string("deploy ") + apps[i] + " finished on host 10.3.0." + std::to_string(i) +
                    " in region east");
  auto rep = run(*d, ctx, lines);
  auto vars = [&](const std::string& tmpl) {
    struct Var {
      std::string name;
      std::vector<std::string> top;  // sorted
      uint64_t distinct;
    };
    std::vector<Var> out;
    for (const auto& c : rep.clusters)
      if (c.template_text == tmpl)
        for (const auto& v : c.variables) {
          std::vector<std::string> values;
          for (const auto& t : v.top) values.push_back(t.value);
          std::sort(values.begin(), values.end());
          out.push_back({v.name, values, v.distinct});
        }
    return out;
  };
  auto green = vars("the job finished with color green on node <IP>");
  ASSERT_EQ(green.size(), 1u);  // the enum-split colour is a constant here
  EXPECT_EQ(green[0].name, "IP#1");
  EXPECT_EQ(green[0].distinct, 6u);
  auto user = vars("user <*> logged in from <IP>");
  ASSERT_EQ(user.size(), 2u);  // "user bob" folded into "user <ID>": bob is a value, not an address
  EXPECT_EQ(user[0].top.front(), "bob");
  EXPECT_EQ(user[0].distinct, 7u);
  EXPECT_EQ(user[1].name, "IP#2");
  EXPECT_EQ(user[1].distinct, 12u);
  auto deploy = vars("deploy <*> finished on host <IP> in region east");
  ASSERT_EQ(deploy.size(), 2u);
  EXPECT_EQ(deploy[0].top, (std::vector<std::string>{"alpha", "beta", "delta", "gamma", "kappa"}));
  EXPECT_EQ(deploy[1].name, "IP#2");
  EXPECT_EQ(deploy[1].distinct, 5u);
}

TEST(Drain, IdentifiersAfterTheFirstWordAreNames) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  for (int i = 0; i < 6; ++i) {
    lines.push_back("starting check-nfs");
    lines.push_back("starting mcelog.cron");
    lines.push_back("starting 0anacron");
    lines.push_back("state normal");
    lines.push_back("state critical");
    lines.push_back("mDNS_RegisterInterface: frequent transitions on en0");
    lines.push_back("mDNS_DeregisterInterface: frequent transitions on en0");
  }
  auto m = by_template(run(*d, ctx, lines));
  EXPECT_EQ(m["starting <*>"], 18u);
  EXPECT_EQ(m["state normal"], 6u);
  EXPECT_EQ(m["state critical"], 6u);
  EXPECT_EQ(m["mDNS_RegisterInterface: frequent transitions on en0"], 6u);
  EXPECT_EQ(m["mDNS_DeregisterInterface: frequent transitions on en0"], 6u);
}

TEST(Drain, FewIdentifierValuesAreAParameterNotAnEnumeration) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* services[] = {"auth-service", "llm-gateway", "agent-service"};
  const char* domains[] = {"gmail.com", "acme-corp.io"};
  for (int i = 0; i < 30; ++i) {
    lines.push_back(std::string("Request to ") + services[i % 3] + " timed out after 30s");
    lines.push_back(std::string("Created user for domain ") + domains[i % 2] + " from signup form");
  }
  auto rep = run(*d, ctx, lines);
  ASSERT_EQ(rep.clusters.size(), 2u);
  for (const auto& c : rep.clusters) EXPECT_EQ(c.count, 30u) << c.template_text;
}

// The similarity threshold counts words, not a word's trailing `:` (Drain's whitespace tokens keep
// it in the word): four address events of one length, mostly colons, stay four. A `=` between a
// key and its value still counts, so two values that differ in a key=value message keep it one.
TEST(Drain, TrailingColonsDoNotMakeMessagesAlike) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* users[] = {"root", "news", "cyrus", "alice"};
  for (int i = 0; i < 12; ++i) {
    const std::string ts = "ARPT: 6217" + std::to_string(10 + i) + ".803630: wl0: ";
    lines.push_back(ts + "MDNS: IPV4 Addr: 10.42.167." + std::to_string(i));
    lines.push_back(ts + "MDNS: IPV6 Addr: fe80:0:0:0:592f:ff2b:c980:75" + std::to_string(10 + i));
    lines.push_back(ts + "setup_keepalive: Remote IP: 160.36.68." + std::to_string(i));
    lines.push_back(ts + "setup_keepalive: Local IP: 10.42.165." + std::to_string(i));
    lines.push_back(std::string("authentication failure; logname= uid=0 rhost=db-") + users[i % 4] + " user=" + users[i % 4]);
  }
  auto m = by_template(run(*d, ctx, lines));
  EXPECT_EQ(m["ARPT: <NUM>: wl0: MDNS: IPV4 Addr: <IP>"], 12u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["ARPT: <NUM>: wl0: MDNS: IPV6 Addr: <IP>"], 12u);
  EXPECT_EQ(m["ARPT: <NUM>: wl0: setup_keepalive: Remote IP: <IP>"], 12u);
  EXPECT_EQ(m["ARPT: <NUM>: wl0: setup_keepalive: Local IP: <IP>"], 12u);
  EXPECT_EQ(m["authentication failure; logname= uid=<NUM> rhost=<*> user=<*>"], 12u);
}

// A count's noun in the singular or the plural (`1 packet`, `5 packets`) is one word; a word
// and its plural elsewhere stay an enumeration.
TEST(Drain, APluralAfterACountIsOneWord) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  for (int i = 0; i < 12; ++i) {
    const int n = i % 2 ? 1 : 5 + i;
    lines.push_back("list OUTSIDE-IN denied tcp 10.0.0." + std::to_string(i) + "(443), " + std::to_string(n) +
                    (n == 1 ? " packet" : " packets"));
    lines.push_back(std::string("Backup job finished with ") + (i % 2 ? "warning" : "warnings") + " for volume");
    lines.push_back("rule " + std::string(i % 2 ? "alpha" : "beta") + "-" + std::to_string(i) + " " +
                    (i % 2 ? "match" : "matches") + " the request");  // a name before it, not a count
  }
  auto m = by_template(run(*d, ctx, lines));
  EXPECT_EQ(m["list OUTSIDE-IN denied tcp <IP>(<NUM>), <NUM> <*>"], 12u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["Backup job finished with warning for volume"], 6u);
  EXPECT_EQ(m["rule <ID> match the request"], 6u) << ::testing::PrintToString(m);
}

// The parts of a compound value glued by `:` (a cache key `product:KX-3648:fr`) are the value,
// not an enumeration of locales; a word after `: ` is still one (`status: up` / `status: down`).
TEST(Drain, PartsOfACompoundValueAreAParameter) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* locales[] = {"fr", "en", "de"};
  for (int i = 0; i < 18; ++i) {
    lines.push_back("Cache miss for key product:KX-" + std::to_string(3000 + i) + ":" + locales[i % 3]);
    lines.push_back("Replica " + std::to_string(i) + " of shard reported status: " + (i % 2 ? "up" : "down"));
  }
  auto m = by_template(run(*d, ctx, lines));
  EXPECT_EQ(m["Cache miss for key product:<ID>:<*>"], 18u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["Replica <NUM> of shard reported status: up"], 9u);
  EXPECT_EQ(m["Replica <NUM> of shard reported status: down"], 9u);
}

// Devices counted from zero (CPU0, CPU1) are instances of one kind: a parameter. Protocol
// versions (IPV4, IPV6) and names of other letters (ee0, alt0) stay an enumeration.
TEST(Drain, NumberedInstancesAreAParameterVersionsAreNot) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  for (int i = 0; i < 12; ++i) {
    lines.push_back("CPU" + std::to_string(i % 2) + ": Temperature above threshold, clock throttled");
    lines.push_back("CPU" + std::to_string(i % 2) + ": Running in modulated clock mode");  // short: two groups, one cluster
    lines.push_back(std::string("wl0: MDNS: ") + (i % 2 ? "IPV4" : "IPV6") + " Addr: 10.0.0." + std::to_string(i));
    lines.push_back(std::string("link via interface ") + (i % 2 ? "ee0" : "alt0") + " is now down");
    // Three instances or more of one kind, not counted from zero: a parameter too.
    const int ttys[] = {1, 2, 5, 6};
    if (i < 8) lines.push_back("ROOT LOGIN ON tty" + std::to_string(ttys[i % 4]));
  }
  auto rep = run(*d, ctx, lines);
  std::map<std::string, uint64_t> counts;
  for (const auto& c : rep.clusters) counts[c.template_text] = c.count;
  EXPECT_EQ(counts["ROOT LOGIN ON <*>"], 8u);
  EXPECT_EQ(counts.size(), 7u);
  EXPECT_EQ(counts["<*>: Running in modulated clock mode"], 12u);
  EXPECT_EQ(counts["<*>: Temperature above threshold, clock throttled"], 12u);
  EXPECT_EQ(counts["wl0: MDNS: IPV4 Addr: <IP>"], 6u);
  EXPECT_EQ(counts["link via interface ee0 is now down"], 6u);
}

TEST(Drain, ClusterIdIsTemplateFingerprintAndRecordsAreClaimed) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  Batch b;
  auto rep = run(*d, ctx, {"disk 1 full", "disk 2 full"}, &b);
  ASSERT_EQ(rep.clusters.size(), 1u);
  EXPECT_EQ(rep.clusters[0].id.size(), 16u);
  EXPECT_EQ(rep.clusters[0].kind, "drain");
  for (const auto& r : b.records) EXPECT_EQ(r.cluster_id, rep.clusters[0].id);
  auto d2 = make_configured<DrainClusterer>(Json::object());
  TestContext ctx2;
  auto rep2 = run(*d2, ctx2, {"disk 9 full"});
  EXPECT_EQ(rep2.clusters[0].id, rep.clusters[0].id);
}

// Traces alike but for the kind of error are two events (Sentry groups by it), and kinds of
// error seen once each are not values of one event either.
TEST(Drain, KindsOfErrorAreNeverMerged) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  for (int i = 0; i < 6; ++i)
    lines.push_back(std::string("Async task sync-inventory failed\n") +
                    (i % 2 ? "java.util.concurrent.TimeoutException" : "java.util.concurrent.CancellationException") +
                    "\n\tat java.base/java.util.concurrent.FutureTask.get(FutureTask.java:205)\n\tat com.acme.Jobs.run(Jobs.java:" +
                    std::to_string(40 + i) + ")");
  for (const char* kind : {"KeyError", "ValueError", "TypeError"})
    lines.push_back(std::string("handler crashed with ") + kind + " while serving the request");
  auto m = by_template(run(*d, ctx, lines));
  size_t async = 0, handler = 0;
  for (const auto& [tmpl, count] : m) {
    async += tmpl.rfind("Async task", 0) == 0;
    handler += tmpl.rfind("handler crashed", 0) == 0;
    if (tmpl.rfind("Async task", 0) == 0) EXPECT_EQ(count, 3u) << tmpl;
  }
  EXPECT_EQ(async, 2u);
  EXPECT_EQ(handler, 3u);
}

// A title is one line: a stack trace's lines and tabs read as spaces.
TEST(Drain, TitlesAreOneLine) {
  using drain::title_of;
  EXPECT_EQ(title_of("Failed order <*>\nconnection reset\n\tat <*>(A.java:<*>)"),
            "Failed order <*> connection reset at <*>(A.java:<*>)");
  EXPECT_EQ(title_of("  a  <*> <*>  b \n"), "a <*> b");
  // The kind of error first, by its class's own name, as Sentry titles a trace: Java's first
  // line after the message, Python's last.
  EXPECT_EQ(title_of("Servlet.service() threw exception\njava.lang.IllegalStateException: no order <*>\n\tat <*>"),
            "IllegalStateException: no order <*> \u2014 Servlet.service() threw exception");
  EXPECT_EQ(title_of("Exception in ASGI application\nTraceback (most recent call last):\n  File \"<*>\", line <*>\n"
                     "KeyError: '<*>'"),
            "KeyError: '<*>' \u2014 Exception in ASGI application");
  // Where it was thrown, when the frames name it: two traces of one error differ there.
  EXPECT_EQ(title_of("Failed\njava.lang.IllegalStateException: bad state\n\tat "
                     "com.acme.orders.OrderService.cancel(OrderService.java:<*>)\n\tat com.acme.Web.handle(Web.java:<*>)"),
            "IllegalStateException (in OrderService.cancel): bad state \u2014 Failed");
  EXPECT_EQ(title_of("Exception in ASGI application\nTraceback (most recent call last):\n  File \"<*>\", line <*>, in "
                     "run\n  File \"<*>\", line <*>, in load_user\nKeyError: '<*>'"),
            "KeyError (in load_user): '<*>' \u2014 Exception in ASGI application");
  // The first frame of the application, past the framework's.
  EXPECT_EQ(title_of("Failed\norg.springframework.dao.DataAccessResourceFailureException: no connection\n\tat "
                     "org.springframework.orm.jpa.JpaDialect.convert(JpaDialect.java:<*>)\n\tat "
                     "com.acme.orders.OrderRepository.find(OrderRepository.java:<*>)"),
            "DataAccessResourceFailureException (in OrderRepository.find): no connection \u2014 Failed");
  EXPECT_EQ(title_of("Unhandled error\nTypeError: x is undefined\n    at async Queue.run (<*>)"),
            "TypeError (in Queue.run): x is undefined \u2014 Unhandled error");
}

TEST(Drain, PersistenceRoundTripAndAlias) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  std::string first_id;
  {
    auto d = make_configured<DrainClusterer>(Json::object());
    auto rep = run(*d, ctx, {"Worker node alpha finished stage cleanup successfully today",
                             "Worker node alpha finished stage cleanup successfully today"});
    ASSERT_EQ(rep.clusters.size(), 1u);
    first_id = rep.clusters[0].id;
  }
  ASSERT_TRUE(store->get("test-pipeline/under-test", "tree").has_value());
  {
    // Same lines on a restored tree: same id.
    auto d = make_configured<DrainClusterer>(Json::object());
    auto rep = run(*d, ctx, {"Worker node alpha finished stage cleanup successfully today"});
    ASSERT_EQ(rep.clusters.size(), 1u);
    EXPECT_EQ(rep.clusters[0].id, first_id);
  }
  {
    // A new value generalises the template: new id, alias from the old one.
    auto d = make_configured<DrainClusterer>(Json::object());
    auto rep = run(*d, ctx, {"Worker node beta finished stage cleanup successfully today",
                             "Worker node gamma finished stage cleanup successfully today",
                             "Worker node delta finished stage cleanup successfully today",
                             "Worker node omega finished stage cleanup successfully today"});
    ASSERT_EQ(rep.clusters.size(), 1u);
    EXPECT_NE(rep.clusters[0].id, first_id);
    EXPECT_EQ(store->resolve_alias(first_id), rep.clusters[0].id);
  }
}

// --plan performs the reads and no write: the tree and the aliases stay as the last real run
// left them, so the real run after a plan still finds the generalisation and its alias.
TEST(Drain, APlanWritesNoTreeAndNoAlias) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  const std::vector<std::string> one = {"Worker node alpha finished stage cleanup successfully today"};
  std::vector<std::string> many;  // more names than an enumeration has: the template generalises
  for (const char* name : {"beta", "gamma", "delta", "omega"})
    many.push_back(std::string("Worker node ") + name + " finished stage cleanup successfully today");
  std::string first_id = run(*make_configured<DrainClusterer>(Json::object()), ctx, one).clusters[0].id;
  const auto tree = store->get("test-pipeline/under-test", "tree");
  ctx.plan_mode = true;
  std::string planned_id = run(*make_configured<DrainClusterer>(Json::object()), ctx, many).clusters[0].id;
  EXPECT_NE(planned_id, first_id);
  EXPECT_EQ(store->get("test-pipeline/under-test", "tree"), tree);
  EXPECT_EQ(store->resolve_alias(first_id), first_id);
  ctx.plan_mode = false;
  auto rep = run(*make_configured<DrainClusterer>(Json::object()), ctx, many);
  EXPECT_EQ(rep.clusters[0].id, planned_id);
  EXPECT_EQ(rep.clusters[0].aliases, std::vector<std::string>{first_id});
  EXPECT_EQ(store->resolve_alias(first_id), planned_id);
}

// A merge at the end of one window holds in the next, though the next lacks its evidence: the
// line of a free-text frame, a name of a cardinality merge, a new name, and a generalised
// template that max_clusters evicted keep the merged id (one GitHub issue, not one per line).
TEST(Drain, MergesOfAnEarlierRunHoldInTheNext) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  auto id_of = [](const Report& rep, const std::string& prefix) {
    for (const auto& c : rep.clusters)
      if (c.template_text.rfind(prefix, 0) == 0) return c.id;
    return std::string("(none)");
  };
  std::vector<std::string> first;
  const char* commands[] = {"run-parts /etc/cron.hourly", "backup", "sh -c sync now", "/usr/lib/sa/sa1 1 1"};
  const char* names[] = {"alpha", "beta", "gamma", "delta", "kappa"};
  for (int i = 0; i < 8; ++i) {
    first.push_back(std::string("cron job (root) CMD (") + commands[i % 4] + ") exited with status");
    first.push_back(std::string("Subsystem ") + names[i % 5] + " reported unexpected failure code " + std::to_string(i));
  }
  auto rep1 = run(*make_configured<DrainClusterer>(Json::object()), ctx, first);
  const std::string cron = id_of(rep1, "cron job (root) CMD (<*>)");
  const std::string subsystem = id_of(rep1, "Subsystem <*> reported");
  ASSERT_NE(cron, "(none)");
  ASSERT_NE(subsystem, "(none)");
  auto rep2 = run(*make_configured<DrainClusterer>(Json::object()), ctx,
                  {"cron job (root) CMD (sh -c sync now) exited with status",
                   "Subsystem alpha reported unexpected failure code 9", "Subsystem kilo reported unexpected failure code 3"});
  ASSERT_EQ(rep2.clusters.size(), 2u);
  EXPECT_EQ(id_of(rep2, "cron job"), cron);
  EXPECT_EQ(id_of(rep2, "Subsystem"), subsystem);
  EXPECT_TRUE(rep2.clusters[0].aliases.empty() && rep2.clusters[1].aliases.empty());
  EXPECT_EQ(store->resolve_alias(cron), cron);  // no member turned the merged id into an alias
  // Statistics follow the adopted template: one variable per placeholder.
  for (const auto& c : rep2.clusters)
    if (c.id == subsystem) ASSERT_EQ(c.variables.size(), 2u);

  // Evicted, then back with a new name: the generalised template's id.
  TempDir dir2;
  auto store2 = StateStore::open(dir2.file("state.db"));
  TestContext ctx2;
  ctx2.store = store2.get();
  Json small{{"max_clusters", 2}};
  std::vector<std::string> users;
  for (const char* u : {"ann", "bob", "cyd", "dan", "eve", "fay"}) users.push_back(std::string("Login failed for user ") + u + " from portal");
  const std::string login = run(*make_configured<DrainClusterer>(small), ctx2, users).clusters[0].id;
  run(*make_configured<DrainClusterer>(small), ctx2, {"disk sda full on node one", "fan two stopped on node one", "cpu hot on node one now"});
  auto rep3 = run(*make_configured<DrainClusterer>(small), ctx2, {"Login failed for user zed from portal"});
  EXPECT_EQ(rep3.clusters[0].id, login);
}

// nginx's and Apache's error lines end in context fields: the request's method and an optional
// referrer are context, not kinds of the error. One error is one cluster, in this window and the next, while a
// method that starts a message (an access log's request line) and a state in the first field of
// a list stay enumerations.
TEST(Drain, ContextFieldsOfAnErrorAreOneEvent) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  auto nginx = [](int i, const char* method, bool referrer) {
    return "*" + std::to_string(100 + i) +
           " connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.1." +
           std::to_string(i) + ", server: api.example.com, request: \"" + method + " /v1/orders/" +
           std::to_string(i) + " HTTP/1.1\", upstream: \"http://10.0.1.5:8080/v1/orders\", host: \"api.example.com\"" +
           (referrer ? ", referrer: \"https://www.example.com/\"" : "");
  };
  const char* methods[] = {"GET", "POST", "PUT"};
  std::vector<std::string> lines;
  for (int i = 0; i < 12; ++i) {
    lines.push_back(nginx(i, methods[i % 3], i % 4 == 0));
    lines.push_back(std::string("\"") + methods[i % 2] + " /v2/servers/" + std::to_string(i) +
                    " HTTP/1.1\" status: 200 len: 1893 time: 0.25");
    lines.push_back(std::string("Interface eth0 changed state, status: ") + (i % 2 ? "up" : "down"));
    lines.push_back("AH01102: error reading status line from remote server app-" + std::to_string(i) +
                    ".internal:8080" + (i % 3 ? "" : ", referer: https://shop.example.com/cart/" + std::to_string(i)));
    lines.push_back(i % 2 ? ", referer: https://x.example/" + std::to_string(i) : ",");  // nothing before the field
  }
  auto rep1 = run(*make_configured<DrainClusterer>(Json::object()), ctx, lines);
  auto m = by_template(rep1);
  const std::string merged =
      "*<NUM> connect() failed (<NUM>: Connection refused) while connecting to upstream, client: <IP>, server: "
      "<NAME>, request: \"<*> <PATH>\", upstream: \"<QUOTED>\", host: \"<QUOTED>\"<*>";
  EXPECT_EQ(m[merged], 12u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["\"GET <PATH>\" status: <NUM> len: <NUM> time: <NUM>"], 6u);
  EXPECT_EQ(m["\"POST <PATH>\" status: <NUM> len: <NUM> time: <NUM>"], 6u);
  EXPECT_EQ(m["Interface eth0 changed state, status: up"], 6u);
  EXPECT_EQ(m["<ID>: error reading status line from remote server <*><*>"], 12u);  // Apache's optional referer
  std::string id;
  for (const auto& c : rep1.clusters)
    if (c.template_text == merged) id = c.id;
  // The next window has only lines with a referrer, and one method: the same issue.
  auto rep2 = run(*make_configured<DrainClusterer>(Json::object()), ctx, {nginx(20, "GET", true), nginx(21, "GET", true)});
  ASSERT_EQ(rep2.clusters.size(), 1u);
  EXPECT_EQ(rep2.clusters[0].id, id) << rep2.clusters[0].template_text;
}

// Free text of several lengths joins across names: the only `(20: Not a directory)` lines were
// GETs, so its cluster kept the method where the others have <*>, and the free-text merge, which
// needs three lengths, saw two.
TEST(Drain, FreeTextJoinsAcrossNamedContext) {
  const char* reasons[] = {"2: No such file or directory", "13: Permission denied", "20: Not a directory"};
  const char* methods[] = {"GET", "POST"};
  std::vector<std::string> lines;
  for (int i = 0; i < 12; ++i) {
    const int r = i % 6 < 3 ? 0 : (i % 6 < 5 ? 1 : 2);
    lines.push_back("*" + std::to_string(100 + i) + " open() \"/srv/www/f" + std::to_string(i) + "\" failed (" +
                    reasons[r] + "), client: 10.0.0." + std::to_string(i) + ", server: shop, request: \"" +
                    (r == 2 ? "GET" : methods[i % 2]) + " /f" + std::to_string(i) + " HTTP/1.1\"");
  }
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  auto rep = run(*make_configured<DrainClusterer>(Json::object()), ctx, lines);
  ASSERT_EQ(rep.clusters.size(), 1u) << ::testing::PrintToString(by_template(rep));
  EXPECT_EQ(rep.clusters[0].count, 12u);
  // A next window with the GETs of one errno text only: the same issue.
  auto next = run(*make_configured<DrainClusterer>(Json::object()), ctx, {lines[5], lines[11]});
  ASSERT_EQ(next.clusters.size(), 1u);
  EXPECT_EQ(next.clusters[0].id, rep.clusters[0].id) << next.clusters[0].template_text;
}

// Quoted text of varying length is free text like bracketed text: three user agents of three
// lengths are one event.
TEST(Drain, QuotedFreeTextOfSeveralLengthsIsOneSlot) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  const char* agents[] = {"okhttp/4.12.0", "curl 8.1 (linux)", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)"};
  std::vector<std::string> lines;
  for (int i = 0; i < 9; ++i)
    lines.push_back(std::string("upstream connect error for client agent \"") + agents[i % 3] + "\" status 503 flags UF");
  auto m = by_template(run(*d, ctx, lines));
  EXPECT_EQ(m["upstream connect error for client agent \"<*>\" status <NUM> flags UF"], 9u) << ::testing::PrintToString(m);
  // Two lengths suffice when one holds a single value and the other a sentence (Envoy's user
  // agent: a client library's name or a browser's); two lengths of values alone do not.
  lines.clear();
  for (int i = 0; i < 8; ++i) {
    lines.push_back(std::string("upstream reset for client agent \"") + (i % 2 ? agents[0] : agents[2]) + "\" flags UF");
    lines.push_back(std::string("retry budget spent on shard (") + (i % 2 ? "7" : "rack-2 -f") + ") of the index");
  }
  TestContext ctx2;
  m = by_template(run(*make_configured<DrainClusterer>(Json::object()), ctx2, lines));
  EXPECT_EQ(m["upstream reset for client agent \"<*>\" flags UF"], 8u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["retry budget spent on shard (<NUM>) of the index"], 4u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["retry budget spent on shard (<ID> -f) of the index"], 4u) << ::testing::PrintToString(m);
}

// A message that ends in a list has a length per list size: rare clusters that share what
// comes up to their first `:` and list three sizes or more are one event, in this window and the
// next (however long its list). Reasons after a `:` that repeat stay apart.
TEST(Drain, ListsOfVaryingLengthAreOneEvent) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  const char* reasons[] = {"missing country", "invalid email", "duplicate customer id"};
  auto batch = [&](int file, int rows) {
    std::string line = "Batch import failed for file customers-" + std::to_string(file) + ".csv: " +
                       std::to_string(rows) + " rows rejected: ";
    for (int r = 0; r < rows; ++r) line += (r ? "; row " : "row ") + std::to_string(100 + r * 7) + ": " + reasons[(file + r) % 3];
    return line;
  };
  std::vector<std::string> lines;
  for (int i = 0; i < 6; ++i) lines.push_back(batch(i, 2 + i));
  for (int i = 0; i < 10; ++i) {
    lines.push_back(std::string("Error loading module ") + "m" + std::to_string(i) + ": " +
                    (i % 2 ? "Permission denied" : "No such file or directory"));
  }
  auto rep1 = run(*make_configured<DrainClusterer>(Json::object()), ctx, lines);
  auto m = by_template(rep1);
  EXPECT_EQ(m["Batch import failed for file <ID>: <*>"], 6u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["Error loading module <ID>: Permission denied"], 5u);
  EXPECT_EQ(m["Error loading module <ID>: No such file or directory"], 5u);
  std::string id;
  for (const auto& c : rep1.clusters)
    if (c.template_text.rfind("Batch", 0) == 0) id = c.id;
  auto rep2 = run(*make_configured<DrainClusterer>(Json::object()), ctx, {batch(40, 30)});
  ASSERT_EQ(rep2.clusters.size(), 1u);
  EXPECT_EQ(rep2.clusters[0].id, id);
}

// A list of values has a length per size, however often each size repeats: PostgreSQL's lock
// waits and duplicate keys are one event each, in this window and the next (a longer list).
// A list of words may be states and keeps its sizes apart.
TEST(Drain, ListsOfValuesOfSeveralSizesAreOneEvent) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  auto pids = [](int first, int n) {
    std::string s;
    for (int k = 0; k < n; ++k) s += (k ? ", " : "") + std::to_string(first + k * 13);
    return s;
  };
  auto lock = [&](int i, int n) { return "Process holding the lock: " + std::to_string(9000 + i) + ". Wait queue: " + pids(i, n) + "."; };
  std::vector<std::string> lines;
  for (int i = 0; i < 24; ++i) {
    lines.push_back(lock(i, 1 + i % 3));
    const char* column[] = {"user_id", "account_email", "order_sku"};
    const char* pair[] = {"order_id, customer_id", "tenant_id, api_key"};
    lines.push_back(i % 2 ? std::string("Key (") + column[i % 3] + ")=(" + std::to_string(i) + ") already exists."
                          : std::string("Key (") + pair[i / 2 % 2] + ")=(" + pids(i, 2) + ") already exists.");
    lines.push_back(std::string("Enabled features for tenant: ") + (i % 2 ? "auth, billing" : "auth"));
    lines.push_back("\"Eviction manager: pods ranked for eviction\" pods=[" +
                    std::string(i % 2 ? "\"shop/cart-1\",\"auth/keycloak-" + std::to_string(i) + "\"" : "\"shop/api-7\"") + "]");
  }
  auto rep1 = run(*make_configured<DrainClusterer>(Json::object()), ctx, lines);
  auto m = by_template(rep1);
  EXPECT_EQ(m["Process holding the lock: <NUM>. Wait queue: <*>."], 24u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["Key (<*>)=(<*>) already exists."], 24u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["Enabled features for tenant: auth, billing"], 12u);
  EXPECT_EQ(m["Enabled features for tenant: auth"], 12u);
  EXPECT_EQ(m["\"Eviction manager: pods ranked for eviction\" pods=[<*>]"], 24u);
  std::string id;
  for (const auto& c : rep1.clusters)
    if (c.template_text.rfind("Process", 0) == 0) id = c.id;
  auto rep2 = run(*make_configured<DrainClusterer>(Json::object()), ctx, {lock(7, 6)});
  ASSERT_EQ(rep2.clusters.size(), 1u);
  EXPECT_EQ(rep2.clusters[0].id, id) << rep2.clusters[0].template_text;
}

// A value in quotes and a bare one are not one list of two sizes, and a control byte that looks
// like the merge's own mark is a word like any other (no read past a cluster's lists).
TEST(Drain, ListsOfOtherItemsOrMarksInTheTextStayApart) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  for (int i = 0; i < 8; ++i) {
    lines.push_back("lookup of user \"u" + std::to_string(i) + "\" not found in directory");
    lines.push_back("lookup of user " + std::to_string(40 + i) + " not found in directory");
    lines.push_back("Wait queue of lock " + std::to_string(i) + ", " + std::to_string(i + 9));
    lines.push_back("Wait queue of lock \x1e " + std::to_string(i));
  }
  auto m = by_template(run(*d, ctx, lines));
  EXPECT_EQ(m["lookup of user \"<QUOTED>\" not found in directory"], 8u) << ::testing::PrintToString(m);
  EXPECT_EQ(m["lookup of user <NUM> not found in directory"], 8u);
  EXPECT_EQ(m["Wait queue of lock \x1e <NUM>"], 8u);
}

// Sentry's grouping of traces: one exception and message thrown from two places are two issues
// (Java and Python frames), and the request a message mentions ("in GET /x") is context, for
// any method, while a quoted request line keeps its method.
TEST(Drain, FramesTellTracesApartAndRequestsAreContext) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  const char* methods[] = {"GET", "POST", "PUT"};
  for (int i = 0; i < 12; ++i) {
    const std::string where = i % 2 ? "cancel" : "refund";
    lines.push_back(std::string("Unhandled error in ") + methods[i % 3] + " /api/orders/" + std::to_string(i) +
                    "\njava.lang.IllegalStateException: Order is not in a valid state\n\tat com.acme.orders.OrderService." +
                    where + "(OrderService.java:" + std::to_string(40 + i % 2) +
                    ")\n\tat com.acme.orders.web.OrderController.handle(OrderController.java:19)");
    lines.push_back(std::string("Traceback (most recent call last):\n  File \"/app/api.py\", line 12, in ") +
                    (i % 2 ? "load_user" : "load_cart") + "\nKeyError: 'id'");
    lines.push_back(std::string("\"") + methods[i % 2] + " /v2/servers/" + std::to_string(i) + " HTTP/1.1\" status: 200");
  }
  auto m = by_template(run(*d, ctx, lines));
  for (const char* where : {"cancel", "refund"})
    EXPECT_EQ(m[std::string("Unhandled error in <*> <PATH>\njava.lang.IllegalStateException: Order is not in a valid "
                            "state\n\tat com.acme.orders.OrderService.") +
                where + "(OrderService.java:<NUM>)\n\tat com.acme.orders.web.OrderController.handle(OrderController.java:<NUM>)"],
              6u)
        << ::testing::PrintToString(m);
  for (const char* where : {"load_user", "load_cart"})
    EXPECT_EQ(m[std::string("Traceback (most recent call last):\n  File \"<QUOTED>\", line <NUM>, in ") + where +
                "\nKeyError: '<QUOTED>'"],
              6u)
        << ::testing::PrintToString(m);
  EXPECT_EQ(m["\"GET <PATH>\" status: <NUM>"], 6u);
  EXPECT_EQ(m["\"POST <PATH>\" status: <NUM>"], 6u);
}

// The names found at the end of one run hold from the start of the next: a record is claimed
// under the id its cluster ends the run with.
TEST(Drain, RestoredTreeKnowsItsNamesFromTheFirstRecord) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  std::vector<std::string> lines;
  for (const char* user : {"root", "deploy", "backup", "root", "deploy"}) {  // three: names, not a state pair
    lines.push_back(std::string("Failed password for ") + user + " from 10.0.0.1 port 22");
    lines.push_back(std::string("Accepted key for ") + user + " from 10.0.0.1 port 22");
  }
  std::string failed_id;
  {
    auto d = make_configured<DrainClusterer>(Json::object());
    auto rep = run(*d, ctx, lines);
    ASSERT_EQ(rep.clusters.size(), 2u);
    for (const auto& c : rep.clusters)
      if (c.template_text.rfind("Failed", 0) == 0) failed_id = c.id;
  }
  auto d = make_configured<DrainClusterer>(Json::object());
  Batch b;
  auto rep = run(*d, ctx, {"Failed password for deploy from 10.0.0.2 port 22"}, &b);
  ASSERT_EQ(rep.clusters.size(), 1u);
  EXPECT_EQ(rep.clusters[0].id, failed_id);
  EXPECT_EQ(b.records[0].cluster_id, failed_id);
}

TEST(Drain, MatchOnlyAssignsKnownClustersOnly) {
  TempDir dir;
  auto store = StateStore::open(dir.file("state.db"));
  TestContext ctx;
  ctx.store = store.get();
  {
    auto d = make_configured<DrainClusterer>(Json::object());
    run(*d, ctx, {"cache miss for key 1", "cache miss for key 2"});
  }
  auto d = make_configured<DrainClusterer>(Json{{"mode", "match"}});
  Batch b;
  auto rep = run(*d, ctx, {"cache miss for key 3", "totally new message here"}, &b);
  EXPECT_FALSE(b.records[0].cluster_id.empty());
  EXPECT_TRUE(b.records[1].cluster_id.empty());
  ASSERT_EQ(rep.clusters.size(), 1u);
  EXPECT_EQ(rep.clusters[0].count, 1u);
}

TEST(Drain, LruEvictionKeepsCounts) {
  auto d = make_configured<DrainClusterer>(Json{{"max_clusters", 2}});
  TestContext ctx;
  d->start(ctx);
  const char* msgs[] = {"alpha one happened", "beta two happened here", "gamma three x y z w", "delta",
                        "epsilon is a long message with words"};
  for (const char* m : msgs) {
    Batch b = batch_of({m, m});
    d->process(ctx, b);
    EXPECT_LE(d->engine()->live_groups(), 2u);
  }
  Report rep;
  d->finish(ctx, rep);
  uint64_t total = 0;
  for (const auto& c : rep.clusters) total += c.count;
  EXPECT_EQ(total, 10u);
  EXPECT_EQ(rep.clusters.size(), 5u);
}

// 6000 lines of many lengths (0 .. max_words - 1 extra words), for the thread-count tests.
static std::vector<std::string> connection_lines(int max_words) {
  std::vector<std::string> lines;
  const char* verbs[] = {"opened", "closed", "reset", "flushed"};
  for (int i = 0; i < 6000; ++i) {
    std::string l = "conn " + std::to_string(i % 97) + " " + verbs[i % 4];
    for (int k = 0; k < i % max_words; ++k) l += " w" + std::string(1, char('a' + k));
    lines.push_back(l + " at 10.0.0." + std::to_string(i % 200));
  }
  return lines;
}

TEST(Drain, SameResultWithAnyThreadCount) {
  const std::vector<std::string> lines = connection_lines(9);
  auto dump = [&](int threads) {
    auto d = make_configured<DrainClusterer>(Json{{"threads", threads}});
    TestContext ctx;
    Batch b;
    auto rep = run(*d, ctx, lines, &b);
    std::string s;
    for (const auto& c : rep.clusters) s += c.id + " " + c.template_text + " " + std::to_string(c.count) + "\n";
    for (const auto& r : b.records) s += r.cluster_id + "\n";
    return s;
  };
  std::string one = dump(1);
  EXPECT_EQ(one, dump(2));
  EXPECT_EQ(one, dump(4));
}

// Many batches whose mix of token counts shifts, with new counts appearing late: the shards'
// plan (ShardPlan) places new lengths as they come and is made again every 64 batches. Every
// record's id, and every cluster, must still be what one thread gives.
TEST(Drain, SameResultOverManyBatchesWhoseLengthsShift) {
  auto dump = [](int threads) {
    auto d = make_configured<DrainClusterer>(Json{{"threads", threads}});
    TestContext ctx;
    d->start(ctx);
    std::string s;
    const char* words[] = {"alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota", "kappa"};
    uint64_t seed = 11;
    auto pick = [&](uint64_t n) {  // the same sequence for every thread count
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      return (seed >> 33) % n;
    };
    for (int k = 0; k < 80; ++k) {  // the plan is made again at batch 64
      std::vector<std::string> lines;
      const uint64_t max_words = 2 + k % 7 + (k > 60 ? 6 : 0);  // longer messages only after batch 60
      for (int i = 0; i < 520; ++i) {  // two threads' worth (256 records each)
        // Words drawn from a small vocabulary: which positions become <*>, and which messages
        // split into their own clusters, depends on the order in which the variants arrive.
        std::string l = std::string("job ").append(words[pick(3)]);
        for (uint64_t w = 0, n = pick(max_words); w < n; ++w) l.append(" ").append(words[pick(10)]);
        lines.push_back(l + " on node-" + std::to_string(pick(7)));
      }
      Batch b = batch_of(lines);
      d->process(ctx, b);
      for (const auto& r : b.records) s += r.cluster_id + "\n";
    }
    Report rep;
    d->finish(ctx, rep);
    for (const auto& c : rep.clusters) s += c.id + " " + c.template_text + " " + std::to_string(c.count) + "\n";
    return s;
  };
  const std::string one = dump(1);
  EXPECT_EQ(one, dump(2));
  EXPECT_EQ(one, dump(3));
}

// Records carry the template's tokens; some messages are rewritten afterwards (stale tokens, a
// different token count too). Every record is still clustered, by its new text, and the result
// does not depend on the thread count.
TEST(Drain, StaleTemplateTokensAreReadAgainOnAnyThreadCount) {
  const std::vector<std::string> lines = connection_lines(7);
  Masker masker;
  auto dump = [&](int threads) {
    auto d = make_configured<DrainClusterer>(Json{{"threads", threads}});
    TestContext ctx;
    Batch b = batch_of(lines);
    for (size_t i = 0; i < b.records.size(); ++i) {
      masker.apply(b.records[i]);
      if (i % 50 == 7) b.records[i].message = "rewritten after masking, entry " + std::to_string(i);
    }
    d->start(ctx);
    d->process(ctx, b);
    Report rep;
    d->finish(ctx, rep);
    std::string s;
    uint64_t total = 0;
    for (const auto& c : rep.clusters) {
      s += c.id + " " + c.template_text + " " + std::to_string(c.count) + "\n";
      total += c.count;
    }
    EXPECT_EQ(total, lines.size());
    for (const auto& r : b.records) s += r.cluster_id + "\n";
    return s;
  };
  std::string one = dump(1);
  EXPECT_NE(one.find("rewritten after masking, entry <NUM>"), std::string::npos) << one.substr(0, 2000);
  EXPECT_EQ(one, dump(2));
  EXPECT_EQ(one, dump(4));
}

// Records masked upstream carry their tokens: a repeat under an unchanged tree is answered by the
// match memo (plugins/clusterer_drain/tests/test_match_memo.cpp proves the answers the same), and
// the run's metrics say how often.
TEST(Drain, RepeatsOfStoredTokensAreAnsweredByTheMemo) {
  Masker masker;
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  std::vector<std::string> lines;
  for (int i = 0; i < 10; ++i) {
    lines.push_back("disk /dev/sda1 is 91% full");
    lines.push_back("job nightly-backup finished in 12.5s");
  }
  Batch b = batch_of(lines);
  masker.apply(std::span<Record>(b.records));
  d->start(ctx);
  d->process(ctx, b);
  Report rep;
  d->finish(ctx, rep);
  EXPECT_EQ(rep.clusters.size(), 2u);
  // Per message: the first line makes its cluster, the second finds it unchanged, 8 are repeats.
  EXPECT_EQ(ctx.metrics["memo_answers"], 16.0);
}

// A repeat the memo answers unchanged is read at its variables only (the other stored tokens are
// not converted): every record's id and every cluster, statistics included, are what the drain
// gives when it tokenizes each message itself and searches the tree for every line.
TEST(Drain, RecalledRepeatsGiveWhatTheFullSearchGives) {
  std::mt19937 rng(7);
  const char* states[] = {"up", "down", "degraded"};
  const char* users[] = {"root", "deploy", "alice", "bob", "svc_backup"};
  std::vector<std::string> lines;
  for (int i = 0; i < 3000; ++i) {
    const int v = static_cast<int>(rng() % 40);
    switch (rng() % 6) {
      case 0: lines.push_back("link eth" + std::to_string(v % 3) + " changed state to " + states[v % 3]); break;
      case 1: lines.push_back(std::string("session opened for user ") + users[v % 5] + " by (uid=" + std::to_string(v) + ")"); break;
      case 2: lines.push_back("disk /dev/sda" + std::to_string(v % 4) + " is " + std::to_string(80 + v % 20) + "% full"); break;
      case 3: lines.push_back("job " + std::string(users[v % 5]) + "-sync finished in " + std::to_string(v % 7) + ".5s"); break;
      case 4: lines.push_back("Wait queue: " + std::to_string(v) + (v % 2 ? ", 17." : ".")); break;
      default: lines.push_back("request " + std::to_string(v % 9) + " failed: " + (v % 2 ? "timeout" : "refused")); break;
    }
  }
  auto run_with = [&](bool stored) {
    Batch b = batch_of(lines);
    if (stored) Masker().apply(std::span<Record>(b.records));
    auto d = make_configured<DrainClusterer>(Json::object());
    TestContext ctx;
    d->start(ctx);
    d->process(ctx, b);
    Report rep;
    d->finish(ctx, rep);
    std::string s;
    for (const auto& r : b.records) s += r.cluster_id + "\n";
    for (const auto& c : rep.clusters) s += to_json(c).dump() + "\n";
    return std::make_pair(s, ctx.metrics["memo_answers"]);
  };
  const auto [recalled, answers] = run_with(true);
  const auto [searched, none] = run_with(false);
  EXPECT_GT(answers, 2000.0);  // the recalled path was taken
  EXPECT_EQ(none, 0.0);
  EXPECT_EQ(recalled, searched);
}

TEST(Drain, UsesUpstreamMaskedText) {
  auto d = make_configured<DrainClusterer>(Json::object());
  TestContext ctx;
  Batch b = batch_of({"ticket T-1 reopened", "ticket T-2 reopened"});
  for (auto& r : b.records) {
    r.masked = "ticket <TICKET> reopened";
    r.variables = {Variable{"TICKET", r.message.substr(7, 3)}};
  }
  d->start(ctx);
  d->process(ctx, b);
  Report rep;
  d->finish(ctx, rep);
  ASSERT_EQ(rep.clusters.size(), 1u);
  EXPECT_EQ(rep.clusters[0].count, 2u);
}
