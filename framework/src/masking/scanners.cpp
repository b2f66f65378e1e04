// Hand scanners: a few hundred nanoseconds per line matter here (issue 3 speed target), so each
// value type is a small state machine instead of a regex.
#include "scanners.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>

namespace gardener::masking {
namespace {

size_t digits(std::string_view s, size_t i, size_t max = 64) {
  size_t n = 0;
  while (i + n < s.size() && n < max && is_digit(s[i + n])) ++n;
  return n;
}

bool ends_token(std::string_view s, size_t i) { return i >= s.size() || !is_alnum(s[i]); }

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

size_t alpha_run(std::string_view s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && is_alpha(s[i + n])) ++n;
  return n;
}

// The lower-case first three letters, packed: a cheap filter before the name lists.
uint32_t prefix3(std::string_view w) {
  return static_cast<uint32_t>(w[0] | 0x20) << 16 | static_cast<uint32_t>(w[1] | 0x20) << 8 |
         static_cast<uint32_t>(w[2] | 0x20);
}
constexpr uint32_t p3(const char (&s)[4]) {
  return static_cast<uint32_t>(s[0]) << 16 | static_cast<uint32_t>(s[1]) << 8 | static_cast<uint32_t>(s[2]);
}

bool in_names(std::string_view w, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (ieq(w, n)) return true;
  return false;
}

bool is_month(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  switch (prefix3(w)) {
    case p3("jan"): case p3("feb"): case p3("mar"): case p3("apr"): case p3("may"): case p3("jun"):
    case p3("jul"): case p3("aug"): case p3("sep"): case p3("oct"): case p3("nov"): case p3("dec"):
      break;
    default:
      return false;
  }
  return in_names(w, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                      "january", "february", "march", "april", "june", "july", "august", "september", "october",
                      "november", "december"});
}

bool is_weekday(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  switch (prefix3(w)) {
    case p3("mon"): case p3("tue"): case p3("wed"): case p3("thu"): case p3("fri"): case p3("sat"): case p3("sun"):
      break;
    default:
      return false;
  }
  return in_names(w, {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
                      "wednesday", "thursday", "friday", "saturday", "sunday"});
}

size_t spaces(std::string_view s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && s[i + n] == ' ') ++n;
  return n;
}

// hh:mm[:ss[.frac]] at i; returns length or 0. `short_hour`: "5:30" too, which alone is too
// ambiguous (ratios, versions) but not before AM or PM.
size_t time_of_day(std::string_view s, size_t i, bool short_hour = false) {
  size_t h = digits(s, i, 2);
  if (h == 0 || i + h >= s.size() || s[i + h] != ':') return 0;
  size_t j = i + h + 1;
  if (digits(s, j, 2) != 2) return 0;
  j += 2;
  if (j < s.size() && s[j] == ':' && digits(s, j + 1, 2) == 2) {
    j += 3;
    if (j < s.size() && (s[j] == '.' || s[j] == ',') && digits(s, j + 1) > 0) j += 1 + digits(s, j + 1);
  } else if (h == 1 && !short_hour) {
    return 0;
  }
  return j - i;
}

// "AM" or "pm" at i, after at most one space: the half of the day, part of the time before it.
size_t meridiem(std::string_view s, size_t i) {
  const size_t j = i + (i < s.size() && s[i] == ' ' ? 1 : 0);
  if (j + 2 > s.size()) return 0;
  const char half = static_cast<char>(s[j] | 0x20), m = static_cast<char>(s[j + 1] | 0x20);
  return (half == 'a' || half == 'p') && m == 'm' && ends_token(s, j + 2) ? j + 2 - i : 0;
}

// A time of day at i with its half of the day when one follows ("10:00:01", "10:00 PM",
// "5:30pm"), so "at 9:30 AM" and "at 10:00 PM" are one value and not an AM/PM enumeration.
// One scan: a length of 4 is the short form h:mm, a time only with its AM or PM.
size_t clock_time(std::string_view s, size_t i) {
  const size_t t = time_of_day(s, i, true);
  if (t == 0) return 0;
  const size_t m = meridiem(s, i + t);
  return t == 4 && m == 0 ? 0 : t + m;
}

// Time-zone suffix: Z, +01:00, -0800.
size_t zone(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == 'Z') return 1;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    size_t d = digits(s, i + 1, 2);
    if (d != 2) return 0;
    size_t j = i + 3;
    if (j < s.size() && s[j] == ':') ++j;
    if (digits(s, j, 2) == 2) return j + 2 - i;
  }
  return 0;
}

struct Unit {
  std::string_view text;  // a view: comparing needs no strlen
  TokenType type;
  bool spaced;  // may follow the number after one space
};

// `bytes` is no unit: a count of bytes keeps its word (`<*> bytes result sent`, as Loghub's labels
// have it), while a number with KB or MB is a size whose unit changes with its magnitude.
constexpr std::array<Unit, 36> kUnits{{
    {"ns", TokenType::Duration, true},       {"us", TokenType::Duration, true},
    {"ms", TokenType::Duration, true},       {"msec", TokenType::Duration, true},
    {"msecs", TokenType::Duration, true},    {"s", TokenType::Duration, false},
    {"sec", TokenType::Duration, true},      {"secs", TokenType::Duration, true},
    {"second", TokenType::Duration, true},   {"seconds", TokenType::Duration, true},
    {"m", TokenType::Duration, false},       {"min", TokenType::Duration, true},
    {"mins", TokenType::Duration, true},     {"minute", TokenType::Duration, true},
    {"minutes", TokenType::Duration, true},  {"h", TokenType::Duration, false},
    {"hr", TokenType::Duration, true},       {"hrs", TokenType::Duration, true},
    {"hour", TokenType::Duration, true},     {"hours", TokenType::Duration, true},
    {"d", TokenType::Duration, false},       {"day", TokenType::Duration, true},
    {"days", TokenType::Duration, true},     {"b", TokenType::Size, true},
    {"kb", TokenType::Size, true},           {"mb", TokenType::Size, true},
    {"gb", TokenType::Size, true},           {"tb", TokenType::Size, true},
    {"kib", TokenType::Size, true},          {"mib", TokenType::Size, true},
    {"gib", TokenType::Size, true},          {"tib", TokenType::Size, true},
    {"k", TokenType::Size, false},           {"kbytes", TokenType::Size, true},
    {"mbytes", TokenType::Size, true},       {"%", TokenType::Num, false},
}};

// Unit at i (case-insensitive), followed by a token end; `spaced` when preceded by a space.
size_t unit_at(std::string_view s, size_t i, bool spaced, TokenType& type) {
  if (i < s.size() && s[i] == '%') {
    if (spaced) return 0;
    type = TokenType::Num;
    return 1;
  }
  size_t n = alpha_run(s, i);
  if (n == 0 || n > 7 || !ends_token(s, i + n)) return 0;
  switch (s[i] | 0x20) {  // the first letters of the units: most words after a number are no unit
    case 'b': case 'd': case 'g': case 'h': case 'k': case 'm': case 'n': case 's': case 't': case 'u':
      break;
    default:
      return 0;
  }
  std::string_view w = s.substr(i, n);
  for (const Unit& u : kUnits) {
    if (ieq(w, u.text) && (!spaced || u.spaced)) {
      type = u.type;
      return n;
    }
  }
  return 0;
}

}  // namespace

size_t chunk_end(std::string_view s, size_t from) {
  size_t i = from;
  while (i < s.size()) {
    char c = s[i];
    if (is_space(c) || c == '"' || c == '\'' || c == '[' || c == ']' || c == '(' || c == ')' || c == '{' ||
        c == '}' || c == '<' || c == '>' || c == ',')
      break;
    ++i;
  }
  while (i > from && (s[i - 1] == '.' || s[i - 1] == ':')) --i;  // sentence punctuation stays outside
  return i;
}

size_t scan_url(std::string_view s) {
  size_t n = 0;
  if (s.empty() || !is_alpha(s[0])) return 0;
  while (n < s.size() && n < 32 && (is_alnum(s[n]) || s[n] == '+' || s[n] == '.' || s[n] == '-')) ++n;
  if (s.substr(n, 3) != "://") return 0;
  size_t e = chunk_end(s, n + 3);
  return e > n + 3 ? e : 0;
}

bool root_directory(std::string_view s) {
  return !s.empty() && s[0] == '/' && (s.size() == 1 || s[1] == ' ' || s[1] == '\t' || s[1] == '"' || s[1] == '\'');
}

size_t scan_path(std::string_view s) {
  size_t start = 0;
  if (s.size() >= 3 && is_alpha(s[0]) && s[1] == ':' && s[2] == '\\') {
    start = 3;  // C:\Windows\...
  } else if (s.substr(0, 2) == "./" || s.substr(0, 2) == "~/") {
    start = 2;
  } else if (s.substr(0, 3) == "../") {
    start = 3;
  } else if (!s.empty() && s[0] == '/') {
    start = 1;
  } else {
    return 0;
  }
  size_t e = chunk_end(s, start);
  if (e <= start) return 0;
  // A lone "/" followed by punctuation only is a separator, not a path.
  bool any = false;
  for (size_t i = start; i < e && !any; ++i) any = is_alnum(s[i]) || static_cast<unsigned char>(s[i]) >= 0x80;
  return any ? e : 0;
}

size_t scan_ipv4(std::string_view s) {
  size_t i = 0;
  for (int part = 0; part < 4; ++part) {
    size_t d = digits(s, i, 3);
    if (d == 0) return 0;
    i += d;
    if (part < 3) {
      if (i >= s.size() || s[i] != '.') return 0;
      ++i;
    }
  }
  // "1.2.3.4.5" is no address, and "71.97.41.51.adsl.example.ru" is a host name that starts with one.
  if (i < s.size() && (is_digit(s[i]) || (s[i] == '.' && i + 1 < s.size() && is_alnum(s[i + 1])))) return 0;
  if (i + 1 < s.size() && s[i] == ':' && is_digit(s[i + 1])) i += 1 + digits(s, i + 1, 5);
  return ends_token(s, i) ? i : 0;
}

size_t scan_mac(std::string_view s) {
  // Six or more groups of two hex digits joined by colons: one MAC address, or several glued
  // together as firewalls log them (destination, source, type: 14 groups).
  size_t groups = 0, i = 0;
  while (i + 2 <= s.size() && is_hex(s[i]) && is_hex(s[i + 1])) {
    ++groups;
    i += 2;
    if (i + 3 > s.size() || s[i] != ':' || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) break;
    ++i;
  }
  if (groups < 6 || (i < s.size() && (is_alnum(s[i]) || s[i] == '_' || s[i] == ':'))) return 0;  // "…:4a." ends
  return i;
}

size_t scan_ipv6(std::string_view s) {
  size_t i = 0;
  bool bracket = !s.empty() && s[0] == '[';
  if (bracket) ++i;
  size_t groups = 0, colons = 0;
  bool dbl = false;
  size_t start = i;
  while (i < s.size()) {
    size_t h = 0;
    while (i + h < s.size() && h < 5 && is_hex(s[i + h])) ++h;
    if (h > 4) return 0;
    if (h > 0) {
      ++groups;
      i += h;
    }
    if (i < s.size() && s[i] == ':') {
      if (i + 1 < s.size() && s[i + 1] == ':') {
        if (dbl) return 0;
        dbl = true;
        colons += 2;
        i += 2;
      } else {
        ++colons;
        ++i;
      }
    } else {
      break;
    }
  }
  if (i > start && s[i - 1] == ':' && !(i >= 2 && s[i - 2] == ':')) {
    --i;  // trailing single colon belongs to the text
    --colons;
  }
  // "::" alone is the unspecified address ("listening on :: port 22", "[::]:443").
  const bool unspecified = groups == 0 && i - start == 2;
  if (!(dbl ? colons >= 2 && (groups >= 1 || unspecified) : groups == 8)) return 0;
  if (bracket) {
    if (i >= s.size() || s[i] != ']') return 0;
    ++i;
    if (i + 1 < s.size() && s[i] == ':' && is_digit(s[i + 1])) i += 1 + digits(s, i + 1, 5);
  }
  return ends_token(s, i) ? i : 0;
}

size_t scan_uuid(std::string_view s) {
  static constexpr size_t kGroups[] = {8, 4, 4, 4, 12};
  size_t i = 0;
  for (size_t g = 0; g < 5; ++g) {
    for (size_t k = 0; k < kGroups[g]; ++k, ++i)
      if (i >= s.size() || !is_hex(s[i])) return 0;
    if (g < 4) {
      if (i >= s.size() || s[i] != '-') return 0;
      ++i;
    }
  }
  return ends_token(s, i) ? i : 0;
}

size_t scan_email(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (is_alnum(s[i]) || s[i] == '.' || s[i] == '_' || s[i] == '-' || s[i] == '+')) ++i;
  if (i == 0 || i >= s.size() || s[i] != '@') return 0;
  size_t d = ++i, dots = 0;
  while (i < s.size() && (is_alnum(s[i]) || s[i] == '-' || (s[i] == '.' && i + 1 < s.size() && is_alnum(s[i + 1])))) {
    dots += s[i] == '.';
    ++i;
  }
  return (i > d && dots > 0) ? i : 0;
}

size_t scan_timestamp(std::string_view s, bool& is_date) {
  is_date = false;
  // yyyy-mm-dd or yyyy/mm/dd, optional time and zone.
  if (digits(s, 0, 4) == 4 && s.size() >= 10 && (s[4] == '-' || s[4] == '/') && digits(s, 5, 2) == 2 &&
      s[7] == s[4] && digits(s, 8, 2) == 2) {
    size_t i = 10;
    if (i + 1 < s.size() && (s[i] == 'T' || s[i] == ' ' || s[i] == '-' || s[i] == ':')) {
      size_t t = time_of_day(s, i + 1);
      if (t > 0) {
        i += 1 + t;
        i += zone(s, i);
        return ends_token(s, i) ? i : 0;
      }
    }
    is_date = true;
    return ends_token(s, i) ? i : 0;
  }
  size_t t = clock_time(s, 0);
  if (t > 0 && ends_token(s, t)) return t;
  return 0;
}

bool is_date_word(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  switch (prefix3(w)) {  // one switch before the two name lists: most words fail here
    case p3("jan"): case p3("feb"): case p3("mar"): case p3("apr"): case p3("may"): case p3("jun"):
    case p3("jul"): case p3("aug"): case p3("sep"): case p3("oct"): case p3("nov"): case p3("dec"):
    case p3("mon"): case p3("tue"): case p3("wed"): case p3("thu"): case p3("fri"): case p3("sat"): case p3("sun"):
      return is_month(w) || is_weekday(w);
    default:
      return false;
  }
}

// A zone after a time of day, after one or more spaces at j: an offset (+0200), UTC or GMT, or
// another upper-case abbreviation when a year follows ("10:20:30 PST 2005"; "10:20:30 ERROR" is
// no zone).
static size_t zone_after_time(std::string_view s, size_t j) {
  if (size_t n = zone(s, j); n > 1 && ends_token(s, j + n)) return n;
  size_t n = 0;
  while (j + n < s.size() && s[j + n] >= 'A' && s[j + n] <= 'Z') ++n;
  if (n < 2 || n > 5 || !ends_token(s, j + n)) return 0;
  const std::string_view word = s.substr(j, n);
  if (word == "UTC" || word == "GMT") return n;
  const size_t y = j + n + spaces(s, j + n);
  return y > j + n && digits(s, y, 4) == 4 && ends_token(s, y + 4) ? n : 0;
}

// After a date's day: an optional time of day (with its zone) and year, in either order.
static size_t time_and_year(std::string_view s, size_t end) {
  for (int k = 0; k < 2; ++k) {
    size_t j = end + spaces(s, end);
    if (j == end) break;
    size_t t = clock_time(s, j);
    if (t > 0 && ends_token(s, j + t)) {
      end = j + t;
      const size_t z = end + spaces(s, end);
      if (z > end)
        if (size_t n = zone_after_time(s, z)) end = z + n;
      continue;
    }
    if (digits(s, j, 4) == 4 && ends_token(s, j + 4)) {
      end = j + 4;
      continue;
    }
    break;
  }
  return end;
}

// "22 Jul 2005", "06 Nov 1994 08:49:37 GMT": day, month name and year (a day and a month alone
// may be a count: "3 Mar" is left alone).
static size_t day_month_year(std::string_view s, size_t i) {
  const size_t d = digits(s, i, 2);
  if (d == 0 || !ends_token(s, i + d)) return 0;
  size_t j = i + d + spaces(s, i + d);
  const size_t w = alpha_run(s, j);
  if (j == i + d || !is_month(s.substr(j, w)) || !ends_token(s, j + w)) return 0;
  j += w;
  const size_t y = j + spaces(s, j);
  if (y == j || digits(s, y, 4) != 4 || !ends_token(s, y + 4)) return 0;
  return time_and_year(s, y + 4);
}

size_t scan_word_date(std::string_view s) {
  size_t i = 0;
  size_t w = alpha_run(s, 0);
  if (w > 0 && is_weekday(s.substr(0, w))) {
    i = w;
    if (i < s.size() && s[i] == ',') ++i;
    size_t sp = spaces(s, i);
    if (sp == 0) return 0;
    i += sp;
    w = alpha_run(s, i);
  }
  if (w == 0) return day_month_year(s, i);
  if (!is_month(s.substr(i, w)) || !ends_token(s, i + w)) return 0;
  i += w;
  size_t sp = spaces(s, i);
  size_t d = digits(s, i + sp, 2);
  if (sp == 0 || d == 0 || !ends_token(s, i + sp + d)) return 0;
  i += sp + d;
  size_t end = i;
  if (end < s.size() && s[end] == ',') ++end;
  end = time_and_year(s, end);
  if (end > i && s[end - 1] == ',') --end;
  return end;
}

// A unit of time glued after a number in Go's duration format (the longest first: ms before m).
// µs is written with the micro sign (U+00B5) or the Greek mu (U+03BC).
static size_t time_unit_at(std::string_view s, size_t i) {
  static constexpr std::string_view kTimeUnits[] = {"ms", "us", "\xC2\xB5s", "\xCE\xBCs", "ns", "h", "m", "s"};
  for (std::string_view u : kTimeUnits)
    if (s.substr(i, u.size()) == u) return u.size();
  return 0;
}

// Go's durations: 2h30m, 1m30.5s, 2h45m0s, 1.2µs -- numbers each with a unit of time, glued.
// Two parts at least (one part with an ASCII unit is the plain unit scan's), or one in µs.
static size_t scan_go_duration(std::string_view s, size_t i) {
  size_t parts = 0;
  bool micro_sign = false;
  while (size_t d = digits(s, i)) {
    size_t j = i + d;
    if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) j += 1 + digits(s, j + 1);
    const size_t u = time_unit_at(s, j);
    if (u == 0) return 0;
    micro_sign |= static_cast<unsigned char>(s[j]) >= 0x80;
    i = j + u;
    ++parts;
  }
  return (parts >= 2 || (parts == 1 && micro_sign)) && ends_token(s, i) ? i : 0;
}

size_t scan_number_unit(std::string_view s, TokenType& type) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  if (size_t n = scan_go_duration(s, i)) {
    type = TokenType::Duration;
    return n;
  }
  size_t d = digits(s, i);
  if (d == 0) return 0;
  i += d;
  if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) i += 1 + digits(s, i + 1);
  if (size_t u = unit_at(s, i, false, type)) return i + u;
  if (i < s.size() && s[i] == ' ') {
    if (size_t u = unit_at(s, i + 1, true, type)) return i + 1 + u;
  }
  return 0;
}

TokenType classify_word(std::string_view w) {
  WordShape shape;
  for (char c : w) shape.add(kChars.c[static_cast<unsigned char>(c)]);
  return classify_word(w, shape);
}

bool is_host_port(std::string_view rest, size_t j) {
  if (j < 3 || j >= rest.size() || rest[j] != ':') return false;
  const size_t port = digits(rest, j + 1);
  const size_t end = j + 1 + port;
  if (port == 0 || port > 5 || (end < rest.size() && (is_word(rest[end]) || rest[end] == ':'))) return false;
  size_t label = 0, labels = 0, last_letters = 0;
  for (size_t i = 0; i < j; ++i) {
    const char c = rest[i];
    if (c == '.') {
      if (label == 0) return false;
      ++labels;
      label = last_letters = 0;
    } else if (is_alnum(c) || c == '-') {
      ++label;
      last_letters = c >= 'a' && c <= 'z' && last_letters + 1 == label ? label : 0;
    } else {
      return false;
    }
  }
  // A top-level domain: 2 to 10 lower-case letters (`.io`, `.example`, `.digital`; "onTransact:88"
  // is a method and its line).
  if (labels == 0 || label < 2 || label > 10 || last_letters != label) return false;
  // Source files before a line number ("Foo.java:12", "app.py:3") are not hosts.
  // Extensions that are also country domains (.pl, .rs, .sh, .so, .cc) count as hosts.
  static constexpr std::string_view kSourceExtensions[] = {
      "java", "py", "go", "cpp", "cxx", "hpp", "hh", "js", "ts", "rb", "php", "scala", "kt", "cs", "swift", "lua",
      "erl", "ex", "exs", "clj", "groovy", "log", "txt", "conf", "xml", "json", "yaml", "yml", "cfg", "ini", "jsp",
      "mm", "vb", "fs", "dart", "jar", "class", "dll", "properties", "gradle", "kts", "proto", "html", "vue", "jsx", "tsx"};
  const std::string_view tld = rest.substr(j - label, label);
  for (std::string_view ext : kSourceExtensions)
    if (ieq(tld, ext)) return false;
  return true;
}

// A protocol or device name: two to five lower-case letters and one digit (ssh2, en0, eth1,
// sda1, scip0). Loghub's labels keep these as constants; a drain position still generalises when
// they vary.
static bool short_device_word(std::string_view w) {
  if (w.size() < 3 || w.size() > 6 || !is_digit(w.back())) return false;
  const char low = w[0] >= 'a' && w[0] <= 'z' ? 'a' : 'A';  // one case throughout: IPV4, MD5
  for (size_t i = 0; i + 1 < w.size(); ++i)
    if (w[i] < low || w[i] > low + 25) return false;
  return true;
}

// A protocol name and a word joined by a hyphen (`pop3-login`, `ec2-user`, `http2-server`): a
// component's name, as constant as `imap-login`. A part of digits alone (`worker-3`) is an id, and
// so is a longer compound (`diffie-hellman-group1-sha1`: one of many algorithms).
static bool device_compound(std::string_view w) {
  const size_t cut = w.find('-');
  if (cut == std::string_view::npos || w.find('-', cut + 1) != std::string_view::npos) return false;
  const std::string_view a = w.substr(0, cut), b = w.substr(cut + 1);
  return (short_device_word(a) && letters_only(b)) || (letters_only(a) && short_device_word(b));
}

TokenType classify_word(std::string_view w, WordShape shape) {
  const bool digit = shape.any & kDigit;
  const bool alpha_nonhex = shape.any & kAlphaNonHex;
  const bool slash = shape.any & kSlash;
  const size_t dots = shape.dots;
  if (digit) {
    size_t i = (w[0] == '-' || w[0] == '+') ? 1 : 0;
    size_t d = digits(w, i);
    if (d > 0 && i + d == w.size()) return TokenType::Num;
    if (d > 0 && w[i + d] == '.' && i + d + 1 < w.size() && digits(w, i + d + 1) == w.size() - i - d - 1)
      return TokenType::Num;
    if (w.size() > 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) return TokenType::Hex;
    if (short_device_word(w) || device_compound(w)) return TokenType::Word;
    if (!alpha_nonhex && !slash && dots == 0 && w.size() >= 6 && w.find('-') == std::string_view::npos)
      return TokenType::Hex;
    return slash ? TokenType::Path : TokenType::Id;
  }
  if (slash) {
    // Two words of letters joined by one slash (`i/o`, `load/store`, `TCP/IP`, `Input/output`) are
    // one compound word, as Loghub's labels keep them; a path has more parts, dots or digits.
    const size_t cut = w.find('/');
    if (letters_only(w.substr(0, cut)) && letters_only(w.substr(cut + 1))) return TokenType::Word;
    for (char c : w)
      if (is_alnum(c)) return TokenType::Path;
    return TokenType::Word;
  }
  if (ieq(w, "true") || ieq(w, "false") || ieq(w, "null")) return TokenType::Bool;
  if (dots >= 2) {
    // a.b.c with non-empty parts (not "..." or "end.")
    size_t parts = 0, len = 0;
    for (char c : w) {
      if (c == '.') {
        if (len == 0) return TokenType::Word;
        ++parts;
        len = 0;
      } else {
        ++len;
      }
    }
    // android.intent.action.SCREEN_ON ends in a constant: a value of a closed set, not a name.
    // java.net.SocketTimeoutException names the kind of error: what the event is, as Loghub's
    // labels keep it (`java.io.IOException:`) and as Sentry groups a stack trace by it.
    const std::string_view last = w.substr(w.size() - len);
    const bool constant = std::none_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
                          names_error_class(last);
    if (len > 0 && parts + 1 >= 3 && !constant) return TokenType::Name;
  }
  return TokenType::Word;
}

}  // namespace gardener::masking
