// logparser log_format → one anchored RE2 (see log_format.hpp). Literal text between fields is
// kept as regex text (formats escape brackets as `\[`), and runs of spaces become `\s+`, exactly
// as logparser's generate_logformat_regex does.
#include <gardener/errors.hpp>
#include <gardener/log_format.hpp>

#include <re2/re2.h>

namespace gardener {
inline namespace v1 {

struct LogFormat::Impl {
  std::unique_ptr<RE2> re;
};

namespace {

// Literal part: spaces collapse to \s+, everything else is passed through as regex text.
void append_literal(std::string& regex, std::string_view literal) {
  for (size_t i = 0; i < literal.size();) {
    if (literal[i] == ' ') {
      while (i < literal.size() && literal[i] == ' ') ++i;
      regex += "\\s+";
    } else {
      regex += literal[i++];
    }
  }
}

std::string_view strip(std::string_view s) {
  const char* ws = " \t\r\n\v\f";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

}  // namespace

LogFormat::LogFormat(const std::string& format) : impl_(std::make_unique<Impl>()) {
  std::string regex;
  size_t pos = 0;
  while (pos < format.size()) {
    size_t open = format.find('<', pos);
    if (open == std::string::npos) {
      append_literal(regex, std::string_view(format).substr(pos));
      break;
    }
    size_t close = format.find('>', open);
    size_t next_open = format.find('<', open + 1);
    if (close == std::string::npos || (next_open != std::string::npos && next_open < close) || close == open + 1)
      throw ConfigurationError("log_format \"" + format + "\" has an unbalanced or empty '<' at position " +
                               std::to_string(open) + ": write fields as <Name>");
    append_literal(regex, std::string_view(format).substr(pos, open - pos));
    fields_.push_back(format.substr(open + 1, close - open - 1));
    regex += "(.*?)";
    pos = close + 1;
  }
  if (field_index("Content") < 0)
    throw ConfigurationError("log_format \"" + format + "\" has no <Content> field: add <Content> where the message is");
  RE2::Options opts;
  opts.set_dot_nl(true);
  opts.set_log_errors(false);
  impl_->re = std::make_unique<RE2>(regex, opts);
  if (!impl_->re->ok())
    throw ConfigurationError("log_format \"" + format + "\" is not a valid pattern (" + impl_->re->error() +
                             "): escape regex characters such as [ with a backslash");
  if (impl_->re->NumberOfCapturingGroups() != static_cast<int>(fields_.size()))
    throw ConfigurationError("log_format \"" + format +
                             "\" contains capturing groups outside its <Field>s: use (?:...) for grouping");
}

LogFormat::~LogFormat() = default;
LogFormat::LogFormat(LogFormat&&) noexcept = default;
LogFormat& LogFormat::operator=(LogFormat&&) noexcept = default;

bool LogFormat::match(std::string_view line, std::vector<std::string_view>& values) const {
  std::string_view text = strip(line);
  const size_t n = fields_.size();
  values.assign(n, std::string_view());
  // Submatch 0 is the whole line; fields follow.
  thread_local std::vector<re2::StringPiece> pieces;
  pieces.assign(n + 1, re2::StringPiece());
  if (!impl_->re->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_BOTH,
                        pieces.data(), static_cast<int>(n + 1)))
    return false;
  for (size_t i = 0; i < n; ++i) values[i] = std::string_view(pieces[i + 1].data(), pieces[i + 1].size());
  return true;
}

int LogFormat::field_index(std::string_view name) const {
  for (size_t i = 0; i < fields_.size(); ++i)
    if (fields_[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace v1
}  // namespace gardener
