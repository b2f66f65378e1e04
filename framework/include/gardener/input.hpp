#pragma once
// The event reader behind the `file` and `stdin` sources: JSON lines (LogEntry or Cloud Run app
// lines), a gcloud JSON array (streamed), or text with a logparser log_format; multi-line events;
// bad input counted and reported with path:line, never silently dropped.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <gardener/context.hpp>
#include <gardener/options.hpp>
#include <gardener/plugin.hpp>
#include <gardener/record.hpp>

namespace gardener {
inline namespace v1 {

enum class InputFormat { Auto, Jsonl, GcloudJson, Text };

/// Default `max_line_bytes`: 64 MiB, so a 10 MB line (the largest we have seen) is read whole.
inline constexpr int64_t kDefaultMaxLineBytes = 64LL << 20;

struct InputOptions {
  InputFormat format = InputFormat::Auto;
  std::string log_format;                    // text only; empty = the whole line is the message
  std::vector<std::string> multiline;        // RE2 continuation patterns; empty = off
  bool fail_on_error = false;                // on_error = "fail"
  Severity min_severity = Severity::Default;
  int64_t max_line_bytes = kDefaultMaxLineBytes;
  size_t batch_size = 1024;  // records a batch: a few in flight stay in the CPU caches (docs/benchmarks.md)
};

/// What a reader saw; summed over every stream it read.
struct InputCounts {
  uint64_t streams = 0;
  uint64_t lines = 0;            // physical lines (or array elements)
  uint64_t bytes = 0;            // uncompressed
  uint64_t records = 0;          // emitted
  uint64_t bad = 0;              // reported through Context::bad_line
  uint64_t blank = 0;
  uint64_t joined = 0;           // continuation lines folded into an event
  uint64_t utf8_repaired = 0;    // lines whose invalid UTF-8 was replaced by U+FFFD
  uint64_t outside_window = 0;
  uint64_t below_severity = 0;
};

/// The default continuation rule: leading whitespace, `at `, `Caused by:`, `Traceback`, `...`,
/// and an exception line such as `ValueError: x` or `java.lang.IllegalStateException: y`.
const std::vector<std::string>& default_multiline_patterns();

/// The reading options both sources share (format, log_format, multiline, on_error, ...).
OptionsTable input_option_specs();
/// Reads those options from a bound config; reports problems (bad log_format, bad pattern) to diag.
InputOptions input_options_from(const Config& config, Diagnostics& diag);

class EventReader {
 public:
  /// Throws ConfigurationError on a bad log_format or multiline pattern.
  explicit EventReader(InputOptions options);
  ~EventReader();
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  /// Reads a file (plain or gzip). `display` names it in origins ("path:line"). Returns false when
  /// the run is stopping. Throws only for on_error = "fail" or an unreadable file.
  bool read_file(const std::string& path, const std::string& display, Context& ctx, Emitter& out);
  /// Reads an open file descriptor to its end (stdin: fd 0); plain or gzip.
  bool read_fd(int fd, const std::string& display, Context& ctx, Emitter& out);

  const InputCounts& counts() const;
  /// Adds the counts to the run's metrics under the component.
  void publish_metrics(Context& ctx) const;

 private:
  // Reads what the counts do not hold (lines stamped for want of a readable time).
  friend SourceInfo reader_source_info(const Component& source, std::string description, const EventReader* reader);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// What a source note should say beyond the line count: "3 bad lines, 12 outside the window"; empty
/// when there is nothing to say.
std::string describe_counts(const InputCounts& counts);
/// The Report's source entry for a reading source: its identity, description, bad lines and note.
SourceInfo reader_source_info(const Component& source, std::string description, const EventReader* reader);

}  // namespace v1
}  // namespace gardener
