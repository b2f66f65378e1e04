#include "file_source.hpp"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

namespace gardener::plugins {

PluginInfo FileSource::plugin_info() {
  PluginInfo info{Kind::Source, "file",
                  "Reads log files (globs, plain or .gz): JSON lines, gcloud JSON arrays or text with a "
                  "log_format, with multi-line events.",
                  Stability::Beta, {}};
  info.options.push_back({"path", OptionType::StringList, nullptr,
                          "File path or glob, or a list of them; relative to the pipeline file's directory.",
                          true});
  auto shared = input_option_specs();
  info.options.insert(info.options.end(), shared.begin(), shared.end());
  return info;
}

void FileSource::do_configure(const Config& config, Diagnostics& diag) {
  patterns_ = config.get_list("path");
  if (patterns_.empty()) diag.error("path", "give at least one file path or glob");
  options_ = input_options_from(config, diag);
}

std::vector<std::string> FileSource::expand(Context& ctx) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& pattern : patterns_) {
    std::filesystem::path p(pattern);
    if (p.is_relative()) p = std::filesystem::path(ctx.base_dir()) / p;
    glob_t g{};
    int rc = ::glob(p.c_str(), GLOB_NOSORT, nullptr, &g);
    std::vector<std::string> found(g.gl_pathv, g.gl_pathv + (rc == 0 ? g.gl_pathc : 0));
    globfree(&g);
    std::sort(found.begin(), found.end());
    bool is_glob = pattern.find_first_of("*?[") != std::string::npos;
    if (found.empty() && !is_glob)
      throw Error(fmt::format("no such file {} (path \"{}\" is relative to {}); fix `path`", p.string(), pattern,
                              ctx.base_dir()));
    if (found.empty()) {
      ctx.warn("path \"{}\" matches no file", pattern);
      unmatched_.push_back(pattern);  // in the Report's source note as well: a silent empty read looks healthy
    }
    for (auto& f : found) {
      if (std::filesystem::is_directory(f))
        throw Error(fmt::format("{} is a directory; give a file or a glob such as \"{}/*.log\" in `path`", f,
                                std::filesystem::path(pattern).string()));
      if (seen.insert(f).second) out.push_back(std::move(f));
    }
  }
  return out;
}

void FileSource::do_run(Context& ctx, Emitter& out) {
  reader_ = std::make_unique<EventReader>(options_);
  unmatched_.clear();
  files_ = expand(ctx);
  for (const auto& f : files_) {
    ctx.progress("reading " + f);
    if (!reader_->read_file(f, f, ctx, out)) break;
  }
  reader_->publish_metrics(ctx);
}

SourceInfo FileSource::do_info() const {
  std::string names;
  for (const auto& f : files_) names += (names.empty() ? "" : ", ") + std::filesystem::path(f).filename().string();
  if (files_.empty()) names = fmt::format("{}", fmt::join(patterns_, ", "));
  SourceInfo info = reader_source_info(*this, "file " + names, reader_.get());
  for (const auto& pattern : unmatched_)
    info.note += (info.note.empty() ? "" : "; ") + fmt::format("path \"{}\" matches no file", pattern);
  return info;
}

}  // namespace gardener::plugins

GARDENER_PLUGIN(gardener::plugins::FileSource)
