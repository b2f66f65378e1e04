#pragma once
#include <memory>

#include <gardener/input.hpp>
#include <gardener/plugin.hpp>

namespace gardener::plugins {

class StdinSource final : public Source {
 public:
  static PluginInfo plugin_info();
  /// Tests read a pipe instead of the process's stdin.
  void set_fd_for_testing(int fd) { fd_ = fd; }

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_run(Context& ctx, Emitter& out) override;
  SourceInfo do_info() const override;

 private:
  int fd_ = 0;
  InputOptions options_;
  std::unique_ptr<EventReader> reader_;
};

}  // namespace gardener::plugins
