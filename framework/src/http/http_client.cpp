// HttpClient on libcurl: one easy handle reused across requests (keeps the connection alive),
// explicit timeouts, never throws for HTTP or transport failures.
#include <gardener/http.hpp>

#include <curl/curl.h>

#include "http/url_parts.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>

namespace gardener {
inline namespace v1 {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

void global_init_once() {
  static std::once_flag flag;
  std::call_once(flag, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t write_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// Collects response headers; a new status line (redirect, 100 Continue) starts a fresh set.
size_t write_header(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<Headers*>(user);
  std::string_view line(data, size * count);
  if (line.substr(0, 5) == "HTTP/") {
    headers->clear();
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    headers->emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  return size * count;
}

long to_ms(TimeNs ns) { return static_cast<long>(std::max<TimeNs>(1, ns / 1'000'000)); }

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return {};
}

struct HttpClient::Impl {
  CURL* curl = nullptr;
};

HttpClient::HttpClient() : impl_(std::make_unique<Impl>()) {
  global_init_once();
  impl_->curl = curl_easy_init();
}

HttpClient::~HttpClient() {
  if (impl_ && impl_->curl) curl_easy_cleanup(impl_->curl);
}

namespace {

void set_method(CURL* curl, const HttpRequest& request) {
  const std::string& m = request.method;
  if (m == "GET") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  } else if (m == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else {
    // POST, PATCH, PUT, DELETE: the body (possibly empty) goes as POSTFIELDS with an exact size.
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    if (m != "POST") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, m.c_str());
    // libcurl silently sends a request again when a reused connection dies before any answer
    // byte ("Connection died, retrying a fresh connect"), but a POST may have been carried out
    // by then: a second issue, comment or Slack message. On a connection of its own, such a loss
    // comes back as a transport error with body_sent, and the caller decides.
    if (m == "POST") curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
  }
}

curl_slist* build_headers(const HttpRequest& request) {
  curl_slist* list = nullptr;
  bool has_content_type = false;
  for (const auto& [k, v] : request.headers) {
    if (iequals(k, "Content-Type")) has_content_type = true;
    list = curl_slist_append(list, (k + ": " + v).c_str());
  }
  // No "Expect: 100-continue" round trip, and no implicit form content type.
  list = curl_slist_append(list, "Expect:");
  if (!has_content_type && request.method != "GET" && request.method != "HEAD")
    list = curl_slist_append(list, "Content-Type:");
  return list;
}

}  // namespace

namespace {

// One transfer, no redirects followed (send() follows them so each hop is checked).
HttpResponse perform_once(CURL* curl, const HttpRequest& request) {
  HttpResponse response;
  curl_easy_reset(curl);  // keeps the connection cache, clears the previous request's options
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, to_ms(request.timeout));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, to_ms(request.connect_timeout));
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  set_method(curl, request);
  curl_slist* headers = build_headers(request);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

  CURLcode rc = curl_easy_perform(curl);

  curl_off_t uploaded = 0;
  long request_size = 0;
  curl_easy_getinfo(curl, CURLINFO_SIZE_UPLOAD_T, &uploaded);
  curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &request_size);
  response.body_sent = uploaded > 0 || request_size > 0;
  if (rc == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  } else {
    response.status = 0;
    response.transport_error = errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(rc));
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  curl_slist_free_all(headers);
  return response;
}

bool is_redirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Resolves a Location header against the request URL (absolute, or absolute path).
std::string resolve_location(const std::string& base, const std::string& location) {
  if (location.find("://") != std::string::npos) return location;
  auto scheme_end = base.find("://");
  if (scheme_end == std::string::npos || location.empty() || location[0] != '/') return {};
  auto path_start = base.find('/', scheme_end + 3);
  return base.substr(0, path_start) + location;
}

// The GCE metadata server only speaks plain HTTP on a link-local address; it is the one
// non-loopback http:// target, and only for requests that carry its mandatory header.
bool is_metadata_request(const HttpRequest& request) {
  auto parts = http_detail::split_url(request.url);
  bool metadata_host = parts.host == "metadata.google.internal" || parts.host == "169.254.169.254";
  bool flavor = std::any_of(request.headers.begin(), request.headers.end(), [](const auto& h) {
    return iequals(h.first, "Metadata-Flavor") && h.second == "Google";
  });
  return parts.scheme == "http" && metadata_host && flavor;
}

}  // namespace

HttpResponse HttpClient::send(const HttpRequest& request) {
  HttpResponse response;
  if (!impl_->curl) {
    response.transport_error = "could not initialise libcurl";
    return response;
  }
  HttpRequest current = request;
  for (int hop = 0; hop <= 5; ++hop) {
    if (auto err = check_endpoint_scheme(current.url); !err.empty() && !is_metadata_request(current)) {
      response = HttpResponse{};
      response.transport_error = err;
      return response;
    }
    response = perform_once(impl_->curl, current);
    if (!is_redirect(response.status)) return response;
    std::string next = resolve_location(current.url, response.header("Location"));
    if (next.empty()) return response;
    if (response.status == 303) {
      current.method = "GET";
      current.body.clear();
    }
    // Credentials never follow a redirect to another host.
    if (http_detail::url_host(next) != http_detail::url_host(current.url))
      std::erase_if(current.headers, [](const auto& h) { return iequals(h.first, "Authorization"); });
    current.url = std::move(next);
  }
  return response;
}


}  // namespace v1
}  // namespace gardener
