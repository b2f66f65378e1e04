// Google auth in ADC order against the fake token endpoint and metadata server (protocols.md §3).
#include <filesystem>
#include <fstream>

#include <gardener/errors.hpp>

#include "gcp_auth.hpp"
#include "gcp_logging_source.hpp"
#include "jwt.hpp"
#include "test_context.hpp"
#include "tests/gcp_test_support.hpp"

namespace gardener::gcp::testing {
namespace {

using fakes::FakeGcp;
using gardener::testing::CollectingEmitter;
using gardener::testing::make_configured;
using gardener::testing::TempDir;
using gardener::testing::TestContext;

const char* kEmail = "gardener@netra-staging.iam.gserviceaccount.com";

class GcpAuth : public ::testing::Test {
 protected:
  CleanEnv env;
  FakeGcp fake;
  HttpClient http;
  TimeNs slept = 0;
  SleepFn sleep = [this](TimeNs d) {
    slept += d;
    return true;
  };

  std::string fetch(const AuthSettings& s) {
    TokenCache cache(make_token_provider(s), http, sleep);
    return cache.token();
  }
  void write(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << text;
  }
  Json authorized_user() const {
    return {{"type", "authorized_user"}, {"client_id", "cid.apps.googleusercontent.com"},
            {"client_secret", "s3cret-value"}, {"refresh_token", "1//refresh-value"},
            {"quota_project_id", "netra-billing"}, {"token_uri", fake.token_url()}};
  }
};

TEST_F(GcpAuth, ServiceAccountJwtIsSignedRs256AndVerifiedByTheFake) {
  auto key = FakeGcp::generate_test_key();
  fake.register_service_account(kEmail, key.public_pem);
  AuthSettings s;
  s.credentials = fake.service_account_json(kEmail, key).dump();
  std::string token = fetch(s);
  EXPECT_EQ(token.rfind("ya29.fake-", 0), 0u);
  auto reqs = fake.requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_EQ(reqs[0].path, "/token");
  EXPECT_EQ(reqs[0].headers["content-type"], "application/x-www-form-urlencoded");
  EXPECT_NE(reqs[0].body.find("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"), std::string::npos);
}

TEST_F(GcpAuth, JwtSignedWithAnotherKeyIsRejectedWithoutQuotingSecrets) {
  auto registered = FakeGcp::generate_test_key();
  auto other = FakeGcp::generate_test_key();
  fake.register_service_account(kEmail, registered.public_pem);
  AuthSettings s;
  s.credentials = fake.service_account_json(kEmail, other).dump();
  try {
    fetch(s);
    FAIL() << "expected a rejection";
  } catch (const RemoteError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("invalid_grant: Invalid JWT Signature."), std::string::npos) << msg;
    EXPECT_NE(msg.find(kEmail), std::string::npos) << msg;
    EXPECT_EQ(msg.find("PRIVATE KEY"), std::string::npos);
    EXPECT_EQ(msg.find("assertion"), std::string::npos);
  }
  EXPECT_EQ(fake.requests().size(), 1u);  // 4xx is final
}

TEST_F(GcpAuth, KeyFileFromGoogleApplicationCredentialsWithTokenEndpointRetries) {
  TempDir dir;
  auto key = FakeGcp::generate_test_key();
  fake.register_service_account(kEmail, key.public_pem);
  write(dir.file("key.json"), fake.service_account_json(kEmail, key).dump());
  env.set("GOOGLE_APPLICATION_CREDENTIALS", dir.file("key.json"));
  fake.push_token_fault(503);
  fake.push_token_fault(-1);  // malformed JSON
  EXPECT_FALSE(fetch({}).empty());
  EXPECT_EQ(fake.requests().size(), 3u);
  EXPECT_GT(slept, 0);
}

TEST_F(GcpAuth, MissingCredentialsFileIsAHardErrorNotAFallThrough) {
  env.set("GOOGLE_APPLICATION_CREDENTIALS", "/nonexistent/key.json");
  env.set("GCE_METADATA_HOST", fake.metadata_host());
  EXPECT_THROW(make_token_provider({}), ConfigurationError);
}

TEST_F(GcpAuth, UnsupportedCredentialTypeIsNamed) {
  AuthSettings s;
  s.credentials = R"({"type":"external_account"})";
  try {
    make_token_provider(s);
    FAIL();
  } catch (const ConfigurationError& e) {
    EXPECT_NE(std::string(e.what()).find("external_account"), std::string::npos);
  }
}

TEST_F(GcpAuth, GcloudAdcFileUnderHomeUsesTheRefreshToken) {
  TempDir home;
  fake.register_refresh_client("cid.apps.googleusercontent.com", "s3cret-value", "1//refresh-value");
  write(home.file(".config/gcloud/application_default_credentials.json"), authorized_user().dump());
  env.set("HOME", home.path());
  AuthSettings s;
  auto provider = make_token_provider(s);
  EXPECT_EQ(provider->quota_project(), "netra-billing");
  EXPECT_FALSE(fetch(s).empty());
  auto body = fake.requests().at(0).body;
  EXPECT_NE(body.find("grant_type=refresh_token"), std::string::npos);
  EXPECT_NE(body.find("refresh_token=1%2F%2Frefresh-value"), std::string::npos);
}

TEST_F(GcpAuth, CloudsdkConfigDirectoryIsHonoured) {
  TempDir dir;
  fake.register_refresh_client("cid.apps.googleusercontent.com", "s3cret-value", "1//refresh-value");
  write(dir.file("application_default_credentials.json"), authorized_user().dump());
  env.set("CLOUDSDK_CONFIG", dir.path());
  EXPECT_FALSE(fetch({}).empty());
}

TEST_F(GcpAuth, RevokedRefreshTokenSaysToLogInAgainWithoutQuotingSecrets) {
  fake.register_refresh_client("cid.apps.googleusercontent.com", "s3cret-value", "another-token");
  AuthSettings s;
  s.credentials = authorized_user().dump();
  try {
    fetch(s);
    FAIL();
  } catch (const RemoteError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("Token has been expired or revoked."), std::string::npos) << msg;
    EXPECT_NE(msg.find("gcloud auth application-default login"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("s3cret-value"), std::string::npos);
    EXPECT_EQ(msg.find("refresh-value"), std::string::npos);
  }
}

TEST_F(GcpAuth, MetadataServerFromGceMetadataHostOrRoot) {
  for (const char* var : {"GCE_METADATA_HOST", "GCE_METADATA_ROOT"}) {
    CleanEnv inner;
    inner.set(var, fake.metadata_host());
    EXPECT_FALSE(fetch({}).empty()) << var;
  }
  auto reqs = fake.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_EQ(reqs[0].path, "/computeMetadata/v1/instance/service-accounts/default/token");
  EXPECT_EQ(reqs[0].headers["metadata-flavor"], "Google");
}

TEST_F(GcpAuth, AccessTokenCommandAndStaticTokenFromTheEnvironment) {
  AuthSettings s;
  s.access_token_command = "echo ya29.from-command";
  EXPECT_EQ(fetch(s), "ya29.from-command");
  s.access_token_command = "exit 3";
  EXPECT_THROW(fetch(s), RemoteError);
  env.set("GARDENER_GOOGLE_ACCESS_TOKEN", "static-token\n");
  auto provider = make_token_provider({});
  EXPECT_FALSE(provider->refreshable());
  EXPECT_EQ(fetch({}), "static-token");
}

TEST_F(GcpAuth, CacheKeepsTheTokenUntilShortlyBeforeExpiryAndRefreshesWhenRejected) {
  auto key = FakeGcp::generate_test_key();
  fake.register_service_account(kEmail, key.public_pem);
  AuthSettings s;
  s.credentials = fake.service_account_json(kEmail, key).dump();
  TokenCache cache(make_token_provider(s), http, sleep);
  std::string first = cache.token();
  EXPECT_EQ(cache.token(), first);
  EXPECT_EQ(fake.tokens_issued(), 1);
  EXPECT_TRUE(cache.invalidate());
  EXPECT_NE(cache.token(), first);
  EXPECT_EQ(fake.tokens_issued(), 2);

  fake.set_token_lifetime_seconds(1);  // within the refresh margin at once
  TokenCache short_lived(make_token_provider(s), http, sleep);
  short_lived.token();
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  short_lived.token();
  EXPECT_EQ(short_lived.fetches(), 2);
}

TEST_F(GcpAuth, SourceSendsQuotaProjectOfUserCredentials) {
  fake.register_refresh_client("cid.apps.googleusercontent.com", "s3cret-value", "1//refresh-value");
  TestContext ctx;
  ctx.run_window = {t("2026-11-28T12:00:00Z"), t("2026-11-28T18:00:00Z")};
  CollectingEmitter out;
  auto src = make_configured<GcpLoggingSource>(
      Json{{"project", "netra-staging"}, {"endpoint", fake.base_url()}, {"credentials", authorized_user().dump()}});
  src->run(ctx, out);
  auto reqs = fake.list_requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_EQ(reqs[0].headers["x-goog-user-project"], "netra-billing");
}

TEST(Jwt, Base64UrlHasNoPaddingAndUrlSafeAlphabet) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
}

TEST(Jwt, UnreadableKeyIsReportedWithoutTheKey) {
  try {
    sign_jwt_rs256("{}", "{}", "-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----\n");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).find("not-a-key"), std::string::npos);
  }
}

}  // namespace
}  // namespace gardener::gcp::testing
