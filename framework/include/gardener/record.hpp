#pragma once
// The record: one log event as it flows from a source through transforms to clusterers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gardener {
inline namespace v1 {

/// Cloud Logging's severity scale (google.logging.type.LogSeverity).
enum class Severity : int {
  Default = 0,
  Debug = 100,
  Info = 200,
  Notice = 300,
  Warning = 400,
  Error = 500,
  Critical = 600,
  Alert = 700,
  Emergency = 800,
};

std::string_view severity_name(Severity s);
/// Parses names (any case, with the usual aliases WARN, FATAL, ERR, CRIT, EMERG, TRACE) and
/// numeric ranks; nullopt when it is neither.
std::optional<Severity> parse_severity(std::string_view text);

using Labels = std::vector<std::pair<std::string, std::string>>;

/// Value of a label by key, or empty.
std::string_view label_value(const Labels& labels, std::string_view key);

/// A typed variable the template transform found in a message.
struct Variable {
  std::string type;   // NUM, IP, UUID, ... or a user mask name
  std::string value;  // the original text it replaced
};

/// One token of a message as the template transform cut it (a constant or a typed placeholder),
/// as offsets into Record::message, so the drain clusterer need not mask the message again.
struct MessageToken {
  uint32_t begin = 0;  // offset of the token's text in the message
  uint32_t size = 0;   // its length (a placeholder: the value it stands for)
  uint32_t ws = 0;     // bytes of whitespace right after it
  uint16_t type = 0;   // gardener::TokenType (masking.hpp): 0 = a constant word
  uint16_t zero = 0;   // fills the padding (SDK 3.6), so a list's bytes are defined and may be hashed
};

struct Record {
  int64_t timestamp_ns = 0;  // UTC, nanoseconds since the epoch
  Severity severity = Severity::Default;
  std::string message;

  // Source location
  std::string module;
  std::string function;
  std::string file;
  int64_t line = 0;
  std::string logger;

  std::string service;
  std::string resource_type;
  Labels resource_labels;
  Labels labels;
  std::string trace;
  std::string span_id;
  std::string insert_id;
  std::string log_name;

  /// The raw payload (the JSON entry or the text line) kept for samples. Redacted in place.
  std::string raw;
  /// Where the record came from, for error messages: "path/to/file.log:123" or "gcp:projects/p".
  std::string origin;

  // Filled by the template transform.
  std::string masked;               // message with typed placeholders, e.g. "took <DURATION>"
  std::vector<Variable> variables;  // values the placeholders replaced, in order
  /// The message's tokens. Valid only while `message` hashes to `tokens_of` (XXH3-64): a
  /// transform that rewrites the message after masking makes them stale, and readers then
  /// tokenize again (gardener/masking.hpp load_tokens).
  std::vector<MessageToken> tokens;
  uint64_t tokens_of = 0;

  // Filled by clusterers.
  std::string cluster_id;          // empty while no clusterer claimed the record
  std::vector<std::string> tags;   // labels added by non-exclusive rules
  bool dropped = false;            // claimed by a drop rule: counted, never clustered or filed

  /// Makes this a fresh record again while keeping the memory of every string and vector, so a
  /// source can refill records a run is done with without allocating per field (the file and
  /// stdin readers do). A new field must be reset here too (tests/unit/test_record.cpp checks).
  void clear();
};

/// Asks the CPU for a record's own memory ahead of use. A stage reads records that another
/// stage's thread has just written on another core; prefetching a few records ahead hides most
/// of that transfer (the drain stage of gardener-drain-bench --pipeline: 8-10% less CPU).
inline void prefetch_record(const Record& r) {
  const char* p = reinterpret_cast<const char*>(&r);
  for (size_t off = 0; off < sizeof(Record); off += 64) __builtin_prefetch(p + off);
}
/// The same for the text a record points to; call it once the record itself is in cache.
inline void prefetch_record_text(const Record& r) {
  __builtin_prefetch(r.message.data());
  __builtin_prefetch(r.tokens.data());
  __builtin_prefetch(r.raw.data());
}

/// Records move in batches: one virtual call per batch, not per line.
struct Batch {
  std::vector<Record> records;
};

}  // namespace v1
}  // namespace gardener
