// Redactor: the corpus of fake secrets next to look-alikes, every style, JSON at any depth,
// validators, user detectors, the stream filter and thread safety.
#include <gardener/errors.hpp>
#include <gardener/pattern_set.hpp>
#include <gardener/redaction.hpp>

#include <gtest/gtest.h>

#include "test_context.hpp"

#include <fstream>
#include <sstream>
#include <thread>

#include "../data/redaction/fake_secrets.hpp"

namespace gardener {
namespace {

std::vector<std::string> read_lines(const std::string& name) {
  std::ifstream in(std::string(GARDENER_SOURCE_DIR) + "/tests/data/redaction/" + name);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

std::vector<std::string> corpus_lines() {
  return testing::read_corpus(std::string(GARDENER_SOURCE_DIR) + "/tests/data/redaction/corpus.txt");
}

using testing::secret_core;

TEST(Redaction, CorpusLeaksNoSecretAndKeepsLookalikes) {
  const auto& r = default_redactor();
  auto fakes = testing::fake_secrets();
  std::string all;
  RedactionCounts counts;
  for (auto line : corpus_lines()) {
    r.redact_line(line, &counts);
    all += line + "\n";
  }
  for (const auto& [name, value] : fakes)
    EXPECT_EQ(all.find(secret_core(name, value)), std::string::npos) << name << " leaked:\n" << all;
  for (const auto& keep : read_lines("lookalikes.txt"))
    EXPECT_NE(all.find(keep), std::string::npos) << "look-alike destroyed: " << keep << "\n" << all;
  for (const char* d : {"jwt", "bearer", "basic_auth", "private_key", "github_token", "gitlab_token", "slack_token",
                        "slack_webhook", "stripe_key", "google_api_key", "aws_access_key", "aws_secret_key",
                        "url_credentials", "url_token", "password", "generic_token", "email", "credit_card", "iban"})
    EXPECT_GT(counts[d], 0u) << "detector " << d << " never fired";
}

TEST(Redaction, CorpusThroughTheStreamFilter) {
  std::stringstream in, out;
  for (const auto& line : corpus_lines()) in << line << "\n";
  redact_stream(in, out, default_redactor());
  for (const auto& [name, value] : testing::fake_secrets())
    EXPECT_EQ(out.str().find(secret_core(name, value)), std::string::npos) << name;
}

TEST(Redaction, MarkerStyle) {
  std::string s = "login by " + testing::fake_secrets()["email"] + " failed";
  RedactionCounts counts;
  EXPECT_EQ(default_redactor().redact_text(s, &counts), 1u);
  EXPECT_EQ(s, "login by [REDACTED:email] failed");
  EXPECT_EQ(counts["email"], 1u);
}

TEST(Redaction, PartialStyleKeepsDomainPrefixAndLastFour) {
  RedactionConfig cfg;
  cfg.style = RedactionStyle::Partial;
  Redactor r(cfg);
  std::string s = "mail to someone@gmail.com";
  r.redact_text(s);
  EXPECT_EQ(s, "mail to ***@gmail.com");
  std::string card = testing::fake_card(5);
  std::string t = "card " + card;
  r.redact_text(t);
  EXPECT_EQ(t, "card ****" + card.substr(card.size() - 4));
  std::string p = "password=demo-user-secret-value-123";
  r.redact_text(p);
  EXPECT_EQ(p, "password=demo-use...");
}

TEST(Redaction, HmacStyleCorrelatesWithoutRevealing) {
  RedactionConfig cfg;
  cfg.style = RedactionStyle::Hmac;
  cfg.hmac_key = "test-key-1";
  Redactor r(cfg);
  std::string a = "from a@example.com", b = "to a@example.com", c = "to b@example.com";
  r.redact_text(a);
  r.redact_text(b);
  r.redact_text(c);
  ASSERT_EQ(a.substr(0, 12), "from <email:");
  EXPECT_EQ(a.size(), std::string("from <email:3f9a1c>").size());
  EXPECT_EQ(a.substr(5), b.substr(3));  // same value, same token
  EXPECT_NE(b, c);
  cfg.hmac_key = "test-key-2";
  std::string d = "to a@example.com";
  Redactor(cfg).redact_text(d);
  EXPECT_NE(b, d);  // another key, another token
}

TEST(Redaction, HmacWithoutKeyIsAConfigurationError) {
  RedactionConfig cfg;
  cfg.style = RedactionStyle::Hmac;
  EXPECT_THROW(Redactor{cfg}, ConfigurationError);
}

TEST(Redaction, DetectorsSwitchOffAndIpIsOffByDefault) {
  std::string s = "client 10.1.2.3 and fe80::1 mailed x@y.org";
  default_redactor().redact_text(s);
  EXPECT_EQ(s, "client 10.1.2.3 and fe80::1 mailed [REDACTED:email]");
  RedactionConfig cfg;
  cfg.detectors = {{"ipv4", true}, {"ipv6", true}, {"email", false}};
  std::string t = "client 10.1.2.3 and fe80::1 mailed x@y.org, build 1.2.3.400";
  Redactor(cfg).redact_text(t);
  EXPECT_EQ(t, "client [REDACTED:ipv4] and [REDACTED:ipv6] mailed x@y.org, build 1.2.3.400");
}

TEST(Redaction, UnknownDetectorAndBadUserPatternAreErrors) {
  RedactionConfig cfg;
  cfg.detectors = {{"emial", true}};
  EXPECT_THROW(Redactor{cfg}, ConfigurationError);
  RedactionConfig bad;
  bad.user_detectors = {{"order", "ord_(["}};
  try {
    Redactor{bad};
    FAIL() << "no error";
  } catch (const ConfigurationError& e) {
    EXPECT_NE(std::string(e.what()).find("order"), std::string::npos);
  }
  RedactionConfig empty;
  empty.user_detectors = {{"anything", "x*"}};
  EXPECT_THROW(Redactor{empty}, ConfigurationError);
}

TEST(Redaction, UserDetectorUsesGroupOneWhenPresent) {
  RedactionConfig cfg;
  cfg.user_detectors = {{"customer", R"(customer=(C[0-9]{6}))"}, {"ticket", R"(TCK-[0-9]+)"}};
  Redactor r(cfg);
  std::string s = "customer=C123456 opened TCK-42";
  RedactionCounts counts;
  EXPECT_EQ(r.redact_text(s, &counts), 2u);
  EXPECT_EQ(s, "customer=[REDACTED:customer] opened [REDACTED:ticket]");
  EXPECT_EQ(counts["customer"], 1u);
}

TEST(Redaction, ValidatorsRejectLookalikes) {
  const auto& r = default_redactor();
  for (std::string s : {std::string("ts=1694645783123456789 id=4111111111111112"),  // bad Luhn
                        std::string("Bearer authentication failed"), std::string("Basic authentication required"),
                        std::string("token: expired"), std::string("iban DE00123456789012345678 (bad check)"),
                        std::string("artifact app-2.14.0.tar.gz sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709")}) {
    std::string before = s;
    EXPECT_EQ(r.redact_text(s), 0u) << before << " -> " << s;
  }
}

TEST(Redaction, AlreadyRedactedTextIsStable) {
  std::string s = "password=" + testing::fake_secrets()["password"] + " user x@example.com";
  default_redactor().redact_text(s);
  std::string again = s;
  EXPECT_EQ(default_redactor().redact_text(again), 0u);
  EXPECT_EQ(again, s);
}

TEST(Redaction, JsonAtAnyDepthKeysAndValues) {
  auto fakes = testing::fake_secrets();
  Json j = {{"httpRequest", {{"requestUrl", "https://x.io/cb?code=abc123XYZ789&state=1"}}},
            {"nested", {{"deeper", {{"apiKey", "whatever-it-is-1"}, {"list", {"a", fakes["email"]}}}}}},
            {fakes["email"], "value keyed by an address"},
            {"password", 123456},
            {"token_count", 12},
            {"redactions", {{"github_token", 2}, {"aws_access_key", 1}}},
            {"next", {{"secret", {{"inner", "x1"}}}}}};
  RedactionCounts counts;
  EXPECT_GT(default_redactor().redact_json(j, &counts), 0u);
  std::string dumped = j.dump();
  EXPECT_EQ(dumped.find(fakes["email"]), std::string::npos) << dumped;
  EXPECT_EQ(dumped.find("abc123XYZ789"), std::string::npos) << dumped;
  EXPECT_EQ(j["nested"]["deeper"]["apiKey"], "[REDACTED:generic_token]");
  EXPECT_EQ(j["password"], "[REDACTED:password]");
  EXPECT_EQ(j["token_count"], 12);
  EXPECT_EQ(j["redactions"]["github_token"], 2);  // small counts under secret-like keys stay
  EXPECT_EQ(j["redactions"]["aws_access_key"], 1);
  EXPECT_EQ(j["next"]["secret"]["inner"], "[REDACTED:generic_token]");
  EXPECT_TRUE(j.contains("[REDACTED:email]"));
}

TEST(Redaction, JsonLineKeepsKeyOrderAndCleanLinesVerbatim) {
  const auto& r = default_redactor();
  std::string clean = R"({ "z": 1, "a": "nothing here" })";
  std::string copy = clean;
  EXPECT_EQ(r.redact_line(copy), 0u);
  EXPECT_EQ(copy, clean);
  std::string line = R"({"z":1,"a":{"password":"p4ss-Word-9"},"m":"x"})";
  EXPECT_EQ(r.redact_line(line), 1u);
  EXPECT_EQ(line, R"({"z":1,"a":{"password":"[REDACTED:password]"},"m":"x"})");
}

TEST(Redaction, EscapedSlashesInJsonDoNotHideAWebhook) {
  std::string path = testing::fake_secrets()["slack_webhook_path"];
  std::string escaped;
  for (char c : path) escaped += c == '/' ? std::string("\\/") : std::string(1, c);
  std::string line = R"({"url":"https:\/\/hooks.slack.com\/services\/)" + escaped + R"("})";
  EXPECT_EQ(default_redactor().redact_line(line), 1u);
  EXPECT_EQ(line.find(path.substr(path.rfind('/') + 1)), std::string::npos) << line;
}

TEST(Redaction, JsonEscapesNeitherHideSecretsNorBreakTheLine) {
  auto fakes = testing::fake_secrets();
  std::string line = R"({"message":"denied\n)" + fakes["aws_access"] + R"( and mail\tx@example.com","card":)" +
                     fakes["card"] + R"(,"ip":"10.0.0.1"})";
  EXPECT_EQ(default_redactor().redact_line(line), 3u) << line;
  EXPECT_EQ(line.find(fakes["aws_access"]), std::string::npos) << line;
  EXPECT_EQ(line.find("x@example.com"), std::string::npos) << line;
  EXPECT_EQ(line.find(fakes["card"]), std::string::npos) << line;
  EXPECT_FALSE(Json::parse(line, nullptr, false).is_discarded()) << line;

  RedactionConfig ip_on;
  ip_on.detectors = {{"ipv4", true}};
  std::string fast = R"({"a":"from 10.0.0.1","b":2})";
  EXPECT_EQ(Redactor(ip_on).redact_line(fast), 1u);
  EXPECT_EQ(fast, R"({"a":"from [REDACTED:ipv4]","b":2})");
}

TEST(Redaction, MultiLinePemBlockIsRemovedFromTheStream) {
  std::string begin = std::string("-----BEGIN ") + "PRIVATE KEY-----";
  std::string end = std::string("-----END ") + "PRIVATE KEY-----";
  std::stringstream in("before\n" + begin + "\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nAQEAx7fakefakefake\n" + end +
                       "\nafter\n");
  std::stringstream out;
  RedactionCounts counts;
  redact_stream(in, out, default_redactor(), &counts);
  EXPECT_EQ(out.str(), "before\n[REDACTED:private_key]\nafter\n");
  EXPECT_EQ(counts["private_key"], 1u);
}

TEST(Redaction, ThreadSafe) {
  auto lines = corpus_lines();
  std::vector<std::string> expected = lines;
  for (auto& l : expected) default_redactor().redact_line(l);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round)
        for (size_t i = 0; i < lines.size(); ++i) {
          std::string l = lines[i];
          default_redactor().redact_line(l);
          if (l != expected[i]) ++mismatches;
        }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(Redaction, BuiltinDetectorListNamesEveryDefault) {
  auto list = Redactor::builtin_detectors();
  size_t off = 0;
  for (const auto& d : list) off += d.default_on ? 0 : 1;
  EXPECT_EQ(off, 2u);  // ipv4, ipv6
  EXPECT_GE(list.size(), 20u);
}

TEST(Redaction, OptionsTableDrivesTheConfig) {
  PluginInfo info;
  info.options = redaction_options();
  testing::CollectingDiagnostics diag;
  ::unsetenv("GARDENER_TEST_UNSET_KEY");
  auto cfg = testing::bind_options(info, {{"ipv4", true}, {"email", false}, {"style", "hmac"},
                                          {"hmac_key_env", "GARDENER_TEST_UNSET_KEY"},
                                          {"user_detectors", Json::array({{{"name", "c"}, {"pattern", "C[0-9]+"}}})}});
  RedactionConfig rc = redaction_config(cfg, diag);
  EXPECT_TRUE(rc.detectors["ipv4"]);
  EXPECT_FALSE(rc.detectors["email"]);
  EXPECT_TRUE(rc.detectors["jwt"]);
  ASSERT_EQ(rc.user_detectors.size(), 1u);
  EXPECT_EQ(rc.style, RedactionStyle::Hmac);
  ASSERT_EQ(diag.errors.size(), 1u);
  EXPECT_NE(diag.errors[0].find("GARDENER_TEST_UNSET_KEY"), std::string::npos);
  EXPECT_THROW(testing::bind_options(info, {{"style", "rot13"}}), ConfigurationError);
}

TEST(PatternSet, ReportsEachMatchingPatternOnceIncludingPrefiltered) {
  // Backreference-free but Hyperscan-hostile constructs fall back to prefilter/RE2 mode.
  PatternSet set({"timeout", R"((?i)connection (refused|reset))", R"(\pL+ \d+ items)"});
  PatternSet::Scanner scanner(set);
  std::vector<uint32_t> hits;
  scanner.scan("Connection RESET after timeout, timeout again; Überall 3 items", hits);
  std::sort(hits.begin(), hits.end());
  EXPECT_EQ(hits, (std::vector<uint32_t>{0, 1, 2}));
  scanner.scan("all fine", hits);
  EXPECT_TRUE(hits.empty());
  EXPECT_THROW(PatternSet({"ok", "bad(("}), ConfigurationError);
}

}  // namespace
}  // namespace gardener
