// Redactor: one Hyperscan scan says which detectors fire; RE2 then finds the exact spans (with
// the secret's capture group) only for those, so clean lines cost one scan.
#include <gardener/errors.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <set>

#include "redactor_impl.hpp"

namespace gardener {
inline namespace v1 {

namespace {

using Span = redaction::Engine::Span;

// Detectors whose spans are safe to replace inside a raw JSON line (see Active::json_safe): not
// the key-context ones (the JSON walk decides by key), not PEM (may run to the end of the line),
// not cards and SSNs (may be a bare JSON number), not user patterns (unknown shape).
bool json_safe_detector(const std::string& name, bool user) {
  return !user && name != "password" && name != "generic_token" && name != "private_key" && name != "credit_card" &&
         name != "ssn";
}

RE2::Options detector_options() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

std::string hmac_hex(const std::string& key, std::string_view value, size_t hex_chars) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(value.data()),
       value.size(), out, &len);
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned int i = 0; i < len && s.size() < hex_chars; ++i) {
    s += hex[out[i] >> 4];
    s += hex[out[i] & 15];
  }
  return s.substr(0, hex_chars);
}

/// Partial style: a short prefix, never more than a third of the value, and never an escape.
std::string keep_prefix(std::string_view value) {
  size_t keep = std::min<size_t>(8, value.size() / 3);
  size_t esc = value.substr(0, keep).find('\\');
  if (esc != std::string_view::npos) keep = esc;
  return std::string(value.substr(0, keep)) + "...";
}

std::string last_four(std::string_view value) {
  std::string tail;
  for (auto it = value.rbegin(); it != value.rend() && tail.size() < 4; ++it)
    if (std::isalnum(static_cast<unsigned char>(*it))) tail.insert(tail.begin(), *it);
  return "****" + tail;
}

bool overlaps(const std::vector<Span>& spans, size_t b, size_t e) {
  for (const auto& s : spans)
    if (b < s.end && s.begin < e) return true;
  return false;
}

/// A candidate match [b, e) that runs over an edge of `r`, even one later rejected: it moves
/// where the next search starts, so the text outside the region changes what is found inside.
bool straddles(const redaction::Engine::Region& r, size_t b, size_t e) {
  return (b < r.begin && e > r.begin) || (b < r.end && e > r.end);
}

/// One match of a detector: the whole of it and its secret part (its first group that took part, or the whole).
struct Match {
  size_t begin = 0, end = 0;
  std::string_view secret;
};

constexpr int kMaxGroups = 10;

/// The secret part of a match: its first group that took part (each alternative of a pattern has
/// its own), else the whole match.
std::string_view secret_of(const re2::StringPiece* groups, int n) {
  for (int g = 1; g < n; ++g)
    if (groups[g].data()) return {groups[g].data(), groups[g].size()};
  return {groups[0].data(), groups[0].size()};
}

/// The leftmost match at or after `pos`: the detector's hand finder when it has one (same
/// answer, no RE2 search), else the RE2 program of one of its patterns, with the text before
/// `pos` as context.
bool next_match(const redaction::Engine::Active& d, const redaction::Engine::Alternative& alt, std::string_view text,
                size_t pos, Match& m) {
  if (d.find) {
    if (!d.find(text, pos, m.begin, m.end)) return false;
    m.secret = text.substr(m.begin, m.end - m.begin);
    return true;
  }
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[kMaxGroups];
  // With a small secret pattern, the match alone (RE2's DFA), then that pattern's group in it.
  const int ngroups = alt.secret ? 1 : std::min(kMaxGroups, alt.re->NumberOfCapturingGroups() + 1);
  if (!alt.re->Match(input, pos, text.size(), RE2::UNANCHORED, groups, ngroups)) return false;
  m.begin = static_cast<size_t>(groups[0].data() - text.data());
  m.end = m.begin + groups[0].size();
  m.secret = secret_of(groups, ngroups);
  if (alt.secret) {
    re2::StringPiece inner[kMaxGroups];
    const int n = std::min(kMaxGroups, alt.secret->NumberOfCapturingGroups() + 1);
    // It fits every match by construction; were it not to, the whole match is the secret.
    if (alt.secret->Match(groups[0], 0, groups[0].size(), RE2::ANCHOR_BOTH, inner, n)) m.secret = secret_of(inner, n);
  }
  return true;
}

}  // namespace

std::string redaction::Engine::replacement(const Active& d, std::string_view value) const {
  switch (style) {
    case RedactionStyle::Marker:
      return d.marker;
    case RedactionStyle::Hmac:
      return "<" + d.name + ":" + hmac_hex(hmac_key, value, 6) + ">";
    case RedactionStyle::Partial:
      break;
  }
  switch (d.partial) {
    case redaction::Partial::Email: {
      size_t at = value.find('@');
      return at == std::string_view::npos ? d.marker : "***" + std::string(value.substr(at));
    }
    case redaction::Partial::LastFour:
      return last_four(value);
    case redaction::Partial::Marker:
      return d.marker;
    case redaction::Partial::Prefix:
      break;
  }
  return keep_prefix(value);
}

int redaction::Engine::key_detector(std::string_view key) const {
  const char* name = redaction::secret_key_detector(key);
  if (!name) return -1;
  const std::string_view n = name;
  return n == "password" ? password_key : n == "ssn" ? ssn_key : token_key;
}

Redactor::Redactor(const RedactionConfig& config) : impl_(std::make_unique<Impl>()) {
  auto& impl = *impl_;
  impl.style = config.style;
  impl.hmac_key = config.hmac_key;
  if (config.style == RedactionStyle::Hmac && config.hmac_key.empty())
    throw ConfigurationError("the hmac redaction style needs a key: set the environment variable named by hmac_key_env");

  std::set<std::string> known;
  std::vector<std::string> patterns;
  auto compile = [](const std::string& name, const std::string& pattern) {
    auto re = std::make_unique<RE2>(pattern, detector_options());
    if (!re->ok()) throw ConfigurationError("redaction detector `" + name + "`: invalid pattern: " + re->error());
    return re;
  };
  auto add = [&](std::string name, const std::vector<redaction::Pattern>& alternatives, redaction::Validator v,
                 redaction::Partial p, redaction::Finder find, bool user, const char* hint) {
    const auto detector = static_cast<uint32_t>(impl.detectors.size());
    std::vector<uint32_t> all;
    for (const auto& pattern : alternatives) {
      auto re = compile(name, pattern.regex);
      if (RE2::FullMatch("", *re))
        throw ConfigurationError("redaction detector `" + name + "`: the pattern matches the empty string; make it "
                                 "require at least one character (e.g. + instead of *)");
      all.push_back(static_cast<uint32_t>(impl.alternatives.size()));
      impl.alternatives.push_back({detector, std::move(re), pattern.secret ? compile(name, pattern.secret) : nullptr});
      if (!hint) {
        patterns.push_back(pattern.regex);
        impl.scan_targets.push_back({all.back()});
      }
    }
    if (hint) {
      patterns.push_back(hint);
      impl.scan_targets.push_back(std::move(all));
    }
    std::string marker = "[REDACTED:" + name + "]";
    bool safe = json_safe_detector(name, user);
    impl.detectors.push_back({std::move(name), v, find, p, std::move(marker), safe});
  };
  for (const auto& d : redaction::builtin_detectors()) {
    known.insert(d.name);
    auto it = config.detectors.find(d.name);
    if (!(it == config.detectors.end() ? d.default_on : it->second)) continue;
    add(d.name, d.patterns, d.validate, d.partial, d.find, false, d.hint);
  }
  for (const auto& [name, on] : config.detectors)
    if (!known.count(name)) throw ConfigurationError("unknown redaction detector `" + name + "`");
  for (const auto& u : config.user_detectors) {
    if (u.name.empty() || known.count(u.name))
      throw ConfigurationError("user redaction detector `" + u.name + "`: needs a name of its own");
    if (u.pattern.empty()) throw ConfigurationError("user redaction detector `" + u.name + "`: empty pattern");
    known.insert(u.name);
    add(u.name, {redaction::Pattern(u.pattern.c_str())}, nullptr, redaction::Partial::Prefix, nullptr, true, nullptr);
    impl.user_patterns = true;
  }
  static std::atomic<uint64_t> serials{0};
  impl.serial = ++serials;
  for (size_t i = 0; i < impl.detectors.size(); ++i) {
    const auto& n = impl.detectors[i].name;
    if (n == "password") impl.password_key = static_cast<int>(i);
    if (n == "generic_token") impl.token_key = static_cast<int>(i);
    if (n == "ssn") impl.ssn_key = static_cast<int>(i);
    if (n == "private_key") impl.private_key = static_cast<int>(i);
  }
  impl.patterns.emplace(patterns);
}

Redactor::~Redactor() = default;
Redactor::Redactor(Redactor&&) noexcept = default;
Redactor& Redactor::operator=(Redactor&&) noexcept = default;

std::vector<Redactor::DetectorInfo> Redactor::builtin_detectors() {
  std::vector<DetectorInfo> out;
  for (const auto& d : redaction::builtin_detectors()) out.push_back({d.name, d.description, d.default_on});
  return out;
}

void redaction::Engine::find_spans(std::string_view text, std::vector<Span>& spans, Region* region) const {
  spans.clear();
  if (text.empty() || detectors.empty()) return;
  thread_local std::vector<uint32_t> hits;
  {
    PatternSet::Scanner scanner(*patterns);
    scanner.scan(text, hits);
  }
  if (hits.empty()) return;
  thread_local std::vector<uint32_t> found;
  found.clear();
  for (uint32_t id : hits) found.insert(found.end(), scan_targets[id].begin(), scan_targets[id].end());
  std::sort(found.begin(), found.end());  // detector (and pattern) order is priority order
  for (uint32_t id : found) {
    const auto& alt = alternatives[id];
    const auto& d = detectors[alt.detector];
    size_t pos = 0;
    Match m;
    while (pos <= text.size() && next_match(d, alt, text, pos, m)) {
      if (region && straddles(*region, m.begin, m.end)) region->crossed = true;
      pos = m.begin == m.end ? m.end + 1 : m.end;
      if (m.secret.empty()) continue;
      size_t len = d.validate ? d.validate(m.secret) : m.secret.size();
      size_t begin = static_cast<size_t>(m.secret.data() - text.data());
      if (len == 0 || overlaps(spans, begin, begin + len)) continue;
      spans.push_back({begin, begin + len, alt.detector});
    }
  }
}

size_t redaction::Engine::apply(std::string& text, std::vector<Span>& spans, RedactionCounts* counts) const {
  if (spans.empty()) return 0;
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  for (const auto& s : spans) {
    const auto& d = detectors[s.detector];
    out.append(text, at, s.begin - at);
    out += replacement(d, std::string_view(text).substr(s.begin, s.end - s.begin));
    count(counts, d, 1);
    at = s.end;
  }
  out.append(text, at, std::string::npos);
  text = std::move(out);
  return spans.size();
}

size_t redaction::Engine::redact_text(std::string& text, RedactionCounts* counts) const {
  thread_local std::vector<Span> spans;
  find_spans(text, spans);
  size_t n = apply(text, spans, counts);
  // Then what escapes hid; values seen as written keep the replacement of their written form.
  return n + redact_escaped(text, counts);
}

size_t Redactor::redact_text(std::string& text, RedactionCounts* counts) const {
  return impl_->redact_text(text, counts);
}

size_t Redactor::redact_recurring(std::string& text, RedactionCounts* counts) const {
  return impl_->redact_recurring(text, counts);
}

size_t redaction::Engine::redact_recurring(std::string& text, RedactionCounts* counts) const {
  // Direct-mapped: each slot remembers one clean text of one Redactor (by serial, so a new
  // Redactor at a freed one's address never inherits its memo).
  struct Slot {
    uint64_t serial = 0;
    std::string text;
  };
  thread_local std::array<Slot, 64> memo;
  constexpr size_t kLongest = 1024;  // bounds the memo's memory
  auto& slot = memo[std::hash<std::string_view>{}(text) % memo.size()];
  if (slot.serial == serial && slot.text == text) return 0;
  size_t n = redact_text(text, counts);
  if (n == 0 && text.size() <= kLongest) {
    slot.serial = serial;
    slot.text = text;
  }
  return n;
}

const Redactor& default_redactor() {
  static const Redactor redactor{RedactionConfig{}};
  return redactor;
}

}  // namespace v1
}  // namespace gardener
