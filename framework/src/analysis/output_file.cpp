// Output paths with placeholders and atomic file writes, for the sinks that write files.
#include <gardener/errors.hpp>
#include <gardener/report_format.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>

#include <unistd.h>

namespace gardener {
inline namespace v1 {
namespace {

namespace fs = std::filesystem;

// Calls `fn(name, format)` per placeholder and `text(literal)` between them; returns an error or "".
template <typename Fn, typename Text>
std::string walk_pattern(const std::string& pattern, Fn fn, Text text) {
  size_t i = 0;
  while (i < pattern.size()) {
    auto open = pattern.find('{', i);
    text(pattern.substr(i, open == std::string::npos ? std::string::npos : open - i));
    if (open == std::string::npos) break;
    auto close = pattern.find('}', open);
    if (close == std::string::npos) return "unclosed `{` in path pattern `" + pattern + "`";
    std::string inner = pattern.substr(open + 1, close - open - 1);
    auto colon = inner.find(':');
    std::string name = inner.substr(0, colon), format = colon == std::string::npos ? "" : inner.substr(colon + 1);
    if (name != "pipeline" && name != "service" && name != "start" && name != "end") {
      return "unknown placeholder `{" + inner + "}` in path pattern `" + pattern +
             "`; allowed: {pipeline}, {service}, {start[:FORMAT]}, {end[:FORMAT]}";
    }
    if (!format.empty() && (name == "pipeline" || name == "service")) {
      return "placeholder `{" + name + "}` takes no format in path pattern `" + pattern + "`";
    }
    for (size_t k = 0; k < format.size(); ++k) {  // strftime would copy an unknown %Q as it is
      if (format[k] != '%') continue;
      static constexpr std::string_view kConversions = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
      if (k + 1 < format.size() && (format[k + 1] == 'E' || format[k + 1] == 'O')) ++k;  // %Ey, %Od
      if (k + 1 >= format.size() || kConversions.find(format[k + 1]) == std::string_view::npos)
        return "`%" + format.substr(k + 1, 1) + "` in `{" + inner + "}` is no strftime conversion (path pattern `" +
               pattern + "`); use e.g. %Y%m%dT%H%M";
      ++k;
    }
    fn(name, format);
    i = close + 1;
  }
  return "";
}

}  // namespace

// File names must not gain directories from a pipeline or service name.
std::string safe_name(std::string s) {
  for (auto& c : s) {
    if (c == '/' || c == '\\' || c == ' ') c = '_';
  }
  return s;
}

std::string check_output_pattern(const std::string& pattern) {
  if (pattern.empty()) return "the path is empty";
  return walk_pattern(pattern, [](const std::string&, const std::string&) {}, [](const std::string&) {});
}

OptionValidator output_pattern_validator(bool allow_empty) {
  return [allow_empty](const Json& v) -> std::optional<std::string> {
    if (!v.is_string()) return "must be a string";
    if (allow_empty && v.get<std::string>().empty()) return std::nullopt;
    auto error = check_output_pattern(v.get<std::string>());
    return error.empty() ? std::nullopt : std::optional<std::string>(error);
  };
}

std::string expand_output_path(const std::string& pattern, const Report& report, const std::string& base_dir) {
  std::string out;
  auto error = walk_pattern(
      pattern,
      [&](const std::string& name, const std::string& format) {
        if (name == "pipeline") out += safe_name(report.pipeline);
        else if (name == "service") out += safe_name(report.service.empty() ? report.pipeline : report.service);
        else out += format_utc(name == "start" ? report.window.start : report.window.end,
                               format.empty() ? "%Y%m%dT%H%M%SZ" : format);
      },
      [&](const std::string& literal) { out += literal; });
  if (!error.empty()) throw ConfigurationError(error);
  if (base_dir.empty()) return out;  // URLs (Slack's worklog_url) stay as written
  fs::path p(out);
  if (p.is_relative()) p = fs::path(base_dir) / p;
  return p.lexically_normal().string();
}

void write_file_atomic(const std::string& path, const std::string& content) {
  fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) throw Error("cannot create directory " + target.parent_path().string() + ": " + ec.message());
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error("cannot write " + tmp + ": " + std::strerror(errno) + "; check the directory's permissions");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw Error("writing " + tmp + " failed (disk full?)");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    std::remove(tmp.c_str());
    throw Error("cannot rename " + tmp + " to " + path + ": " + std::strerror(err));
  }
}

}  // namespace v1
}  // namespace gardener
