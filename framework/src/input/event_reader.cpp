// EventReader: turns a byte stream into batches of records (see input.hpp).
#include <gardener/input.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>

#include <fmt/format.h>
#include <re2/re2.h>

#include <gardener/errors.hpp>
#include <gardener/log_entry.hpp>
#include <gardener/log_format.hpp>
#include <gardener/time.hpp>

#include "log_time.hpp"

#include "input/byte_stream.hpp"
#include "input/continuation.hpp"
#include "input/spare_records.hpp"
#include "input/utf8.hpp"

namespace gardener {
inline namespace v1 {

using detail::ByteStream;
using detail::LineSplitter;

namespace {

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos;
}

// The first `n` non-blank bytes of the input (fewer at its end), read ahead without consuming.
std::string first_non_blank(ByteStream& in, size_t n) {
  for (;;) {
    std::string found;
    const std::string_view p = in.pending();
    for (size_t i = 0; i < p.size() && found.size() < n; ++i)
      if (!std::isspace(static_cast<unsigned char>(p[i]))) found += p[i];
    if (found.size() == n || !in.fill()) return found;
  }
}

// `auto`, per input: a JSON array of entries opens with `[` then `{` (or is empty); a text line
// may open with `[` too (Apache's `[Sat Sep 13 ...]`, Elasticsearch's `[2025-09-13T...]`). A
// log_format does not decide it: one source may read a text file and a JSON one.
InputFormat sniff_format(ByteStream& in) {
  const std::string head = first_non_blank(in, 2);
  if (head.starts_with('{')) return InputFormat::Jsonl;
  if (head == "[{" || head == "[]") return InputFormat::GcloudJson;
  return InputFormat::Text;
}

std::unique_ptr<RE2> compile_continuation(const std::vector<std::string>& patterns) {
  if (patterns.empty()) return nullptr;
  std::string alt;
  for (const auto& p : patterns) alt += (alt.empty() ? "(?:" : "|(?:") + p + ")";
  RE2::Options opts;
  opts.set_log_errors(false);
  auto re = std::make_unique<RE2>(alt, opts);
  if (!re->ok())
    throw ConfigurationError("multiline patterns are not valid RE2 (" + re->error() +
                             "): fix the pattern, or set multiline = [] to turn joining off");
  return re;
}

/// Maps the fields of a log_format onto record members; unknown fields become labels.
struct FieldMap {
  int date = -1, time = -1, stamp = -1, level = -1, component = -1, content = -1, month = -1, day = -1;
  int module = -1, function = -1, line = -1, logger = -1, service = -1;
  std::vector<size_t> labels;  // fields that map to no member, in format order

  explicit FieldMap(const LogFormat& f) {
    date = f.field_index("Date");
    time = f.field_index("Time");
    stamp = f.field_index("Timestamp");
    month = f.field_index("Month");  // syslog's `<Month> <Day> <Time>` (or `<Month> <Date> <Time>`)
    day = f.field_index("Day");
    level = f.field_index("Level");
    if (level < 0) level = f.field_index("Severity");
    component = f.field_index("Component");
    content = f.field_index("Content");
    module = f.field_index("Module");
    function = f.field_index("Function");
    line = f.field_index("Line");
    logger = f.field_index("Logger");
    service = f.field_index("Service");
    static const std::vector<std::string_view> kMapped = {"Date", "Time", "Timestamp", "Month", "Day", "Level", "Severity",
                                                           "Component", "Content", "Module", "Function",
                                                           "Line", "Logger", "Service"};
    for (size_t i = 0; i < f.fields().size(); ++i)
      if (std::find(kMapped.begin(), kMapped.end(), f.fields()[i]) == kMapped.end()) labels.push_back(i);
  }
};

// The severity a message's first line names, for a record whose input gave it none (a plain
// line, a format without <Level>, an unknown level word): the strongest of panic/fatal/critical,
// error/err/exception, warn/warning as whole words in any case (Loki's detected_level does the
// same). None found: DEFAULT.
Severity severity_in_text(std::string_view message) {
  std::string_view line = message.substr(0, message.find('\n'));
  Severity found = Severity::Default;
  for (size_t i = 0; i < line.size();) {
    while (i < line.size() && !std::isalpha(static_cast<unsigned char>(line[i]))) ++i;
    size_t end = i;
    while (end < line.size() && std::isalnum(static_cast<unsigned char>(line[end]))) ++end;
    // Inside a name: "5error", "no_error", "error_count", "non-fatal", "/api/error", "error.log".
    auto joins = [](char c) { return c == '_' || c == '-' || c == '/'; };
    const bool inside = (i > 0 && (std::isdigit(static_cast<unsigned char>(line[i - 1])) || joins(line[i - 1]) ||
                                   line[i - 1] == '.')) ||
                        (end < line.size() && (joins(line[end]) ||
                                               (line[end] == '.' && end + 1 < line.size() &&
                                                std::isalnum(static_cast<unsigned char>(line[end + 1])))));
    if (inside) {
      i = end;
      continue;
    }
    char lower[10];  // the longest level word is 9 letters: longer words are none
    const size_t n = end - i;
    if (n >= sizeof lower) {
      i = end;
      continue;
    }
    for (size_t k = 0; k < n; ++k) lower[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(line[i + k])));
    const std::string_view word(lower, n);
    Severity s = Severity::Default;
    if (word == "panic" || word == "fatal" || word == "critical") s = Severity::Critical;
    else if (word == "error" || word == "err" || word == "exception") s = Severity::Error;
    else if (word == "warn" || word == "warning") s = Severity::Warning;
    if (static_cast<int>(s) > static_cast<int>(found)) found = s;
    i = end;
  }
  return found;
}

}  // namespace

struct EventReader::Impl {
  InputOptions opt;
  std::optional<LogFormat> format;
  std::optional<FieldMap> fields;
  std::unique_ptr<RE2> continuation;
  bool default_patterns = false;  // continuation is the defaults: decided by a hand scanner
  InputCounts counts;
  uint64_t undated = 0;  // records with no readable time, stamped inside the window (all streams)

  // Per stream.
  Context* ctx = nullptr;
  Emitter* out = nullptr;
  std::string display;
  // records[0, filled) are the batch's; the rest are a finished batch's, refilled in place
  // before new ones are allocated.
  Batch batch;
  size_t filled = 0;
  detail::SpareRecords* recycler = nullptr;  // the runner's emitter, or none
  bool stopped = false;
  bool has_pending = false;  // the batch's last record may still take continuation lines
  std::vector<std::string_view> values;
  std::string repaired;

  explicit Impl(InputOptions o) : opt(std::move(o)) {
    if (!opt.log_format.empty()) {
      format.emplace(opt.log_format);
      fields.emplace(*format);
    }
    continuation = compile_continuation(opt.multiline);
    default_patterns = continuation && opt.multiline == default_multiline_patterns();
    if (opt.batch_size == 0) opt.batch_size = InputOptions{}.batch_size;
  }

  std::string origin(uint64_t line) const {
    std::string s;
    set_origin(s, line);
    return s;
  }

  /// "display:line", built in place (one allocation at most; this runs once per record).
  void set_origin(std::string& s, uint64_t line) const {
    char num[24];
    auto end = std::to_chars(num, num + sizeof num, line).ptr;
    s.reserve(display.size() + 1 + static_cast<size_t>(end - num));
    s.assign(display);
    s += ':';
    s.append(num, end);
  }

  bool continues(std::string_view text) const {
    return default_patterns ? detail::default_continuation(text) : RE2::PartialMatch(text, *continuation);
  }

  void bad(std::string where, std::string reason) {
    ++counts.bad;
    if (opt.fail_on_error)
      throw Error(where + ": " + reason + " (on_error = \"fail\"; set on_error = \"skip\" to count bad lines and go on)");
    ctx->bad_line(std::move(where), std::move(reason));
  }

  /// Repairs invalid UTF-8 (counted) and returns the text to use.
  std::string_view clean(std::string_view text) {
    if (detail::valid_utf8(text)) return text;
    ++counts.utf8_repaired;
    repaired = detail::repair_utf8(text);
    return repaired;
  }

  /// The batch's next record: a finished one made fresh, else a new one.
  Record& next_record() {
    if (filled == batch.records.size())
      batch.records.emplace_back();
    else
      batch.records[filled].clear();
    return batch.records[filled++];
  }
  Record& last() { return batch.records[filled - 1]; }
  /// Takes the batch's last record out (filtered or bad); its memory serves the next one.
  void drop_last() { --filled; }

  void start_batch() {
    batch.records.clear();
    filled = 0;
    if (recycler) batch.records = recycler->take_spare_records();
    batch.records.reserve(opt.batch_size);
  }

  void flush_batch() {
    if (filled == 0 || stopped) return;
    batch.records.resize(filled);  // spare records left over (filtered ones): freed here
    if (ctx->stop_requested() || !out->emit(std::move(batch))) stopped = true;
    start_batch();
  }

  /// Window and severity filters on the batch's last record: kept, or dropped again.
  void settle_last() {
    Record& r = last();
    const Window w = ctx->window();
    if (r.timestamp_ns == 0 && w.end > w.start) {
      // No timestamp in the input, or none that parses: stamp it with the read time, kept inside
      // the window, and say so (read() warns, the metric `undated_lines` counts them).
      r.timestamp_ns = std::clamp(now_ns(), w.start, w.end - 1);
      ++undated;
    }
    if (!w.contains(r.timestamp_ns)) {
      ++counts.outside_window;
      drop_last();
      return;
    }
    if (r.severity == Severity::Default) r.severity = severity_in_text(r.message);
    if (static_cast<int>(r.severity) < static_cast<int>(opt.min_severity)) {
      ++counts.below_severity;
      drop_last();
      return;
    }
    ++counts.records;
    if (filled >= opt.batch_size) flush_batch();
  }

  void json_text(std::string_view text, uint64_t line) {
    Record& r = next_record();
    auto err = decode_log_entry(clean(text), r);
    if (!err.empty()) {
      drop_last();
      return bad(origin(line), err);
    }
    set_origin(r.origin, line);
    settle_last();
  }

  void flush_pending() {
    if (!has_pending) return;
    has_pending = false;
    settle_last();
  }

  // Consecutive lines mostly share their second: the last stamp's value is kept. A time without
  // a year (syslog's) takes it from the window's end (input/log_time.hpp).
  std::string last_stamp;
  std::string syslog_stamp;  // `<Month> <Day> <Time>` joined, reused line after line
  int64_t last_stamp_ns = 0;
  int64_t timestamp_of(std::string_view stamp) {
    if (stamp != last_stamp) {
      last_stamp.assign(stamp);
      const Window w = ctx->window();
      last_stamp_ns = input::parse_log_time(stamp, w.end > w.start ? w.end : now_ns()).value_or(0);
    }
    return last_stamp_ns;
  }

  // klog's `E0913 17:00:01.123456 ...` read with `<Level><Date> <Time>`: fields are lazy (as in
  // logparser), so the level is empty and the date `E0913`. The letter is the level.
  void split_klog_level() {
    const auto& f = *fields;
    if (f.level < 0 || f.date < 0) return;
    std::string_view& level = values[static_cast<size_t>(f.level)];
    std::string_view& date = values[static_cast<size_t>(f.date)];
    if (!level.empty() || date.size() != 5 || std::string_view("IWEF").find(date[0]) == std::string_view::npos ||
        !std::all_of(date.begin() + 1, date.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return;
    level = date.substr(0, 1);
    date.remove_prefix(1);
  }

  // A log has a handful of level words: the readings of the last few are kept.
  struct LevelReading {
    std::string word;
    std::optional<Severity> severity;
  };
  std::array<LevelReading, 8> levels_read;
  size_t next_level_slot = 0;
  std::optional<Severity> severity_of(std::string_view level) {
    for (const LevelReading& l : levels_read)
      if (l.word == level && !l.word.empty()) return l.severity;
    LevelReading& l = levels_read[next_level_slot++ % levels_read.size()];
    l.word.assign(level);
    l.severity = parse_severity(level);
    return l.severity;
  }

  void fill_from_format(Record& r, std::string_view line) {  // values[] view `line`
    const auto& f = *fields;
    split_klog_level();
    auto v = [&](int i) { return i >= 0 ? values[static_cast<size_t>(i)] : std::string_view(); };
    r.message.assign(v(f.content));
    std::string_view stamp = v(f.stamp);
    char buf[128];  // "<Date> <Time>" without a heap string when it fits
    std::string joined;
    // Syslog's month and day: `<Month> <Day|Date> <Time>`, or a <Date> that holds the month name
    // before a <Day> (Loghub's OpenSSH format).
    const int month = f.month >= 0 ? f.month : f.date >= 0 && f.day >= 0 && input::is_month_name(v(f.date)) ? f.date : -1;
    if (stamp.empty() && month >= 0 && f.time >= 0) {
      syslog_stamp.assign(v(month)).append(" ").append(v(f.day >= 0 ? f.day : f.date)).append(" ").append(v(f.time));
      stamp = syslog_stamp;
    } else if (stamp.empty() && f.date >= 0) {
      std::string_view d = v(f.date), t = f.time >= 0 ? v(f.time) : std::string_view();
      size_t n = d.size() + (f.time >= 0 ? 1 + t.size() : 0);
      char* out = buf;
      if (n > sizeof buf) {
        joined.resize(n);
        out = joined.data();
      }
      std::copy(d.begin(), d.end(), out);
      if (f.time >= 0) {
        out[d.size()] = ' ';
        std::copy(t.begin(), t.end(), out + d.size() + 1);
      }
      stamp = std::string_view(out, n);
    } else if (stamp.empty()) {
      stamp = v(f.time);  // a <Time> alone may hold the whole timestamp (2025-09-13T17:00:00Z)
    } else {
      stamp = with_following_time(stamp, line);
    }
    if (!stamp.empty()) r.timestamp_ns = timestamp_of(stamp);
    if (f.level >= 0)
      if (auto s = severity_of(v(f.level))) r.severity = *s;
    r.module.assign(f.module >= 0 ? v(f.module) : v(f.component));
    r.logger.assign(f.logger >= 0 ? v(f.logger) : v(f.component));
    r.function.assign(v(f.function));
    r.service.assign(v(f.service));
    if (f.line >= 0) r.line = std::atoll(std::string(v(f.line)).c_str());
    for (size_t i : f.labels) r.labels.emplace_back(format->fields()[i], std::string(values[i]));
  }

  // A loose format (`<Timestamp> <Level> <Caller> <Content>`, fields split by spaces) also
  // matches a goroutine dump's "created by net/http.(*Server).Serve in goroutine 1" and
  // "main.(*Server).GetUser(0xc00093e6ac, {0xd7d3b3, ...". A time field without a digit, or with
  // a bracket, brace, `*` or `=`, is no time: such a line does not match, and continues the
  // event before it.
  bool times_plausible() const {
    const FieldMap& f = *fields;
    for (int i : {f.date, f.time, f.stamp}) {
      if (i < 0) continue;
      std::string_view v = values[static_cast<size_t>(i)];
      if (i == f.date && input::is_month_name(v)) continue;  // OpenSSH's `<Date> <Day> <Time>`: Date=Dec
      if (std::none_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
          v.find_first_of("(){}*=") != std::string_view::npos)
        return false;
    }
    return true;
  }

  // A <Timestamp> that holds a date alone ("2025/09/13" of Go's std log "2025/09/13 17:00:02
  // http: panic ..." read with zap's format): the time that follows it in the line joins it.
  static std::string_view with_following_time(std::string_view stamp, std::string_view line) {
    const bool bare_date = stamp.size() == 10 && (stamp[4] == '-' || stamp[4] == '/') && stamp[7] == stamp[4];
    if (!bare_date || stamp.data() < line.data() || stamp.data() + 10 > line.data() + line.size()) return stamp;
    const size_t from = static_cast<size_t>(stamp.data() - line.data()), clock = from + 11;  // after "date "
    auto digit = [&](size_t i) { return i < line.size() && line[i] >= '0' && line[i] <= '9'; };
    if (line.size() <= clock + 2 || line[clock - 1] != ' ' || !digit(clock) || !digit(clock + 1) || line[clock + 2] != ':')
      return stamp;
    size_t end = clock;
    while (digit(end) || (end < line.size() && (line[end] == ':' || line[end] == '.'))) ++end;
    return line.substr(from, end - from);
  }

  // A line that does not match the format but opens with a date and a time ("2025/09/13
  // 17:00:02 http: panic serving ...": Go's std log between zap's lines) is an event of its own:
  // its time, and the rest as the message. 0 otherwise; `rest` is where the message starts.
  int64_t leading_time(std::string_view text, size_t& rest) {
    if (text.empty() || text[0] < '0' || text[0] > '9') return 0;
    const size_t sp = text.find(' ');
    size_t end = sp;
    if (sp == 10) end = text.find(' ', sp + 1);  // a date alone: its time follows
    if (sp == std::string_view::npos || end == std::string_view::npos) return 0;
    const int64_t t = timestamp_of(text.substr(0, end));
    rest = text.find_first_not_of(' ', end);
    if (rest == std::string_view::npos) return 0;
    return t;
  }

  void text_line(std::string_view raw_line, uint64_t line) {
    std::string_view text = clean(raw_line);
    bool matched = format && format->match(text, values) && times_plausible();
    size_t rest = 0;
    const int64_t dated = format && !matched ? leading_time(text, rest) : 0;
    bool joins = has_pending && continuation && ((format && !matched && !dated) || continues(text));
    if (joins && last().message.size() + text.size() < static_cast<size_t>(opt.max_line_bytes)) {
      ++counts.joined;
      Record& pending = last();
      pending.message += '\n';
      pending.message.append(text);
      pending.raw += '\n';
      pending.raw.append(text);
      return;
    }
    flush_pending();
    if (format && !matched && !dated)
      return bad(origin(line), "does not match log_format \"" + opt.log_format + "\"; fix log_format or the line");
    // Built in place in the batch: no move and no reset of a Record per line.
    Record& pending = next_record();
    set_origin(pending.origin, line);
    pending.raw.assign(text);
    if (dated) {
      pending.timestamp_ns = dated;
      pending.message.assign(text.substr(rest));
    } else if (format) {
      fill_from_format(pending, text);
    } else {
      pending.message.assign(text);
    }
    has_pending = true;
  }

  void read_lines(ByteStream& in, bool json) {
    LineSplitter lines(in, opt.max_line_bytes);
    std::string_view text;
    size_t oversize = 0;
    uint64_t n = 0;
    while (!stopped && lines.next(text, oversize)) {
      ++n;
      ++counts.lines;
      if (oversize) {
        bad(origin(n), fmt::format("line of {} bytes exceeds max_line_bytes ({}); raise max_line_bytes to read it",
                                   oversize, opt.max_line_bytes));
        continue;
      }
      if (blank(text)) {
        ++counts.blank;
        continue;
      }
      if (json)
        json_text(text, n);
      else
        text_line(text, n);
    }
    flush_pending();
  }

  void read_array(ByteStream& in);

  bool read(ByteStream& in, Context& c, Emitter& e, const std::string& name) {
    ctx = &c;
    out = &e;
    recycler = dynamic_cast<detail::SpareRecords*>(&e);
    display = name;
    stopped = false;
    has_pending = false;
    in.set_stop([&c] { return c.stop_requested(); });
    start_batch();
    ++counts.streams;
    uint64_t before = in.bytes_read(), undated_before = undated;
    const InputCounts counts_before = counts;
    InputFormat f = opt.format;
    if (f == InputFormat::Auto) f = sniff_format(in);
    if (f == InputFormat::GcloudJson)
      read_array(in);
    else
      read_lines(in, f == InputFormat::Jsonl);
    flush_batch();
    counts.bytes += in.bytes_read() - before;
    if (undated > undated_before)
      c.warn("{}: {} line(s) carry no readable time; they were stamped with the read time, inside the window "
             "(check `log_format` and the time's format)", display, undated - undated_before);
    // Every line bad: the format is wrong, not the log. Say so rather than look like a quiet service.
    const uint64_t lines = counts.lines - counts_before.lines, blank = counts.blank - counts_before.blank;
    if (lines > blank && counts.bad - counts_before.bad == lines - blank && counts.records == counts_before.records)
      c.warn("{}: none of its {} line(s) could be read as {}; check `format` (auto, jsonl, gcloud_json, text) and "
             "`log_format`", display, lines - blank, f == InputFormat::GcloudJson ? "a JSON array"
                                                     : f == InputFormat::Jsonl   ? "JSON lines"
                                                     : format                    ? "log_format \"" + opt.log_format + "\""
                                                                                 : "text");
    if (!in.error().empty())
      bad(display, in.through_zlib() ? "cannot decompress: " + in.error() + "; the .gz file is corrupt or truncated"
                                     : "cannot read: " + in.error() + "; check the file and the disk");
    return !stopped;
  }
};

/// Streams a JSON array: each top-level element is cut out by bracket matching (strings and
/// escapes respected) and decoded on its own, so a huge gcloud dump never sits in memory whole.
void EventReader::Impl::read_array(ByteStream& in) {
  enum class At { Start, Between, Element, Done } at = At::Start;
  std::string elem;
  bool oversize = false, in_string = false, escape = false, junk = false;
  int depth = 0;
  uint64_t line = 1, elem_line = 1;
  while (!stopped) {
    auto p = in.pending();
    if (p.empty() && !in.fill()) break;
    p = in.pending();
    size_t i = 0;
    for (; i < p.size() && !stopped; ++i) {
      char c = p[i];
      if (c == '\n') ++line;
      if (at == At::Element) {
        if (!oversize) {
          if (elem.size() >= static_cast<size_t>(opt.max_line_bytes)) oversize = true;
          else elem += c;
        }
        if (in_string) {
          if (escape) escape = false;
          else if (c == '\\') escape = true;
          else if (c == '"') in_string = false;
        } else if (c == '"') {
          in_string = true;
        } else if (c == '{' || c == '[') {
          ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          ++counts.lines;
          if (oversize)
            bad(origin(elem_line), fmt::format("array element exceeds max_line_bytes ({}); raise max_line_bytes",
                                               opt.max_line_bytes));
          else
            json_text(elem, elem_line);
          at = At::Between;
        }
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
      if (at == At::Start && c == '[') {
        at = At::Between;
      } else if (at == At::Between && c == ',') {
        continue;
      } else if (at == At::Between && c == ']') {
        at = At::Done;
      } else if (at == At::Between && c == '{') {
        at = At::Element;
        elem.assign(1, c);
        oversize = in_string = escape = false;
        depth = 1;
        elem_line = line;
        junk = false;
      } else if (!junk) {
        junk = true;  // one report per run of stray bytes
        bad(origin(line), fmt::format("unexpected '{}' {} the JSON array; expected gcloud --format=json output", c,
                                      at == At::Done ? "after" : "in"));
      }
    }
    in.consume(i);
  }
  if (stopped) return;
  if (at == At::Element) bad(origin(elem_line), "truncated JSON object at end of input (the array is cut off)");
  else if (at != At::Done && at != At::Start) bad(origin(line), "JSON array not closed with ']' (the input is cut off)");
}

EventReader::EventReader(InputOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
EventReader::~EventReader() = default;

bool EventReader::read_file(const std::string& path, const std::string& display, Context& ctx, Emitter& out) {
  ByteStream in(path, -1);
  return impl_->read(in, ctx, out, display);
}

bool EventReader::read_fd(int fd, const std::string& display, Context& ctx, Emitter& out) {
  ByteStream in(display, fd);
  return impl_->read(in, ctx, out, display);
}

const InputCounts& EventReader::counts() const { return impl_->counts; }

void EventReader::publish_metrics(Context& ctx) const {
  const auto& c = impl_->counts;
  for (auto [name, v] : {std::pair<const char*, uint64_t>{"input_lines", c.lines}, {"input_bytes", c.bytes},
                         {"records_emitted", c.records}, {"bad_lines", c.bad}, {"blank_lines", c.blank},
                         {"multiline_joined", c.joined}, {"utf8_repaired", c.utf8_repaired},
                         {"skipped_outside_window", c.outside_window},
                         {"skipped_below_severity", c.below_severity}, {"undated_lines", impl_->undated}})
    ctx.metric(name, static_cast<double>(v));
}

std::string describe_counts(const InputCounts& c) {
  std::vector<std::string> parts;
  if (c.bad) parts.push_back(fmt::format("{} bad lines", c.bad));
  if (c.outside_window) parts.push_back(fmt::format("{} outside the window", c.outside_window));
  if (c.below_severity) parts.push_back(fmt::format("{} below min_severity", c.below_severity));
  if (c.utf8_repaired) parts.push_back(fmt::format("{} with invalid UTF-8 repaired", c.utf8_repaired));
  if (c.joined) parts.push_back(fmt::format("{} continuation lines joined", c.joined));
  return fmt::format("{}", fmt::join(parts, ", "));
}

SourceInfo reader_source_info(const Component& source, std::string description, const EventReader* reader) {
  SourceInfo info;
  info.name = source.name();
  info.type = source.type();
  info.description = std::move(description);
  if (reader) {
    info.bad_lines = reader->counts().bad;
    info.note = describe_counts(reader->counts());
    if (const uint64_t undated = reader->impl_->undated)
      info.note += (info.note.empty() ? "" : ", ") +
                   fmt::format("{} without a readable timestamp (stamped with the read time)", undated);
  }
  return info;
}

}  // namespace v1
}  // namespace gardener
