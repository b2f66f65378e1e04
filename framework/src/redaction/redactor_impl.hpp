#pragma once
// The Redactor's internals, shared by the text scan (redactor.cpp) and the JSON walk
// (redact_json.cpp).
#include <gardener/pattern_set.hpp>
#include <gardener/redaction.hpp>

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "detectors.hpp"

namespace gardener {
inline namespace v1 {

namespace redaction {

/// Everything a Redactor holds; Redactor::Impl is this (the JSON walker needs it by name).
struct Engine {
  struct Active {
    std::string name;
    redaction::Validator validate = nullptr;
    redaction::Finder find = nullptr;  // replaces the RE2 search when set
    redaction::Partial partial = redaction::Partial::Prefix;
    std::string marker;  // "[REDACTED:name]", built once
    /// Its matches never cross a JSON string's quotes and its replacement needs no escaping, so
    /// it may be applied to a raw JSON line without parsing it.
    bool json_safe = false;
  };
  struct Span {
    size_t begin, end;
    uint32_t detector;
  };
  /// A stretch of a scanned text that another text repeats (a message inside its payload):
  /// `crossed` is set when a candidate match straddles either edge, so the stretch's findings
  /// cannot be read off the whole text's.
  struct Region {
    size_t begin, end;
    bool crossed = false;
  };
  /// A text to redact along with a line that holds it (see redact_line).
  struct Part {
    std::string* text;
    RedactionCounts* counts;
    bool done = false;  // its spans were read off the line's scan
  };
  /// One pattern of a detector: its RE2 program, and the detector it finds for.
  struct Alternative {
    uint32_t detector;
    std::unique_ptr<RE2> re;
    std::unique_ptr<RE2> secret;  // picks the secret out of a match of `re` (redaction::Pattern)
  };
  std::vector<Active> detectors;         // priority order
  std::vector<Alternative> alternatives;  // detector by detector: priority order
  std::optional<PatternSet> patterns;
  std::vector<std::vector<uint32_t>> scan_targets;  // Hyperscan pattern id -> the alternatives it stands for
  RedactionStyle style = RedactionStyle::Marker;
  std::string hmac_key;
  int password_key = -1;  // detector used for secret-like JSON keys, or -1 when off
  int token_key = -1;
  int ssn_key = -1;
  int private_key = -1;
  bool user_patterns = false;  // user detectors may hold ^, $ or empty matches: no shortcuts
  uint64_t serial = 0;         // unique per Redactor, for per-thread memos

  /// Finds the validated, non-overlapping findings in `text` (unordered); watches `region`'s
  /// edges when given.
  void find_spans(std::string_view text, std::vector<Span>& spans, Region* region = nullptr) const;
  /// Redactor::redact_line; `part`, when given, is redacted from the line's scan if possible.
  size_t redact_line(std::string& line, RedactionCounts* counts, Part* part) const;
  /// find_spans over a line, redacting `part` from the same scan when that is exact.
  void scan_line(std::string_view view, std::vector<Span>& spans, Part* part) const;
  /// Redactor::redact_text.
  size_t redact_text(std::string& text, RedactionCounts* counts) const;
  /// Redactor::redact_recurring: redact_text, skipping a text this thread recently found clean.
  size_t redact_recurring(std::string& text, RedactionCounts* counts) const;
  /// Scans `text` with its backslash escapes decoded (`\/`, `\u0041`, `\"`) and replaces the
  /// findings over the escapes they came from: a secret written escaped in plain text, or in JSON
  /// nested in a JSON string, is not hidden by its escapes.
  size_t redact_escaped(std::string& text, RedactionCounts* counts) const;
  /// Replaces `spans` of `text`; returns how many.
  size_t apply(std::string& text, std::vector<Span>& spans, RedactionCounts* counts) const;
  /// The text that replaces `value` found by detector `d`.
  std::string replacement(const Active& d, std::string_view value) const;
  /// Detector index for a secret-like JSON key, or -1.
  int key_detector(std::string_view key) const;
  void count(RedactionCounts* counts, const Active& d, size_t n) const {
    if (counts && n) (*counts)[d.name] += n;
  }
};

}  // namespace redaction

struct Redactor::Impl : redaction::Engine {};

}  // namespace v1
}  // namespace gardener
