#pragma once
// Internal URL helpers shared by the HTTP client's files.
#include <string>
#include <string_view>

namespace gardener::http_detail {

struct UrlParts {
  std::string scheme;  // lower-case, without "://"
  std::string host;    // lower-case; IPv6 keeps its brackets
};

/// Splits scheme and host out of an absolute URL; empty scheme when it is not one.
UrlParts split_url(std::string_view url);
std::string url_host(std::string_view url);
bool is_loopback_host(std::string_view host);
std::string lower(std::string_view s);

}  // namespace gardener::http_detail
