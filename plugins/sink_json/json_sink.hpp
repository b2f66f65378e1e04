#pragma once
// Sink `json`: the Report in its stable JSON form (docs/report-schema.md), written atomically.
#include <gardener/plugin.hpp>

namespace gardener::json_sink {

class JsonSink : public Sink {
 public:
  static PluginInfo plugin_info();

 protected:
  void do_configure(const Config& config, Diagnostics&) override;
  void do_write(Context& ctx, Report& report) override;

 private:
  std::string path_;
  int indent_ = 2;
};

}  // namespace gardener::json_sink
