// The reading options shared by the `file` and `stdin` sources.
#include <gardener/errors.hpp>
#include <gardener/input.hpp>
#include <gardener/log_format.hpp>

#include <fmt/format.h>
#include <re2/re2.h>

namespace gardener {
inline namespace v1 {

const std::vector<std::string>& default_multiline_patterns() {
  static const std::vector<std::string> patterns = {
      R"(^\s)", R"(^at\s)", R"(^Caused by:)", R"(^Traceback)", R"(^\.\.\.)",
      R"(^[A-Za-z_][\w.$]*(?:Error|Exception|Warning)(?::|$))"};
  return patterns;
}

OptionsTable input_option_specs() {
  return {
      {"format", OptionType::String, "auto",
       "Input format: `jsonl` (one LogEntry or Cloud Run JSON object per line), `gcloud_json` (one JSON "
       "array, as `gcloud logging read --format=json`), `text` (see log_format), or `auto` (per input, "
       "from the first non-blank bytes: `[{` or `[]` gcloud_json, `{` jsonl, else text, such as Apache's "
       "`[Sat Sep 13 ...]`).",
       false, one_of({"auto", "jsonl", "gcloud_json", "text"})},
      {"log_format", OptionType::String, "",
       "For text input: a logparser format such as \"<Date> <Time> <Level> <Component>: <Content>\" (the "
       "text between fields is a regex; spaces match any run of whitespace, optional parts such as "
       "(\\[<Pid>\\])? are allowed). Date and Time (or Timestamp, or a Time holding the whole timestamp), Level (or Severity), Component, Content, Module, Function, Line, Logger "
       "and Service map onto the record; other fields become labels. Empty: the whole line is the message."},
      {"multiline", OptionType::StringList, Json(default_multiline_patterns()),
       "Text input: RE2 patterns of continuation lines, joined to the event before them (stack "
       "traces). With a log_format, a line that does not match it also continues the event. `[]` "
       "turns joining off."},
      {"on_error", OptionType::String, "skip",
       "`skip`: count a bad line (bad JSON, too long, not matching log_format) and report it with "
       "path:line; `fail`: stop the run at the first one.",
       false, one_of({"skip", "fail"})},
      {"min_severity", OptionType::String, "DEFAULT",
       "Records below this severity are skipped (and counted in the metric skipped_below_severity).",
       false,
       [](const Json& v) -> std::optional<std::string> {
         if (v.is_string() && !parse_severity(v.get<std::string>()))
           return fmt::format("`{}` is not a severity; use DEBUG, INFO, WARNING, ERROR, ...", v.get<std::string>());
         return std::nullopt;
       }},
      {"max_line_bytes", OptionType::Int, kDefaultMaxLineBytes,
       "Longest line (or gcloud array element) read, in bytes; a longer one is reported as a bad line. "
       "The default, 64 MiB, reads a 10 MB line.",
       false, int_range(1024, 1LL << 34)},
      {"batch_size", OptionType::Int, 1024,
       "Records per batch handed downstream. Larger batches hold more records in flight between the "
       "stages (up to 8 batches a queue): more memory and fewer cache hits.",
       false,
       int_range(1, 1 << 20)},
  };
}

namespace {
InputFormat format_of(const std::string& s) {
  if (s == "jsonl") return InputFormat::Jsonl;
  if (s == "gcloud_json") return InputFormat::GcloudJson;
  if (s == "text") return InputFormat::Text;
  return InputFormat::Auto;
}
}  // namespace

InputOptions input_options_from(const Config& config, Diagnostics& diag) {
  InputOptions o;
  o.format = format_of(config.get_string("format"));
  o.log_format = config.get_string("log_format");
  o.multiline = config.get_list("multiline");
  o.fail_on_error = config.get_string("on_error") == "fail";
  o.min_severity = parse_severity(config.get_string("min_severity")).value_or(Severity::Default);
  o.max_line_bytes = config.get_int("max_line_bytes");
  o.batch_size = static_cast<size_t>(config.get_int("batch_size"));
  if (!o.log_format.empty()) {
    try {
      LogFormat check(o.log_format);
    } catch (const ConfigurationError& e) {
      diag.error("log_format", e.what());
    }
  }
  for (size_t i = 0; i < o.multiline.size(); ++i) {
    RE2::Options ro;
    ro.set_log_errors(false);
    RE2 re(o.multiline[i], ro);
    if (!re.ok())
      diag.error("multiline[" + std::to_string(i) + "]", "`" + o.multiline[i] + "` is not valid RE2: " + re.error());
  }
  return o;
}

}  // namespace v1
}  // namespace gardener
