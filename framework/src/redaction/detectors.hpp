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

struct Detector {
  const char* name;
  const char* description;
  bool default_on;
  const char* pattern;  // RE2 syntax; capture group 1, when present, is the secret part
  Validator validate;   // null: every match counts
  Partial partial;
};

const std::vector<Detector>& builtin_detectors();

/// A redacted value or an obvious placeholder ("[REDACTED:x]", "<email:3f9a1c>", "***", "null").
bool is_placeholder(std::string_view value);

/// The detector that owns a secret-like JSON key ("password", "apiKey", "client_secret"), or null.
const char* secret_key_detector(std::string_view key);

// Validators, exposed for the unit tests.
bool luhn_ok(std::string_view digits);
bool iban_ok(std::string_view compact);

}  // namespace redaction
}  // namespace v1
}  // namespace gardener
