#pragma once
// The times text logs write, beyond RFC 3339: syslog's `Sep 13 17:00:03` (no year), ctime's
// `Sat Sep 13 17:00:01.123456 2025` (Apache's error log), the common log format's
// `13/Sep/2025:17:00:01.120 +0000` (HAProxy, Apache's access log) and `2025/09/13 17:00:01`
// (nginx, Go's log package).
#include <optional>
#include <string_view>

#include <gardener/time.hpp>

namespace gardener::input {

/// The time `text` names, or nothing. A time without a year takes the year that puts it at
/// most a day after `reference` (the run's window end): a log read in January holds December's
/// lines of the year before. Without a zone, UTC.
std::optional<TimeNs> parse_log_time(std::string_view text, TimeNs reference);

/// Whether `word` is an English month's name or three-letter abbreviation, in any case (`Sep`).
bool is_month_name(std::string_view word);

}  // namespace gardener::input
