#pragma once
#include <gardener/plugin.hpp>

#include "worklog_render.hpp"

namespace gardener::markdown {

/// Sink `markdown`: writes the worklog atomically to a path with {pipeline}/{end:FMT} placeholders.
class MarkdownSink : public Sink {
 public:
  static PluginInfo plugin_info();

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_write(Context& ctx, Report& report) override;

 private:
  std::string path_;
  WorklogOptions options_;
};

}  // namespace gardener::markdown
