// HttpClient against a tiny cpp-httplib server on 127.0.0.1, plus the URL helpers and Backoff.
#include <gardener/http.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>

namespace gardener {
namespace {

// Runs an httplib server on an ephemeral loopback port for the test's lifetime.
class LocalServer {
 public:
  httplib::Server svr;
  int port = 0;

  void start() {
    port = svr.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port, 0);
    thread_ = std::thread([this] { svr.listen_after_bind(); });
    while (!svr.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + path; }
  ~LocalServer() {
    svr.stop();
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

// A listening socket on an ephemeral loopback port, for the raw servers below.
int listen_on_loopback(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  port = ntohs(addr.sin_port);
  ::listen(fd, 8);
  return fd;
}

// A raw TCP listener that reads the request and closes without answering (a reset connection).
class ClosingServer {
 public:
  int port = 0;
  ClosingServer() {
    fd_ = listen_on_loopback(port);
    thread_ = std::thread([this] {
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      char buf[4096];
      (void)::recv(c, buf, sizeof buf, 0);
      ::close(c);
    });
  }
  ~ClosingServer() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    if (thread_.joinable()) thread_.join();
  }

 private:
  int fd_ = -1;
  std::thread thread_;
};

// A raw keep-alive server: it answers every GET with 200 on the same connection, and reads a
// POST whole, counts it as done, then closes without an answer (a proxy that dropped a kept-alive
// connection after the backend acted on the request).
class DropsPostAnswersServer {
 public:
  int port = 0;
  std::atomic<int> posts{0};
  DropsPostAnswersServer() {
    fd_ = listen_on_loopback(port);
    thread_ = std::thread([this] {
      for (int c; (c = ::accept(fd_, nullptr, nullptr)) >= 0;) connections_.emplace_back([this, c] { serve(c); });
    });
  }
  ~DropsPostAnswersServer() {  // after the client: its kept-alive connection is closed by then
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    if (thread_.joinable()) thread_.join();
    for (auto& t : connections_) t.join();
  }

 private:
  void serve(int c) {
    std::string in;
    char buf[4096];
    for (;;) {
      size_t head_end;
      while ((head_end = in.find("\r\n\r\n")) == std::string::npos) {
        ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) return (void)::close(c);
        in.append(buf, static_cast<size_t>(n));
      }
      const bool post = in.rfind("POST ", 0) == 0;
      size_t body = 0;
      if (auto at = in.find("Content-Length: "); at != std::string::npos && at < head_end)
        body = std::stoul(in.substr(at + 16));
      while (in.size() < head_end + 4 + body) {
        ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) return (void)::close(c);
        in.append(buf, static_cast<size_t>(n));
      }
      in.erase(0, head_end + 4 + body);
      if (post) {
        ++posts;
        return (void)::close(c);
      }
      const std::string ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok";
      (void)::send(c, ok.data(), ok.size(), MSG_NOSIGNAL);
    }
  }

  int fd_ = -1;
  std::thread thread_;
  std::vector<std::thread> connections_;  // one per connection: the kept-alive one stays open
};

TEST(HttpClient, GetReturnsStatusBodyAndHeaders) {
  LocalServer s;
  s.svr.Get("/hello", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Thing", "42");
    res.set_content("hi there", "text/plain");
  });
  s.start();
  HttpClient client;
  auto res = client.send({.method = "GET", .url = s.url("/hello")});
  EXPECT_EQ(res.status, 200);
  EXPECT_TRUE(res.ok());
  EXPECT_EQ(res.body, "hi there");
  EXPECT_EQ(res.header("x-thing"), "42");
  EXPECT_EQ(res.header("X-THING"), "42");
  EXPECT_EQ(res.header("absent"), "");
  EXPECT_TRUE(res.body_sent);
}

TEST(HttpClient, PostSendsBodyAndHeaders) {
  LocalServer s;
  std::string got_body, got_ct, got_auth, got_expect;
  s.svr.Post("/v2/entries:list", [&](const httplib::Request& req, httplib::Response& res) {
    got_body = req.body;
    got_ct = req.get_header_value("Content-Type");
    got_auth = req.get_header_value("Authorization");
    got_expect = req.get_header_value("Expect");
    res.set_content("{}", "application/json");
  });
  s.start();
  HttpClient client;
  std::string big(200'000, 'x');  // large enough that curl would normally ask for 100-continue
  HttpRequest req{.method = "POST", .url = s.url("/v2/entries:list"),
                  .headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer t"}}, .body = big};
  auto res = client.send(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(got_body, big);
  EXPECT_EQ(got_ct, "application/json");
  EXPECT_EQ(got_auth, "Bearer t");
  EXPECT_EQ(got_expect, "");
  EXPECT_TRUE(res.body_sent);
}

TEST(HttpClient, PatchAndDeleteUseTheirMethods) {
  LocalServer s;
  std::vector<std::string> seen;
  s.svr.Patch("/x", [&](const httplib::Request& req, httplib::Response& res) {
    seen.push_back("PATCH " + req.body);
    res.status = 200;
  });
  s.svr.Delete("/x", [&](const httplib::Request&, httplib::Response& res) {
    seen.push_back("DELETE");
    res.status = 204;
  });
  s.start();
  HttpClient client;
  EXPECT_EQ(client.send({.method = "PATCH", .url = s.url("/x"), .body = "{\"a\":1}"}).status, 200);
  EXPECT_EQ(client.send({.method = "DELETE", .url = s.url("/x")}).status, 204);
  EXPECT_EQ(seen, (std::vector<std::string>{"PATCH {\"a\":1}", "DELETE"}));
}

TEST(HttpClient, ErrorStatusesAreReturnedNotThrown) {
  LocalServer s;
  s.svr.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
    res.status = 403;
    res.set_content(R"({"error":{"code":403}})", "application/json");
  });
  s.start();
  HttpClient client;
  auto res = client.send({.url = s.url("/missing")});
  EXPECT_EQ(res.status, 403);
  EXPECT_FALSE(res.ok());
  EXPECT_FALSE(res.transport_failed());
  EXPECT_EQ(res.body, R"({"error":{"code":403}})");
}

TEST(HttpClient, ReusesOneConnectionAcrossRequests) {
  LocalServer s;
  std::set<int> client_ports;
  s.svr.Get("/p", [&](const httplib::Request& req, httplib::Response& res) {
    client_ports.insert(req.remote_port);
    res.set_content("ok", "text/plain");
  });
  s.start();
  HttpClient client;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client.send({.url = s.url("/p")}).status, 200);
  EXPECT_EQ(client_ports.size(), 1u);
}

TEST(HttpClient, RefusedConnectionIsATransportFailureWithoutBodySent) {
  int port;
  {
    LocalServer s;  // grab a free port, then close it
    s.start();
    port = s.port;
  }
  HttpClient client;
  auto res = client.send({.method = "POST", .url = "http://127.0.0.1:" + std::to_string(port) + "/", .body = "x"});
  EXPECT_TRUE(res.transport_failed());
  EXPECT_FALSE(res.transport_error.empty());
  EXPECT_FALSE(res.body_sent);
}

TEST(HttpClient, ResetAfterRequestMarksBodySent) {
  ClosingServer s;
  HttpClient client;
  auto res = client.send({.method = "POST", .url = "http://127.0.0.1:" + std::to_string(s.port) + "/", .body = "{}"});
  EXPECT_TRUE(res.transport_failed());
  EXPECT_FALSE(res.transport_error.empty());
  EXPECT_TRUE(res.body_sent);
}

// libcurl would send the POST again on a fresh connection by itself; the issue or comment it
// carried would then exist twice.
TEST(HttpClient, PostWhoseAnswerIsLostOnAReusedConnectionIsNotSentAgain) {
  DropsPostAnswersServer s;
  HttpClient client;
  const std::string base = "http://127.0.0.1:" + std::to_string(s.port);
  ASSERT_EQ(client.send({.url = base + "/list"}).status, 200);  // leaves a kept-alive connection
  auto res = client.send({.method = "POST", .url = base + "/issues", .body = R"({"title":"t"})"});
  EXPECT_TRUE(res.transport_failed());
  EXPECT_TRUE(res.body_sent);
  EXPECT_EQ(s.posts.load(), 1);
  EXPECT_EQ(client.send({.url = base + "/list"}).status, 200);  // GETs still work afterwards
}

TEST(HttpClient, TimeoutIsATransportFailure) {
  LocalServer s;
  s.svr.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    res.set_content("late", "text/plain");
  });
  s.start();
  HttpClient client;
  auto res = client.send({.url = s.url("/slow"), .timeout = 200 * 1'000'000LL});
  EXPECT_TRUE(res.transport_failed());
  EXPECT_NE(res.transport_error.find("timed out"), std::string::npos) << res.transport_error;
}

TEST(HttpClient, FollowsRedirectsKeepingMethodOn307) {
  LocalServer s;
  std::string seen;
  s.svr.Post("/old", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 307;
    res.set_header("Location", "/new");
  });
  s.svr.Post("/new", [&](const httplib::Request& req, httplib::Response& res) {
    seen = req.body + "|" + req.get_header_value("Authorization");
    res.status = 201;
  });
  s.start();
  HttpClient client;
  auto res = client.send({.method = "POST", .url = s.url("/old"), .headers = {{"Authorization", "Bearer t"}}, .body = "b"});
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(seen, "b|Bearer t");
}

TEST(HttpClient, RefusesPlainHttpToNonLoopbackWithoutConnecting) {
  HttpClient client;
  auto res = client.send({.url = "http://example.com/x"});
  EXPECT_TRUE(res.transport_failed());
  EXPECT_NE(res.transport_error.find("http://"), std::string::npos);
  EXPECT_FALSE(res.body_sent);
}

TEST(CheckEndpointScheme, AllowsHttpsAndLoopbackHttpOnly) {
  EXPECT_EQ(check_endpoint_scheme("https://logging.googleapis.com"), "");
  EXPECT_EQ(check_endpoint_scheme("HTTPS://api.github.com/x"), "");
  EXPECT_EQ(check_endpoint_scheme("http://127.0.0.1:8080/"), "");
  EXPECT_EQ(check_endpoint_scheme("http://127.1.2.3"), "");
  EXPECT_EQ(check_endpoint_scheme("http://localhost:99/api"), "");
  EXPECT_EQ(check_endpoint_scheme("http://[::1]:99/"), "");
  EXPECT_NE(check_endpoint_scheme("http://example.com"), "");
  EXPECT_NE(check_endpoint_scheme("http://127.0.0.1.evil.com/"), "");
  EXPECT_NE(check_endpoint_scheme("http://128.0.0.1/"), "");
  EXPECT_NE(check_endpoint_scheme("http://127.0.0.256/"), "");
  EXPECT_NE(check_endpoint_scheme("http://localhost@evil.com/"), "");
  EXPECT_NE(check_endpoint_scheme("http://169.254.169.254/"), "");
  EXPECT_NE(check_endpoint_scheme("ftp://127.0.0.1/"), "");
  EXPECT_NE(check_endpoint_scheme("logging.googleapis.com"), "");
}

TEST(UrlEncode, KeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(url_encode("abcXYZ019-._~"), "abcXYZ019-._~");
  EXPECT_EQ(url_encode("a b/c?d=e&f"), "a%20b%2Fc%3Fd%3De%26f");
  EXPECT_EQ(url_encode("urn:ietf"), "urn%3Aietf");
  EXPECT_EQ(url_encode("\xc3\xa9"), "%C3%A9");
  EXPECT_EQ(url_encode(""), "");
}

TEST(LinkHeader, FindsRelInGithubStyleHeaders) {
  std::string h =
      R"(<https://api.github.com/repositories/1/issues?page=2>; rel="next", )"
      R"(<https://api.github.com/repositories/1/issues?page=5>; rel="last")";
  EXPECT_EQ(link_header_url(h, "next"), "https://api.github.com/repositories/1/issues?page=2");
  EXPECT_EQ(link_header_url(h, "last"), "https://api.github.com/repositories/1/issues?page=5");
  EXPECT_EQ(link_header_url(h, "prev"), "");
  EXPECT_EQ(link_header_url("", "next"), "");
  EXPECT_EQ(link_header_url(R"(<http://x/a,b>; title="x, y"; REL=next)", "next"), "http://x/a,b");
  EXPECT_EQ(link_header_url(R"(<http://x/1>; rel="prev first", <http://x/2>; rel="next")", "first"), "http://x/1");
}

TEST(Backoff, FullJitterStaysUnderTheGrowingCap) {
  BackoffPolicy policy{.max_attempts = 6, .initial = 100, .multiplier = 2.0, .max_delay = 500};
  for (uint64_t seed = 0; seed < 50; ++seed) {
    Backoff b(policy, seed);
    const TimeNs caps[] = {100, 200, 400, 500, 500};
    for (TimeNs cap : caps) {
      ASSERT_TRUE(b.can_retry());
      TimeNs d = b.next_delay();
      EXPECT_GE(d, 0);
      EXPECT_LE(d, cap);
    }
    EXPECT_EQ(b.attempt(), 5);
    EXPECT_FALSE(b.can_retry());
  }
}

TEST(Backoff, IsJitteredAndReproducibleBySeed) {
  BackoffPolicy policy{.max_attempts = 10, .initial = 1'000'000'000, .multiplier = 2.0, .max_delay = 60'000'000'000};
  Backoff a(policy, 7), b(policy, 7), c(policy, 8);
  std::set<TimeNs> distinct;
  for (int i = 0; i < 5; ++i) {
    TimeNs da = a.next_delay();
    EXPECT_EQ(da, b.next_delay());
    distinct.insert(da);
    distinct.insert(c.next_delay());
  }
  EXPECT_GT(distinct.size(), 5u);
}

}  // namespace
}  // namespace gardener
