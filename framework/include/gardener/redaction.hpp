#pragma once
// Secret and personal-data detectors, shared by the `redact` transform and by every sink as a
// last line of defence. Detectors run as one precompiled multi-pattern scan (Hyperscan).
#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gardener/options.hpp>

namespace gardener {
inline namespace v1 {

enum class RedactionStyle { Marker, Partial, Hmac };

struct UserDetector {
  std::string name;
  std::string pattern;  // RE2/Hyperscan syntax
};

struct RedactionConfig {
  /// Detector name -> enabled. Unlisted detectors take their default (all on but ip).
  std::map<std::string, bool> detectors;
  std::vector<UserDetector> user_detectors;
  RedactionStyle style = RedactionStyle::Marker;
  std::string hmac_key;  // required for Hmac style (from an environment variable)
};

/// Per-detector counts, merged into the Report's `redactions`.
using RedactionCounts = std::map<std::string, uint64_t>;

class Redactor {
 public:
  /// Throws ConfigurationError with a message naming the bad detector or pattern.
  explicit Redactor(const RedactionConfig& config = {});
  ~Redactor();
  Redactor(Redactor&&) noexcept;
  Redactor& operator=(Redactor&&) noexcept;

  /// Names and descriptions of the built-in detectors, with their default state.
  struct DetectorInfo {
    std::string name;
    std::string description;
    bool default_on;
  };
  static std::vector<DetectorInfo> builtin_detectors();

  /// Redacts plain text in place; returns how many values were replaced. Thread-safe.
  size_t redact_text(std::string& text, RedactionCounts* counts = nullptr) const;
  /// Redacts a JSON value at any depth: string values, and values under secret-like keys.
  size_t redact_json(Json& value, RedactionCounts* counts = nullptr) const;
  /// A line that is either a JSON object or plain text (decided per line).
  size_t redact_line(std::string& line, RedactionCounts* counts = nullptr) const;
  /// redact_line(payload) and redact_text(message) in one, for a message taken from its payload:
  /// when the payload holds the message verbatim, the message's findings are read off the
  /// payload's scan instead of scanning the same text twice. Same result as the two calls.
  size_t redact_payload(std::string& payload, std::string& message, RedactionCounts* payload_counts,
                        RedactionCounts* message_counts) const;
  /// redact_text for texts that recur record after record (labels): remembers, per thread, a
  /// few texts found clean and skips their scan. Same result as redact_text.
  size_t redact_recurring(std::string& text, RedactionCounts* counts = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The redactor with every built-in default, shared process-wide (sinks' last line of defence).
const Redactor& default_redactor();

/// The redaction options shared by the `redact` transform and `log-gardener redact --config`:
/// one boolean per built-in detector (named after it), `style`, `hmac_key_env`, `user_detectors`.
OptionsTable redaction_options();
/// Reads options bound through redaction_options() (HMAC key from the environment variable they
/// name). Problems go to `diag`; the returned config is then incomplete.
RedactionConfig redaction_config(const Config& config, Diagnostics& diag);

/// Filters `in` to `out` line by line (`log-gardener redact`): JSON object lines are redacted as
/// JSON (keys and values at any depth), other lines as text, decided per line. A multi-line PEM
/// private key block is removed from its BEGIN line to its END line.
void redact_stream(std::istream& in, std::ostream& out, const Redactor& redactor, RedactionCounts* counts = nullptr);

}  // namespace v1
}  // namespace gardener
