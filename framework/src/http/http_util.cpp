// Endpoint checks, URL encoding, Link headers and the jittered backoff (protocols.md rules 1, 2).
#include <gardener/http.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "http/url_parts.hpp"

namespace gardener {
namespace http_detail {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

namespace {

// True for a dotted quad whose first octet is 127.
bool is_ipv4_loopback(std::string_view host) {
  int octets = 0;
  size_t i = 0;
  int first = -1;
  while (i <= host.size()) {
    size_t j = host.find('.', i);
    if (j == std::string_view::npos) j = host.size();
    std::string_view part = host.substr(i, j - i);
    if (part.empty() || part.size() > 3) return false;
    if (!std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isdigit(c); })) return false;
    int value = std::stoi(std::string(part));
    if (value > 255) return false;
    if (octets == 0) first = value;
    ++octets;
    i = j + 1;
  }
  return octets == 4 && first == 127;
}
}  // namespace

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  auto sep = url.find("://");
  if (sep == std::string_view::npos || sep == 0) return parts;
  parts.scheme = lower(url.substr(0, sep));
  std::string_view rest = url.substr(sep + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    parts.host = lower(close == std::string_view::npos ? authority : authority.substr(0, close + 1));
  } else {
    parts.host = lower(authority.substr(0, authority.find(':')));
  }
  return parts;
}

std::string url_host(std::string_view url) { return split_url(url).host; }

bool is_loopback_host(std::string_view host) {
  return host == "localhost" || host == "[::1]" || is_ipv4_loopback(host);
}

}  // namespace http_detail

inline namespace v1 {

std::string check_endpoint_scheme(const std::string& url) {
  auto parts = http_detail::split_url(url);
  if (parts.scheme.empty() || parts.host.empty())
    return "endpoint `" + url + "` is not an absolute URL; write it as https://HOST[/PATH]";
  if (parts.scheme == "https") return {};
  if (parts.scheme == "http") {
    if (http_detail::is_loopback_host(parts.host)) return {};
    return "endpoint `" + url +
           "` uses plain http://, which is only allowed to loopback (127.0.0.0/8, localhost, [::1]); use https://";
  }
  return "endpoint `" + url + "` has scheme `" + parts.scheme + "`; only https:// (or http:// to loopback) is supported";
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {
// True when the space-separated rel list contains `rel` (case-insensitive).
bool rel_matches(std::string_view rels, std::string_view rel) {
  size_t i = 0;
  while (i < rels.size()) {
    while (i < rels.size() && rels[i] == ' ') ++i;
    size_t j = rels.find(' ', i);
    if (j == std::string_view::npos) j = rels.size();
    std::string_view token = rels.substr(i, j - i);
    if (!token.empty() && http_detail::lower(token) == http_detail::lower(rel)) return true;
    i = j + 1;
  }
  return false;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::string link_header_url(const std::string& link_header, std::string_view rel) {
  std::string_view rest(link_header);
  while (true) {
    auto open = rest.find('<');
    if (open == std::string_view::npos) return {};
    auto close = rest.find('>', open);
    if (close == std::string_view::npos) return {};
    std::string_view url = rest.substr(open + 1, close - open - 1);
    rest.remove_prefix(close + 1);
    // Parameters run until the next link (a comma outside quotes).
    size_t end = 0;
    bool quoted = false;
    while (end < rest.size() && (quoted || rest[end] != ',')) {
      if (rest[end] == '"') quoted = !quoted;
      ++end;
    }
    std::string_view params = rest.substr(0, end);
    rest.remove_prefix(end);
    size_t pos = 0;
    while ((pos = params.find(';', pos)) != std::string_view::npos) {
      ++pos;
      size_t next = params.find(';', pos);
      std::string_view param = trim_view(params.substr(pos, next == std::string_view::npos ? next : next - pos));
      auto eq = param.find('=');
      if (eq == std::string_view::npos) continue;
      std::string key = http_detail::lower(trim_view(param.substr(0, eq)));
      std::string_view value = trim_view(param.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      if (key == "rel" && rel_matches(value, rel)) return std::string(url);
    }
  }
}

Backoff::Backoff(BackoffPolicy policy, uint64_t seed) : policy_(policy), rng_(seed) {}

TimeNs Backoff::next_delay() {
  double cap = static_cast<double>(policy_.initial) * std::pow(policy_.multiplier, attempt_);
  cap = std::min(cap, static_cast<double>(policy_.max_delay));
  ++attempt_;
  if (cap <= 0) return 0;
  std::uniform_int_distribution<TimeNs> dist(0, static_cast<TimeNs>(cap));
  return dist(rng_);
}

}  // namespace v1
}  // namespace gardener
