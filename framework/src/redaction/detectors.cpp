// Built-in detector table and the checks done in code (Luhn, IBAN mod 97, base64 of basic auth).
#include "detectors.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace gardener {
inline namespace v1 {
namespace redaction {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Tries the whole value, then shorter values cut at each separator from the right: a greedy
/// pattern may have swallowed a following word ("DE89 3704 0044 0532 0130 00 IS").
template <typename Check>
size_t longest_valid(std::string_view value, Check check) {
  while (!value.empty()) {
    if (check(value)) return value.size();
    size_t cut = value.find_last_of(" -");
    if (cut == std::string_view::npos) return 0;
    value = value.substr(0, cut);
  }
  return 0;
}

std::string digits_of(std::string_view v) {
  std::string d;
  for (char c : v)
    if (is_digit(c)) d += c;
  return d;
}

size_t card_check(std::string_view value) {
  return longest_valid(value, [](std::string_view v) {
    std::string d = digits_of(v);
    if (d.size() < 13 || d.size() > 19) return false;
    // Issuer prefixes (Visa, Mastercard, Amex, Discover): keeps timestamps and ids out.
    bool issuer = d[0] == '4' || (d[0] == '5' && d[1] >= '1' && d[1] <= '5') || d[0] == '2' ||
                  (d[0] == '3' && (d[1] == '4' || d[1] == '7')) || d.starts_with("6011") || d.starts_with("65");
    return issuer && luhn_ok(d);
  });
}

size_t iban_check(std::string_view value) {
  return longest_valid(value, [](std::string_view v) {
    std::string compact;
    for (char c : v)
      if (c != ' ') compact += c;
    return iban_ok(compact);
  });
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (is_digit(c)) return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

/// Basic credentials decode to printable "user:password"; "Basic authentication" does not.
size_t basic_check(std::string_view value) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : value) {
    if (c == '=') break;
    int v = base64_value(c);
    if (v < 0) return 0;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  bool printable = std::all_of(out.begin(), out.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  return printable && out.find(':') != std::string::npos ? value.size() : 0;
}

/// Values after a context word ("Bearer", "api_key=") must look random: letters and digits, or
/// long and mixed case. Keeps "Bearer authentication failed" and "token: expired" intact.
size_t token_check(std::string_view value) {
  if (is_placeholder(value) || value.size() < 8) return 0;
  bool lower = false, upper = false, digit = false;
  for (char c : value) {
    lower |= std::islower(static_cast<unsigned char>(c)) != 0;
    upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    digit |= is_digit(c);
  }
  bool letters = lower || upper;
  return (digit && letters) || (lower && upper && value.size() >= 16) ? value.size() : 0;
}

size_t assignment_check(std::string_view value) { return is_placeholder(value) ? 0 : value.size(); }

/// Four dot-separated octets of at most 255, without allocating (the pattern fixed the shape).
size_t ipv4_check(std::string_view value) {
  int octet = 0, digits = 0;
  for (char c : value) {
    if (c == '.') {
      octet = digits = 0;
    } else if ((octet = octet * 10 + (c - '0')) > 255 || ++digits > 3) {
      return 0;
    }
  }
  return value.size();
}

/// A real IPv6 address with at least one digit ("fe80::1"), not "d::" from "std::vector".
size_t ipv6_check(std::string_view value) {
  if (value.size() > 45 || std::none_of(value.begin(), value.end(), is_digit)) return 0;
  char buf[46];
  value.copy(buf, value.size());
  buf[value.size()] = 0;
  in6_addr addr{};
  return inet_pton(AF_INET6, buf, &addr) == 1 ? value.size() : 0;
}

// A value after `password=` / `token:`: up to a quote, space or separator; JSON-in-text escapes
// (\") are allowed before the value.
#define GARDENER_ASSIGN R"(\\?["']?\s*[:=]\s*\\?["']?)"
#define GARDENER_VALUE R"(([^\s"'\\&,;)}\]]+))"

}  // namespace

const std::vector<Detector>& builtin_detectors() {
  static const std::vector<Detector> table = {
      {"private_key", "PEM private key blocks (-----BEGIN ... PRIVATE KEY-----)", true,
       R"(-----BEGIN[A-Z ]*PRIVATE KEY-----(?:[\s\S]*?-----END[A-Z ]*PRIVATE KEY-----|[\s\S]*))", nullptr,
       Partial::Marker},
      {"jwt", "JSON Web Tokens (eyJ header . payload . signature)", true,
       R"(\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*)",
       nullptr, Partial::Prefix},
      {"slack_webhook", "Slack incoming webhook URLs", true,
       R"(hooks\.slack\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/-]{8,}))", nullptr, Partial::Prefix},
      {"url_credentials", "passwords in URLs (scheme://user:password@host)", true,
       R"(\b[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@"']+:([^/\s@"']+)@)", assignment_check, Partial::Prefix},
      {"github_token", "GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)", true,
       R"(\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}))", nullptr, Partial::Prefix},
      {"gitlab_token", "GitLab tokens (glpat-, gldt-, glrt-, ...)", true,
       R"(\bgl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_-]{20,})", nullptr, Partial::Prefix},
      {"slack_token", "Slack tokens (xoxb-, xoxp-, xapp-, ...)", true,
       R"(\b(?:xox[abposre]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,}))", nullptr, Partial::Prefix},
      {"stripe_key", "Stripe secret and restricted keys, webhook secrets", true,
       R"(\b(?:(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}|whsec_[A-Za-z0-9]{20,}))", nullptr, Partial::Prefix},
      {"google_api_key", "Google API keys (AIza...)", true, R"(\bAIza[0-9A-Za-z_-]{35})", nullptr, Partial::Prefix},
      {"aws_access_key", "AWS access key ids (AKIA..., ASIA...)", true,
       R"(\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\b)", nullptr, Partial::Prefix},
      {"aws_secret_key", "AWS secret access keys after their name", true,
       R"((?i)aws_?secret_?(?:access_?)?key)" GARDENER_ASSIGN R"(([A-Za-z0-9/+=]{40}))", nullptr, Partial::Prefix},
      {"basic_auth", "HTTP Basic authorization values (base64 user:password)", true,
       R"((?i)\bbasic\s+([A-Za-z0-9+/]{6,}={0,2}))", basic_check, Partial::Prefix},
      {"bearer", "Bearer authorization tokens", true, R"((?i)\bbearer\s+([A-Za-z0-9._~+/-]{8,}=*))", token_check,
       Partial::Prefix},
      {"url_token", "secrets in URL query strings (?token=, &api_key=, &sig=, ...)", true,
       R"([?&;](?i:access_token|refresh_token|id_token|auth_token|token|auth|api_?key|apikey|key|secret|)"
       R"(client_secret|password|passwd|pwd|sig|signature|code|session_?id|jwt|x-amz-signature|)"
       R"(x-goog-signature|x-amz-credential)=([^&\s#"']+))",
       assignment_check, Partial::Prefix},
      {"password", "password= / secret: assignments in text and JSON", true,
       R"((?i)(?:password|passwd|pwd|secret))" GARDENER_ASSIGN GARDENER_VALUE, assignment_check, Partial::Prefix},
      {"generic_token", "vendor tokens caught by context (api_key=, X-Api-Key:, token:, secret/token/key JSON keys)",
       true,
       R"((?i)(?:api[_-]?key|access[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|secret[_-]?key|)"
       R"(private[_-]?key|signing[_-]?key|client[_-]?key|session[_-]?token|id[_-]?token|jwt|token|\bkey))" GARDENER_ASSIGN
       R"((?:bearer\s+)?([A-Za-z0-9._~+/=-]{8,}))",
       token_check, Partial::Prefix},
      {"email", "email addresses", true,
       R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})", nullptr, Partial::Email},
      {"credit_card", "credit card numbers (Luhn checked)", true, R"(\b[2-6][0-9]{3}(?:[ -]?[0-9]){9,15}\b)",
       card_check, Partial::LastFour},
      {"iban", "IBANs (mod 97 checked)", true, R"(\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\b)", iban_check,
       Partial::LastFour},
      {"ipv4", "IPv4 addresses", false, R"(\b(?:[0-9]{1,3}\.){3}[0-9]{1,3}\b)", ipv4_check, Partial::Prefix,
       ipv4_find},
      {"ipv6", "IPv6 addresses", false,
       R"((?i)(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?::)"
       R"((?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?)", ipv6_check, Partial::Prefix},
  };
  return table;
}

#undef GARDENER_ASSIGN
#undef GARDENER_VALUE

bool is_placeholder(std::string_view v) {
  if (v.empty() || v.starts_with("[REDACTED") || v.starts_with("<") || v.starts_with("***") || v.starts_with("${") ||
      v.ends_with("..."))
    return true;
  std::string lower;
  for (char c : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "null" || lower == "none" || lower == "undefined" || lower == "true" || lower == "false" ||
         lower == "redacted" || lower == "%s";
}

namespace {
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// End of the pattern's dotted quad starting at `s`, or npos. Each run of digits must be whole
/// (a shorter {1,3} would leave a digit where a dot or \b is needed), so there is no choice.
size_t quad_end(std::string_view t, size_t s) {
  size_t i = s;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0 && (i >= t.size() || t[i++] != '.')) return std::string_view::npos;
    size_t n = 0;
    while (i + n < t.size() && is_digit(t[i + n]) && n < 4) ++n;
    if (n == 0 || n > 3) return std::string_view::npos;
    i += n;
  }
  return i == t.size() || !is_word(t[i]) ? i : std::string_view::npos;
}
}  // namespace

bool ipv4_find(std::string_view t, size_t from, size_t& begin, size_t& end) {
  for (size_t s = from; s < t.size(); ++s) {
    if (!is_digit(t[s]) || (s > 0 && is_word(t[s - 1]))) continue;  // \b before a digit
    size_t e = quad_end(t, s);
    if (e == std::string_view::npos) continue;
    begin = s;
    end = e;
    return true;
  }
  return false;
}

bool luhn_ok(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (!is_digit(*it)) return false;
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return !digits.empty() && sum % 10 == 0;
}

bool iban_ok(std::string_view s) {
  if (s.size() < 15 || s.size() > 34) return false;
  if (!std::isupper(static_cast<unsigned char>(s[0])) || !std::isupper(static_cast<unsigned char>(s[1])) ||
      !is_digit(s[2]) || !is_digit(s[3]))
    return false;
  // Move the first four characters to the end, letters become 10..35, the number mod 97 is 1.
  int rem = 0;
  auto feed = [&](char c) {
    if (is_digit(c)) {
      rem = (rem * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      rem = (rem * 100 + (c - 'A' + 10)) % 97;
    } else {
      rem = -1000;
    }
  };
  for (size_t i = 4; i < s.size() && rem >= 0; ++i) feed(s[i]);
  for (size_t i = 0; i < 4 && rem >= 0; ++i) feed(s[i]);
  return rem == 1;
}

const char* secret_key_detector(std::string_view key) {
  // Only the key's end decides (every name below is a suffix, or the whole key), so the last
  // kTail letters are lowered into a buffer from the back: no allocation for the keys of every
  // JSON line (has_secret_key runs on each one).
  constexpr size_t kTail = 16;  // longer than the longest name
  char buf[kTail];
  size_t n = 0;
  for (size_t i = key.size(); i-- > 0 && n < kTail;) {
    char c = key[i];
    if (c == '_' || c == '-' || c == '.') continue;
    buf[kTail - 1 - n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  const std::string_view k(buf + kTail - n, n);  // the normalized key's last (up to) kTail bytes
  static const std::array<std::string_view, 4> password_words = {"password", "passwd", "pwd", "passphrase"};
  for (auto w : password_words)
    if (k.ends_with(w)) return "password";
  static const std::array<std::string_view, 14> token_suffixes = {
      "secret",     "token",     "apikey",        "accesskey",   "secretkey", "privatekey",  "signingkey",
      "clientkey", "encryptionkey", "authorization", "credentials", "credential", "sessionid", "cookie"};
  for (auto w : token_suffixes)
    if (k.ends_with(w)) return "generic_token";
  // "key" and "auth" only as the whole key (a 3- or 4-byte k is the whole normalized key).
  return k == "key" || k == "auth" ? "generic_token" : nullptr;
}

}  // namespace redaction
}  // namespace v1
}  // namespace gardener
