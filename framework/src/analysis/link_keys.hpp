#pragma once
// Extraction of high-cardinality linking values (trace, request, connection ids) from a record:
// its trace field, its entry labels, and id-like values after known key names in the message or
// raw entry ("connection main_c1ac73f8", "request_id=…", "\"connection_id\": \"…\""). A hand
// scanner: it runs on every clustered line, so no regex engine and no allocation per miss.
#include <cstdint>
#include <functional>
#include <string_view>

#include <gardener/record.hpp>

namespace gardener {
inline namespace v1 {

/// Calls `found(key, value)` for every linking value of the record. Keys are canonical:
/// "trace", "request", "connection", "correlation", "session".
/// `message_hash`, when not 0, is the XXH3-64 hash of record.message, which the caller already has.
void extract_link_keys(const Record& record, const std::function<void(std::string_view, std::string_view)>& found,
                       uint64_t message_hash = 0);

/// Asks the memory for what extract_link_keys() will look up for this record (its message's slot
/// among the texts this thread saw without a key), a few records ahead of it.
void prefetch_link_keys(const Record& record);

/// Scans free text only (exposed for tests).
void scan_link_keys(std::string_view text, const std::function<void(std::string_view, std::string_view)>& found);

/// True for values that look like identifiers: long enough, with a digit, not a redaction stub.
bool looks_like_id(std::string_view value);

}  // namespace v1
}  // namespace gardener
