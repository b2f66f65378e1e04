// Source `stdin`: the same reader as `file`, on standard input (or any descriptor, for tests).
#include "stdin_source.hpp"

#include <unistd.h>

namespace gardener::plugins {

PluginInfo StdinSource::plugin_info() {
  return PluginInfo{Kind::Source, "stdin",
                    "Reads log events from standard input (plain or gzip): JSON lines, a gcloud JSON array "
                    "or text with a log_format, with multi-line events.",
                    Stability::Beta, input_option_specs()};
}

void StdinSource::do_configure(const Config& config, Diagnostics& diag) {
  options_ = input_options_from(config, diag);
}

void StdinSource::do_run(Context& ctx, Emitter& out) {
  reader_ = std::make_unique<EventReader>(options_);
  reader_->read_fd(fd_, "stdin", ctx, out);
  reader_->publish_metrics(ctx);
}

SourceInfo StdinSource::do_info() const { return reader_source_info(*this, "stdin", reader_.get()); }

}  // namespace gardener::plugins

GARDENER_PLUGIN(gardener::plugins::StdinSource)
