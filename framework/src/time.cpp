#include <gardener/time.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace gardener {
inline namespace v1 {
namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

TimeNs now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<TimeNs> parse_rfc3339(std::string_view s) {
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return std::nullopt;  // no Feb 30: not Mar 2
  size_t pos = 10;
  int64_t frac_ns = 0;
  int64_t offset_s = 0;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    if (!digits(s, pos + 1, 2, h) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, mi))
      return std::nullopt;
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      if (!digits(s, pos + 1, 2, sec)) return std::nullopt;
      pos += 3;
    }
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      int n = 0;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (n < 9) {
          frac_ns = frac_ns * 10 + (s[pos] - '0');
          ++n;
        }
        ++pos;
      }
      if (n == 0) return std::nullopt;
      for (; n < 9; ++n) frac_ns *= 10;
    }
    if (pos < s.size()) {
      char c = s[pos];
      if (c == 'Z' || c == 'z') {
        ++pos;
      } else if (c == '+' || c == '-') {
        int oh, om = 0;
        if (!digits(s, pos + 1, 2, oh)) return std::nullopt;
        size_t p = pos + 3;
        if (p < s.size() && s[p] == ':') ++p;
        if (!digits(s, p, 2, om)) return std::nullopt;
        offset_s = (oh * 3600 + om * 60) * (c == '+' ? 1 : -1);
        pos = p + 2;
      }
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  int64_t secs = days * 86400 + h * 3600 + mi * 60 + sec - offset_s;
  return secs * kNsPerSecond + frac_ns;
}

std::string format_utc(TimeNs t, std::string_view pattern) {
  std::time_t secs = static_cast<std::time_t>(t >= 0 ? t / kNsPerSecond : (t - kNsPerSecond + 1) / kNsPerSecond);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[256];
  std::string pat(pattern);
  size_t n = std::strftime(buf, sizeof buf, pat.c_str(), &tm);
  return std::string(buf, n);
}

std::string format_rfc3339(TimeNs t, int frac_digits) {
  std::string out = format_utc(t, "%Y-%m-%dT%H:%M:%S");
  if (frac_digits > 0) {
    int64_t frac = ((t % kNsPerSecond) + kNsPerSecond) % kNsPerSecond;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%09lld", static_cast<long long>(frac));
    out += '.';
    out.append(buf, static_cast<size_t>(std::min(frac_digits, 9)));
  }
  out += 'Z';
  return out;
}

std::optional<TimeNs> parse_duration(std::string_view s) {
  if (s.empty()) return std::nullopt;
  TimeNs total = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    while (pos < s.size() && ((s[pos] >= '0' && s[pos] <= '9') || s[pos] == '.')) ++pos;
    if (pos == start) return std::nullopt;
    double value = 0;
    auto res = std::from_chars(s.data() + start, s.data() + pos, value);
    if (res.ec != std::errc()) return std::nullopt;
    size_t ustart = pos;
    while (pos < s.size() && ((s[pos] >= 'a' && s[pos] <= 'z') || (s[pos] >= 'A' && s[pos] <= 'Z'))) ++pos;
    std::string_view unit = s.substr(ustart, pos - ustart);
    double mult;
    if (unit == "ns") mult = 1;
    else if (unit == "us") mult = 1e3;
    else if (unit == "ms") mult = 1e6;
    else if (unit == "s" || unit == "sec") mult = 1e9;
    else if (unit == "m" || unit == "min") mult = 60e9;
    else if (unit == "h") mult = 3600e9;
    else if (unit == "d") mult = 86400e9;
    else if (unit == "w") mult = 7 * 86400e9;
    else return std::nullopt;
    total += static_cast<TimeNs>(value * mult);
  }
  return total;
}

std::string format_duration(TimeNs d) {
  struct Unit {
    TimeNs ns;
    const char* name;
  };
  static const Unit units[] = {{86400 * kNsPerSecond, "d"}, {3600 * kNsPerSecond, "h"}, {60 * kNsPerSecond, "m"},
                               {kNsPerSecond, "s"},         {1'000'000, "ms"}};
  if (d == 0) return "0s";
  std::string out;
  for (const auto& u : units) {
    if (d >= u.ns) {
      out += std::to_string(d / u.ns) + u.name;
      d %= u.ns;
    }
  }
  return out.empty() ? std::to_string(d) + "ns" : out;
}

}  // namespace v1
}  // namespace gardener
