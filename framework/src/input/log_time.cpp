#include "log_time.hpp"

#include <array>
#include <cctype>
#include <string>

namespace gardener::input {
namespace {

// 1-12 for an English month's three-letter abbreviation (any case), else 0.
int month_of(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  char m[3];
  for (size_t i = 0; i < 3; ++i) m[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (std::string_view(m, 3) == kMonths[i]) return static_cast<int>(i) + 1;
  return 0;
}

bool is_weekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (w.size() != 3) return false;
  char d[3];
  for (size_t i = 0; i < 3; ++i) d[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
  for (auto k : kDays)
    if (std::string_view(d, 3) == k) return true;
  return false;
}

// Splits on spaces (runs of them: syslog pads the day, `Sep  3`).
size_t words(std::string_view s, std::array<std::string_view, 6>& out) {
  size_t n = 0;
  for (size_t i = 0; i < s.size() && n < out.size();) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out[n++] = s.substr(i, j - i);
    i = j;
  }
  return n;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

// RFC 3339 from parts: `clock` is `HH:MM:SS[.frac]`, `zone` "" (UTC), `+0000` or `+00:00`.
std::optional<TimeNs> assemble(int year, int month, int day, std::string_view clock, std::string_view zone) {
  if (year < 1970 || year > 9999 || month < 1 || day < 1 || day > 31 || clock.size() < 8) return std::nullopt;
  std::string s = std::to_string(year) + "-" + two(month) + "-" + two(day) + "T" + std::string(clock);
  if (zone.empty()) {
    s += 'Z';
  } else if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && all_digits(zone.substr(1))) {
    s += std::string(zone.substr(0, 3)) + ":" + std::string(zone.substr(3));
  } else {
    s += std::string(zone);
  }
  return parse_rfc3339(s);
}

int year_of(TimeNs t) {
  const int64_t days = t / kNsPerSecond / 86400;
  // Civil year from days since the epoch (Howard Hinnant's algorithm, year part).
  const int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  return static_cast<int>(yoe + era * 400 + (mp >= 10 ? 1 : 0));
}

}  // namespace

bool is_month_name(std::string_view word) { return word.size() >= 3 && word.size() <= 9 && month_of(word) != 0; }

// A date without a year (syslog's `Sep 13`, klog's `0913`): the reference's year, unless that
// puts the line over a day past it (December's lines read in January).
std::optional<TimeNs> in_reference_year(int month, int day, std::string_view clock, TimeNs reference) {
  const int year = year_of(reference > 0 ? reference : now_ns());
  auto t = assemble(year, month, day, clock, "");
  // The year before when this year's date is over a day ahead, or does not exist (Feb 29).
  if (reference > 0 && (!t || *t > reference + 86400 * kNsPerSecond)) t = assemble(year - 1, month, day, clock, "");
  return t;
}

std::optional<TimeNs> parse_log_time(std::string_view text, TimeNs reference) {
  if (text.size() >= 10 && text[4] == '/' && text[7] == '/') {  // 2025/09/13 17:00:01
    std::string dashed(text);
    dashed[4] = dashed[7] = '-';
    return parse_rfc3339(dashed);
  }
  if (auto t = parse_rfc3339(text)) return t;
  // 13/Sep/2025:17:00:01.120 +0000
  if (text.size() >= 20 && text[2] == '/' && text[6] == '/' && text[11] == ':') {
    const int month = month_of(text.substr(3, 3));
    std::string_view rest = text.substr(12);
    const size_t sp = rest.find(' ');
    if (month && all_digits(text.substr(0, 2)) && all_digits(text.substr(7, 4)))
      return assemble(std::stoi(std::string(text.substr(7, 4))), month, std::stoi(std::string(text.substr(0, 2))),
                      rest.substr(0, sp), sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1));
    return std::nullopt;
  }
  std::array<std::string_view, 6> w;
  size_t n = words(text, w);
  size_t k = 0;
  if (n == 2 && w[0].size() == 4 && all_digits(w[0]) && w[1].size() >= 8 && w[1][2] == ':')  // klog's 0913 17:00:01
    return in_reference_year(std::stoi(std::string(w[0].substr(0, 2))), std::stoi(std::string(w[0].substr(2))), w[1],
                             reference);
  if (n > 0 && is_weekday(w[0])) ++k;  // ctime's weekday
  if (n < k + 3) return std::nullopt;
  const int month = month_of(w[k]);
  if (!month || w[k].size() > 9 || !all_digits(w[k + 1]) || w[k + 1].size() > 2 || w[k + 2].size() < 8 ||
      w[k + 2][2] != ':')
    return std::nullopt;
  const int day = std::stoi(std::string(w[k + 1]));
  if (n >= k + 4 && all_digits(w[k + 3]) && w[k + 3].size() == 4)  // ctime: the year last
    return assemble(std::stoi(std::string(w[k + 3])), month, day, w[k + 2], "");
  if (n != k + 3) return std::nullopt;
  return in_reference_year(month, day, w[k + 2], reference);  // syslog
}

}  // namespace gardener::input
