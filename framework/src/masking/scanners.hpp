#pragma once
// Hand scanners for the structured values the masker recognises. Each returns the length of the
// value starting at `s` (0 when there is none); they never look behind, so they compose.
#include <cstddef>
#include <string_view>

#include <gardener/masking.hpp>

namespace gardener::masking {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
inline bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
/// Characters that stay inside a token: letters, digits, `_ - . /` and any non-ASCII byte.
inline bool is_word(char c) {
  return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == '/' || static_cast<unsigned char>(c) >= 0x80;
}

/// Where a chunk-level value (URL, path) ends: whitespace, quotes, brackets, comma.
size_t chunk_end(std::string_view s, size_t from);

size_t scan_url(std::string_view s);
size_t scan_path(std::string_view s);
size_t scan_ipv4(std::string_view s);   // with optional :port
size_t scan_ipv6(std::string_view s);   // with optional [..]:port
size_t scan_uuid(std::string_view s);
size_t scan_email(std::string_view s);
/// Numeric date/time forms; sets `is_date` when it is a date without a time of day.
size_t scan_timestamp(std::string_view s, bool& is_date);
/// "Sun Jul 17 15:09:13 2005", "Jul 17 2005", "Jul 17, 2005 10:00:01".
size_t scan_word_date(std::string_view s);
/// A number followed by a unit ("13.56ms", "30 sec", "5.2 KB", "75%"); sets the type.
size_t scan_number_unit(std::string_view s, TokenType& type);
/// Classifies a word token (after the structured scanners failed).
TokenType classify_word(std::string_view w);

}  // namespace gardener::masking
