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

/// Not the tail of a hyphenated identifier (the pattern's optional `x-` before the number): HDFS's
/// `blk_-4980916519894289629` is a block id.
size_t card_check(std::string_view value) {
  if (value.size() > 1 && value[1] == '-') return 0;
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
      if (c != ' ' && c != '+') compact += c;
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

/// A compound identifier: three or more parts of letters, digits and `_` split by `-`, `:` or
/// `.`, two of them words of letters (`user:4821:profile`, `node-cache-Linux-x64-npm-<hash>`), as cache and lock keys are.
bool looks_like_compound_name(std::string_view v) {
  size_t parts = 0, words = 0, begin = 0, longest = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    if (i < v.size() && v[i] != '-' && v[i] != ':' && v[i] != '.') continue;
    const std::string_view part = v.substr(begin, i - begin);
    if (!std::all_of(part.begin(), part.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
      return false;  // `django-insecure-c5#m5&3c`: symbols are no name's
    ++parts;
    if (part.size() >= 3 && std::all_of(part.begin(), part.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
      ++words;
    longest = std::max(longest, part.size());
    begin = i + 1;
  }
  // Two words and short parts (`user:4821:profile`), or three words and any (a cache key ending in
  // a hash); not `live-key-8f3a9c2e7b1d4a6f`, a key whose random part is long.
  return parts >= 3 && (words >= 3 || (words >= 2 && longest <= 12));
}

/// Values after a context word ("Bearer", "api_key=") must look random: letters and digits, or
/// long and mixed case. Keeps "Bearer authentication failed" and "token: expired" intact.
size_t token_check(std::string_view value) {
  if (is_placeholder(value) || value.size() < 8 || looks_like_compound_name(value)) return 0;
  // A hexadecimal number of at most 64 bits (ZooKeeper's `sessionid: 0x14ede63a5a70002`) counts
  // something; a longer one may be a key (`PRIVATE_KEY=0x4c0883a6...`).
  if (value.starts_with("0x") && value.size() <= 18 &&
      std::all_of(value.begin() + 2, value.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
    return 0;
  bool lower = false, upper = false, digit = false;
  for (char c : value) {
    lower |= std::islower(static_cast<unsigned char>(c)) != 0;
    upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    digit |= is_digit(c);
  }
  bool letters = lower || upper;
  return (digit && letters) || (lower && upper && value.size() >= 16) ? value.size() : 0;
}

/// An absolute path of plain names (`PWD=/home/ops`, the working directory) is no password;
/// base64 that happens to start with `/` holds `+` or `=` or mixed runs, and stays a secret.
bool looks_like_path(std::string_view v) {
  if (v.size() < 2 || v[0] != '/' || v.find('/', 1) == std::string_view::npos) return false;
  return std::all_of(v.begin(), v.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || is_digit(c) || c == '/' || c == '.' || c == '_' || c == '-';
  });
}

size_t assignment_check(std::string_view value) {
  return is_placeholder(value) || looks_like_path(value) ? 0 : value.size();
}

/// Not an address: a systemd unit (`getty@tty1.service`), or the host of an scp-style target
/// (`git@github.com:org/repo.git`, the pattern's optional `:x` tail).
size_t email_check(std::string_view value) {
  if (value.size() >= 2 && value[value.size() - 2] == ':') {
    const char next = value.back();
    const bool scp = value.starts_with("git@") || next == '/' || next == '~' || next == '.';
    return scp ? 0 : value.size() - 2;  // `alice@example.com:8080` is an address before a port
  }
  static constexpr std::array<std::string_view, 11> kUnitSuffixes = {
      ".service", ".socket", ".timer", ".target", ".mount", ".automount", ".slice", ".scope", ".device", ".swap",
      ".path"};
  for (auto suffix : kUnitSuffixes)
    if (value.ends_with(suffix)) return 0;
  return value.size();
}

/// 8 to 15 digits (E.164), `%2B` and `%20` not counted, after a `+` that no word character
/// precedes (the pattern's optional first character); a greedy match that swallowed the next
/// number is cut back at a separator. A signed decimal (Go's monotonic clock `m=+3211.123456789`)
/// is no phone number.
size_t phone_check(std::string_view value) {
  if (value.size() > 1 && std::isalnum(static_cast<unsigned char>(value[0])) && (value[1] == '+' || value[1] == '%'))
    return 0;  // `1.2.3+20240314`: glued to a word
  while (!value.empty() && !is_digit(value.back())) value.remove_suffix(1);
  return longest_valid(value, [](std::string_view v) {
    size_t digits = 0, dots = 0, others = 0;
    for (size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '%') {
        i += 2;
        ++others;
      } else if (is_digit(v[i])) {
        ++digits;
      } else if (v[i] == '.') {
        ++dots;
      } else if (v[i] != '+') {
        ++others;
      }
    }
    const bool decimal = dots == 1 && others == 0;
    // With separators, the first group is a country code of 1-3 digits: `+1000 2024` is an offset
    // and a year, `+1234 -5678` two counts.
    const bool plus = v.starts_with("+") || v.starts_with("%2B");
    const size_t start = v.starts_with("%2B") ? 3 : 1;
    size_t lead = 0;
    while (plus && start + lead < v.size() && is_digit(v[start + lead])) ++lead;
    const bool grouped = start + lead < v.size();
    return !decimal && digits >= 8 && digits <= 15 && (!plus || !grouped || lead <= 3);
  });
}

/// A value after an id's name holds a digit (`passport expired` names no passport).
size_t personal_id_check(std::string_view v) { return std::any_of(v.begin(), v.end(), is_digit) ? v.size() : 0; }

/// The Social Security Administration's rules: no area 000, 666 or 9xx, no group 00, no serial 0000.
size_t ssn_check(std::string_view v) {
  if (v.size() != 9 && v.size() != 11) return 0;  // 123456789 or 123-45-6789, not 123-456789
  const bool dashed = v.size() == 11;
  const std::string_view area = v.substr(0, 3), group = v.substr(dashed ? 4 : 3, 2), serial = v.substr(dashed ? 7 : 5, 4);
  bool ok = area != "000" && area != "666" && area[0] != '9' && group != "00" && serial != "0000";
  return ok ? v.size() : 0;
}

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

// Between a key and its value: `=`, `:` or Ruby's `=>`; the key may close a quote or a bracket
// (`card[cvc]=`), the value may open a list, a quote or a bytes literal (`: ['...']`, `b'...'`).
// JSON-in-text escapes (\") are allowed on both sides. (Python's header tuples `(b'api-key',
// b'...')` have a pattern of their own: a comma between any two quoted words is no assignment.)
#define GARDENER_SEP R"((?:\\?["']|\])?\s*(?:=>|[:=])\s*\[?\s*)"
#define GARDENER_ASSIGN GARDENER_SEP R"((?:b?\\?["'])?\[?)"
// A value after `password=` / `token:`: up to a quote, space or separator; a token's characters.
#define GARDENER_VALUE_CHARS R"([^\s"'\\&,;)}\]])"
#define GARDENER_VALUE "(" GARDENER_VALUE_CHARS "+)"
#define GARDENER_TOKEN_CHARS R"([A-Za-z0-9._~+/=:%$-])"
// A quoted value is whole to its closing quote (`SECRET_KEY = 'django-insecure-c5#m5&3c(z'`): the
// separator as above, then the quote (an escaped quote leaves it to the unquoted forms).
#define GARDENER_SEP_QUOTED GARDENER_SEP "b?"
#define GARDENER_QUOTED R"q((?:"[^"\\\n]+"|'[^'\\\n]+'))q"
#define GARDENER_QUOTED_TOKEN R"q((?:"[^"\\\s]+"|'[^'\\\s]+'))q"
// Key patterns are large (a list of key names), so they hold no group and these pick the secret
// out of their match (redaction::Pattern): the value between the last quotes, or what follows the
// first separator.
#define GARDENER_QUOTED_SECRET R"q((?s).*"([^"\\\n]+)"|(?s).*'([^'\\\n]+)')q"
#define GARDENER_VALUE_SECRET "(?s).*?" GARDENER_ASSIGN GARDENER_VALUE
#define GARDENER_TOKEN_SECRET "(?is).*?" GARDENER_ASSIGN R"((?:bearer\s+)?()" GARDENER_TOKEN_CHARS "+)"
// A command-line option's value: `--password=x`, `--token x`, `--token 'x'`; not the next option
// (`--no-password -h db`).
#define GARDENER_FLAG_VALUE R"((?:=|\s+)['"]?([^\s'"-][^\s'"]*))"

// A literal that every vendor token below holds, its prefix or (Terraform, Telegram) its middle:
// Hyperscan finds literals fast, and bounded repeats of character classes cost it on every line.
constexpr const char* kVendorHint =
    R"(\b(?:sk-|npm_|pypi-|rubygems_|pul-|dckr_|hv[sbr]\.|SG\.|key-[0-9a-f]|SK[0-9a-f]{4}|shp(?:at|ss|ca|pa)_)"
    R"(|NRAK-|NRII-|do[por]_v1_|lin_(?:api|oauth)_|ATATT|access_token\$|sq0(?:atp|csp)-|hf_|gl(?:sa|c)_)"
    R"(|AGE-SECRET-KEY-|PMAK-|dapi[a-f0-9]{4}|tskey-|secret_|ntn_|EAA[A-Za-z0-9]{4}|ya29\.|1//0|sntr[ysu]_)"
    R"(|v1\.0-[a-f0-9]{4}|xai-|gsk_|r8_|figd_|LTAI)|\.atlasv1\.|:AA[A-Za-z0-9_-]{4})";

// Vendors' tokens recognised by their prefix and shape alone (those with a detector of their own,
// GitHub, GitLab, Slack, Stripe, Google, AWS, are not repeated here). Where a bot's token sits in a
// path (Telegram's /bot<id>:<token>/), the capture group is the token.
#define GARDENER_VENDOR_TOKENS                                                                             \
  R"(\b(?:sk-(?:proj|svcacct|admin|ant-[a-z]+[0-9]{2})-[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9]{32,}))",          \
      R"(\b(?:npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_-]{50,}|rubygems_[a-f0-9]{48}|pul-[a-f0-9]{40}))",       \
      R"(\b(?:dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}|hv[sbr]\.[A-Za-z0-9_-]{20,}))",                          \
      R"(\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{40,})",                                                 \
      R"(\b(?:SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}|key-[0-9a-f]{32}|SK[0-9a-f]{32}))",           \
      R"(\b(?:shp(?:at|ss|ca|pa)_[A-Fa-f0-9]{32}|NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}))",              \
      R"(\b(?:do[por]_v1_[a-f0-9]{64}|lin_(?:api|oauth)_[A-Za-z0-9]{40}|ATATT[A-Za-z0-9_=-]{40,}))",        \
      R"(\b(?:access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}|sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}))",   \
      R"(\b(?:hf_[A-Za-z0-9]{30,}|gl(?:sa|c)_[A-Za-z0-9_+/=-]{32,}|AGE-SECRET-KEY-1[A-Z0-9]{58}))",        \
      R"(\b(?:PMAK-[a-f0-9]{24}-[a-f0-9]{34}|dapi[a-f0-9]{32}(?:-[0-9]+)?|tskey-[a-z]+-[A-Za-z0-9-]{20,}))", \
      R"(\b(?:(?:secret|ntn)_[A-Za-z0-9]{40,}|EAA[A-Za-z0-9]{60,}|ya29\.[A-Za-z0-9_-]{20,}))",             \
      R"(\b(?:1//0[A-Za-z0-9_-]{30,}|sntr[ysu]_[A-Za-z0-9+/=_-]{30,}|v1\.0-[a-f0-9]{24}-[a-f0-9]{100,}))", \
      R"(\b(?:xai-[A-Za-z0-9]{60,}|gsk_[A-Za-z0-9]{40,}|r8_[A-Za-z0-9]{30,}|figd_[A-Za-z0-9_-]{30,}))",    \
      R"(\bLTAI[A-Za-z0-9]{12,30}\b)",                                                                    \
      R"((?:\b|bot)([0-9]{8,10}:AA[A-Za-z0-9_-]{30,}))"

// Passwords, whatever they look like: after a key ending in a password word (a quoted value whole;
// not a bare `pass`, which Go's `--- PASS: TestFoo` prints), a config directive (redis's
// requirepass), a .netrc `login x password y`, an option (--password, mysql's -u user -pSECRET
// glued as it must be, sshpass -p, redis-cli -a) or the password half of curl's -u user:password
// (a user with a letter: `docker run -u 1000:1000` is a uid), in an XML element (`<wsse:Password
// Type="PasswordText">x</wsse:Password>`), or a wallet's seed phrase after its name. Card security
// codes go with them.
#define GARDENER_PASSWORD_KEY R"((?i)(?:password|passwd|pwd|secret|pass[_-]?phrase|[_.-]pass|\b(?:cvc|cvv2?|csc)))"
#define GARDENER_PASSWORDS                                                            \
  {GARDENER_PASSWORD_KEY GARDENER_SEP_QUOTED GARDENER_QUOTED, GARDENER_QUOTED_SECRET},                      \
      {GARDENER_PASSWORD_KEY GARDENER_ASSIGN GARDENER_VALUE_CHARS "+", GARDENER_VALUE_SECRET},                \
      R"((?i)\b(?:requirepass|masterauth)\s+)" GARDENER_VALUE,                        \
      R"((?i)\blogin\s+\S+\s+password\s+)" GARDENER_VALUE,                            \
      R"((?i)--(?:[a-z0-9]+-)*(?:password|passwd|pass|secret))" GARDENER_FLAG_VALUE,  \
      R"q(\s-u\s*\S+\s+-p(?:'([^'\s]+)'|"([^"\s]+)"|)q" GARDENER_VALUE ")",                  \
      R"(\bsshpass\s+-p\s*['"]?)" GARDENER_VALUE,                                     \
      R"(\bredis-cli\b[^|;&]*?\s-a\s+['"]?)" GARDENER_VALUE,                          \
      R"((?:\s-u|--user)(?:\s+|=)['"]?[^\s:'"@]*[A-Za-z][^\s:'"@]*:([^\s'"@]+))",                     \
      R"((?i)<(?:[\w-]+:)?[\w-]*(?:password|passwd|secret)(?:\s[^>]*)?>([^<]+)</)",                          \
      R"((?i)\b(?:mnemonic|seed[ _-]?phrase|recovery[ _-]?phrase)\b[^"'\n]{0,20}["']((?:[a-z]+ ){11,23}[a-z]+)["'])"

// Tokens by context, when they look random (token_check): after a key ending in a token word
// (api_key, DATADOG_APP_KEY, accountKey, auth, signature, sessionid, _app_session, client-key-data;
// not a bare `Session:`, which Windows' CBS log prints before every servicing session), in an
// Authorization header after any scheme (Token, SSWS, Splunk, ApiKey), after an option (--token x,
// --account-key x), after the word token (`logging in using static token <discord bot token>`),
// in an XML element (`<AccessKey>`), after SMTP's AUTH PLAIN, as a long segment of a webhook's
// path (`/hooks/deploy/<token>/trigger`), or as a URL's user holding a digit (https://<key>@sentry.io; not Akka's
// akka.tcp://sparkExecutorActorSystem@host).
#define GARDENER_TOKEN_KEY                                                                           \
  R"((?i)(?:token|jwt|(?:api|access|secret|private|signing|client|auth)key|private[_-]?key[_-]?id)"                          \
  R"(|(?:\b|[_.-])(?:key|auth|sig|signature|credentials?|sid)|(?-i:[a-z0-9](?:Key|Auth|Signature|Credentials?)))" \
  R"(|sess(?:ion)?[_-]?(?:id|key)|_sess(?:ion)?|(?:key|secret|token|credentials?)[_-]?(?:base|b64|base64|hex|data|value|string|raw)))"
#define GARDENER_CONTEXT_TOKENS                                                                         \
  {GARDENER_TOKEN_KEY GARDENER_SEP_QUOTED GARDENER_QUOTED_TOKEN, GARDENER_QUOTED_SECRET},                  \
      {GARDENER_TOKEN_KEY GARDENER_ASSIGN R"((?:bearer\s+)?)" GARDENER_TOKEN_CHARS "+", GARDENER_TOKEN_SECRET}, \
      R"((?i)authorization\\?["']?\s*[:=]\s*\\?["']?(?:[A-Za-z][A-Za-z0-9-]*\s+)?([A-Za-z0-9._~+/=:-]{8,}))", \
      R"((?i)--(?:[a-z0-9]+-)*(?:token|key|authkey|api-?key|secret-key))" GARDENER_FLAG_VALUE,          \
      R"((?i)\btoken\s+([A-Za-z0-9._~+/=-]{24,}))",                                                      \
      R"((?i)\(\s*b?["'][A-Za-z0-9_.-]*(?:key|token|auth|authorization|cookie|secret|password|passwd))"     \
      R"(["']\s*,\s*b?["']([^"'\\\s]+)["'])",                                                            \
      R"([A-Za-z][A-Za-z0-9+.-]*://([A-Za-z_-]*[0-9][A-Za-z0-9_-]*)(?::[^/\s@"']*)?@)",                   \
      R"((?i)<(?:[\w-]+:)?[\w-]*(?:token|apikey|api_key|accesskey|secretkey)(?:\s[^>]*)?>([^<]+)</)",        \
      R"((?i)\bAUTH\s+(?:PLAIN|LOGIN|XOAUTH2)\s+([A-Za-z0-9+/]{8,}={0,2}))",                                \
      R"((?i)/(?:web)?hooks?/(?:[A-Za-z0-9_-]+/)*?([A-Za-z0-9_-]{20,})(?:[/?#\s"']|$))"

}  // namespace

const std::vector<Detector>& builtin_detectors() {
  static const std::vector<Detector> table = {
      {"private_key", "PEM and PGP private key blocks (-----BEGIN ... PRIVATE KEY-----)", true,
       {R"(-----BEGIN[A-Z ]*PRIVATE KEY(?: BLOCK)?-----)"
        R"((?:[\s\S]*?-----END[A-Z ]*PRIVATE KEY(?: BLOCK)?-----|[\s\S]*))"},
       nullptr, Partial::Marker},
      {"jwt", "JSON Web Tokens (eyJ header . payload . signature)", true,
       {R"(\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*)"}, nullptr, Partial::Prefix},
      {"slack_webhook", "Slack and Discord webhook URLs (the secret path)", true,
       {R"(hooks\.slack\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/-]{8,}))",
        R"(discord(?:app)?\.com/api/webhooks/[0-9]+/([A-Za-z0-9_-]{20,}))"},
       nullptr, Partial::Prefix},
      {"url_credentials", "passwords in URLs and DSNs (scheme://user:password@host, user:pw@tcp(host), user/pw@db)",
       true,
       {R"(\b[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@"']*:([^/\s@"']+)@)",
        R"(\b[A-Za-z0-9_.-]+:([^\s/@"'(]+)@(?:tcp|unix|udp)\()", R"((?i:\bthin):[^/\s@:"']+/([^\s@"']+)@)"},
       assignment_check, Partial::Prefix},
      {"github_token", "GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)", true,
       {R"(\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}))"}, nullptr, Partial::Prefix},
      {"gitlab_token", "GitLab tokens (glpat-, gldt-, glrt-, ...)", true,
       {R"(\bgl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_-]{20,})"}, nullptr, Partial::Prefix},
      {"slack_token", "Slack tokens (xoxb-, xoxp-, xapp-, ...)", true,
       {R"(\b(?:xox[abposre]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,}))"}, nullptr, Partial::Prefix},
      {"stripe_key", "Stripe secret and restricted keys, webhook secrets", true,
       {R"(\b(?:(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}|whsec_[A-Za-z0-9]{20,}))"}, nullptr, Partial::Prefix},
      {"google_api_key", "Google API keys (AIza...)", true, {R"(\bAIza[0-9A-Za-z_-]{35})"}, nullptr, Partial::Prefix},
      {"vendor_token", "other vendors' tokens by their prefix (sk-proj-, npm_, hvs., SG., hf_, dop_v1_, ya29., ...)",
       true, {GARDENER_VENDOR_TOKENS}, nullptr, Partial::Prefix, nullptr, kVendorHint},
      {"aws_access_key", "AWS access key ids (AKIA..., ASIA...)", true,
       {R"(\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\b)"}, nullptr, Partial::Prefix},
      {"aws_secret_key", "AWS secret access keys after their name or their key id", true,
       {R"((?i)aws_?secret_?(?:access_?)?key)" GARDENER_ASSIGN R"(([A-Za-z0-9/+=]{40}))",
        R"(\bA[KS]IA[A-Z0-9]{16}[/:]([A-Za-z0-9/+=]{40})(?:[^A-Za-z0-9/+=]|$))"},
       nullptr, Partial::Prefix},
      {"password_hash", "password hashes ($2b$, $argon2id$, $6$ crypt, ...)", true,
       {R"(\$(?:2[abxy]?|argon2(?:id|i|d)|[1567]|y|gy|scrypt|pbkdf2(?:-sha[0-9]+)?)\$[A-Za-z0-9./+=,$-]{20,})"},
       nullptr, Partial::Prefix},
      {"basic_auth", "HTTP Basic authorization values (base64 user:password)", true,
       {R"((?i)\bbasic\s+([A-Za-z0-9+/]{6,}={0,2}))"}, basic_check, Partial::Prefix},
      {"bearer", "Bearer authorization tokens", true, {R"((?i)\bbearer\s+([A-Za-z0-9._~+/-]{8,}=*))"}, token_check,
       Partial::Prefix},
      {"url_token", "secrets in URL query strings (?token=, &api_key=, &sig=, ...)", true,
       {R"([?&;](?i:access_token|refresh_token|id_token|auth_token|token|auth|api_?key|apikey|key|secret|)"
        R"(client_secret|password|passwd|pwd|sig|signature|code|session_?id|jwt|x-amz-signature|)"
        R"(x-goog-signature|x-amz-credential|x-amz-security-token)=([^&\s#"';`<>]+))"},
       assignment_check, Partial::Prefix},
      {"password", "passwords: password= / secret: / pass: in text and JSON, --password x, -u user -p x, netrc",
       true, {GARDENER_PASSWORDS}, assignment_check, Partial::Prefix},
      {"generic_token", "tokens caught by context (api_key=, *_KEY=, X-Api-Key:, Authorization:, --token x, sessions)",
       true, {GARDENER_CONTEXT_TOKENS}, token_check, Partial::Prefix},
      {"email", "email addresses", true,
       {R"([A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?::[A-Za-z0-9_~./-])?)"},
       email_check, Partial::Email},
      {"credit_card", "credit card numbers (Luhn checked)", true,
       {R"((?:[A-Za-z0-9_]-)?\b[2-6][0-9]{3}(?:[ -]?[0-9]){9,15}\b)"}, card_check, Partial::LastFour},
      {"iban", "IBANs (mod 97 checked)", true, {R"(\b[A-Z]{2}[0-9]{2}(?:[ +]?[A-Z0-9]){11,30}\b)"}, iban_check,
       Partial::LastFour},
      {"phone", "phone numbers in international form (+44 20 7946 0958, %2B-encoded too) and (415) 555-0123", true,
       {R"([A-Za-z0-9]?(?:\+|%2B)[1-9][0-9 ().%-]{6,})", R"(\([0-9]{3}\) ?[0-9]{3}-[0-9]{4}\b)",
        R"((?i)\b(?:phone|mobile|cell|msisdn|tel(?:ephone)?)(?:[ _-]?(?:number|no))?\b[^A-Za-z0-9+\n]{1,4}([0-9][0-9 ().-]{6,18}[0-9]))"},
       phone_check,
       Partial::LastFour},
      // Named: a bare 123-45-6789 has no literal for Hyperscan to look for, and costs every line a scan.
      // Each after its name, which gives Hyperscan a literal and the value its meaning (a bare
      // 9-digit number is as often an order id as a SIN).
      {"personal_id", "national ids, passports, dates of birth and bank accounts after their name "
                      "(NINO, SIN, CPF, PAN, Aadhaar, DNI/NIE, passport, DOB, account, routing, sort code)",
       true,
       {R"((?i)\b(?:nino|national[ _-]?insurance(?:[ _-]?(?:number|no))?|ni[ _-]?(?:number|no))\b[^A-Za-z0-9\n]{0,20})"
        R"(([A-Za-z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-Da-d])\b)",
        R"((?i)\b(?:sin|social[ _-]?insurance(?:[ _-]?(?:number|no))?)\b[^0-9\n]{0,20}([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3})\b)",
        R"((?i)\bcpf\b[^0-9\n]{0,20}([0-9]{3}\.?[0-9]{3}\.?[0-9]{3}-?[0-9]{2})\b)",
        R"((?i)\bpan\b[^A-Za-z0-9\n]{0,20}([A-Za-z]{5}[0-9]{4}[A-Za-z])\b)",
        R"((?i)\b(?:aadhaar|aadhar|uidai)(?:[ _-]?(?:number|no|num|id))?\b[^0-9\n]{0,20}([2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4})\b)",
        R"((?i)\b(?:dni|nie|nif)\b[^A-Za-z0-9\n]{0,20}([XYZxyz]?[0-9]{7,8}-?[A-Za-z])\b)",
        R"((?i)\bpassport(?:[ _-]?(?:number|no|num|id))?\b[^A-Za-z0-9\n]{0,20}([A-Za-z0-9]{6,9})\b)",
        R"((?i)\b(?:dob|date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|born(?: on)?|geburtsdatum|fecha[ _]de[ _]nacimiento|date[ _]de[ _]naissance)\b[^0-9\n]{0,20})"
        R"(([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}|[0-9]{1,2} [A-Za-z]{3,9} [0-9]{4})\b)",
        R"((?i)\b(?:account(?:[ _-]?(?:number|no|num))?|acct(?:[ _-]?(?:no|num))?)\b[^A-Za-z0-9\n]{0,5}([0-9]{6,17})\b)",
        R"((?i)\b(?:routing(?:[ _-]?(?:number|no))?|aba)\b[^0-9\n]{0,5}([0-9]{9})\b)",
        R"((?i)\bsort[ _-]?code\b[^0-9\n]{0,10}([0-9]{2}-[0-9]{2}-[0-9]{2})\b)"},
       personal_id_check, Partial::LastFour, nullptr,
       // The names followed by a digit: eleven bounded context patterns cost Hyperscan more on
       // every line than their RE2 searches cost on the lines that name an id.
       R"((?i)\b(?:nino|national[ _-]?insurance|ni[ _-]?(?:number|no)|sin|social[ _-]?insurance|cpf|pan|aadhaa?r|uidai)"
       R"(|dni|nie|nif|passport|dob|date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|born|geburtsdatum|fecha[ _]de)"
       R"(|date[ _]de[ _]naissance|account|acct|routing|aba|sort[ _-]?code)[^\n]{0,24}[0-9])"},
      {"ssn", "US social security numbers after SSN or tax id (area, group and serial checked)", true,
       {R"((?i)\b(?:ssn|social[ _-]?security(?:[ _-]?(?:number|no))?|tax[ _-]?id)\b[^0-9\n]{0,20}([0-9]{3}-?[0-9]{2}-?[0-9]{4})\b)"},
       ssn_check, Partial::LastFour},
      {"ipv4", "IPv4 addresses", false, {R"(\b(?:[0-9]{1,3}\.){3}[0-9]{1,3}\b)"}, ipv4_check, Partial::Prefix,
       ipv4_find},
      {"ipv6", "IPv6 addresses", false,
       {R"((?i)(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?::)"
        R"((?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?)"},
       ipv6_check, Partial::Prefix},
  };
  return table;
}

#undef GARDENER_ASSIGN
#undef GARDENER_SEP
#undef GARDENER_VALUE_CHARS
#undef GARDENER_TOKEN_CHARS
#undef GARDENER_VALUE
#undef GARDENER_FLAG_VALUE
#undef GARDENER_SEP_QUOTED
#undef GARDENER_QUOTED
#undef GARDENER_QUOTED_TOKEN
#undef GARDENER_QUOTED_SECRET
#undef GARDENER_VALUE_SECRET
#undef GARDENER_TOKEN_SECRET
#undef GARDENER_VENDOR_TOKENS
#undef GARDENER_PASSWORD_KEY
#undef GARDENER_PASSWORDS
#undef GARDENER_TOKEN_KEY
#undef GARDENER_CONTEXT_TOKENS

bool is_placeholder(std::string_view v) {
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);  // "[FILTERED]"
  // Markers (also after an opening bracket the assignment took), masks and template variables: `[REDACTED:x]`, `<x:3f9a1c>`, `**`, `${VAR}`,
  // `{{ .Values.x }}`, `%(password)s`, `abc...`.
  if (v.empty() || v.starts_with("[REDACTED") || v.starts_with("REDACTED:") || v.starts_with("<") || v.starts_with("**") || v.starts_with("${") ||
      v.starts_with("{{") || v.starts_with("%(") || v.ends_with("..."))
    return true;
  // One character repeated (`xxxxxxxx`, `########`): a mask.
  if (v.size() >= 3 && std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; }) &&
      (v[0] == 'x' || v[0] == 'X' || v[0] == '#' || v[0] == '*' || v[0] == '.'))
    return true;
  // A shell variable (`-p $CI_JOB_TOKEN`): upper case, digits and underscores after the `$`.
  if (v.size() > 1 && v[0] == '$' &&
      std::all_of(v.begin() + 1, v.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || is_digit(c) || c == '_'; }))
    return true;
  std::string lower;
  for (char c : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Words that frameworks print instead of the value (Rails' [FILTERED], Kafka's [hidden]), and
  // whether there was one (MySQL's `Access denied ... (using password: YES)`).
  static constexpr std::array<std::string_view, 16> kWords = {
      "null", "none", "undefined", "true", "false", "redacted", "%s", "filtered", "hidden", "masked", "removed",
      "sensitive", "omitted", "protected", "yes", "no"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
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
  if (k.empty()) return nullptr;
  auto ends = [&](std::initializer_list<std::string_view> words) {
    for (auto w : words)
      if (k.ends_with(w)) return true;
    return false;
  };
  // By the last letter, so most keys (`message`, `timestamp`, `severity`) test one list or none.
  switch (k.back()) {
    case 'd':
      if (ends({"password", "passwd", "pwd"})) return "password";
      return ends({"sessionid", "privatekeyid"}) ? "generic_token" : nullptr;
    case 'e':
      if (ends({"passphrase"})) return "password";
      return ends({"cookie", "signature"}) ? "generic_token" : nullptr;
    case 'c':
    case 'v':
    case '2':
      return ends({"cvc", "cvv", "cvv2", "csc"}) ? "password" : nullptr;
    case 't':
      return ends({"secret"}) ? "generic_token" : nullptr;
    case 'n':
      if (ends({"ssn"})) return "ssn";
      return ends({"token", "authorization"}) ? "generic_token" : nullptr;
    case 'r':
      return ends({"securitynumber"}) ? "ssn" : nullptr;  // social_security_number
    case 's':
      return ends({"credentials"}) ? "generic_token" : nullptr;
    case 'l':
      return ends({"credential"}) ? "generic_token" : nullptr;
    case 'y':
      // "key" alone is the whole key (a 3-byte k is the whole normalized key).
      return k == "key" || ends({"apikey", "accesskey", "secretkey", "privatekey", "signingkey", "clientkey",
                                  "encryptionkey", "authkey", "licensekey", "accountkey", "masterkey"})
                 ? "generic_token"
                 : nullptr;
    case 'h':
      return k == "auth" ? "generic_token" : nullptr;
    default:
      return nullptr;
  }
}

}  // namespace redaction
}  // namespace v1
}  // namespace gardener
