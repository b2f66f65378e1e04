#pragma once
// Source `file`: reads files named by globs (plain or .gz) through the framework's EventReader.
#include <memory>
#include <string>
#include <vector>

#include <gardener/input.hpp>
#include <gardener/plugin.hpp>

namespace gardener::plugins {

class FileSource final : public Source {
 public:
  static PluginInfo plugin_info();

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_run(Context& ctx, Emitter& out) override;
  SourceInfo do_info() const override;

 private:
  /// The files the globs name, sorted per pattern, without duplicates; throws when a plain path is
  /// missing or a directory (a glob matching nothing warns and is noted in the source's info).
  std::vector<std::string> expand(Context& ctx);

  std::vector<std::string> patterns_;
  InputOptions options_;
  std::unique_ptr<EventReader> reader_;
  std::vector<std::string> files_;
  std::vector<std::string> unmatched_;  // patterns that matched no file this run
};

}  // namespace gardener::plugins
