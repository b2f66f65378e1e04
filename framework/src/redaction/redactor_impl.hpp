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
    std::unique_ptr<RE2> re;
    redaction::Validator validate = nullptr;
    redaction::Partial partial = redaction::Partial::Prefix;
    std::string marker;  // "[REDACTED:name]", built once
  };
  std::vector<Active> detectors;  // priority order; index = pattern id in `patterns`
  std::optional<PatternSet> patterns;
  RedactionStyle style = RedactionStyle::Marker;
  std::string hmac_key;
  int password_key = -1;  // detector used for secret-like JSON keys, or -1 when off
  int token_key = -1;
  int private_key = -1;

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
