#pragma once
// UTC time helpers: RFC 3339 in and out, durations like "6h" / "90d" / "250ms".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gardener {
inline namespace v1 {

/// Nanoseconds since the Unix epoch, UTC.
using TimeNs = int64_t;
inline constexpr TimeNs kNsPerSecond = 1'000'000'000;

TimeNs now_ns();
/// RFC 3339 with any offset (Z, +01:00) and 0-9 fractional digits; also "YYYY-MM-DD HH:MM:SS".
std::optional<TimeNs> parse_rfc3339(std::string_view text);
/// Always UTC with a Z. `frac_digits` 0, 3, 6 or 9.
std::string format_rfc3339(TimeNs t, int frac_digits = 0);
/// strftime-like formatting in UTC (used for file name patterns).
std::string format_utc(TimeNs t, std::string_view strftime_pattern);
/// "90s", "15m", "6h", "7d", "2w", "250ms", "1h30m"; nullopt if malformed.
std::optional<TimeNs> parse_duration(std::string_view text);
std::string format_duration(TimeNs d);

/// A half-open window [start, end).
struct Window {
  TimeNs start = 0;
  TimeNs end = 0;
  bool contains(TimeNs t) const { return t >= start && t < end; }
};

}  // namespace v1
}  // namespace gardener
