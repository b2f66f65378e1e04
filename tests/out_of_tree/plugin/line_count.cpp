// An out-of-tree sink: writes "<lines read> <clusters> <not clustered>" to a file.
#include <fstream>

#include <gardener/gardener.hpp>

namespace example {

class LineCount : public gardener::Sink {
 public:
  static gardener::PluginInfo plugin_info() {
    gardener::PluginInfo info;
    info.kind = gardener::Kind::Sink;
    info.name = "line_count";
    info.description = "Writes the run's line counts to a file (out-of-tree example).";
    info.stability = gardener::Stability::Alpha;
    info.options = {{"path", gardener::OptionType::String, nullptr, "file to write", true, {}}};
    return info;
  }

 protected:
  void do_configure(const gardener::Config& config, gardener::Diagnostics& diag) override {
    path_ = config.get_string("path");
    if (path_.empty()) diag.error("path", "must not be empty");
  }
  void do_write(gardener::Context& ctx, gardener::Report& report) override {
    if (ctx.plan()) {
      ctx.plan_action("write " + path_);
      return;
    }
    std::ofstream(path_) << report.lines_read << " " << report.clusters.size() << " " << report.lines_not_clustered
                         << "\n";
  }

 private:
  std::string path_;
};

}  // namespace example

GARDENER_PLUGIN(example::LineCount)
