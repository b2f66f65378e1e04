#pragma once
// logparser-style line formats: "<Date> <Time> <Level> <Component>: <Content>". Each <Field> is a
// lazy capture, runs of spaces match one or more whitespace characters, the match is anchored on
// the stripped line, and <Content> is the message. Compiled to RE2 or a small matcher (no standard-library regex).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gardener {
inline namespace v1 {

class LogFormat {
 public:
  /// Throws ConfigurationError when the format has no <Content> or an unbalanced '<'.
  explicit LogFormat(const std::string& format);
  ~LogFormat();
  LogFormat(LogFormat&&) noexcept;
  LogFormat& operator=(LogFormat&&) noexcept;

  const std::vector<std::string>& fields() const { return fields_; }
  /// Matches one line; on success fills `values` (one per field, views into `line`).
  bool match(std::string_view line, std::vector<std::string_view>& values) const;
  /// Index of a field by name, or -1.
  int field_index(std::string_view name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> fields_;
};

}  // namespace v1
}  // namespace gardener
