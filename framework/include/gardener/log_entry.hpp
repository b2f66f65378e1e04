#pragma once
// Decoding Cloud Logging LogEntry JSON (API pages, `gcloud logging read --format=json`, Cloud Run
// JSON lines) into records, with the field extraction rules of protocols.md §2. One parser for all.
#include <string>
#include <string_view>

#include <gardener/options.hpp>
#include <gardener/record.hpp>

namespace gardener {
inline namespace v1 {

/// Decodes one LogEntry (or a Cloud Run structured-log object) into `out`. Keeps `json_text` as
/// the record's raw payload. Returns an error message, or "" on success. Uses simdjson.
std::string decode_log_entry(std::string_view json_text, Record& out);
/// Same, from an already parsed value (used for gcloud JSON arrays and API pages).
std::string decode_log_entry(const Json& entry, Record& out);
/// Text overloads: without them a std::string or a literal is ambiguous between the two above.
inline std::string decode_log_entry(const std::string& json_text, Record& out) {
  return decode_log_entry(std::string_view(json_text), out);
}
inline std::string decode_log_entry(const char* json_text, Record& out) {
  return decode_log_entry(std::string_view(json_text), out);
}

}  // namespace v1
}  // namespace gardener
