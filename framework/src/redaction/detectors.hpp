#pragma once
// The built-in redaction detectors: one table, in priority order (earlier detectors win overlaps).
#include <cstddef>
#include <string_view>
#include <vector>

namespace gardener {
inline namespace v1 {
namespace redaction {

/// What the `partial` style keeps of a value.
enum class Partial { Prefix, Email, LastFour, Marker };

/// Returns how many leading bytes of the candidate are a real finding (0 = not one).
using Validator = size_t (*)(std::string_view value);

/// A hand-written search giving RE2's leftmost match of the detector's pattern at or after
/// `from` (the text before it is context for \b), for patterns whose RE2 search dominates.
using Finder = bool (*)(std::string_view text, size_t from, size_t& begin, size_t& end);

/// One pattern of a detector, RE2 syntax: the first capture group that takes part, when there is
/// one, is the secret part. Capture groups make RE2 run its slow engine over the match with the
/// whole program; a large pattern (a long list of key names) instead names `secret`, a small
/// pattern whose group 1 is the secret, matched against the whole match, and has no group itself.
struct Pattern {
  Pattern(const char* regex_, const char* secret_ = nullptr) : regex(regex_), secret(secret_) {}  // NOLINT
  const char* regex;
  const char* secret;
};

struct Detector {
  const char* name;
  const char* description;
  bool default_on;
  /// Each pattern is its own Hyperscan pattern and RE2 program, so a line pays the RE2 search only
  /// of the patterns Hyperscan found in it, and an earlier pattern wins where two overlap.
  std::vector<Pattern> patterns;
  Validator validate;  // null: every match counts
  Partial partial;
  Finder find = nullptr;  // null: RE2 finds the matches (Hyperscan uses the pattern, or the hint)
  /// What Hyperscan looks for instead of the patterns: a cheaper pattern (the literals every match
  /// holds) whose hit runs all of them. Only where that saves more than the extra RE2 searches cost.
  const char* hint = nullptr;
};

const std::vector<Detector>& builtin_detectors();

/// A redacted value or an obvious placeholder ("[REDACTED:x]", "<email:3f9a1c>", "***", "null").
bool is_placeholder(std::string_view value);

/// The detector that owns a secret-like JSON key ("password", "apiKey", "client_secret", "ssn"), or null.
const char* secret_key_detector(std::string_view key);

// Validators, exposed for the unit tests.
bool luhn_ok(std::string_view digits);
bool iban_ok(std::string_view compact);
bool ipv4_find(std::string_view text, size_t from, size_t& begin, size_t& end);

}  // namespace redaction
}  // namespace v1
}  // namespace gardener
