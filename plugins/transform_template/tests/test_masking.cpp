// Every mask type, with the neighbours that trip naive rules.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include <gardener/errors.hpp>
#include <gardener/masking.hpp>

using namespace gardener;

namespace {
std::string typed(const std::string& msg, MaskSettings s = {}) {
  Masker m(std::move(s));
  std::vector<Token> t;
  m.tokenize(msg, t);
  return render_tokens(m, t, true);
}
}  // namespace

// The class of an error names the event (Loghub's labels keep `java.io.IOException:`); other
// dotted names of three parts are names (a frame's method stays one).
TEST(Masking, ErrorClassesStayWords) {
  EXPECT_EQ(typed("caught java.io.IOException: reset"), "caught java.io.IOException: reset");
  EXPECT_EQ(typed("java.lang.NullPointerException at com.acme.billing.Invoice.compute"),
            "java.lang.NullPointerException at <NAME>");
  EXPECT_EQ(typed("a com.acme.StackOverflowError b"), "a com.acme.StackOverflowError b");
  EXPECT_EQ(typed("a com.acme.errorHandler b"), "a <NAME> b");
}


// A stack frame's function, after `at` that starts a line, stays a word (where the error was
// thrown names the event); one with a digit is generated and stays a value, and `at` inside a
// line is not a frame.
TEST(Masking, StackFrameFunctionsStayWords) {
  EXPECT_EQ(typed("java.lang.IllegalStateException: bad\n\tat com.acme.orders.OrderService.cancel(OrderService.java:42)"),
            "java.lang.IllegalStateException: bad\n\tat com.acme.orders.OrderService.cancel(OrderService.java:<NUM>)");
  EXPECT_EQ(typed("Error: boom\n    at async com.acme.worker.Queue.run (<anonymous>)"),
            "Error: boom\n    at async com.acme.worker.Queue.run (<anonymous>)");
  EXPECT_EQ(typed("x\n\tat jdk.internal.reflect.GeneratedMethodAccessor45.invoke(Unknown Source)"),
            "x\n\tat <ID>(Unknown Source)");
  EXPECT_EQ(typed("failed at com.acme.billing.Invoice.compute"), "failed at <NAME>");
}
TEST(Masking, Numbers) {
  EXPECT_EQ(typed("took 42 tries, -3.5 left"), "took <NUM> tries, <NUM> left");
  // A number ending a sentence: the period is punctuation, as after a path or an address.
  for (bool fast : {true, false}) {
    MaskSettings s;
    s.fast_paths = fast;
    EXPECT_EQ(typed("count 42.", s), "count <NUM>.");
    EXPECT_EQ(typed("count 42. Next 3.5. Then 1.2.3.", s), "count <NUM>. Next <NUM>. Then <ID>.");
  }
  EXPECT_EQ(typed("version v2 of node17"), "version <ID> of <ID>");  // digits inside identifiers
}

// Protocol and device names keep their one digit, as Loghub's labels do (and Drain3's tree):
// "port 22 ssh2", "via interface ee0". A varying one still generalises in the drain.
// Dates in words with a zone, day first, or in the HTTP form: one DATE, so a month that changes
// never splits a template. A time followed by a word that is no zone keeps the word.
TEST(Masking, DatesInWordsWithZonesAndDayFirst) {
  EXPECT_EQ(typed("started at Mon Dec 5 10:20:30 UTC 2005 ok"), "started at <DATE> ok");
  EXPECT_EQ(typed("started at Mon Dec 5 10:20:30 PST 2005 ok"), "started at <DATE> ok");
  EXPECT_EQ(typed("on 22 Jul 2005 at noon"), "on <DATE> at noon");
  EXPECT_EQ(typed("on 2 August 2005 10:00:01 +0200 ok"), "on <DATE> ok");
  EXPECT_EQ(typed("Date: Sun, 06 Nov 1994 08:49:37 GMT here"), "Date: <DATE> here");
  EXPECT_EQ(typed("at Jul 22 09:27:24 ERROR disk"), "at <DATE> ERROR disk");
  EXPECT_EQ(typed("took 3 Mar steps"), "took <NUM> Mar steps");  // no year: not a date
  EXPECT_EQ(typed("at Jul 22 09:27:24 CEST now"), "at <DATE> CEST now");  // no year after it: no zone
}

// The root directory alone after a space is a path like any other ("GET /x" and "GET /" are one
// request line); glued to `=` it stays the value's text.
TEST(Masking, RootDirectoryAfterASpaceIsAPath) {
  EXPECT_EQ(typed("request: \"GET / now\", host"), "request: \"GET <PATH> now\", host");
  EXPECT_EQ(typed("request: \"GET /index.html now\", host"), "request: \"GET <PATH> now\", host");
  EXPECT_EQ(typed("mounted / read-only"), "mounted <PATH> read-only");
  EXPECT_EQ(typed("ro root=LABEL=/ rhgb"), "ro root=LABEL=/ rhgb");
  EXPECT_EQ(typed("a // b"), "a // b");
}

// Escaped quotes inside a quoted message hold values too (klog, JSON in a string), and a `^` joins
// the parts of one value like the other glue characters.
TEST(Masking, EscapedQuotesAndCaretJoinedValues) {
  EXPECT_EQ(typed(R"(err="failed to \"StartContainer\" for \"app\" with x")"),
            R"(err="failed to \"<QUOTED>\" for \"<QUOTED>\" with x")");
  EXPECT_EQ(typed(R"(volume \"data\" (UniqueName: \"kubernetes.io/csi/ebs^vol-0a1b2c\"))"),
            R"(volume \"<QUOTED>\" (UniqueName: \"<QUOTED>\"))");
  EXPECT_EQ(typed("key 10.0.0.1^42 done"), "key <*> done");
  EXPECT_EQ(typed(R"(a\"b\" c)"), R"(a\"b\" c)");  // inside a word: no value
}

TEST(Masking, ShortDeviceNamesAreWords) {
  EXPECT_EQ(typed("from 10.0.0.1 port 22 ssh2"), "from <IP> port <NUM> ssh2");
  // Joined to a word by a hyphen too (a component: Dovecot's `pop3-login` beside `imap-login`);
  // a part of digits, or a longer compound (one of many algorithms), is an identifier.
  EXPECT_EQ(typed("pop3-login: Login as ec2-user"), "pop3-login: Login as ec2-user");
  EXPECT_EQ(typed("worker-3 offered diffie-hellman-group1-sha1"), "<ID> offered <ID>");
  EXPECT_EQ(typed("en0: link up via scip0"), "en0: link up via scip0");
  EXPECT_EQ(typed("node7, v2, Eth0, eth10, sda1x"), "node7, <ID>, <ID>, <ID>, <ID>");
  // Upper case alike: a protocol's name (`IPV4 Addr` and `IPV6 Addr` are two events, as are
  // `HTTPS` and `SOCKS5` proxies); mixed case or more digits is an identifier.
  EXPECT_EQ(typed("MDNS: IPV4 Addr: 10.0.0.1 via SOCKS5, MD5"), "MDNS: IPV4 Addr: <IP> via SOCKS5, MD5");
  EXPECT_EQ(typed("MdNs4, IPv6, SHA256, ABCDEFG1"), "<ID>, <ID>, <ID>, <ID>");
}

// What follows a reason or a cause is free text, one value, whatever its length; `message` and
// `msg` are not such keys (logfmt's msg= holds the event's own text). A sentence of plain words
// is a fixed reason text instead, which tells events apart (Loghub's labels keep `Wake Reason: Wake
// on Scan offload` beside `... Wake on TCP Timeout`, as they keep `Connection reset by peer`).
TEST(Masking, TextAfterAReasonOrCauseIsOneValue) {
  EXPECT_EQ(typed("Wake reason: RTC (Alarm)"), "Wake reason: <*>");
  EXPECT_EQ(typed("Wake reason: EC.SleepTimer (SleepTimer) EC.LidOpen (User)"), "Wake reason: <*>");
  EXPECT_EQ(typed("tell the app,reason = 8"), "tell the app,reason = <NUM>");  // one value keeps its type
  EXPECT_EQ(typed("Cause: disk_full (errno 28)"), "Cause: <*>");
  EXPECT_EQ(typed("ARPT: Wake Reason: Wake on Scan offload"), "ARPT: Wake Reason: Wake on Scan offload");
  EXPECT_EQ(typed("tell the app,reason = device busy"), "tell the app,reason = device busy");
  // It ends at a bracket opened before the key, or at the next key=value pair.
  EXPECT_EQ(typed("lost (reason: peer closed after 30 s) now"), "lost (reason: <*>) now");
  EXPECT_EQ(typed("failed reason=ERR_BAD thing user=root"), "failed reason=<*> user=root");
  // Not such a key: no separator, a longer word, or message/msg.
  EXPECT_EQ(typed("stopped for reason 42: bad"), "stopped for reason <NUM>: bad");
  EXPECT_EQ(typed("Not done because: not enabled"), "Not done because: not enabled");
  EXPECT_EQ(typed("level=error msg=disk full"), "level=error msg=disk full");
  MaskSettings no_collapse;
  no_collapse.collapse = false;
  EXPECT_EQ(typed("Wake reason: RTC (Alarm)", no_collapse), "Wake reason: RTC (Alarm)");
}

// Two words of letters joined by one slash are one compound word (Go's `i/o timeout`, BGL's
// `load/store`, `Input/output error`); more parts, digits or dots make a path.
TEST(Masking, ASlashBetweenTwoWordsIsNoPath) {
  EXPECT_EQ(typed("read udp 10.0.0.1:53: i/o timeout"), "read udp <IP>: i/o timeout");
  EXPECT_EQ(typed("Input/output error on load/store unit"), "Input/output error on load/store unit");
  EXPECT_EQ(typed("missing var/log/app and api/v1"), "missing <PATH> and <PATH>");
}

// A base64 value glued by `+` is one ID (Dovecot's session ids), whatever it happens to hold; a
// short or plainly worded one is left alone.
TEST(Masking, Base64ValuesAreOneId) {
  EXPECT_EQ(typed("session=<1A0CRK+EuMCmuM+m>"), "session=<<ID>>");
  EXPECT_EQ(typed("session=<EM+OfbunpILdYO/P>, TLS"), "session=<<ID>>, TLS");
  EXPECT_EQ(typed("pam(bob,<KDTyiZxTD+ebdeWS>)"), "pam(bob,<<ID>>)");
  EXPECT_EQ(typed("built with C++ and Foo+Bar"), "built with C++ and Foo+Bar");
  EXPECT_EQ(typed("tz UTC+0100 today"), "tz UTC+<NUM> today");
}

TEST(Masking, HexAndIds) {
  EXPECT_EQ(typed("addr 0x1f3a ok"), "addr <HEX> ok");
  EXPECT_EQ(typed("commit 9f4ef63a done"), "commit <HEX> done");
  EXPECT_EQ(typed("word added stays"), "word added stays");  // hex letters only: an English word
}

TEST(Masking, Uuid) {
  EXPECT_EQ(typed("req 123e4567-e89b-12d3-a456-426614174000 done"), "req <UUID> done");
}

TEST(Masking, UuidInsidePath) {
  EXPECT_EQ(typed("open /v2/123e4567-e89b-12d3-a456-426614174000/servers now"), "open <PATH> now");
}

TEST(Masking, IpWithPortAndV6) {
  EXPECT_EQ(typed("from 10.0.0.1:8080 to 10.0.0.2"), "from <IP> to <IP>");
  EXPECT_EQ(typed("peer [2001:db8::1]:443 and fe80::1 up"), "peer <IP> and <IP> up");
  EXPECT_EQ(typed("at 12:30:01 ok"), "at <TIMESTAMP> ok");  // a time is not IPv6
  EXPECT_EQ(typed("ver 1.2.3.4.5 x"), "ver <ID> x");         // five parts: not an IP
  // A host name that starts with an address is one name, not an address and a tail of words
  // (`rhost=<IP>.adsl.example.ru` beside `rhost=<IP>` split an event); a sentence's dot ends an IP.
  EXPECT_EQ(typed("rhost=71.97.41.51.adsl.example.ru user=x"), "rhost=<ID> user=x");
  EXPECT_EQ(typed("rhost=71.97.41.51 user=x"), "rhost=<IP> user=x");
  EXPECT_EQ(typed("from 10.0.0.1. Next"), "from <IP>. Next");
  // The unspecified address alone, bare or bracketed with a port; a C++ scope is no address.
  EXPECT_EQ(typed("listening on :: port 22, server: [::]:443"), "listening on <IP> port <NUM>, server: <IP>");
  EXPECT_EQ(typed("Foo::bar failed"), "Foo::bar failed");
}

TEST(Masking, UrlPathEmail) {
  EXPECT_EQ(typed("GET http://example.com/a?b=1, then"), "GET <URL>, then");
  EXPECT_EQ(typed("read /etc/hosts."), "read <PATH>.");
  EXPECT_EQ(typed("load C:\\Windows\\x.dll now"), "load <PATH> now");
  EXPECT_EQ(typed("mail bob.smith@example.com now"), "mail <EMAIL> now");
}

TEST(Masking, TimestampsAndDates) {
  EXPECT_EQ(typed("at 2015-10-18T18:01:47.978Z done"), "at <TIMESTAMP> done");
  EXPECT_EQ(typed("on 2015-10-18 done"), "on <DATE> done");
  EXPECT_EQ(typed("at Sun Jul 17 15:09:13 2005 from x"), "at <DATE> from x");
  EXPECT_EQ(typed("may we go"), "may we go");  // a month name alone is a word
}

// The half of the day belongs to its time, so AM and PM do not split an event into two.
TEST(Masking, TimesWithTheirHalfOfTheDay) {
  EXPECT_EQ(typed("expires at 10:00 PM today"), "expires at <TIMESTAMP> today");
  EXPECT_EQ(typed("expires at 9:30 am today"), "expires at <TIMESTAMP> today");
  EXPECT_EQ(typed("alarm at 07:15:00AM sharp"), "alarm at <TIMESTAMP> sharp");
  EXPECT_EQ(typed("on December 5, 2022 at 10:00 PM GMT ok"), "on <DATE> at <TIMESTAMP> GMT ok");
  EXPECT_EQ(typed("on Dec 5 2022 10:00 PM ok"), "on <DATE> ok");
  // Not a half of the day: the next word only starts with the letters, or has no time before it.
  EXPECT_EQ(typed("at 10:00 AMD cores"), "at <TIMESTAMP> AMD cores");
  EXPECT_EQ(typed("at 10:00 amount due"), "at <TIMESTAMP> amount due");
  EXPECT_EQ(typed("ratio 5:30 seen"), "ratio <NUM> seen");  // a short hour alone is no time
  EXPECT_EQ(typed("ratio 5:30 PMI seen"), "ratio <NUM> PMI seen");
  EXPECT_EQ(typed("I am here at 5 pm"), "I am here at <NUM> pm");
}

TEST(Masking, DurationsAndSizes) {
  EXPECT_EQ(typed("took 13.56ms total"), "took <DURATION> total");
  // Go's durations (time.Duration's String): several parts, and µs with either micro sign.
  for (const char* d : {"2h30m", "1m30.5s", "2h45m0s", "1.2\u00b5s", "850\u03bcs", "-1m5s"})
    EXPECT_EQ(typed(std::string("took ") + d + " total"), "took <DURATION> total") << d;
  EXPECT_EQ(typed("took 2h30 total"), "took <ID> total");  // a part without its unit: not a duration
  EXPECT_EQ(typed("took 30 sec total"), "took <DURATION> total");
  EXPECT_EQ(typed("stored 5.2 KB in memory"), "stored <SIZE> in memory");
  EXPECT_EQ(typed("at 75% load"), "at <NUM> load");
}

// A count of bytes keeps its word, as Loghub's labels have it (`<*> bytes result sent`); a size in
// KB or MB is one value. A size alone in parentheses after another or after a count of bytes
// restates it for people: its unit grows with the magnitude, and the labels keep it
// (`<*> bytes (<*> KB) sent` apart from `(<*> MB)`).
TEST(Masking, BytesAreCountedAndARestatedSizeKeepsItsUnit) {
  EXPECT_EQ(typed("2021 bytes result sent to driver"), "<NUM> bytes result sent to driver");
  EXPECT_EQ(typed("wrote 1 byte, 2.5 MB left"), "wrote <NUM> byte, <SIZE> left");
  EXPECT_EQ(typed("close, 1190 bytes (1.16 KB) sent"), "close, <NUM> bytes (<NUM> KB) sent");
  EXPECT_EQ(typed("got 3 MB (2.9 MiB) in all"), "got <SIZE> (<NUM> MiB) in all");
  EXPECT_EQ(typed("got 5000 bytes (5KB) ok"), "got <NUM> bytes (<NUM>KB) ok");
  // Not a restatement: more inside the parentheses, no size before them, or glued to it.
  EXPECT_EQ(typed("stored (estimated size 5.2 KB, free 2.4 GB)"), "stored (estimated size <SIZE>, free <SIZE>)");
  EXPECT_EQ(typed("used 4 tries (1.2 KB) ok"), "used <NUM> tries (<SIZE>) ok");
  EXPECT_EQ(typed("read 5 MB(1.16 KB) ok"), "read <SIZE>(<SIZE>) ok");
  EXPECT_EQ(typed("read 1190 bytes (1.16 KB total) ok"), "read <NUM> bytes (<SIZE> total) ok");
}

TEST(Masking, BoolsNamesQuoted) {
  EXPECT_EQ(typed("allDrawn= false x"), "allDrawn= <BOOL> x");
  // A message that opens with one opens with a phrase (PostgreSQL's not-null violation).
  EXPECT_EQ(typed("null value in column \"id\" violates not-null constraint"),
            "null value in column \"<QUOTED>\" violates not-null constraint");
  // `none` is as often a name as a value (sshd's `Failed none for` is the method): a word.
  EXPECT_EQ(typed("Failed none for invalid user x, auth=null"), "Failed none for invalid user x, auth=<BOOL>");
  EXPECT_EQ(typed("pkg com.example.app died"), "pkg <NAME> died");
  // A dotted name ending in an upper-case constant is a value of a closed set: kept as a word.
  EXPECT_EQ(typed("action: android.intent.action.SCREEN_ON"), "action: android.intent.action.SCREEN_ON");
  EXPECT_EQ(typed("file 'abc' missing"), "file '<QUOTED>' missing");
  EXPECT_EQ(typed("SSID 'Starbucks WiFi' is up"), "SSID '<QUOTED>' is up");  // single quotes: a few words
  EXPECT_EQ(typed("req \"GET /a HTTP/1.1\" ok"), "req \"GET <PATH>\" ok");  // double: not one value
  EXPECT_EQ(typed("it's 'not closed at all"), "it's 'not closed at all");
  EXPECT_EQ(typed("say 'abc ' now"), "say 'abc ' now");  // a space before the closing quote: no value
  EXPECT_EQ(typed("no longer served"), "no longer served");  // "no" is not a boolean
  // A quoted key before `:` names a field of the event's shape; its value is the value.
  EXPECT_EQ(typed("failed {\"user\": \"bob\", \"order_id\": 42}"), "failed {\"user\": \"<QUOTED>\", \"order_id\": <NUM>}");
  EXPECT_EQ(typed("onSleep, 'ExternalConnected': Yes"), "onSleep, 'ExternalConnected': Yes");
  EXPECT_EQ(typed("Could not resolve host 'db1': Name or service not known"),
            "Could not resolve host '<QUOTED>': Name or service not known");  // not in an object
  // Typographic quotes, as macOS writes names: a value of a few words, like single quotes.
  EXPECT_EQ(typed("Already associated to \u201cHome Net\u201d. Bailing"), "Already associated to \u201c<QUOTED>\u201d. Bailing");
  EXPECT_EQ(typed("join \u2018Lab\u2019 now"), "join \u2018<QUOTED>\u2019 now");
  EXPECT_EQ(typed("it\u2019s done"), "it\u2019s done");                                  // an apostrophe
  EXPECT_EQ(typed("say \u201cabc \u201d now"), "say \u201cabc \u201d now");             // a space before the close
  EXPECT_EQ(typed("open \u201cnever closed"), "open \u201cnever closed");
  EXPECT_EQ(typed("\u201cab\u201dcd x"), "\u201cab\u201dcd x");                        // a word goes on after it
}

TEST(Masking, HostsWithPortsAndMacAddresses) {
  // A two-label host before a port is an address like www.google.com:443 (NAME, port: one <*>).
  EXPECT_EQ(typed("to github.com:443 close"), typed("to www.google.com:443 close"));
  EXPECT_EQ(typed("to github.com:443 close"), "to <*> close");
  EXPECT_EQ(typed("on URL: data.example:443"), "on URL: <*>");  // longer top-level domains too
  EXPECT_EQ(typed("at gradle.properties:12 x"), "at gradle.properties:<NUM> x");
  // A source file or a method before a line number is not a host.
  EXPECT_EQ(typed("at Foo.java:12 x"), "at Foo.java:<NUM> x");
  EXPECT_EQ(typed("by Stub.onTransact:88 x"), "by Stub.onTransact:<NUM> x");
  EXPECT_EQ(typed("from 86:50:f2:a8:8b:4a via eth"), "from <IP> via eth");
  EXPECT_EQ(typed("bssid ea:ff:01:02:03:04 up"), "bssid <IP> up");
  EXPECT_EQ(typed("associated with 86:50:f2:a8:8b:4a."), "associated with <IP>.");  // a full stop ends it
  EXPECT_EQ(typed("to wp.pl:443 ok"), "to <*> ok");  // a country domain that is also an extension
  EXPECT_EQ(typed("OUT= MAC=00:16:3e:aa:bb:cc:00:16:3e:11:22:33:08:00 SRC=x"), "OUT= MAC=<IP> SRC=x");
  EXPECT_EQ(typed("at 12:30:45:10:20 x"), "at <TIMESTAMP> x");  // five groups: a time, no MAC
}

TEST(Masking, BoundsAndSignsStayWithTheirValue) {
  // "lifetime <1 sec" and "lifetime 00:01" must have the same number of tokens.
  EXPECT_EQ(typed("lifetime <1 sec"), "lifetime <DURATION>");
  EXPECT_EQ(typed("took >100 ms, ~5 tries"), "took <DURATION>, <NUM> tries");
  EXPECT_EQ(typed("time reset +0.18 s"), typed("time reset -0.18 s"));
  EXPECT_EQ(typed("if a<5 then"), "if a<<NUM> then");  // glued to a word: a comparison, left alone
  EXPECT_EQ(typed("from <bob@x.io> ok"), "from <<EMAIL>> ok");  // angle brackets stay constants
}

TEST(Masking, CollapseRuns) {
  EXPECT_EQ(typed("ips 10.0.0.1,10.0.0.2 up"), "ips <IP> up");
  EXPECT_EQ(typed("num=20,flags=62 x"), "num=<NUM>,flags=<NUM> x");  // words break runs
  // A value's sign after the separator stays in the run; other doubled separators split it.
  EXPECT_EQ(typed("en0: channel changed to 132,+1"), typed("en0: channel changed to 6"));
  EXPECT_EQ(typed("steps = 1514067429071##3017##485543"), "steps = <NUM>##<NUM>##<NUM>");
  MaskSettings s;
  s.collapse = false;
  EXPECT_EQ(typed("ips 10.0.0.1,10.0.0.2 up", s), "ips <IP>,<IP> up");
}

TEST(Masking, SwitchOff) {
  MaskSettings s;
  s.disabled = {"BOOL", "EMAIL"};
  EXPECT_EQ(typed("flag true for a@b.com", s), "flag true for a@b.com");
  MaskSettings bad;
  bad.disabled = {"NOPE"};
  EXPECT_THROW(Masker{bad}, ConfigurationError);
}

TEST(Masking, UserMasksFirst) {
  MaskSettings s;
  s.user_masks = {{"TICKET", "T-\\d+"}};
  EXPECT_EQ(typed("see T-123 and 5", s), "see <TICKET> and <NUM>");
  MaskSettings bad;
  bad.user_masks = {{"X", "(unclosed"}};
  EXPECT_THROW(Masker{bad}, ConfigurationError);
}

TEST(Masking, MaskedRoundTrip) {
  Masker m;
  Record r;
  r.message = "user 42 from 10.0.0.1:80 took 3ms <init> done";
  m.apply(r);
  EXPECT_EQ(r.masked, "user <NUM> from <IP> took <DURATION> <init> done");
  ASSERT_EQ(r.variables.size(), 3u);
  EXPECT_EQ(r.variables[1].value, "10.0.0.1:80");
  std::vector<Token> a, b;
  m.tokenize(r.message, a);
  ASSERT_TRUE(m.tokenize_masked(r.masked, r.variables, b));
  EXPECT_EQ(render_tokens(m, a, true), render_tokens(m, b, true));
  r.variables.pop_back();
  EXPECT_FALSE(m.tokenize_masked(r.masked, r.variables, b));
}

TEST(Masking, TokensTravelWithTheRecordUntilTheMessageChanges) {
  Masker m;
  Record r;
  r.message = "GET /api/v1/users/42 from 10.0.0.1:80 in 13.5ms \"ok\"";
  m.apply(r);
  std::vector<Token> fresh, loaded;
  m.tokenize(r.message, fresh);
  ASSERT_TRUE(load_tokens(r, loaded));
  ASSERT_EQ(loaded.size(), fresh.size());
  for (size_t i = 0; i < fresh.size(); ++i) {
    EXPECT_EQ(loaded[i].text, fresh[i].text) << i;
    EXPECT_EQ(loaded[i].ws, fresh[i].ws) << i;
    EXPECT_EQ(loaded[i].type, fresh[i].type) << i;
  }
  r.message.replace(4, 4, "/xyz");  // same length, other text: a transform rewrote it
  EXPECT_FALSE(load_tokens(r, loaded));
  r.tokens.clear();
  EXPECT_FALSE(load_tokens(r, loaded));
}

// store_tokens() is how another masking transform leaves its tokens for the drain: views into the
// message become offsets; views into anything else leave no tokens (readers tokenize again).
TEST(Masking, StoredTokenViewsLoadBackAndForeignViewsAreRefused) {
  Masker m;
  Record r;
  r.message = "user 42 logged in from 10.0.0.1";
  std::vector<Token> views, loaded;
  m.tokenize(r.message, views);
  store_tokens(views, r);
  ASSERT_TRUE(load_tokens(r, loaded));
  ASSERT_EQ(loaded.size(), views.size());
  for (size_t i = 0; i < views.size(); ++i)
    EXPECT_TRUE(loaded[i].text == views[i].text && loaded[i].ws == views[i].ws && loaded[i].type == views[i].type);
  const std::string elsewhere = r.message;  // same text, another buffer
  m.tokenize(elsewhere, views);
  store_tokens(views, r);
  EXPECT_TRUE(r.tokens.empty());
  EXPECT_FALSE(load_tokens(r, loaded));
}

namespace {
std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// The test corpora and the bundled sample, then 20,000 lines glued from tricky pieces and
// separators (fixed seed).
std::vector<std::string> varied_lines() {
  const std::string root = GARDENER_SOURCE_DIR;
  std::vector<std::string> lines = read_lines(root + "/tests/data/redaction/corpus.txt");
  for (auto& l : read_lines(root + "/tests/data/redaction/lookalikes.txt")) lines.push_back(l);
  for (auto& l : read_lines(root + "/pipelines/samples/netra-backend-staging.jsonl")) lines.push_back(l);
  EXPECT_GT(lines.size(), 100u);
  const std::vector<std::string> pieces = {
      "john+tag@example.com", "svn+ssh://host/x", "C:\\Windows\\x", "fe80::1", "abcd:ef01::2", "[::1]:8080",
      "Jul 17 15:09:13 2005", "Mon, Jul", "Sunday,", "true", "NULL", "a.b.c", "x..y", "\"quoted\"", "'q'",
      "13.5ms", "5 KB", "30 sec", "-42", "+3.5", "0x1F", "deadbeef12", "550e8400-e29b-41d4-a716-446655440000",
      "/var/log/x.log", "./a", "~/b", "../c", "user@host.com:", "http://a.b/c?d=1,", "ab:cd", "Sept", "café",
      "10.0.0.1:80", "1.2.3.4.5", "2015-10-18T18:01:47Z", "18:01:47.978", "a_b", "---", "...", "::", "//",
      "<x>", "word", "Added", "face", "March", "mar", "error", "timeout", "75%", "12:30:45", "5:30", "1,000",
      "42@x.com", "3.14", "007", "12..", "127.0.0.1", "2001:db8::1", "8 blocks", "10 s", "2015-10-18", "64 KB",
      "123abc", "9f86d081884c7d65", "1e10", "0", "65535", "updated:", "blk_-123", "Jul_17", "fe80:", "abcd:",
      "face:", "Mon:", "x:", "abc_def:", "a-b.c", "Input/output", "n/a", "x.y..z", "e.g.", "Slf4jLogger",
      "F2:9F:16", "[ab]", "[abcd:", ":ab", "~x", "+x", "+5", "deadbeef-dead-beef-dead-beefdeadbeef",
      "abcdefgh-1234-5678-9abc-def012345678", "True_x", "nullable", "Sept_1", "a.b.c.", "http:x", "X:\\dir\\f.txt",
      "github.com:443", "Foo.java:12", "Stub.onTransact:88", "a.io:1:2", "86:50:f2:a8:8b:4a", "ea:ff:01:02:03:04",
      "ea:ff:01:02:03:04:05", "<1 sec", ">100", "~5", "+0.18 s", "i/o", "load/store", "1A0CRK+EuMCmuM+m",
      "EM+OfbunpILdYO/P", "pop3-login", "ec2-user", "worker-3", "diffie-hellman-group1-sha1", "C++"};
  const std::string seps[] = {" ", " ", "  ", "\t", ":", ",", "=", "(", ")", "[", "]", "{", "}", "\"", "'", "@",
                              "/", ".", "-", "+", "|", ";", "<", ">", "~"};
  uint64_t seed = 7;
  auto next = [&](size_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>((seed >> 33) % n);
  };
  for (int i = 0; i < 20000; ++i) {
    std::string line;
    for (size_t k = 0, n = 1 + next(12); k < n; ++k) line += pieces[next(pieces.size())] + seps[next(std::size(seps))];
    lines.push_back(line);
  }
  return lines;
}
}  // namespace

// The plain-word and punctuation shortcut gives exactly what the full scanners give: on real
// lines (the redaction corpus, the bundled sample) and on seeded mixes of tricky neighbours.
TEST(Masking, FastPathsAgreeWithTheFullScanners) {
  const std::vector<std::string> lines = varied_lines();
  Masker fast;
  MaskSettings full_settings;
  full_settings.fast_paths = false;
  Masker full(full_settings);
  fast.set_cache_entries(0);  // both scan every line
  full.set_cache_entries(0);
  std::vector<Token> a, b;
  for (const std::string& line : lines) {
    fast.tokenize(line, a);
    full.tokenize(line, b);
    ASSERT_EQ(render_tokens(fast, a, true), render_tokens(full, b, true)) << line;
    ASSERT_EQ(a.size(), b.size()) << line;
    for (size_t k = 0; k < a.size(); ++k) ASSERT_TRUE(a[k].text == b[k].text && a[k].ws == b[k].ws) << line;
  }
}

// A repeat takes its tokens from the thread's cache: records must come out exactly as without it,
// whether the entry is found, was evicted (a cache of 8 entries, on a thread of its own so it
// starts that small), or belongs to a masker of other settings on the same thread.
TEST(Masking, CachedMessagesMaskLikeFreshOnes) {
  std::vector<std::string> lines = varied_lines();
  // At the entry's limits (256 bytes, 64 tokens), on both sides, and the empty message.
  for (size_t bytes : {255, 256, 257}) lines.push_back("T-12 took " + std::string(bytes - 10, 'x'));
  for (size_t tokens : {63, 64, 65}) {
    std::string l = "T-7";
    for (size_t k = 1; k < tokens; ++k) l += k % 2 ? " 4" : " a";
    lines.push_back(l);
  }
  lines.push_back("");
  const size_t distinct = lines.size();
  for (int round = 0; round < 2; ++round)  // found again; in the 8-entry cache, kept from the second sighting
    for (size_t i = 0; i < distinct; i += 3) lines.push_back(lines[i]);  // repeats, near and far
  for (size_t i = 0; i < distinct; i += 7) lines.push_back(lines[distinct - 1 - i]);
  MaskSettings no_num;
  no_num.disabled = {"NUM"};
  no_num.user_masks = {UserMask{"TICKET", R"(T-\d+)"}};  // and a user mask (RE2 runs on misses only)
  auto expect_same = [&](const Masker& cached, const Masker& fresh) {
    ASSERT_EQ(fresh.cache_entries(), 0u);
    Record a, b;
    for (const std::string& line : lines) {
      a.message = b.message = line;
      cached.apply(a);
      fresh.apply(b);
      ASSERT_EQ(a.masked, b.masked) << line;
      ASSERT_EQ(a.variables.size(), b.variables.size()) << line;
      for (size_t k = 0; k < a.variables.size(); ++k)
        ASSERT_TRUE(a.variables[k].type == b.variables[k].type && a.variables[k].value == b.variables[k].value) << line;
      ASSERT_EQ(a.tokens.size(), b.tokens.size()) << line;
      for (size_t k = 0; k < a.tokens.size(); ++k)
        ASSERT_TRUE(a.tokens[k].begin == b.tokens[k].begin && a.tokens[k].size == b.tokens[k].size &&
                    a.tokens[k].ws == b.tokens[k].ws && a.tokens[k].type == b.tokens[k].type)
            << line;
      ASSERT_EQ(a.tokens_of, b.tokens_of);
    }
  };
  Masker cached, fresh, cached_no_num(no_num), fresh_no_num(no_num);
  fresh.set_cache_entries(0);
  fresh_no_num.set_cache_entries(0);
  expect_same(cached, fresh);
  expect_same(cached_no_num, fresh_no_num);  // the same messages, already cached by `cached`
  Record ticket;
  ticket.message = "T-12 took 4 s";
  cached_no_num.apply(ticket);
  EXPECT_EQ(ticket.masked, "<TICKET> took 4 s");  // its own settings (no NUM), not `cached`'s
  expect_same(cached, fresh);                 // and back: every message of `cached` found again
  std::thread([&] {
    Masker tiny;
    tiny.set_cache_entries(8);
    expect_same(tiny, fresh);
  }).join();
  std::vector<Token> t, u;
  for (const std::string& line : lines) {  // the views path (the drain masking on its own)
    cached.tokenize(line, t);
    fresh.tokenize(line, u);
    ASSERT_EQ(render_tokens(cached, t, true), render_tokens(fresh, u, true)) << line;
  }
}

TEST(Masking, ExtraDelimiters) {
  MaskSettings s;
  s.extra_delimiters = "|";
  Masker m(s);
  std::vector<Token> t;
  m.tokenize("a|b c", t);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "a");
}

// Drain3's usual extra_delimiters = ["_"]: a delimiter that is a word character splits words
// too; masks still see the raw text first (a path keeps its `_`).
TEST(Masking, ExtraDelimitersInsideWords) {
  MaskSettings s;
  s.extra_delimiters = "_-";
  Masker m(s);
  std::vector<Token> t;
  m.tokenize("alpha_beta blk_123 read-only /var/log/my_app.log", t);
  std::vector<std::string> words;
  for (const Token& k : t) words.push_back(std::string(k.text));
  EXPECT_EQ(words, (std::vector<std::string>{"alpha", "beta", "blk", "123", "read", "only", "/var/log/my_app.log"}));
  EXPECT_EQ(typed("alpha_beta blk_123 read-only /var/log/my_app.log", s), "alpha_beta blk_<NUM> read-only <PATH>");
}
