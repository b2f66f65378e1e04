#pragma once
// Fake secrets of every detector type, built at run time so no secret scanner flags the sources.
// Each is shaped like the real thing (prefixes, lengths, checksums) but belongs to nobody.
#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace gardener::testing {

/// Deterministic pseudo-random characters from `alphabet`.
inline std::string fake_chars(const std::string& alphabet, size_t n, uint32_t seed) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    seed = seed * 1103515245u + 12345u;
    s += alphabet[(seed >> 16) % alphabet.size()];
  }
  return s;
}

inline const std::string kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
inline const std::string kUpperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

inline std::string base64url(const std::string& in) {
  static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : in) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) out += t[(acc >> (bits -= 6)) & 63];
  }
  if (bits) out += t[(acc << (6 - bits)) & 63];
  return out;
}

inline std::string base64(const std::string& in) {
  std::string s = base64url(in);
  for (auto& c : s) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (s.size() % 4) s += '=';
  return s;
}

/// A card number with a valid Luhn digit (issuer 4 = Visa-shaped).
inline std::string fake_card(uint32_t seed) {
  std::string d = std::string("4") + fake_chars("0123456789", 14, seed);
  int sum = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    int v = d[d.size() - 1 - i] - '0';
    if (i % 2 == 0 && (v *= 2) > 9) v -= 9;
    sum += v;
  }
  return d + static_cast<char>('0' + (10 - sum % 10) % 10);
}

/// An IBAN-shaped value with correct mod-97 check digits.
inline std::string fake_iban(const std::string& country, const std::string& bban) {
  std::string moved = bban + country + "00";
  int rem = 0;
  for (char c : moved)
    rem = c >= 'A' ? (rem * 100 + (c - 'A' + 10)) % 97 : (rem * 10 + (c - '0')) % 97;
  int check = 98 - rem;
  return country + (check < 10 ? "0" : "") + std::to_string(check) + bban;
}

/// Placeholder name (as written in corpus files: {{name}}) -> fake value.
inline std::map<std::string, std::string> fake_secrets() {
  const std::string jwt = base64url(R"({"alg":"HS256","typ":"JWT"})") + "." +
                          base64url(R"({"sub":"fake-user-1","iat":1700000000})") + "." +
                          fake_chars(kAlnum, 43, 7);
  const std::string pem_begin = std::string("-----BEGIN ") + "RSA PRIVATE KEY-----";
  const std::string pem_end = std::string("-----END ") + "RSA PRIVATE KEY-----";
  const std::string pem_body = "MIIEow" + fake_chars(kAlnum, 58, 11);
  return {
      {"jwt", jwt},
      // An encrypted or garbled payload: still a token when the header says so.
      {"jwt_opaque", base64url(R"({"alg":"HS256","typ":"JWT"})") + "." + fake_chars(kAlnum, 60, 3) + "." +
                         fake_chars(kAlnum, 40, 5)},
      {"bearer", "Zq8" + fake_chars(kAlnum, 29, 13)},
      {"basic", base64("fakeuser:" + fake_chars(kAlnum, 12, 17))},
      {"pem_escaped", pem_begin + "\\n" + pem_body + "\\n" + pem_end},
      {"github", std::string("gh") + "p_" + fake_chars(kAlnum, 36, 19)},
      {"github_pat", std::string("github") + "_pat_" + fake_chars(kAlnum, 22, 23) + "_" + fake_chars(kAlnum, 59, 29)},
      {"gitlab", std::string("gl") + "pat-" + fake_chars(kAlnum, 20, 31)},
      {"slack_token", std::string("xo") + "xb-" + fake_chars("0123456789", 12, 37) + "-" +
                          fake_chars("0123456789", 13, 41) + "-" + fake_chars(kAlnum, 24, 43)},
      {"slack_webhook_path", "T" + fake_chars(kUpperDigits, 8, 47) + "/B" + fake_chars(kUpperDigits, 10, 53) + "/" +
                                 fake_chars(kAlnum, 24, 59)},
      {"stripe", std::string("sk") + "_live_" + fake_chars(kAlnum, 24, 61)},
      {"google", std::string("AI") + "za" + fake_chars(kAlnum, 35, 67)},
      {"aws_access", std::string("AK") + "IA" + fake_chars(kUpperDigits, 16, 71)},
      {"aws_secret", fake_chars(kAlnum + "/+", 40, 73)},
      {"url_password", "pw" + fake_chars(kAlnum, 14, 79)},
      {"query_token", fake_chars(kAlnum, 32, 83)},
      {"password", "Hunter2-" + fake_chars(kAlnum, 10, 89)},
      {"secret", "s3cr" + fake_chars(kAlnum, 16, 97)},
      {"api_key", "k9" + fake_chars(kAlnum, 30, 101)},
      {"vendor_token", "vt7" + fake_chars(kAlnum, 25, 103)},
      {"json_key_secret", "jk4" + fake_chars(kAlnum, 21, 107)},
      {"email", "jane.doe." + fake_chars("abcdefghij", 4, 109) + "@example-corp.com"},
      {"card", fake_card(113)},
      {"iban", fake_iban("DE", "37040044" + fake_chars("0123456789", 10, 127))},
  };
}

/// The lines of a corpus file (comments skipped) with {{name}} replaced by fake_secrets().
inline std::vector<std::string> read_corpus(const std::string& path) {
  auto fakes = fake_secrets();
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    for (const auto& [name, value] : fakes)
      for (size_t at; (at = line.find("{{" + name + "}}")) != std::string::npos;)
        line.replace(at, name.size() + 4, value);
    lines.push_back(line);
  }
  return lines;
}

/// The part of a fake that must never be printed (for a PEM block, its body).
inline std::string secret_core(const std::string& name, const std::string& value) {
  return name == "pem_escaped" ? value.substr(value.find("MIIEow"), 30) : value;
}

}  // namespace gardener::testing
